// What a source run gets and gives back. A source discovers, fetches (through `http`) and parses; what it read it hands to `store`, which the
// pipeline (scrapers/pipeline/) backs with the database: no source reads or writes the database itself.
import type { HttpClient } from './http.js';
import type { Resolver } from '../domain/resolve/resolve.js';
import type { SeatCapacity } from '../domain/seat-terms.js';
import type { BodyId, ParsedListing, ParsedRoster, StoreResult } from '../domain/types.js';
import { LayoutChangedError, RetryableFetchError, errorMessage } from './errors.js';

export interface ProgressEvent {
  source: string;
  done: number;
  total: number;
  label: string;
}

/** A seat as stored, for a source that compares what it reads with what is known (IEEE's first sightings). */
export interface StoredSeat {
  role: string;
  person: string | null;
  sourceRaw: string;
  detail: string | null;
  from: string | null;
}

/** Where a source puts what it read (the pipeline stores it, resolving its sources). */
export interface RecordSink {
  /** Stores a listing read from the archived document `rawDocumentId`. */
  listing(listing: ParsedListing, rawDocumentId: number | null): StoreResult;
  /** Stores an officer page's seats, as of `seenDate` (`closeMissing`: the page lists every current holder). */
  roster(roster: ParsedRoster, options: { rawDocumentId: number | null; seenDate: string; closeMissing?: boolean }): StoreResult;
  /** Ends the open official seats of a body that later terms filled again; returns how many. */
  closeReplacedSeats(options: { body: string; bases: string[]; capacity: SeatCapacity }): number;
  /** The open seats stored for a roster's basis and scope. */
  openSeats(basis: string, scope: string): StoredSeat[];
}

export interface ScrapeContext {
  store: RecordSink;
  /** For parsers that name organizations as they read (the work plan's rapporteurs by e-mail domain). */
  resolver: Resolver;
  http: HttpClient;
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

