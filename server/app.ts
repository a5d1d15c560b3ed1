// The web application, without listening: createApp is what the tests drive with supertest and what
// server/main.ts serves.
import express, { type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Db } from '../db/client.js';
import type { RawArchive } from '../db/archive.js';
import type { Resolver } from '../domain/resolve/resolve.js';
import { projectPath } from '../domain/project.js';
import { errorBody } from './envelope.js';
import { HttpError } from './errors.js';
import { DEFAULT_FAILURE_BACKOFF_MS } from './reports/status.js';
import { adminRoutes, type ScrapeTrigger } from './routes/admin.js';
import { apiRoutes } from './routes/api.js';
import { digestRoutes } from './routes/digest.js';
import { searchRoutes } from './routes/search.js';
import { watchlistRoutes } from './routes/watchlists.js';
import { downloadRoutes } from './routes/download.js';
import { compareRoutes } from './routes/compare.js';
import { documentRoutes } from './routes/documents.js';
import { pageRoutes } from './routes/pages.js';
import { curationRoutes, type RegistryCuration } from './routes/curation.js';
import { createViews, type Views } from './views.js';
import { requestLog, silentLogger, type Logger } from './log.js';

const STATIC_DIR = projectPath('templates', 'static');

export interface AppParts {
  db: Db;
  resolver: Resolver;
  archive: RawArchive;
  views?: Views;
  /** Where requests and internal errors are logged (server/log.ts); tests that do not look leave it out. */
  logger?: Logger;
  /** From the configuration (server/config.ts); tests leave them out: no token, no rate limit. */
  adminToken?: string | null;
  rateLimitPerMinute?: number;
  failureBackoffMs?: number;
  /** Starts a scrape in the background, for POST /api/scrape (which also needs adminToken). */
  scrape?: ScrapeTrigger;
  /** Writes an accepted alias into the registry, for POST /unresolved/accept (which also needs adminToken). */
  curation?: RegistryCuration;
}

/** Longest request target accepted: every real link is far shorter; longer ones are refused before any work. */
export const MAX_URL_LENGTH = 2048;

// The pages have no scripts and no inline styles, so the policy can be strict. No upgrade of requests
// to https: stdwatch is usually served over plain http on a local or internal address.
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** Errors from Express itself or its parsers (a malformed %-escape) carry a 4xx status to keep. */
function clientErrorStatus(error: unknown): number | null {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
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
  app.use(requestLog(parts.logger ?? silentLogger));
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  app.use((req, _res, next) => {
    next(req.originalUrl.length > MAX_URL_LENGTH ? new HttpError(414, `the address is longer than ${MAX_URL_LENGTH} characters`) : undefined);
  });
  app.use('/static', express.static(STATIC_DIR, { maxAge: '1h', index: false }));
  if (parts.rateLimitPerMinute) {
    app.use(
      rateLimit({
        windowMs: 60_000,
        limit: parts.rateLimitPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: (_req, _res, next) => next(new HttpError(429, `more than ${parts.rateLimitPerMinute} requests a minute from this address; try again shortly`)),
      }),
    );
  }
  if (parts.adminToken && parts.scrape) app.use(adminRoutes(parts.db, parts.adminToken, parts.scrape));
  app.use(pageRoutes(parts.db, parts.resolver, views, { failureBackoffMs: parts.failureBackoffMs ?? DEFAULT_FAILURE_BACKOFF_MS }));
  app.use(curationRoutes(parts.db, parts.resolver, views, { adminToken: parts.adminToken, curation: parts.curation }));
  app.use(apiRoutes(parts.db, parts.archive));
  app.use(digestRoutes(parts.db, views));
  app.use(searchRoutes(parts.db, views));
  app.use(watchlistRoutes(parts.db, parts.resolver, views, parts.adminToken));
  app.use(compareRoutes(parts.db, parts.resolver, views));
  app.use(documentRoutes(parts.db, views));
  app.use(downloadRoutes(parts.db));

  // One 404 handler and one error handler, answering in HTML or JSON as the client asked.
  app.use((req, _res, next) => next(new HttpError(404, `nothing at ${req.path.slice(0, 200)}`)));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const clientStatus = error instanceof HttpError ? null : clientErrorStatus(error);
    const status = error instanceof HttpError ? error.status : (clientStatus ?? 500);
    const message =
      error instanceof HttpError ? error.message : clientStatus ? 'the request is malformed' : 'something went wrong on our side; it has been logged';
    // The stack goes to the log (with the request's id), never into the answer.
    if (!(error instanceof HttpError) && clientStatus === null) req.log.error({ err: error }, `${req.method} ${req.originalUrl} failed`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (wantsJson(req)) {
      res.status(status).json(errorBody(status, message, error instanceof HttpError ? error.parameter : undefined));
    } else if (wantsCsv(req)) {
      res.status(status).type('text/plain; charset=utf-8').send(`error ${status}: ${message}\n`);
    } else {
      const heading = status === 404 ? 'Not found' : status === 400 ? 'Bad request' : status === 429 ? 'Too many requests' : 'Error';
      res.status(status).type('html').send(views.render('error', { title: heading, heading, message }));
    }
  });
  return app;
}
