// The benchmark database generator, at a tiny size: the requested number of contributions on top of
// the real snapshot, in 3GPP's 18 groups, dated 1999–2025, each with a real contribution's source rows.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generate } from '../bench/data.js';
import { closeDatabase, openDatabase } from '../db/client.js';
import { reresolveAll } from '../db/registry.js';
import { loadRegistry } from '../domain/resolve/registry.js';
import { createResolver } from '../domain/resolve/resolve.js';
import { tempDir } from './support/app.js';

describe('npm run bench:data', () => {
  it('adds the requested number of contributions, spread over the groups and years, with real source rows', async () => {
    const file = path.join(tempDir(), 'bench.db');
    const result = await generate({ size: 3000, file });
    expect(result.contributions).toBe(3000);
    const db = new Database(file, { readonly: true });
    try {
      // Generated refs carry an 8-digit number (two of the year, six of a counter); real ones have 5 to 7.
      const generated = db.prepare("select count(*) as n, min(date) as first, max(date) as last from contributions where ref glob '*-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'").get() as { n: number; first: string; last: string };
      expect(generated.n).toBe(3000);
      expect(generated.first >= '1998-12-01' && generated.first < '2000-01-01').toBe(true);
      expect(generated.last >= '2025-01-01' && generated.last <= '2025-12-31').toBe(true);
      const groups = db.prepare("select count(distinct group_id) as n from contributions where ref glob '*-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'").get() as { n: number };
      expect(groups.n).toBe(18);
      // Every generated contribution has one source row at least, and its shares add up to one.
      const shares = db
        .prepare("select c.id, sum(s.share) as total, count(s.position) as n from contributions c left join contribution_sources s on s.contribution_id = c.id where c.ref glob '*-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' group by c.id")
        .all() as Array<{ total: number; n: number }>;
      expect(shares.every((r) => r.n >= 1 && Math.abs(r.total - 1) < 1e-9)).toBe(true);
      // Through the real migrations: the indexes are back after the bulk insert.
      const indexes = db.prepare("select name from sqlite_master where type = 'index' and name = 'sources_parent_contribution'").all();
      expect(indexes).toHaveLength(1);
      // The source rows are what a store writes: every resolved source has its membership partner…
      const withoutPartner = db
        .prepare("select count(*) from contribution_sources where organization_id is not null and partner is null")
        .pluck()
        .get();
      expect(withoutPartner).toBe(0);
    } finally {
      db.close();
    }
    // … and each is resolved at its contribution's date: re-resolving with the same registry rewrites nothing.
    const stored = openDatabase(file);
    try {
      expect(reresolveAll(stored, createResolver(loadRegistry()))).toBe(0);
    } finally {
      closeDatabase(stored);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }, 300_000);
});
