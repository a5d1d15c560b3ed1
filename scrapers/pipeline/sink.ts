// What the sources hand their records to, backed by the database: each listing or roster stored in its
// own transaction (db/contributions.ts, db/seats.ts), its sources resolved with the resolver the pipeline runs with.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { positions } from '../../db/schema.js';
import { closeReplacedSeats, storeRoster } from '../../db/seats.js';
import { storeListing } from '../../db/contributions.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import type { RecordSink } from '../source.js';

export function databaseSink(db: Db, resolver: Resolver): RecordSink {
  return {
    listing: (listing, rawDocumentId) => storeListing(db, resolver, listing, { rawDocumentId, seenAt: new Date().toISOString() }),
    roster: (roster, options) => storeRoster(db, resolver, roster, options),
    closeReplacedSeats: (options) => closeReplacedSeats(db, options),
    openSeats: (basis, scope) =>
      db
        .select({ role: positions.role, person: positions.person, sourceRaw: positions.sourceRaw, detail: positions.detail, from: positions.fromDate })
        .from(positions)
        .where(and(eq(positions.basis, basis), eq(positions.scope, scope), isNull(positions.toDate)))
        .all(),
  };
}
