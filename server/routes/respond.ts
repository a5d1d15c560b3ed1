// Choosing the rendering a request asked for: `/path.json`, `/path.csv`, or `?format=`; HTML otherwise.
import type { Request, Response } from 'express';
import { HttpError } from '../errors.js';
import type { Format } from '../urls.js';
import type { ReportCache } from '../cache.js';
import type { Views } from '../views.js';

export function requestedFormat(req: Request): Format {
  const format = (req.params as Record<string, string | undefined>).format ?? (typeof req.query.format === 'string' ? req.query.format : 'html');
  if (format !== 'html' && format !== 'json' && format !== 'csv') {
    throw new HttpError(400, `format: "${String(format).slice(0, 20)}" is not one of html, json, csv`);
  }
  return format;
}

export interface PageResult {
  page: string;
  title: string;
  nav?: string;
  /** The report result: the JSON rendering, and the data of the HTML page. */
  data: Record<string, unknown>;
  /**
   * Extra values only the HTML page needs (links, charts); a function is called only when the page is
   * rendered, so a chart is not drawn again for a page the cache already holds.
   */
  view?: Record<string, unknown> | (() => Record<string, unknown>);
  csv: () => string;
  formats: { json: string; csv: string };
  csvName: string;
  /** Set when the report came from the cache under this key: the rendering is cached beside it. */
  cacheKey?: string;
}

export function respond(req: Request, res: Response, views: Views, result: PageResult, cache?: ReportCache): void {
  const format = requestedFormat(req);
  // A cached rendering is kept as the bytes sent: a large page (the overview: 150 kB and more) is not
  // encoded to UTF-8 again on every request.
  const rendered = (make: () => string): string | Buffer => (cache && result.cacheKey ? cache.get(`${result.cacheKey}.${format}.utf8`, () => Buffer.from(make(), 'utf8')) : make());
  if (format === 'json') {
    res.type('application/json; charset=utf-8').send(rendered(() => JSON.stringify(result.data)));
  } else if (format === 'csv') {
    res.type('text/csv; charset=utf-8').attachment(`${result.csvName}.csv`).send(rendered(result.csv));
  } else {
    res
      .type('html')
      .send(rendered(() => views.render(result.page, { ...result.data, ...(typeof result.view === 'function' ? result.view() : result.view), title: result.title, nav: result.nav, formats: result.formats })));
  }
}
