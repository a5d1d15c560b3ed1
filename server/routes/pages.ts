// The report pages. Each route is thin: validate the filters, call one pure report function, render it
// as HTML, JSON or CSV (see respond.ts).
import { Router, type Request } from 'express';
import type { Db } from '../../db/client.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import { ReportCache, revalidate } from '../cache.js';
import { barChart, sharesOverTimeChart } from '../charts.js';
import { HttpError, validating } from '../errors.js';
import {
  companyTable, countriesTable, countryTable, crossCheckTable, csvOf, leadershipTable, organizationsTable, overviewTable, partnersTable, seatListTable, statusTable, unresolvedTable,
} from '../csv-tables.js';
import { companyReport } from '../reports/company.js';
import { NotFoundError, countryReport } from '../reports/country.js';
import { FilterError, checkGroupFilter, parseFilters, type Filters } from '../reports/filters.js';
import { checkRecordFilters } from '../reports/record-filters.js';
import { GROUP_SETS, crossCheckReport, leadershipReport, parseSeatTableOptions, type LeadershipReport } from '../reports/leadership.js';
import { countriesReport, organizationsReport, overviewReport, unresolvedReport } from '../reports/overview.js';
import { coverageBy } from '../reports/curation.js';
import { partnersReport, threeGppOnly } from '../reports/partners.js';
import { statusReport } from '../reports/status.js';
import { seatList, type SeatPick } from '../reports/seat-list.js';
import { THIN_PERIOD, seriesPanels, sharesOverTime, sharesTable, thinPeriods, type SeriesGroup, type SharesOverTime } from '../reports/trends.js';
import { documentsPick } from '../reports/coverage.js';
import { coverageChoices } from './coverage-choices.js';
import { periodWithin, urls, type Format } from '../urls.js';
import type { Views } from '../views.js';
import { seatPickSchema } from '../queries.js';
import { respond, respondKept } from './respond.js';

/** `?at=&groups=&set=&dates=` of the seat table; a bad one is a 400 naming it. */
function tableOptionsOf(req: Request) {
  return validating(() => parseSeatTableOptions(req.query as Record<string, unknown>));
}

/** `?country=CN|none&parent=slug&partner=ETSI|unknown` of the seat list; a bad one is a 400 naming it. */
function seatPickOf(req: Request): SeatPick {
  const query = req.query as Record<string, unknown>;
  const given = Object.fromEntries((['country', 'parent', 'partner'] as const).filter((k) => typeof query[k] === 'string' && query[k] !== '').map((k) => [k, query[k]]));
  const parsed = seatPickSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const parameter = String(issue.path[0]);
    throw new HttpError(400, `${parameter}: ${issue.message}`, parameter);
  }
  return parsed.data;
}

function filtersOf(db: Db, req: Request, fixed: Filters = {}): Filters {
  const filters = validating(() => ({ ...parseFilters(req.query as Record<string, unknown>), ...fixed }));
  // A group in the path that does not exist is a page that does not exist.
  validating(() => checkGroupFilter(db, filters), fixed.group ? 404 : 400);
  return filters;
}

/** The seat table's own options, as the envelope's filters. */
function tableScope(table: ReturnType<typeof tableOptionsOf>) {
  return { at: table.at, set: table.set ?? undefined, groups: table.groups ?? undefined, dates: table.dates ?? undefined, rapporteurs: table.rapporteurs || undefined };
}

function notFound<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof NotFoundError) throw new HttpError(404, error.message);
    throw error;
  }
}

const max = (values: number[]) => values.reduce((a, b) => Math.max(a, b), 0);

/** At most this many dates side by side: the seat table's history (one date a year) fits the page. */
const HISTORY_DATES_PER_TABLE = 8;

/**
 * The seat table's history as several tables of at most HISTORY_DATES_PER_TABLE dates each, the same
 * countries in each: one row per country and a column per date grew a column a year (29 dates since
 * 2000 made it 3,000 pixels wide).
 */
function historyTables(report: LeadershipReport) {
  const dates = report.history.map((h) => h.at);
  const count = Math.ceil(dates.length / HISTORY_DATES_PER_TABLE);
  const size = Math.ceil(dates.length / Math.max(count, 1));
  return Array.from({ length: count }, (_, i) => ({
    dates: dates.slice(i * size, (i + 1) * size),
    rows: report.historyByCountry.map((row) => ({ ...row, cells: row.cells.slice(i * size, (i + 1) * size) })),
  }));
}

/**
 * The shares table's columns: each period marked when it is thin (see THIN_PERIOD in trends.ts) or
 * partial (coverage.ts), with its number of contributions linked to them (the period's dates within the
 * page's, the series' groups).
 */
