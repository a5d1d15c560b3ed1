// Keeping the report counts in step with the contributions, in the writers' own transactions: the
// rows a contribution counts for come out before it changes and go back in as it then reads
// (CountChange), so the kept rows are never stale and nothing has to invalidate them. A rebuild (a new
// database, other definitions) counts everything, one group's year at a time.
import { sql, type SQL } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection.js';
import { perConnection } from '../connection.js';
import { refreshTopics } from '../topics.js';
import { COUNT_TABLES, COUNT_TABLE_NAMES, CountRows, columnsOf, countContribution, countDefinitions, measuresOf, type CountTableName } from './definitions.js';
import { eachCounted } from './facts.js';

/** Rows per statement of a batch (the rest of a table's rows go one by one). */
const BATCH = 16;

/** The two statements writing a table's rows one way: adding them to kept ones (or making them), or making them in a rebuild. */
interface Writer {
  /** One row per call. */
  one: Statement;
  /** BATCH rows per call, their columns one after the other. */
  batch: Statement;
}

/**
 * Statements writing kept rows, per table, as bound values: binding a row's columns costs less than
 * SQLite taking them out of a JSON array, and BATCH rows a call save most of the cost of a call per
 * row (RAN#102's 11,000 rows: 51 ms as one JSON batch per table, 27 ms a row per call, 23 ms by 16).
 */
const writers = perConnection((db: Db) =>
  Object.fromEntries(
    Object.values(COUNT_TABLES).map((t) => {
      const columns = columnsOf(t);
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const upsert = ` on conflict do update set ${measuresOf(t).map((m) => `${m} = ${m} + excluded.${m}`).join(', ')}`;
      const writer = (rows: number, add: boolean): Statement =>
        db.$client.prepare(`insert into ${t.table} (${columns.join(', ')}) values ${Array(rows).fill(tuple).join(', ')}${add ? upsert : ''}`);
      return [t.name, { add: { one: writer(1, true), batch: writer(BATCH, true) }, insert: { one: writer(1, false), batch: writer(BATCH, false) } }];
    }),
  ) as Record<CountTableName, { add: Writer; insert: Writer }>,
);

/** Rows bound BATCH to a call of one writer, the rest one by one. */
class Batch {
  private readonly values: (string | number)[] = [];
  private pending = 0;

  constructor(
    private readonly writer: Writer,
    private readonly width: number,
  ) {}

  push(row: (string | number)[]): void {
    for (const value of row) this.values.push(value);
    if (++this.pending === BATCH) {
      this.writer.batch.run(this.values);
      this.values.length = 0;
      this.pending = 0;
    }
  }

  flush(): void {
    for (let i = 0; i < this.pending; i++) this.writer.one.run(this.values.slice(i * this.width, (i + 1) * this.width));
    this.values.length = 0;
    this.pending = 0;
  }
}

/**
 * Writes rows added up in memory: added to what is kept, or (`fresh`, a rebuild) made anew — but for
 * the `all` rows, which every year of a group adds to.
 */
function write(db: Db, rows: CountRows, fresh = false): void {
  const statements = writers(db);
  for (const name of COUNT_TABLE_NAMES) {
    const width = columnsOf(COUNT_TABLES[name]).length;
    const added = new Batch(statements[name].add, width);
    const made = fresh ? new Batch(statements[name].insert, width) : added;
    // A row's first column is its level.
    for (const row of rows.rowsOf(name)) (row[0] === 'all' ? added : made).push(row);
    added.flush();
    made.flush();
  }
}

const CHANGING = sql.raw('temp.count_changing');
const changing = sql`contributions.id in (select id from ${CHANGING})`;

/**
 * Keeps the counts (and the topics) in step while contributions change: `before` takes out the rows of
 * the stored contributions about to change (while they still read as before), `after` works out again
 * the topics of those and of the new ones and puts their rows back as they now read. Rows left with
 * nothing (a subject gone from a bucket) stay, empty: reads skip them, a re-resolve clears them.
 */
export class CountChange {
  private readonly ids = new Set<number>();
  private readonly rows = new CountRows();

  /** `db`: the connection itself (not a drizzle transaction object), inside the writer's transaction. */
  constructor(private readonly db: Db) {
    db.run(sql`create temp table if not exists count_changing (id integer primary key)`);
  }

  /** Takes out the rows of these stored contributions (each once, however often asked). */
  before(ids: Iterable<number>): void {
    const fresh = [...ids].filter((id) => !this.ids.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.ids.add(id);
    this.select(fresh);
    eachCounted(this.db, changing, (c) => countContribution(c, this.rows, -1));
  }

  /** Puts back the rows of the contributions taken out, and counts these new ones; writes them all. */
  after(newIds: Iterable<number> = []): void {
    for (const id of newIds) this.ids.add(id);
    if (this.ids.size > 0) {
      this.select([...this.ids]);
      refreshTopics(this.db, changing);
      eachCounted(this.db, changing, (c) => countContribution(c, this.rows, 1));
    }
    write(this.db, this.rows);
    this.rows.clear();
    this.ids.clear();
    this.db.run(sql`delete from ${CHANGING}`);
  }

  private select(ids: number[]): void {
    this.db.run(sql`delete from ${CHANGING}`);
    this.db.run(sql`insert into ${CHANGING} (id) select value from json_each(${JSON.stringify(ids)})`);
  }
}

/**
 * Counts every contribution anew, one group's year at a time (a year's rows — its days, months and
 * the year — are the group's own: no chunk adds to another's, but to the group's `all` rows), with
 * their topics worked out again.
 */
function rebuildCounts(db: Db): void {
  for (const t of Object.values(COUNT_TABLES)) db.run(sql.raw(`delete from ${t.table}`));
  const chunks = db.all<{ groupId: number; year: string }>(sql`
    select distinct group_id as groupId, coalesce(substr(date, 1, 4), '') as year from contributions order by 1, 2`);
  for (const { groupId, year } of chunks) {
    const inChunk: SQL =
      year === ''
        ? sql`contributions.group_id = ${groupId} and contributions.date is null`
        : sql`contributions.group_id = ${groupId} and contributions.date between ${`${year}-01-01`} and ${`${year}-12-31`}`;
    refreshTopics(db, inChunk);
    const rows = new CountRows();
    eachCounted(db, inChunk, (c) => countContribution(c, rows, 1));
    write(db, rows, true);
  }
}

const DEFINITIONS_KEY = 'count_definitions';

/** Makes every count anew, in one transaction, and records the definitions they were made with. */
export function recount(db: Db): void {
  // On the connection itself (a drizzle transaction object has no $client): the same transaction.
  db.transaction((tx) => {
    rebuildCounts(db);
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
