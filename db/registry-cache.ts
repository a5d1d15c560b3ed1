// The registry's parsed YAML kept in the database's meta table (see RegistryParseCache in
// domain/resolve/registry.ts): `stdwatch serve` and every command that opens the database read the
// parse back instead of parsing the YAML files again. One entry, replaced when the files change.
import { eq } from 'drizzle-orm';
import type { RegistryParseCache } from '../domain/resolve/registry.js';
import type { Db } from './client.js';
import { meta } from './schema.js';

export const REGISTRY_PARSE_KEY = 'registry_parse';

export function metaRegistryCache(db: Db): RegistryParseCache {
  return {
    get(key) {
      const value = db.select({ value: meta.value }).from(meta).where(eq(meta.key, REGISTRY_PARSE_KEY)).get()?.value;
      if (!value) return undefined;
      try {
        const entry = JSON.parse(value) as { key?: unknown; files?: unknown };
        return entry.key === key && Array.isArray(entry.files) ? (entry.files as { name: string; content: unknown }[]) : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, files) {
      const value = JSON.stringify({ key, files });
      try {
        db.insert(meta).values({ key: REGISTRY_PARSE_KEY, value }).onConflictDoUpdate({ target: meta.key, set: { value } }).run();
      } catch {
        // Only a cache: a database busy with another writer costs the next start a parse, nothing else.
      }
    },
  };
}
