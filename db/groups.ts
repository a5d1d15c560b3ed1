// Groups as the writers meet them: the id of a body's group by its code, made on first use.
import { and, eq } from 'drizzle-orm';
import type { ParsedGroup } from '../domain/types.js';
import type { Db } from './connection.js';
import { groups } from './schema.js';

/** The id of a body's group (created when new; its name brought up to date). */
export function groupId(db: Db, body: string, group: ParsedGroup): number {
  // Select first: an upsert would consume an AUTOINCREMENT id even when the row exists.
  const existing = db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.bodyId, body), eq(groups.code, group.code)))
    .get();
  if (existing) {
    if (existing.name !== group.name) db.update(groups).set({ name: group.name }).where(eq(groups.id, existing.id)).run();
    return existing.id;
  }
  return db.insert(groups).values({ bodyId: body, code: group.code, name: group.name }).returning({ id: groups.id }).get().id;
}
