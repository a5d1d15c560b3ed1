// What the full-text index costs at import: the bundled snapshot loaded with the FTS5 triggers in
// place, against loading it without them and rebuilding the index once afterwards.
//   npx tsx bench/fts.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/client.js';
import { applyRegistry } from '../db/registry.js';
import { RawArchive } from '../db/archive.js';
import { loadRegistry } from '../domain/resolve/registry.js';
import { createResolver } from '../domain/resolve/resolve.js';
import { importFile } from '../scrapers/pipeline/import.js';
import { SNAPSHOT_DIR, loadSnapshot } from '../scrapers/pipeline/seed.js';

const resolver = createResolver(loadRegistry());
const RUNS = 5;

function fresh(triggers: boolean) {
  const db = openDatabase(':memory:');
  applyRegistry(db, resolver);
  if (!triggers) for (const name of ['insert', 'delete', 'update']) db.$client.exec(`drop trigger contributions_fts_${name}`);
  return { db, resolver, archive: new RawArchive(fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-bench-')), db) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const LARGEST = path.join(SNAPSHOT_DIR, '3gpp', 'TDoc_List_Meeting_RAN#102.xlsx');

// Runs alternate (with, without, with, …) so that a busy machine weighs on both alike.
const withTriggers: number[] = [];
const withoutTriggers: number[] = [];
const rebuild: number[] = [];
const largestWith: number[] = [];
const largestWithout: number[] = [];
for (let i = 0; i < RUNS; i++) {
  for (const triggers of [true, false]) {
    let app = fresh(triggers);
    let t = performance.now();
    importFile(app, LARGEST);
    (triggers ? largestWith : largestWithout).push(performance.now() - t);
    app = fresh(triggers);
    t = performance.now();
    await loadSnapshot(app);
    (triggers ? withTriggers : withoutTriggers).push(performance.now() - t);
    if (!triggers) {
      t = performance.now();
      app.db.$client.exec("insert into contributions_fts(contributions_fts) values ('rebuild')");
      rebuild.push(performance.now() - t);
    }
  }
}
const ms = (values: number[]) => `${median(values).toFixed(0)} ms`.padStart(9);
console.log(`median of ${RUNS} runs, alternating`);
console.log(`largest list (RAN#102, 1,380 rows): with triggers ${ms(largestWith)}, without ${ms(largestWithout)}`);
console.log(`bundled snapshot:                   with triggers ${ms(withTriggers)}, without ${ms(withoutTriggers)}, one rebuild afterwards ${ms(rebuild)}`);
