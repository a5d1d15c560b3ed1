// Import speed and attribution coverage on the real files of the bundled snapshot.
//   npm run bench:import
// Prints, for RAN#102 (the list `npm run bench` stores; like the other RAN plenary lists, among the
// slowest to store per row, its cells naming up to 41 co-signing companies): parse time, parse +
// resolve + store time, rows per second, and the ratio of the two (medians of 5 runs, each into a fresh
// in-memory database); then the store speed of every real TDoc list of the snapshot, each into an empty
// database, the same ratio for the largest of them, and all of them stored one after another into one
// database; then the time to load the whole snapshot and the share of source mentions it resolves.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { parseFile } from '../scrapers/formats.js';
import { importFile } from '../scrapers/pipeline/import.js';
import { storeListing } from '../db/contributions.js';
import { loadRegistry } from '../domain/resolve/registry.js';
import { createResolver } from '../domain/resolve/resolve.js';
import { SNAPSHOT_DIR, loadSnapshot } from '../scrapers/pipeline/seed.js';
import { emptyTarget } from './data.js';
import { median } from './stats.js';

const RUNS = 5;
const resolver = createResolver(loadRegistry());

const fresh = () => emptyTarget(resolver);

/** Parse alone and file to database (parse + resolve + store + archive), medians of RUNS, printed. */
function fileToDatabase(label: string, file: string) {
  const bytes = fs.readFileSync(file);
  const parseMs: number[] = [];
  const importMs: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    rows = parseFile(bytes, { fileName: path.basename(file) }).contributions.length;
    parseMs.push(performance.now() - t);
    const target = fresh();
    t = performance.now();
    importFile(target, file);
    importMs.push(performance.now() - t);
    target.close();
  }
  const parse = median(parseMs);
  const whole = median(importMs);
  console.log(`${label}: ${path.basename(file)}, ${rows} rows (median of ${RUNS} runs)`);
  console.log(`  parse only:                       ${parse.toFixed(0)} ms`);
  console.log(`  file to database (parse+store):   ${whole.toFixed(0)} ms  → ${Math.round(rows / (whole / 1000))} rows/s`);
  console.log(`  file to database ÷ parse alone:   ${(whole / parse).toFixed(2)}`);
  return { rows, parse, whole };
}

const { rows, parse, whole } = fileToDatabase('RAN#102', path.join(SNAPSHOT_DIR, '3gpp', 'TDoc_List_Meeting_RAN#102.xlsx'));

// Every real TDoc list: what a store costs per row depends on how many companies a cell names (each
// pair of co-signers is a co-source count), so plenary lists store slower than working-group ones.
const tdocLists = [path.join(SNAPSHOT_DIR, '3gpp'), path.join(SNAPSHOT_DIR, '3gpp', 'ran1')].flatMap((dir) =>
  fs.readdirSync(dir).filter((f) => f.startsWith('TDoc_List')).map((f) => path.join(dir, f)),
);
const listings = tdocLists.map((file) => ({ name: path.basename(file, '.xlsx'), listing: parseFile(fs.readFileSync(file), { fileName: path.basename(file) }) }));
const storeMs = (db: ReturnType<typeof fresh>['db'], listing: (typeof listings)[number]['listing']) => {
  const start = performance.now();
  storeListing(db, resolver, listing, { rawDocumentId: null, seenAt: new Date().toISOString() });
  return performance.now() - start;
};
const perList = listings.map(({ name, listing }) => {
  const runs: number[] = [];
  // A warm-up round, then the median of three, each into an empty database.
  for (let i = 0; i < 4; i++) {
    const target = fresh();
    const ms = storeMs(target.db, listing);
    if (i > 0) runs.push(ms);
    target.close();
  }
  const ms = median(runs);
  return { name, rows: listing.contributions.length, ms, perSec: Math.round(listing.contributions.length / (ms / 1000)) };
}).sort((a, b) => a.perSec - b.perSec);
console.log(`every real TDoc list (${perList.length}), each stored into an empty database (median of 3 after a warm-up), slowest first:`);
for (const l of perList) console.log(`  ${l.name.padEnd(32)} ${String(l.rows).padStart(5)} rows ${l.ms.toFixed(0).padStart(4)} ms → ${l.perSec} rows/s`);
const sequence = fresh();
let sequenceMs = 0;
for (const { listing } of listings) sequenceMs += storeMs(sequence.db, listing);
const listRows = listings.reduce((n, l) => n + l.listing.contributions.length, 0);
const listsPerSec = Math.round(listRows / (sequenceMs / 1000));
console.log(`  all ${listings.length} one after another into one database: ${listRows} rows in ${sequenceMs.toFixed(0)} ms → ${listsPerSec} rows/s`);
sequence.close();
const largest = tdocLists[listings.reduce((best, l, i) => (l.listing.contributions.length > listings[best]!.listing.contributions.length ? i : best), 0)]!;
fileToDatabase('the largest real list', largest);

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
console.log(JSON.stringify({ rows, parseMs: Math.round(parse), importMs: Math.round(whole), rowsPerSec: Math.round(rows / (whole / 1000)), ratio: Number((whole / parse).toFixed(2)),
  listsPerSec, listPerSec: { slowest: perList[0]!.perSec, median: perList[perList.length >> 1]!.perSec, fastest: perList.at(-1)!.perSec }, snapshotRows: total, snapshotMs: Math.round(snapshotMs), resolvedShare: coverage.resolved / coverage.occurrences }));
target.close();
