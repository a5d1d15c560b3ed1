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
   * Extra values only the HTML page needs (links, charts); a function is called only when the page is
   * rendered, so a chart is not drawn again for a page the cache already holds.
   */
  view?: Record<string, unknown> | (() => Record<string, unknown>);
  csv: () => string;
  csvName: string;
  /** Set when the report came from the cache under this key: the rendering is cached beside it. */
  cacheKey?: string;
}

/** The JSON answer of a page: its result in the envelope, with the links of its renderings. */
export function pageEnvelope(result: Pick<PageResult, 'data' | 'scope' | 'at' | 'paging'>, extra: Partial<Links> = {}) {
  return envelope(result.data, result.scope, { ...renderings(result.at), ...extra }, result.paging);
}

export function respond(req: Request, res: Response, views: Views, result: PageResult, cache?: ReportCache): void {
  const format = requestedFormat(req);
  // A cached rendering is kept as the bytes sent: a large page (the overview: 150 kB and more) is not
  // encoded to UTF-8 again on every request.
  const rendered = (make: () => string): string | Buffer => (cache && result.cacheKey ? cache.get(`${result.cacheKey}.${format}.utf8`, () => Buffer.from(make(), 'utf8')) : make());
  if (format === 'json') {
    res.type('application/json; charset=utf-8').send(rendered(() => JSON.stringify(pageEnvelope(result))));
  } else if (format === 'csv') {
    res.type('text/csv; charset=utf-8').attachment(`${result.csvName}.csv`).send(rendered(result.csv));
  } else {
    const formats = { json: result.at('json'), csv: result.at('csv') };
    res
      .type('html')
      .send(rendered(() => views.render(result.page, { ...result.data, ...(typeof result.view === 'function' ? result.view() : result.view), title: result.title, nav: result.nav, formats })));
  }
}
