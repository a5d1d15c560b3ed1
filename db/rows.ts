// Reading a long answer as arrays (one per row, the columns in the SELECT's order) rather than as the
// objects drizzle's `db.all` gets from better-sqlite3, which makes each row's object property by
// property: on the report pages' longest answers (a country's 2,600 meetings, its 1,900 seats) handing
// the rows over to JavaScript costs 40-50 % less CPU, the caller making its objects where it needs them.
// For answers of a few rows `db.all` is as good and says more.
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from './connection.js';

const dialect = new SQLiteSyncDialect();

function prepared(db: Db, query: SQL) {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { statement: db.$client.prepare(text).raw(true), params };
}

/** The rows of a query, each an array of its columns in order. */
export function rowArrays<Row extends unknown[]>(db: Db, query: SQL): Row[] {
  const { statement, params } = prepared(db, query);
  return statement.all(...params) as Row[];
}

/** The same one at a time, for answers too long to hold at once (every contribution of a group's year). */
export function eachRowArray<Row extends unknown[]>(db: Db, query: SQL): IterableIterator<Row> {
  const { statement, params } = prepared(db, query);
  return statement.iterate(...params) as IterableIterator<Row>;
}
