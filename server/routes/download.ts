// The whole database as a file, for researchers who want to query it themselves: GET
// /data/stdwatch.db. A consistent copy is taken with SQLite's online backup (readers and the scraper
// go on meanwhile), served, and removed. One copy at a time: a second request waits its turn by
// being refused with 503 and Retry-After rather than doubling the disk and CPU cost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Router } from 'express';
import type { Db } from '../../db/client.js';
import { HttpError } from '../errors.js';

export function downloadRoutes(db: Db): Router {
  const router = Router();
  let copying = false;
  router.get('/data/stdwatch.db', async (_req, res, next) => {
    if (copying) {
      res.set('Retry-After', '30');
      next(new HttpError(503, 'a copy of the database is being made for another download; try again in a minute'));
      return;
    }
    copying = true;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-download-'));
    const done = () => {
      copying = false;
      fs.rmSync(dir, { recursive: true, force: true });
    };
    try {
      const file = path.join(dir, 'stdwatch.db');
      await db.$client.backup(file);
      const day = new Date().toISOString().slice(0, 10);
      res.download(file, `stdwatch-${day}.db`, { headers: { 'content-type': 'application/vnd.sqlite3' } }, done);
    } catch (error) {
      done();
      next(error);
    }
  });
  return router;
}
