// Generates a realistic full-history 3GPP database for the benchmarks.
//   npm run bench:data [-- --size 2000000] [--db FILE]
// The database is made through the project's own schema and migrations (openDatabase), loaded first
// with the bundled real snapshot (data/snapshot: ~80,000 real contributions), and then grown by
// sampling those real contributions: each generated contribution copies one real contribution's source
// cell (so organizations keep their relative frequencies and contributions their co-source counts), its
// type, "for", status and outcome, and its title; its source rows are that cell resolved at the
// generated contribution's own date, as a store writes them (the owners of that day, the membership
// partner), so the database is as resolved with this registry and a re-resolution without a registry
// change rewrites nothing. Groups are 3GPP's 18 groups with meetings spread 1999–2025 (working groups
// ~6 a year, plenaries 4), volume growing over the years. The group weights and the growth are
// assumptions (the snapshot's lists are RAN's, RAN1's and SA2's), stated in GROUP_WEIGHTS below.
//
// Rows are written directly, one transaction per batch, with prepared statements, exactly the rows
// db/contributions.ts storeListing writes: contributions, contribution_sources (through its own
// writeSources: denormalised parent, countries, kind, partner and share) and one
// contribution_status_history row each. Leadership seats are those of the snapshot (the
// generated rows copy seat cells, but the tdoc seat table is not rebuilt over them).
//
// Default file: <os tmpdir>/stdwatch-bench/bench-<size>.db (kept out of the repository).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { closeDatabase, openDatabase, type Db } from '../db/client.js';
import * as schema from '../db/schema.js';
import { statements, writeSources } from '../db/contributions.js';
import { OrganizationIds } from '../db/organizations.js';
import { recount } from '../db/counts/upkeep.js';
import { applyRegistry, registryApplied } from '../db/registry.js';
import { RawArchive } from '../db/archive.js';
import { groupByCode } from '../domain/groups/3gpp.js';
import { loadRegistry } from '../domain/resolve/registry.js';
import { createResolver, type ResolvedSource, type Resolver } from '../domain/resolve/resolve.js';
import { loadSnapshot } from '../scrapers/pipeline/seed.js';

export const DEFAULT_SIZE = 2_000_000;

export function defaultBenchDb(size: number): string {
  return path.join(os.tmpdir(), 'stdwatch-bench', `bench-${size}.db`);
}

/**
 * An empty database in memory with the registry applied, and a raw archive in a temporary folder: a
 * store's or an import's target. `close` closes the one and removes the other.
 */
export function emptyTarget(resolver: Resolver) {
  const db = openDatabase(':memory:');
  applyRegistry(db, resolver);
  const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-bench-'));
  const archive = new RawArchive(archiveDir, db);
  const close = () => {
    closeDatabase(db);
    fs.rmSync(archiveDir, { recursive: true, force: true });
  };
  return { db, resolver, archive, close };
}

/**
 * Whether a benchmark database was resolved with this registry. Read-only: opening it (openDatabase)
 * would run the migrations, which the benchmark times when it opens it.
 */
export function resolvedWith(file: string, resolver: Resolver): boolean {
  const sqlite = new Database(file, { readonly: true });
  try {
    return registryApplied(drizzle(sqlite, { schema }) as Db, resolver);
  } finally {
    sqlite.close();
  }
}

/**
 * Share of all contributions per group (assumed, roughly 3GPP's: the radio working groups largest,
 * plenaries small), and the folder prefix for document URLs.
 */
