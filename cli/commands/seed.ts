// `stdwatch seed`: load the bundled snapshot of real public data (idempotent).
import { describeImport } from '../../scrapers/pipeline/import.js';
import { loadSnapshot } from '../../scrapers/pipeline/seed.js';
import { withApp } from '../common.js';

export async function seed(): Promise<void> {
  await withApp(async (app) => {
    await loadSnapshot(app, {
      registryDir: app.config.registryDir,
      onFile: (r, i, total) => process.stderr.write(`[${i + 1}/${total}] ${describeImport(r)}\n`),
    });
  });
}
