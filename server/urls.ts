// Every link the pages and the API build, in one place.
import { filterQuery, type Filters } from './reports/filters.js';

export type Format = 'html' | 'json' | 'csv';

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function page(path: string, format: Format, filters: Filters = {}): string {
  return withQuery(format === 'html' ? path : `${path}.${format}`, filterQuery(filters));
}

export const urls = {
  home: (filters: Filters = {}, format: Format = 'html') => page(format === 'html' ? '/' : '/index', format, filters),
  countries: () => '/countries',
  country: (code: string, filters: Filters = {}, format: Format = 'html') => page(`/countries/${encodeURIComponent(code)}`, format, filters),
  organizations: () => '/organizations',
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
  status: (format: Format = 'html') => page('/status', format),
  unresolved: (filters: Filters = {}, format: Format = 'html') => page('/unresolved', format, filters),
  raw: (id: number) => `/raw/${id}`,
  apiContributions: (query: Record<string, string | number | undefined>) => withQuery('/api/contributions', query),
  apiPositions: (query: Record<string, string | number | undefined>) => withQuery('/api/positions', query),
};
