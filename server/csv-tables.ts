// Every report's CSV, declared once: its columns and how each row is made from the report result. The
// web routes (`.csv`, `?format=csv`) and the CLI (`--format csv`) both write through here, so a column
// cannot be added to one and forgotten in the other. Most reports are written long: one row per figure,
// with a `section` column saying which table of the report it comes from.
import type { CompanyReport } from './reports/company.js';
import type { CompareReport } from './reports/compare.js';
import type { ContributionRecord, PositionRecord } from './reports/contributions.js';
import type { CountryReport } from './reports/country.js';
import type { CoverageDimension, CoverageRow, Suggestion } from './reports/curation.js';
import type { DigestRow, DigestView } from './reports/digest.js';
import { LEADERSHIP_CSV_COLUMNS, leadershipCsvRows, type LeadershipReport } from './reports/leadership.js';
import type { OverviewReport } from './reports/overview.js';
import type { SeriesCoverage } from './reports/coverage.js';
import { NO_COUNTRY, OTHER, type SharesOverTime } from './reports/trends.js';
import type { PartnersReport } from './reports/partners.js';
import type { StatusReport } from './reports/status.js';
import type { Watchlist } from './reports/watchlists.js';
import { toCsv } from './render.js';

type Row = Record<string, unknown>;

/** One CSV table of a report: its columns, and the rows the report gives. */
export interface CsvTable<R> {
  readonly columns: readonly string[];
  rows(report: R): Iterable<object>;
}

/** One CSV row per record (contributions, seats): streamed row by row where the records are many. */
export interface RecordTable<T> {
  readonly columns: readonly string[];
  row(record: T): Row;
}

export function csvOf<R>(table: CsvTable<R>, report: R): string {
  return toCsv([...table.rows(report)], [...table.columns]);
}

/** Records as one CSV (header included); a stream of many writes them row by row instead. */
export function recordsCsv<T>(table: RecordTable<T>, records: Iterable<T>): string {
  return toCsv([...records].map((r) => table.row(r)), [...table.columns]);
}

/** A report whose CSV is its records (search results, a watchlist, the documents behind a count). */
function recordsOf<R, T>(table: RecordTable<T>, records: (report: R) => Iterable<T>): CsvTable<R> {
  return { columns: table.columns, rows: (report) => [...records(report)].map((r) => table.row(r)) };
}

const join = (values: (string | null)[]) => values.map((v) => v ?? '').join('; ');

/** `Huawei Technologies (CA)`: an author's affiliation with the stated country; either may be missing. */
function authorCell(author: { affiliation: string | null; country: string | null }): string {
  return [author.affiliation, author.country === null ? null : `(${author.country})`].filter((v) => v !== null).join(' ');
}

/** A contribution record flattened: the sources' fields joined with `; ` in source order. */
export const contributionTable: RecordTable<ContributionRecord> = {
  columns: ['body', 'group', 'meeting', 'ref', 'title', 'type', 'for', 'status', 'date', 'sourceText', 'organizations', 'parents', 'countries', 'kinds', 'roles', 'url', 'revisionOf', 'archived', 'authors'],
  row: (record) => ({
    ...record,
    organizations: join(record.sources.map((s) => s.organization)),
    parents: join(record.sources.map((s) => s.parent)),
    countries: join(record.sources.map((s) => s.country)),
    kinds: join(record.sources.map((s) => s.kind)),
    roles: join(record.sources.map((s) => s.role ?? '')),
    authors: record.authors.map(authorCell).join('; '),
  }),
};

export const positionTable: RecordTable<PositionRecord> = {
  columns: ['body', 'group', 'role', 'person', 'organization', 'parent', 'country', 'raw', 'from', 'to', 'evidence', 'detail', 'partner', 'basis'],
  row: (record) => ({ ...record, organization: record.source.organization, parent: record.source.parent, country: record.source.country, raw: record.source.raw }),
};

// `group` and `partial` are of the series over time (coverage.ts): a row's group with coverage=per-group,
// and whether its period's coverage differs (`detail` says why).
const REPORT_COLUMNS = ['section', 'key', 'name', 'country', 'contributions', 'fractional', 'accepted', 'acceptance_rate', 'share', 'date', 'detail', 'group', 'partial'];

