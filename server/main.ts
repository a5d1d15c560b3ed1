// Serving: open the database, load the bundled snapshot into an empty one, listen, and schedule the
// scrapers. Stops cleanly on SIGINT/SIGTERM.
import type { Server } from 'node:http';
import { count } from 'drizzle-orm';
import { contributions } from '../db/schema.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openStdwatch } from './context.js';
import { createLogger } from './log.js';
import { acceptAlias } from '../domain/resolve/registry-edit.js';
import { loadRegistry } from '../domain/resolve/registry.js';
import { createResolver } from '../domain/resolve/resolve.js';
import { reresolveInBackground } from './reresolve.js';
import { ranRecently, scrapeAll, startDigestScheduler, startScheduler } from './scheduler.js';

export async function startServer(config: Config): Promise<Server> {
  // A changed registry is applied after the server listens (server/reresolve.ts), not before.
  const log = createLogger(config.log);
  const app = openStdwatch(config, { deferRegistry: true });
  const stored = app.db.select({ n: count() }).from(contributions).get()?.n ?? 0;
  if (stored === 0) {
    log.info('empty database: loading the bundled snapshot of real public data');
    // Loaded only here: the importers (cheerio, xlsx) are seconds of module loading a started server never needs.
    const { loadSnapshot } = await import('../scrapers/pipeline/seed.js');
    const { describeImport } = await import('../scrapers/pipeline/import.js');
    await loadSnapshot(app, { registryDir: config.registryDir, onFile: (r, i, total) => log.info(`[${i + 1}/${total}] ${describeImport(r)}`) });
  }
  // Whatever escapes a background job is logged; the server keeps serving.
  let registryApplied: Promise<void> = Promise.resolve();
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
  const server = createApp({
    db: app.db,
    resolver: app.resolver,
    archive: app.archive,
    logger: log,
    adminToken: config.adminToken,
    rateLimitPerMinute: config.rateLimitPerMinute,
    failureBackoffMs: config.failureBackoffMs,
    scrape: async (sources) => {
      await registryApplied;
      return scrapeAll(app, 'api', log, sources);
    },
    curation: {
      // The alias goes into the registry's files; from then on this process resolves with the new
      // registry (scrapes included), and what is stored is re-resolved in the background.
      accept: (name, organization) => {
        const accepted = acceptAlias(config.registryDir, name, organization);
        app.resolver = createResolver(loadRegistry(config.registryDir));
        registryApplied = registryApplied.then(() => reresolveInBackground(app, log));
        return accepted;
      },
    },
  }).listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // Scrapes of this process wait for it: the re-resolution holds the database's write lock for minutes.
  registryApplied = app.registryPending ? reresolveInBackground(app, log) : Promise.resolve();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info({ port }, `stdwatch is serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`);

  const task = startScheduler(app, log, () => registryApplied);
  if (config.adminToken) log.info('POST /api/scrape is enabled (STDWATCH_ADMIN_TOKEN is set)');
  log.info(`scrapes scheduled at "${config.scrapeSchedule}" (next: ${task.getNextRun()?.toISOString() ?? 'never'})`);
  const digestTask = startDigestScheduler(app, log);
  log.info(`weekly digest scheduled at "${config.digestSchedule}" (next: ${digestTask.getNextRun()?.toISOString() ?? 'never'})`);
  if (config.scrapeOnStart && !(await ranRecently(app, 6))) {
    // Catch up now rather than waiting for the schedule; the server is already answering.
    void registryApplied.then(() => scrapeAll(app, 'start', log));
  }

  const stop = () => {
    log.info('stopping');
    void task.stop();
    void digestTask.stop();
    server.close(() => {
      app.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