const GROUP_WEIGHTS: Array<{ code: string; prefix: string; folder: string; weight: number; perYear: number }> = [
  { code: 'RAN', prefix: 'RP', folder: 'tsg_ran/TSG_RAN/TSGR_', weight: 3, perYear: 4 },
  { code: 'RAN1', prefix: 'R1', folder: 'tsg_ran/WG1_RL1/TSGR1_', weight: 16, perYear: 6 },
  { code: 'RAN2', prefix: 'R2', folder: 'tsg_ran/WG2_RL2/TSGR2_', weight: 14, perYear: 6 },
  { code: 'RAN3', prefix: 'R3', folder: 'tsg_ran/WG3_Iu/TSGR3_', weight: 7, perYear: 6 },
  { code: 'RAN4', prefix: 'R4', folder: 'tsg_ran/WG4_Radio/TSGR4_', weight: 18, perYear: 6 },
  { code: 'RAN5', prefix: 'R5', folder: 'tsg_ran/WG5_Test_ex-T1/TSGR5_', weight: 7, perYear: 5 },
  { code: 'SA', prefix: 'SP', folder: 'tsg_sa/TSG_SA/TSGS_', weight: 1.5, perYear: 4 },
  { code: 'SA1', prefix: 'S1', folder: 'tsg_sa/WG1_Serv/TSGS1_', weight: 3, perYear: 5 },
  { code: 'SA2', prefix: 'S2', folder: 'tsg_sa/WG2_Arch/TSGS2_', weight: 8, perYear: 6 },
  { code: 'SA3', prefix: 'S3', folder: 'tsg_sa/WG3_Security/TSGS3_', weight: 5, perYear: 5 },
  { code: 'SA4', prefix: 'S4', folder: 'tsg_sa/WG4_CODEC/TSGS4_', weight: 3, perYear: 5 },
  { code: 'SA5', prefix: 'S5', folder: 'tsg_sa/WG5_TM/TSGS5_', weight: 4, perYear: 6 },
  { code: 'SA6', prefix: 'S6', folder: 'tsg_sa/WG6_MissionCritical/TSGS6_', weight: 2, perYear: 5 },
  { code: 'CT', prefix: 'CP', folder: 'tsg_ct/TSG_CT/TSGC_', weight: 1.5, perYear: 4 },
  { code: 'CT1', prefix: 'C1', folder: 'tsg_ct/WG1_mm-cc-sm_ex-CN1/TSGC1_', weight: 8, perYear: 6 },
  { code: 'CT3', prefix: 'C3', folder: 'tsg_ct/WG3_interworking_ex-CN3/TSGC3_', weight: 2.5, perYear: 5 },
  { code: 'CT4', prefix: 'C4', folder: 'tsg_ct/WG4_protocollars_ex-CN4/TSGC4_', weight: 3.5, perYear: 6 },
  { code: 'CT6', prefix: 'C6', folder: 'tsg_ct/WG6_Smartcard_Ex-T3/TSGC6_', weight: 0.5, perYear: 4 },
];
const FIRST_YEAR = 1999;
const LAST_YEAR = 2025;
/** Yearly volume grows linearly: 2025 has 7.5 times the contributions of 1999. */
const yearWeight = (year: number) => 1 + (year - FIRST_YEAR) * 0.25;

/** A small seeded PRNG (mulberry32), so two runs at one size make the same database. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

interface Sample {
  title: string;
  type: string | null;
  doc_for: string | null;
  status: string | null;
  outcome: string;
  source_text: string;
  /** The source cell resolved without a date; each generated contribution takes it at its own date. */
  sources: ResolvedSource[];
}

interface PlannedMeeting {
  id: number;
  group: (typeof GROUP_WEIGHTS)[number];
  groupId: number;
  start: Date;
  contributions: number;
}

export interface GenerateResult {
  file: string;
  contributions: number;
  sources: number;
  meetings: number;
  seconds: number;
  rowsPerSec: number;
}

