// Keeping report_counts (db/schema.ts) equal to what the raw report queries would count. Triggers
// (migration 0006) mark the (group, day) buckets a write touches in report_rollup_dirty, in the
// writing transaction; refreshRollups recomputes the months those days fall in from the raw tables,
// then the years and whole-body rows that add those months up. The writers (storeListing,
// reresolveAll) call it before they commit; a reader finding marks left by any other writer (a script,
// an older process) calls it before using the counts.
//
// The same SQL also counts any set of contributions into a table of the same shape: the reports use
// that (countDays) for the days at the edges of a date range that do not fill a month.
import type { Db } from './client.js';

/** Every source row of the contributions `where` selects, with what the dimensions group by. */
const SOURCE_ROWS = `
  select c.id as cid, c.body_id, c.group_id, coalesce(substr(c.date, 1, 7), '') as period, c.date as day,
    coalesce(c.meeting_id, 0) as meeting_id, c.outcome,
    case when c.outcome in ('withdrawn', 'superseded') then c.outcome else 'other' end as outcome3,
    coalesce(s.parent_id, 0) as parent_id, s.organization_id, s.share,
    p.country as pcountry, coalesce(e.country, p.country) as ecountry, coalesce(p.kind, 'unknown') as kind
  from contributions c
  join contribution_sources s on s.contribution_id = c.id
  left join organizations p on p.id = s.parent_id
  left join organizations e on e.id = s.organization_id`;

export const COLUMNS =
  'dim, level, grain, s, a, group_id, body_id, period, b, meeting_id, outcome, contributions, fractional, sources, resolved, first_day, last_day';

/**
 * A GROUP BY list without the constants ('' and 0 stand for "not kept"; SQLite reads a bare 0 as a
 * column number). The lists follow report_counts' key order, so that rows arrive in key order and a
 * full rebuild appends to the table's B-tree instead of splitting pages all over it.
 */
const keys = (...expressions: string[]) => expressions.filter((e) => e !== "''" && e !== '0').join(', ');

interface DimensionSpec {
  dim: string;
  s?: string;
  a?: string;
  b?: string;
  where?: string;
  /** The outcome column: the full outcome, or 'outcome3' where only withdrawn/superseded matter. */
  outcome?: 'outcome' | 'outcome3';
  /** Per meeting (the `meeting:` dimensions). */
  meeting?: boolean;
  resolved?: string;
  /** Per day (grain 'd', period YYYY-MM-DD) instead of per month. */
  byDay?: boolean;
}

/**
 * One dimension's rows from the source rows in `sources`, at the group level with `grain`.
 * `count(distinct cid)` is what makes full counting right: a contribution with two sources of one
 * parent (Huawei, HiSilicon) or one country counts once for it, as the reports' count(distinct id).
 */
function dimensionRows(sources: string, grain: string, d: DimensionSpec): string {
  const s = d.s ?? "''";
  const a = d.a ?? '0';
  const b = d.b ?? '0';
  const meeting = d.meeting ? 'meeting_id' : '0';
  const outcome = d.outcome ?? 'outcome';
  const period = d.byDay ? 'day' : 'period';
  return `select '${d.dim}', 'g', ${d.byDay ? "'d'" : grain}, ${s}, ${a}, group_id, body_id, ${period}, ${b}, ${meeting}, ${outcome},
      count(distinct cid), sum(share), count(*), ${d.resolved ?? '0'}, min(day), max(day)
    from ${sources} where (${d.where ?? '1 = 1'})${d.byDay ? ' and day is not null' : ''}
    group by ${keys(s, a, 'group_id', 'body_id', period, b, meeting, outcome)}`;
}

/**
 * Co-source pairs: the subject's side against every parent named on the same contribution, itself
 * included. CROSS JOIN keeps the bucket's source rows the outer loop (each then finds its
 * contribution's sources by key); the planner otherwise may walk every source row of the database.
 */
function pairRows(sources: string, grain: string, dim: string, subject: { s?: string; a?: string }, where: string): string {
  const s = subject.s ?? "''";
  const a = subject.a ?? '0';
  return `select '${dim}', 'g', ${grain}, ${s}, ${a}, x.group_id, x.body_id, x.period, y.parent_id, 0, x.outcome3,
      count(distinct x.cid), 0, 0, 0, min(x.day), max(x.day)
    from ${sources} x cross join contribution_sources y on y.contribution_id = x.cid
    where ${where} and y.parent_id is not null
    group by ${keys(s, a, 'x.group_id', 'x.body_id', 'x.period', 'y.parent_id', 'x.outcome3')}`;
}

