// Report responses kept in memory and revalidated by ETag, keyed on a data version that changes with
// every write. At two million contributions a report's GROUP BY takes seconds; the data changes once
// a week (a scrape) or on an import, so between two writes every page is computed once.
//
// The data version is SQLite's own: `total_changes()` counts every row this connection wrote (the
// server's own scrapes), `PRAGMA data_version` changes whenever another connection commits (a CLI
// import into the same file). With the day (reports default to "today") and a per-process nonce
// (both counters restart with the process), two equal versions mean the same data.
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Db } from '../db/client.js';

const PROCESS_NONCE = randomBytes(4).toString('hex');

/** A string that changes whenever the database's data changes (or the day does). */
export function dataVersionOf(db: Db): () => string {
  const changes = db.$client.prepare('select total_changes() as n').pluck();
  return () => {
    const external = db.$client.pragma('data_version', { simple: true }) as number;
    return `${PROCESS_NONCE}.${external}.${changes.get() as number}.${new Date().toISOString().slice(0, 10)}`;
  };
}

interface Entry {
  version: string;
  body: string | Buffer;
  headers: Record<string, string>;
  bytes: number;
}

export interface ReportCacheOptions {
  /** Bytes of response bodies kept at most (oldest used dropped first). */
  maxBytes?: number;
  /** Paths never cached: archived files, static files, streamed exports. */
  skip?: RegExp;
}

const KEPT_HEADERS = ['content-type', 'content-disposition'];

/**
 * Middleware: a GET answered 200 with `res.send` (pages, `.json`, `.csv`) is kept with the data
 * version it was computed at, and served again while the version holds; every such response carries
 * `ETag: W/"<version>"` and `Cache-Control: no-cache`, so a client's `If-None-Match` gets a 304
 * without the report being computed.
 */
export function reportCache(db: Db, options: ReportCacheOptions = {}): RequestHandler {
  const maxBytes = options.maxBytes ?? 32 * 1_048_576;
  const skip = options.skip ?? /^\/(static|raw)\//;
  const versionNow = dataVersionOf(db);
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const remember = (key: string, entry: Entry) => {
    const old = entries.get(key);
    if (old) bytes -= old.bytes;
    entries.delete(key);
    if (entry.bytes > maxBytes / 4) return;
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= e.bytes;
    }
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || skip.test(req.path)) return next();
    const version = versionNow();
    const etag = `W/"${version}"`;
    const key = `${req.accepts('html') ? 'h' : 'j'} ${req.originalUrl}`;
    const cached = entries.get(key);
    if (cached && cached.version === version) {
      // Most recently used last.
      entries.delete(key);
      entries.set(key, cached);
      res.set(cached.headers).set('ETag', etag).set('Cache-Control', 'no-cache').set('X-Cache', 'hit');
      res.send(cached.body);
      return;
    }
    const ifNoneMatch = req.headers['if-none-match'];
    // The version is in the tag: the same version means the same answer, computed or not.
    if (ifNoneMatch && ifNoneMatch.split(/\s*,\s*/).includes(etag)) {
      res.set('ETag', etag).set('Cache-Control', 'no-cache').status(304).end();
      return;
    }
    res.set('ETag', etag).set('Cache-Control', 'no-cache');
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      res.send = send;
      if (res.statusCode !== 200) {
        res.removeHeader('ETag');
        res.removeHeader('Cache-Control');
      } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
        const headers: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = res.getHeader(name);
          if (typeof value === 'string') headers[name] = value;
        }
        remember(key, { version, body, headers, bytes: typeof body === 'string' ? Buffer.byteLength(body) : body.length });
      }
      return send(body);
    };
    next();
  };
}
