import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema.ts (`npm run db:generate`), committed, and applied by
// db/client.ts when a database is opened. The URL here only matters for drizzle-kit's own commands.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.STDWATCH_DB ?? 'data/stdwatch.db' },
});
