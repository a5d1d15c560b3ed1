// Re-resolving stored sources after a registry change, in the background of `stdwatch serve`. At two
// million contributions applyRegistry takes minutes; run before listening, the server answered nothing
// for that long. Here the server listens first and a worker thread, with its own connection, applies
// the registry in one transaction (db/registry.ts): until it commits, every page shows the data as
// resolved before, consistently (SQLite's WAL keeps the readers on the last commit), and then the
// report cache sees the new data version. The run is recorded like a scrape (source `registry`), so
// /status shows it running, done or failed; scrapes of this process wait for it (server/main.ts).
import { REGISTRY_RUN_SOURCE, claimRun } from '../db/runs.js';
import { finishRun } from '../db/runs.js';
import { startWorker } from '../scrapers/pipeline/threads.js';
import { errorMessage } from '../scrapers/errors.js';
import type { Stdwatch } from './context.js';
import type { Logger } from './log.js';

export interface ReresolveOutcome {
  applied: boolean;
  contributions: number;
}

/** Runs applyRegistry on `dbFile` in a worker thread; resolves when it has committed. */
export function applyRegistryInWorker(dbFile: string, registryDir?: string): Promise<ReresolveOutcome> {
  const worker = startWorker(new URL('./reresolve-worker.ts', import.meta.url), { dbFile, registryDir });
  return new Promise((resolve, reject) => {
    let outcome: ReresolveOutcome | null = null;
    worker.once('message', (message: ReresolveOutcome) => (outcome = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (outcome ? resolve(outcome) : reject(new Error(`the re-resolution stopped (exit code ${code})`))));
  });
}

/**
 * Applies the registry to what is stored, in the background, recorded as a run of `registry`. Never
 * rejects: a failure is logged and recorded on /status, and the next start tries again (the stored
 * registry hash is written only after the re-resolution committed).
 */
export async function reresolveInBackground(app: Stdwatch, logger: Logger): Promise<void> {
  const log = logger.child({ job: REGISTRY_RUN_SOURCE });
  const started = Date.now();
  let runId: number | null = null;
  try {
    runId = claimRun(app.db, REGISTRY_RUN_SOURCE, 'start');
    log.info('the registry changed: re-resolving every stored source in the background (see /status); pages show the earlier resolution until it is done');
    const outcome = await applyRegistryInWorker(app.config.dbFile, app.config.registryDir);
    finishRun(app.db, runId, { status: 'ok', documentsFetched: 0, recordsSeen: outcome.contributions, recordsNew: 0, recordsChanged: outcome.applied ? outcome.contributions : 0 });
    const seconds = (Date.now() - started) / 1000;
    log.info({ contributions: outcome.contributions, seconds }, `re-resolution done: ${outcome.contributions} contributions in ${seconds.toFixed(1)} s`);
  } catch (error) {
    const message = errorMessage(error);
    log.error({ err: error }, `re-resolution failed: ${message}`);
    try {
      if (runId !== null) finishRun(app.db, runId, { status: 'failed', documentsFetched: 0, recordsSeen: 0, recordsNew: 0, recordsChanged: 0, error: message });
    } catch {
      // Recording the failure must not take the server down either.
    }
  }
}