function columnsView(panel: SharesOverTime & SeriesGroup, filters: Filters) {
  const thin = new Set(thinPeriods(panel));
  return {
    minimum: THIN_PERIOD,
    oneDocumentPoints: (100 / THIN_PERIOD).toFixed(1),
    periods: [...thin],
    partialPeriods: panel.periods.filter((p) => p.partial).map((p) => p.period),
    columns: panel.periods.map((p) => ({
      ...p,
      thin: thin.has(p.period),
      url: urls.documents(filters, { ...documentsPick(panel.coverage, panel), ...periodWithin(filters, p.period) }),
    })),
  };
}

/**
 * The shares table with each country's cell linked to its documents in that period (and the series'
 * groups); the title says how many documents the fractional share is counted over. "Other countries"
 * and "no country or unresolved" are several countries or none: no record filter picks exactly them,
 * so they stay unlinked.
 */
function sharesTableLinks(filters: Filters, panel: SharesOverTime & SeriesGroup) {
  const table = sharesTable(panel);
  const pick = documentsPick(panel.coverage, panel);
  return {
    ...table,
    rows: table.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => (row.country === null ? cell : { ...cell, url: urls.documents(filters, { ...pick, country: row.country, ...periodWithin(filters, cell.period) }) })),
    })),
  };
}

/** The overview's shares over time: a chart and its table, or with coverage=per-group one of each per group. */
function sharesView(report: SharesOverTime, filters: Filters) {
  return seriesPanels(report)
    .filter((panel) => panel.periods.length > 0)
    .map((panel) => ({
      heading: panel.group === null ? null : `${panel.body?.toUpperCase()} ${panel.group}`,
      chart: sharesOverTimeChart(panel),
      table: sharesTableLinks(filters, panel),
      // Periods too thin to read a share from, or partial: the table marks them as the chart draws them.
      columns: columnsView(panel, filters),
    }));
}

