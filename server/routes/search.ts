// /search: full-text search over contribution titles and source cells, with the usual filters, as
// HTML, JSON or CSV (the same search function; pages of 50, newest first).
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { CONTRIBUTION_CSV_COLUMNS, contributionCsvRow, toCsv } from '../render.js';
import { HttpError } from '../errors.js';
import { FilterError, checkGroupFilter, filterQuery, parseFilters } from '../reports/filters.js';
import { parseSearchText, searchContributions } from '../reports/search.js';
import type { Views } from '../views.js';
import { respond } from './respond.js';

const pageNumber = z.coerce.number().int().min(1).max(10_000).default(1);

function searchUrl(query: Record<string, string | number | undefined>, format?: 'json' | 'csv'): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) params.set(k, String(v));
  const qs = params.toString();
  return `/search${format ? `.${format}` : ''}${qs ? `?${qs}` : ''}`;
}

export function searchRoutes(db: Db, views: Views): Router {
  const router = Router();
  router.get('/search{.:format}', (req, res) => {
    let q: string | undefined;
    let topic: string | undefined;
    let filters;
    let page: number;
    try {
      q = parseSearchText(req.query.q);
      filters = parseFilters(req.query as Record<string, unknown>);
      topic = filters.topic;
      checkGroupFilter(db, filters);
      const parsed = pageNumber.safeParse(req.query.page ?? undefined);
      if (!parsed.success) throw new FilterError('page', 'must be a whole number from 1');
      page = parsed.data;
    } catch (error) {
      if (error instanceof FilterError) throw new HttpError(400, error.message);
      throw error;
    }
    // The topic is one of the filters (contributionCondition applies it).
    const found = q ? searchContributions(db, q, filters, { page }) : { kind: 'search' as const, q: '', filters, total: 0, totalExact: true, page: 1, pageSize: 50, results: [] };
    const result = { ...found, topic: topic ?? null };
    const base = { q, topic, ...filterQuery(filters) };
    // Past the count's cap the number of pages is not known: a full page has a next one.
    const count = Math.ceil(result.total / result.pageSize);
    const hasNext = page < count || (!result.totalExact && result.results.length === result.pageSize);
    respond(req, res, views, {
      page: 'search',
      title: q ? `Search: ${q}` : 'Search',
      nav: 'search',
      data: result,
      view: {
        pages: {
          count,
          previous: page > 1 ? searchUrl({ ...base, page: page - 1 }) : null,
          next: hasNext ? searchUrl({ ...base, page: page + 1 }) : null,
        },
      },
      // The CSV holds every match, not only this page.
      csv: () => toCsv((q ? searchContributions(db, q, filters, { pageSize: 100_000 }).results : []).map(contributionCsvRow), CONTRIBUTION_CSV_COLUMNS),
      formats: { json: searchUrl({ ...base, page }, 'json'), csv: searchUrl(base, 'csv') },
      csvName: 'stdwatch-search',
    });
  });
  return router;
}
