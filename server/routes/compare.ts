// /compare?org=huawei&org=ericsson (or ?country=CN&country=US), with the usual filters, as HTML, JSON
// or CSV from the same comparison report.
import { Router } from 'express';
import type { Db } from '../../db/client.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import { barChart } from '../charts.js';
import { HttpError } from '../errors.js';
import { toCsv } from '../render.js';
import { CompareError, compareReport } from '../reports/compare.js';
import { NotFoundError } from '../reports/country.js';
import { FilterError, checkGroupFilter, filterQuery, parseFilters } from '../reports/filters.js';
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
    let filters;
    try {
      filters = parseFilters(req.query as Record<string, unknown>);
      checkGroupFilter(db, filters);
    } catch (error) {
      if (error instanceof FilterError) throw new HttpError(400, error.message);
      throw error;
    }
    const pairs: [string, string][] = [
      ...request.organizations.map((o): [string, string] => ['org', o]),
      ...request.countries.map((c): [string, string] => ['country', c]),
      ...Object.entries(filterQuery(filters)),
    ];
    const query = new URLSearchParams(pairs).toString();
    if (request.organizations.length + request.countries.length === 0 && (req.params.format ?? 'html') === 'html') {
      res.type('html').send(views.render('compare', { title: 'Compare', nav: 'compare', filters, empty: true }));
      return;
    }
    let report;
    try {
      report = compareReport(db, resolver, request, filters);
    } catch (error) {
      if (error instanceof CompareError) throw new HttpError(400, error.message);
      if (error instanceof NotFoundError) throw new HttpError(404, error.message);
      throw error;
    }
    respond(req, res, views, {
      page: 'compare',
      title: `Compare ${report.subjects.map((s) => s.name).join(', ')}`,
      nav: 'compare',
      data: report,
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
        years: report.years.map((y) => ({
          ...y,
          values: y.values.map((v, i) => ({ ...v, url: urls.documents(filters, { ...subjectPick(report.subjects[i]!), ...periodWithin(filters, y.year) }) })),
        })),
      }),
      csv: () =>
        toCsv(
          [
            ...report.subjects.map((s) => ({ section: 'total', subject: s.key, name: s.name, contributions: s.contributions, fractional: s.fractional, share: s.share, acceptance_rate: s.acceptanceRate, seats: s.seats })),
            ...report.groups.flatMap((g) =>
              g.values.map((v, i) => ({ section: 'group', subject: report.subjects[i]!.key, key: `${g.body} ${g.group}`, contributions: v.contributions, fractional: v.fractional, share: v.share })),
            ),
            ...report.years.flatMap((y) => y.values.map((v, i) => ({ section: 'year', subject: report.subjects[i]!.key, key: y.year, contributions: v.contributions, fractional: v.fractional }))),
          ],
          ['section', 'subject', 'name', 'key', 'contributions', 'fractional', 'share', 'acceptance_rate', 'seats'],
        ),
      formats: { json: `/compare.json?${query}`, csv: `/compare.csv?${query}` },
      csvName: 'stdwatch-compare',
    });
  });
  return router;
}
