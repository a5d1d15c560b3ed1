// The slow reference for the report counts (db/counts/): the same question — a CountSpec — answered
// by one plain GROUP BY over the raw contributions and their sources, with count(distinct) for full
// counting. No kept rows, no levels, no edges: what countQuery must equal, whatever parts it reads.
// For the tests only (the product counts one way, through db/counts/).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { CountKey, CountSpec } from '../../db/counts/read.js';
import { topicCondition } from '../../db/topics.js';

const KEYS: Record<CountKey, string> = {
  group: 'r.group_id',
  meeting: 'r.meeting_id',
  year: 'substr(r.date, 1, 4)',
  quarter: "substr(r.date, 1, 4) || '-Q' || ((cast(substr(r.date, 6, 2) as integer) + 2) / 3)",
  month: 'substr(r.date, 1, 7)',
  country: 'r.country',
  parent: 'r.parent_id',
  organization: 'r.organization_id',
  kind: 'r.kind',
  partner: 'r.partner',
  coParent: 'r.co_parent_id',
};

/** One row per source (per contribution for `everyone`, per pair for the co-source tables), with every key a spec can name. */
function sourceRows(spec: CountSpec): SQL {
  const base = sql.raw(`c.id as contribution_id, c.group_id, coalesce(c.meeting_id, 0) as meeting_id, c.date, c.outcome`);
  const basis = spec.filters.basis ?? 'parent';
  const country = (alias: string) => sql.raw(basis === 'entity' ? `coalesce(${alias}.entity_country, '')` : `coalesce(${alias}.parent_country, '')`);
  switch (spec.table) {
    case 'everyone':
      return sql`select ${base}, coalesce((select sum(share) from contribution_sources s where s.contribution_id = c.id), 0) as share,
        (select count(*) from contribution_sources s where s.contribution_id = c.id) as sources from contributions c`;
    case 'country':
    case 'parent':
    case 'entity':
    case 'kind':
    case 'partner':
    case 'parentPartner':
      return sql`select ${base}, s.share, 1 as sources, ${country('s')} as country, coalesce(s.parent_id, 0) as parent_id,
        s.organization_id, coalesce(s.parent_kind, 'unknown') as kind, coalesce(s.partner, '') as partner
        from contributions c join contribution_sources s on s.contribution_id = c.id
        ${spec.table === 'entity' ? sql`where s.organization_id is not null` : sql``}`;
    case 'coParents':
      return sql`select ${base}, x.parent_id, y.parent_id as co_parent_id
        from contributions c join contribution_sources x on x.contribution_id = c.id join contribution_sources y on y.contribution_id = c.id
        where x.parent_id is not null and y.parent_id is not null and x.parent_id <> y.parent_id`;
    case 'coCountries':
      return sql`select ${base}, ${country('x')} as country, y.parent_id as co_parent_id
        from contributions c join contribution_sources x on x.contribution_id = c.id join contribution_sources y on y.contribution_id = c.id
        where x.parent_id is not null and y.parent_id is not null and ${country('x')} <> '' and coalesce(y.parent_country, '') <> ${country('x')}`;
  }
}

/** The rows countQuery(spec) must give, counted the plain way. */
export function referenceCounts(db: Db, spec: CountSpec): Record<string, unknown>[] {
  const f = spec.filters;
  const where: SQL[] = [spec.subject ?? sql`true`];
  if (f.body) where.push(sql`r.contribution_id in (select id from contributions where body_id = ${f.body})`);
  if (f.group) where.push(sql`r.group_id in (select id from groups where code = ${f.group})`);
  if (f.groupIds) where.push(sql`r.group_id in (select value from json_each(${JSON.stringify(f.groupIds)}))`);
  if (f.from) where.push(sql`r.date >= ${f.from}`);
  if (f.to) where.push(sql`r.date <= ${f.to}`);
  if (spec.datedOnly) where.push(sql`r.date is not null`);
  if (f.withdrawn === 'exclude') where.push(sql`r.outcome <> 'withdrawn'`);
  if (f.revisions === 'collapse') where.push(sql`r.outcome <> 'superseded'`);
  // A topic by its definition (db/topics.ts), not by the topics kept for the counts.
  if (f.topic) where.push(sql`r.contribution_id in (select contributions.id from contributions join groups on groups.id = contributions.group_id where ${topicCondition(f.topic)})`);
  const keys = spec.by.map((k) => `${KEYS[k]} as "${k}"`);
  const pairs = spec.table === 'coParents' || spec.table === 'coCountries';
  const measures = pairs
    ? ['count(distinct r.contribution_id) as contributions']
    : [
        'count(distinct r.contribution_id) as contributions',
        'sum(r.share) as fractional',
        ...['accepted', 'noted', 'not-handled', 'pending', 'withdrawn', 'superseded'].map(
          (o) => `count(distinct case when r.outcome = '${o}' then r.contribution_id end) as "${o === 'not-handled' ? 'notHandled' : o}"`,
        ),
        'sum(r.sources) as sources',
      ];
  const groupBy = spec.by.length > 0 ? sql.raw(` group by ${spec.by.map((k) => KEYS[k]).join(', ')}`) : sql``;
  return db.all(sql`select ${sql.raw([...keys, ...measures].join(', '))} from (${sourceRows(spec)}) r
    where ${sql.join(where, sql` and `)}${groupBy} having count(*) > 0`);
}
