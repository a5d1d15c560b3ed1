// Opening a database: the file (or :memory:), the pragmas we rely on, and the committed migrations.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { projectPath } from '../domain/project.js';
import * as schema from './schema.js';
import { ensureCounts } from './counts/upkeep.js';

import type { Db } from './connection.js';

export type { Db };

// Resolved from this file, not the working directory, so the CLI works from anywhere.
const migrationsFolder = projectPath('db', 'migrations');

export const BODIES = [
  { id: '3gpp', name: '3GPP' },
  { id: 'itu', name: 'ITU' },
  { id: 'ieee', name: 'IEEE' },
  { id: 'ietf', name: 'IETF' },
] as const;

/**
 * Opens (creating if needed) the SQLite database at `file` and brings it to the current schema.
 * WAL lets the web server read while a scrape writes; the busy timeout makes a reader wait for a
 * checkpoint instead of failing with SQLITE_BUSY.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache (default 2 MB): the report queries walk indexes of hundreds of MB at full history.
  sqlite.pragma('cache_size = -65536');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder });
  // The report counts of a database made by an older stdwatch (other definitions): made again
  // before anything reads them. Nothing to do on every later open.
  ensureCounts(db);
  // The query planner's statistics, kept current: without them (or without those of an index a
  // migration just added) a date-filtered report at 2 M contributions walks every source row instead
  // of the date index, 50 s instead of 0.3 s. Sampled (analysis_limit) and only for tables that need
  // it, so it costs ~1 s once on a 2 M database and ~0 ms after.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  const insertBody = sqlite.prepare('insert or ignore into bodies (id, name) values (?, ?)');
  for (const body of BODIES) insertBody.run(body.id, body.name);
  return db;
}

/**
 * A value made once per connection and kept while it lives: the prepared statements of a hot path.
 * drizzle builds a query's SQL in JS and prepares it anew on every call, which for a small query
 * costs more than SQLite running it.
 */
export function perConnection<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Database.Database, T>();
  return (db) => {
    let value = made.get(db.$client);
    if (value === undefined) made.set(db.$client, (value = make(db)));
    return value;
  };
}

const dialect = new SQLiteSyncDialect();
const MAX_KEPT_STATEMENTS = 128;
const keptStatements = perConnection(() => new Map<string, Database.Statement>());

/** A drizzle `sql` query as SQLite's text and its parameters. */
export function queryOf(query: SQL): { text: string; params: unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { text, params };
}

/** `query`'s statement, prepared once per connection and query text (the texts used least recently go first). */
function keptStatement(db: Db, query: SQL): { statement: Database.Statement; params: unknown[] } {
  const { text, params } = queryOf(query);
  const kept = keptStatements(db);
  let statement = kept.get(text);
  if (statement) kept.delete(text);
  else statement = db.$client.prepare(text);
  kept.set(text, statement);
  if (kept.size > MAX_KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
  return { statement, params };
}

/**
 * As `db.all(query)`, on a statement kept per connection: for the queries of reports and API pages,
 * whose text depends only on which filters are set (the values are parameters). A query must not be
 * read this way while the same text is being iterated.
 */
export function allOf<T>(db: Db, query: SQL): T[] {
  const { statement, params } = keptStatement(db, query);
  return statement.all(...params) as T[];
}

/** As `db.get(query)`, on a kept statement (allOf). */
export function getOf<T>(db: Db, query: SQL): T | undefined {
  const { statement, params } = keptStatement(db, query);
  return statement.get(...params) as T | undefined;
}

const versionStatement = perConnection((db) =>
  db.$client.prepare("select (select data_version from pragma_data_version()) || ':' || total_changes()").pluck(),
);

/**
 * Where the data stands, as a string that changes whenever the database does: written by another
 * connection (PRAGMA data_version) or by this one (total_changes(), which also counts this
 * connection's writes to its temporary tables). What is kept while the data is unchanged keys on it.
 * Read on every request: one prepared statement per connection (`pragma()` prepares anew each call).
 */
export function dataVersion(db: Db): string {
  return versionStatement(db).get() as string;
}

/**
 * Values worked out from the data, kept per connection while it is unchanged (dataVersion): all
 * dropped when it changes, or when `max` are kept.
 */
export function keptWhileUnchanged<T>(max = 1000): (db: Db, key: string, compute: () => T) => T {
  const kept = new WeakMap<Database.Database, { version: string; values: Map<string, T> }>();
  return (db, key, compute) => {
    const version = dataVersion(db);
    let entry = kept.get(db.$client);
    if (!entry || entry.version !== version) kept.set(db.$client, (entry = { version, values: new Map() }));
    let value = entry.values.get(key);
    if (value === undefined) {
      value = compute();
      if (entry.values.size > max) entry.values.clear();
      entry.values.set(key, value);
    }
    return value;
  };
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}
