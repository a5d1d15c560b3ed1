// Report results kept between requests until the data changes. A report page costs 50–150 ms of
// synchronous SQLite work on the full snapshot, and the server has one thread: under load every
// request would queue behind the others. The cache is dropped whenever the database changes — by this
// connection (total_changes(): a scrape in the server process) or by any other (PRAGMA data_version:
// a `stdwatch scrape` or `import` in another process) — so a page never shows older data than a fresh
// query would.
import type { Db } from '../db/client.js';

export class ReportCache {
  private readonly entries = new Map<string, unknown>();
  private version = '';
  private readonly versionQuery;

  constructor(
    private readonly db: Db,
    private readonly maxEntries = 500,
  ) {
    this.versionQuery = db.$client.prepare('select total_changes() as changes');
  }

  private currentVersion(): string {
    const dataVersion = this.db.$client.pragma('data_version', { simple: true }) as number;
    const { changes } = this.versionQuery.get() as { changes: number };
    // And at least every five minutes, for anything a report reads from the clock.
    return `${dataVersion}:${changes}:${Math.floor(Date.now() / 300_000)}`;
  }

  /** The cached result for `key`, or `compute()` stored under it. Errors are not cached. */
  get<T>(key: string, compute: () => T): T {
    const version = this.currentVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as T;
      // Most recently used last, so the oldest is the first to go.
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
