// The report building blocks computed from report_counts (db/schema.ts, kept by db/rollup.ts) instead
// of the raw contributions and sources: the same rows as the functions of participation.ts,
// overview.ts, company.ts and digest.ts for the same filters (test/server/rollup.test.ts compares
// them on every counting option covered). Covered: body, group, from/to (any day), basis, withdrawn,
// revisions. Not covered: topic (keywords and work items are matched per contribution) — reports
// with a topic use the raw queries.
import { sql, type SQL } from 'drizzle-orm';
import { allOf, dataVersion, getOf, perConnection, type Db } from '../../db/client.js';
import { COLUMNS, DAY_DIMENSIONS, countDays, refreshRollups, rollupsStale } from '../../db/rollup.js';
import type { Filters } from './filters.js';
import type { Period } from './trends.js';
import type { CountryRow, GroupRow, MeetingRow, OrganizationRow, OutcomeCounts } from './participation.js';

/** Who a report is about, in the terms the rollup knows. */
export type Subject =
  | { kind: 'country'; code: string }
  | { kind: 'parent'; id: number }
  | { kind: 'everyone' }
  | { kind: 'parentKindNotIn'; kinds: string[] };

let enabled = true;

/** Runs `compute` on the raw queries only (the rollup's tests compare both ways). */
export function withoutRollups<T>(compute: () => T): T {
  const before = enabled;
  enabled = false;
  try {
    return compute();
  } finally {
    enabled = before;
  }
}

/**
 * Whether the rollup can answer a report with these filters: not for a topic, and only once the
 * buckets other writers marked are recomputed (if that fails, e.g. a read-only database, the raw
 * queries answer).
 */
export function rollupCovers(db: Db, filters: Filters): boolean {
  if (!enabled || filters.topic) return false;
  try {
    if (rollupsStale(db)) refreshRollups(db);
    return true;
  } catch {
    return false;
  }
}

