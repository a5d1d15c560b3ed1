// Every link the pages and the API build, in one place.
import { filterQuery, type Filters } from './reports/filters.js';
import { periodDays } from './reports/periods.js';

export type Format = 'html' | 'json' | 'csv';
type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query: Query | [string, string][]): string {
  const params = new URLSearchParams();
  for (const [k, v] of Array.isArray(query) ? query : Object.entries(query)) if (v !== undefined && v !== '') params.append(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** `/path` for HTML, `/path.json`, `/path.csv` (and the digest's `.md`, a watchlist's `.atom`) otherwise. */
function rendering(path: string, format: string): string {
  return format === 'html' ? path : `${path}.${format}`;
}

function page(path: string, format: Format, filters: Filters = {}): string {
  return withQuery(rendering(path, format), filterQuery(filters));
}

/** A watchlist's `since` is its word for the filters' `from`: what is new since that day. */
function sinceQuery(filters: Filters): Query {
  const { from, ...rest } = filterQuery(filters);
  return { ...(from ? { since: from } : {}), ...rest };
}

// One order for the parameters of a documents link, whatever order a template gave them in.
const DOCUMENT_PARAMETERS = ['body', 'group', 'groups', 'from', 'to', 'topic', 'basis', 'withdrawn', 'revisions', 'country', 'parent', 'organization', 'kind', 'parentKind', 'partner', 'status', 'type', 'meeting', 'q', 'after'];

/** The filters of a documents link: the series' coverage says which groups were counted, the link names them (`groups`). */
function documentFilters(filters: Filters): Record<string, string> {
  const { coverage: _series, ...query } = filterQuery(filters);
  return query;
}

function canonical(query: Record<string, string | number | undefined>): Record<string, string | number | undefined> {
  const rank = (k: string) => (DOCUMENT_PARAMETERS.indexOf(k) + DOCUMENT_PARAMETERS.length + 1) % (DOCUMENT_PARAMETERS.length + 1);
  return Object.fromEntries(Object.entries(query).sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * The dates of a period (`2024`, or a quarter `2024-Q2`) within the filters' own: a per-year count under
 * `from=2024-06-03` counted 2024's contributions from 3 June, so its documents link must start there too.
 */
export function periodWithin(filters: Filters, period: string): { from: string; to: string } {
  const { first, last } = periodDays(period);
  return { from: filters.from && filters.from > first ? filters.from : first, to: filters.to && filters.to < last ? filters.to : last };
}

export const urls = {
  home: (filters: Filters = {}, format: Format = 'html') => page(format === 'html' ? '/' : '/index', format, filters),
  /** Files served as they are (the stylesheet, the icon). */
  static: (file: string) => `/static/${encodeURIComponent(file)}`,
  countries: (filters: Filters = {}, format: Format = 'html') => page('/countries', format, filters),
  country: (code: string, filters: Filters = {}, format: Format = 'html') => page(`/countries/${encodeURIComponent(code)}`, format, filters),
  organizations: (filters: Filters = {}, format: Format = 'html') => page('/organizations', format, filters),
  organization: (slug: string, filters: Filters = {}, format: Format = 'html') =>
    page(`/organizations/${encodeURIComponent(slug)}`, format, filters),
  body: (body: string, filters: Filters = {}, format: Format = 'html') => page(`/bodies/${encodeURIComponent(body)}`, format, filters),
  group: (body: string, group: string, filters: Filters = {}, format: Format = 'html') =>
    page(`/bodies/${encodeURIComponent(body)}/groups/${encodeURIComponent(group)}`, format, filters),
  // The table's own options travel with every link to it: a JSON or CSV link that dropped `dates`
  // would give a different history than the page it sits on.
  leadership: (filters: Filters = {}, format: Format = 'html', table: { at?: string; groups?: string[] | null; dates?: string[] | null; rapporteurs?: boolean } = {}) =>
    withQuery(format === 'html' ? '/leadership' : `/leadership.${format}`, {
      ...filterQuery(filters),
      at: table.at,
      groups: table.groups?.join(','),
      dates: table.dates?.join(','),
      rapporteurs: table.rapporteurs ? 1 : undefined,
    }),
  leadershipCrossCheck: (filters: Filters = {}, format: Format = 'html', groups: string[] | null = null) =>
    withQuery(format === 'html' ? '/leadership/cross-check' : `/leadership/cross-check.${format}`, { ...filterQuery(filters), groups: groups?.join(',') }),
  /** The seats behind a seat count of the table on `at` (see seat-list.ts). */
  leadershipSeats: (
    filters: Filters,
    table: { at: string; groups?: string[] | null },
    pick: { country?: string | null; parent?: string | null; partner?: string | null },
    format: Format = 'html',
  ) =>
    withQuery(format === 'html' ? '/leadership/seats' : `/leadership/seats.${format}`, {
      ...filterQuery(filters),
      at: table.at,
      groups: table.groups?.join(','),
      country: pick.country === null ? 'none' : pick.country,
      parent: pick.parent ?? undefined,
      partner: pick.partner === null ? 'unknown' : pick.partner,
    }),
  /** Contributions and seats by 3GPP Organizational Partner (the membership basis), with the seat table's day and groups. */
  partners: (filters: Filters = {}, format: Format = 'html', table: { at?: string; groups?: string[] | null } = {}) =>
    withQuery(rendering('/partners', format), { ...filterQuery(filters), at: table.at, groups: table.groups?.join(',') }),
  status: (format: Format = 'html') => page('/status', format),
  unresolved: (filters: Filters = {}, format: Format = 'html') => page('/unresolved', format, filters),
  unresolvedCoverage: (filters: Filters = {}, format: Format = 'html') => page('/unresolved/coverage', format, filters),
  unresolvedSuggestions: (filters: Filters = {}, format: Format = 'html') => page('/unresolved/suggestions', format, filters),
  unresolvedAccept: () => '/unresolved/accept',
  raw: (id: number) => `/raw/${id}`,
  digests: (format: 'html' | 'json' = 'html') => rendering('/digest', format),
  digest: (week: string, format: Format | 'md' = 'html') => rendering(`/digest/${encodeURIComponent(week)}`, format),
  /** Search results: page 1 is the address without `page`. */
  search: (q: string | undefined, filters: Filters = {}, page = 1, format: Format = 'html') =>
    withQuery(rendering('/search', format), { q, ...filterQuery(filters), page: page === 1 ? undefined : page }),
  /** Organizations (`org`) or countries side by side, in the order given. */
  compare: (subjects: { organizations?: string[]; countries?: string[] } = {}, filters: Filters = {}, format: Format = 'html') =>
    withQuery(rendering('/compare', format), [
      ...(subjects.organizations ?? []).map((o): [string, string] => ['org', o]),
      ...(subjects.countries ?? []).map((c): [string, string] => ['country', c]),
      ...Object.entries(filterQuery(filters)),
    ]),
  watchlists: (format: Format = 'html') => rendering('/watchlists', format),
  watchlist: (slug: string, filters: Filters = {}, format: Format | 'atom' = 'html') => withQuery(rendering(`/watchlists/${encodeURIComponent(slug)}`, format), sinceQuery(filters)),
  watchlistDelete: (slug: string) => `/watchlists/${encodeURIComponent(slug)}/delete`,
  organizationFeed: (slug: string) => `/feeds/organizations/${encodeURIComponent(slug)}.atom`,
  countryFeed: (code: string) => `/feeds/countries/${encodeURIComponent(code)}.atom`,
  openApi: () => '/api/openapi.json',
  apiScrape: (source?: string) => withQuery('/api/scrape', { source }),
  database: () => '/data/stdwatch.db',
  /**
   * The contributions behind a count: the page's filters (counting rules included, so the list holds
   * exactly the counted documents) and what picks the count's row (`country`, `parent`, `meeting`, …,
   * see record-filters.ts); a value given in `pick` replaces the filter of the same name.
   */
  documents: (filters: Filters = {}, pick: Record<string, string | number | undefined> = {}, format: Format = 'html') =>
    withQuery(format === 'html' ? '/contributions' : `/contributions.${format}`, canonical({ ...documentFilters(filters), ...pick })),
  apiContributions: (query: Query, format: 'json' | 'csv' | 'ndjson' = 'json') => withQuery('/api/contributions', { ...query, format: format === 'json' ? undefined : format }),
  apiPositions: (query: Query, format: 'json' | 'csv' | 'ndjson' = 'json') => withQuery('/api/positions', { ...query, format: format === 'json' ? undefined : format }),
};
