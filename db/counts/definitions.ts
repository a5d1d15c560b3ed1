// What the report counts count: the tables counts_* (db/schema.ts) and, for each, the one definition
// of its rows in SQL over the contributions and their source rows.
//
// A contribution counts in a bucket (its group's month, with its meeting, and its group's year), for
// every contribution ('' topic) and for each topic it is in, once for each subject of a table: each
// country, parent, organization, kind… among its sources (full counting), with its sources' shares
// (fractional counting). These definitions are used three ways: the writers keep the rows in step
// (upkeep.ts), a rebuild makes them all (upkeep.ts), and a report counts on the spot what the kept
// rows do not hold (read.ts: the days at the edges of a date range). The fingerprint of their SQL
// (countDefinitions) tells a database counted by an older stdwatch.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { topicsFingerprint } from '../../domain/topics.js';

export type CountTableName = 'everyone' | 'country' | 'parent' | 'entity' | 'kind' | 'coParents' | 'coCountries';

/**
 * Where the counted rows come from: `sources`, one row per source and topic (every contribution's
 * sources under topic '', again under each topic it is in), and `contributions`, one row per
 * contribution and topic with its sources' shares and number. Subqueries when a report counts on the
 * spot; temporary tables when writers count the contributions they change.
 */
export interface CountedRows {
  sources: SQL;
  contributions: SQL;
  /** Only this basis's rows of the tables kept per basis (a report reads one; the writers keep both). */
  basis?: 'parent' | 'entity';
}

export interface CountTable {
  table: string;
  /** The subject's key columns, after the topic, in the table's key order. */
  keys: string[];
  /** Tables kept per basis: one row set for each, the basis a key column. */
  basis: boolean;
  /** Pairs (co-sources): three measures, year rows only. */
  pairs: boolean;
  /**
   * Day rows, kept for what the weekly digest reads (every contribution, the parent basis): a week, and
   * the days at the edges of any date range, are then read, not counted on the spot.
   */
  days: boolean;
  /**
   * The table's rows per contribution and topic (one per subject: the full count's unit). Columns:
   * contribution_id, topic, group_id, meeting_id, month, day, outcome, the keys, then share and sources
   * (not for pairs).
   */
  perContribution: (rows: CountedRows) => SQL;
}

const BUCKET = 'contribution_id, topic, group_id, meeting_id, month, day, outcome';

/** Per contribution, topic and subject: the shares and the number of its sources of that subject. */
function bySubject(rows: CountedRows, keys: string, filter = 'true'): SQL {
  const groupBy = keys.replace(/ as \w+/g, '');
  return sql`select ${sql.raw(BUCKET)}, ${sql.raw(keys)}, sum(share) as share, count(*) as sources
    from ${rows.sources} where ${sql.raw(filter)} group by contribution_id, topic, ${sql.raw(groupBy)}`;
}

function onBothBases(rows: CountedRows, parentKeys: string, entityKeys: string): SQL {
  const parent = bySubject(rows, `'parent' as basis, ${parentKeys}`);
  const entity = bySubject(rows, `'entity' as basis, ${entityKeys}`);
  if (rows.basis) return rows.basis === 'parent' ? parent : entity;
  return sql`${parent} union all ${entity}`;
}

