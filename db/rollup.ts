// Keeping report_rollup (db/schema.ts) equal to what the raw report queries would count. Triggers
// (migration 0005) mark the (group, day) buckets a write touches in report_rollup_dirty, in the
// writing transaction; refreshRollups recomputes exactly those buckets from the raw tables. The
// writers (storeListing, reresolveAll) call it before they commit; a reader finding marks left by any
// other writer (a script, an older process) calls it before using the rollup.
import type { Db } from './client.js';

/** Every source row of the contributions `where` selects, with the countries and kind it counts for. */
const SOURCE_ROWS = `
  select c.id as cid, c.body_id, c.group_id, c.date as day, c.meeting_id, c.outcome,
    s.parent_id, s.organization_id, s.share,
    p.country as pcountry, coalesce(e.country, p.country) as ecountry, coalesce(p.kind, 'unknown') as kind
  from contributions c
  join contribution_sources s on s.contribution_id = c.id
  left join organizations p on p.id = s.parent_id
  left join organizations e on e.id = s.organization_id`;

const COLUMNS = 'dim, body_id, group_id, day, meeting_id, outcome, a, b, country, kind, contributions, fractional, sources, resolved';
const BUCKET = 'body_id, group_id, day, meeting_id, outcome';
const S = 'temp.report_rollup_sources';

/**
 * The rows of each dimension from the source rows in S. `count(distinct cid)` is what makes full
 * counting right: a contribution with two sources of one parent (Huawei, HiSilicon) or one country
 * counts once for it, exactly as the reports' count(distinct contributions.id).
 */
const FROM_SOURCES = [
  `select 'parent', ${BUCKET}, parent_id, null, null, null, count(distinct cid), sum(share), count(*), sum(organization_id is not null)
     from ${S} group by ${BUCKET}, parent_id`,
  `select 'country:parent', ${BUCKET}, null, null, pcountry, null, count(distinct cid), sum(share), count(*), 0
     from ${S} where parent_id is not null and pcountry is not null group by ${BUCKET}, pcountry`,
  `select 'country:entity', ${BUCKET}, null, null, ecountry, null, count(distinct cid), sum(share), count(*), 0
     from ${S} where parent_id is not null and ecountry is not null group by ${BUCKET}, ecountry`,
  `select 'parent-country:entity', ${BUCKET}, parent_id, null, ecountry, null, count(distinct cid), sum(share), count(*), 0
     from ${S} where parent_id is not null and ecountry is not null group by ${BUCKET}, parent_id, ecountry`,
  `select 'kind', ${BUCKET}, null, null, null, kind, count(distinct cid), sum(share), count(*), 0
     from ${S} group by ${BUCKET}, kind`,
  `select 'entity', ${BUCKET}, parent_id, organization_id, null, null, count(distinct cid), sum(share), count(*), 0
     from ${S} where parent_id is not null and organization_id is not null group by ${BUCKET}, parent_id, organization_id`,
  // Co-source pairs: the subject's side (a parent, or a country on either basis) against every parent
  // named on the same contribution, itself included (the reports leave the subject out when asked).
  `select 'co:parent', x.body_id, x.group_id, x.day, x.meeting_id, x.outcome, x.parent_id, y.parent_id, null, null, count(distinct x.cid), 0, 0, 0
     from ${S} x join contribution_sources y on y.contribution_id = x.cid
     where x.parent_id is not null and y.parent_id is not null
     group by x.body_id, x.group_id, x.day, x.meeting_id, x.outcome, x.parent_id, y.parent_id`,
  `select 'co:country:parent', x.body_id, x.group_id, x.day, x.meeting_id, x.outcome, null, y.parent_id, x.pcountry, null, count(distinct x.cid), 0, 0, 0
     from ${S} x join contribution_sources y on y.contribution_id = x.cid
     where x.parent_id is not null and x.pcountry is not null and y.parent_id is not null
     group by x.body_id, x.group_id, x.day, x.meeting_id, x.outcome, x.pcountry, y.parent_id`,
  `select 'co:country:entity', x.body_id, x.group_id, x.day, x.meeting_id, x.outcome, null, y.parent_id, x.ecountry, null, count(distinct x.cid), 0, 0, 0
     from ${S} x join contribution_sources y on y.contribution_id = x.cid
     where x.parent_id is not null and x.ecountry is not null and y.parent_id is not null
     group by x.body_id, x.group_id, x.day, x.meeting_id, x.outcome, x.ecountry, y.parent_id`,
];

/** The contributions of the marked buckets (a dated bucket, or a group's undated contributions). */
const DIRTY_CONTRIBUTIONS = `c.id in (
  select c2.id from report_rollup_dirty d join contributions c2 on c2.group_id = d.group_id and c2.date = d.day
  union all
  select c2.id from report_rollup_dirty d join contributions c2 on c2.group_id = d.group_id and c2.date is null where d.day = '')`;

const DIRTY_ROWS = `rowid in (
  select r.rowid from report_rollup_dirty d join report_rollup r on r.group_id = d.group_id and r.day = d.day
  union all
  select r.rowid from report_rollup_dirty d join report_rollup r on r.group_id = d.group_id and r.day is null where d.day = '')`;

function rebuild(db: Db, contributionsWhere: string, rowsWhere: string): void {
  const sqlite = db.$client;
  sqlite.exec(`create temp table if not exists report_rollup_sources as ${SOURCE_ROWS} where 0`);
  sqlite.exec(`delete from ${S}`);
  sqlite.exec(`delete from report_rollup where ${rowsWhere}`);
  sqlite.exec(`insert into ${S} ${SOURCE_ROWS} where ${contributionsWhere}`);
  sqlite.exec(`insert into report_rollup (${COLUMNS})
    select 'all', c.body_id, c.group_id, c.date, c.meeting_id, c.outcome, null, null, null, null, count(*), 0, 0, 0
    from contributions c where ${contributionsWhere} group by c.body_id, c.group_id, c.date, c.meeting_id, c.outcome`);
  for (const select of FROM_SOURCES) sqlite.exec(`insert into report_rollup (${COLUMNS}) ${select}`);
  sqlite.exec(`delete from ${S}`);
  sqlite.exec('delete from report_rollup_dirty');
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
    if (everything) rebuild(db, '1 = 1', '1 = 1');
    else rebuild(db, DIRTY_CONTRIBUTIONS, DIRTY_ROWS);
  })();
  return marked;
}
