// Worker threads of the pipeline and the server (the snapshot's reader, the re-resolution): the build's
// JavaScript runs the body's compiled module itself; the TypeScript sources need tsx's hooks, which a
// new thread does not inherit, so tsx-worker.js registers them, then loads the body.
import { Worker } from 'node:worker_threads';
import { RUNS_BUILD } from '../../domain/project.js';

/** A thread running `body`, a TypeScript module named by its URL (`new URL('./x-worker.ts', import.meta.url)`). */
export function startWorker(body: URL, workerData: Record<string, unknown>): Worker {
  return RUNS_BUILD
    ? new Worker(new URL(body.href.replace(/\.ts$/, '.js')), { workerData })
    : new Worker(new URL('./tsx-worker.js', import.meta.url), { workerData: { ...workerData, entry: body.href } });
}
