// What each JSON answer carries in the envelope's `data`, as zod schemas: the records of the API and the
// exports in full (they are the public contract: README "Records"), and each report's top-level keys
// with their rows. The OpenAPI document is generated from these (server/openapi.ts), and a test checks
// real answers against it. Reports are loose objects: a key added to a report is allowed, a key listed
// here must be there with its type.
import { z } from 'zod';
import { BODY_IDS, ORGANIZATION_KINDS, ROLES } from '../domain/types.js';
import { ORGANIZATIONAL_PARTNERS } from '../domain/partners.js';
import { COUNTRY_BASES } from '../domain/resolve/resolve.js';

const text = z.string();
const maybe = z.string().nullable();
const count = z.number().int();
const number = z.number();
const rate = z.number().nullable();
const day = z.string().meta({ format: 'date' });
const country = z.string().nullable().meta({ description: 'ISO 3166-1 alpha-2; null when unknown or not applicable' });
const basis = z.enum(COUNTRY_BASES);
/** The filters as the report applied them (its own copy; the envelope's `meta` says the same). */
const reportFilters = z.record(z.string(), z.string());
const report = <T extends z.core.$ZodLooseShape>(kind: string, shape: T) => z.looseObject({ kind: z.literal(kind), ...shape });

export const sourceSchema = z
  .object({
    raw: text.meta({ description: 'the part of the published source cell this source was read from' }),
    organization: maybe.meta({ description: 'canonical name; null when unresolved' }),
    parent: maybe.meta({ description: 'canonical name of the ultimate parent' }),
    country: country.meta({ description: "ISO 3166-1 alpha-2 of the parent's home country (on the parent basis)" }),
    kind: z.enum(ORGANIZATION_KINDS),
    role: z.enum(ROLES).nullable(),
  })
  .meta({ id: 'Source', description: 'One organization behind a contribution, or the holder of a seat' });

export const contributionSchema = z
  .object({
    body: z.enum(BODY_IDS),
    group: text,
    meeting: maybe,
    ref: text.meta({ description: "the body's own document number" }),
    title: text,
    type: maybe,
    for: maybe,
    status: maybe.meta({ description: "the body's own outcome word, lower case" }),
    date: day.nullable(),
    sourceText: text.meta({ description: 'the source cell as published' }),
    sources: z.array(sourceSchema),
    url: maybe.meta({ description: "the document's public page" }),
    revisionOf: maybe,
    authors: z
      .array(z.object({ affiliation: maybe.meta({ description: 'as published' }), country: country.meta({ description: 'ISO 3166-1 alpha-2 as the document gives it' }) }))
      .meta({
        description:
          "the document's authors in its order, each with the affiliation and the country the document itself gives (IETF); reports count by the resolved organization's country instead; empty when the listing gives none. No names.",
      }),
    archived: maybe.meta({ description: 'where this server serves the archived copy the record was last read from (/raw/ID)' }),
  })
  .meta({ id: 'Contribution' });

export const positionSchema = z
  .object({
    body: z.enum(BODY_IDS),
    group: text,
    role: z.enum(ROLES),
    person: maybe,
    source: sourceSchema,
    from: day.nullable(),
    to: day.nullable().meta({ description: 'null while the seat is held' }),
    evidence: maybe.meta({ description: 'a public document that shows the seat' }),
    detail: maybe.meta({ description: 'below the group or how the holder came to it, e.g. "2nd term", "WI 850039 eCPSOR_CON"' }),
    partner: maybe.meta({ description: '3GPP: the Organizational Partner the holder takes part through (ARIB, ATIS, CCSA, ETSI, TSDSI, TTA, TTC), never the company' }),
    basis: text.meta({ description: 'where the seat was read: tdoc-source, 3gpp-elections, 3gpp-officials, 3gpp-workplan, roster, secondary-chairs-table (a secondary source), …' }),
  })
  .meta({ id: 'Position' });

