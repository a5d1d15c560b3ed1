// The gate in front of every route that changes stored state (creating or removing a watchlist).
// Changing state is off unless an admin token is configured (STDWATCH_ADMIN_TOKEN); then the request
// must carry it (`Authorization: Bearer TOKEN`, or a `token` form field for the HTML forms). A form
// field a third-party page cannot know is also what keeps a cross-site form post out.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function requireAdmin(token: string | null | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!token) {
      next(new HttpError(403, 'changes are off: the server has no admin token (set STDWATCH_ADMIN_TOKEN)'));
      return;
    }
    const header = req.get('authorization');
    const given = header?.startsWith('Bearer ') ? header.slice(7) : (req.body as Record<string, unknown> | undefined)?.token;
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), digest(token))) {
      next(new HttpError(403, 'this change needs the admin token'));
      return;
    }
    next();
  };
}
