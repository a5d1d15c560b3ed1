// The filters only the record API has (`/api/contributions`): who is among the sources (organization,
// ultimate parent, country, kind, the parent's kind; all of them met by one and the same source) and what the body says of the document (status, type, meeting).
// Reports answer "how much, by whom" and take the shared filters (filters.ts); these pick records.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { whileUnchanged } from '../../db/cache.js';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { contributionSources, contributions, groups, meetings, organizations } from '../../db/schema.js';
import { isCountryCode } from '../../domain/resolve/countries.js';
import { NO_MEMBERSHIP, SEVERAL_PARTNERS, UNRESOLVED_PARTNER, organizationalPartner } from '../../domain/partners.js';
import { ORGANIZATION_KINDS } from '../../domain/types.js';
import { FilterError, type Filters } from './filters.js';
import { countryOnBasis } from './participation.js';
import { suggestion } from './suggest.js';

const slug = z.string().trim().toLowerCase().max(80).regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'an organization slug such as huawei or china-mobile');
const word = z.string().trim().min(1).max(60);

// organization, parent, country, kind, parentKind and partner are met by one and the same source when combined.
const ONE_SOURCE = '; combined with organization, parent, country, kind, parentKind or partner, one and the same source must meet them all';

/**
 * A source's partner as the membership basis counts it (domain/partners.ts): one partner (`ETSI`), a
 * combination (`CCSA+ETSI`, any order and case), or `several`, `none`, `unresolved`.
 */
const sourcePartner = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const lower = value.toLowerCase();
    if ([SEVERAL_PARTNERS, NO_MEMBERSHIP, UNRESOLVED_PARTNER].includes(lower)) return lower;
    // `+` in a typed address reads as a space: `CCSA+ETSI`, `CCSA ETSI` and `CCSA,ETSI` are one combination.
    const partners = value.split(/[+\s,]+/).map(organizationalPartner);
    if (partners.length === 0 || partners.some((p) => p === null) || new Set(partners).size !== partners.length) {
      ctx.addIssue({ code: 'custom', message: 'an Organizational Partner (ARIB, ATIS, CCSA, ETSI, TSDSI, TTA, TTC), several joined by + (CCSA+ETSI), or several, none, unresolved' });
      return z.NEVER;
    }
    return [...partners].sort().join('+');
  });

