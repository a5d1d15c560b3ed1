// The 3GPP work plan source: the newest `Work_plan_3gpp_<date>.xlsx` in the file server's
// /ftp/Information/WORK_PLAN/ folder (found through the folder's listing, like the meeting folders),
// read into one `rapporteur` seat per work or study item (scrapers/3gpp/parse-work-plan.ts). The
// workbook is read whole before anything is stored; a layout change stores (and archives) nothing.
import { FetchError, RetryableFetchError } from '../errors.js';
import type { HttpClient } from '../http.js';
// Types only: sources.ts imports this module, and a value import back would be a cycle.
import type { Source, SourceOutcome } from '../source.js';
import { parseDirectoryListing, type DirectoryEntry } from './parse-directory-listing.js';
import { parseWorkPlan } from './parse-work-plan.js';
import { rapporteurNaming } from './work-plan-rapporteur.js';
import { workPlanCopy } from './work-plan-copy.js';
import { onBase, publicUrl } from './urls.js';

export const WORK_PLAN_FOLDER = '/ftp/Information/WORK_PLAN/';

// `Work_plan_3gpp_260106.xlsx` (yymmdd), also `.xlsm`, and `Work_plan_3gpp_2026_06_26.xlsx`.
const WORK_PLAN_FILE = /^Work_plan_3gpp_(\d{6}|\d{4}_\d{2}_\d{2})\.xls[xm]$/i;

/** The edition's date from its name: `260106` → 2026-01-06, `2026_06_26` → 2026-06-26. */
export function workPlanDate(name: string): string | null {
  const m = WORK_PLAN_FILE.exec(name);
  if (!m) return null;
  const stamp = m[1]!;
  if (stamp.includes('_')) return stamp.replace(/_/g, '-');
  return `20${stamp.slice(0, 2)}-${stamp.slice(2, 4)}-${stamp.slice(4, 6)}`;
}

/** The newest work plan of a WORK_PLAN listing: by the date in its name, then by the listing's time. */
export function newestWorkPlan(entries: DirectoryEntry[]): DirectoryEntry | null {
  return (
    entries
      .filter((e) => !e.isDirectory && workPlanDate(e.name) !== null)
      .sort((a, b) => workPlanDate(b.name)!.localeCompare(workPlanDate(a.name)!) || (b.modified ?? '').localeCompare(a.modified ?? ''))[0] ?? null
  );
}

async function findWorkPlan(http: HttpClient, baseUrl: string): Promise<string | null> {
  const folder = new URL(WORK_PLAN_FOLDER, baseUrl).toString();
  const page = await http.get(folder);
  const newest = newestWorkPlan(parseDirectoryListing(page.body, folder).entries);
  return newest ? onBase(newest.url, baseUrl) : null;
}

export const threeGppWorkPlan: Source = {
  name: '3gpp:workplan',
  body: '3gpp',
  description: '3GPP work-item rapporteurs: the rapporteur company of every work and study item in the newest work plan',
  units: { documents: 'file(s)', records: 'rapporteur seats' },
  async run(context) {
    const outcome: SourceOutcome = { documentsFetched: 0, recordsSeen: 0, recordsNew: 0, recordsChanged: 0, errors: [], documents: [] };
    const base = context.baseUrls['3gpp'];
    const naming = rapporteurNaming(context.resolver);
    let file;
    try {
      const url = await findWorkPlan(context.http, base);
      outcome.documentsFetched++;
      if (!url) {
        outcome.errors.push(`no Work_plan_3gpp_<date>.xlsx in ${WORK_PLAN_FOLDER}`);
        return outcome;
      }
      context.progress?.({ source: this.name, done: 0, total: 1, label: url.split('/').pop() ?? url });
      // The copy without people and addresses is what is archived and read (work-plan-copy.ts).
      file = await context.http.get(url, { redact: (published) => workPlanCopy(published, naming) });
      outcome.documentsFetched++;
    } catch (error) {
      if (error instanceof RetryableFetchError && error.status === undefined) {
        throw new Error(`the 3GPP file server cannot be reached (${error.message}); nothing was changed`);
      }
      if (error instanceof FetchError) throw new Error(`the 3GPP work plan: ${error.message}`);
      throw error;
    }
    const url = publicUrl(file.url, base);
    const roster = parseWorkPlan(file.body, { url, naming });
    outcome.recordsSeen = roster.positions.length;
    outcome.documents.push({ url, records: roster.positions.length, warnings: roster.warnings });
    if (!context.dryRun) {
      const stored = context.store.roster(roster, { rawDocumentId: file.rawDocumentId, seenDate: new Date().toISOString().slice(0, 10) });
      outcome.recordsNew = stored.new;
      outcome.recordsChanged = stored.changed;
      context.log(`${url}: ${roster.counts.items} items, ${roster.counts.seated} of the ${roster.counts.named} naming a company and a lead group as ${roster.positions.length} rapporteur seats (${stored.new} new, ${stored.changed} changed)`);
    }
    context.progress?.({ source: this.name, done: 1, total: 1, label: 'done' });
    return outcome;
  },
};
