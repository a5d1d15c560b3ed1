// Import speed and attribution coverage on the real files of the bundled snapshot.
//   npm run bench:import
// Prints, for the largest TDoc list (RAN#102, 1,380 rows): parse time, parse + resolve + store time,
// rows per second, and the ratio of the two (medians of 5 runs, each into a fresh in-memory database);
// then the time to load the whole snapshot and the share of source mentions it resolves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.js';
import { applyRegistry } from '../db/registry.js';
import { RawArchive } from '../db/archive.js';
import { parseFile } from '../scrapers/formats.js';
import { importFile } from '../scrapers/pipeline/import.js';
import { loadRegistry } from '../domain/resolve/registry.js';
import { createResolver } from '../domain/resolve/resolve.js';
import { SNAPSHOT_DIR, loadSnapshot } from '../scrapers/pipeline/seed.js';
import { median } from './stats.js';

const RUNS = 5;
const LARGEST = path.join(SNAPSHOT_DIR, '3gpp', 'TDoc_List_Meeting_RAN#102.xlsx');
const resolver = createResolver(loadRegistry());

function fresh() {
  const db = openDatabase(':memory:');
  applyRegistry(db, resolver);
  const archive = new RawArchive(fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-bench-')), db);
  return { db, resolver, archive };
}


const bytes = fs.readFileSync(LARGEST);
const parseMs: number[] = [];
const importMs: number[] = [];
let rows = 0;
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  rows = parseFile(bytes, { fileName: path.basename(LARGEST) }).contributions.length;
  parseMs.push(performance.now() - t);
  const target = fresh();
  t = performance.now();
  importFile(target, LARGEST);
  importMs.push(performance.now() - t);
}
const parse = median(parseMs);
const whole = median(importMs);
console.log(`largest list: ${path.basename(LARGEST)}, ${rows} rows (median of ${RUNS} runs)`);
console.log(`  parse only:                       ${parse.toFixed(0)} ms`);
console.log(`  file to database (parse+store):   ${whole.toFixed(0)} ms  → ${Math.round(rows / (whole / 1000))} rows/s`);
console.log(`  file to database ÷ parse alone:   ${(whole / parse).toFixed(2)}`);

const target = fresh();
let t = performance.now();
const results = await loadSnapshot(target);
const snapshotMs = performance.now() - t;
const total = results.reduce((n, r) => n + r.seen, 0);
const coverage = target.db.get<{ occurrences: number; resolved: number }>(
  sql`select count(*) as occurrences, sum(organization_id is not null) as resolved from contribution_sources`,
)!;
console.log(`bundled snapshot: ${results.length} files, ${total} contributions in ${(snapshotMs / 1000).toFixed(1)} s → ${Math.round(total / (snapshotMs / 1000))} rows/s`);
console.log(
  `  source mentions resolved: ${coverage.resolved} of ${coverage.occurrences} = ${((100 * coverage.resolved) / coverage.occurrences).toFixed(2)} %`,
);
console.log(JSON.stringify({ rows, parseMs: Math.round(parse), importMs: Math.round(whole), rowsPerSec: Math.round(rows / (whole / 1000)), ratio: Number((whole / parse).toFixed(2)), snapshotRows: total, snapshotMs: Math.round(snapshotMs), resolvedShare: coverage.resolved / coverage.occurrences }));