const counts = { contributions: count, fractional: number };
const coverage = z.looseObject({ occurrences: count, resolved: count, unresolved: count, resolvedShare: rate, withoutCountry: count });
const outcomes = z.object({ accepted: count, noted: count, withdrawn: count, superseded: count, notHandled: count, pending: count, acceptanceRate: rate });
const organizationRow = z.looseObject({ slug: text, name: text, kind: z.enum(ORGANIZATION_KINDS), country, ...counts, accepted: count, acceptanceRate: rate });
const countryRow = z.looseObject({ country: text, countryName: maybe, ...counts, share: number });
const meetingRow = z.looseObject({ meeting: text, startDate: day.nullable(), body: text, group: text, ...counts });
const groupRow = z.looseObject({ body: text, group: text, groupName: maybe, ...counts });
const coSourceRow = z.looseObject({ slug: text, name: text, country, contributions: count });
const seatRow = z.looseObject({ body: text, group: text, role: text, organization: maybe, country, from: day.nullable(), to: day.nullable(), evidence: maybe, basis: text });
const seatCount = z.looseObject({ seats: count, chairs: count, viceChairs: count });
const unresolvedName = z.looseObject({ name: text, occurrences: count, example: text });
const coverageRow = z.looseObject({ body: text, group: maybe, year: maybe, occurrences: count, resolved: count, unresolved: count, resolvedShare: rate, withoutCountry: count });
/** Which groups a series over time counts, which it leaves out and why, which periods are partial (coverage.ts). */
const seriesCoverage = z
  .looseObject({
    rule: z.enum(['comparable', 'all', 'per-group', 'group']),
    period: z.enum(['year', 'quarter']),
    groups: z.array(
      z.looseObject({
        body: text,
        group: text,
        compared: z.boolean(),
        unit: z.enum(['meeting', 'month']).meta({ description: 'what a sitting is: a meeting, or for lists that name none a month with contributions' }),
        usual: number.nullable().meta({ description: 'the most sittings it holds in three periods out of four (its first and last period left out when it has three or more); a period with fewer is partial' }),
        sittings: z.array(z.looseObject({ period: text, sittings: count })),
        missing: z.array(text),
        leftOutBecause: maybe,
        partial: z.array(z.looseObject({ period: text, reason: text })),
      }),
    ),
    periods: z.array(z.looseObject({ period: text, partial: z.boolean(), reasons: z.array(text) })),
    summary: text,
  })
  .meta({ description: 'the coverage of the series over time (meta.coverage says the same in short)' });
/** A row of a series over time: its group with coverage=per-group (else null), and whether its period is partial. */
const seriesRow = { body: maybe, group: maybe, partial: z.boolean(), partialReason: maybe };
const yearRow = z.looseObject({ year: text, ...seriesRow, ...counts, allContributions: count, share: rate });
const participation = {
  filters: reportFilters,
  basis,
  totals: z.looseObject({ ...counts, allContributions: count, share: rate }),
  outcomes,
  byMeeting: z.array(meetingRow),
  byGroup: z.array(groupRow),
  byYear: z.array(yearRow),
  seriesCoverage,
  coSources: z.array(coSourceRow),
  seats: z.array(seatRow),
};
const digestRow = z.looseObject({ key: text, name: text, country, ...counts, previous: number, average: number, share: rate, change: number });