export async function generate(options: { size: number; file: string; log?: (m: string) => void }): Promise<GenerateResult> {
  const log = options.log ?? (() => {});
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(options.file + suffix, { force: true });
  const resolver = createResolver(loadRegistry());
  const db = openDatabase(options.file);
  const sqlite = db.$client;
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  applyRegistry(db, resolver);
  const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-bench-archive-'));
  let t = performance.now();
  await loadSnapshot({ db, resolver, archive: new RawArchive(archiveDir, db) });
  fs.rmSync(archiveDir, { recursive: true, force: true });
  log(`snapshot loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // The real contributions to sample from, with their source cells resolved (each distinct cell once).
  const resolvedByText = new Map<string, ResolvedSource[]>();
  const samples: Sample[] = (sqlite.prepare('select title, type, doc_for, status, outcome, source_text from contributions order by id').all() as Array<Omit<Sample, 'sources'>>).map(
    (row) => {
      let sources = resolvedByText.get(row.source_text);
      if (!sources) resolvedByText.set(row.source_text, (sources = resolver.sourcesOf(row.source_text)));
      return { ...row, sources };
    },
  );
  const usable = samples.filter((s) => s.sources.length > 0);
  log(`sampling from ${usable.length} real contributions`);

  const rand = random(options.size);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!;

  // Groups and meetings.
  const groupIdOf = sqlite.prepare('select id from groups where body_id = ? and code = ?');
  const insertGroup = sqlite.prepare('insert into groups (body_id, code, name) values (?, ?, ?)');
  const existingMeetings = new Set((sqlite.prepare("select name from meetings where body_id = '3gpp'").pluck().all() as string[]));
  const insertMeeting = sqlite.prepare(
    "insert into meetings (body_id, group_id, name, start_date, end_date, town, folder_url) values ('3gpp', ?, ?, ?, ?, null, ?) returning id",
  );
  const planned: PlannedMeeting[] = [];
  const totalWeight = GROUP_WEIGHTS.reduce((n, g) => n + g.weight, 0);
  sqlite.transaction(() => {
    for (const group of GROUP_WEIGHTS) {
      const known = groupByCode(group.code)!;
      let gid = (groupIdOf.get('3gpp', group.code) as { id: number } | undefined)?.id;
      if (gid === undefined) gid = Number(insertGroup.run('3gpp', known.code, known.name).lastInsertRowid);
      const groupMeetings: Array<{ start: Date; weight: number; name: string; folder: string }> = [];
      let number = 1;
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        for (let k = 0; k < group.perYear; k++) {
          const day = Math.floor(((k + rand() * 0.5) / group.perYear) * 360);
          const start = new Date(Date.UTC(year, 0, 5 + day));
          let name = `${group.code}#${number}`;
          // A real meeting of that name may be stored already (the snapshot has RAN1's own, -bis ones too).
          while (existingMeetings.has(name)) name = `${name}-bench`;
          existingMeetings.add(name);
          groupMeetings.push({ start, weight: yearWeight(year), name, folder: `https://www.3gpp.org/ftp/${group.folder}${number}` });
          number++;
        }
      }
      const groupTotal = (options.size * group.weight) / totalWeight;
      const weightSum = groupMeetings.reduce((n, m) => n + m.weight, 0);
      for (const m of groupMeetings) {
        const end = new Date(m.start.getTime() + 4 * 86_400_000);
        const id = (insertMeeting.get(gid, m.name, iso(m.start), iso(end), m.folder) as { id: number }).id;
        planned.push({ id, group, groupId: gid, start: m.start, contributions: (groupTotal * m.weight) / weightSum });
      }
    }
  })();
  // Whole numbers adding up to the size exactly.
  let carried = 0;
  let assigned = 0;
  for (const m of planned) {
    carried += m.contributions;
    const n = Math.round(carried) - assigned;
    m.contributions = n;
    assigned += n;
  }
  planned[planned.length - 1]!.contributions += options.size - assigned;
  log(`${planned.length} meetings planned, 1999–2025`);

  const insertContribution = sqlite.prepare(`insert into contributions
    (id, body_id, group_id, meeting_id, ref, title, type, doc_for, status, outcome, date, agenda_item, release, work_items,
     source_text, url, revision_of, revised_to, raw_document_id, first_seen_at, last_seen_at)
    values (?, '3gpp', ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, ?, ?, null, null, null, ?, ?)`);
  const prepared = statements(db);
  const ids = new OrganizationIds(sqlite, resolver);
  const insertHistory = sqlite.prepare('insert into contribution_status_history (contribution_id, status, seen_at, raw_document_id) values (?, ?, ?, null)');
  let nextId = ((sqlite.prepare('select max(id) as id from contributions').get() as { id: number | null }).id ?? 0) + 1;
  const counters = new Map<string, number>();
  const seenAt = new Date().toISOString();
  let sources = 0;
  let written = 0;
  const BATCH = 20_000;
  const pending: Array<() => void> = [];
  const writeBatch = sqlite.transaction((jobs: Array<() => void>) => {
    for (const job of jobs) job();
  });

  // Secondary indexes are dropped during the bulk insert and rebuilt after from their own definitions
  // (the migration's SQL as stored in sqlite_master): one sort per index instead of millions of
  // random B-tree updates.
  const indexes = sqlite
    .prepare(
      "select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('contributions', 'contribution_sources', 'contribution_status_history')",
    )
    .all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  // The full-text index likewise (no trigger fills it: the store does, db/contributions.ts), built once
  // at the end: filled row by row, its doclists of the words every copied title repeats are merged
  // again and again (600,000 rows took 40 minutes).

  t = performance.now();
  for (const meeting of planned) {
    const year = meeting.start.getUTCFullYear();
    const yy = String(year % 100).padStart(2, '0');
    const counterKey = `${meeting.group.prefix}${yy}`;
    for (let i = 0; i < meeting.contributions; i++) {
      const sample = pick(usable);
      const seq = (counters.get(counterKey) ?? 0) + 1;
      counters.set(counterKey, seq);
      const ref = `${meeting.group.prefix}-${yy}${String(seq).padStart(6, '0')}`;
      const date = iso(new Date(meeting.start.getTime() - Math.floor(rand() * 21) * 86_400_000));
      const id = nextId++;
      const folder = `https://www.3gpp.org/ftp/${meeting.group.folder}`;
      pending.push(() => {
        insertContribution.run(id, meeting.groupId, meeting.id, ref, sample.title, sample.type, sample.doc_for, sample.status, sample.outcome, date, sample.source_text, `${folder}/Docs/${ref}.zip`, seenAt, seenAt);
        writeSources(prepared, ids, id, resolver.atDate(sample.sources, date), true);
        insertHistory.run(id, sample.status, seenAt);
      });
      sources += sample.sources.length;
      if (pending.length === BATCH) {
        writeBatch(pending.splice(0));
        written += BATCH;
        if (written % 200_000 === 0) {
          const s = (performance.now() - t) / 1000;
          log(`  ${written} contributions, ${Math.round(written / s)} rows/s`);
        }
      }
    }
  }
  written += pending.length;
  writeBatch(pending.splice(0));
  log(`  ${written} contributions written, rebuilding ${indexes.length} indexes`);
  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.exec("insert into contributions_fts (contributions_fts) values ('rebuild')");
  const seconds = (performance.now() - t) / 1000;
  // The report counts of everything generated, made once over the whole table.
  const countsStart = performance.now();
  recount(db);
  log(`  report counts made in ${((performance.now() - countsStart) / 1000).toFixed(1)} s`);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  // Full statistics: openDatabase set a sampling limit on this connection, and sampled statistics of
  // 2 M rows (1,001 rows "per group") make the planner sort a whole group for an API page.
  sqlite.pragma('analysis_limit = 0');
  sqlite.exec('analyze');
  closeDatabase(db);
  return { file: options.file, contributions: written, sources, meetings: planned.length, seconds, rowsPerSec: Math.round(written / seconds) };
}

async function main() {
  const { values } = parseArgs({ options: { size: { type: 'string' }, db: { type: 'string' } } });
  const size = values.size ? Number(values.size.replace(/_/g, '')) : DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new Error(`--size: "${values.size}" is not a positive whole number`);
  const file = values.db ?? defaultBenchDb(size);
  console.log(`generating ${size} contributions into ${file}`);
  const result = await generate({ size, file, log: (m) => console.log(m) });
  const mb = fs.statSync(file).size / 1_048_576;
  console.log(
    `done: ${result.contributions} contributions, ${result.sources} source rows, ${result.meetings} meetings in ${result.seconds.toFixed(1)} s → ${result.rowsPerSec} contributions/s; ${mb.toFixed(0)} MB`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
