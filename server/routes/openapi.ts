// The OpenAPI description of the JSON API (served at /api/openapi.json).
import { BODY_IDS, ORGANIZATION_KINDS } from '../../domain/types.js';

const filterParameters = [
  { name: 'body', in: 'query', schema: { type: 'string', enum: [...BODY_IDS] }, description: 'only this standards body' },
  { name: 'group', in: 'query', schema: { type: 'string', maxLength: 40 }, description: "the body's group code, e.g. RAN, SA2" },
  { name: 'from', in: 'query', schema: { type: 'string', format: 'date' }, description: 'contributions dated on or after' },
  { name: 'to', in: 'query', schema: { type: 'string', format: 'date' }, description: 'contributions dated on or before' },
  { name: 'basis', in: 'query', schema: { type: 'string', enum: ['parent', 'entity'] }, description: "a source's country: its ultimate parent's (default) or the entity's own" },
  { name: 'withdrawn', in: 'query', schema: { type: 'string', enum: ['include', 'exclude'] }, description: 'count withdrawn documents (default) or leave them out' },
  { name: 'revisions', in: 'query', schema: { type: 'string', enum: ['keep', 'collapse'] }, description: 'collapse: a revised document and its revision count once' },
];
// organization, parent, country, kind and parentKind are met by one and the same source when combined.
const ONE_SOURCE = '; combined with organization, parent, country, kind or parentKind, one and the same source must meet them all';
const recordParameters = [
  { name: 'organization', in: 'query', schema: { type: 'string' }, description: `a source is this organization (slug, e.g. hisilicon)${ONE_SOURCE}` },
  { name: 'parent', in: 'query', schema: { type: 'string' }, description: `a source's ultimate parent is this organization (slug, e.g. huawei)${ONE_SOURCE}` },
  { name: 'country', in: 'query', schema: { type: 'string', pattern: '^[A-Za-z]{2}$' }, description: `a source counts for this country (ISO 3166-1 alpha-2, on the basis)${ONE_SOURCE}` },
  { name: 'kind', in: 'query', schema: { type: 'string', enum: [...ORGANIZATION_KINDS] }, description: `a source (the named entity) is of this kind; unknown: an unresolved source${ONE_SOURCE}` },
  { name: 'parentKind', in: 'query', schema: { type: 'string', enum: [...ORGANIZATION_KINDS] }, description: `a source's ultimate parent is of this kind, as the overview's kinds table counts; unknown: a source with no parent${ONE_SOURCE}` },
  { name: 'status', in: 'query', schema: { type: 'string' }, description: "the body's own outcome word, e.g. agreed, noted" },
  { name: 'type', in: 'query', schema: { type: 'string' }, description: 'the document type as published, e.g. CR, discussion' },
  { name: 'meeting', in: 'query', schema: { type: 'string' }, description: 'the meeting, e.g. RAN#104' },
];
const searchParameter = {
  name: 'q',
  in: 'query',
  schema: { type: 'string', maxLength: 200 },
  description: 'full text over titles and source cells (SQLite FTS5): every term must match; a term ending in * matches as a prefix',
};
const topicParameter = {
  name: 'topic',
  in: 'query',
  schema: { type: 'string', enum: ['iot', '5g', 'security'] },
  description: 'only contributions of a topic, as defined per body in domain/topics.yaml (groups, work items, keywords)',
};
const pageParameters = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
  { name: 'after', in: 'query', schema: { type: 'integer', minimum: 0 }, description: 'cursor from the previous page (use `next`)' },
  { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv', 'ndjson'], default: 'json' }, description: 'csv and ndjson stream every matching row' },
];

const source = {
  type: 'object',
  required: ['raw', 'organization', 'parent', 'country', 'kind', 'role'],
  properties: {
    raw: { type: 'string', description: 'the part of the published source cell this source was read from' },
    organization: { type: ['string', 'null'], description: 'canonical name; null when unresolved' },
    parent: { type: ['string', 'null'], description: 'canonical name of the ultimate parent' },
    country: { type: ['string', 'null'], description: "ISO 3166-1 alpha-2 of the parent's home country" },
    kind: { type: 'string', enum: ['company', 'government', 'research', 'association', 'sdo', 'individual', 'unknown'] },
    role: { type: ['string', 'null'], enum: ['chair', 'vice-chair', 'rapporteur', 'editor', 'moderator', 'convenor', 'secretary', null] },
  },
};