const SUBJECT_DIMENSIONS: DimensionSpec[] = [
  { dim: 'parent', a: 'parent_id', resolved: 'sum(organization_id is not null)' },
  { dim: 'country:parent', s: 'pcountry', where: 'parent_id <> 0 and pcountry is not null' },
  { dim: 'country:entity', s: 'ecountry', where: 'parent_id <> 0 and ecountry is not null' },
];

interface DimensionSelect {
  dim: string;
  select: string;
}

function dimensionsFrom(sources: string, grain: string): DimensionSelect[] {
  const named = (select: string) => ({ dim: /^select '([^']+)'/.exec(select.trim())![1]!, select });
  return [
    ...SUBJECT_DIMENSIONS.map((d) => dimensionRows(sources, grain, d)),
    ...SUBJECT_DIMENSIONS.map((d) => dimensionRows(sources, grain, { ...d, dim: `meeting:${d.dim}`, meeting: true, outcome: 'outcome3' })),
    // The shares over time give the sources counting for no country (unresolved, or a parent without one) their own series.
    dimensionRows(sources, grain, { dim: 'no-country:parent', where: 'parent_id = 0 or pcountry is null', outcome: 'outcome3' }),
    dimensionRows(sources, grain, { dim: 'no-country:entity', where: 'parent_id = 0 or ecountry is null', outcome: 'outcome3' }),
    dimensionRows(sources, grain, { dim: 'parent-country:parent', s: 'pcountry', a: 'parent_id', where: 'parent_id <> 0 and pcountry is not null' }),
    dimensionRows(sources, grain, { dim: 'parent-country:entity', s: 'ecountry', a: 'parent_id', where: 'parent_id <> 0 and ecountry is not null' }),
    dimensionRows(sources, grain, { dim: 'kind', s: 'kind', outcome: 'outcome3' }),
    dimensionRows(sources, grain, { dim: 'entity', a: 'parent_id', b: 'organization_id', where: 'parent_id <> 0 and organization_id is not null', outcome: 'outcome3' }),
    pairRows(sources, grain, 'co:parent', { a: 'x.parent_id' }, 'x.parent_id <> 0'),
    pairRows(sources, grain, 'co:country:parent', { s: 'x.pcountry' }, 'x.parent_id <> 0 and x.pcountry is not null'),
    pairRows(sources, grain, 'co:country:entity', { s: 'x.ecountry' }, 'x.parent_id <> 0 and x.ecountry is not null'),
  ].map(named);
}

/**
 * The dimensions the weekly digest reads (everyone, parents, countries on the parent basis) are also
 * kept per day, at the group level: a week is seven days of rows instead of a count of the raw
 * tables (grain 'd'; read only for the edge days of a range).
 */
export const DAY_DIMENSIONS = ['all', 'parent', 'country:parent'];

function dayRowsFrom(sources: string, contributionsWhere: string): string[] {
  return [
    `select 'all', 'g', 'd', '', 0, c.group_id, c.body_id, c.date, 0, 0, c.outcome, count(*), 0, 0, 0, min(c.date), max(c.date)
      from contributions c where (${contributionsWhere}) and c.date is not null
      group by c.group_id, c.body_id, c.date, c.outcome`,
    ...SUBJECT_DIMENSIONS.filter((d) => DAY_DIMENSIONS.includes(d.dim)).map((d) => dimensionRows(sources, "'d'", { ...d, byDay: true })),
  ];
}

/** The `all` dimension (every contribution, with or without sources), per group, and per meeting. */
function allRows(contributionsWhere: string, grain: string): DimensionSelect[] {
  const period = "coalesce(substr(c.date, 1, 7), '')";
  return [false, true].map((meeting) => {
    const m = meeting ? 'coalesce(c.meeting_id, 0)' : '0';
    const outcome = meeting ? "case when c.outcome in ('withdrawn', 'superseded') then c.outcome else 'other' end" : 'c.outcome';
    const dim = meeting ? 'meeting:all' : 'all';
    return {
      dim,
      select: `select '${dim}', 'g', ${grain.replaceAll('period', period)}, '', 0, c.group_id, c.body_id, ${period}, 0, ${m}, ${outcome},
          count(*), 0, 0, 0, min(c.date), max(c.date)
        from contributions c where ${contributionsWhere}
        group by ${keys('c.group_id', 'c.body_id', period, m, outcome)}`,
    };
  });
}