export const recordFiltersSchema = z.object({
  organization: slug.optional().meta({ description: `a source is this organization (slug, e.g. hisilicon)${ONE_SOURCE}` }),
  parent: slug.optional().meta({ description: `a source's ultimate parent is this organization (slug, e.g. huawei)${ONE_SOURCE}` }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCountryCode, 'an ISO 3166-1 alpha-2 code such as CN')
    .optional()
    .meta({ description: `a source counts for this country (ISO 3166-1 alpha-2, on the basis)${ONE_SOURCE}` }),
  kind: z.enum(ORGANIZATION_KINDS, { error: `must be one of ${ORGANIZATION_KINDS.join(', ')}` }).optional().meta({ description: `a source (the named entity) is of this kind; unknown: an unresolved source${ONE_SOURCE}` }),
  parentKind: z
    .enum(ORGANIZATION_KINDS, { error: `must be one of ${ORGANIZATION_KINDS.join(', ')}` })
    .optional()
    .meta({ description: `a source's ultimate parent is of this kind, as the overview's kinds table counts; unknown: a source with no parent${ONE_SOURCE}` }),
  partner: sourcePartner
    .optional()
    .meta({ description: `3GPP: the Organizational Partner a source takes part through, as the membership basis counts it: ETSI (that one alone), CCSA+ETSI (exactly those), several (any combination), none (no membership on record), unresolved${ONE_SOURCE}` }),
  status: word.toLowerCase().optional().meta({ description: "the body's own outcome word, e.g. agreed, noted" }),
  type: word.optional().meta({ description: 'the document type as published, e.g. CR, discussion' }),
  meeting: word.optional().meta({ description: 'the meeting, e.g. RAN#104' }),
  groups: z
    .string()
    .trim()
    .max(400)
    .regex(/^[A-Za-z0-9 .#/_-]+(,[A-Za-z0-9 .#/_-]+)*$/, 'group codes separated by commas, e.g. RAN,RAN1')
    .transform((list) => [...new Set(list.split(',').map((g) => g.trim().toUpperCase()))].join(','))
    .optional()
    .meta({ description: 'only these groups (codes separated by commas, e.g. RAN,RAN1): the groups a series over time counted' }),
});

export type RecordFilters = z.infer<typeof recordFiltersSchema>;

/** Validates the record filters of a query string; throws FilterError naming the bad one. */
export function parseRecordFilters(input: Record<string, unknown>): RecordFilters {
  const picked = Object.fromEntries(Object.entries(input).filter(([k, v]) => k in recordFiltersSchema.shape && v !== undefined && v !== ''));
  const parsed = recordFiltersSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FilterError(String(issue.path[0] ?? 'filters'), issue.message);
  }
  return parsed.data;
}

/**
 * The organizations and the meeting a record filter names must exist: an unknown one (a misspelling)
 * would answer an empty page that reads as "none". Throws FilterError naming the parameter, with the
 * nearest known names.
 */
export function checkRecordFilters(db: Db, record: RecordFilters): void {
  for (const parameter of ['organization', 'parent'] as const) {
    const slug = record[parameter];
    if (!slug) continue;
    if (db.select({ id: organizations.id }).from(organizations).where(sql`${organizations.slug} = ${slug}`).get()) continue;
    const known = db.select({ slug: organizations.slug }).from(organizations).all().map((o) => o.slug);
    throw new FilterError(parameter, `no organization "${slug}"${suggestion(slug, known, '/organizations')}`);
  }
  const known = record.groups ? new Set(db.selectDistinct({ code: groups.code }).from(groups).all().map((g) => g.code)) : null;
  const unknown = record.groups?.split(',').find((g) => !known!.has(g));
  if (unknown) throw new FilterError('groups', `no group "${unknown}" (known: ${[...known!].sort().join(', ')})`);
  if (record.meeting && !db.select({ id: meetings.id }).from(meetings).where(sql`${meetings.name} = ${record.meeting}`).get()) {
    const known = db.selectDistinct({ name: meetings.name }).from(meetings).all().map((m) => m.name);
    throw new FilterError('meeting', `no meeting "${record.meeting}"${suggestion(record.meeting, known, '/status')}`);
  }
}

const SOURCE_JOINS = sql`from ${contributionSources} s
    left join ${organizations} o on o.id = s.organization_id
    left join ${organizations} p on p.id = s.parent_id`;

/**
 * Below this many matching source rows, a source filter is rare: the matching contributions are
 * listed once (`id in (…)`) and looked up. At or above it, each contribution a query meets is checked
 * for such a source (`exists`): listing them would mean, for China's parents at 2 M contributions,
 * 800,000 ids for every page of 100 or every count of one group's week (2–4 s each), where checking
 * the contributions walked costs milliseconds; a rare one would instead walk the whole table.
 */
const RARE_SOURCE_ROWS = 20_000;
const dialect = new SQLiteSyncDialect();

/** Whether fewer than RARE_SOURCE_ROWS source rows match (counted no further), kept while the data is unchanged. */
function isRare(db: Db, match: SQL): boolean {
  const query = sql`select count(*) as n from (select 1 ${SOURCE_JOINS} where ${match} limit ${RARE_SOURCE_ROWS})`;
  const { sql: text, params } = dialect.sqlToQuery(query);
  return whileUnchanged(db, `rare source ${text} ${JSON.stringify(params)}`, () => (db.get<{ n: number }>(query)?.n ?? 0) < RARE_SOURCE_ROWS);
}

/**
 * Contributions with a source matching `match` (a condition on `s`, `o` = its organization, `p` = its
 * parent): listed once when few sources match, else checked per contribution (RARE_SOURCE_ROWS).
 * Without a database to ask, checked per contribution. The record filters, the watchlists and the
 * feeds (recent.ts) pick by source this way.
 */
export function withSource(match: SQL, db?: Db): SQL {
  if (db && isRare(db, match)) return sql`${contributions.id} in (select s.contribution_id ${SOURCE_JOINS} where ${match})`;
  return sql`exists (select 1 ${SOURCE_JOINS} where s.contribution_id = ${contributions.id} and ${match})`;
}

/**
 * The conditions on one source the record filters ask for (country on the filters' basis). They are
 * joined into one: `parent=nokia&country=CN` picks a document with a source whose parent is Nokia and
 * that counts for China (Nokia Shanghai Bell on the entity basis), not one where Nokia and some Chinese
 * company are co-sources; that is what a report's row (Nokia on China's page) counts.
 */
function sourceConditions(record: RecordFilters, filters: Filters): SQL[] {
  const conditions: SQL[] = [];
  if (record.organization) conditions.push(sql`o.slug = ${record.organization}`);
  if (record.parent) conditions.push(sql`p.slug = ${record.parent}`);
  if (record.country) conditions.push(sql`${countryOnBasis(filters, sql`o.country`, sql`p.country`)} = ${record.country}`);
  if (record.kind) conditions.push(record.kind === 'unknown' ? sql`s.organization_id is null` : sql`o.kind = ${record.kind}`);
  // As the kinds table counts: the ultimate parent's kind, 'unknown' where the source has no parent.
  if (record.parentKind) conditions.push(record.parentKind === 'unknown' ? sql`p.id is null` : sql`p.kind = ${record.parentKind}`);
  if (record.partner) {
    conditions.push(
      record.partner === UNRESOLVED_PARTNER ? sql`s.organization_id is null` : record.partner === SEVERAL_PARTNERS ? sql`s.partner like '%+%'` : sql`s.partner = ${record.partner}`,
    );
  }
  return conditions;
}

/** The condition on `contributions` the record filters ask for (`db`: to choose how a source filter is read, withSource). */
export function recordCondition(record: RecordFilters, filters: Filters, db?: Db): SQL | undefined {
  const conditions: SQL[] = [];
  const onOneSource = sourceConditions(record, filters);
  if (onOneSource.length > 0) conditions.push(withSource(sql.join(onOneSource, sql` and `), db));
  if (record.status) conditions.push(sql`lower(${contributions.status}) = ${record.status}`);
  if (record.type) conditions.push(sql`lower(${contributions.type}) = lower(${record.type})`);
  if (record.groups) conditions.push(sql`${contributions.groupId} in (select ${groups.id} from ${groups} where ${groups.code} in (${sql.join(record.groups.split(',').map((g) => sql`${g}`), sql`, `)}))`);
  if (record.meeting) conditions.push(sql`${contributions.meetingId} in (select ${meetings.id} from ${meetings} where ${meetings.name} = ${record.meeting})`);
  return conditions.length === 0 ? undefined : sql.join(conditions, sql` and `);
}
