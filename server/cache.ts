// Report pages kept between requests until the data changes, as the bytes sent (routes/respond.ts:
// respondKept), in the one cache of stdwatch (db/cache.ts: kept per connection while the data version
// holds). A report page costs tens of ms of
// synchronous SQLite work at full history, and the server has one thread: under load every request
// would queue behind the others. The data version moves whenever the database changes — by this
// connection (a scrape in the server process) or by any other (a `stdwatch scrape` or `import` in
// another process) — so a page never shows older data than a fresh query would.
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Db } from '../db/client.js';
import { dataVersion, pinVersion, whileUnchanged } from '../db/cache.js';

/** Both counters of the version restart with the process: the nonce keeps two processes' tags apart. */
const PROCESS_NONCE = randomBytes(4).toString('hex');

/** Reports read the clock (today's seats, the last complete week): what they give is kept five minutes at most. */
const clockWindow = () => Math.floor(Date.now() / 300_000);

let caches = 0;

export class ReportCache {
  /** One app's pages are its own: another app on the same connection may render them otherwise (its settings). */
  private readonly id = ++caches;

  constructor(private readonly db: Db) {}

  /** A weak entity tag of the data as of now: equal tags, equal reports. */
  etag(): string {
    return `W/"${PROCESS_NONCE}.${dataVersion(this.db)}:${clockWindow()}"`;
  }

  /**
   * Runs `fn` with the data version read once: the tag, the report and its rendering of one request
   * then agree on it. Only for the synchronous part of `fn`: no other code runs meanwhile, so nothing
   * can change the data in between; anything after an `await` reads the version again.
   */
  withVersionPinned<T>(fn: (etag: string) => T): T {
    return pinVersion(this.db, () => fn(this.etag()));
  }

  /** The value kept for `key`, or `compute()` kept under it (`bytes`: what it holds). Errors are not kept. */
  get<T>(key: string, compute: () => T, bytes?: (value: T) => number): T {
    return whileUnchanged(this.db, `report ${this.id} ${clockWindow()} ${key}`, compute, bytes);
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
