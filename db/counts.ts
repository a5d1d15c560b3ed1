// The report counts (tables counts_* in db/schema.ts): the definitions of what a report counts, the
// upkeep of the kept rows and the one way to read them.
//
// A contribution counts in a bucket (its group's month, with its meeting, and its group's year) for
// each subject of a table: each country, parent, organization, kind… among its sources (full
// counting: once per subject), with its sources' shares (fractional counting). Every measure is
// defined once, here, as SQL over the contributions and their source rows, and used three ways:
//   - writers take a contribution's counts out before they change it and put them back after
//     (CountChange), in the same transaction: the kept rows are never stale, nothing invalidates them;
//   - rebuildCounts puts in every contribution (a new database, a change of these definitions);
//   - countQuery reads a report's rows: the kept months and years the date range holds whole, plus the
//     same definitions run on the spot over what they do not hold (the days at the edges of a range, the
//     contributions of a topic).
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from './client.js';

/** What a report counts over: scope and counting rules, as the filters give them. */
export interface CountFilters {
  body?: string;
  group?: string;
  /** Contribution dates, YYYY-MM-DD, both inclusive. */
  from?: string;
  to?: string;
  /** Which country a source counts for (tables with a basis). */
  basis?: 'parent' | 'entity';
  /** Leave out withdrawn contributions; count a revised document once (its revision carries it). */
  withdrawn?: 'include' | 'exclude';
  revisions?: 'keep' | 'collapse';
}

/** A condition on `contributions` (joined with `groups`) the kept rows cannot answer: a topic. */
export type ContributionCondition = SQL;

export type CountTableName = 'everyone' | 'country' | 'parent' | 'entity' | 'kind' | 'coParents' | 'coCountries';

interface CountTable {
  table: string;
  /** The subject's key columns, in the table's key order. */
  keys: string[];
  /** Tables kept per basis: one row set for each, the basis a key column. */
  basis: boolean;
  /** Pairs (co-sources): three measures, year rows only. */
  pairs: boolean;
  /**
   * The table's rows per contribution (one per subject: the full count's unit), over `facts`
   * (one row per source, see FACTS) or, for `everyone`, over the contributions themselves. Columns:
   * contribution_id, group_id, meeting_id, month, outcome, the keys, then share and sources (not for
   * pairs).
   */
  perContribution: (contributions: SQL) => SQL;
}

const BUCKET = sql.raw('contribution_id, group_id, meeting_id, month, outcome');

/**
 * One row per source of the contributions `where` selects, with what the tables count by. The
 * country and kind columns are contribution_sources' own (derived from the registry when the source
 * was resolved): a registry change rewrites them, and the counts of those contributions with them.
 */
function facts(where: SQL): SQL {
  return sql`select contributions.id as contribution_id, contributions.group_id as group_id,
      coalesce(contributions.meeting_id, 0) as meeting_id, coalesce(substr(contributions.date, 1, 7), '') as month,
      contributions.outcome as outcome, coalesce(s.parent_id, 0) as parent_id, s.organization_id as organization_id,
      s.share as share, coalesce(s.parent_country, '') as parent_country, coalesce(s.entity_country, '') as entity_country,
      coalesce(s.parent_kind, 'unknown') as parent_kind
    from contributions join groups on groups.id = contributions.group_id
    join contribution_sources s on s.contribution_id = contributions.id
    where ${where}`;
}

/** Per contribution and subject: the shares and source rows of its sources of that subject. */
const bySubject = (where: SQL, keys: string, filter = 'true') =>
  sql`select ${BUCKET}, ${sql.raw(keys)}, sum(share) as share, count(*) as sources
    from (${facts(where)}) where ${sql.raw(filter)} group by contribution_id, ${sql.raw(keys.replace(/ as \w+/g, ''))}`;

