// The web application, without listening: createApp is what the tests drive with supertest and what
// server/main.ts serves.
import express, { type NextFunction, type Request, type Response } from 'express';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.js';
import type { RawArchive } from '../scrapers/archive.js';
import type { Resolver } from '../scrapers/resolve/resolve.js';
import { reportCache } from './cache.js';
import { HttpError } from './errors.js';
import { apiRoutes } from './routes/api.js';
import { pageRoutes } from './routes/pages.js';
import { createViews, type Views } from './views.js';

const STATIC_DIR = fileURLToPath(new URL('../templates/static', import.meta.url));

export interface AppParts {
  db: Db;
  resolver: Resolver;
  archive: RawArchive;
  views?: Views;
  log?: (message: string) => void;
}

function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.path.endsWith('.json') || req.query.format === 'json' || !req.accepts('html');
}

function wantsCsv(req: Request): boolean {
  return req.path.endsWith('.csv') || req.query.format === 'csv';
}

export function createApp(parts: AppParts): express.Express {
  const views = parts.views ?? createViews();
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use('/static', express.static(STATIC_DIR, { maxAge: '1h', index: false }));
  // Reports are computed once per data version (see cache.ts).
  app.use(reportCache(parts.db));
  app.use(pageRoutes(parts.db, parts.resolver, views));
  app.use(apiRoutes(parts.db, parts.archive));

  // One 404 handler and one error handler, answering in HTML or JSON as the client asked.
  app.use((req, _res, next) => next(new HttpError(404, `nothing at ${req.path.slice(0, 200)}`)));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = error instanceof HttpError ? error.status : 500;
    const message = error instanceof HttpError ? error.message : 'something went wrong on our side; it has been logged';
    if (!(error instanceof HttpError)) parts.log?.(`${req.method} ${req.originalUrl}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (wantsJson(req)) {
      res.status(status).json({ error: { status, message } });
    } else if (wantsCsv(req)) {
      res.status(status).type('text/plain; charset=utf-8').send(`error ${status}: ${message}\n`);
    } else {
      const heading = status === 404 ? 'Not found' : status === 400 ? 'Bad request' : 'Error';
      res.status(status).type('html').send(views.render('error', { title: heading, heading, message }));
    }
  });
  return app;
}
