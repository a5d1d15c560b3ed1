// Where things are on IEEE Mentor, the document server of the IEEE 802 working groups. Requests go to
// the configured base URL; what is stored names the public site.
export const DEFAULT_BASE_URL = 'https://mentor.ieee.org';

/** The working groups scraped by default: wireless LANs, PANs/IoT, regulatory, coexistence, and IoT/smart grid. */
export const DEFAULT_GROUPS = ['802.11', '802.15', '802.18', '802.19', '802.24'];

/** One page of a working group's document listing, newest first (`/802.11/documents?n=2`). */
export function listingUrl(baseUrl: string, group: string, page: number): string {
  return new URL(`/${group}/documents?n=${page}`, baseUrl).toString();
}

/** A link of the listing (`/802.11/dcn/21/11-21-1606-04-….docx`) on the public site. */
export function publicDocumentUrl(href: string): string {
  return new URL(href, DEFAULT_BASE_URL).toString();
}

export function publicUrl(url: string, baseUrl: string): string {
  const fetched = new URL(url);
  if (fetched.host !== new URL(baseUrl).host) return url;
  return new URL(fetched.pathname + fetched.search, DEFAULT_BASE_URL).toString();
}

/** Where the working groups' own pages are (officers, meetings): not on Mentor. */
export const DEFAULT_IEEE802_BASE_URL = 'https://www.ieee802.org';

/** A working group's page on ieee802.org, which holds its officers table (`802.11` → `/11/`). */
export function officersUrl(baseUrl: string, group: string): string {
  return new URL(`/${group.replace(/^802\./, '')}/`, baseUrl).toString();
}

/** A fetched ieee802.org address as the public site names it. */
export function publicIeee802Url(url: string, baseUrl: string): string {
  const fetched = new URL(url);
  if (fetched.host !== new URL(baseUrl).host) return url;
  return new URL(fetched.pathname + fetched.search, DEFAULT_IEEE802_BASE_URL).toString();
}
