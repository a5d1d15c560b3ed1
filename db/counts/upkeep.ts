// Keeping the report counts in step with the contributions, in the writers' own transactions: the
// counts of a contribution come out before it changes and go back in as it then reads (CountChange),
// so the kept rows are never stale and nothing has to invalidate them. A rebuild (a new database,
// other definitions) counts everything, group by group.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { refreshTopics } from '../topics.js';
import { COUNT_TABLES, columnsOf, countDefinitions, countedRows, dayRows, measuresOf, monthRows, yearRows, type CountedRows } from './definitions.js';

/**
 * The counted rows of the contributions `where` selects, made once into temporary tables (every
 * table's definition reads them twice, for months and for years).
 */
function materialized(db: Db, where: SQL): CountedRows {
  const rows = countedRows(where);
  db.run(sql`drop table if exists temp.counted_sources`);
  db.run(sql`drop table if exists temp.counted_contributions`);
  db.run(sql`create temp table counted_sources as select * from ${rows.sources}`);
  db.run(sql`create temp table counted_contributions as select * from ${rows.contributions}`);
  return { sources: sql`temp.counted_sources`, contributions: sql`temp.counted_contributions` };
}

/** Adds the counts of the contributions `where` selects (`sign` −1: takes them out) to the kept rows. */
function addCounts(db: Db, where: SQL, sign: 1 | -1, options: { fresh?: boolean } = {}): void {
  const rows = materialized(db, where);
  for (const t of Object.values(COUNT_TABLES)) {
    const measures = measuresOf(t);
    const levels = t.pairs ? [yearRows(t, rows, sign)] : [monthRows(t, rows, sign), yearRows(t, rows, sign)];
    if (t.days) levels.push(dayRows(t, rows, sign));
    const selected = sql.join(levels, sql` union all `);
    const into = sql.raw(`insert into ${t.table} (${columnsOf(t).join(', ')})`);
    // A rebuild writes each bucket once; a change adds to what is kept. (`where true`: an upsert's
    // SELECT needs a WHERE clause, SQLite's grammar.)
    if (options.fresh) db.run(sql`${into} ${selected}`);
    else db.run(sql`${into} select * from (${selected}) where true
      on conflict do update set ${sql.raw(measures.map((m) => `${m} = ${m} + excluded.${m}`).join(', '))}`);
  }
  db.run(sql`drop table temp.counted_sources`);
  db.run(sql`drop table temp.counted_contributions`);
}

const CHANGING = sql.raw('temp.count_changing');
const changingIds = sql`contributions.id in (select id from ${CHANGING})`;

/**
 * Keeps the counts (and the topics) in step while contributions change: `before` takes out the counts
 * of the stored contributions about to change (while they still read as before), `after` works out
 * again the topics of those and of the new ones and puts their counts back as they now read. Rows left
 * with nothing (a subject gone from a bucket) stay, empty: reads skip them, a re-resolve clears them.
 */
export class CountChange {
  private readonly ids = new Set<number>();

  constructor(private readonly db: Db) {}

  /** Takes out the counts of these stored contributions (each once, however often asked). */
  before(ids: Iterable<number>): void {
    const fresh = [...ids].filter((id) => !this.ids.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.ids.add(id);
    this.select(fresh);
    addCounts(this.db, changingIds, -1);
  }

  /** Puts back the counts of the contributions taken out, and counts these new ones. */
  after(newIds: Iterable<number> = []): void {
    for (const id of newIds) this.ids.add(id);
    if (this.ids.size === 0) return;
    this.select([...this.ids]);
    refreshTopics(this.db, changingIds);
    addCounts(this.db, changingIds, 1);
    this.ids.clear();
  }

  private select(ids: number[]): void {
    this.db.run(sql`create temp table if not exists count_changing (id integer primary key)`);
    this.db.run(sql`delete from ${CHANGING}`);
    this.db.run(sql`insert into ${CHANGING} (id) select value from json_each(${JSON.stringify(ids)})`);
  }
}

/** Counts every contribution anew, group by group, with their topics worked out again. */
function rebuildCounts(db: Db): void {
  for (const t of Object.values(COUNT_TABLES)) db.run(sql.raw(`delete from ${t.table}`));
  const groupIds = db.all<{ id: number }>(sql`select distinct group_id as id from contributions order by 1`);
  for (const { id } of groupIds) {
    const inGroup = sql`contributions.group_id = ${id}`;
    refreshTopics(db, inGroup);
    addCounts(db, inGroup, 1, { fresh: true });
  }
}

const DEFINITIONS_KEY = 'count_definitions';

/** Makes every count anew, in one transaction, and records the definitions they were made with. */
export function recount(db: Db): void {
  db.transaction((tx) => {
    rebuildCounts(tx as unknown as Db);
    tx.run(sql`insert into meta (key, value) values (${DEFINITIONS_KEY}, ${countDefinitions()}) on conflict (key) do update set value = excluded.value`);
  });
}

/** Makes the counts again when they were made with other definitions; returns whether it did. */
export function ensureCounts(db: Db): boolean {
  const stored = db.get<{ value: string }>(sql`select value from meta where key = ${DEFINITIONS_KEY}`)?.value;
  if (stored === countDefinitions()) return false;
  recount(db);
  return true;
}

/** Removes rows whose contributions all went elsewhere (after a re-resolve). */
export function dropEmptyCounts(db: Db): void {
  for (const t of Object.values(COUNT_TABLES)) {
    const empty = t.pairs ? 'contributions = 0' : 'accepted + noted + not_handled + pending + withdrawn + superseded = 0';
    db.run(sql.raw(`delete from ${t.table} where ${empty}`));
  }
}
