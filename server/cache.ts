// Report results kept between requests until the data changes. A report page costs 50–150 ms of
// synchronous SQLite work on the full snapshot, and the server has one thread: under load every
// request would queue behind the others. The cache is dropped whenever the database changes — by this
// connection (total_changes(): a scrape in the server process) or by any other (PRAGMA data_version:
// a `stdwatch scrape` or `import` in another process) — so a page never shows older data than a fresh
// query would.
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { dataVersion, type Db } from '../db/client.js';

/** Both counters of the version restart with the process: the nonce keeps two processes' tags apart. */
const PROCESS_NONCE = randomBytes(4).toString('hex');

export class ReportCache {
  private readonly entries = new Map<string, unknown>();
  private version = '';
  /** The version read at the start of a request, while that request is handled synchronously (see revalidate). */
  private pinned: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly maxEntries = 500,
  ) {}

  private currentVersion(): string {
    if (this.pinned !== null) return this.pinned;
    // And at least every five minutes, for anything a report reads from the clock.
    return `${dataVersion(this.db)}:${Math.floor(Date.now() / 300_000)}`;
  }

  /** A weak entity tag of the data as of now: equal tags, equal reports. */
  etag(): string {
    return `W/"${PROCESS_NONCE}.${this.currentVersion()}"`;
  }

  /**
   * Runs `fn` with the data version read once: the tag, the report and its rendering of one request
   * then agree on it, and the version is not read three times per request. Only for the synchronous
   * part of `fn`: no other code runs meanwhile, so nothing can change the data in between; anything
   * after an `await` reads the version again.
   */
  withVersionPinned<T>(fn: (etag: string) => T): T {
    if (this.pinned !== null) return fn(this.etag());
    this.pinned = this.currentVersion();
    try {
      return fn(this.etag());
    } finally {
      this.pinned = null;
    }
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

/**
 * Route middleware for report pages (HTML, JSON, CSV): answers `If-None-Match` with the current data
 * version's tag by 304, before the report is computed; otherwise tags the response (`ETag`, and
 * `Cache-Control: no-cache` so a browser asks again each time and gets the 304). Errors are not
 * tagged: a client must not keep a 400 or a 404 as the answer for this version.
 */
export function revalidate(cache: ReportCache): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    cache.withVersionPinned((etag) => tagged(etag, req, res, next));
  };
}

/** Tags the response with `etag`, or answers 304; the rest of the request runs inside (`next`). */
function tagged(etag: string, req: Request, res: Response, next: NextFunction): void {
  res.set('ETag', etag).set('Cache-Control', 'no-cache');
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(/\s*,\s*/).includes(etag)) {
    res.status(304).end();
    return;
  }
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    res.send = send;
    if (res.statusCode !== 200) {
      res.removeHeader('ETag');
      res.removeHeader('Cache-Control');
    }
    return send(body);
  };
  next();
}
