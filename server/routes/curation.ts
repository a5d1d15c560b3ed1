// Curating the registry from the web: coverage per group and year, the candidates for each unresolved
// name, and accepting one (POST, with the admin token, as the watchlist form does). The candidates come
// from the same report function as `stdwatch orgs suggest`; accepting writes the reviewed alias into the
// registry's YAML (domain/resolve/registry-edit.ts) and never happens without that request.
import express, { Router, type Request } from 'express';
import type { Db } from '../../db/client.js';
import { AliasError, type AcceptedAlias } from '../../domain/resolve/registry-edit.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import { requireAdmin } from '../admin.js';
import { ReportCache, revalidate } from '../cache.js';
import { HttpError, validating } from '../errors.js';
import { envelope } from '../envelope.js';
import { coverageTable, csvOf, suggestionsTable } from '../csv-tables.js';
import { coverageReport, suggestReport } from '../reports/curation.js';
import { checkGroupFilter, parseFilters, type Filters } from '../reports/filters.js';
import { urls } from '../urls.js';
import type { Views } from '../views.js';
import { respond, respondKept } from './respond.js';

/** Accepting an alias: writes it into the registry and has the stored sources re-resolved (server/main.ts). */
export interface RegistryCuration {
  accept(name: string, organization: string): AcceptedAlias;
}

function filtersOf(db: Db, req: Request): Filters {
  return validating(() => {
    const filters = parseFilters(req.query as Record<string, unknown>);
    checkGroupFilter(db, filters);
    return filters;
  });
}

export function curationRoutes(db: Db, resolver: Resolver, views: Views, options: { adminToken?: string | null; curation?: RegistryCuration }): Router {
  const router = Router();
  const cache = new ReportCache(db);
  const tagged = revalidate(cache);
  const acceptEnabled = Boolean(options.adminToken && options.curation);

  router.get('/unresolved/coverage{.:format}', tagged, (req, res) => {
    const filters = filtersOf(db, req);
    const cacheKey = JSON.stringify(['coverage', filters]);
    respondKept(req, res, views, cache, cacheKey, () => {
      const report = coverageReport(db, filters, 'group-year');
      return {
        page: 'unresolved-coverage',
        title: 'Coverage per group and year',
        nav: 'unresolved',
        data: report,
        scope: { filters, counts: true },
        at: (format) => urls.unresolvedCoverage(filters, format),
        view: { unresolvedUrl: urls.unresolved(filters) },
        csv: () => csvOf(coverageTable(report.by), report),
        csvName: 'stdwatch-coverage',
      };
    });
  });

  router.get('/unresolved/suggestions{.:format}', tagged, (req, res) => {
    const filters = filtersOf(db, req);
    const cacheKey = JSON.stringify(['suggestions', filters]);
    respondKept(req, res, views, cache, cacheKey, () => {
      const report = suggestReport(db, resolver, filters, 30);
      return {
        page: 'unresolved-suggestions',
        title: 'Candidates for the unresolved names',
        nav: 'unresolved',
        data: report,
        scope: { filters, counts: true },
        at: (format) => urls.unresolvedSuggestions(filters, format),
        view: { unresolvedUrl: urls.unresolved(filters), acceptEnabled, tokenRequired: Boolean(options.adminToken) },
        csv: () => csvOf(suggestionsTable, report),
        csvName: 'stdwatch-suggestions',
      };
    });
  });

  if (options.curation) {
    const curation = options.curation;
    const form = express.urlencoded({ extended: false, limit: '4kb' });
    router.post('/unresolved/accept', form, requireAdmin(options.adminToken), (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const name = typeof body.name === 'string' ? body.name : '';
      const organization = typeof body.organization === 'string' ? body.organization : '';
      if (!name.trim() || !organization.trim()) throw new HttpError(400, 'give the name and the organization (its slug, or a name the registry knows)', !name.trim() ? 'name' : 'organization');
      let accepted: AcceptedAlias;
      try {
        accepted = curation.accept(name, organization);
      } catch (error) {
        if (error instanceof AliasError) throw new HttpError(400, error.message);
        throw error;
      }
      if (req.accepts(['html', 'json']) === 'json') {
        res.json(envelope({ accepted }, { options: { name, organization }, counts: false }, { self: urls.unresolvedAccept(), html: urls.unresolvedSuggestions() }));
        return;
      }
      res.send(views.render('unresolved-accepted', { accepted, suggestionsUrl: urls.unresolvedSuggestions(), title: `Accepted: ${accepted.name}`, nav: 'unresolved' }));
    });
  }
  return router;
}
