// The 3GPP leadership source: the chairs and vice-chairs of the TSGs and working groups, from 3GPP's
// election news (walked from the news listing) and the "Co-ordinates of TSG and WG Officials" annexes
// of TSG meeting reports. Every page is read before anything is stored, so a page whose layout changed
// stops the source with nothing of this run stored. After storing, the seats later elections filled
// again are closed (domain/seat-terms.ts).
import { FetchError, LayoutChangedError, RetryableFetchError, errorMessage } from '../errors.js';
// Types only: sources.ts imports this module, and a value import back would be a cycle.
import type { ScrapeContext, Source, SourceOutcome } from '../source.js';
import type { ParsedRoster } from '../../domain/types.js';
import { OFFICIAL_3GPP_BASES, threeGppSeatCapacity } from '../../domain/seat-bases.js';
import { nextListingPage, parseElectionNews, parseNewsListing, type NewsLink } from './parse-elections.js';
import { parseOfficials } from './parse-officials.js';
import { parseDirectoryListing, type DirectoryEntry } from './parse-directory-listing.js';
import { meetingOfFolder } from '../../domain/groups/3gpp.js';
import { onBase, publicUrl } from './urls.js';
import { redactAddresses } from '../redact.js';

export const NEWS_LISTING_PATH = '/news-events/3gpp-news';

/**
 * The TSG plenaries' meeting folders on the file server. Each meeting's `Report/` folder holds the
 * report's annexes (`Report_Annexes.htm`), whose Annex A is the "Co-ordinates of TSG and WG Officials".
 */
export const TSG_MEETING_FOLDERS = ['/ftp/tsg_sa/TSG_SA/', '/ftp/tsg_ran/TSG_RAN/', '/ftp/tsg_ct/TSG_CT/'];

/** A report annex page in a meeting's `Report/` folder (`Report_Annexes.htm`, `Report_Annexes_v2.htm`). */
const ANNEX_FILE = /annex[^/]*\.html?$/i;

export { threeGppSeatCapacity };

interface ReadPage {
  roster: ParsedRoster;
  rawDocumentId: number | null;
  url: string;
}

/** Pages of the news listing read at most: a loop in its paging cannot walk on for ever. */
export const MAX_LISTING_PAGES = 200;

/** The election articles of every page of the news listing, following its paging to the last page. */
async function readListing(context: ScrapeContext, outcome: SourceOutcome): Promise<NewsLink[]> {
  const base = context.baseUrls['3gpp'];
  const links: NewsLink[] = [];
  const visited = new Set<string>();
  let next: string | null = new URL(NEWS_LISTING_PATH, base).toString();
  while (next && !visited.has(next) && visited.size < MAX_LISTING_PAGES) {
    visited.add(next);
    const listing = await context.http.get(next);
    outcome.documentsFetched++;
    const url = publicUrl(listing.url, base);
    for (const link of parseNewsListing(listing.body, { url })) {
      if (!links.some((l) => l.url === link.url)) links.push(link);
    }
    const following = nextListingPage(listing.body, { url });
    next = following ? onBase(following, base) : null;
  }
  return links;
}

async function readElectionNews(context: ScrapeContext, outcome: SourceOutcome): Promise<ReadPage[]> {
  const base = context.baseUrls['3gpp'];
  const links = await readListing(context, outcome);
  const pages: ReadPage[] = [];
  for (const [done, link] of links.entries()) {
    context.progress?.({ source: threeGppLeadership.name, done, total: links.length, label: link.title });
    try {
      const page = await context.http.get(onBase(link.url, base), { redact: redactAddresses });
      outcome.documentsFetched++;
      const url = publicUrl(page.url, base);
      pages.push({ roster: parseElectionNews(page.body, { url }), rawDocumentId: page.rawDocumentId, url });
    } catch (error) {
      if (error instanceof LayoutChangedError) throw new LayoutChangedError(`${link.url}: ${error.message}`);
      outcome.errors.push(`${link.url}: ${errorMessage(error)}`);
    }
  }
  return pages;
}

async function listFolder(context: ScrapeContext, url: string): Promise<DirectoryEntry[]> {
  const folder = onBase(url.endsWith('/') ? url : `${url}/`, context.baseUrls['3gpp']);
  const page = await context.http.get(folder);
  return parseDirectoryListing(page.body, folder).entries;
}

/**
 * The officials annexes of the TSG meeting reports: each TSG folder's meeting folders (named like
 * `TSGS_87E_Electronic`, `TSGR_104`) → the meeting's `Report/` folder → its annex page. A meeting
 * without a Report folder yet (404) is passed over; folders that are not meeting folders are ignored.
 */