export function pageRoutes(db: Db, resolver: Resolver, views: Views, options: { failureBackoffMs: number }): Router {
  const router = Router();
  const cache = new ReportCache(db);
  const key = (...parts: unknown[]) => JSON.stringify(parts);
  const tagged = revalidate(cache);

  const overview = (heading: (f: Filters) => string, fixed: (req: Request) => Filters, at: (f: Filters, format: Format) => string) => (req: Request, res: import('express').Response) => {
    const filters = filtersOf(db, req, fixed(req));
    const cacheKey = key('overview', heading(filters), filters);
    respondKept(req, res, views, cache, cacheKey, () => {
      const report = { ...overviewReport(db, filters), sharesOverTime: sharesOverTime(db, filters) };
      return {
        page: 'overview',
        title: heading(filters),
        nav: Object.keys(fixed(req)).length === 0 ? 'overview' : undefined,
        data: report,
        scope: { filters, counts: true, coverage: report.sharesOverTime.coverage },
        at: (format) => at(filters, format),
        view: () => ({
          heading: heading(filters),
          maxCountry: max(report.countries.map((c) => c.fractional)),
          unresolvedUrl: urls.unresolved(filters),
          shares: sharesView(report.sharesOverTime, filters),
          coverageChoices: coverageChoices(report.sharesOverTime.coverage.rule, (coverage) => at({ ...filters, coverage }, 'html')),
          organizationsChart:
            report.companies.length > 0
              ? barChart(
                  'Top organizations, fractional contributions',
                  report.companies.slice(0, 10).map((c) => ({ label: c.name, value: c.fractional, text: c.fractional.toFixed(1) })),
                )
              : null,
        }),
        csv: () => csvOf(overviewTable, report),
        csvName: 'stdwatch-overview',
      };
    });
  };

  router.get(['/', '/index{.:format}'], tagged, overview(() => 'Who takes part in standards bodies', () => ({}), (f, format) => urls.home(f, format)));
  router.get(
    '/bodies/:body{.:format}',
    tagged,
    overview(
      (f) => `${f.body?.toUpperCase()}: who participates, who leads`,
      (req) => parseFixed({ body: req.params.body }),
      ({ body, ...f }, format) => urls.body(body!, f, format),
    ),
  );
  router.get(
    '/bodies/:body/groups/:group{.:format}',
    tagged,
    overview(
      (f) => `${f.body?.toUpperCase()} ${f.group}: who participates, who leads`,
      (req) => parseFixed({ body: req.params.body, group: req.params.group }),
      ({ body, group, ...f }, format) => urls.group(body!, group!, f, format),
    ),
  );

  router.get('/countries{.:format}', tagged, (req, res) => {
    const filters = filtersOf(db, req);
    const cacheKey = key('countries', filters);
    respondKept(req, res, views, cache, cacheKey, () => {
      const report = countriesReport(db, filters);
      return {
        page: 'countries',
        title: 'Countries',
        nav: 'countries',
        data: report,
        scope: { filters, counts: true },
        at: (format) => urls.countries(filters, format),
        csv: () => csvOf(countriesTable, report),
        csvName: 'stdwatch-countries',
      };
    });
  });

  router.get('/countries/:iso2{.:format}', tagged, (req, res) => {
    const filters = filtersOf(db, req);
    // The seats by partner are those of today, unless the filters end earlier.
    const cacheKey = key('country', req.params.iso2, filters, new Date().toISOString().slice(0, 10));
    respondKept(req, res, views, cache, cacheKey, () => {
      const report = notFound(() => countryReport(db, String(req.params.iso2), filters));
      return {
        page: 'country',
        title: report.country.name,
        nav: 'countries',
        data: report,
        scope: { filters, counts: true, coverage: report.seriesCoverage },
        at: (format) => urls.country(report.country.code, filters, format),
        view: {
          maxMeeting: max(report.byMeeting.map((m) => m.contributions)),
          coverageChoices: coverageChoices(report.seriesCoverage.rule, (coverage) => urls.country(report.country.code, { ...filters, coverage })),
        },
        csv: () => csvOf(countryTable, report),
        csvName: `stdwatch-country-${report.country.code}`,
      };
    });
  });

  router.get('/organizations{.:format}', tagged, (req, res) => {
    const filters = filtersOf(db, req);
    const cacheKey = key('organizations', filters);
    respondKept(req, res, views, cache, cacheKey, () => {
      const report = organizationsReport(db, filters);
      return {
        page: 'organizations',
        title: 'Organizations',
        nav: 'organizations',
        data: report,
        scope: { filters, counts: true },
        at: (format) => urls.organizations(filters, format),
        csv: () => csvOf(organizationsTable, report),
        csvName: 'stdwatch-organizations',
      };
    });
  });

  router.get('/organizations/:slug{.:format}', tagged, (req, res) => {
    const filters = filtersOf(db, req);
    const cacheKey = key('company', req.params.slug, filters);
    respondKept(req, res, views, cache, cacheKey, () => {
      const report = notFound(() => companyReport(db, resolver, String(req.params.slug), filters));
      return {
        page: 'company',
        title: report.organization.name,
        nav: 'organizations',
        data: report,
        scope: { filters, counts: true, coverage: report.seriesCoverage },
        at: (format) => urls.organization(report.organization.slug, filters, format),
        view: {
          maxMeeting: max(report.byMeeting.map((m) => m.contributions)),
          coverageChoices: coverageChoices(report.seriesCoverage.rule, (coverage) => urls.organization(report.organization.slug, { ...filters, coverage })),
        },
        csv: () => csvOf(companyTable, report),
        csvName: `stdwatch-organization-${report.organization.slug}`,
      };
    });
  });

  router.get('/leadership{.:format}', tagged, (req, res) => {
    const filters = filtersOf(db, req);
    const table = tableOptionsOf(req);
    const cacheKey = key('leadership', filters, table);
    respondKept(req, res, views, cache, cacheKey, () => {
      const report = leadershipReport(db, filters, table);
      return {
        page: 'leadership',
        title: 'Leadership seats',
        nav: 'leadership',
        data: report,
        scope: { filters, options: tableScope(table), counts: true },
        at: (format) => urls.leadership(filters, format, table),
        view: () => ({
          seatsNote: 'current seats first',
          historyTables: historyTables(report),
          crossCheckUrl: urls.leadershipCrossCheck(filters, 'html', table.groups),
          groupSets: Object.keys(GROUP_SETS),
          seatsUrls: {
            all: urls.leadershipSeats(filters, table, {}),
            byCountry: report.table.byCountry.map((c) => urls.leadershipSeats(filters, table, { country: c.country })),
            byCompany: report.table.byCompany.map((c) => (c.slug ? urls.leadershipSeats(filters, table, { parent: c.slug }) : null)),
          },
          seatsChart:
            report.table.byCountry.length > 0
              ? barChart(
                  `Leadership seats by country on ${report.at}`,
                  report.table.byCountry.map((c) => ({ label: (c.country && c.countryName) || 'no country', value: c.seats, text: String(c.seats) })),
                  { color: '#6b5b95', whole: true },
                )
              : null,
        }),
        csv: () => csvOf(leadershipTable, report),
        csvName: `stdwatch-leadership-${report.at}`,
      };
    });
  });

  router.get('/partners{.:format}', tagged, (req, res) => {
    const filters = validating(() => threeGppOnly(filtersOf(db, req)));
    const { at, groups } = tableOptionsOf(req);
    const cacheKey = key('partners', filters, at, groups);
    respondKept(req, res, views, cache, cacheKey, () => {
      const report = partnersReport(db, resolver.registry.memberships, filters, { at, groups });
      const seatsOf = (partner: string | null) => urls.leadershipSeats({ body: '3gpp', group: filters.group }, { at, groups }, { partner });
      return {
        page: 'partners',
        title: 'Organizational Partners',
        nav: 'partners',
        data: report,
        scope: { filters, options: { at, groups: groups ?? undefined }, counts: true },
        at: (format) => urls.partners(filters, format, { at, groups }),
        view: () => ({
          groupSets: Object.keys(GROUP_SETS).filter((set) => GROUP_SETS[set]!.body === '3gpp'),
          partnerLinks: report.partners.map((p) => ({ documents: urls.documents(filters, { partner: p.partner }), seats: seatsOf(p.partner) })),
          contributionLinks: report.contributions.byPartner.map((r) => urls.documents(filters, { partner: r.partner })),
          seatLinks: report.seats.byPartner.map((r) => seatsOf(r.partner)),
          unknownSeatsUrl: seatsOf(null),
        }),
        csv: () => csvOf(partnersTable, report),
        csvName: `stdwatch-partners-${at}`,
      };
    });
  });

  router.get('/leadership/seats{.:format}', (req, res) => {
    const filters = filtersOf(db, req);
    const table = tableOptionsOf(req);
    const pick = seatPickOf(req);
    // A misspelt company would list no seat, read as "none": refuse it, naming the nearest known.
    validating(() => checkRecordFilters(db, { parent: pick.parent }));
    const report = seatList(db, table.at, filters, table.groups, pick);
    respond(req, res, views, {
      page: 'seat-list',
      title: 'Leadership seats held',
      nav: 'leadership',
      data: report,
      scope: { filters, options: { at: table.at, groups: table.groups ?? undefined, ...pick }, counts: true },
      at: (format) => urls.leadershipSeats(filters, table, pick, format),
      view: { tableUrl: urls.leadership(filters, 'html', table) },
      csv: () => csvOf(seatListTable, report),
      csvName: `stdwatch-seats-${report.at}`,
    });
  });

  router.get('/leadership/cross-check{.:format}', (req, res) => {
    const filters = filtersOf(db, req);
    const { groups } = tableOptionsOf(req);
    const report = crossCheckReport(db, filters, groups);
    respond(req, res, views, {
      page: 'leadership-cross-check',
      title: 'Seats: contribution lists against official records',
      nav: 'leadership',
      data: report,
      scope: { filters, options: { groups: groups ?? undefined }, counts: true },
      at: (format) => urls.leadershipCrossCheck(filters, format, groups),
      csv: () => csvOf(crossCheckTable, report),
      csvName: 'stdwatch-leadership-cross-check',
    });
  });

  router.get('/unresolved{.:format}', tagged, (req, res) => {
    const filters = filtersOf(db, req);
    const cacheKey = key('unresolved', filters);
    // With the coverage per group and per year: where attribution is weak, before a trend is trusted.
    respondKept(req, res, views, cache, cacheKey, () => {
      const report = { ...unresolvedReport(db, filters), byGroup: coverageBy(db, filters, 'group'), byYear: coverageBy(db, filters, 'year') };
      return {
        page: 'unresolved',
        title: 'Unresolved sources',
        nav: 'unresolved',
        data: report,
        scope: { filters, counts: true },
        at: (format) => urls.unresolved(filters, format),
        view: { coverageUrl: urls.unresolvedCoverage(filters), suggestionsUrl: urls.unresolvedSuggestions(filters) },
        csv: () => csvOf(unresolvedTable, report),
        csvName: 'stdwatch-unresolved',
      };
    });
  });

  router.get('/status{.:format}', (req, res) => {
    const report = statusReport(db, 100, options.failureBackoffMs);
    respond(req, res, views, {
      page: 'status',
      title: 'Status',
      nav: 'status',
      data: report,
      scope: { counts: false },
      at: (format) => urls.status(format),
      csv: () => csvOf(statusTable, report),
      csvName: 'stdwatch-status',
    });
  });

  return router;
}

function parseFixed(values: Record<string, unknown>): Filters {
  try {
    return parseFilters(values);
  } catch (error) {
    if (error instanceof FilterError) throw new HttpError(404, `no such body or group (${error.message})`, error.parameter);
    throw error;
  }
}
