// The database's size against the same data without anything derived from it (issue 20: ≤ 2×).
//
// What is derived, and dropped for the base (each can be made again from what stays):
// - the report counts, every `counts_*` table (db/counts/: recount makes them from contributions and
//   contribution_sources);
// - the full-text index `contributions_fts` with its shadow tables and the triggers that keep it in step
//   (db/migrations/0003: external content, `rebuild` makes it from contributions);
// - `contribution_topics` (db/topics.ts: refreshTopics makes it from contributions, groups and
//   domain/topics.yaml; recount does it for everything);
// - the query planner's statistics `sqlite_stat1` and `sqlite_stat4` (ANALYZE).
// What stays although it could be worked out again, and why:
// - `contribution_sources`: the sources of each contribution resolved with the registry at the
//   contribution's date. Re-resolving rewrites it from `contributions.source_text`, but it is the data
//   every report and every reference count reads (the "raw tables" of the naive path), not an index of it.
// - `positions`: its `tdoc-source` seats are read off source cells (db/seats.ts rebuildTdocSeats), but
//   the table also holds the seats of officer pages, which are not derived.
// - `organizations` and `organization_aliases`: the registry as the database holds it (syncRegistry).
// Any table this file does not name is kept and reported as unclassified, so a new one gets a decision.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Tables made from the raw tables, dropped for the base size (see above). */
const isDerived = (table: string) =>
  table.startsWith('counts_') || table === 'contributions_fts' || table === 'contribution_topics' || table === 'sqlite_stat1' || table === 'sqlite_stat4';

/** Tables whose content is not derived (or kept on purpose, see above). */
const KEPT = new Set([
  'bodies', 'groups', 'meetings', 'raw_documents', 'organizations', 'organization_aliases', 'contributions',
  'contribution_status_history', 'contribution_sources', 'contribution_authors', 'positions', 'scrape_runs', 'meta',
  'digests', 'watchlists', 'watchlist_items', '__drizzle_migrations', 'sqlite_sequence', 'sqlite_schema', 'sqlite_master',
]);

/** The database file and its write-ahead log, in bytes. */
export function databaseBytes(file: string): number {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return size(file) + size(`${file}-wal`);
}

export interface BaseSize {
  baseBytes: number;
  /** The tables dropped (a virtual table's shadow tables go with it). */
  dropped: string[];
  /** Tables neither derived nor known to be kept: kept, to be classified. */
  unclassified: string[];
  /** Bytes per table (with its indexes; the full-text index with its shadow tables) in the vacuumed copy of the whole database. */
  perTable: Record<string, number>;
  /** Milliseconds: the copy (VACUUM INTO), the per-table sizes, dropping and vacuuming. */
  ms: { copy: number; perTable: number; drop: number };
}

/**
 * The size of the database without its derived tables: copied with VACUUM INTO to a temporary file,
 * the derived tables dropped there, vacuumed and measured; the copy is deleted. `file` is only read.
 */
export function baseSize(file: string, log: (m: string) => void = () => {}): BaseSize {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-bench-base-'));
  const copyFile = path.join(dir, 'base.db');
  try {
    let t = performance.now();
    const source = new Database(file, { readonly: true });
    try {
      source.prepare('vacuum into ?').run(copyFile);
    } finally {
      source.close();
    }
    const copyMs = performance.now() - t;
    log(`  copied with VACUUM INTO in ${(copyMs / 1000).toFixed(0)} s: ${fs.statSync(copyFile).size} bytes`);
    const db = new Database(copyFile);
    try {
      t = performance.now();
      const perTable: Record<string, number> = {};
      const rows = db
        .prepare(`select coalesce(m.tbl_name, d.name) as tbl, sum(d.pgsize) as bytes from dbstat d
          left join sqlite_schema m on m.name = d.name group by tbl order by bytes desc`)
        .all() as Array<{ tbl: string; bytes: number }>;
      for (const { tbl, bytes } of rows) {
        const owner = tbl.startsWith('contributions_fts_') ? 'contributions_fts' : tbl;
        perTable[owner] = (perTable[owner] ?? 0) + bytes;
      }
      const perTableMs = performance.now() - t;
      t = performance.now();
      const tables = db.prepare("select name from sqlite_schema where type = 'table'").pluck().all() as string[];
      const dropped = tables.filter(isDerived);
      const unclassified = tables.filter((name) => !isDerived(name) && !KEPT.has(name) && !name.startsWith('contributions_fts_'));
      const triggers = db.prepare("select name, sql from sqlite_schema where type = 'trigger'").all() as Array<{ name: string; sql: string }>;
      for (const trigger of triggers) {
        if (dropped.some((name) => trigger.sql.includes(name))) db.exec(`drop trigger "${trigger.name}"`);
      }
      for (const name of dropped) db.exec(`drop table "${name}"`);
      db.exec('vacuum');
      const dropMs = performance.now() - t;
      db.close();
      return { baseBytes: databaseBytes(copyFile), dropped, unclassified, perTable, ms: { copy: copyMs, perTable: perTableMs, drop: dropMs } };
    } finally {
      if (db.open) db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