const onBothBases = (where: SQL, parentKeys: string, entityKeys: string, filter = 'true') =>
  sql`${bySubject(where, `'parent' as basis, ${parentKeys}`, filter)} union all ${bySubject(where, `'entity' as basis, ${entityKeys}`, filter)}`;

export const COUNT_TABLES: Record<CountTableName, CountTable> = {
  everyone: {
    table: 'counts_of_everyone',
    keys: [],
    basis: false,
    pairs: false,
    // From the contributions themselves: one without any source still counts.
    perContribution: (where) => sql`select contributions.id as contribution_id, contributions.group_id as group_id,
        coalesce(contributions.meeting_id, 0) as meeting_id, coalesce(substr(contributions.date, 1, 7), '') as month,
        contributions.outcome as outcome,
        coalesce((select sum(s.share) from contribution_sources s where s.contribution_id = contributions.id), 0) as share,
        (select count(*) from contribution_sources s where s.contribution_id = contributions.id) as sources
      from contributions join groups on groups.id = contributions.group_id where ${where}`,
  },
  country: {
    table: 'counts_by_country',
    keys: ['basis', 'country'],
    basis: true,
    pairs: false,
    perContribution: (where) => onBothBases(where, 'parent_country as country', 'entity_country as country'),
  },
  parent: {
    table: 'counts_by_parent',
    keys: ['basis', 'country', 'parent_id'],
    basis: true,
    pairs: false,
    perContribution: (where) => onBothBases(where, 'parent_country as country, parent_id', 'entity_country as country, parent_id'),
  },
  entity: {
    table: 'counts_by_entity',
    keys: ['parent_id', 'organization_id'],
    basis: false,
    pairs: false,
    perContribution: (where) => bySubject(where, 'parent_id, organization_id', 'organization_id is not null'),
  },
  kind: {
    table: 'counts_by_kind',
    keys: ['kind'],
    basis: false,
    pairs: false,
    perContribution: (where) => bySubject(where, 'parent_kind as kind'),
  },
  coParents: {
    table: 'counts_of_co_parents',
    keys: ['parent_id', 'co_parent_id'],
    basis: false,
    pairs: true,
    // Every other parent named on the same contribution.
    perContribution: (where) => sql`with parents as (select distinct ${BUCKET}, parent_id from (${facts(where)}) where parent_id <> 0)
      select x.contribution_id, x.group_id, x.meeting_id, x.month, x.outcome, x.parent_id, y.parent_id as co_parent_id
      from parents x join parents y on y.contribution_id = x.contribution_id and y.parent_id <> x.parent_id`,
  },
  coCountries: {
    table: 'counts_of_co_countries',
    keys: ['basis', 'country', 'co_parent_id'],
    basis: true,
    pairs: true,
    // Every parent of another country (its own, whatever the basis) named beside a source of the country.
    perContribution: (where) => sql`with f as (${facts(where)}),
      subjects as (
        select distinct ${BUCKET}, 'parent' as basis, parent_country as country from f where parent_id <> 0 and parent_country <> ''
        union select distinct ${BUCKET}, 'entity' as basis, entity_country as country from f where parent_id <> 0 and entity_country <> ''),
      parents as (select distinct contribution_id, parent_id, parent_country from f where parent_id <> 0)
      select s.contribution_id, s.group_id, s.meeting_id, s.month, s.outcome, s.basis, s.country, p.parent_id as co_parent_id
      from subjects s join parents p on p.contribution_id = s.contribution_id and p.parent_country <> s.country`,
  },
};

export const COUNT_TABLE_NAMES = Object.keys(COUNT_TABLES) as CountTableName[];

const MEASURES = [
  'accepted', 'noted', 'not_handled', 'pending', 'withdrawn', 'superseded',
  'fractional', 'withdrawn_fractional', 'superseded_fractional', 'sources', 'withdrawn_sources', 'superseded_sources',
] as const;
const PAIR_MEASURES = ['contributions', 'withdrawn', 'superseded'] as const;

