// The filters only the record API has (`/api/contributions`): who is among the sources (organization,
// ultimate parent, country, kind) and what the body says of the document (status, type, meeting).
// Reports answer "how much, by whom" and take the shared filters (filters.ts); these pick records.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { contributionSources, contributions, meetings, organizations } from '../../db/schema.js';
import { isCountryCode } from '../../scrapers/resolve/countries.js';
import { ORGANIZATION_KINDS } from '../../scrapers/types.js';
import { FilterError, type Filters } from './filters.js';
import { countryOnBasis } from './participation.js';

const slug = z.string().trim().toLowerCase().max(80).regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'an organization slug such as huawei or china-mobile');
const word = z.string().trim().min(1).max(60);

export const recordFiltersSchema = z.object({
  organization: slug.optional(),
  parent: slug.optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCountryCode, 'an ISO 3166-1 alpha-2 code such as CN')
    .optional(),
  kind: z.enum(ORGANIZATION_KINDS, { error: `must be one of ${ORGANIZATION_KINDS.join(', ')}` }).optional(),
  status: word.toLowerCase().optional(),
  type: word.optional(),
  meeting: word.optional(),
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

/** Contributions with a source matching `match` (a condition on `s`, `o` = its organization, `p` = its parent). */
function withSource(match: SQL): SQL {
  return sql`${contributions.id} in (select s.contribution_id from ${contributionSources} s
    left join ${organizations} o on o.id = s.organization_id
    left join ${organizations} p on p.id = s.parent_id
    where ${match})`;
}

/** The condition on `contributions` the record filters ask for (country on the filters' basis). */
export function recordCondition(record: RecordFilters, filters: Filters): SQL | undefined {
  const conditions: SQL[] = [];
  if (record.organization) conditions.push(withSource(sql`o.slug = ${record.organization}`));
  if (record.parent) conditions.push(withSource(sql`p.slug = ${record.parent}`));
  if (record.country) {
    conditions.push(withSource(sql`${countryOnBasis(filters, sql`o.country`, sql`p.country`)} = ${record.country}`));
  }
  if (record.kind) conditions.push(record.kind === 'unknown' ? withSource(sql`s.organization_id is null`) : withSource(sql`o.kind = ${record.kind}`));
  if (record.status) conditions.push(sql`lower(${contributions.status}) = ${record.status}`);
  if (record.type) conditions.push(sql`lower(${contributions.type}) = lower(${record.type})`);
  if (record.meeting) conditions.push(sql`${contributions.meetingId} in (select ${meetings.id} from ${meetings} where ${meetings.name} = ${record.meeting})`);
  return conditions.length === 0 ? undefined : sql.join(conditions, sql` and `);
}
