// The one JSON envelope of every report and API answer (`.json` pages, `/api/*`, the CLI's
// `--format json`), declared once as zod schemas: the OpenAPI document is generated from them
// (server/openapi.ts) and the answers are built by `envelope()` below, so the two cannot drift apart.
//
//   { "data": …, "meta": { "filters": {…}, "counting": {…} | null, "page"?: {…} },
//     "links": { "self": …, "html"?: …, "csv"?: … }, "next"?: … }
//   errors: { "error": { "status": 400, "message": "from: …", "parameter"?: "from" } }
//
// Kept deliberately flat: `jq '.data'` or pandas `json_normalize(answer["data"])` reach the records,
// and a paged answer's `next` (a URL, null on the last page) sits where it always did, at the top.
import { z } from 'zod';
import { COUNTRY_BASES } from '../domain/resolve/resolve.js';
import { COVERAGE_RULES, type Filters } from './reports/filters.js';
import type { SeriesCoverage } from './reports/coverage.js';

/** The fractional counting rule, stated in every answer that counts contributions. */
export const FRACTIONAL_RULE = 'a contribution with n sources gives each source 1/n; full counts give each 1';

export const countingSchema = z
  .object({
    basis: z.enum(COUNTRY_BASES).meta({ description: "which country a source counts for: its ultimate parent's at the contribution's date (parent) or the named entity's own (entity)" }),
    withdrawn: z.enum(['include', 'exclude']).meta({ description: 'withdrawn documents counted (include) or left out' }),
    revisions: z.enum(['keep', 'collapse']).meta({ description: 'collapse: a revised document and its revision count once' }),
    fractional: z.string().meta({ description: 'how fractional counts are made' }),
  })
  .meta({ id: 'Counting', description: 'The counting rules the answer was made with, defaults filled in; null on answers that count nothing' });

export const coverageMetaSchema = z
  .object({
    rule: z.enum([...COVERAGE_RULES, 'group']).meta({
      description: 'the groups the series over time count: comparable (those stored in every period, the default), all (every group as stored), per-group (one series each), group (the group filtered)',
    }),
    period: z.enum(['year', 'quarter']),
    compared: z.array(z.object({ body: z.string(), group: z.string() })).meta({ description: 'the groups counted' }),
    leftOut: z.array(z.object({ body: z.string(), group: z.string(), reason: z.string() })).meta({ description: 'the groups stored but left out, and why' }),
    partial: z
      .array(z.object({ period: z.string(), group: z.string().nullable().meta({ description: 'per-group: the series it is partial in' }), reason: z.string() }))
      .meta({ description: 'the periods whose coverage differs: a counted group with fewer meetings than usual, dates that cover part of the period, a period not over' }),
    summary: z.string(),
  })
  .meta({ id: 'Coverage', description: 'Answers with a series over time: which groups it counts, which it leaves out, which periods are partial (docs/counting.md)' });

const filterValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const metaSchema = z
  .object({
    filters: z.record(z.string(), filterValue).meta({
      description: 'Every filter applied, as normalised (body lower case, group upper case), counting rules apart; the page\'s own options too (at, groups, since, q, org, …)',
    }),
    counting: countingSchema.nullable(),
    coverage: coverageMetaSchema.optional(),
    page: z
      .object({
        count: z.number().int().meta({ description: 'records on this page (not the number of matches)' }),
        limit: z.number().int().meta({ description: 'the most records a page holds' }),
      })
      .optional()
      .meta({ description: 'paged answers only' }),
  })
  .meta({ id: 'Meta' });

const link = z.string().meta({ description: 'a path on this server, with the query string' });
export const linksSchema = z
  .object({
    self: link.optional().meta({ description: 'this answer (always on the web; the CLI gives the links where the server answers the same)' }),
    html: link.optional().meta({ description: 'the page for people' }),
    csv: link.optional().meta({ description: 'the same data as CSV (every row where the JSON is paged)' }),
    ndjson: link.optional().meta({ description: 'every matching record, one JSON object a line' }),
    md: link.optional().meta({ description: 'Markdown (the digest)' }),
    atom: link.optional().meta({ description: 'an Atom feed of the same contributions' }),
    progress: link.optional().meta({ description: 'where a started scrape is followed (the status page)' }),
  })
  .meta({ id: 'Links', description: 'The same answer in its other renderings; absent where there is none' });

/** The envelope around `data`; `paged` answers add `meta.page` and `next`. */
export function envelopeSchema<T extends z.ZodType>(data: T, options: { paged?: boolean } = {}) {
  return z.object({
    data,
    meta: metaSchema,
    links: linksSchema,
    ...(options.paged ? { next: z.string().nullable().meta({ description: 'the URL of the following page, null on the last' }) } : {}),
  });
}

