// The one cache of stdwatch: values worked out from the data (a report page's rendering, the weeks
// that have contributions), kept while the data is unchanged. Kept per connection and keyed by one
// thing, the data version: a write by another connection (PRAGMA data_version) or by this one
// (total_changes(), which also counts this connection's writes to its temporary tables) moves it, and
// every kept value goes. Bounded: past MAX_VALUES, or MAX_BYTES of kept pages, the least recently
// used go first (lru-cache).
import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { Db } from './connection.js';

const MAX_VALUES = 500;
/** What the kept values may weigh: a kept page (a country's JSON is 1 MB) its bytes, any other value 1 kB. */
const MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_WEIGHT = 1024;

interface Kept {
  version: string;
  /** While a request is handled synchronously, the version read at its start (see pinVersion). */
  pinned: string | null;
  values: LRUCache<string, { value: unknown }>;
  readVersion: Database.Statement;
}

const kept = new WeakMap<Database.Database, Kept>();

function keptFor(db: Db): Kept {
  let entry = kept.get(db.$client);
  if (!entry) {
    const readVersion = db.$client.prepare("select (select data_version from pragma_data_version()) || ':' || total_changes()").pluck();
    kept.set(db.$client, (entry = { version: '', pinned: null, values: new LRUCache({ max: MAX_VALUES, maxSize: MAX_BYTES, sizeCalculation: () => DEFAULT_WEIGHT }), readVersion }));
  }
  return entry;
}

/** Where the data stands: a string that changes whenever the database does. */
export function dataVersion(db: Db): string {
  const entry = keptFor(db);
  return entry.pinned ?? (entry.readVersion.get() as string);
}

/**
 * Runs `fn` with the data version read once: what it tags and what it computes agree on it (no other
 * code runs meanwhile). Only for the synchronous part of `fn`.
 */
export function pinVersion<T>(db: Db, fn: (version: string) => T): T {
  const entry = keptFor(db);
  if (entry.pinned !== null) return fn(entry.pinned);
  entry.pinned = entry.readVersion.get() as string;
  try {
    return fn(entry.pinned);
  } finally {
    entry.pinned = null;
  }
}

/**
 * The value kept under `key` while the data is unchanged, or `compute()` kept under it. Errors are not
 * kept. `bytes`: what the value holds (a page's bytes), for the bound on what is kept; 1 kB if not given.
 */
export function whileUnchanged<T>(db: Db, key: string, compute: () => T, bytes?: (value: T) => number): T {
  const entry = keptFor(db);
  const version = dataVersion(db);
  if (version !== entry.version) {
    entry.values.clear();
    entry.version = version;
  }
  const found = entry.values.get(key);
  if (found) return found.value as T;
  const value = compute();
  entry.values.set(key, { value }, bytes ? { size: Math.max(1, bytes(value)) } : undefined);
  return value;
}
