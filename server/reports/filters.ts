// The filters every report and export accepts, validated with one schema for the web (query string) and
// the CLI (options), and turned into one SQL condition.
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { contributions, groups } from '../../db/schema.js';
import { BODY_IDS } from '../../domain/types.js';
import { COUNTRY_BASES } from '../../domain/resolve/resolve.js';
import { calendarDateProblem } from '../../domain/dates.js';
import { inTopic } from '../../db/topics.js';
import { loadTopics, type Topics } from '../../domain/topics.js';

/** A calendar day `YYYY-MM-DD`; one that does not exist (2023-02-30) is refused saying so. */
export const calendarDate = z.string().superRefine((value, ctx) => {
  const problem = calendarDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Which groups a series over time counts (server/reports/coverage.ts). */
export const COVERAGE_RULES = ['comparable', 'all', 'per-group'] as const;

export const filtersSchema = z.object({
  // Case as typed: `body=ITU` as `group=ran`.
  body: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(BODY_IDS, { error: `must be one of ${BODY_IDS.join(', ')}` }))
    .optional()
    .meta({ description: `only this standards body: ${BODY_IDS.join(', ')} (any case)` }),
  group: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9 .#/_-]+$/, 'letters, digits, spaces and . # / _ - only')
    .transform((g) => g.toUpperCase())
    .optional()
    .meta({ description: "the body's group code, e.g. RAN, SA2 (any case); one stdwatch knows" }),
  from: calendarDate.optional().meta({ format: 'date', description: 'contributions dated on or after (a seat held at some point from then)' }),
  to: calendarDate.optional().meta({ format: 'date', description: 'contributions dated on or before' }),
  /** Which country a source counts for: its ultimate parent's (default) or the named entity's own. */
  basis: z.enum(COUNTRY_BASES, { error: `must be one of ${COUNTRY_BASES.join(', ')}` }).optional().meta({ description: "a source's country: its ultimate parent's (parent, the default) or the entity's own" }),
  /** Only contributions of a topic (domain/topics.yaml: groups, work items, keywords per body). */
  topic: z.string().trim().max(40).optional().meta({ description: 'only contributions of a topic, as defined per body in domain/topics.yaml (groups, work items, keywords)' }),
  /** Counting rule: withdrawn documents counted (the default) or left out. */
  withdrawn: z.enum(['include', 'exclude'], { error: 'must be one of include, exclude' }).optional().meta({ description: 'count withdrawn documents (include, the default) or leave them out' }),
  /**
   * Counting rule: `collapse` counts a revised document and its revision once (the document a revision
   * replaced — outcome "revised/merged" — is left out, its revision carries the count).
   */
  revisions: z.enum(['keep', 'collapse'], { error: 'must be one of keep, collapse' }).optional().meta({ description: 'collapse: a revised document and its revision count once' }),
  /**
   * Which groups a series over time counts (coverage.ts): those stored in every period (comparable, the
   * default), every group as stored (all: coverage may differ between periods), or a series per group.
   */
  coverage: z
    .enum(COVERAGE_RULES, { error: `must be one of ${COVERAGE_RULES.join(', ')}` })
    .optional()
    .meta({
      description:
        'series over time only: count over the groups with a meeting in every period (comparable, the default), every group as stored (all: coverage differs between periods), or one series per group (per-group); a group filter counts that group alone',
    }),
});

export type Filters = z.infer<typeof filtersSchema>;

export class FilterError extends Error {
  override readonly name = 'FilterError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`${parameter}: ${message}`);
  }
}

/** Validates raw filter values (query string or CLI options); throws FilterError naming the bad one. */
export function parseFilters(input: Record<string, unknown>): Filters {
  const picked = Object.fromEntries(
    Object.entries(input).filter(([k, v]) => k in filtersSchema.shape && v !== undefined && v !== ''),
  );
  const parsed = filtersSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FilterError(String(issue.path[0] ?? 'filters'), issue.message);
  }
  if (parsed.data.topic !== undefined) parsed.data.topic = parseTopic(parsed.data.topic);
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to) {
    throw new FilterError('from', `${parsed.data.from} is after the end date ${parsed.data.to}`);
  }
  return parsed.data;
}

/** Validates a `topic` value against the topics file (domain/topics.yaml); throws FilterError naming it. */
export function parseTopic(value: unknown, topics: Topics = loadTopics()): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !(value.toLowerCase() in topics)) {
    throw new FilterError('topic', `must be one of ${Object.keys(topics).join(', ')}`);
  }
  return value.toLowerCase();
}


/** A group filter must name a group stdwatch knows, or every report would be silently empty. */
export function checkGroupFilter(db: Db, filters: Filters): void {
  if (!filters.group) return;
  const known = db
    .selectDistinct({ code: groups.code })
    .from(groups)
    .where(filters.body ? eq(groups.bodyId, filters.body) : undefined)
    .orderBy(groups.code)
    .all()
    .map((g) => g.code);
  if (!known.includes(filters.group)) {
    const where = filters.body ? ` in ${filters.body}` : '';
    throw new FilterError('group', `no group "${filters.group}"${where} (known: ${known.join(', ') || 'none yet'})`);
  }
}

/** The condition on `contributions` (joined with `groups`) that the filters ask for. */
export function contributionCondition(filters: Filters): SQL {
  const conditions: SQL[] = [sql`1 = 1`];
  if (filters.body) conditions.push(eq(contributions.bodyId, filters.body));
  if (filters.group) conditions.push(eq(groups.code, filters.group));
  if (filters.from) conditions.push(gte(contributions.date, filters.from));
  if (filters.to) conditions.push(lte(contributions.date, filters.to));
  if (filters.topic) conditions.push(inTopic(filters.topic));
  if (filters.withdrawn === 'exclude') conditions.push(sql`coalesce(${contributions.outcome}, '') <> 'withdrawn'`);
  if (filters.revisions === 'collapse') conditions.push(sql`coalesce(${contributions.outcome}, '') <> 'superseded'`);
  return and(...conditions)!;
}

/** Filters as query-string pairs, for links that keep them. */
export function filterQuery(filters: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

export function describeFilters(filters: Filters): string {
  const parts: string[] = [];
  if (filters.body) parts.push(filters.body.toUpperCase());
  if (filters.group) parts.push(`group ${filters.group}`);
  if (filters.from && filters.to) parts.push(`${filters.from} to ${filters.to}`);
  else if (filters.from) parts.push(`from ${filters.from}`);
  else if (filters.to) parts.push(`until ${filters.to}`);
  if (filters.topic) parts.push(`topic ${filters.topic}`);
  const scope = parts.length > 0 ? parts.join(', ') : 'all bodies, groups and dates';
  const rules = [
    filters.basis === 'entity' ? 'countries of the entities named' : null,
    filters.withdrawn === 'exclude' ? 'withdrawn documents left out' : null,
    filters.revisions === 'collapse' ? 'revisions counted once' : null,
  ].filter(Boolean);
  return rules.length > 0 ? `${scope}; ${rules.join(', ')}` : scope;
}
