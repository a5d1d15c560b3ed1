// Reading the report counts: the one way a report counts (countQuery). The kept rows (definitions.ts,
// kept by upkeep.ts) answer what a date range holds whole — everything (`all`, when nothing is read by
// period), years, months, and for what the digest reads days; what they do not hold is counted on the
// spot by the same definition (the days at the
// edges of a range elsewhere, the months of the co-source tables); a report adds the rows up by the
// keys it asks for.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { COUNT_TABLES, CountRows, columnsOf, countContribution, type CountTable, type CountTableName, type Level } from './definitions.js';
import { eachCounted } from './facts.js';

/** What a report counts over: scope and counting rules, as the filters give them. */
export interface CountFilters {
  body?: string;
  group?: string;
  /**
   * Only the contributions of these groups (ids), with body and group: the groups a series over time
   * compares (server/reports/coverage.ts). An empty list counts nothing.
   */
  groupIds?: readonly number[];
  /** Contribution dates, YYYY-MM-DD, both inclusive. */
  from?: string;
  to?: string;
  /** Only the contributions of a topic (domain/topics.yaml). */
  topic?: string;
  /** Which country a source counts for (tables with a basis). */
  basis?: 'parent' | 'entity';
  /** Leave out withdrawn contributions; count a revised document once (its revision carries it). */
  withdrawn?: 'include' | 'exclude';
  revisions?: 'keep' | 'collapse';
}

/** What count rows can be grouped by: a bucket's part or one of the table's keys. */
export type CountKey = 'group' | 'meeting' | 'year' | 'quarter' | 'month' | 'country' | 'parent' | 'organization' | 'kind' | 'partner' | 'coParent';

/**
 * Each key: the column of the table's key it is read from, and how it is read (`period` holds a day,
 * a month or a year as the row's level says; the undated, period '', have no year, quarter or month).
 */
const KEYS: Record<CountKey, { column: string; expression: string }> = {
  group: { column: 'group_id', expression: 'r.group_id' },
  meeting: { column: 'meeting_id', expression: 'r.meeting_id' },
  year: { column: 'period', expression: "nullif(substr(r.period, 1, 4), '')" },
  quarter: { column: 'period', expression: "case when r.period <> '' then substr(r.period, 1, 4) || '-Q' || ((cast(substr(r.period, 6, 2) as integer) + 2) / 3) end" },
  month: { column: 'period', expression: "nullif(substr(r.period, 1, 7), '')" },
  country: { column: 'country', expression: 'r.country' },
  parent: { column: 'parent_id', expression: 'r.parent_id' },
  organization: { column: 'organization_id', expression: 'r.organization_id' },
  kind: { column: 'kind', expression: 'r.kind' },
  partner: { column: 'partner', expression: 'r.partner' },
  coParent: { column: 'co_parent_id', expression: 'r.co_parent_id' },
};

/** The keys that need month rows (a year row knows neither its meeting nor its months). */
const MONTHLY: CountKey[] = ['meeting', 'month', 'quarter'];
/** The keys an `all` row cannot answer (it knows no period). */
const PERIODIC: CountKey[] = [...MONTHLY, 'year'];

export interface CountSpec {
  table: CountTableName;
  filters: CountFilters;
  /**
   * A condition on the rows' key columns (`r.country`, `r.parent_id`, …): the report's subject. On the
   * entity basis a parent counts once per country it counts for: read `parent` by country or for one.
   */
  subject?: SQL;
  by: CountKey[];
  /** Only dated contributions, even without a date range (trends over time). */
  datedOnly?: boolean;
  /**
   * Only these measures (every one when not given): each is a sum SQLite adds up over every row read
   * (at 2 M contributions a country's 15,000 year rows, read for a date range, cost about 0.3 ms a sum).
   */
  measures?: readonly Measure[];
}

/** What a count row tells (the pair tables: `contributions` only). */
export type Measure = 'contributions' | 'fractional' | 'accepted' | 'noted' | 'notHandled' | 'pending' | 'withdrawn' | 'superseded' | 'sources';

