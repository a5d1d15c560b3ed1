// /search: full-text search over contribution titles and source cells, with the usual filters, as
// HTML, JSON or CSV (the same search function; pages of 50, newest first).
import { Router } from 'express';
import type { Db } from '../../db/client.js';
import { contributionTable, recordsCsv } from '../csv-tables.js';
import { validating } from '../errors.js';
import { FilterError, checkGroupFilter, parseFilters } from '../reports/filters.js';
import { parseSearchText, searchContributions } from '../reports/search.js';
import { searchPageSchema } from '../queries.js';
import { urls } from '../urls.js';
import type { Views } from '../views.js';
import { respond } from './respond.js';

const pageNumber = searchPageSchema.shape.page;

export function searchRoutes(db: Db, views: Views): Router {
  const router = Router();
  router.get('/search{.:format}', (req, res) => {
    const { q, filters, page } = validating(() => {
      const q = parseSearchText(req.query.q);
      const filters = parseFilters(req.query as Record<string, unknown>);
      checkGroupFilter(db, filters);
      const parsed = pageNumber.safeParse(req.query.page ?? undefined);
      if (!parsed.success) throw new FilterError('page', 'must be a whole number from 1');
      return { q, filters, page: parsed.data };
    });
    // The topic is one of the filters (contributionCondition applies it).
    const found = q ? searchContributions(db, q, filters, { page }) : { kind: 'search' as const, q: '', filters, total: 0, totalExact: true, page: 1, pageSize: 50, results: [] };
    const result = { ...found, topic: filters.topic ?? null };
    // Past the count's cap the number of pages is not known: a full page has a next one.
    const count = Math.ceil(result.total / result.pageSize);
    const hasNext = page < count || (!result.totalExact && result.results.length === result.pageSize);
    respond(req, res, views, {
      page: 'search',
      title: q ? `Search: ${q}` : 'Search',
      nav: 'search',
      data: result,
      scope: { filters, options: { q, page }, counts: true },
      // The CSV holds every match, not only this page.
      at: (format) => urls.search(q, filters, format === 'csv' ? 1 : page, format),
      paging: { next: hasNext ? urls.search(q, filters, page + 1, 'json') : null, count: result.results.length, limit: result.pageSize },
      view: {
        pages: {
          count,
          previous: page > 1 ? urls.search(q, filters, page - 1) : null,
          next: hasNext ? urls.search(q, filters, page + 1) : null,
        },
      },
      csv: () => recordsCsv(contributionTable, q ? searchContributions(db, q, filters, { pageSize: 100_000 }).results : []),
      csvName: 'stdwatch-search',
    });
  });
  return router;
}
