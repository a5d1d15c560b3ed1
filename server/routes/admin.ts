// Requests that change state. They exist only when STDWATCH_ADMIN_TOKEN is set, and need it as a
// bearer token (compared in constant time): without a token configured, nobody can start a scrape over
// the web, and the route answers 404 like any address that does not exist.
import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import type { Db } from '../../db/client.js';
import { liveRun } from '../../db/runs.js';
import { errorMessage } from '../../scrapers/errors.js';
import { isRunning } from '../../scrapers/pipeline/run.js';
import type { Source } from '../../scrapers/source.js';
import { envelope } from '../envelope.js';
import { HttpError } from '../errors.js';
import { scrapeQuerySchema } from '../queries.js';
import { urls } from '../urls.js';

/** Starts a scrape of these sources in the background (server/main.ts: scrapeAll). */
export type ScrapeTrigger = (sources: Source[]) => Promise<void>;


/** Whether the request carries the token; hashing both sides makes the comparison length-independent. */
export function hasToken(req: Request, token: string): boolean {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return false;
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(match[1]!), digest(token));
}

export function adminRoutes(db: Db, token: string, scrape: ScrapeTrigger): Router {
  const router = Router();
  router.post('/api/scrape', async (req, res) => {
    if (!hasToken(req, token)) {
      res.set('WWW-Authenticate', 'Bearer realm="stdwatch"');
      throw new HttpError(401, 'this request changes state and needs the admin token (Authorization: Bearer …)');
    }
    const parsed = scrapeQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const name = issue.code === 'unrecognized_keys' ? String(issue.keys[0]).slice(0, 40) : String(issue.path[0]);
      throw new HttpError(400, `${name}: ${issue.code === 'unrecognized_keys' ? 'unknown parameter (known: source)' : issue.message}`, name);
    }
    // The scrapers are loaded on the first scrape asked for, not when the server starts.
    const { selectSources } = await import('../../scrapers/sources.js');
    let sources: Source[];
    try {
      sources = selectSources(parsed.data.source ? [parsed.data.source] : []);
    } catch (error) {
      throw new HttpError(400, `source: ${errorMessage(error)}`, 'source');
    }
    const busy = sources.filter((s) => isRunning(s.name) || liveRun(db, s.name));
    if (busy.length > 0) throw new HttpError(409, `already running: ${busy.map((s) => s.name).join(', ')}; see ${urls.status()}`);
    void scrape(sources);
    // The runs are followed on the status page: the answer's `progress` link.
    res.status(202).json(
      envelope({ status: 'started', sources: sources.map((s) => s.name) }, { options: { source: parsed.data.source }, counts: false }, { self: urls.apiScrape(parsed.data.source), progress: urls.status() }),
    );
  });
  return router;
}