export const COUNT_TABLES: Record<CountTableName, CountTable> = {
  everyone: {
    table: 'counts_of_everyone',
    keys: [],
    basis: false,
    pairs: false,
    days: true,
    perContribution: (rows) => sql`select ${sql.raw(BUCKET)}, share, sources from ${rows.contributions}`,
  },
  country: {
    table: 'counts_by_country',
    keys: ['basis', 'country'],
    basis: true,
    pairs: false,
    days: true,
    perContribution: (rows) => onBothBases(rows, 'parent_country as country', 'entity_country as country'),
  },
  parent: {
    table: 'counts_by_parent',
    keys: ['basis', 'country', 'parent_id'],
    basis: true,
    pairs: false,
    days: true,
    perContribution: (rows) => onBothBases(rows, 'parent_country as country, parent_id', 'entity_country as country, parent_id'),
  },
  entity: {
    table: 'counts_by_entity',
    keys: ['parent_id', 'organization_id'],
    basis: false,
    pairs: false,
    days: false,
    perContribution: (rows) => bySubject(rows, 'parent_id, organization_id', 'organization_id is not null'),
  },
  kind: {
    table: 'counts_by_kind',
    keys: ['kind'],
    basis: false,
    pairs: false,
    days: false,
    perContribution: (rows) => bySubject(rows, 'parent_kind as kind'),
  },
  coParents: {
    table: 'counts_of_co_parents',
    keys: ['parent_id', 'co_parent_id'],
    basis: false,
    pairs: true,
    days: false,
    // Every other parent named on the same contribution.
    perContribution: (rows) => sql`with parents as (select distinct ${sql.raw(BUCKET)}, parent_id from ${rows.sources} where parent_id <> 0)
      select x.contribution_id, x.topic, x.group_id, x.meeting_id, x.month, x.day, x.outcome, x.parent_id, y.parent_id as co_parent_id
      from parents x join parents y on y.contribution_id = x.contribution_id and y.topic = x.topic and y.parent_id <> x.parent_id`,
  },
  coCountries: {
    table: 'counts_of_co_countries',
    keys: ['basis', 'country', 'co_parent_id'],
    basis: true,
    pairs: true,
    days: false,
    // Every parent of another country (its own, whatever the basis) named beside a source of the country.
    perContribution: (rows) => sql`with
      subjects as (${sql.join(
        (['parent', 'entity'] as const)
          .filter((basis) => !rows.basis || rows.basis === basis)
          .map((basis) => sql`select distinct ${sql.raw(BUCKET)}, ${sql.raw(`'${basis}'`)} as basis, ${sql.raw(basis)}_country as country
            from ${rows.sources} where parent_id <> 0 and ${sql.raw(basis)}_country <> ''`),
        sql` union `,
      )}),
      parents as (select distinct contribution_id, topic, parent_id, parent_country from ${rows.sources} where parent_id <> 0)
      select s.contribution_id, s.topic, s.group_id, s.meeting_id, s.month, s.day, s.outcome, s.basis, s.country, p.parent_id as co_parent_id
      from subjects s join parents p on p.contribution_id = s.contribution_id and p.topic = s.topic and p.parent_country <> s.country`,
  },
};

export const COUNT_TABLE_NAMES = Object.keys(COUNT_TABLES) as CountTableName[];

export const MEASURES = [
  'accepted', 'noted', 'not_handled', 'pending', 'withdrawn', 'superseded',
  'fractional', 'withdrawn_fractional', 'superseded_fractional', 'sources', 'withdrawn_sources', 'superseded_sources',
] as const;
export const PAIR_MEASURES = ['contributions', 'withdrawn', 'superseded'] as const;

export const measuresOf = (t: CountTable) => (t.pairs ? PAIR_MEASURES : MEASURES);

/** A table's columns in key order: level, topic, the subject's keys, the bucket, the measures. */
export const columnsOf = (t: CountTable) => ['level', 'topic', ...t.keys, 'group_id', 'period', 'meeting_id', ...measuresOf(t)];

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

const keyList = (t: CountTable) => ['topic', ...t.keys].map((k) => `${k}, `).join('');

/**
 * Month rows (per meeting) of the counted rows, in the table's column order; `subject`, a condition on
 * the per-contribution rows' keys (`r.country`, `r.parent_id`, …), keeps only a report's subject.
 */
export function monthRows(t: CountTable, rows: CountedRows, sign = 1, subject: SQL = sql`true`): SQL {
  const k = keyList(t);
  return sql`select 'month' as level, ${sql.raw(k)}group_id, month as period, meeting_id, ${sql.raw(sums(t, sign))}
    from (${t.perContribution(rows)}) r where ${subject} group by ${sql.raw(k)}group_id, month, meeting_id`;
}

/**
 * Day rows of the counted rows, for the tables that keep them: every contribution ('' topic), on the
 * parent basis, per group (no meeting), dated ones only.
 */
