// The IEEE 802 source: each configured working group's Mentor document listing, newest first, page by
// page (`?n=1`, `?n=2`, …) until a page holds only revisions created before the scrape's window (the
// listing is ordered by creation date; an old revision may be uploaded again later), or the pager shows
// no next page. All revisions read are folded into one contribution per document.
import { emptyOutcome, runTasks, type ScrapeContext, type Source, type SourceOutcome } from '../source.js';
import { mentorListing, parseMentorPage, type MentorRevision } from './parse-mentor-listing.js';
import { DEFAULT_GROUPS, listingUrl, publicUrl } from './urls.js';
import { redactListingAddresses } from '../redact.js';

/** A safety stop: 802.11 had 766 pages in Oct 2021; a scrape with an old --since reads them all. */
const MAX_PAGES = 2000;

async function scrapeGroup(context: ScrapeContext, group: string, outcome: SourceOutcome): Promise<void> {
  const base = context.baseUrls.ieee;
  const revisions: MentorRevision[] = [];
  const warnings: string[] = [];
  let first: { url: string; rawDocumentId: number | null } | null = null;
  for (let n = 1; n <= MAX_PAGES; n++) {
    const answer = await context.http.get(listingUrl(base, group, n), { redact: redactListingAddresses });
    outcome.documentsFetched++;
    const page = parseMentorPage(answer.body, { group });
    first ??= { url: publicUrl(answer.url, base), rawDocumentId: answer.rawDocumentId };
    revisions.push(...page.revisions);
    warnings.push(...page.warnings.map((w) => `page ${n}: ${w}`));
    const inWindow = page.revisions.some((r) => (r.created ?? r.uploaded ?? '') >= context.since);
    if (!inWindow || !page.hasNext || n >= page.lastPage) break;
  }
  const listing = mentorListing(group, revisions, warnings);
  outcome.recordsSeen += listing.contributions.length;
  outcome.documents.push({ url: first!.url, records: listing.contributions.length, warnings });
  if (context.dryRun) return;
  const stored = context.store.listing(listing, first!.rawDocumentId);
  outcome.recordsNew += stored.new;
  outcome.recordsChanged += stored.changed;
  context.log(`ieee ${group}: ${revisions.length} revisions, ${listing.contributions.length} documents (${stored.new} new, ${stored.changed} changed)`);
}

export const ieeeDocuments: Source = {
  name: 'ieee:documents',
  body: 'ieee',
  description: "IEEE 802 Mentor document listings: each revision's authors and affiliations, one contribution per document",
  async run(context) {
    const outcome = emptyOutcome();
    const groups = context.ieeeGroups ?? DEFAULT_GROUPS;
    const tasks = groups.map((group) => ({ label: group, run: () => scrapeGroup(context, group, outcome) }));
    await runTasks(context, this.name, 'IEEE Mentor', tasks, outcome);
    return outcome;
  },
};
