// Choosing the rendering a request asked for: `/path.json`, `/path.csv`, or `?format=`; HTML otherwise.
// The JSON rendering is the one envelope (server/envelope.ts) around the report result.
import type { Request, Response } from 'express';
import { envelope, renderings, type Links, type Scope } from '../envelope.js';
import { HttpError } from '../errors.js';
import type { Format } from '../urls.js';
import type { ReportCache } from '../cache.js';
import type { Views } from '../views.js';

export function requestedFormat(req: Request): Format {
  const format = (req.params as Record<string, string | undefined>).format ?? (typeof req.query.format === 'string' ? req.query.format : 'html');
  if (format !== 'html' && format !== 'json' && format !== 'csv') {
    throw new HttpError(400, `format: "${String(format).slice(0, 20)}" is not one of html, json, csv`, 'format');
  }
  return format;
}

export interface PageResult {
  page: string;
  title: string;
  nav?: string;
  /** The report result: the envelope's `data`, and the data of the HTML page. */
  data: Record<string, unknown>;
  /** What the answer was asked for: the envelope's `meta`. */
  scope: Scope;
  /** This answer's address in each rendering (urls.ts): the envelope's links, the page's JSON and CSV links. */
  at: (format: Format) => string;
  /** Paged answers: the following page's JSON address (null on the last), the records on this page and the page size. */
  paging?: { next: string | null; count: number; limit: number };
  /**
   * Extra values only the HTML page needs (links, charts); a function is called only when the HTML
   * page is rendered, so its JSON and CSV renderings draw no chart.
   */
  view?: Record<string, unknown> | (() => Record<string, unknown>);
  csv: () => string;
  csvName: string;
}

/** The JSON answer of a page: its result in the envelope, with the links of its renderings. */
export function pageEnvelope(result: Pick<PageResult, 'data' | 'scope' | 'at' | 'paging'>, extra: Partial<Links> = {}) {
  return envelope(result.data, result.scope, { ...renderings(result.at), ...extra }, result.paging);
}

/** The page in the rendering asked for. */
function render(format: Format, result: PageResult, views: Views): string {
  if (format === 'json') return JSON.stringify(pageEnvelope(result));
  if (format === 'csv') return result.csv();
  const formats = { json: result.at('json'), csv: result.at('csv') };
  return views.render(result.page, { ...result.data, ...(typeof result.view === 'function' ? result.view() : result.view), title: result.title, nav: result.nav, formats });
}

function send(res: Response, format: Format, body: string | Buffer, csvName: string): void {
  if (format === 'json') res.type('application/json; charset=utf-8').send(body);
  else if (format === 'csv') res.type('text/csv; charset=utf-8').attachment(`${csvName}.csv`).send(body);
  else res.type('html').send(body);
}

/** Answers with the page, made for this request. */
export function respond(req: Request, res: Response, views: Views, result: PageResult): void {
  const format = requestedFormat(req);
  send(res, format, render(format, result, views), result.csvName);
}

/**
 * Answers with the page's rendering kept under `key` while the data is unchanged, or made from
 * `page()` and kept: a report is computed only when the rendering asked for is not kept. What is kept
 * is the bytes sent, not the report: a report's objects (a country's: ~10 MB of them) kept in the heap
 * were copied by every young-generation collection until the next write, and promoted into the old
 * generation for a full collection to clear (at 2 M contributions, 40 report requests each right after
 * a write: 190-200 ms of collections and a full one, against 70 ms and none); bytes are outside the
 * heap. Another rendering of the same page computes the report again.
 */
export function respondKept(req: Request, res: Response, views: Views, cache: ReportCache, key: string, page: () => PageResult): void {
  const format = requestedFormat(req);
  const kept = cache.get(
    `${key}.${format}`,
    () => {
      const result = page();
      return { body: Buffer.from(render(format, result, views), 'utf8'), csvName: result.csvName };
    },
    (page) => page.body.byteLength,
  );
  send(res, format, kept.body, kept.csvName);
}