export const errorSchema = z
  .object({
    error: z.object({
      status: z.number().int().meta({ description: 'the HTTP status' }),
      message: z.string().meta({ description: 'what is wrong, naming the parameter first when one is at fault' }),
      parameter: z.string().optional().meta({ description: 'the query parameter at fault' }),
    }),
  })
  .meta({ id: 'Error', description: 'Every error, on every JSON route' });

export type Counting = z.infer<typeof countingSchema>;
export type Meta = z.infer<typeof metaSchema>;
export type Links = z.infer<typeof linksSchema>;
export type FilterValue = z.infer<typeof filterValue>;
export interface Envelope<T> {
  data: T;
  meta: Meta;
  links: Links;
  next?: string | null;
}

/** What an answer was asked for: its filters (the counting rules among them) and its own options. */
export interface Scope {
  filters?: Filters;
  /** The answer's own options: `at`, `groups`, `since`, `q`, the compared `org`s…; empty values are left out. */
  options?: Record<string, FilterValue | null | undefined>;
  /** Whether the answer counts or picks contributions (the counting rules apply): false for status and lists. */
  counts: boolean;
  /** The coverage of the answer's series over time, if it has one. */
  coverage?: SeriesCoverage;
}

const COUNTING_RULES = ['basis', 'withdrawn', 'revisions'] as const;

/** A watchlist's scope: its `since` is the filters' `from`, under its own name. */
export function watchlistScope(filters: Filters): Scope {
  const { from, ...rest } = filters;
  return { filters: rest, options: { since: from }, counts: true };
}

export function countingOf(filters: Filters = {}): Counting {
  return { basis: filters.basis ?? 'parent', withdrawn: filters.withdrawn ?? 'include', revisions: filters.revisions ?? 'keep', fractional: FRACTIONAL_RULE };
}

/** What `meta` says of a series' coverage (the answer's data holds it in full). */
export function coverageMeta(coverage: SeriesCoverage): z.infer<typeof coverageMetaSchema> {
  const partial =
    coverage.rule === 'per-group'
      ? coverage.groups.flatMap((g) => g.partial.map((p) => ({ period: p.period, group: g.group, reason: p.reason })))
      : coverage.periods.filter((p) => p.partial).map((p) => ({ period: p.period, group: null, reason: p.reasons.join('; ') }));
  return {
    rule: coverage.rule,
    period: coverage.period,
    compared: coverage.groups.filter((g) => g.compared).map(({ body, group }) => ({ body, group })),
    leftOut: coverage.groups.filter((g) => !g.compared).map(({ body, group, leftOutBecause }) => ({ body, group, reason: leftOutBecause ?? '' })),
    partial,
    summary: coverage.summary,
  };
}

export function metaOf(scope: Scope, page?: Meta['page']): Meta {
  const filters: Record<string, FilterValue> = {};
  // An answer with a series states its coverage in `meta.coverage`, the rule with it.
  const apart: readonly string[] = scope.coverage ? [...COUNTING_RULES, 'coverage'] : COUNTING_RULES;
  for (const [key, value] of Object.entries(scope.filters ?? {})) {
    if (value !== undefined && !apart.includes(key)) filters[key] = value;
  }
  for (const [key, value] of Object.entries(scope.options ?? {})) {
    if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) filters[key] = value;
  }
  return { filters, counting: scope.counts ? countingOf(scope.filters) : null, ...(scope.coverage ? { coverage: coverageMeta(scope.coverage) } : {}), ...(page ? { page } : {}) };
}

/** An answer's links from its address in each rendering (built in urls.ts). */
export function renderings(at: (format: 'html' | 'json' | 'csv') => string): Links {
  return { self: at('json'), html: at('html'), csv: at('csv') };
}

/** Leaves out the renderings an answer does not have. */
function present(links: Links): Links {
  return Object.fromEntries(Object.entries(links).filter(([, v]) => v !== undefined)) as Links;
}

export function envelope<T>(data: T, scope: Scope, links: Links, paging?: { next: string | null; count: number; limit: number }): Envelope<T> {
  const answer: Envelope<T> = { data, meta: metaOf(scope, paging ? { count: paging.count, limit: paging.limit } : undefined), links: present(links) };
  if (paging) answer.next = paging.next;
  return answer;
}

export function errorBody(status: number, message: string, parameter?: string): z.infer<typeof errorSchema> {
  return { error: { status, message, ...(parameter ? { parameter } : {}) } };
}
