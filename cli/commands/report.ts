// `stdwatch report country ISO2` and `stdwatch report company NAME-OR-SLUG`, as text, JSON, CSV or HTML:
// the same report functions and renderings as the web pages.
import { companyReport, type CompanyReport } from '../../server/reports/company.js';
import { countryReport, type CountryReport } from '../../server/reports/country.js';
import { describeFilters } from '../../server/reports/filters.js';
import { companyTable, countryTable, csvOf } from '../../server/csv-tables.js';
import { envelope, renderings } from '../../server/envelope.js';
import { urls, type Format as WebFormat } from '../../server/urls.js';
import { createViews } from '../../server/views.js';
import type { Stdwatch } from '../../server/context.js';
import type { Filters } from '../../server/reports/filters.js';
import type { SeriesCoverage } from '../../server/reports/coverage.js';
import { checkGroup, filtersFrom, formatNumber, hintIfEmpty, percent, table, withApp, write } from '../common.js';

type Format = 'text' | 'json' | 'csv' | 'html';

function commonText(report: CountryReport | CompanyReport): string[] {
  const o = report.outcomes;
  return [
    `Contributions: ${formatNumber(report.totals.contributions)} (fractional ${formatNumber(report.totals.fractional, 1)}, ${percent(report.totals.share)} of ${formatNumber(report.totals.allContributions)})`,
    `Outcomes: ${formatNumber(o.accepted)} approved/agreed/endorsed, ${formatNumber(o.noted)} noted, ${formatNumber(o.notHandled)} not treated/postponed, ${formatNumber(o.withdrawn)} withdrawn, ${formatNumber(o.superseded)} revised/merged, ${formatNumber(o.pending)} pending; acceptance rate ${percent(o.acceptanceRate)}`,
    '',
    'By group',
    table(report.byGroup.map((g) => [`${g.body} ${g.group}`, g.contributions, formatNumber(g.fractional, 1)]), ['group', 'contributions', 'fractional']),
    '',
    'By year',
    report.seriesCoverage.summary,
    table(
      report.byYear.map((y) => [
        y.year,
        ...(report.seriesCoverage.rule === 'per-group' ? [y.group ?? ''] : []),
        y.contributions,
        formatNumber(y.fractional, 1),
        percent(y.share),
        y.allContributions,
        y.partial ? `partial: ${y.partialReason}` : '',
      ]),
      ['year', ...(report.seriesCoverage.rule === 'per-group' ? ['group'] : []), 'contributions', 'fractional', 'share', 'of all', ''],
    ),
    '',
    'By meeting',
    table(report.byMeeting.map((m) => [m.meeting, m.startDate ?? '', m.contributions, formatNumber(m.fractional, 1)]), ['meeting', 'starts', 'contributions', 'fractional']),
    '',
    'Most frequent co-sources',
    table(report.coSources.map((c) => [c.name, c.country ?? '', c.contributions]), ['organization', 'country', 'joint contributions']),
    '',
    'Leadership seats',
    report.seats.length === 0
      ? '(none on record)'
      : table(report.seats.map((s) => [`${s.group} ${s.role}`, s.organization, s.country ?? '', s.from ?? '', s.to ?? 'current']), ['seat', 'held by', 'country', 'from', 'to']),
    '',
    `Counting: full (a contribution counts once per organization or country) and fractional (1/n per source); country = ${report.basis === 'entity' ? "the named entity's own home country" : "the ultimate parent's home country at the contribution's date"} (basis: ${report.basis}).`,
  ];
}

function countryText(report: CountryReport): string {
  return [
    `${report.country.name} (${report.country.code}) — ${describeFilters(report.filters)}`,
    ...commonText(report).slice(0, 3),
    'Organizations',
    table(
      report.organizations.map((o) => [o.name, o.kind, o.contributions, formatNumber(o.fractional, 1), percent(o.acceptanceRate)]),
      ['organization', 'kind', 'contributions', 'fractional', 'accepted'],
    ),
    '',
    ...commonText(report).slice(3),
  ].join('\n');
}

function companyText(report: CompanyReport): string {
  const org = report.organization;
  return [
    `${org.name} (${org.kind}${org.country ? `, ${org.countryName}` : ''}) — ${describeFilters(report.filters)}`,
    ...(report.requested ? [`(${report.requested.name} is part of ${org.name}; the report covers the group)`] : []),
    ...commonText(report).slice(0, 3),
    'Named as',
    table(report.entities.map((e) => [e.name, e.country ?? '', e.contributions, formatNumber(e.fractional, 1)]), ['entity', 'own country', 'contributions', 'fractional']),
    '',
    ...commonText(report).slice(3),
  ].join('\n');
}

type Options = Record<string, unknown> & { format: Format };

/** One report in the format asked for: text for people, or the web's own JSON, CSV and HTML renderings. */
async function printReport<R>(
  options: Options,
  build: (app: Stdwatch, filters: Filters) => R,
  render: {
    text: (r: R) => string;
    csv: (r: R) => string;
    page: string;
    title: (r: R) => string;
    nav: string;
    at: (r: R, filters: Filters, format: WebFormat) => string;
    coverage: (r: R) => SeriesCoverage;
  },
): Promise<void> {
  const filters = filtersFrom(options);
  await withApp(async (app) => {
    checkGroup(app, filters);
    hintIfEmpty(app);
    const result = build(app, filters);
    const output = {
      text: () => `${render.text(result)}\n`,
      // The envelope of the same report's `.json` page, with that page's links.
      json: () => `${JSON.stringify(envelope(result, { filters, counts: true, coverage: render.coverage(result) }, renderings((format) => render.at(result, filters, format))), null, 2)}\n`,
      csv: () => render.csv(result),
      html: () => createViews().render(render.page, { ...(result as object), title: render.title(result), nav: render.nav }),
    }[options.format];
    await write(output());
  });
}

export function countryReportCommand(iso2: string, options: Options): Promise<void> {
  return printReport(options, (app, filters) => countryReport(app.db, iso2, filters), {
    text: countryText,
    csv: (r) => csvOf(countryTable, r),
    page: 'country',
    title: (r) => r.country.name,
    nav: 'countries',
    at: (r, filters, format) => urls.country(r.country.code, filters, format),
    coverage: (r) => r.seriesCoverage,
  });
}

export function companyReportCommand(name: string, options: Options): Promise<void> {
  return printReport(options, (app, filters) => companyReport(app.db, app.resolver, name, filters), {
    text: companyText,
    csv: (r) => csvOf(companyTable, r),
    page: 'company',
    title: (r) => r.organization.name,
    nav: 'organizations',
    at: (r, filters, format) => urls.organization(r.organization.slug, filters, format),
    coverage: (r) => r.seriesCoverage,
  });
}