export async function findOfficialsAnnexes(context: ScrapeContext, outcome: SourceOutcome): Promise<{ path: string; meeting: string }[]> {
  const base = context.baseUrls['3gpp'];
  const annexes: { path: string; meeting: string }[] = [];
  for (const tsgFolder of TSG_MEETING_FOLDERS) {
    let entries: DirectoryEntry[];
    try {
      entries = await listFolder(context, new URL(tsgFolder, base).toString());
    } catch (error) {
      if (error instanceof LayoutChangedError) throw new LayoutChangedError(`${tsgFolder}: ${error.message}`);
      outcome.errors.push(`${tsgFolder}: ${errorMessage(error)}`);
      continue;
    }
    const meetings = entries
      .filter((e) => e.isDirectory)
      .map((e) => ({ entry: e, found: meetingOfFolder(e.name) }))
      .filter((m): m is { entry: DirectoryEntry; found: NonNullable<ReturnType<typeof meetingOfFolder>> } => m.found !== null);
    outcome.documentsFetched++;
    for (const { entry, found } of meetings) {
      let files: DirectoryEntry[];
      try {
        files = await listFolder(context, `${entry.url.replace(/\/$/, '')}/Report/`);
        outcome.documentsFetched++;
      } catch (error) {
        if (error instanceof FetchError && error.status === 404) continue;
        if (error instanceof LayoutChangedError) throw new LayoutChangedError(`${found.meeting} Report folder: ${error.message}`);
        outcome.errors.push(`${found.meeting} Report folder: ${errorMessage(error)}`);
        continue;
      }
      const annex = files.find((f) => !f.isDirectory && ANNEX_FILE.test(f.name));
      if (annex) annexes.push({ path: new URL(annex.url).pathname, meeting: found.meeting });
    }
  }
  return annexes;
}

async function readOfficialsAnnexes(context: ScrapeContext, outcome: SourceOutcome): Promise<ReadPage[]> {
  const base = context.baseUrls['3gpp'];
  const pages: ReadPage[] = [];
  for (const annex of await findOfficialsAnnexes(context, outcome)) {
    try {
      const page = await context.http.get(new URL(annex.path, base).toString(), { redact: redactAddresses });
      outcome.documentsFetched++;
      const url = publicUrl(page.url, base);
      pages.push({ roster: parseOfficials(page.body, { url, meeting: annex.meeting }), rawDocumentId: page.rawDocumentId, url });
    } catch (error) {
      if (error instanceof LayoutChangedError) throw new LayoutChangedError(`${annex.meeting} officials annex: ${error.message}`);
      outcome.errors.push(`${annex.meeting} officials annex: ${errorMessage(error)}`);
    }
  }
  return pages;
}

export const threeGppLeadership: Source = {
  name: '3gpp:leadership',
  body: '3gpp',
  description: '3GPP chairs and vice-chairs: election news and the officials annexes of TSG meeting reports',
  units: { documents: 'page(s)', records: 'seats' },
  async run(context) {
    const outcome: SourceOutcome = { documentsFetched: 0, recordsSeen: 0, recordsNew: 0, recordsChanged: 0, errors: [], documents: [] };
    let pages: ReadPage[];
    try {
      pages = [...(await readElectionNews(context, outcome)), ...(await readOfficialsAnnexes(context, outcome))];
    } catch (error) {
      if (error instanceof RetryableFetchError && error.status === undefined) {
        throw new Error(`the 3GPP site cannot be reached (${error.message}); nothing was changed`);
      }
      if (error instanceof FetchError) throw new Error(`the 3GPP news listing: ${error.message}`);
      throw error;
    }
    const seenDate = new Date().toISOString().slice(0, 10);
    for (const page of pages) {
      outcome.recordsSeen += page.roster.positions.length;
      outcome.documents.push({ url: page.url, records: page.roster.positions.length, warnings: page.roster.warnings });
      if (context.dryRun) continue;
      const stored = context.store.roster(page.roster, { rawDocumentId: page.rawDocumentId, seenDate });
      outcome.recordsNew += stored.new;
      outcome.recordsChanged += stored.changed;
      context.log(`${page.url}: ${page.roster.positions.length} seats (${stored.new} new, ${stored.changed} changed)`);
    }
    if (!context.dryRun) {
      const closed = context.store.closeReplacedSeats({ body: '3gpp', bases: OFFICIAL_3GPP_BASES, capacity: threeGppSeatCapacity });
      outcome.recordsChanged += closed;
      if (closed > 0) context.log(`${closed} seats closed by a later election or appointment`);
    }
    context.progress?.({ source: this.name, done: pages.length, total: pages.length, label: 'done' });
    return outcome;
  },
};
