// Opening a database: what is made once per connection (db/client.ts), the data version (db/cache.ts),
// and what the migrations leave.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { dataVersion, whileUnchanged } from '../../db/cache.js';
import { closeDatabase, openDatabase, perConnection } from '../../db/client.js';

import { projectPath } from '../../domain/project.js';
import { loadRegistry } from '../../domain/resolve/registry.js';

const MIGRATIONS = projectPath('db', 'migrations');

/** A database file in `dir` made by the migrations before `tag` only, as a database of that time was. */
function databaseBefore(tag: string, dir: string): Database.Database {
  const before = path.join(dir, 'migrations');
  fs.cpSync(MIGRATIONS, before, { recursive: true });
  const journalFile = path.join(before, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < tag);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  const sqlite = new Database(path.join(dir, 'old.db'));
  migrate(drizzle(sqlite), { migrationsFolder: before });
  return sqlite;
}

describe('values kept per connection', () => {
  it('are kept while the data is unchanged, per connection, and go when it changes', () => {
    const one = openDatabase(':memory:');
    const two = openDatabase(':memory:');
    try {
      let computed = 0;
      const value = (db: typeof one) => whileUnchanged(db, 'v', () => ++computed);
      expect(value(one)).toBe(1);
      expect(value(one)).toBe(1);
      expect(value(two)).toBe(2);
      one.$client.exec('create table t (n integer); insert into t values (1)');
      expect(value(one)).toBe(3);
      expect(value(two)).toBe(2);
      // An error is not kept: the next call computes again.
      expect(() => whileUnchanged(one, 'fails', () => { throw new Error('no'); })).toThrow('no');
      expect(whileUnchanged(one, 'fails', () => 'now')).toBe('now');
    } finally {
      closeDatabase(one);
      closeDatabase(two);
    }
  });

  it('keep at most 64 MB of pages: past it the least recently used page goes, values of another kind stay', () => {
    const db = openDatabase(':memory:');
    try {
      const made: string[] = [];
      const page = (key: string) => whileUnchanged(db, key, () => (made.push(key), { body: Buffer.alloc(1024 * 1024) }), (kept) => kept.body.byteLength);
      const small = (key: string) => whileUnchanged(db, key, () => (made.push(key), { rows: [1, 2, 3] }));
      page('page 0');
      small('small');
      for (let i = 1; i < 64; i++) page(`page ${i}`);
      // 64 pages of 1 MB and a small value (1 kB) are over 64 MB: the least recently used went, page 0.
      expect(made).toHaveLength(65);
      page('page 63');
      small('small');
      expect(made).toHaveLength(65);
      page('page 0');
      expect(made.at(-1)).toBe('page 0');
      expect(made).toHaveLength(66);
    } finally {
      closeDatabase(db);
    }
  });

  it('perConnection makes its value once per connection', () => {
    let made = 0;
    const counter = perConnection(() => ({ id: ++made }));
    const one = openDatabase(':memory:');
    const two = openDatabase(':memory:');
    try {
      expect(counter(one).id).toBe(1);
      expect(counter(one).id).toBe(1);
      expect(counter(two).id).toBe(2);
      // And the version it serves moves with this connection's writes.
      const before = dataVersion(one);
      one.$client.exec('create table t (n integer); insert into t values (1)');
      expect(dataVersion(one)).not.toBe(before);
    } finally {
      closeDatabase(one);
      closeDatabase(two);
    }
  });
});

describe('the migrations', () => {
  // The report counts are kept by the writers in their own transactions (db/counts/), not by
  // triggers: the only triggers left are the full-text index's, for changed and deleted rows (the
  // store indexes the rows it inserts, in one statement per listing: migration 0020).
  it('leave no triggers but those of the full-text index on update and delete', () => {
    const db = openDatabase(':memory:');
    try {
      const triggers = db.$client.prepare("select name from sqlite_master where type = 'trigger' order by name").pluck().all();
      expect(triggers).toEqual(['contributions_fts_delete', 'contributions_fts_update']);
    } finally {
      closeDatabase(db);
    }
  });
});

describe("the Organizational Partner of an official seat (migration 0015)", () => {
  // Before 0015 a 3GPP seat's partner was text in `detail` ("Organizational Partner: ATIS; 2nd term").
  // A database made then keeps its seats; the partner moves to its own column and the rest of the text
  // stays in `detail`, as the parsers now write it, so a later scrape updates those seats, not doubles them.
  it('moves the partner out of detail into partner, keeping what followed it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-migration-'));
    try {
      const sqlite = databaseBefore('0015', dir);
      sqlite.exec(`insert into bodies (id, name) values ('3gpp', '3GPP') on conflict do nothing;
        insert into groups (body_id, code, name) values ('3gpp', 'RAN', 'TSG RAN');`);
      const insert = sqlite.prepare(`insert into positions (body_id, group_id, role, source_raw, basis, detail)
        values ('3gpp', (select id from groups where code = 'RAN'), 'chair', ?, '3gpp-elections', ?)`);
      insert.run('Qualcomm Incorporated', 'Organizational Partner: ATIS; 2nd term');
      insert.run('Nokia Corporation', 'Organizational Partner: ETSI');
      insert.run('NTT DOCOMO', 'WI 880022 eCPSOR_CON');
      sqlite.close();

      const db = openDatabase(path.join(dir, 'old.db'));
      try {
        expect(db.$client.prepare('select source_raw as raw, partner, detail from positions order by id').all()).toEqual([
          { raw: 'Qualcomm Incorporated', partner: 'ATIS', detail: '2nd term' },
          { raw: 'Nokia Corporation', partner: 'ETSI', detail: null },
          { raw: 'NTT DOCOMO', partner: null, detail: 'WI 880022 eCPSOR_CON' },
        ]);
      } finally {
        closeDatabase(db);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the registry parse kept by earlier versions (migration 0016)', () => {
  it('is dropped from meta; the registry hash stays', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-migration-'));
    try {
      const sqlite = databaseBefore('0016', dir);
      sqlite.exec(`insert into meta (key, value) values ('registry_hash', 'abc'), ('registry_parse', '{"key":"k","files":[]}')`);
      sqlite.close();
      // Migrated up to 0019, which forgets the hash for its own reason (below).
      const db = databaseBefore('0019', dir);
      try {
        expect(db.prepare("select key, value from meta where key like 'registry%' order by key").all()).toEqual([{ key: 'registry_hash', value: 'abc' }]);
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the sources stored before they had a partner (migration 0019)', () => {
  it('are re-resolved, partner included, when the database is next opened with a registry', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-migration-'));
    try {
      const sqlite = databaseBefore('0019', dir);
      // Resolved with this very registry before: without the migration nothing would re-resolve them.
      sqlite.prepare(`insert into meta (key, value) values ('registry_hash', ?)`).run(loadRegistry().hash);
      sqlite.close();
      const db = openDatabase(path.join(dir, 'old.db'));
      try {
        expect(db.$client.prepare("select value from meta where key = 'registry_hash'").get()).toBeUndefined();
        expect(db.$client.prepare("select count(*) as n from pragma_table_info('contribution_sources') where name = 'partner'").get()).toEqual({ n: 1 });
      } finally {
        closeDatabase(db);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