interface CountOptions {
  /** The grain of the rows (an SQL expression over the source rows' `period`): by default months, undated as 'y'. */
  grain?: string;
  /** Only this dimension. */
  only?: string;
  /** The source rows of the same contributions are still in temp.report_counts_sources. */
  reuseSources?: boolean;
  /** Also the day rows of DAY_DIMENSIONS. */
  days?: boolean;
}

/**
 * Counts the contributions `contributionsWhere` selects (a condition on `contributions c`) into
 * `target`, at the group level, one row per month (undated: grain 'y', period '') — or all with
 * `grain` as given.
 */
function countInto(db: Db, target: string, contributionsWhere: string, options: CountOptions = {}): void {
  const { grain = "case when period = '' then 'y' else 'm' end", only, reuseSources = false, days = false } = options;
  const sqlite = db.$client;
  const sources = 'temp.report_counts_sources';
  const wanted = (d: DimensionSelect) => only === undefined || d.dim === only;
  for (const { select } of allRows(contributionsWhere, grain).filter(wanted)) sqlite.exec(`insert into ${target} (${COLUMNS}) ${select}`);
  const fromSources = dimensionsFrom(sources, grain).filter(wanted);
  if (fromSources.length === 0) return;
  // One dimension at a time (edge days): the caller may say the source rows of the same days are
  // still there from the dimension before.
  if (!reuseSources) {
    sqlite.exec(`create temp table if not exists report_counts_sources as ${SOURCE_ROWS} where 0`);
    sqlite.exec(`delete from ${sources}`);
    sqlite.exec(`insert into ${sources} ${SOURCE_ROWS} where ${contributionsWhere}`);
  }
  for (const { select } of fromSources) sqlite.exec(`insert into ${target} (${COLUMNS}) ${select}`);
  if (days) for (const select of dayRowsFrom(sources, contributionsWhere)) sqlite.exec(`insert into ${target} (${COLUMNS}) ${select}`);
  if (only === undefined) sqlite.exec(`delete from ${sources}`);
}

const SUMS = 'sum(contributions), sum(fractional), sum(sources), sum(resolved), min(first_day), max(last_day)';

/** The report_counts rows (`r`) each added-up level is made from: all of them, or a join naming the buckets. */
interface AddUpSources {
  groupYears: string;
  bodyYears: string;
}

/**
 * The years of the group level and of the body level, added up from the group-level months (and
 * undated rows) that `from` selects.
 */
function addUp(db: Db, from: AddUpSources): void {
  const sqlite = db.$client;
  const SUMS_R = SUMS.replaceAll('(', '(r.');
  sqlite.exec(`insert into report_counts (${COLUMNS})
    select r.dim, 'g', 'y', r.s, r.a, r.group_id, r.body_id, substr(r.period, 1, 4), r.b, r.meeting_id, r.outcome, ${SUMS_R}
    ${from.groupYears} and r.level = 'g' and r.grain = 'm'
    group by r.dim, r.s, r.a, r.group_id, r.body_id, substr(r.period, 1, 4), r.b, r.meeting_id, r.outcome`);
  // A meeting is one group's: the meeting dimensions need no body level. Body months are not kept:
  // a report reads months only for the part of a range that is not whole years (the group months).
  sqlite.exec(`insert into report_counts (${COLUMNS})
    select r.dim, 'b', 'y', r.s, r.a, 0, r.body_id, r.period, r.b, 0, r.outcome, ${SUMS_R}
    ${from.bodyYears} and r.level = 'g' and r.grain = 'y' and r.dim not like 'meeting:%'
    group by r.dim, r.s, r.a, r.body_id, r.period, r.b, r.outcome`);
}

/**
 * Everything from scratch (a new database, an organization's country or kind changed). The
 * indexes are dropped and made again after, and the page cache raised for the while: at 2 M
 * contributions the rebuild writes millions of rows, and with the default cache every page it spills
 * is written to the WAL again and again.
 */
