// Entry of a worker thread that runs TypeScript (started by threads.ts when the sources run through tsx
// or vitest): a new thread starts without the hooks tsx registered on the main one, so it registers
// them, then loads its body. The build's JavaScript (dist/) starts the body's compiled module directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