/** A date range cut into what the counts hold whole (years, months) and the days left at its edges. */
export interface RangeParts {
  /** Whole years [first, last] (null: open), or none. */
  years: [string | null, string | null] | null;
  /** Whole months [first, last] YYYY-MM outside those years. */
  months: [string, string][];
  /** Days [first, last] YYYY-MM-DD that fill no month. */
  days: [string, string][];
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** A month as a number (year × 12 + month − 1) and back. */
const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthText = (n: number) => `${Math.floor(n / 12)}-${pad2((n % 12) + 1)}`;
const lastDayOf = (n: number) => `${monthText(n)}-${pad2(new Date(Date.UTC(Math.floor(n / 12), (n % 12) + 1, 0)).getUTCDate())}`;

/**
 * Cuts [from, to] (either open) into whole years, the whole months outside them, and the days at the
 * edges that fill no month. Pure; the dates are YYYY-MM-DD as the filters validate them.
 */
export function splitRange(from?: string, to?: string): RangeParts {
  const parts: RangeParts = { years: null, months: [], days: [] };
  let firstMonth: number | null = null;
  if (from) {
    const n = monthNumber(from);
    if (from.endsWith('-01')) firstMonth = n;
    else {
      const monthEnd = lastDayOf(n);
      if (to && to <= monthEnd) {
        parts.days.push([from, to]);
        return parts;
      }
      parts.days.push([from, monthEnd]);
      firstMonth = n + 1;
    }
  }
  let lastMonth: number | null = null;
  let lastDays: [string, string] | null = null;
  if (to) {
    const n = monthNumber(to);
    if (to === lastDayOf(n)) lastMonth = n;
    else {
      lastDays = [`${monthText(n)}-01`, to];
      lastMonth = n - 1;
    }
  }
  if (firstMonth === null || lastMonth === null || firstMonth <= lastMonth) {
    const firstYear = firstMonth === null ? null : Math.ceil(firstMonth / 12);
    const lastYear = lastMonth === null ? null : Math.floor((lastMonth + 1) / 12) - 1;
    if (firstYear === null || lastYear === null || firstYear <= lastYear) {
      parts.years = [firstYear === null ? null : String(firstYear), lastYear === null ? null : String(lastYear)];
      if (firstMonth !== null && firstMonth < firstYear! * 12) parts.months.push([monthText(firstMonth), monthText(firstYear! * 12 - 1)]);
      if (lastMonth !== null && lastMonth >= (lastYear! + 1) * 12) parts.months.push([monthText((lastYear! + 1) * 12), monthText(lastMonth)]);
    } else {
      parts.months.push([monthText(firstMonth!), monthText(lastMonth!)]);
    }
  }
  if (lastDays) parts.days.push(lastDays);
  return parts;
}

const EDGES = 'temp.report_counts_edges';
const MAX_EDGE_RANGES = 256; // (range, dimension) pairs
/** The (day range, dimension) pairs counted into EDGES, valid while the database is unchanged. */
const countedDays = new WeakMap<Db, { version: string; ranges: Set<string>; sourcesOf: string | null }>();

/** Makes sure EDGES holds dimension `dim` of each day range [first, last]; returns the ranges' keys. */
function edgeRows(db: Db, dim: string, ranges: [string, string][]): string[] {
  const sqlite = db.$client;
  const keys = ranges.map(([first, last]) => `${first}/${last}`);
  let counted = countedDays.get(db);
  // Dropped when the data changed, and now and then on a long-running server asked many ranges
  // (before counting any of this read's ranges, so that none of them is dropped half-way).
  if (!counted || counted.version !== dataVersion(db) || counted.ranges.size + keys.length > MAX_EDGE_RANGES) {
    sqlite.exec(`create temp table if not exists report_counts_edges as select *, '' as edge from report_counts where 0`);
    sqlite.exec(`delete from ${EDGES}`);
    countedDays.set(db, (counted = { version: '', ranges: new Set(), sourcesOf: null }));
  }
  for (const [i, [first, last]] of ranges.entries()) {
    if (counted.ranges.has(`${keys[i]} ${dim}`)) continue;
    // The source rows of the last range counted stay in their temp table: the next dimension of the same days reads them again.
    countDays(db, EDGES, keys[i]!, first, last, dim, counted.sourcesOf === keys[i]);
    counted.ranges.add(`${keys[i]} ${dim}`);
    if (!dim.endsWith('all')) counted.sourcesOf = keys[i]!;
  }
  // Counting wrote to a temp table: that moved total_changes, not what the counts mean.
  counted.version = dataVersion(db);
  return keys;
}

/** How rowsOf reads a dimension: per group (byGroup, the digest) or, with no group filter, per body. */
interface RowsOptions {
  perGroup?: boolean;
  /** Whole years read as their months (the shares per quarter). */
  months?: boolean;
  /** Dated contributions only (no date range leaves in the undated ones). */
  dated?: boolean;
}

/**
 * The rows of dimension `dim` that the filters select, as a FROM item `r` with report_counts' columns:
 * the whole years of the date range at the body level (or the group level when a group is asked for,
 * or per group is needed), its whole months at the group level, and its edge days (day rows, or
 * counted on the spot). `subject` is a condition on the rows' key (s, a, b); without one the rows
 * are about everyone.
 */
function rowsOf(db: Db, dim: string, filters: Filters, subject?: SQL, options: RowsOptions = {}): SQL {
  const groupLevel = options.perGroup || filters.group !== undefined || dim.startsWith('meeting:');
  const common: SQL[] = [sql`dim = ${dim}`, subject ?? sql`1 = 1`];
  // About everyone, months and days are found by (dimension, grain, period): in the key the period
  // comes after every subject, so a month of one dimension would walk all its months.
  const byPeriod = subject === undefined ? sql`indexed by report_counts_period` : sql``;
  const period = subject === undefined ? sql`period` : sql`+period`;
  if (filters.body) common.push(sql`body_id = ${filters.body}`);
  // The unary + keeps the planner off report_counts_bucket (group, period), which is there for
  // recomputing buckets: for a read it would walk every dimension's rows of the period.
  if (filters.group) common.push(sql`+group_id in (select id from groups where code = ${filters.group})`);
  if (filters.withdrawn === 'exclude') common.push(sql`outcome <> 'withdrawn'`);
  if (filters.revisions === 'collapse') common.push(sql`outcome <> 'superseded'`);
  const where = sql.join(common, sql` and `);
  const level = groupLevel ? sql`level = 'g'` : sql`level = 'b' and +group_id = 0`;
  const parts: SQL[] = [];
  if (!filters.from && !filters.to && !options.months) {
    const dated = options.dated ? sql`and +period <> ''` : sql``;
    parts.push(sql`select ${sql.raw(COLUMNS)} from report_counts where ${level} and grain = 'y' ${dated} and ${where}`);
  } else {
    const range = splitRange(filters.from, filters.to);
    if (range.years) {
      const [first, last] = range.years;
      parts.push(
        options.months
          ? sql`select ${sql.raw(COLUMNS)} from report_counts ${byPeriod} where level = 'g' and grain = 'm' and ${period} >= ${`${first ?? '0000'}-01`} and ${period} <= ${`${last ?? '9999'}-12`} and ${where}`
          : sql`select ${sql.raw(COLUMNS)} from report_counts where ${level} and grain = 'y' and +period >= ${first ?? '0'} and +period <= ${last ?? '9999'} and ${where}`,
      );
    }
    // Months are kept per group only (whole bodies are kept per year).
    for (const [first, last] of range.months) {
      parts.push(sql`select ${sql.raw(COLUMNS)} from report_counts ${byPeriod} where level = 'g' and grain = 'm' and ${period} between ${first} and ${last} and ${where}`);
    }
    if (DAY_DIMENSIONS.includes(dim)) {
      // Day rows from their own covering index (dimension, day, …) whoever the subject: a subject's
      // days are most of its rows.
      for (const [first, last] of range.days) {
        parts.push(sql`select ${sql.raw(COLUMNS)} from report_counts indexed by report_counts_days
          where grain = 'd' and period between ${first} and ${last} and level = 'g' and ${where}`);
      }
    } else {
      for (const key of range.days.length === 0 ? [] : edgeRows(db, dim, range.days)) {
        parts.push(sql`select ${sql.raw(COLUMNS)} from ${sql.raw(EDGES)} where edge = ${key} and ${where}`);
      }
    }
  }
  if (parts.length === 0) return sql`(select ${sql.raw(COLUMNS)} from report_counts where 0) r`;
  return sql`(${sql.join(parts, sql` union all `)}) r`;
}

const basisOf = (filters: Filters) => filters.basis ?? 'parent';

/** The dimension and key condition of a subject's own rows (totals, meetings, groups). */
function subjectDimension(subject: Subject, filters: Filters): { dim: string; where: SQL } {
  switch (subject.kind) {
    case 'country':
      return { dim: `country:${basisOf(filters)}`, where: sql`s = ${subject.code} and a = 0` };
    case 'parent':
      return { dim: 'parent', where: sql`s = '' and a = ${subject.id}` };
    default:
      throw new Error(`the counts have no totals for ${subject.kind}`);
  }
}

function rate(accepted: number, noted: number, notHandled: number): number | null {
  const decided = accepted + noted + notHandled;
  return decided === 0 ? null : accepted / decided;
}

const outcomeSum = (outcome: string) => sql`coalesce(sum(case when r.outcome = ${outcome} then r.contributions else 0 end), 0)`;

export function allContributions(db: Db, filters: Filters): number {
  return getOf<{ n: number }>(db, sql`select coalesce(sum(r.contributions), 0) as n from ${rowsOf(db, 'all', filters)}`)?.n ?? 0;
}

/** As participationSummary (participation.ts). */
export function participationSummary(db: Db, subject: Subject, filters: Filters) {
  const { dim, where } = subjectDimension(subject, filters);
  const row = getOf<Record<string, number>>(db, sql`
    select coalesce(sum(r.contributions), 0) as contributions, coalesce(sum(r.fractional), 0) as fractional,
      ${outcomeSum('accepted')} as accepted, ${outcomeSum('noted')} as noted, ${outcomeSum('withdrawn')} as withdrawn,
      ${outcomeSum('superseded')} as superseded, ${outcomeSum('not-handled')} as notHandled, ${outcomeSum('pending')} as pending
    from ${rowsOf(db, dim, filters, where)}`)!;
  const all = allContributions(db, filters);
  const outcomes: OutcomeCounts = {
    accepted: row.accepted!,
    noted: row.noted!,
    withdrawn: row.withdrawn!,
    superseded: row.superseded!,
    notHandled: row.notHandled!,
    pending: row.pending!,
    acceptanceRate: rate(row.accepted!, row.noted!, row.notHandled!),
  };
  return {
    totals: { contributions: row.contributions!, fractional: row.fractional!, allContributions: all, share: all === 0 ? null : row.fractional! / all },
    outcomes,
  };
}

/** The names and dates of every meeting and the codes of every group, by id. */
interface MeetingNames {
  meetings: Map<number, { name: string; startDate: string | null }>;
  groups: Map<number, { body: string; code: string }>;
}

const meetingChanges = perConnection((db) => db.$client.prepare("select changes from table_changes where name = 'meetings'").pluck());
const allMeetings = perConnection((db) => db.$client.prepare('select id, name, start_date from meetings').raw());
const allGroups = perConnection((db) => db.$client.prepare('select id, body_id, code from groups').raw());
const keptNames = perConnection(() => ({ changes: null as number | null, names: null as MeetingNames | null }));

/**
 * Every meeting's name and dates and every group's code, kept while meetings and groups are unchanged
 * (table_changes, counted by triggers). A full-history report lists thousands of meetings: reading
 * their names and dates row by row for every report cost more than adding up their counts. Not kept
 * when read inside a transaction: a rollback takes the count back, and the next write brings it to the
 * same number with other names. Read every time when the count is missing (its row deleted by hand).
 */
function meetingNames(db: Db): MeetingNames {
  const changes = (meetingChanges(db).get() as number | undefined) ?? null;
  const keep = changes !== null && !db.$client.inTransaction;
  const kept = keptNames(db);
  if (keep && kept.names && kept.changes === changes) return kept.names;
  const names: MeetingNames = { meetings: new Map(), groups: new Map() };
  for (const [id, name, startDate] of allMeetings(db).all() as [number, string, string | null][]) names.meetings.set(id, { name, startDate });
  for (const [id, body, code] of allGroups(db).all() as [number, string, string][]) names.groups.set(id, { body, code });
  if (keep) Object.assign(kept, { changes, names });
  return names;
}

export function byMeeting(db: Db, subject: Subject, filters: Filters): MeetingRow[] {
  const { dim, where } = subjectDimension(subject, filters);
  // Added up per meeting and ordered in SQLite, named here: only numbers cross over, not four texts a
  // meeting. The group is the contributions' (one of them, as the raw query's), not the meeting's own.
  const totals = allOf<{ meeting: number; groupId: number; contributions: number; fractional: number }>(db, sql`
    select t.meeting_id as meeting, t.group_id as groupId, t.contributions, t.fractional
    from (select r.meeting_id, r.group_id, sum(r.contributions) as contributions, sum(r.fractional) as fractional, min(r.first_day) as first_day
      from ${rowsOf(db, `meeting:${dim}`, filters, where)} group by r.meeting_id) t
    join meetings m on m.id = t.meeting_id
    order by coalesce(m.start_date, t.first_day), m.name`);
  const names = meetingNames(db);
  return totals.map(({ meeting, groupId, contributions, fractional }) => {
    const m = names.meetings.get(meeting)!;
    const g = names.groups.get(groupId)!;
    return { meeting: m.name, startDate: m.startDate, body: g.body, group: g.code, contributions, fractional };
  });
}

export function byGroup(db: Db, subject: Subject, filters: Filters): GroupRow[] {
  const { dim, where } = subjectDimension(subject, filters);
  return allOf<GroupRow>(db, sql`
    select r.body_id as body, g.code as "group", g.name as groupName,
      sum(r.contributions) as contributions, sum(r.fractional) as fractional
    from ${rowsOf(db, dim, filters, where, { perGroup: true })} join groups g on g.id = r.group_id
    group by g.id
    order by contributions desc, "group"`);
}

/** As byOrganization: ultimate parents, largest fractional count first. */
export function byOrganization(db: Db, subject: Subject, filters: Filters, limit = 500): OrganizationRow[] {
  let rows: SQL;
  if (subject.kind === 'country') {
    rows = rowsOf(db, `parent-country:${basisOf(filters)}`, filters, sql`s = ${subject.code}`);
  } else if (subject.kind === 'parent') {
    rows = rowsOf(db, 'parent', filters, sql`s = '' and a = ${subject.id}`);
  } else {
    rows = rowsOf(db, 'parent', filters);
  }
  const kinds = subject.kind === 'parentKindNotIn' ? sql`p.kind not in (${sql.join(subject.kinds.map((k) => sql`${k}`), sql`, `)})` : sql`1 = 1`;
  const found = allOf<Omit<OrganizationRow, 'acceptanceRate'> & { noted: number; notHandled: number }>(db, sql`
    select p.slug as slug, p.name as name, p.kind as kind, p.country as country,
      t.contributions, t.fractional, t.accepted, t.noted, t.notHandled
    from (select r.a, sum(r.contributions) as contributions, sum(r.fractional) as fractional,
        ${outcomeSum('accepted')} as accepted, ${outcomeSum('noted')} as noted, ${outcomeSum('not-handled')} as notHandled
      from ${rows} group by r.a) t
    join organizations p on p.id = t.a
    where ${kinds}
    order by round(t.fractional, 9) desc, t.contributions desc, name
    limit ${limit}`);
  return found.map(({ noted, notHandled, ...row }) => ({ ...row, acceptanceRate: rate(row.accepted, noted, notHandled) }));
}

/** As byCountry with everyone as the subject. */
export function byCountry(db: Db, filters: Filters): CountryRow[] {
  return allOf<CountryRow>(db, sql`
    select r.s as country, sum(r.contributions) as contributions, sum(r.fractional) as fractional
    from ${rowsOf(db, `country:${basisOf(filters)}`, filters)}
    group by r.s
    order by round(sum(r.fractional), 9) desc, contributions desc, country`);
}

/** As coSources: organizations named beside the subject (itself, or its own country, left out). */
export function coSources(db: Db, subject: Subject, filters: Filters, limit = 15) {
  let rows: SQL;
  let others: SQL;
  if (subject.kind === 'country') {
    rows = rowsOf(db, `co:country:${basisOf(filters)}`, filters, sql`s = ${subject.code} and a = 0`);
    others = sql`coalesce(q.country, '') <> ${subject.code}`;
  } else if (subject.kind === 'parent') {
    rows = rowsOf(db, 'co:parent', filters, sql`s = '' and a = ${subject.id}`);
    others = sql`q.id <> ${subject.id}`;
  } else {
    throw new Error(`the counts have no co-sources for ${subject.kind}`);
  }
  return allOf<{ slug: string; name: string; country: string | null; contributions: number }>(db, sql`
    select q.slug as slug, q.name as name, q.country as country, t.contributions
    from (select r.b, sum(r.contributions) as contributions from ${rows} group by r.b) t
    join organizations q on q.id = t.b
    where ${others} and q.kind <> 'sdo'
    order by t.contributions desc, name
    limit ${limit}`);
}

/** The company report's entities: the organizations named under one parent. */
export function entities(db: Db, parentId: number, filters: Filters) {
  return allOf<{ slug: string; name: string; country: string | null; contributions: number; fractional: number }>(db, sql`
    select e.slug as slug, e.name as name, e.country as country, sum(r.contributions) as contributions, sum(r.fractional) as fractional
    from ${rowsOf(db, 'entity', filters, sql`s = '' and a = ${parentId}`)} join organizations e on e.id = r.b
    group by r.b order by contributions desc, name`);
}

/** The counts behind coverage (overview.ts): source occurrences, resolved, standards bodies, without a country. */
export function coverageCounts(db: Db, filters: Filters) {
  const row = getOf<{ occurrences: number; resolved: number | null; sdo: number | null; noCountry: number | null }>(db, sql`
    select coalesce(sum(r.sources), 0) as occurrences, sum(r.resolved) as resolved,
      sum(case when p.kind = 'sdo' then r.sources else 0 end) as sdo,
      sum(case when p.country is null then r.resolved else 0 end) as noCountry
    from ${rowsOf(db, 'parent', filters)} left join organizations p on p.id = r.a`);
  return { occurrences: row?.occurrences ?? 0, resolved: row?.resolved ?? 0, sdo: row?.sdo ?? 0, noCountry: row?.noCountry ?? 0 };
}

/** As coverageCounts, per body, group and year ('' for undated contributions). */
export function coverageByGroupYear(db: Db, filters: Filters) {
  return allOf<{ body: string; group: string; year: string; occurrences: number; resolved: number; noCountry: number }>(db, sql`
    select r.body_id as body, g.code as "group", substr(r.period, 1, 4) as year, coalesce(sum(r.sources), 0) as occurrences,
      coalesce(sum(r.resolved), 0) as resolved, coalesce(sum(case when p.country is null then r.resolved else 0 end), 0) as noCountry
    from ${rowsOf(db, 'parent', filters, undefined, { perGroup: true })} left join organizations p on p.id = r.a
    join groups g on g.id = r.group_id
    group by 1, 2, 3
    order by 1, 2, 3`);
}

/** As byKind's rows (before labels and shares). */
export function kindRows(db: Db, filters: Filters) {
  return allOf<{ kind: string; contributions: number; fractional: number }>(db, sql`
    select r.s as kind, sum(r.contributions) as contributions, sum(r.fractional) as fractional
    from ${rowsOf(db, 'kind', filters)}
    group by 1
    order by round(sum(r.fractional), 9) desc, kind`);
}

/** As latestMeetings: the group filter applies to the meeting's group, as there. */
export function latestMeetings(db: Db, filters: Filters, limit = 5) {
  return allOf<{ meeting: string; body: string; group: string; startDate: string | null; town: string | null; contributions: number }>(db, sql`
    select m.name as meeting, m.body_id as body, g.code as "group", m.start_date as startDate, m.town as town,
      sum(r.contributions) as contributions
    from ${rowsOf(db, 'meeting:all', { ...filters, group: undefined })} join meetings m on m.id = r.meeting_id join groups g on g.id = m.group_id
    where ${filters.group ? sql`g.code = ${filters.group}` : sql`1 = 1`}
    group by m.id
    order by coalesce(m.start_date, max(r.last_day)) desc, m.name
    limit ${limit}`);
}

/** The overview's span: first and last day, meetings. */
export function span(db: Db, filters: Filters) {
  return getOf<{ first: string | null; last: string | null; meetings: number }>(db, sql`
    select min(r.first_day) as first, max(r.last_day) as last, count(distinct nullif(r.meeting_id, 0)) as meetings
    from ${rowsOf(db, 'meeting:all', filters)}`);
}

/** The digest's per-group rows: the week's contributions per group, and fractional counts per group and country. */
export function groupCounts(db: Db, filters: Filters) {
  const totals = allOf<{ body: string; group: string; groupName: string; contributions: number }>(db, sql`
    select r.body_id as body, g.code as "group", g.name as groupName, sum(r.contributions) as contributions
    from ${rowsOf(db, 'all', filters, undefined, { perGroup: true })} join groups g on g.id = r.group_id
    group by g.id order by body, contributions desc, "group"`);
  const byCountryRows = allOf<{ body: string; group: string; country: string; fractional: number }>(db, sql`
    select r.body_id as body, g.code as "group", r.s as country, sum(r.fractional) as fractional
    from ${rowsOf(db, 'country:parent', filters, undefined, { perGroup: true })} join groups g on g.id = r.group_id
    group by g.id, r.s
    order by round(sum(r.fractional), 9) desc, country`);
  return { totals, byCountryRows };
}

/** A row's period as trends.ts names them, from its month (YYYY-MM) or year (YYYY). */
function periodOfRow(period: Period): SQL {
  return period === 'year' ? sql`substr(r.period, 1, 4)` : sql`substr(r.period, 1, 4) || '-Q' || ((cast(substr(r.period, 6, 2) as integer) + 2) / 3)`;
}

/** As the queries of sharesOverTime (trends.ts): the dated contributions' span, per period, and fractional counts per period and country. */
export function sharesOverTime(db: Db, filters: Filters, choosePeriod: (first: string | null, last: string | null) => Period) {
  const span = getOf<{ first: string | null; last: string | null }>(db, sql`
    select min(r.first_day) as first, max(r.last_day) as last from ${rowsOf(db, 'all', filters, undefined, { dated: true })}`);
  const period = choosePeriod(span?.first ?? null, span?.last ?? null);
  const options: RowsOptions = { dated: true, months: period === 'quarter' };
  const periods = allOf<{ period: string; contributions: number }>(db, sql`
    select ${periodOfRow(period)} as period, sum(r.contributions) as contributions
    from ${rowsOf(db, 'all', filters, undefined, options)} group by 1 order by 1`);
  const rows = allOf<{ period: string; country: string | null; fractional: number }>(db, sql`
    select ${periodOfRow(period)} as period, r.s as country, sum(r.fractional) as fractional
    from ${rowsOf(db, `country:${basisOf(filters)}`, filters, undefined, options)} group by 1, 2
    union all
    select ${periodOfRow(period)} as period, null as country, sum(r.fractional) as fractional
    from ${rowsOf(db, `no-country:${basisOf(filters)}`, filters, undefined, options)} group by 1`);
  return { period, periods, rows };
}

/** As countryDocumentsPerPeriod (documents.ts): contributions per period and country on the filters' basis. */
export function countryDocumentsPerPeriod(db: Db, filters: Filters, period: Period) {
  return allOf<{ period: string; source_country: string; n: number }>(db, sql`
    select ${periodOfRow(period)} as period, r.s as source_country, sum(r.contributions) as n
    from ${rowsOf(db, `country:${basisOf(filters)}`, filters, undefined, { dated: true, months: period === 'quarter' })} group by 1, 2`);
}