const measuresOf = (t: CountTable) => (t.pairs ? PAIR_MEASURES : MEASURES);

/** The measures of per-contribution rows added up, times `sign`, named as the table's columns. */
function sums(t: CountTable, sign: number): string {
  const measures = measuresOf(t);
  let i = 0;
  const n = (expression: string) => `${sign} * ${expression} as ${measures[i++]}`;
  if (t.pairs) return [n('count(*)'), n("sum(outcome = 'withdrawn')"), n("sum(outcome = 'superseded')")].join(', ');
  return [
    n("sum(outcome = 'accepted')"), n("sum(outcome = 'noted')"), n("sum(outcome = 'not-handled')"), n("sum(outcome = 'pending')"),
    n("sum(outcome = 'withdrawn')"), n("sum(outcome = 'superseded')"),
    n('sum(share)'), n("sum(case when outcome = 'withdrawn' then share else 0 end)"), n("sum(case when outcome = 'superseded' then share else 0 end)"),
    n('sum(sources)'), n("sum(case when outcome = 'withdrawn' then sources else 0 end)"), n("sum(case when outcome = 'superseded' then sources else 0 end)"),
  ].join(', ');
}

const keyList = (t: CountTable) => t.keys.map((k) => `${k}, `).join('');

/** Month rows (per meeting) of the contributions `where` selects, in the table's column order. */
function monthRows(t: CountTable, where: SQL, sign = 1): SQL {
  const k = keyList(t);
  return sql`select 'month' as level, ${sql.raw(k)}group_id, month as period, meeting_id, ${sql.raw(sums(t, sign))}
    from (${t.perContribution(where)}) group by ${sql.raw(k)}group_id, month, meeting_id`;
}

/** Year rows of the contributions `where` selects. */
function yearRows(t: CountTable, where: SQL, sign = 1): SQL {
  const k = keyList(t);
  return sql`select 'year' as level, ${sql.raw(k)}group_id, substr(month, 1, 4) as period, 0 as meeting_id, ${sql.raw(sums(t, sign))}
    from (${t.perContribution(where)}) group by ${sql.raw(k)}group_id, substr(month, 1, 4)`;
}

/** Adds the counts of the contributions `where` selects (`sign` −1: takes them out) to the kept rows. */
function addCounts(db: Db, where: SQL, sign: 1 | -1): void {
  for (const t of Object.values(COUNT_TABLES)) {
    const measures = measuresOf(t);
    const columns = ['level', ...t.keys, 'group_id', 'period', 'meeting_id', ...measures].join(', ');
    const rows = t.pairs ? yearRows(t, where, sign) : sql`${monthRows(t, where, sign)} union all ${yearRows(t, where, sign)}`;
    // `where true`: an upsert's SELECT needs a WHERE clause (SQLite's grammar).
    db.run(sql`insert into ${sql.raw(t.table)} (${sql.raw(columns)}) select * from (${rows}) where true
      on conflict do update set ${sql.raw(measures.map((m) => `${m} = ${m} + excluded.${m}`).join(', '))}`);
  }
}

const CHANGING = 'temp.count_changing';

/**
 * Keeps the counts in step while contributions change: `before` takes out the counts of the stored
 * contributions about to change (while they still read as before), `after` puts back those and the
 * new ones as they now read. Rows left with nothing (a subject gone from a bucket) stay, empty: reads
 * skip them, and a rebuild or re-resolve clears them.
 */
export class CountChange {
  private readonly ids = new Set<number>();

  constructor(private readonly db: Db) {
    db.run(sql`create temp table if not exists count_changing (id integer primary key)`);
  }