/** One part of a date range: kept rows of a level and period range, or counted on the spot. */
type Part =
  /** Periods first..last ('' and '': the undated; null: every period). */
  | { from: 'kept'; level: Level; first: string | null; last: string | null }
  /** Dated contributions of days first..last. */
  | { from: 'spot'; first: string; last: string };

const pad2 = (n: number) => String(n).padStart(2, '0');
const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthText = (n: number) => `${Math.floor(n / 12)}-${pad2((n % 12) + 1)}`;
const lastDayOf = (n: number) => `${monthText(n)}-${pad2(new Date(Date.UTC(Math.floor(n / 12), (n % 12) + 1, 0)).getUTCDate())}`;

/** A date range cut into whole years, the whole months outside them, and the days at its edges. */
export interface RangeParts {
  /** Whole years [first, last] (null: open), or none. */
  years: [string | null, string | null] | null;
  /** Whole months [first, last] YYYY-MM outside those years. */
  months: [string, string][];
  /** Days [first, last] YYYY-MM-DD that fill no month. */
  days: [string, string][];
}

/** Cuts [from, to] (either open) into whole years, whole months and edge days. Pure. */
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

/**
 * Where each part of the spec's range is read from: no range at all from `all` rows (unless read by
 * period), whole years from year rows (from month rows when
 * the report needs months or meetings), whole months from month rows, the days at the edges from day
 * rows where they are kept; the rest counted on the spot (edge days elsewhere; months of the co-source
 * tables, which keep years only).
 */
function partsOf(t: CountTable, spec: CountSpec): Part[] {
  const { from, to } = spec.filters;
  const undated = !from && !to && !spec.datedOnly;
  const monthly = spec.by.some((k) => MONTHLY.includes(k));
  if (monthly && t.pairs) throw new Error(`${t.table} keeps no months: it cannot be read by ${spec.by.join(', ')}`);
  const range = splitRange(from, to);
  const parts: Part[] = [];
  if (range.years) {
    const [first, last] = range.years;
    // No date range at all: the `all` rows (one per subject and group) when nothing is read by period,
    // else every kept row of the level, the undated among them (the pairs keep no `all` rows).
    if (undated && !t.pairs && !spec.by.some((k) => PERIODIC.includes(k))) return [{ from: 'kept', level: 'all', first: null, last: null }];
    if (undated) return [{ from: 'kept', level: monthly ? 'month' : 'year', first: null, last: null }];
    parts.push(
      monthly
        ? { from: 'kept', level: 'month', first: `${first ?? '0000'}-01`, last: `${last ?? '9999'}-12` }
        : { from: 'kept', level: 'year', first: first ?? '0000', last: last ?? '9999' },
    );
  }
  for (const [first, last] of range.months) {
    parts.push(t.pairs
      ? { from: 'spot', first: `${first}-01`, last: lastDayOf(monthNumber(`${last}-01`)) }
      : { from: 'kept', level: 'month', first, last });
  }
  // Day rows are kept for what the digest reads (every contribution, the parent basis, no meeting).
  const keptDays = t.days && !spec.filters.topic && (!t.basis || (spec.filters.basis ?? 'parent') === 'parent') && !spec.by.includes('meeting');
  for (const [first, last] of range.days) parts.push(keptDays ? { from: 'kept', level: 'day', first, last } : { from: 'spot', first, last });
  if (undated) parts.push({ from: 'kept', level: monthly ? 'month' : 'year', first: '', last: '' });
  return parts;
}

/** The condition on `contributions` (joined with `groups`) of the filters' body and group. */
function scopeOf(filters: CountFilters): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filters.body) conditions.push(sql`contributions.body_id = ${filters.body}`);
  if (filters.group) conditions.push(sql`groups.code = ${filters.group}`);
  if (filters.groupIds) conditions.push(sql`contributions.group_id in ${idList(filters.groupIds)}`);
  return sql.join(conditions, sql` and `);
}

