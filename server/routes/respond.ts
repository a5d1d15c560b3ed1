// Choosing the rendering a request asked for: `/path.json`, `/path.csv`, or `?format=`; HTML otherwise.
import type { Request, Response } from 'express';
import { HttpError } from '../errors.js';
import type { Format } from '../urls.js';
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
  /** Extra values only the HTML page needs (bar scales, links). */
  view?: Record<string, unknown>;
  csv: () => string;
  formats: { json: string; csv: string };
  csvName: string;
}

export function respond(req: Request, res: Response, views: Views, result: PageResult): void {
  const format = requestedFormat(req);
  if (format === 'json') {
    res.json(result.data);
  } else if (format === 'csv') {
    res.type('text/csv; charset=utf-8').attachment(`${result.csvName}.csv`).send(result.csv());
  } else {
    res
      .type('html')
      .send(views.render(result.page, { ...result.data, ...result.view, title: result.title, nav: result.nav, formats: result.formats }));
  }
}
