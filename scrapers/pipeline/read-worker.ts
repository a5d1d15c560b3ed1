// The body of the snapshot's reader thread (seed.ts): reads and parses each file it is given, in order,
// and posts each as it is done, while the main thread stores the ones before it. It reads the files it
// is sent until the main thread ends it.
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

/** The registry the main thread resolves with (its folder): files of seats are resolved as they are read. */
const { registryDir } = workerData as { registryDir?: string };
let resolver: Resolver | undefined;
parentPort!.on('message', (job: ReadJob) => {
  const { index } = job;
  let message: ReadMessage;
  try {
    message = { index, read: readFileToImport(job.file, () => (resolver ??= createResolver(loadRegistry(registryDir))), job.options) };
  } catch (error) {
    message = { index, refused: errorMessage(error) };
  }
  parentPort!.postMessage(message);
});
