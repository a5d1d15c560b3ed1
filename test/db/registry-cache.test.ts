// The registry's parse cache (loadRegistry with a RegistryParseCache, kept in the meta table by
// db/registry-cache.ts): the same registry with or without it, a changed YAML file parsed again.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../db/client.js';
import { REGISTRY_PARSE_KEY, metaRegistryCache } from '../../db/registry-cache.js';
import { REGISTRY_DIR, RegistryError, loadRegistry, type RegistryParseCache } from '../../domain/resolve/registry.js';
import { tempDir } from '../support/app.js';

/** A copy of the committed registry folder, to change files in. */
function registryCopy(): string {
  const dir = tempDir('stdwatch-registry-');
  for (const name of fs.readdirSync(REGISTRY_DIR)) fs.copyFileSync(path.join(REGISTRY_DIR, name), path.join(dir, name));
  return dir;
}

/** A cache in memory that counts what it is asked. */
function countingCache(inner: RegistryParseCache) {
  const counts = { hits: 0, misses: 0, sets: 0 };
  const cache: RegistryParseCache = {
    get(key) {
      const value = inner.get(key);
      if (value) counts.hits++;
      else counts.misses++;
      return value;
    },
    set(key, files) {
      counts.sets++;
      inner.set(key, files);
    },
  };
  return { cache, counts };
}

describe('the registry parse cache', () => {
  let db: Db | undefined;
  afterEach(() => {
    if (db) closeDatabase(db);
    db = undefined;
  });

  it('gives the same registry as parsing the YAML, and reads the parse back on the next load', () => {
    db = openDatabase(':memory:');
    const { cache, counts } = countingCache(metaRegistryCache(db));
    const parsed = loadRegistry();
    const first = loadRegistry(undefined, cache);
    expect(counts).toEqual({ hits: 0, misses: 1, sets: 1 });
    const second = loadRegistry(undefined, cache);
    expect(counts).toEqual({ hits: 1, misses: 1, sets: 1 });
    for (const registry of [first, second]) {
      // The hash decides whether stored sources are re-resolved: it must not depend on the cache.
      expect(registry.hash).toBe(parsed.hash);
      expect([...registry.organizations.values()]).toEqual([...parsed.organizations.values()]);
      expect([...registry.byKey]).toEqual([...parsed.byKey]);
      expect(registry.families.map((f) => f.patterns.map(String))).toEqual(parsed.families.map((f) => f.patterns.map(String)));
      expect([...registry.dated].sort()).toEqual([...parsed.dated].sort());
    }
    // The entry is one row of the meta table.
    expect(db.$client.prepare('select count(*) as n from meta where key = ?').get(REGISTRY_PARSE_KEY)).toEqual({ n: 1 });
  });

  it('parses again when a YAML file changes, and the change shows', () => {
    db = openDatabase(':memory:');
    const dir = registryCopy();
    const { cache, counts } = countingCache(metaRegistryCache(db));
    const before = loadRegistry(dir, cache);
    expect(before.organizations.get('huawei')?.name).toBe('Huawei');
    const file = path.join(dir, 'organizations.yaml');
    const text = fs.readFileSync(file, 'utf8');
    // The committed record: `name: Huawei` under `slug: huawei` (organizations.yaml).
    expect(text).toMatch(/slug: huawei\n\s+name: Huawei\n/);
    fs.writeFileSync(file, text.replace(/(slug: huawei\n\s+name: )Huawei\n/, '$1Huawei Technologies\n'));
    const after = loadRegistry(dir, cache);
    expect(counts).toEqual({ hits: 0, misses: 2, sets: 2 });
    expect(after.organizations.get('huawei')?.name).toBe('Huawei Technologies');
    expect(after.hash).not.toBe(before.hash);
    // And read back from the cache the next time, still changed.
    expect(loadRegistry(dir, cache).organizations.get('huawei')?.name).toBe('Huawei Technologies');
    expect(counts.hits).toBe(1);
  });

  it('parses again when a YAML file is added', () => {
    db = openDatabase(':memory:');
    const dir = registryCopy();
    const { cache, counts } = countingCache(metaRegistryCache(db));
    loadRegistry(dir, cache);
    fs.writeFileSync(path.join(dir, 'zz-extra.yaml'), 'organizations:\n  - slug: test-extra-org\n    name: Test Extra Org\n    kind: company\n    country: FR\n');
    const after = loadRegistry(dir, cache);
    expect(counts.misses).toBe(2);
    expect(after.organizations.get('test-extra-org')?.country).toBe('FR');
  });

  it('holds a cached parse to the same rules: a damaged entry is parsed again, an invalid file is still refused', () => {
    db = openDatabase(':memory:');
    const dir = registryCopy();
    const cache = metaRegistryCache(db);
    const good = loadRegistry(dir, cache);
    // Damage the stored entry under the right key: its records no longer validate.
    const entry = JSON.parse(db.$client.prepare('select value from meta where key = ?').pluck().get(REGISTRY_PARSE_KEY) as string) as { key: string };
    db.$client.prepare('update meta set value = ? where key = ?').run(JSON.stringify({ key: entry.key, files: [{ name: 'x.yaml', content: [{ slug: 'Not A Slug' }] }] }), REGISTRY_PARSE_KEY);
    expect(loadRegistry(dir, cache).hash).toBe(good.hash);
    // An invalid file is refused whatever the cache holds, and nothing of it is cached.
    fs.writeFileSync(path.join(dir, 'zz-broken.yaml'), 'organizations:\n  - slug: broken\n    name: Broken\n    kind: company\n    parent: nobody-defines-this\n');
    expect(() => loadRegistry(dir, cache)).toThrow(RegistryError);
    const stored = JSON.parse(db.$client.prepare('select value from meta where key = ?').pluck().get(REGISTRY_PARSE_KEY) as string) as { key: string };
    expect(stored.key).toBe(entry.key);
  });
});