  /** Takes out the counts of these stored contributions (each once, however often asked). */
  before(ids: Iterable<number>): void {
    const fresh = [...ids].filter((id) => !this.ids.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.ids.add(id);
    this.apply(fresh, -1);
  }

  /** Puts back the counts of the contributions taken out, and counts these new ones. */
  after(newIds: Iterable<number> = []): void {
    for (const id of newIds) this.ids.add(id);
    if (this.ids.size > 0) this.apply([...this.ids], 1);
    this.ids.clear();
  }

  private apply(ids: number[], sign: 1 | -1): void {
    this.db.run(sql`delete from ${sql.raw(CHANGING)}`);
    this.db.run(sql`insert into ${sql.raw(CHANGING)} (id) select value from json_each(${JSON.stringify(ids)})`);
    addCounts(this.db, sql`contributions.id in (select id from ${sql.raw(CHANGING)})`, sign);
    this.db.run(sql`delete from ${sql.raw(CHANGING)}`);
  }
}

/** Counts every contribution anew, group by group (a new database, or these definitions changed). */
function rebuildCounts(db: Db): void {
  for (const t of Object.values(COUNT_TABLES)) db.run(sql`delete from ${sql.raw(t.table)}`);
  const groupIds = db.all<{ id: number }>(sql`select distinct group_id as id from contributions order by 1`);
  for (const { id } of groupIds) addCounts(db, sql`contributions.group_id = ${id}`, 1);
}

/**
 * A fingerprint of the definitions: the SQL every table is counted with. A database whose counts were
 * made with other definitions (an older stdwatch) has them made again when it is opened.
 */
export function countDefinitions(): string {
  const dialect = new SQLiteSyncDialect();
  const text = Object.values(COUNT_TABLES)
    .map((t) => dialect.sqlToQuery(sql`${monthRows(t, sql`true`)} ${yearRows(t, sql`true`)}`).sql)
    .join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const DEFINITIONS_KEY = 'count_definitions';

/** Makes every count anew, in one transaction, and records the definitions they were made with. */
export function recount(db: Db): void {
  db.transaction((tx) => {
    rebuildCounts(tx as unknown as Db);
    tx.run(sql`insert into meta (key, value) values (${DEFINITIONS_KEY}, ${countDefinitions()}) on conflict (key) do update set value = excluded.value`);
  });
}

/** Makes the counts again when they were made with other definitions; returns whether it did. */
export function ensureCounts(db: Db): boolean {
  const stored = db.get<{ value: string }>(sql`select value from meta where key = ${DEFINITIONS_KEY}`)?.value;
  if (stored === countDefinitions()) return false;
  recount(db);
  return true;
}

/** Removes rows whose contributions all went elsewhere (after a re-resolve). */
export function dropEmptyCounts(db: Db): void {
  for (const t of Object.values(COUNT_TABLES)) {
    const empty = t.pairs ? 'contributions = 0' : 'accepted + noted + not_handled + pending + withdrawn + superseded = 0';
    db.run(sql`delete from ${sql.raw(t.table)} where ${sql.raw(empty)}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading

/** What count rows can be grouped by: a bucket's part or one of the table's keys. */
export type CountKey = 'group' | 'meeting' | 'year' | 'quarter' | 'month' | 'country' | 'parent' | 'organization' | 'kind' | 'coParent';

const KEY_EXPRESSIONS: Record<CountKey, string> = {
  group: 'r.group_id',
  meeting: 'r.meeting_id',
  // The undated (period '') have no year, quarter or month.
  year: "nullif(substr(r.period, 1, 4), '')",
  quarter: "case when r.period <> '' then substr(r.period, 1, 4) || '-Q' || ((cast(substr(r.period, 6, 2) as integer) + 2) / 3) end",
  month: "nullif(r.period, '')",
  country: 'r.country',
  parent: 'r.parent_id',
  organization: 'r.organization_id',
  kind: 'r.kind',
  coParent: 'r.co_parent_id',
};

/** The keys that need month rows (a year row knows neither its meeting nor its months). */
const MONTHLY: CountKey[] = ['meeting', 'month', 'quarter'];

export interface CountSpec {
  table: CountTableName;
  filters: CountFilters;
  /**
   * A condition on the rows' key columns (`r.country`, `r.parent_id`, …): the report's subject. On the
   * entity basis a parent counts once per country it counts for: read `parent` by country or for one.
   */
  subject?: SQL;
  by: CountKey[];
  /** Contributions a kept row cannot tell apart (a topic): everything is counted on the spot. */
  only?: ContributionCondition;
  /** Only dated contributions, even without a date range (trends over time). */
  datedOnly?: boolean;
}

/** One part of a date range: kept rows of a level and period range, or counted on the spot. */
type Part =
  | { from: 'kept'; level: 'month' | 'year'; first: string; last: string }
  | { from: 'spot'; first?: string; last?: string; dates: 'dated' | 'undated' | 'any' };

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
 * Where each part of the spec's range is read from: whole years from year rows (from month rows when
 * the report needs months or meetings), whole months from month rows, the rest counted on the spot
 * (edge days; months of the co-source tables, which keep years only; everything of a topic).
 */
function partsOf(t: CountTable, spec: CountSpec): Part[] {
  const { from, to } = spec.filters;
  const undated = !from && !to && !spec.datedOnly;
  if (spec.only) return [{ from: 'spot', first: from, last: to, dates: undated ? 'any' : 'dated' }];
  const monthly = spec.by.some((k) => MONTHLY.includes(k));
  if (monthly && t.pairs) throw new Error(`${t.table} keeps no months: it cannot be read by ${spec.by.join(', ')}`);
  const range = splitRange(from, to);
  const parts: Part[] = [];
  if (range.years) {
    const [first, last] = range.years;
    parts.push(
      monthly
        ? { from: 'kept', level: 'month', first: `${first ?? '0000'}-01`, last: `${last ?? '9999'}-12` }
        : { from: 'kept', level: 'year', first: first ?? '0000', last: last ?? '9999' },
    );
  }
  for (const [first, last] of range.months) {
    parts.push(t.pairs
      ? { from: 'spot', first: `${first}-01`, last: lastDayOf(monthNumber(`${last}-01`)), dates: 'dated' }
      : { from: 'kept', level: 'month', first, last });
  }
  for (const [first, last] of range.days) parts.push({ from: 'spot', first, last, dates: 'dated' });
  if (undated) parts.push({ from: 'kept', level: monthly ? 'month' : 'year', first: '', last: '' });
  return parts;
}

/** The condition on `contributions` (joined with `groups`) of the filters' body and group. */
function scopeOf(filters: CountFilters): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filters.body) conditions.push(sql`contributions.body_id = ${filters.body}`);
  if (filters.group) conditions.push(sql`groups.code = ${filters.group}`);
  return sql.join(conditions, sql` and `);
}

/** The kept rows' condition on their group (the filters' body and group). */
function keptScopeOf(filters: CountFilters): SQL {
  if (filters.group) {
    const body = filters.body ? sql` and body_id = ${filters.body}` : sql``;
    return sql`group_id in (select id from groups where code = ${filters.group}${body})`;
  }
  if (filters.body) return sql`group_id in (select id from groups where body_id = ${filters.body})`;
  return sql`true`;
}

/** The rows of one part, with the table's columns. */
function partRows(t: CountTable, spec: CountSpec, part: Part): SQL {
  const columns = sql.raw(['level', ...t.keys, 'group_id', 'period', 'meeting_id', ...measuresOf(t)].join(', '));
  if (part.from === 'kept') {
    const period = part.first === '' ? sql`period = ''` : sql`period between ${part.first} and ${part.last}`;
    return sql`select ${columns} from ${sql.raw(t.table)} where level = ${part.level} and ${period} and ${keptScopeOf(spec.filters)}`;
  }
  const conditions: SQL[] = [scopeOf(spec.filters)];
  if (part.dates === 'dated') conditions.push(sql`contributions.date is not null`);
  if (part.dates === 'undated') conditions.push(sql`contributions.date is null`);
  if (part.first) conditions.push(sql`contributions.date >= ${part.first}`);
  if (part.last) conditions.push(sql`contributions.date <= ${part.last}`);
  if (spec.only) conditions.push(spec.only);
  return monthRows(t, sql.join(conditions, sql` and `));
}

/** The full count a report reads (an expression over the rows `r`), with the counting rules applied. */
function counted(t: CountTable, filters: CountFilters): string {
  const withdrawn = filters.withdrawn !== 'exclude';
  const superseded = filters.revisions !== 'collapse';
  if (t.pairs) return ['sum(r.contributions)', withdrawn ? null : '- sum(r.withdrawn)', superseded ? null : '- sum(r.superseded)'].filter(Boolean).join(' ');
  const kept = ['r.accepted', 'r.noted', 'r.not_handled', 'r.pending', withdrawn ? 'r.withdrawn' : null, superseded ? 'r.superseded' : null];
  return `sum(${kept.filter(Boolean).join(' + ')})`;
}

/** The measures a report reads, with the counting rules applied. */
function readMeasures(t: CountTable, filters: CountFilters): string {
  const withdrawn = filters.withdrawn !== 'exclude';
  const superseded = filters.revisions !== 'collapse';
  if (t.pairs) return `${counted(t, filters)} as contributions`;
  const fractional = ['sum(r.fractional)', withdrawn ? null : '- sum(r.withdrawn_fractional)', superseded ? null : '- sum(r.superseded_fractional)']
    .filter(Boolean)
    .join(' ');
  const sources = ['sum(r.sources)', withdrawn ? null : '- sum(r.withdrawn_sources)', superseded ? null : '- sum(r.superseded_sources)']
    .filter(Boolean)
    .join(' ');
  return [
    `${counted(t, filters)} as contributions`,
    `${fractional} as fractional`,
    'sum(r.accepted) as accepted',
    'sum(r.noted) as noted',
    'sum(r.not_handled) as notHandled',
    'sum(r.pending) as pending',
    `${withdrawn ? 'sum(r.withdrawn)' : '0'} as withdrawn`,
    `${superseded ? 'sum(r.superseded)' : '0'} as superseded`,
    `${sources} as sources`,
  ].join(', ');
}

/**
 * The report rows a spec asks for: one per value of its `by` keys (each named as the key), with
 * `contributions` (full count under the counting rules), `fractional`, the outcome counts and
 * `sources` (pairs: `contributions` only). Rows whose contributions all fall to the counting rules are
 * left out, as are subjects without any. A SELECT to use as a subquery or run as it is.
 */
export function countQuery(spec: CountSpec): SQL {
  const t = COUNT_TABLES[spec.table];
  const parts = partsOf(t, spec);
  const conditions: SQL[] = [spec.subject ?? sql`true`];
  if (t.basis) conditions.push(sql`r.basis = ${spec.filters.basis ?? 'parent'}`);
  const rows = parts.length === 0 ? sql`select * from ${sql.raw(t.table)} where false` : sql.join(parts.map((p) => partRows(t, spec, p)), sql` union all `);
  const keys = spec.by.map((k) => `${KEY_EXPRESSIONS[k]} as "${k}"`);
  const select = [...keys, readMeasures(t, spec.filters)].join(', ');
  const groupBy = spec.by.length > 0 ? sql.raw(` group by ${spec.by.map((k) => KEY_EXPRESSIONS[k]).join(', ')}`) : sql``;
  // The HAVING names the expression: an alias would be read as the pair tables' own column.
  return sql`select ${sql.raw(select)} from (${rows}) r where ${sql.join(conditions, sql` and `)}${groupBy} having ${sql.raw(counted(t, spec.filters))} > 0`;
}

/** countQuery run: its rows, as numbers keyed by the spec's keys. */
export function countRows<T extends Record<string, unknown>>(db: Db, spec: CountSpec): T[] {
  return db.all<T>(countQuery(spec));
}
