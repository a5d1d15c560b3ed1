// The query parameters of the routes that have their own besides the report filters (filters.ts) and
// the record filters (record-filters.ts), as zod schemas: the routes validate with them and the OpenAPI
// document (openapi.ts) describes them, so the description cannot drift from what is checked.
import { z } from 'zod';
import { ORGANIZATIONAL_PARTNERS } from '../domain/partners.js';
import { isCountryCode } from '../domain/resolve/countries.js';
import { filtersSchema } from './reports/filters.js';
import { tableOptionsSchema } from './reports/leadership.js';
import { searchTextSchema } from './reports/search.js';

/** The pages of /api/contributions and /api/positions. */
export const apiPageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: 'records a page, 1–500' }),
  after: z.coerce.number().int().min(0).optional().meta({ description: 'the cursor of a `next` link' }),
  format: z.enum(['json', 'csv', 'ndjson'], { error: 'must be one of json, csv, ndjson' }).default('json').meta({ description: 'csv and ndjson stream every matching row, without the envelope' }),
});

/** The seat table's options: the day, the groups (or a named set of them), the earlier days, rapporteurs. */
export const seatTableSchema = tableOptionsSchema;

/** Which seats of the table a seat count links to: a country's (`none`: holders without one), a company's, a partner's. */
export const seatPickSchema = z.object({
  country: z
    .string()
    .refine((c) => c === 'none' || isCountryCode(c.toUpperCase()), 'an ISO 3166-1 alpha-2 code such as CN, or none')
    .transform((c) => (c === 'none' ? 'none' : c.toUpperCase()))
    .optional()
    .meta({ description: 'seats counted for this country (ISO 3166-1 alpha-2), or none' }),
  parent: z
    .string()
    .max(80, 'an organization slug such as huawei')
    .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'an organization slug such as huawei')
    .optional()
    .meta({ description: "seats whose holder's ultimate parent is this organization (slug)" }),
  partner: z
    .string()
    .transform((p) => (p.toLowerCase() === 'unknown' ? 'unknown' : p.toUpperCase()))
    .pipe(z.enum([...ORGANIZATIONAL_PARTNERS, 'unknown'], { error: `one of ${ORGANIZATIONAL_PARTNERS.join(', ')}, or unknown` }))
    .optional()
    .meta({ description: '3GPP: seats whose holder takes part through this Organizational Partner, as the source gives it; unknown: the source gives none' }),
});

export const searchPageSchema = z.object({
  q: searchTextSchema,
  page: z.coerce.number().int().min(1).max(10_000).default(1).meta({ description: 'the page of 50 results, from 1' }),
});

export const documentsPageSchema = z.object({
  q: searchTextSchema,
  after: z.coerce.number().int().min(0).optional().meta({ description: 'the cursor of a `next` link' }),
});

/** 2–5 organizations or countries, each as its own parameter or comma-separated. */
export const compareSchema = z.object({
  org: z.array(z.string()).optional().meta({ description: 'an organization (slug or name; its subsidiaries with it); 2–5 in all' }),
  country: z.array(z.string()).optional().meta({ description: 'a country (ISO 3166-1 alpha-2); 2–5 in all, or organizations instead' }),
});

/** A watchlist's `since` is the filters' `from`: what is new since that day. */
export const watchlistQuerySchema = filtersSchema.omit({ from: true }).extend({
  since: filtersSchema.shape.from.meta({ format: 'date', description: 'contributions dated on or after' }),
});

export const weekSchema = z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/).meta({ description: 'an ISO week, e.g. 2025-W07' }) });

export const scrapeQuerySchema = z.strictObject({
  source: z
    .string()
    .max(40)
    .regex(/^[a-z0-9:-]+$/, 'a body (3gpp) or a source (3gpp:tdocs)')
    .optional()
    .meta({ description: 'a body (3gpp) or a source (3gpp:tdocs); all sources when left out' }),
});

export const acceptFormSchema = z.object({
  name: z.string().meta({ description: 'the unresolved name as written' }),
  organization: z.string().meta({ description: 'the organization it names: its slug, or a name the registry knows' }),
  token: z.string().meta({ description: 'the admin token' }),
});