/** `(1, 5)`: a list of ids for `in` (`(null)` when empty: matches nothing). */
function idList(ids: readonly number[]): SQL {
  return ids.length === 0 ? sql`(null)` : sql`(${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`;
}

/** The kept rows' condition on their group (the filters' body, group and set of groups). */
function keptScopeOf(filters: CountFilters): SQL {
  let scope: SQL | null = null;
  if (filters.group) {
    const body = filters.body ? sql` and body_id = ${filters.body}` : sql``;
    scope = sql`group_id in (select id from groups where code = ${filters.group}${body})`;
  } else if (filters.body) scope = sql`group_id in (select id from groups where body_id = ${filters.body})`;
  const set = filters.groupIds ? sql`group_id in ${idList(filters.groupIds)}` : null;
  if (scope && set) return sql`${scope} and ${set}`;
  return scope ?? set ?? sql`true`;
}

/** Which kept rows a part reads. */
function keptConditions(spec: CountSpec, part: Extract<Part, { from: 'kept' }>): SQL {
  const period = part.first === null ? sql`true` : part.first === '' ? sql`period = ''` : sql`period between ${part.first} and ${part.last}`;
  return sql`level = ${part.level} and topic = ${spec.filters.topic ?? ''} and ${period} and ${keptScopeOf(spec.filters)}`;
}

/** The kept rows of one part, with the table's columns. */
function keptRows(t: CountTable, spec: CountSpec, part: Extract<Part, { from: 'kept' }>): SQL {
  return sql`select ${sql.raw(columnsOf(t).join(', '))} from ${sql.raw(t.table)} where ${keptConditions(spec, part)}`;
}

/**
 * The rows of the parts the kept rows do not hold, counted on the spot (countContribution: only the
 * table, topic and basis the report reads, month rows) and handed to the query as JSON, with the
 * table's columns.
 */
function spotRows(db: Db, t: CountTable, spec: CountSpec, parts: Extract<Part, { from: 'spot' }>[]): SQL {
  const days = sql.join(parts.map((p) => sql`contributions.date between ${p.first} and ${p.last}`), sql` or `);
  const rows = new CountRows();
  const scope = { tables: [t.name], levels: ['month' as const], topic: spec.filters.topic ?? '', basis: t.basis ? (spec.filters.basis ?? 'parent') : undefined };
  eachCounted(db, sql`${scopeOf(spec.filters)} and (${days})`, (c) => countContribution(c, rows, 1, scope));
  const counted = [...rows.rowsOf(t.name)];
  const columns = columnsOf(t).map((column, i) => `value->>${i} as ${column}`).join(', ');
  return sql`select ${sql.raw(columns)} from json_each(${JSON.stringify(counted)})`;
}

/** The full count a report reads (an expression over the rows `r`), with the counting rules applied. */
function counted(t: CountTable, filters: CountFilters): string {
  const withdrawn = filters.withdrawn !== 'exclude';
  const superseded = filters.revisions !== 'collapse';
  if (t.pairs) return ['sum(r.contributions)', withdrawn ? null : '- sum(r.withdrawn)', superseded ? null : '- sum(r.superseded)'].filter(Boolean).join(' ');
  const kept = ['r.accepted', 'r.noted', 'r.not_handled', 'r.pending', withdrawn ? 'r.withdrawn' : null, superseded ? 'r.superseded' : null];
  return `sum(${kept.filter(Boolean).join(' + ')})`;
}

