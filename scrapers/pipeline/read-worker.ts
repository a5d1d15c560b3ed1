// The body of the snapshot's reader thread (seed.ts): reads and parses each file it is given, in order,
// and posts each as it is done, while the main thread stores the ones before it.
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../errors.js';
import { readFileToImport, type ImportOptions } from './import.js';

export interface ReadJob {
  file: string;
  options: ImportOptions;
}

export type ReadMessage = { index: number; read: ReturnType<typeof readFileToImport> } | { index: number; refused: string };

const { jobs } = workerData as { jobs: ReadJob[] };
for (const [index, job] of jobs.entries()) {
  let message: ReadMessage;
  try {
    message = { index, read: readFileToImport(job.file, job.options) };
  } catch (error) {
    message = { index, refused: errorMessage(error) };
  }
  parentPort!.postMessage(message);
}