/** The `data` of each JSON answer, by the name the route table (server/openapi.ts) gives it. */
export const answerData = {
  overview: report('overview', {
    filters: reportFilters,
    basis,
    totals: z.looseObject({ contributions: count, meetings: count, firstDate: day.nullable(), lastDate: day.nullable() }),
    coverage,
    countries: z.array(countryRow),
    companies: z.array(organizationRow.extend({ share: number })),
    kinds: z.array(z.looseObject({ kind: text, ...counts, share: number })),
    latestMeetings: z.array(z.looseObject({ meeting: text, body: text, group: text, startDate: day.nullable(), contributions: count })),
    seats: z.looseObject({ at: day, total: seatCount, byCountry: z.array(z.looseObject({ country, seats: count })), byCompany: z.array(z.looseObject({ seats: count })) }),
    unresolved: z.array(unresolvedName),
    sharesOverTime: z.looseObject({
      period: z.enum(['year', 'quarter']),
      coverage: seriesCoverage,
      periods: z.array(z.looseObject({ period: text, contributions: count, ...seriesRow })),
      cells: z.array(z.looseObject({ period: text, body: maybe, group: maybe, country, fractional: number, share: rate, contributions: count.nullable() })),
    }),
  }),
  countries: report('countries', { filters: reportFilters, basis, allContributions: count, countries: z.array(countryRow) }),
  organizations: report('organizations', { filters: reportFilters, basis, organizations: z.array(organizationRow) }),
  country: report('country', { country: z.object({ code: text, name: text }), ...participation, organizations: z.array(organizationRow) }),
  company: report('company', {
    organization: z.looseObject({ slug: text, name: text, kind: z.enum(ORGANIZATION_KINDS), country, countryName: maybe }),
    requested: z.looseObject({ slug: text, name: text }).nullable().meta({ description: 'the subsidiary asked for, when the report covers its group' }),
    ...participation,
    entities: z.array(z.looseObject({ slug: text, name: text, country, ...counts })),
  }),
  leadership: report('leadership', {
    filters: reportFilters,
    at: day,
    groups: z.array(text).nullable(),
    basis,
    table: z.looseObject({ at: day, total: seatCount, byCountry: z.array(z.looseObject({ country, ...seatCount.shape })), byCompany: z.array(z.looseObject(seatCount.shape)), seats: z.array(seatRow) }),
    history: z.array(z.looseObject({ at: day, total: seatCount, byCountry: z.array(z.looseObject({ country })) })),
    seats: z.array(seatRow),
    rapporteurs: z.looseObject({}).nullable().meta({ description: 'with rapporteurs=1: the rapporteurs, counted apart' }),
  }),
  partners: report('partners', {
    filters: reportFilters,
    at: day,
    groups: z.array(text).nullable(),
    memberships: z.looseObject({ organizations: count, sources: z.array(z.looseObject({ title: text, url: text, asOf: text })) }),
    partners: z.array(
      z.looseObject({
        partner: z.enum(ORGANIZATIONAL_PARTNERS),
        region: text,
        ...counts,
        share: rate.meta({ description: 'fractional count of the sources taking part through this partner alone ÷ all 3GPP contributions' }),
        amongSeveral: z.looseObject({ fractional: number, share: rate }).meta({ description: 'sources of organizations that are members through this partner and others: the most this partner could add' }),
        seats: count,
        chairs: count,
        viceChairs: count,
        seatShare: rate,
      }),
    ),
    contributions: z.looseObject({
      allContributions: count,
      shares: z.looseObject({ one: rate, several: rate, none: rate, unresolved: rate }).meta({ description: 'the fractional count through one partner, several, none on record, and of unresolved names, each ÷ all contributions' }),
      byPartner: z.array(z.looseObject({ partner: text.meta({ description: 'ETSI; several joined by + (CCSA+ETSI); none; unresolved' }), class: z.enum(['one', 'several', 'none', 'unresolved']), ...counts, share: rate })),
    }),
    seats: z.looseObject({
      at: day,
      total: seatCount,
      unknown: z.looseObject({ seats: count, share: rate }),
      byPartner: z.array(z.looseObject({ partner: maybe.meta({ description: 'null: the source gives no partner' }), ...seatCount.shape, share: rate })),
    }),
  }),
  seatList: report('seat-list', { at: day, filters: reportFilters, groups: z.array(text).nullable(), total: count, of: count, seats: z.array(z.looseObject({ body: text, group: text, role: text, country, from: day.nullable(), to: day.nullable() })) }),
  crossCheck: report('leadership-cross-check', {
    filters: reportFilters,
    groups: z.array(text).nullable(),
    compared: count,
    notComparable: count,
    agreements: z.array(z.looseObject({})),
    disagreements: z.array(z.looseObject({ group: text, role: text, day, listed: maybe, official: z.array(text) })),
  }),
  unresolved: report('unresolved', { filters: reportFilters, coverage, byBody: z.array(coverage.extend({ body: text })), unresolvedShare: rate, names: z.array(unresolvedName), byGroup: z.array(coverageRow), byYear: z.array(coverageRow) }),
  coverage: report('coverage', { filters: reportFilters, by: z.enum(['body', 'group', 'year', 'group-year']), rows: z.array(coverageRow) }),
  suggestions: report('suggestions', {
    filters: reportFilters,
    suggestions: z.array(
      z.looseObject({
        name: text,
        occurrences: count,
        example: text,
        groups: z.array(z.looseObject({ group: text, occurrences: count })),
        years: z.array(z.looseObject({ year: maybe, occurrences: count })),
        candidates: z.array(z.looseObject({ slug: text, name: text, evidence: z.array(text) })),
      }),
    ),
  }),
  status: report('status', {
    sources: z.array(z.looseObject({ source: text })),
    runs: z.array(z.looseObject({ id: count, source: text, trigger: text, startedAt: text, finishedAt: maybe, status: text })),
  }),
  digests: report('digests', {
    latest: z.looseObject({ week: text, generatedAt: text }).nullable(),
    digests: z.array(z.looseObject({ week: text, generatedAt: text })),
    current: text,
    lastComplete: text,
    latestWithData: maybe.meta({ description: 'the week the digest opens on: the last complete week with contributions, else the newest that has some' }),
    weeksWithData: z.array(z.object({ week: text, contributions: count })),
  }),
  digest: report('digest', {
    week: text,
    from: day,
    to: day,
    previousWeek: text,
    generatedAt: text,
    publication: z.enum(['published', 'preview']),
    basis,
    counting: text,
    totals: z.looseObject({ contributions: count, previous: count, average: number }),
    countries: z.array(digestRow),
    companies: z.array(digestRow),
    movers: z.looseObject({ countries: z.looseObject({ up: z.array(digestRow), down: z.array(digestRow) }), companies: z.looseObject({ up: z.array(digestRow), down: z.array(digestRow) }) }),
    groups: z.array(z.looseObject({ body: text, group: text, contributions: count, countries: z.array(z.looseObject({ country: text, fractional: number, share: rate })) })),
    leadership: z.looseObject({ started: z.array(seatRow), ended: z.array(seatRow) }),
    coverage: z.looseObject({ runs: z.array(z.looseObject({})), failures: count, sourceMentions: count, unresolved: count, unresolvedShare: rate }),
  }),
  search: report('search', { q: text, filters: reportFilters, total: count, totalExact: z.boolean(), page: count, pageSize: count, results: z.array(contributionSchema), topic: maybe }),
  compare: report('compare', {
    filters: reportFilters,
    basis,
    subjects: z.array(z.looseObject({ kind: z.enum(['organization', 'country']), key: text, name: text, country, ...counts, share: rate, acceptanceRate: rate, seats: count })),
    groups: z.array(z.looseObject({ body: text, group: text, contributions: count, values: z.array(z.looseObject({ ...counts, share: rate })) })),
    seriesCoverage,
    years: z.array(z.looseObject({ year: text, ...seriesRow, contributions: count, values: z.array(z.looseObject({ ...counts, share: rate })) })),
  }),
  watchlists: report('watchlists', { watchlists: z.array(z.looseObject({ slug: text, name: text, createdAt: text, groups: z.array(text), keywords: z.array(text) })) }),
  watchlist: report('watchlist', { watchlist: z.looseObject({ slug: text, name: text }), since: maybe, total: count, contributions: z.array(contributionSchema) }),
  documents: report('documents', { filters: reportFilters, record: z.record(z.string(), z.string()), q: maybe, total: count, items: z.array(contributionSchema) }),
  contributions: z.array(contributionSchema),
  positions: z.array(positionSchema),
  scrape: z.object({ status: z.literal('started'), sources: z.array(text) }),
  accepted: z.object({ accepted: z.looseObject({ name: text, slug: text, organization: text }) }),
};

export type AnswerName = keyof typeof answerData;
