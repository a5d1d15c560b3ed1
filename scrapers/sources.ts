// The sources stdwatch scrapes, by name (`3gpp:tdocs`), and what a source run gets and gives back.
import type { Db } from '../db/client.js';
import type { RawArchive } from './archive.js';
import type { HttpClient } from './http.js';
import type { Resolver } from './resolve/resolve.js';
import type { BodyId } from './types.js';
import { LayoutChangedError, RetryableFetchError, errorMessage } from './errors.js';
import { threeGppTdocs } from './3gpp/index.js';
import { ituContributions, ituLeadership } from './itu/index.js';
import { threeGppLeadership } from './3gpp/leadership.js';
import { threeGppWorkPlan } from './3gpp/workplan.js';
import { ietfDocuments, ietfLeadership } from './ietf/index.js';
import { ieeeDocuments } from './ieee/index.js';
import { ieeeLeadership } from './ieee/leadership.js';

export interface ProgressEvent {
  source: string;
  done: number;
  total: number;
  label: string;
}

export interface ScrapeContext {
  db: Db;
  resolver: Resolver;
  http: HttpClient;
  archive: RawArchive | null;
  /** Per body, the base URL its pages are fetched from (the real site, or a local server in tests). */
  baseUrls: Record<BodyId, string> & { /** IEEE 802's own site (officers), apart from Mentor; default www.ieee802.org. */ ieee802?: string };
  /** Meetings ending on or after this day are scraped. */
  since: string;
  /** Meetings starting on or before this day are scraped. */
  until: string;
  /** Fetch and parse, store nothing. */
  dryRun: boolean;
  /** 3GPP groups whose meetings are scraped (`RAN`, `SA2`, …). */
  threeGppGroups: string[];
  /** IETF groups by acronym (`core`, `6lo`; `all`); default: the IoT-related groups. */
  ietfGroups?: string[];
  /** Objects per Datatracker API page asked for (default 100). */
  ietfPageSize?: number;
  /** IEEE 802 working groups whose Mentor listings are scraped (`802.11`); default 802.11, .15, .18, .19, .24. */
  ieeeGroups?: string[];
  log: (message: string) => void;
  progress?: (event: ProgressEvent) => void;
}

export interface SourceOutcome {
  documentsFetched: number;
  recordsSeen: number;
  recordsNew: number;
  recordsChanged: number;
  /** Failures that did not stop the source (one meeting's list missing, one group's index down). */
  errors: string[];
  /** What was read, per document, for the status page. */
  documents: { url: string; records: number; warnings: string[] }[];
}

export interface Source {
  name: string;
  body: BodyId;
  description: string;
  /** What the summary calls its documents and records; `list(s)` and `contributions` when not given. */
  units?: { documents: string; records: string };
  run(context: ScrapeContext): Promise<SourceOutcome>;
}

export const SOURCES: Source[] = [
  threeGppTdocs,
  threeGppLeadership,
  threeGppWorkPlan,
  ituContributions,
  ituLeadership,
  ieeeDocuments,
  ieeeLeadership,
  ietfDocuments,
  ietfLeadership,
];

/** `3gpp` selects every 3GPP source; `3gpp:tdocs` one. No names: all. */
export function selectSources(names: string[]): Source[] {
  if (names.length === 0) return SOURCES;
  const chosen = new Set<Source>();
  for (const name of names) {
    const matches = SOURCES.filter((s) => s.name === name || s.body === name);
    if (matches.length === 0) {
      throw new Error(`unknown source "${name}" (available: ${[...new Set(SOURCES.flatMap((s) => [s.body, s.name]))].join(', ')})`);
    }
    for (const m of matches) chosen.add(m);
  }
  return [...chosen];
}

export function emptyOutcome(): SourceOutcome {
  return { documentsFetched: 0, recordsSeen: 0, recordsNew: 0, recordsChanged: 0, errors: [], documents: [] };
}

/** One page or list a source reads, named for progress and error messages (`T22-SG17-C`, `802.11`). */
export interface SourceTask {
  label: string;
  run: () => Promise<void>;
}

/**
 * Runs a source's tasks in order with progress. A task whose page changed layout stops the source
 * (nothing more is read); a site that cannot be reached at all stops it too, saying which site; any
 * other failure is that task's error and the rest go on.
 */
export async function runTasks(context: ScrapeContext, source: string, site: string, tasks: SourceTask[], outcome: SourceOutcome): Promise<void> {
  let done = 0;
  for (const task of tasks) {
    context.progress?.({ source, done, total: tasks.length, label: task.label });
    try {
      await task.run();
    } catch (error) {
      if (error instanceof LayoutChangedError) throw new LayoutChangedError(`${task.label}: ${error.message}`);
      if (error instanceof RetryableFetchError && error.status === undefined) {
        throw new Error(`${site} cannot be reached (${task.label}: ${errorMessage(error)}); nothing was changed`);
      }
      outcome.errors.push(`${task.label}: ${errorMessage(error)}`);
    }
    done++;
  }
  context.progress?.({ source, done, total: tasks.length, label: 'done' });
}