/** The coverage of a report's series over time, as one row: its rule and what it says. */
function seriesCoverageRow(coverage: SeriesCoverage): Row {
  return { section: 'series-coverage', key: coverage.rule, name: coverage.period, detail: coverage.summary };
}

/** A country's or a company's years over the series' groups. */
function yearRows(report: CountryReport | CompanyReport): Row[] {
  return [
    seriesCoverageRow(report.seriesCoverage),
    ...report.byYear.map((y) => ({
      section: 'year',
      key: y.year,
      contributions: y.contributions,
      fractional: y.fractional,
      share: y.share,
      detail: y.partialReason ?? `of ${y.allContributions} contributions`,
      group: y.group,
      partial: y.partial,
    })),
  ];
}

function outcomeRows(outcomes: CountryReport['outcomes']): Row[] {
  const rows: Row[] = Object.entries(outcomes)
    .filter(([key]) => key !== 'acceptanceRate')
    .map(([key, n]) => ({ section: 'outcome', key, contributions: n }));
  rows.push({ section: 'outcome', key: 'acceptance_rate', acceptance_rate: outcomes.acceptanceRate });
  return rows;
}

function participationRows(report: CountryReport | CompanyReport): Row[] {
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
    ...yearRows(report),
    ...report.coSources.map((c) => ({ section: 'co-source', key: c.slug, name: c.name, country: c.country, contributions: c.contributions })),
    ...report.seats.map((s) => ({ section: 'seat', key: `${s.group} ${s.role}`, name: s.organization, country: s.country, date: s.from, detail: s.to ? `until ${s.to}` : 'current' })),
  ];
}

