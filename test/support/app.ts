// A stdwatch instance for tests: an in-memory database through the real migrations, the real registry,
// and a raw archive in a temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../../db/client.js';
import { applyRegistry } from '../../db/registry.js';
import { RawArchive } from '../../db/archive.js';
import { loadRegistry, type Registry } from '../../domain/resolve/registry.js';
import { createResolver, type Resolver } from '../../domain/resolve/resolve.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
export { PROJECT_ROOT as ROOT } from '../../domain/project.js';

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

export function tempDir(prefix = 'stdwatch-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestApp {
  db: Db;
  resolver: Resolver;
  archive: RawArchive;
  dir: string;
}

let sharedRegistry: Registry | undefined;

export function testApp(registry?: Registry): TestApp {
  sharedRegistry ??= loadRegistry();
  const resolver = createResolver(registry ?? sharedRegistry);
  const db = openDatabase(':memory:');
  applyRegistry(db, resolver);
  const dir = tempDir();
  return { db, resolver, archive: new RawArchive(path.join(dir, 'raw'), db), dir };
}
