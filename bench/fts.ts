// What the full-text index costs at import: the bundled snapshot loaded with the FTS5 triggers in
// place, against loading it without them and rebuilding the index once afterwards.
//   npx tsx bench/fts.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/client.js';
import { applyRegistry } from '../db/write.js';
import { RawArchive } from '../scrapers/archive.js';
import { loadRegistry } from '../scrapers/resolve/registry.js';
import { createResolver } from '../scrapers/resolve/resolve.js';
import { loadSnapshot } from '../scrapers/seed.js';

const resolver = createResolver(loadRegistry());
const RUNS = 3;

function fresh() {
  const db = openDatabase(':memory:');
  applyRegistry(db, resolver);
  return { db, resolver, archive: new RawArchive(fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-bench-')), db) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const withTriggers: number[] = [];
const withoutTriggers: number[] = [];
const rebuild: number[] = [];
const twice: number[] = [];
for (let i = 0; i < RUNS; i++) {
  let app = fresh();
  let t = performance.now();
  loadSnapshot(app);
  withTriggers.push(performance.now() - t);
  // Loading the same files again: every contribution is updated (title and source rewritten).
  t = performance.now();
  loadSnapshot(app);
  twice.push(performance.now() - t);

  app = fresh();
  for (const name of ['insert', 'delete', 'update']) app.db.$client.exec(`drop trigger contributions_fts_${name}`);
  t = performance.now();
  loadSnapshot(app);
  withoutTriggers.push(performance.now() - t);
  t = performance.now();
  app.db.$client.exec("insert into contributions_fts(contributions_fts) values ('rebuild')");
  rebuild.push(performance.now() - t);
}
const n = fresh().db; // for the row count only
void n;
console.log(`bundled snapshot, median of ${RUNS} runs`);
console.log(`  load with FTS triggers:            ${median(withTriggers).toFixed(0)} ms`);
console.log(`  load without triggers:             ${median(withoutTriggers).toFixed(0)} ms`);
console.log(`  + one FTS rebuild afterwards:      ${median(rebuild).toFixed(0)} ms (total ${(median(withoutTriggers) + median(rebuild)).toFixed(0)} ms)`);
console.log(`  second load of the same files (triggers on): ${median(twice).toFixed(0)} ms`);