const error = {
  type: 'object',
  properties: { error: { type: 'object', properties: { status: { type: 'integer' }, message: { type: 'string' } } } },
};

/** A paginated GET: the filters and page parameters, and the `{data, count, next, filters}` envelope. */
function pagedGet(summary: string, schema: string, what: string, extra: object[] = []) {
  return {
    summary,
    parameters: [...filterParameters, ...extra, ...pageParameters],
    responses: {
      200: {
        description: `A page of ${what}; \`next\` is the URL of the following page or null`,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                data: { type: 'array', items: { $ref: `#/components/schemas/${schema}` } },
                count: { type: 'integer', description: 'records on this page (not the number of matches)' },
                next: { type: ['string', 'null'] },
                filters: { type: 'object' },
              },
            },
          },
        },
      },
      400: { description: 'A parameter is invalid; the message names it', content: { 'application/json': { schema: error } } },
    },
  };
}

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'stdwatch API',
      version: '1',
      description:
        'Contributions and leadership seats in standards bodies, from their public listings. Every report page is also available at its own path with .json and .csv.',
    },
    paths: {
      // Unknown parameters are refused (400), so a typo never silently widens a query.
      '/api/contributions': { get: pagedGet('Contributions, filtered and paginated', 'Contribution', 'contributions', [searchParameter, topicParameter, ...recordParameters]) },
      '/api/positions': { get: pagedGet('Leadership seats, filtered and paginated', 'Position', 'leadership seats') },
    },
    components: {
      schemas: {
        Source: source,
        Position: {
          type: 'object',
          properties: {
            body: { type: 'string' },
            group: { type: 'string' },
            role: { type: 'string', enum: ['chair', 'vice-chair', 'rapporteur', 'editor', 'moderator', 'convenor', 'secretary'] },
            person: { type: ['string', 'null'] },
            source: { $ref: '#/components/schemas/Source' },
            from: { type: ['string', 'null'], format: 'date' },
            to: { type: ['string', 'null'], format: 'date', description: 'null while the seat is held' },
            evidence: { type: ['string', 'null'], description: 'a public document that shows the seat' },
            detail: { type: ['string', 'null'], description: 'below the group or how the holder came to it, e.g. "2nd term", "WI 850039 eCPSOR_CON"' },
            partner: { type: ['string', 'null'], description: '3GPP: the Organizational Partner the holder takes part through (ARIB, ATIS, CCSA, ETSI, TSDSI, TTA, TTC), never the company' },
            basis: { type: 'string', description: 'where the seat was read: tdoc-source, 3gpp-elections, 3gpp-officials, 3gpp-workplan, roster, secondary-chairs-table (a secondary source), …' },
          },
        },
        Contribution: {
          type: 'object',
          properties: {
            body: { type: 'string' },
            group: { type: 'string' },
            meeting: { type: ['string', 'null'] },
            ref: { type: 'string', description: "the body's own document number" },
            title: { type: 'string' },
            type: { type: ['string', 'null'] },
            for: { type: ['string', 'null'] },
            status: { type: ['string', 'null'], description: "the body's own outcome word, lower case" },
            date: { type: ['string', 'null'], format: 'date' },
            sourceText: { type: 'string', description: 'the source cell as published' },
            sources: { type: 'array', items: { $ref: '#/components/schemas/Source' } },
            url: { type: ['string', 'null'] },
            revisionOf: { type: ['string', 'null'] },
            authors: {
              type: 'array',
              description:
                "the document's authors in its order, each with the affiliation and the country the document itself gives (IETF; reports count by the resolved organization's country instead); empty when the listing gives none. No names.",
              items: {
                type: 'object',
                properties: {
                  affiliation: { type: ['string', 'null'], description: 'as published' },
                  country: { type: ['string', 'null'], description: 'ISO 3166-1 alpha-2 as the document gives it' },
                },
              },
            },
          },
        },
      },
    },
  };
}
