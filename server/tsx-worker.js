// Entry of a worker thread that runs TypeScript (server/reresolve.ts): a new thread starts without the
// tsx hooks bin/stdwatch.js registered on the main one, so it registers them, then loads its body.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
