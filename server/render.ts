// One report result, three renderings: HTML (templates), JSON (the result itself) and CSV (the result's
// rows in long form, one row per figure, with a `section` column). The web routes and the CLI both
// render through here.
import { stringify } from 'csv-stringify/sync';
import type { CompanyReport } from './reports/company.js';
import type { CountryReport } from './reports/country.js';
import type { OverviewReport } from './reports/overview.js';
import type { StatusReport } from './reports/status.js';

/** Cells starting with = + - @ (or a tab/CR) are read as formulas by spreadsheets: prefix them with '. */
export function neutralizeFormula(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(rows: readonly object[], columns: string[], header = true): string {
  return stringify(
    rows.map((row) => columns.map((c) => neutralizeFormula((row as Record<string, unknown>)[c] ?? ''))),
    { header, columns, cast: { number: (n) => String(Number.isInteger(n) ? n : Number(n.toFixed(6))) } },
  );
}

const REPORT_COLUMNS = ['section', 'key', 'name', 'country', 'contributions', 'fractional', 'accepted', 'acceptance_rate', 'share', 'date', 'detail'];

type CsvRow = Record<string, unknown>;

function outcomeRows(outcomes: CountryReport['outcomes']): CsvRow[] {
  const rows: CsvRow[] = Object.entries(outcomes)
    .filter(([key]) => key !== 'acceptanceRate')
    .map(([key, n]) => ({ section: 'outcome', key, contributions: n }));
  rows.push({ section: 'outcome', key: 'acceptance_rate', acceptance_rate: outcomes.acceptanceRate });
  return rows;
}

function participationRows(report: CountryReport | CompanyReport): CsvRow[] {
  return [
    {
      section: 'total',
      key: 'all',
      contributions: report.totals.contributions,
      fractional: report.totals.fractional,
      share: report.totals.share,
      detail: `counting: full and fractional; country basis: ${report.basis}`,
    },
    ...outcomeRows(report.outcomes),
    ...report.byMeeting.map((m) => ({ section: 'meeting', key: m.meeting, name: m.group, contributions: m.contributions, fractional: m.fractional, date: m.startDate })),
    ...report.byGroup.map((g) => ({ section: 'group', key: g.group, name: g.groupName, contributions: g.contributions, fractional: g.fractional })),
    ...report.coSources.map((c) => ({ section: 'co-source', key: c.slug, name: c.name, country: c.country, contributions: c.contributions })),
    ...report.seats.map((s) => ({ section: 'seat', key: `${s.group} ${s.role}`, name: s.organization, country: s.country, date: s.from, detail: s.to ? `until ${s.to}` : 'current' })),
  ];
}

export function countryCsv(report: CountryReport): string {
  return toCsv(
    [
      ...participationRows(report),
      ...report.organizations.map((o) => ({
        section: 'organization',
        key: o.slug,
        name: o.name,
        country: o.country,
        contributions: o.contributions,
        fractional: o.fractional,
        accepted: o.accepted,
        acceptance_rate: o.acceptanceRate,
      })),
    ],
    REPORT_COLUMNS,
  );
}

export function companyCsv(report: CompanyReport): string {
  return toCsv(
    [
      ...participationRows(report),
      ...report.entities.map((e) => ({ section: 'entity', key: e.slug, name: e.name, country: e.country, contributions: e.contributions, fractional: e.fractional })),
    ],
    REPORT_COLUMNS,
  );
}

export function overviewCsv(report: OverviewReport): string {
  return toCsv(
    [
      { section: 'total', key: 'contributions', contributions: report.totals.contributions },
      { section: 'coverage', key: 'resolved_share', share: report.coverage.resolvedShare, detail: `${report.coverage.resolved} of ${report.coverage.occurrences} source occurrences` },
      ...report.countries.map((c) => ({ section: 'country', key: c.country, name: c.countryName, country: c.country, contributions: c.contributions, fractional: c.fractional, share: c.share })),
      ...report.companies.map((c) => ({ section: 'company', key: c.slug, name: c.name, country: c.country, contributions: c.contributions, fractional: c.fractional, accepted: c.accepted, acceptance_rate: c.acceptanceRate, share: c.share })),
      ...report.seats.byCountry.map((s) => ({ section: 'seats-by-country', key: s.country ?? '', name: s.countryName, contributions: s.seats })),
      ...report.unresolved.map((u) => ({ section: 'unresolved', key: u.name, contributions: u.occurrences, detail: `e.g. ${u.example}` })),
    ],
    REPORT_COLUMNS,
  );
}

export function statusCsv(report: StatusReport): string {
  return toCsv(
    report.runs.map((r) => ({ ...r, details: undefined })),
    ['id', 'source', 'trigger', 'startedAt', 'finishedAt', 'status', 'documentsFetched', 'recordsSeen', 'recordsNew', 'recordsChanged', 'error'],
  );
}

export const CONTRIBUTION_CSV_COLUMNS = [
  'body', 'group', 'meeting', 'ref', 'title', 'type', 'for', 'status', 'date', 'sourceText',
  'organizations', 'parents', 'countries', 'kinds', 'roles', 'url', 'revisionOf', 'archived',
  'authors',
];

/** A contribution record flattened for CSV: the sources' fields joined with `; ` in source order. */
export function contributionCsvRow(record: import('./reports/contributions.js').ContributionRecord): Record<string, unknown> {
  const join = (values: (string | null)[]) => values.map((v) => v ?? '').join('; ');
  return {
    ...record,
    organizations: join(record.sources.map((s) => s.organization)),
    parents: join(record.sources.map((s) => s.parent)),
    countries: join(record.sources.map((s) => s.country)),
    kinds: join(record.sources.map((s) => s.kind)),
    roles: join(record.sources.map((s) => s.role ?? '')),
    authors: record.authors.map(authorCell).join('; '),
  };
}

/** `Huawei Technologies (CA)`: an author's affiliation with the stated country; either may be missing. */
function authorCell(author: { affiliation: string | null; country: string | null }): string {
  return [author.affiliation, author.country === null ? null : `(${author.country})`].filter((v) => v !== null).join(' ');
}

export const POSITION_CSV_COLUMNS = ['body', 'group', 'role', 'person', 'organization', 'parent', 'country', 'raw', 'from', 'to', 'evidence', 'detail', 'partner', 'basis'];

export function positionCsvRow(record: import('./reports/contributions.js').PositionRecord): Record<string, unknown> {
  return { ...record, organization: record.source.organization, parent: record.source.parent, country: record.source.country, raw: record.source.raw };
}
