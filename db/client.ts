// Opening a database: the file (or :memory:), the pragmas we rely on, and the committed migrations.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { projectPath } from '../domain/project.js';
import * as schema from './schema.js';
import { ensureCounts } from './counts/upkeep.js';

import type { Db } from './connection.js';

export type { Db };
export { perConnection } from './connection.js';

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
  // 16 MB of page cache (default 2 MB). At 2 M contributions 64 MB made no difference to a report right
  // after a write (a write by another connection empties the cache), to a store or to a re-resolution,
  // and cost the server 50-80 MB of resident memory (docs/performance.md).
  sqlite.pragma('cache_size = -16384');
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

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}
