// The type of an open database, apart from the code that opens it (db/client.ts), so that the modules
// db/client.ts itself uses can name it without importing it back.
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * A value made once per connection and kept while it lives: the prepared statements of a hot path.
 * drizzle builds a query's SQL in JS and prepares it anew on every call, which for a small query
 * costs more than SQLite running it.
 */
export function perConnection<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Database.Database, T>();
  return (db) => {
    let value = made.get(db.$client);
    if (value === undefined) made.set(db.$client, (value = make(db)));
    return value;
  };
}
