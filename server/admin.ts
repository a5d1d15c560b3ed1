// The gate in front of every route that changes stored state (creating or removing a watchlist).
// With no admin token configured, such requests are allowed, as on a stdwatch run on one's own
// machine; with a token, the request must carry it (`Authorization: Bearer TOKEN`, or a `token` form
// field for the HTML forms). Where the token comes from, and CSRF protection for the forms, are for
// the security work to fill in (server/app.ts passes `adminToken` through).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function requireAdmin(token: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!token) {
      next();
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
