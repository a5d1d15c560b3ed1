// Where things are on the 3GPP sites. Every URL a 3GPP page links to is moved onto the configured base
// URL (the real site in production, a local server in tests), and only 3GPP's own hosts are followed.
import { meetingsCodeOf } from '../../domain/groups/3gpp.js';

export const DEFAULT_BASE_URL = 'https://www.3gpp.org';

/** The hosts 3GPP's pages link to for the data we read. */
export const THREE_GPP_HOSTS = ['www.3gpp.org', '3gpp.org'];

export function meetingIndexUrl(baseUrl: string, groupCode: string): string {
  const code = meetingsCodeOf(groupCode);
  if (!code) throw new Error(`no meeting index for group ${groupCode}`);
  return new URL(`/dynareport?code=Meetings-${code}.htm`, baseUrl).toString();
}

/** Moves a 3GPP URL onto the configured base (`https://www.3gpp.org/ftp/x` → `http://127.0.0.1:PORT/ftp/x`). */
export function onBase(url: string, baseUrl: string): string {
  const target = new URL(url);
  if (!THREE_GPP_HOSTS.includes(target.hostname.toLowerCase())) return url;
  const base = new URL(baseUrl);
  target.protocol = base.protocol;
  target.hostname = base.hostname;
  target.port = base.port;
  return target.toString();
}

/** The public URL of a document list or page, whatever base it was fetched from. */
export function publicUrl(url: string, baseUrl: string): string {
  const fetched = new URL(url);
  const base = new URL(baseUrl);
  if (fetched.host !== base.host) return url;
  const target = new URL(DEFAULT_BASE_URL);
  fetched.protocol = target.protocol;
  fetched.hostname = target.hostname;
  fetched.port = target.port;
  return fetched.toString();
}

export function allowedHosts(baseUrl: string): string[] {
  return [...new Set([new URL(baseUrl).host, ...THREE_GPP_HOSTS])];
}
