// `ieee:leadership`: each configured working group's page on ieee802.org (`/11/`, `/15/`) and its
// officers table — chairs, vice-chairs, secretaries and editors of the working group and its task
// groups, with their affiliations. The page lists the current holders: a seat no longer listed is
// closed on the day it is first missing.
import { emptyOutcome, runTasks, type ScrapeContext, type Source, type SourceOutcome, type StoredSeat } from '../source.js';
import type { ParsedRoster } from '../../domain/types.js';
import { OFFICERS_BASIS, parseOfficerPage } from './parse-officers.js';
import { DEFAULT_GROUPS, DEFAULT_IEEE802_BASE_URL, officersUrl, publicIeee802Url } from './urls.js';
import { redactAddresses } from '../redact.js';

/**
 * The page's date is the day a holder was last known to hold the seat, not the day the term began:
 * a seat already stored and still open keeps the earlier day it was first seen (storing the roster would
 * otherwise move its start to the page's newer date).
 */
export function keepFirstSeen(open: StoredSeat[], roster: ParsedRoster): ParsedRoster {
  const key = (p: { role: string; person: string | null; sourceRaw: string; detail: string | null }) =>
    [p.role, p.person ?? '', p.sourceRaw, p.detail ?? ''].join('\u0000');
  const firstSeen = new Map(open.map((p) => [key(p), p.from]));
  return {
    ...roster,
    positions: roster.positions.map((p) => {
      const earlier = firstSeen.get(key({ ...p, sourceRaw: p.sourceText }));
      return earlier && p.from && earlier < p.from ? { ...p, from: earlier } : p;
    }),
  };
}

async function scrapeOfficers(context: ScrapeContext, group: string, outcome: SourceOutcome): Promise<void> {
  const base = context.baseUrls.ieee802 ?? DEFAULT_IEEE802_BASE_URL;
  const today = new Date().toISOString().slice(0, 10);
  const page = await context.http.get(officersUrl(base, group), { redact: redactAddresses });
  outcome.documentsFetched++;
  const url = publicIeee802Url(page.url, base);
  const parsed = parseOfficerPage(page.body, { group, url, readOn: today });
  outcome.recordsSeen += parsed.positions.length;
  outcome.documents.push({ url, records: parsed.positions.length, warnings: parsed.warnings });
  if (context.dryRun) return;
  const stored = context.store.roster(keepFirstSeen(context.store.openSeats(parsed.basis, parsed.scope), parsed), {
    rawDocumentId: page.rawDocumentId,
    seenDate: today,
    closeMissing: true,
  });
  outcome.recordsNew += stored.new;
  outcome.recordsChanged += stored.changed;
  context.log(`ieee ${group} officers: ${parsed.positions.length} seats (${stored.new} new, ${stored.changed} changed)`);
}

export const ieeeLeadership: Source = {
  name: 'ieee:leadership',
  body: 'ieee',
  description: "IEEE 802 working groups' officers (ieee802.org): chairs, vice-chairs, secretaries and editors of the working and task groups",
  units: { documents: 'page(s)', records: 'seats' },
  async run(context) {
    const outcome = emptyOutcome();
    const groups = context.ieeeGroups ?? DEFAULT_GROUPS;
    const tasks = groups.map((group) => ({ label: group, run: () => scrapeOfficers(context, group, outcome) }));
    await runTasks(context, this.name, 'ieee802.org', tasks, outcome);
    return outcome;
  },
};
