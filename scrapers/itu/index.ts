// The ITU sources. `itu:contributions`: for each study period in the scrape window, the ITU-T study
// groups from the sector's own list (and TSAG), each group's contribution and TD listings, and the
// ITU-R working parties' contribution listings. `itu:leadership`: each study group's management team
// and rapporteurs. One listing that cannot be fetched is recorded and the next goes on; a page that no
// longer looks as expected stops the source ("layout changed").
import { LayoutChangedError, RetryableFetchError, errorMessage } from '../errors.js';
import { emptyOutcome, runTasks, type ScrapeContext, type Source, type SourceOutcome, type SourceTask } from '../source.js';
import { ITU_R_GROUPS } from '../../domain/groups/itu.js';
import { parseDocumentListing } from './parse-document-listing.js';
import { parseStudyGroupList, type ListedGroup } from './parse-group-list.js';
import { parseManagementTeam, parseRapporteurs } from './parse-roster.js';
import { periodsInWindow, type StudyPeriod } from './periods.js';
import { documentListingUrl, officerListUrl, publicUrl, studyGroupListUrl } from './urls.js';
import { redactAddresses, redactListingAddresses } from '../redact.js';

async function listedGroups(context: ScrapeContext, period: StudyPeriod): Promise<ListedGroup[]> {
  const url = studyGroupListUrl(context.baseUrls.itu, period);
  const page = await context.http.get(url);
  return parseStudyGroupList(page.body, period);
}

/** The groups of every ITU-T period in the window; a period whose list is missing is an error, not the end. */
async function periodGroups(context: ScrapeContext, outcome: SourceOutcome): Promise<{ period: StudyPeriod; groups: ListedGroup[] }[]> {
  const out: { period: StudyPeriod; groups: ListedGroup[] }[] = [];
  for (const period of periodsInWindow(context).filter((p) => p.sector === 'T')) {
    try {
      out.push({ period, groups: await listedGroups(context, period) });
    } catch (error) {
      if (error instanceof LayoutChangedError) throw new LayoutChangedError(`ITU-T study groups ${period.years}: ${error.message}`);
      if (error instanceof RetryableFetchError && error.status === undefined) {
        throw new Error(`the ITU site cannot be reached (ITU-T study groups ${period.years}: ${error.message}); nothing was changed`);
      }
      outcome.errors.push(`ITU-T study groups ${period.years}: ${errorMessage(error)}`);
    }
  }
  return out;
}

async function scrapeListing(context: ScrapeContext, url: string, outcome: SourceOutcome): Promise<void> {
  const page = await context.http.get(url, { redact: redactListingAddresses });
  outcome.documentsFetched++;
  const address = publicUrl(page.url, context.baseUrls.itu);
  const listing = parseDocumentListing(page.body, { url: address });
  outcome.recordsSeen += listing.contributions.length;
  outcome.documents.push({ url: address, records: listing.contributions.length, warnings: listing.warnings });
  if (context.dryRun) return;
  const stored = context.store.listing(listing, page.rawDocumentId);
  outcome.recordsNew += stored.new;
  outcome.recordsChanged += stored.changed;
}

export const ituContributions: Source = {
  name: 'itu:contributions',
  body: 'itu',
  description: 'ITU-T contribution and TD listings of every study group and TSAG, ITU-R WP 5D contributions, per study period',
  async run(context) {
    const outcome = emptyOutcome();
    const base = context.baseUrls.itu;
    const tasks: SourceTask[] = [];
    for (const { period, groups } of await periodGroups(context, outcome)) {
      for (const { group } of groups) {
        for (const kind of ['C', 'TD'] as const) {
          const url = documentListingUrl(base, period, group.code, kind);
          tasks.push({ label: `${period.prefix}-${group.code}-${kind}`, run: () => scrapeListing(context, url, outcome) });
        }
      }
    }
    for (const period of periodsInWindow(context).filter((p) => p.sector === 'R')) {
      for (const code of ITU_R_GROUPS) {
        const url = documentListingUrl(base, period, code, 'C');
        tasks.push({ label: `${period.prefix}-${code}-C`, run: () => scrapeListing(context, url, outcome) });
      }
    }
    await runTasks(context, this.name, 'the ITU site', tasks, outcome);
    return outcome;
  },
};

async function scrapeRoster(
  context: ScrapeContext,
  page: 'mgmt' | 'loqr',
  listed: ListedGroup & { number: number },
  period: StudyPeriod,
  outcome: SourceOutcome,
): Promise<void> {
  // The lists publish each officer's e-mail address: archived without them, as everything of seats.
  const fetched = await context.http.get(officerListUrl(context.baseUrls.itu, page, listed.number, period), { redact: redactAddresses });
  outcome.documentsFetched++;
  const address = publicUrl(fetched.url, context.baseUrls.itu);
  const parse = page === 'mgmt' ? parseManagementTeam : parseRapporteurs;
  const roster = parse(fetched.body, { group: listed.group, period, url: address });
  outcome.recordsSeen += roster.positions.length;
  outcome.documents.push({ url: address, records: roster.positions.length, warnings: roster.warnings });
  if (context.dryRun) return;
  const stored = context.store.roster(roster, {
    rawDocumentId: fetched.rawDocumentId,
    seenDate: new Date().toISOString().slice(0, 10),
  });
  outcome.recordsNew += stored.new;
  outcome.recordsChanged += stored.changed;
}

export const ituLeadership: Source = {
  name: 'itu:leadership',
  body: 'itu',
  description: 'ITU-T study-group management teams (mgmt.aspx) and rapporteurs per Question (loqr.aspx), per study period',
  units: { documents: 'page(s)', records: 'seats' },
  async run(context) {
    const outcome = emptyOutcome();
    const tasks: SourceTask[] = [];
    for (const { period, groups } of await periodGroups(context, outcome)) {
      if (!period.listPeriod) continue;
      for (const listed of groups) {
        // TSAG is not on the study-group officer lists.
        if (listed.number === null) continue;
        const numbered = { ...listed, number: listed.number };
        for (const page of ['mgmt', 'loqr'] as const) {
          tasks.push({ label: `${page} SG${listed.number} ${period.years}`, run: () => scrapeRoster(context, page, numbered, period, outcome) });
        }
      }
    }
    await runTasks(context, this.name, 'the ITU site', tasks, outcome);
    return outcome;
  },
};

