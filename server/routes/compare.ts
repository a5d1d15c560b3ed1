// /compare?org=huawei&org=ericsson (or ?country=CN&country=US), with the usual filters, as HTML, JSON
// or CSV from the same comparison report.
import { Router } from 'express';
import type { Db } from '../../db/client.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import { barChart } from '../charts.js';
import { HttpError, validating } from '../errors.js';
import { compareTable, csvOf } from '../csv-tables.js';
import { CompareError, compareReport } from '../reports/compare.js';
import { NotFoundError } from '../reports/country.js';
import { checkGroupFilter, parseFilters } from '../reports/filters.js';
import { documentsPick } from '../reports/coverage.js';
import { coverageChoices } from './coverage-choices.js';
import { urls, periodWithin } from '../urls.js';
import type { Views } from '../views.js';
import { respond } from './respond.js';

function values(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** The record filter that picks a compared subject's documents: its group (parent) or its country. */
function subjectPick(subject: { kind: 'organization' | 'country'; key: string }): Record<string, string> {
  return subject.kind === 'country' ? { country: subject.key } : { parent: subject.key };
}

export function compareRoutes(db: Db, resolver: Resolver, views: Views): Router {
  const router = Router();
  router.get('/compare{.:format}', (req, res) => {
    const request = { organizations: values(req.query.org), countries: values(req.query.country) };
    const filters = validating(() => {
      const filters = parseFilters(req.query as Record<string, unknown>);
      checkGroupFilter(db, filters);
      return filters;
    });
    if (request.organizations.length + request.countries.length === 0 && (req.params.format ?? 'html') === 'html') {
      res.type('html').send(views.render('compare', { title: 'Compare', nav: 'compare', filters, empty: true }));
      return;
    }
    let report;
    try {
      report = compareReport(db, resolver, request, filters);
    } catch (error) {
      if (error instanceof CompareError) throw new HttpError(400, error.message, request.countries.length > 0 && request.organizations.length === 0 ? 'country' : 'org');
      if (error instanceof NotFoundError) throw new HttpError(404, error.message);
      throw error;
    }
    respond(req, res, views, {
      page: 'compare',
      title: `Compare ${report.subjects.map((s) => s.name).join(', ')}`,
      nav: 'compare',
      data: report,
      scope: { filters, options: { org: request.organizations, country: request.countries }, counts: true, coverage: report.seriesCoverage },
      at: (format) => urls.compare(request, filters, format),
      view: () => ({
        chart: barChart(
          'Fractional contributions',
          report.subjects.map((x) => ({ label: x.name, value: x.fractional, text: x.fractional.toFixed(1) })),
        ),
        orgInputs: report.subjects[0]?.kind === 'organization' ? report.subjects.map((s) => s.key) : [],
        // Each cell links to the documents it counted: the subject's (its group or country) in that group
        // or year, under the page's filters.
        groups: report.groups.map((g) => ({
          ...g,
          url: urls.documents(filters, { body: g.body, group: g.group }),
          values: g.values.map((v, i) => ({ ...v, url: urls.documents(filters, { ...subjectPick(report.subjects[i]!), body: g.body, group: g.group }) })),
        })),
        years: report.years.map((y) => {
          const pick = { ...documentsPick(report.seriesCoverage, y), ...periodWithin(filters, y.year) };
          return { ...y, url: urls.documents(filters, pick), values: y.values.map((v, i) => ({ ...v, url: urls.documents(filters, { ...subjectPick(report.subjects[i]!), ...pick }) })) };
        }),
        coverageChoices: coverageChoices(report.seriesCoverage.rule, (coverage) => urls.compare(request, { ...filters, coverage })),
      }),
      csv: () => csvOf(compareTable, report),
      csvName: 'stdwatch-compare',
    });
  });
  return router;
}