export function dayRows(t: CountTable, rows: CountedRows, sign = 1, subject: SQL = sql`true`): SQL {
  const k = keyList(t);
  const basis = t.basis ? sql`and r.basis = 'parent'` : sql``;
  return sql`select 'day' as level, ${sql.raw(k)}group_id, day as period, 0 as meeting_id, ${sql.raw(sums(t, sign))}
    from (${t.perContribution(rows)}) r where r.topic = '' ${basis} and r.day is not null and ${subject}
    group by ${sql.raw(k)}group_id, day`;
}

/** Year rows of the counted rows. */
export function yearRows(t: CountTable, rows: CountedRows, sign = 1): SQL {
  const k = keyList(t);
  return sql`select 'year' as level, ${sql.raw(k)}group_id, substr(month, 1, 4) as period, 0 as meeting_id, ${sql.raw(sums(t, sign))}
    from (${t.perContribution(rows)}) group by ${sql.raw(k)}group_id, substr(month, 1, 4)`;
}

const CONTRIBUTION = `contributions.id as contribution_id, contributions.group_id as group_id,
  coalesce(contributions.meeting_id, 0) as meeting_id, coalesce(substr(contributions.date, 1, 7), '') as month,
  contributions.date as day, contributions.outcome as outcome`;

const SOURCE = `coalesce(s.parent_id, 0) as parent_id, s.organization_id as organization_id, s.share as share,
  coalesce(s.parent_country, '') as parent_country, coalesce(s.entity_country, '') as entity_country,
  coalesce(s.parent_kind, 'unknown') as parent_kind`;

/**
 * The counted rows of the contributions `where` selects (a condition on `contributions` joined with
 * `groups`): under every topic (`topic` undefined: '' and each topic a contribution is in, as the
 * writers keep them), or under one ('' for every contribution, else a topic's contributions only).
 * The country and kind columns are contribution_sources' own, derived from the registry when the
 * source was resolved: a registry change rewrites them, and the counts with them.
 */
export function countedRows(where: SQL, topic?: string): CountedRows {
  const from = sql`from contributions join groups on groups.id = contributions.group_id`;
  const sources = sql`join contribution_sources s on s.contribution_id = contributions.id`;
  const perContribution = sql.raw(`coalesce((select sum(share) from contribution_sources s where s.contribution_id = contributions.id), 0) as share,
    (select count(*) from contribution_sources s where s.contribution_id = contributions.id) as sources`);
  if (topic === undefined) {
    const topics = sql`join contribution_topics t on t.contribution_id = contributions.id`;
    return {
      sources: sql`(select ${sql.raw(CONTRIBUTION)}, '' as topic, ${sql.raw(SOURCE)} ${from} ${sources} where ${where}
        union all select ${sql.raw(CONTRIBUTION)}, t.topic as topic, ${sql.raw(SOURCE)} ${from} ${topics} ${sources} where ${where})`,
      contributions: sql`(select ${sql.raw(CONTRIBUTION)}, '' as topic, ${perContribution} ${from} where ${where}
        union all select ${sql.raw(CONTRIBUTION)}, t.topic as topic, ${perContribution} ${from} ${topics} where ${where})`,
    };
  }
  const inTopic = topic === '' ? sql`true` : sql`contributions.id in (select contribution_id from contribution_topics where topic = ${topic})`;
  return {
    sources: sql`(select ${sql.raw(CONTRIBUTION)}, ${topic} as topic, ${sql.raw(SOURCE)} ${from} ${sources} where ${where} and ${inTopic})`,
    contributions: sql`(select ${sql.raw(CONTRIBUTION)}, ${topic} as topic, ${perContribution} ${from} where ${where} and ${inTopic})`,
  };
}

/**
 * A fingerprint of the definitions: the SQL every table is counted with, and the topics. A database
 * whose counts were made with other definitions (an older stdwatch, an edited topics file) has them
 * made again when it is opened.
 */
export function countDefinitions(): string {
  const dialect = new SQLiteSyncDialect();
  const rows = countedRows(sql`true`);
  const text = Object.values(COUNT_TABLES)
    .map((t) => dialect.sqlToQuery(sql`${monthRows(t, rows)} ${yearRows(t, rows)} ${t.days ? dayRows(t, rows) : sql``}`).sql)
    .join('\n');
  return createHash('sha256').update(text).update(topicsFingerprint()).digest('hex').slice(0, 16);
}
