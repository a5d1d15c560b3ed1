// Discovery: meeting index pages → meeting folders → the meeting's document list. Each step is a page
// the parsers read; this module only decides which page to ask for next.
import type { HttpClient } from '../http.js';
import { parseDirectoryListing, type DirectoryEntry } from './parse-directory-listing.js';
import { parseMeetingIndex, type IndexedMeeting } from './parse-meeting-index.js';
import { meetingIndexUrl, onBase } from './urls.js';

export interface MeetingWindow {
  /** First meetings to include: those ending on or after this day. */
  since: string;
  /** Last: those starting on or before this day. */
  until: string;
}

export async function discoverMeetings(
  http: HttpClient,
  baseUrl: string,
  groupCode: string,
  window: MeetingWindow,
): Promise<IndexedMeeting[]> {
  const indexUrl = meetingIndexUrl(baseUrl, groupCode);
  const page = await http.get(indexUrl);
  return parseMeetingIndex(page.body, indexUrl)
    .filter((m) => m.group.code === groupCode)
    .filter((m) => (m.endDate ?? m.startDate ?? '') >= window.since && (m.startDate ?? '') <= window.until)
    .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''));
}

export type ListingKind = 'tdoc-list' | 'tdocs-by-agenda';

export interface ListingLocation {
  kind: ListingKind;
  url: string;
}

const TDOC_LIST_FILE = /^TDoc_List_Meeting_.+\.xls[xm]$/i;

async function listFolder(http: HttpClient, url: string, baseUrl: string): Promise<DirectoryEntry[]> {
  const folder = onBase(url.endsWith('/') ? url : `${url}/`, baseUrl);
  const page = await http.get(folder);
  return parseDirectoryListing(page.body, folder).entries;
}

/**
 * The document list of a meeting: the TDoc list workbook in its Docs folder when there is one (it
 * has dates and links), else the folder's TdocsByAgenda page. Null when the meeting has neither yet.
 */
export async function findListing(http: HttpClient, baseUrl: string, folderUrl: string): Promise<ListingLocation | null> {
  const entries = await listFolder(http, folderUrl, baseUrl);
  const docs = entries.find((e) => e.isDirectory && e.name.toLowerCase() === 'docs');
  if (docs) {
    const files = await listFolder(http, docs.url, baseUrl);
    const list = files
      .filter((e) => !e.isDirectory && TDOC_LIST_FILE.test(e.name))
      .sort((a, b) => (b.modified ?? '').localeCompare(a.modified ?? ''))[0];
    if (list) return { kind: 'tdoc-list', url: onBase(list.url, baseUrl) };
  }
  const byAgenda = entries.find((e) => !e.isDirectory && e.name.toLowerCase() === 'tdocsbyagenda.htm');
  return byAgenda ? { kind: 'tdocs-by-agenda', url: onBase(byAgenda.url, baseUrl) } : null;
}
