// The 3GPP contribution source: for each configured group, the meetings in the window, each meeting's
// document list, parsed, resolved and stored. One meeting's failure is recorded and the next goes on;
// a page that no longer looks as expected stops the source ("layout changed").
import { FetchError, LayoutChangedError, RetryableFetchError, errorMessage } from '../errors.js';
import { emptyOutcome, type ScrapeContext, type Source, type SourceOutcome } from '../source.js';
import type { ParsedListing } from '../../domain/types.js';
import { discoverMeetings, findListing } from './discover.js';
import type { IndexedMeeting } from './parse-meeting-index.js';
import { parseTdocList } from './parse-tdoc-list.js';
import { parseTdocsByAgenda } from './parse-tdocs-by-agenda.js';
import { publicUrl } from './urls.js';
import { redactListingAddresses } from '../redact.js';

async function scrapeMeeting(context: ScrapeContext, meeting: IndexedMeeting, outcome: SourceOutcome): Promise<void> {
  const base = context.baseUrls['3gpp'];
  if (!meeting.folderUrl) {
    outcome.errors.push(`${meeting.name}: the meeting index gives no folder`);
    return;
  }
  const location = await findListing(context.http, base, meeting.folderUrl);
  if (!location) {
    context.log(`${meeting.name}: no document list yet`);
    return;
  }
  const page = await context.http.get(location.url, { redact: redactListingAddresses });
  outcome.documentsFetched++;
  const url = publicUrl(page.url, base);
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  const listing: ParsedListing =
    location.kind === 'tdoc-list' ? parseTdocList(page.body, { fileName }) : parseTdocsByAgenda(page.body, { url });
  // The index knows the meeting's days and town even when the list does not.
  listing.meeting = {
    name: listing.meeting?.name ?? meeting.name,
    startDate: listing.meeting?.startDate ?? meeting.startDate,
    endDate: listing.meeting?.endDate ?? meeting.endDate,
    town: listing.meeting?.town ?? meeting.town,
    folderUrl: listing.meeting?.folderUrl ?? publicUrl(meeting.folderUrl, base),
  };
  outcome.recordsSeen += listing.contributions.length;
  outcome.documents.push({ url, records: listing.contributions.length, warnings: listing.warnings });
  if (context.dryRun) return;
  const stored = context.store.listing(listing, page.rawDocumentId);
  outcome.recordsNew += stored.new;
  outcome.recordsChanged += stored.changed;
  context.log(`${meeting.name}: ${listing.contributions.length} contributions (${stored.new} new, ${stored.changed} changed)`);
}

export const threeGppTdocs: Source = {
  name: '3gpp:tdocs',
  body: '3gpp',
  description: '3GPP contribution (TDoc) lists: meeting index → meeting folder → TDoc list or TdocsByAgenda page',
  async run(context) {
    const outcome = emptyOutcome();
    const meetings: IndexedMeeting[] = [];
    for (const group of context.threeGppGroups) {
      try {
        meetings.push(
          ...(await discoverMeetings(context.http, context.baseUrls['3gpp'], group, {
            since: context.since,
            until: context.until,
          })),
        );
      } catch (error) {
        if (error instanceof LayoutChangedError) throw new LayoutChangedError(`${group} meeting index: ${error.message}`);
        // No answer at all (no network, DNS, connection refused) will not differ for the next group.
        if (error instanceof RetryableFetchError && error.status === undefined) {
          throw new Error(`the 3GPP site cannot be reached (${group} meeting index: ${error.message}); nothing was changed`);
        }
        outcome.errors.push(`${group} meeting index: ${errorMessage(error)}`);
      }
    }
    let done = 0;
    const today = new Date().toISOString().slice(0, 10);
    for (const meeting of meetings) {
      context.progress?.({ source: this.name, done, total: meetings.length, label: meeting.name });
      try {
        await scrapeMeeting(context, meeting, outcome);
      } catch (error) {
        if (error instanceof LayoutChangedError) throw new LayoutChangedError(`${meeting.name}: ${error.message}`);
        // A meeting still to come often has no folder yet: that is news to wait for, not a failure.
        if (error instanceof FetchError && error.status === 404 && (meeting.startDate ?? '') > today) {
          context.log(`${meeting.name}: no folder yet (the meeting starts ${meeting.startDate})`);
        } else {
          outcome.errors.push(`${meeting.name}: ${errorMessage(error)}`);
        }
      }
      done++;
    }
    context.progress?.({ source: this.name, done, total: meetings.length, label: 'done' });
    return outcome;
  },
};
