// Where things are on the IETF Datatracker. Requests go to the configured base URL (the real site, or a
// local server in tests); what is stored always names the public site.
export const DEFAULT_BASE_URL = 'https://datatracker.ietf.org';

/** The IoT-related groups scraped by default: the IETF working groups and the IRTF's t2trg. */
export const DEFAULT_GROUPS = ['core', '6lo', 'roll', 'lwig', 'ace', 'suit', 'teep', 'iotops', 'asdf', 't2trg'];

/** Objects per API page asked for; the API's own `meta.next` is followed whatever it answers. */
export const API_PAGE_SIZE = 100;

/** A group's drafts and RFCs changed on or after `since` (YYYY-MM-DD; a new revision changes the document). */
export function documentsApiUrl(baseUrl: string, group: string, since: string, limit = API_PAGE_SIZE): string {
  return new URL(
    `/api/v1/doc/document/?group__acronym=${encodeURIComponent(group)}&type__in=draft,rfc&time__gte=${since}&limit=${limit}`,
    baseUrl,
  ).toString();
}

export function authorsApiUrl(baseUrl: string, documentId: number, limit = API_PAGE_SIZE): string {
  return new URL(`/api/v1/doc/documentauthor/?document=${documentId}&limit=${limit}`, baseUrl).toString();
}

export function chairsApiUrl(baseUrl: string, group: string): string {
  return new URL(`/api/v1/group/role/?group__acronym=${encodeURIComponent(group)}&name=chair`, baseUrl).toString();
}

export function groupsApiUrl(baseUrl: string, limit = API_PAGE_SIZE): string {
  return new URL(`/api/v1/group/group/?type__in=wg,rg&state=active&limit=${limit}`, baseUrl).toString();
}

/** An API path (`/api/v1/person/person/7/`, a `meta.next`) on the base URL. */
export function apiUrl(baseUrl: string, path: string): string {
  return new URL(path, baseUrl).toString();
}

export function groupAboutUrl(group: string, baseUrl = DEFAULT_BASE_URL): string {
  return new URL(`/wg/${encodeURIComponent(group)}/about/`, baseUrl).toString();
}

/** The document's public page, at its latest revision for a draft (`/doc/draft-x/02/`). */
export function documentUrl(doc: { name: string; rev: string | null; type: string }, baseUrl = DEFAULT_BASE_URL): string {
  const path = doc.type === 'draft' && doc.rev ? `/doc/${doc.name}/${doc.rev}/` : `/doc/${doc.name}/`;
  return new URL(path, baseUrl).toString();
}

/** The public address of something fetched from the base URL. */
export function publicUrl(url: string, baseUrl: string): string {
  const fetched = new URL(url);
  if (fetched.host !== new URL(baseUrl).host) return url;
  return new URL(fetched.pathname + fetched.search, DEFAULT_BASE_URL).toString();
}
