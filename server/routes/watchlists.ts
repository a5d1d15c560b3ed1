// Watchlists (create from a form, show what is new since a date as HTML, JSON, CSV or Atom, remove)
// and the Atom feeds per organization and per country. Changing routes go through requireAdmin.
import express, { Router, type Request } from 'express';
import type { Db } from '../../db/client.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import { isCountryCode, countryName } from '../../domain/resolve/countries.js';
import { requireAdmin } from '../admin.js';
import { HttpError } from '../errors.js';
import { contributionsAtom } from '../feeds.js';
import { csvOf, watchlistTable, watchlistsTable } from '../csv-tables.js';
import { findOrganization } from '../reports/company.js';
import { NotFoundError } from '../reports/country.js';
import { FilterError, checkGroupFilter, parseFilters, type Filters } from '../reports/filters.js';
import { countryCondition, organizationCondition, recentContributions } from '../reports/recent.js';
import { WatchlistError, listWatchlists, removeWatchlist, saveWatchlist, watchlistReport } from '../reports/watchlists.js';
import { urls, type Format } from '../urls.js';
import type { Views } from '../views.js';
import { watchlistScope } from '../envelope.js';
import { respond } from './respond.js';

function filtersOf(db: Db, req: Request): Filters {
  try {
    // `since` is the watchlist's word for `from`: what is new since that day.
    const query = req.query as Record<string, unknown>;
    const filters = parseFilters({ ...query, from: query.since ?? query.from });
    checkGroupFilter(db, filters);
    return filters;
  } catch (error) {
    if (error instanceof FilterError) throw new HttpError(400, error.message.replace(/^from:/, 'since:'), error.parameter === 'from' ? 'since' : error.parameter);
    throw error;
  }
}

function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** A form field with one value per line or comma: `Huawei, Ericsson` → ['Huawei', 'Ericsson']. */
function listField(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => (typeof v === 'string' ? v.split(/[\n,]/) : [])).map((v) => v.trim()).filter(Boolean);
}

export function watchlistRoutes(db: Db, resolver: Resolver, views: Views, adminToken?: string | null): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '20kb' });
  const admin = requireAdmin(adminToken);

  router.get('/watchlists{.:format}', (req, res) => {
    const data = { kind: 'watchlists' as const, watchlists: listWatchlists(db) };
    respond(req, res, views, {
      page: 'watchlists',
      title: 'Watchlists',
      nav: 'watchlists',
      data,
      scope: { counts: false },
      at: (format) => urls.watchlists(format),
      view: { tokenRequired: Boolean(adminToken) },
      csv: () => csvOf(watchlistsTable, data),
      csvName: 'stdwatch-watchlists',
    });
  });

  router.post('/watchlists', form, admin, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      const saved = saveWatchlist(db, resolver, {
        name: typeof body.name === 'string' ? body.name : '',
        organizations: listField(body.organizations),
        groups: listField(body.groups),
        keywords: listField(body.keywords),
      });
      res.redirect(303, urls.watchlist(saved.slug));
    } catch (error) {
      if (error instanceof WatchlistError) throw new HttpError(400, error.message);
      throw error;
    }
  });

  router.post('/watchlists/:slug/delete', form, admin, (req, res) => {
    try {
      removeWatchlist(db, String(req.params.slug));
    } catch (error) {
      if (error instanceof NotFoundError) throw new HttpError(404, error.message);
      throw error;
    }
    res.redirect(303, urls.watchlists());
  });

  router.get('/watchlists/:slug{.:format}', (req, res) => {
    const filters = filtersOf(db, req);
    const atom = req.params.format === 'atom';
    let report;
    try {
      // A feed shows the 50 newest and does not count the rest.
      report = watchlistReport(db, req.params.slug!, filters, atom ? { limit: 50, count: false } : {});
    } catch (error) {
      if (error instanceof NotFoundError) throw new HttpError(404, error.message);
      throw error;
    }
    const at = (format: Format | 'atom') => urls.watchlist(report.watchlist.slug, filters, format);
    if (atom) {
      const feed = contributionsAtom(
        { title: `stdwatch watchlist: ${report.watchlist.name}`, description: 'New contributions on the watchlist', self: `${origin(req)}${at('atom')}`, page: `${origin(req)}${urls.watchlist(report.watchlist.slug)}` },
        { latest: report.latest, items: report.contributions },
      );
      res.type('application/atom+xml; charset=utf-8').send(feed);
      return;
    }
    respond(req, res, views, {
      page: 'watchlist',
      title: report.watchlist.name,
      nav: 'watchlists',
      data: report,
      scope: watchlistScope(filters),
      at,
      view: { atom: at('atom'), tokenRequired: Boolean(adminToken) },
      csv: () => csvOf(watchlistTable, report),
      csvName: `stdwatch-watchlist-${report.watchlist.slug}`,
    });
  });

  // Atom feeds: the 50 newest contributions of an organization (with its subsidiaries) or a country.
  router.get('/feeds/organizations/:slug.atom', (req, res) => {
    let org;
    try {
      org = findOrganization(db, resolver, req.params.slug!).requested;
    } catch (error) {
      if (error instanceof NotFoundError) throw new HttpError(404, error.message);
      throw error;
    }
    const recent = recentContributions(db, organizationCondition([org.slug], db), {});
    res.type('application/atom+xml; charset=utf-8').send(
      contributionsAtom(
        {
          title: `stdwatch: new contributions of ${org.name}`,
          description: `Contributions naming ${org.name} or one of its subsidiaries`,
          self: `${origin(req)}${urls.organizationFeed(org.slug)}`,
          page: `${origin(req)}${urls.organization(org.slug)}`,
        },
        recent,
      ),
    );
  });

  router.get('/feeds/countries/:iso2.atom', (req, res) => {
    const code = req.params.iso2!.toUpperCase();
    if (!isCountryCode(code)) throw new HttpError(404, `no country "${req.params.iso2!.slice(0, 10)}" (ISO 3166-1 alpha-2, e.g. CN)`);
    const recent = recentContributions(db, countryCondition(code, db), {});
    res.type('application/atom+xml; charset=utf-8').send(
      contributionsAtom(
        {
          title: `stdwatch: new contributions from ${countryName(code)}`,
          description: `Contributions with a source whose ultimate parent is based in ${countryName(code)}`,
          self: `${origin(req)}${urls.countryFeed(code)}`,
          page: `${origin(req)}${urls.country(code)}`,
        },
        recent,
      ),
    );
  });

  return router;
}