function rebuildAll(db: Db): void {
  const sqlite = db.$client;
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -1048576');
  try {
    sqlite.exec('drop index if exists report_counts_bucket');
    sqlite.exec('drop index if exists report_counts_period');
    sqlite.exec('drop index if exists report_counts_days');
    sqlite.exec('delete from report_counts');
    countInto(db, 'report_counts', '1 = 1', { days: true });
    const everything = 'from report_counts r where 1 = 1';
    addUp(db, { groupYears: everything, bodyYears: everything });
    sqlite.exec('create index report_counts_bucket on report_counts (group_id, period, body_id)');
    sqlite.exec('create index report_counts_period on report_counts (dim, grain, period)');
    // As migration 0011 makes it.
    sqlite.exec(`create index report_counts_days on report_counts (dim, period, level, s, a, group_id, body_id, b, meeting_id, outcome,
      contributions, fractional, sources, resolved, first_day, last_day) where grain = 'd'`);
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

/** Recomputes the months (and undated buckets) of the marked days, then what adds them up. */
function rebuildMarked(db: Db): void {
  const sqlite = db.$client;
  sqlite.exec(`create temp table if not exists report_counts_months (group_id integer, body_id text, period text, year text)`);
  sqlite.exec('delete from temp.report_counts_months');
  sqlite.exec(`insert into temp.report_counts_months
    select distinct d.group_id, g.body_id, substr(d.day, 1, 7), substr(d.day, 1, 4)
    from report_rollup_dirty d join groups g on g.id = d.group_id`);
  const months = 'temp.report_counts_months';
  // The group-level months and undated rows of the marked buckets, and everything that adds them up.
  sqlite.exec(`delete from report_counts where group_id <> 0 and (group_id, period) in (select group_id, period from ${months})`);
  sqlite.exec(`delete from report_counts where group_id <> 0 and (group_id, period) in (select group_id, year from ${months} where year <> '')`);
  sqlite.exec(`delete from report_counts where group_id = 0 and (period, body_id) in (select period, body_id from ${months})`);
  // The day rows of the marked months: a range of the bucket index per month.
  const deleteDays = sqlite.prepare(`delete from report_counts where group_id = ? and period between ? and ? and grain = 'd'`);
  for (const m of sqlite.prepare(`select group_id, period from ${months} where period <> ''`).all() as { group_id: number; period: string }[]) {
    deleteDays.run(m.group_id, `${m.period}-01`, `${m.period}-31`);
  }
  sqlite.exec(`delete from report_counts where group_id = 0 and (period, body_id) in (select year, body_id from ${months} where year <> '')`);
  countInto(
    db,
    'report_counts',
    `c.id in (
      select c2.id from ${months} m join contributions c2 on c2.group_id = m.group_id and c2.date between m.period || '-01' and m.period || '-31' where m.period <> ''
      union all
      select c2.id from ${months} m join contributions c2 on c2.group_id = m.group_id and c2.date is null where m.period = '')`,
    { days: true },
  );
  // Joined on the bucket index (group, period): the marked buckets' rows, not a scan of the table.
  addUp(db, {
    groupYears: `from (select distinct group_id, year from ${months} where year <> '') k
      join report_counts r on r.group_id = k.group_id and r.period between k.year || '-01' and k.year || '-12' where 1 = 1`,
    bodyYears: `from (select distinct body_id, year from ${months}) k
      join groups g on g.body_id = k.body_id join report_counts r on r.group_id = g.id and r.period = k.year where 1 = 1`,
  });
  sqlite.exec(`delete from ${months}`);
}

/** Whether writes have left buckets to recompute. */
export function rollupsStale(db: Db): boolean {
  return db.$client.prepare('select exists (select 1 from report_rollup_dirty) as stale').pluck().get() === 1;
}

/**
 * Recomputes the marked buckets (everything when an organization's country or kind changed), in a
 * transaction of its own or as a savepoint of the caller's. Returns how many buckets were marked.
 */
export function refreshRollups(db: Db): number {
  const sqlite = db.$client;
  const marked = sqlite.prepare('select count(*) from report_rollup_dirty').pluck().get() as number;
  if (marked === 0) return 0;
  sqlite.transaction(() => {
    const everything = sqlite.prepare('select exists (select 1 from report_rollup_dirty where group_id = -1)').pluck().get() === 1;
    if (everything) rebuildAll(db);
    else rebuildMarked(db);
    sqlite.exec('delete from report_rollup_dirty');
  })();
  return marked;
}

/**
 * Counts dimension `dim` of the contributions dated within [first, last] into `target` (a temp table
 * of report_counts' columns plus `edge`, the range's key), at the group level with grain 'e'. The
 * reports add these to the months and years that a date range fills whole; one dimension at a time,
 * because a report reads a few of them and the co-source pairs cost most. `reuseSources`: the source
 * rows of these days are still in temp.report_counts_sources from the previous call (nothing written
 * since), so they are not read again.
 */
export function countDays(db: Db, target: string, key: string, first: string, last: string, dim: string, reuseSources = false): void {
  const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;
  countInto(db, target, `c.date between ${literal(first)} and ${literal(last)}`, { grain: "'e'", only: dim, reuseSources });
  db.$client.exec(`update ${target} set edge = ${literal(key)} where edge is null`);
}
