// The type of an open database, apart from the code that opens it (db/client.ts), so that the modules
// db/client.ts itself uses can name it without importing it back.
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
