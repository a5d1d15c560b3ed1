// `stdwatch report country ISO2` and `stdwatch report company NAME-OR-SLUG`, as text, JSON, CSV or HTML:
// the same report functions and renderings as the web pages.
import { companyReport, type CompanyReport } from '../../server/reports/company.js';
import { countryReport, type CountryReport } from '../../server/reports/country.js';
import { describeFilters } from '../../server/reports/filters.js';
import { companyTable, countryTable, csvOf, partnersTable } from '../../server/csv-tables.js';
import { parseSeatTableOptions } from '../../server/reports/leadership.js';
import { partnersReport, threeGppOnly, type PartnersReport } from '../../server/reports/partners.js';
import { envelope, renderings } from '../../server/envelope.js';
import { urls, type Format as WebFormat } from '../../server/urls.js';
import { createViews } from '../../server/views.js';
import type { Stdwatch } from '../../server/context.js';
import type { Filters } from '../../server/reports/filters.js';
import type { SeriesCoverage } from '../../server/reports/coverage.js';
import { errorMessage } from '../../scrapers/errors.js';
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
    ...(report.partners.byPartner.length > 0
      ? [
          '3GPP contributions by Organizational Partner',
          table(report.partners.byPartner.map((p) => [partnerLabel(p.partner, p.class), p.contributions, formatNumber(p.fractional, 1)]), ['through', 'contributions', 'fractional']),
          '',
        ]
      : []),
    ...commonText(report).slice(3),
  ].join('\n');
}

/** `ETSI`, `several: ATIS or ETSI`, `no membership on record`, `unresolved name`. */
function partnerLabel(partner: string, kind: string): string {
  if (kind === 'several') return `several: ${partner.split('+').join(' or ')}`;
  if (kind === 'none') return 'no membership on record';
  return kind === 'unresolved' ? 'unresolved name' : partner;
}

function partnersText(report: PartnersReport): string {
  const c = report.contributions;
  return [
    `3GPP by Organizational Partner — ${describeFilters(report.filters)}; seats held on ${report.seats.at}`,
    c.allContributions === 0
      ? 'Contributions: none under these filters.'
      : `Contributions: ${formatNumber(c.allContributions)}; of the fractional count, ${percent(c.shares.one)} through one partner, ${percent(c.shares.several)} of members through several, ${percent(c.shares.none)} with no membership on record, ${percent(c.shares.unresolved)} unresolved.`,
    `Seats: ${report.seats.total.seats} chairs and vice-chairs; ${report.seats.unknown.seats} (${percent(report.seats.unknown.share)}) with no partner given.`,
    '',
    table(
      report.partners.map((p) => [p.partner, p.region, p.contributions, formatNumber(p.fractional, 1), percent(p.share), p.amongSeveral.fractional > 0 ? `+${percent(p.amongSeveral.share)}` : '–', p.seatLabel, percent(p.seatShare)]),
      ['partner', 'region', 'contributions', 'fractional', 'share', 'among several', 'seats', 'seat share'],
    ),
    '',
    'Contributions by partner',
    table(c.byPartner.map((r) => [partnerLabel(r.partner, r.class), r.contributions, formatNumber(r.fractional, 1), percent(r.share)]), ['through', 'contributions', 'fractional', 'share']),
    '',
    `Memberships: ${report.memberships.sources.map((s) => `${s.title}, as of ${s.asOf}`).join('; ') || 'none on record'}. An organization that joined through several partners counts under all of them together ("among several": how much more each could hold); seats count by the partner their source gives.`,
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
    coverage?: (r: R) => SeriesCoverage;
    /** The report's own options, as the web answer states them among its filters. */
    scope?: Record<string, string | string[] | undefined>;
  },
  fixFilters: (filters: Filters) => Filters = (f) => f,
): Promise<void> {
  const filters = fixFilters(filtersFrom(options));
  await withApp(async (app) => {
    checkGroup(app, filters);
    hintIfEmpty(app);
    const result = build(app, filters);
    const output = {
      text: () => `${render.text(result)}\n`,
      // The envelope of the same report's `.json` page, with that page's links.
      json: () => `${JSON.stringify(envelope(result, { filters, options: render.scope, counts: true, coverage: render.coverage?.(result) }, renderings((format) => render.at(result, filters, format))), null, 2)}\n`,
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

/** `stdwatch report partners`: 3GPP contributions and seats by Organizational Partner, as /partners. */
export function partnersReportCommand(options: Options & { at?: string; groups?: string; set?: string }): Promise<void> {
  let table: ReturnType<typeof parseSeatTableOptions>;
  try {
    table = parseSeatTableOptions({ at: options.at, groups: options.groups, set: options.set });
  } catch (error) {
    throw new Error(`--${errorMessage(error)}`);
  }
  const { at, groups } = table;
  return printReport(
    options,
    (app, filters) => partnersReport(app.db, app.resolver.registry.memberships, filters, { at, groups }),
    {
      text: partnersText,
      csv: (r) => csvOf(partnersTable, r),
      page: 'partners',
      title: () => 'Organizational Partners',
      nav: 'partners',
      at: (_r, filters, format) => urls.partners(filters, format, { at, groups }),
      scope: { at, groups: groups ?? undefined },
    },
    (filters) => {
      try {
        return threeGppOnly(filters);
      } catch (error) {
        throw new Error(`--${errorMessage(error)}`);
      }
    },
  );
}
