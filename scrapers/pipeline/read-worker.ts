// The body of a snapshot reader thread (seed.ts): takes the next file of the load no reader has taken,
// reads and parses it and posts it, while the main thread stores the files before it; ends when no file
// is left.
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegistry } from '../../domain/resolve/registry.js';
import { createResolver, type Resolver } from '../../domain/resolve/resolve.js';
import { errorMessage } from '../errors.js';
import { readFileToImport, type ImportOptions } from './import.js';

export interface ReadJob {
  /** Its place in the load: files are stored in this order, whichever reader read them. */
  index: number;
  file: string;
  options: ImportOptions;
}

export type ReadMessage = { index: number; read: ReturnType<typeof readFileToImport> } | { index: number; refused: string };

// `jobs`: every file of the load; `nextJob`: a counter shared by the readers, the next file to take;
// `registryDir`: the registry the main thread resolves with (files of seats are resolved as they are read).
const { jobs, nextJob, registryDir } = workerData as { jobs: ReadJob[]; nextJob: SharedArrayBuffer; registryDir?: string };
const counter = new Int32Array(nextJob);
let resolver: Resolver | undefined;
for (let taken = Atomics.add(counter, 0, 1); taken < jobs.length; taken = Atomics.add(counter, 0, 1)) {
  const job = jobs[taken]!;
  let message: ReadMessage;
  try {
    message = { index: job.index, read: readFileToImport(job.file, () => (resolver ??= createResolver(loadRegistry(registryDir))), job.options) };
  } catch (error) {
    message = { index: job.index, refused: errorMessage(error) };
  }
  parentPort!.postMessage(message);
}
