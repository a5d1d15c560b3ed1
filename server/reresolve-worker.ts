// The body of a background re-resolution (server/reresolve.ts), run in a worker thread with its own
// database connection: the registry applied to everything stored (db/registry.ts applyRegistry), while the
// server's thread keeps answering from its own connection.
import { parentPort, workerData } from 'node:worker_threads';
import { closeDatabase, openDatabase } from '../db/client.js';
import { applyRegistry } from '../db/registry.js';
import { loadRegistry } from '../domain/resolve/registry.js';
import { createResolver } from '../domain/resolve/resolve.js';

const { dbFile, registryDir } = workerData as { dbFile: string; registryDir?: string };
const db = openDatabase(dbFile);
try {
  const resolver = createResolver(loadRegistry(registryDir));
  const contributions = (db.$client.prepare('select count(*) as n from contributions').get() as { n: number }).n;
  const applied = applyRegistry(db, resolver);
  parentPort!.postMessage({ applied, contributions, hash: resolver.registry.hash });
} finally {
  closeDatabase(db);
}
