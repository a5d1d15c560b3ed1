// The statements kept per connection (db/client.ts): a kept statement must answer each call with
// that call's parameters, on the connection it was prepared on, and keep doing so past the limit of
// statements kept.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { allOf, closeDatabase, dataVersion, getOf, openDatabase, perConnection } from '../../db/client.js';

describe('statements kept per connection', () => {
  it('answer each call with its own parameters, and differently per connection', () => {
    const one = openDatabase(':memory:');
    const two = openDatabase(':memory:');
    try {
      for (const db of [one, two]) db.$client.exec('create table t (k text, n integer)');
      one.$client.exec("insert into t values ('a', 1), ('a', 2), ('b', 3)");
      two.$client.exec("insert into t values ('a', 10)");
      const sumOf = (db: typeof one, k: string) => getOf<{ s: number | null }>(db, sql`select sum(n) as s from t where k = ${k}`)?.s;
      // The same query text three times on one connection, then on the other.
      expect(sumOf(one, 'a')).toBe(3);
      expect(sumOf(one, 'b')).toBe(3);
      expect(sumOf(one, 'c')).toBeNull();
      expect(sumOf(two, 'a')).toBe(10);
      expect(allOf<{ n: number }>(one, sql`select n from t where k = ${'a'} order by n`).map((r) => r.n)).toEqual([1, 2]);
    } finally {
      closeDatabase(one);
      closeDatabase(two);
    }
  });

  it('still answer right once more texts were used than are kept (128)', () => {
    const db = openDatabase(':memory:');
    try {
      // 200 texts (the literal is part of the text), each asked twice: the second round meets texts
      // the first one pushed out of the kept set.
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 200; i++) {
          expect(getOf<{ v: number }>(db, sql`select ${sql.raw(String(i))} + ${1000} as v`)?.v).toBe(i + 1000);
        }
      }
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
  // The report counts are kept by the writers in their own transactions (db/counts.ts), not by
  // triggers: the only triggers left are the full-text index's.
  it('leave no triggers but those of the full-text index', () => {
    const db = openDatabase(':memory:');
    try {
      const triggers = db.$client.prepare("select name from sqlite_master where type = 'trigger' order by name").pluck().all();
      expect(triggers).toEqual(['contributions_fts_delete', 'contributions_fts_insert', 'contributions_fts_update']);
    } finally {
      closeDatabase(db);
    }
  });
});