/** The measures a report reads (every one, or those asked for), with the counting rules applied. */
function readMeasures(t: CountTable, filters: CountFilters, asked?: readonly Measure[]): string {
  const withdrawn = filters.withdrawn !== 'exclude';
  const superseded = filters.revisions !== 'collapse';
  if (t.pairs) return `${counted(t, filters)} as contributions`;
  const fractional = ['sum(r.fractional)', withdrawn ? null : '- sum(r.withdrawn_fractional)', superseded ? null : '- sum(r.superseded_fractional)']
    .filter(Boolean)
    .join(' ');
  const sources = ['sum(r.sources)', withdrawn ? null : '- sum(r.withdrawn_sources)', superseded ? null : '- sum(r.superseded_sources)']
    .filter(Boolean)
    .join(' ');
  const measures: Record<Measure, string> = {
    contributions: counted(t, filters),
    fractional,
    accepted: 'sum(r.accepted)',
    noted: 'sum(r.noted)',
    notHandled: 'sum(r.not_handled)',
    pending: 'sum(r.pending)',
    withdrawn: withdrawn ? 'sum(r.withdrawn)' : '0',
    superseded: superseded ? 'sum(r.superseded)' : '0',
    sources,
  };
  return (Object.keys(measures) as Measure[])
    .filter((m) => !asked || asked.includes(m))
    .map((m) => `${measures[m]} as ${m}`)
    .join(', ');
}

/**
 * The report rows a spec asks for: one per value of its `by` keys (each named as the key), with
 * `contributions` (full count under the counting rules), `fractional`, the outcome counts and
 * `sources` (pairs: `contributions` only). Rows whose contributions all fall to the counting rules are
 * left out, as are subjects without any. A SELECT to use as a subquery or run as it is.
 */
export function countQuery(db: Db, spec: CountSpec): SQL {
  const t = COUNT_TABLES[spec.table];
  const parts = partsOf(t, spec);
  const conditions: SQL[] = [spec.subject ?? sql`true`];
  if (t.basis) conditions.push(sql`r.basis = ${spec.filters.basis ?? 'parent'}`);
  const kept = parts.filter((p): p is Extract<Part, { from: 'kept' }> => p.from === 'kept');
  const spot = parts.filter((p): p is Extract<Part, { from: 'spot' }> => p.from === 'spot');
  let rows: SQL;
  let asStored: (k: CountKey) => boolean = () => false;
  if (kept.length === 1 && spot.length === 0) {
    // One part kept whole (no date range, or whole years only): the table itself, not a subquery.
    rows = sql.raw(t.table);
    conditions.push(keptConditions(spec, kept[0]!));
    // Rows of one level are keyed by their period as it is: grouped on the column, not an expression
    // of it, SQLite reads them in the order of the table's key and sorts nothing.
    const level = kept[0]!.level;
    asStored = (k) => (k === 'year' && level === 'year') || (k === 'month' && level === 'month');
  } else {
    const selects = [...kept.map((p) => keptRows(t, spec, p)), ...(spot.length > 0 ? [spotRows(db, t, spec, spot)] : [])];
    rows = sql`(${selects.length === 0 ? sql`select * from ${sql.raw(t.table)} where false` : sql.join(selects, sql` union all `)})`;
  }
  const keys = spec.by.map((k) => `${asStored(k) ? "nullif(r.period, '')" : KEYS[k].expression} as "${k}"`);
  const select = [...keys, readMeasures(t, spec.filters, spec.measures)].join(', ');
  // Grouped in the order of the table's key (whatever the order asked for: the groups are the same), so
  // that on the table itself SQLite walks its key and sorts nothing: a group's meetings by month were
  // 4,400 rows sorted on every series' coverage (5.8 ms, 3.6 in key order, at 2 M contributions).
  const columns = columnsOf(t);
  const inKeyOrder = [...spec.by].sort((a, b) => columns.indexOf(KEYS[a].column) - columns.indexOf(KEYS[b].column));
  const groupBy = spec.by.length > 0 ? sql.raw(` group by ${inKeyOrder.map((k) => (asStored(k) ? 'r.period' : KEYS[k].expression)).join(', ')}`) : sql``;
  // The HAVING names the expression: an alias would be read as the pair tables' own column.
  return sql`select ${sql.raw(select)} from ${rows} r where ${sql.join(conditions, sql` and `)}${groupBy} having ${sql.raw(counted(t, spec.filters))} > 0`;
}

/** countQuery run: its rows, as numbers keyed by the spec's keys. */
export function countRows<T extends Record<string, unknown>>(db: Db, spec: CountSpec): T[] {
  return db.all<T>(countQuery(db, spec));
}
