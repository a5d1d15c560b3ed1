// The running application's parts, opened once per process: the database (migrated), the registry
// (applied to what is stored when it changed), the raw archive, and scrape contexts built from them.
import { closeDatabase, openDatabase, type Db } from '../db/client.js';
import { applyRegistry, registryApplied } from '../db/registry.js';
import { closeInterruptedRuns } from '../db/runs.js';
import { RawArchive } from '../db/archive.js';
import { HttpClient } from '../scrapers/http.js';
import { loadRegistry } from '../domain/resolve/registry.js';
import { createResolver, type Resolver } from '../domain/resolve/resolve.js';
import type { PipelineContext } from '../scrapers/pipeline/run.js';
import { databaseSink } from '../scrapers/pipeline/sink.js';
import { allowedHosts } from '../scrapers/3gpp/urls.js';
import type { Config } from './config.js';

export interface Stdwatch {
  config: Config;
  db: Db;
  resolver: Resolver;
  archive: RawArchive;
  /**
   * Stored sources were resolved with another registry and are not re-resolved yet: only when opened
   * with `deferRegistry` (serve re-resolves them in the background: server/reresolve.ts).
   */
  registryPending?: boolean;
  close(): void;
}

function hasContributions(db: Db): boolean {
  return db.$client.prepare('select 1 from contributions limit 1').get() !== undefined;
}

/**
 * Opens the database and the registry. A changed registry is applied to everything stored before this
 * returns, unless `deferRegistry` is set and something is stored: then `registryPending` says so and
 * the caller re-resolves (an empty database is always synced here, it costs nothing).
 */
export function openStdwatch(config: Config, options: { deferRegistry?: boolean } = {}): Stdwatch {
  const db = openDatabase(config.dbFile);
  let resolver: Resolver;
  let registryPending = false;
  try {
    resolver = createResolver(loadRegistry(config.registryDir));
    registryPending = options.deferRegistry === true && !registryApplied(db, resolver) && hasContributions(db);
    if (!registryPending) applyRegistry(db, resolver);
    closeInterruptedRuns(db);
  } catch (error) {
    closeDatabase(db);
    throw error;
  }
  return { config, db, resolver, archive: new RawArchive(config.archiveDir, db), registryPending, close: () => closeDatabase(db) };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function scrapeContext(
  app: Stdwatch,
  options: { since?: string; until?: string; dryRun?: boolean; log?: (m: string) => void; progress?: PipelineContext['progress'] },
): PipelineContext {
  const { config } = app;
  const now = new Date();
  const dryRun = options.dryRun ?? false;
  const http = new HttpClient({
    ...config.http,
    // Only the bodies' own hosts are ever fetched (a redirect elsewhere is refused).
    allowedHosts: [...new Set(Object.values(config.baseUrls).flatMap((base) => allowedHosts(base)))],
    archive: dryRun ? null : app.archive,
  });
  return {
    db: app.db,
    store: databaseSink(app.db, app.resolver),
    resolver: app.resolver,
    http,
    baseUrls: config.baseUrls,
    since: options.since ?? isoDay(new Date(now.getTime() - config.scrapeLookbackDays * 86_400_000)),
    until: options.until ?? isoDay(new Date(now.getTime() + 60 * 86_400_000)),
    dryRun,
    threeGppGroups: config.threeGppGroups,
    ietfGroups: config.ietfGroups,
    ietfPageSize: config.ietfPageSize,
    ieeeGroups: config.ieeeGroups,
    log: options.log ?? (() => {}),
    progress: options.progress,
  };
}
