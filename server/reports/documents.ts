// The documents behind a number: the contributions a report counted, picked by the same filters (the
// counting rules among them) and the record filters (who is among the sources), a page at a time.
// The HTML list at /contributions and every count's link use it; /api/contributions is its JSON twin.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contributions, groups } from '../../db/schema.js';
import { contributionPage } from './contributions.js';
import { contributionCondition, type Filters } from './filters.js';
import { countsOf } from './participation.js';
import { recordCondition, type RecordFilters } from './record-filters.js';
import { matchCondition } from '../../db/fts.js';

/** The condition the record filters and the full-text query add to the shared filters. */
export function recordWhere(db: Db, filters: Filters, record: RecordFilters, q?: string): SQL | undefined {
  const conditions = [q ? matchCondition(q) : undefined, recordCondition(record, filters, db)].filter((c) => c !== undefined);
  return conditions.length === 0 ? undefined : sql.join(conditions, sql` and `);
}

/** How many contributions the filters pick. */
export function documentCount(db: Db, filters: Filters, where?: SQL): number {
  return (
    db.get<{ n: number }>(sql`select count(*) as n from ${contributions} join ${groups} on ${groups.id} = ${contributions.groupId}
      where ${contributionCondition(filters)}${where ? sql` and ${where}` : sql``}`)?.n ?? 0
  );
}

export function documentsPage(db: Db, filters: Filters, record: RecordFilters, options: { q?: string; after?: number; limit: number }) {
  const where = recordWhere(db, filters, record, options.q);
  const page = contributionPage(db, filters, { after: options.after, limit: options.limit, where });
  return {
    kind: 'documents' as const,
    filters,
    record,
    q: options.q ?? null,
    total: documentCount(db, filters, where),
    items: page.items,
    next: page.next,
  };
}
