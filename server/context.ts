// The running application's parts, opened once per process: the database (migrated), the registry
// (applied to what is stored when it changed), the raw archive, and scrape contexts built from them.
import { closeDatabase, openDatabase, type Db } from '../db/client.js';
import { metaRegistryCache } from '../db/registry-cache.js';
import { applyRegistry, closeInterruptedRuns } from '../db/write.js';
import { RawArchive } from '../scrapers/archive.js';
import { HttpClient } from '../scrapers/http.js';
import { loadRegistry } from '../scrapers/resolve/registry.js';
import { createResolver, type Resolver } from '../scrapers/resolve/resolve.js';
import type { ScrapeContext } from '../scrapers/sources.js';
import { allowedHosts } from '../scrapers/3gpp/urls.js';
import type { Config } from './config.js';

export interface Stdwatch {
  config: Config;
  db: Db;
  resolver: Resolver;
  archive: RawArchive;
  close(): void;
}

export function openStdwatch(config: Config): Stdwatch {
  const db = openDatabase(config.dbFile);
  let resolver: Resolver;
  try {
    // The YAML's parse is kept in the database (db/registry-cache.ts): parsed again only when a file changed.
    resolver = createResolver(loadRegistry(undefined, metaRegistryCache(db)));
    applyRegistry(db, resolver);
    closeInterruptedRuns(db);
  } catch (error) {
    closeDatabase(db);
    throw error;
  }
  return { config, db, resolver, archive: new RawArchive(config.archiveDir, db), close: () => closeDatabase(db) };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function scrapeContext(
  app: Stdwatch,
  options: { since?: string; until?: string; dryRun?: boolean; log?: (m: string) => void; progress?: ScrapeContext['progress'] },
): ScrapeContext {
  const { config } = app;
  const now = new Date();
  const dryRun = options.dryRun ?? false;
  const http = new HttpClient({
    ...config.http,
    // Only the bodies' own hosts are ever fetched (a redirect elsewhere is refused).
    allowedHosts: [...new Set(Object.values(config.baseUrls).flatMap((base) => allowedHosts(base)))],
    db: app.db,
    archive: dryRun ? null : app.archive,
  });
  return {
    db: app.db,
    resolver: app.resolver,
    http,
    archive: dryRun ? null : app.archive,
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