export const countryTable: CsvTable<CountryReport> = {
  columns: REPORT_COLUMNS,
  rows: (report) => [
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
};

export const companyTable: CsvTable<CompanyReport> = {
  columns: REPORT_COLUMNS,
  rows: (report) => [
    ...participationRows(report),
    ...report.entities.map((e) => ({ section: 'entity', key: e.slug, name: e.name, country: e.country, contributions: e.contributions, fractional: e.fractional })),
  ],
};

export const overviewTable: CsvTable<OverviewReport & { sharesOverTime: SharesOverTime }> = {
  columns: REPORT_COLUMNS,
  rows: (report) => [
    { section: 'total', key: 'contributions', contributions: report.totals.contributions },
    { section: 'coverage', key: 'resolved_share', share: report.coverage.resolvedShare, detail: `${report.coverage.resolved} of ${report.coverage.occurrences} source occurrences` },
    ...report.countries.map((c) => ({ section: 'country', key: c.country, name: c.countryName, country: c.country, contributions: c.contributions, fractional: c.fractional, share: c.share })),
    ...report.companies.map((c) => ({ section: 'company', key: c.slug, name: c.name, country: c.country, contributions: c.contributions, fractional: c.fractional, accepted: c.accepted, acceptance_rate: c.acceptanceRate, share: c.share })),
    ...report.seats.byCountry.map((s) => ({ section: 'seats-by-country', key: s.country ?? '', name: s.countryName, contributions: s.seats })),
    ...report.unresolved.map((u) => ({ section: 'unresolved', key: u.name, contributions: u.occurrences, detail: `e.g. ${u.example}` })),
    seriesCoverageRow(report.sharesOverTime.coverage),
    ...report.sharesOverTime.periods.map((p) => ({ section: 'period', key: p.period, contributions: p.contributions, detail: p.partialReason, group: p.group, partial: p.partial })),
    ...report.sharesOverTime.cells.map((c) => ({
      section: 'share-over-time',
      key: c.period,
      name: c.countryName,
      country: c.country === OTHER || c.country === NO_COUNTRY ? null : c.country,
      contributions: c.contributions,
      fractional: c.fractional,
      share: c.share,
      group: c.group,
      partial: report.sharesOverTime.periods.some((p) => p.period === c.period && p.group === c.group && p.partial),
    })),
  ],
};

export const countriesTable: CsvTable<{ countries: object[] }> = {
  columns: ['country', 'countryName', 'contributions', 'fractional', 'share'],
  rows: (report) => report.countries,
};

export const organizationsTable: CsvTable<{ organizations: object[] }> = {
  columns: ['slug', 'name', 'kind', 'country', 'contributions', 'fractional', 'accepted', 'acceptanceRate'],
  rows: (report) => report.organizations,
};

/** Long: one row per date, section (country, company, rapporteur-country, rapporteur-company) and key. */
export const leadershipTable: CsvTable<LeadershipReport> = { columns: LEADERSHIP_CSV_COLUMNS, rows: leadershipCsvRows };

/**
 * Long: the seven partners side by side (contributions through the partner alone, the fractional part
 * of sources with it among several, seats), then every contribution row by partner (several, none,
 * unresolved included) and every seat row (unknown included).
 */
export const partnersTable: CsvTable<PartnersReport> = {
  columns: ['section', 'key', 'name', 'contributions', 'fractional', 'share', 'severalFractional', 'severalShare', 'seats', 'chairs', 'viceChairs', 'seatShare', 'detail'],
  rows: (report) => [
    { section: 'total', key: 'contributions', contributions: report.contributions.allContributions, detail: `3GPP; memberships as of ${report.memberships.sources.map((s) => s.asOf).join(', ') || 'none on record'}` },
    { section: 'total', key: 'seats', seats: report.seats.total.seats, chairs: report.seats.total.chairs, viceChairs: report.seats.total.viceChairs, detail: `held on ${report.seats.at}` },
    ...report.partners.map((p) => ({
      section: 'partner', key: p.partner, name: p.region, contributions: p.contributions, fractional: p.fractional, share: p.share,
      severalFractional: p.amongSeveral.fractional, severalShare: p.amongSeveral.share, seats: p.seats, chairs: p.chairs, viceChairs: p.viceChairs, seatShare: p.seatShare,
    })),
    ...report.contributions.byPartner.map((r) => ({ section: 'contributions', key: r.partner, name: r.class, contributions: r.contributions, fractional: r.fractional, share: r.share })),
    ...report.seats.byPartner.map((r) => ({ section: 'seats', key: r.partner ?? 'unknown', seats: r.seats, chairs: r.chairs, viceChairs: r.viceChairs, seatShare: r.share })),
  ],
};

export const seatListTable: CsvTable<{ seats: object[] }> = {
  columns: ['body', 'group', 'role', 'organization', 'parent', 'country', 'entityCountry', 'partner', 'from', 'to', 'basis', 'evidence'],
  rows: (report) => report.seats,
};

export const crossCheckTable: CsvTable<{ disagreements: { official: string[] }[] }> = {
  columns: ['group', 'role', 'day', 'listed', 'listedRaw', 'official', 'evidence'],
  rows: (report) => report.disagreements.map((d) => ({ ...d, official: d.official.join('; ') })),
};

export const unresolvedTable: CsvTable<{ names: object[] }> = {
  columns: ['name', 'occurrences', 'example'],
  rows: (report) => report.names,
};

/** Resolved shares per body, group, year or group and year: the dimensions' columns, then the counts. */
export function coverageTable(by: CoverageDimension): CsvTable<{ rows: Partial<CoverageRow>[] }> {
  const dimensions = ['body', ...(by === 'body' || by === 'year' ? [] : ['group']), ...(by === 'year' || by === 'group-year' ? ['year'] : [])];
  return { columns: [...dimensions, 'occurrences', 'resolved', 'unresolved', 'resolvedShare', 'withoutCountry'], rows: (report) => report.rows };
}

export const suggestionsTable: CsvTable<{ suggestions: Suggestion[] }> = {
  columns: ['name', 'occurrences', 'groups', 'years', 'candidate', 'candidateName', 'evidence'],
  rows: (report) =>
    report.suggestions.flatMap((s) =>
      (s.candidates.length > 0 ? s.candidates : [null]).map((c) => ({
        name: s.name,
        occurrences: s.occurrences,
        groups: s.groups.map((g) => g.group).join('; '),
        years: s.years.map((y) => y.year ?? 'no date').join('; '),
        candidate: c?.slug ?? '',
        candidateName: c?.name ?? '',
        evidence: c?.evidence.join('; ') ?? '',
      })),
    ),
};

export const statusTable: CsvTable<StatusReport> = {
  columns: ['id', 'source', 'trigger', 'startedAt', 'finishedAt', 'status', 'documentsFetched', 'recordsSeen', 'recordsNew', 'recordsChanged', 'error'],
  rows: (report) => report.runs.map((r) => ({ ...r, details: undefined })),
};

export const compareTable: CsvTable<CompareReport> = {
  columns: ['section', 'subject', 'name', 'key', 'contributions', 'fractional', 'share', 'acceptance_rate', 'seats', 'group', 'partial', 'detail'],
  rows: (report) => [
    ...report.subjects.map((s) => ({ section: 'total', subject: s.key, name: s.name, contributions: s.contributions, fractional: s.fractional, share: s.share, acceptance_rate: s.acceptanceRate, seats: s.seats })),
    ...report.groups.flatMap((g) =>
      g.values.map((v, i) => ({ section: 'group', subject: report.subjects[i]!.key, key: `${g.body} ${g.group}`, contributions: v.contributions, fractional: v.fractional, share: v.share })),
    ),
    { section: 'series-coverage', key: report.seriesCoverage.rule, name: report.seriesCoverage.period, detail: report.seriesCoverage.summary },
    ...report.years.flatMap((y) => [
      { section: 'year', key: y.year, contributions: y.contributions, group: y.group, partial: y.partial, detail: y.partialReason },
      ...y.values.map((v, i) => ({ section: 'year', subject: report.subjects[i]!.key, key: y.year, contributions: v.contributions, fractional: v.fractional, share: v.share, group: y.group, partial: y.partial })),
    ]),
  ],
};

export const digestTable: CsvTable<DigestView> = {
  columns: ['section', 'key', 'name', 'country', 'contributions', 'fractional', 'share', 'previous', 'average', 'change', 'detail'],
  rows: (d) => {
    const rank = (section: string) => (r: DigestRow) => ({ section, ...r });
    return [
      { section: 'total', key: d.week, contributions: d.totals.contributions, previous: d.totals.previous, average: d.totals.average, detail: `${d.publication}; ${d.from} to ${d.to}` },
      ...d.countries.map(rank('country')),
      ...d.companies.map(rank('company')),
      ...d.groups.flatMap((g) => [
        { section: 'group', key: `${g.body} ${g.group}`, name: g.groupName, contributions: g.contributions },
        ...g.countries.map((x) => ({ section: 'group-country', key: `${g.body} ${g.group}`, name: x.name, country: x.country, fractional: x.fractional, share: x.share })),
      ]),
      ...d.leadership.started.map((s) => ({ section: 'seat-started', key: `${s.body} ${s.group} ${s.role}`, name: s.organization, country: s.country, detail: `${s.from} – ${s.to ?? 'current'}` })),
      ...d.leadership.ended.map((s) => ({ section: 'seat-ended', key: `${s.body} ${s.group} ${s.role}`, name: s.organization, country: s.country, detail: `${s.from} – ${s.to ?? 'current'}` })),
      { section: 'coverage', key: 'unresolved', contributions: d.coverage.unresolved, share: d.coverage.unresolvedShare, detail: `of ${d.coverage.sourceMentions} source mentions; ${d.coverage.runs.length} runs, ${d.coverage.failures} failed` },
    ];
  },
};

export const watchlistsTable: CsvTable<{ watchlists: Watchlist[] }> = {
  columns: ['slug', 'name', 'createdAt', 'organizations', 'groups', 'keywords'],
  rows: (report) => report.watchlists.map((w) => ({ ...w, organizations: w.organizations.map((o) => o.slug).join('; '), groups: w.groups.join('; '), keywords: w.keywords.join('; ') })),
};

export const watchlistTable = recordsOf(contributionTable, (report: { contributions: ContributionRecord[] }) => report.contributions);
export const searchTable = recordsOf(contributionTable, (report: { results: ContributionRecord[] }) => report.results);
