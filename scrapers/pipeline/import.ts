// Importing saved public files: parse everything first, store only if the whole file was read. A file
// that cannot be read is refused whole with the reason and leaves the database as it was; the same file
// imported twice changes nothing. Listings become contributions; files of seats (work plans, election
// articles, officials annexes, chairs tables, rosters) become leadership seats.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { meetings } from '../../db/schema.js';
import { closeReplacedSeats, storeRoster } from '../../db/seats.js';
import { finishRun, startRun, type RunStatus } from '../../db/runs.js';
import { storeListing } from '../../db/contributions.js';
import type { StoreResult } from '../../domain/types.js';
import type { RawArchive } from '../../db/archive.js';
import { errorMessage } from '../errors.js';
import { detectFormat, isRosterFormat, parseFile, parseRosterFile, redactRoster, type FileFormat, type RosterFormat } from '../formats.js';
import { redactionNote } from '../redaction.js';
import { redactListingAddresses } from '../redact.js';
import type { Redaction } from '../../domain/types.js';
import { OFFICIAL_3GPP_BASES, threeGppSeatCapacity } from '../../domain/seat-bases.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import type { ParsedListing } from '../../domain/types.js';

export interface ImportTarget {
  db: Db;
  resolver: Resolver;
  archive: RawArchive;
}

export interface ImportOptions {
  /** The public URL the file was saved from; recorded as its provenance. Default `file:<name>`. */
  url?: string;
  /** False when `url` is only approximately where the file was published: links are then not derived from it. */
  urlIsExact?: boolean;
  /** The meeting's first day, for lists that carry no dates (TdocsByAgenda pages). */
  meetingDate?: string;
  /** When the file was saved from its address (a day or a time), if known: the archived copy's fetch time. Default: now. */
  capturedAt?: string;
  /** `import` or `seed`: shown on the status page. */
  trigger?: string;
}

export interface ImportResult extends StoreResult {
  file: string;
  format: string;
  /** What was stored: contributions of a listing, or the seats of a roster (`seen` counts either). */
  kind: 'contributions' | 'seats';
  /** The listing's group; for seats, the roster's scope (`news-events/3gpp-news/tsg-ran-election`). */
  group: string;
  meeting: string | null;
  warnings: string[];
  /** For seats: where they were read from (`3gpp-workplan`, `secondary-chairs-table`, …). */
  basis?: string;
  /** For a work plan: how many of its items became seats. */
  summary?: string;
}

function meetingStartKnown(db: Db, listing: ParsedListing): boolean {
  if (!listing.meeting) return false;
  const row = db
    .select({ startDate: meetings.startDate })
    .from(meetings)
    .where(and(eq(meetings.bodyId, listing.body), eq(meetings.name, listing.meeting.name)))
    .get();
  return Boolean(row?.startDate);
}

/** One line saying what an import stored: `830 contributions of RAN#104 (…)`, `74 seats from secondary-chairs-table (…)`. */
export function describeImport(r: ImportResult): string {
  const what = r.kind === 'seats' ? `${r.seen} seats from ${r.basis} (${r.group})` : `${r.seen} contributions of ${r.meeting ?? r.group}`;
  return `${what} (${r.new} new, ${r.changed} changed)${r.summary ? `; ${r.summary}` : ''}`;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

function readListing(file: string, bytes: Buffer, options: ImportOptions): ParsedListing {
  try {
    const linkBase = options.urlIsExact === false ? undefined : options.url;
    const listing = parseFile(bytes, { fileName: path.basename(file), url: linkBase });
    if (listing.meeting && options.meetingDate) listing.meeting.startDate ??= options.meetingDate;
    return listing;
  } catch (error) {
    throw new ImportError(`${file}: ${errorMessage(error)}; nothing was imported from it`);
  }
}

/** The bytes of a file to import, or an ImportError saying why it cannot be read. */
export function readImportFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : code === 'EACCES' ? 'not readable (permission denied)' : errorMessage(error);
    throw new ImportError(`${file}: ${reason}`);
  }
}

export interface ImportRun {
  /** `import:3gpp`, or `import` when the file was refused before its body was known. */
  source: string;
  trigger: string;
  startedAt: string;
  files: number;
  status: RunStatus;
  stored?: { seen: number; new: number; changed: number };
  documents?: { url: string; records: number; warnings: string[] }[];
  error?: string;
}

/** Every import is a run on /status, whether it changed anything or not; a refused file is a failed run with the reason. */
export function recordImportRun(db: Db, run: ImportRun): void {
  const id = startRun(db, run.source, run.trigger, run.startedAt);
  finishRun(db, id, {
    status: run.status,
    documentsFetched: run.files,
    recordsSeen: run.stored?.seen ?? 0,
    recordsNew: run.stored?.new ?? 0,
    recordsChanged: run.stored?.changed ?? 0,
    error: run.error ?? null,
    details: { documents: run.documents ?? [], errors: run.error ? [run.error] : [] },
  });
}

/** Runs `work`; when it throws, records the refusal as a failed import run before passing the error on. */
export function recordingRefusal<T>(db: Db, refused: Omit<ImportRun, 'status' | 'error'>, work: () => T): T {
  try {
    return work();
  } catch (error) {
    recordImportRun(db, { ...refused, status: 'failed', error: errorMessage(error) });
    throw error;
  }
}

/** The bytes an import archives: the file as published, or its redacted copy with what was taken out. */
export interface ArchivedFile {
  bytes: Buffer;
  contentType: string | null;
  redaction: Redaction | null;
}

/** An import under way: when it started, by what, and how a refusal is recorded. */
interface ImportStart {
  source: string;
  trigger: string;
  startedAt: string;
  files: number;
}

/**
 * One transaction: the raw document's row, what `store` writes and the run's record land together.
 * Bytes already archived keep the provenance they were archived with (their public address), unless
 * the import names one itself.
 */
function storeArchived(
  target: ImportTarget,
  file: ArchivedFile,
  run: ImportStart & { url: string; body: string; warnings: string[] },
  options: ImportOptions,
  store: (rawDocumentId: number, seenAt: string) => StoreResult,
): StoreResult {
  const { db } = target;
  const source = `import:${run.body}`;
  return recordingRefusal(db, { ...run, source }, () =>
    db.transaction(() => {
      const fetchedAt = options.capturedAt ?? run.startedAt;
      const archived = target.archive.store(
        file.bytes,
        { url: run.url, contentType: file.contentType, fetchedAt, redaction: file.redaction },
        { keepEarlierCopy: options.url === undefined },
      );
      const result = store(archived.id, run.startedAt);
      recordImportRun(db, {
        source,
        trigger: run.trigger,
        startedAt: run.startedAt,
        files: run.files,
        status: 'ok',
        stored: result,
        documents: [{ url: archived.url, records: result.seen, warnings: run.warnings }],
      });
      return result;
    }),
  );
}

function formatOf(file: string, bytes: Buffer): FileFormat {
  try {
    return detectFormat(bytes);
  } catch (error) {
    throw new ImportError(`${file}: ${errorMessage(error)}; nothing was imported from it`);
  }
}

/**
 * A file of seats (a work plan, an election article, an officials annex, a chairs table, a roster),
 * read and parsed: stored in one transaction with its raw copy and the run's record; official 3GPP
 * seats a later term filled again are closed (domain/seat-terms.ts).
 */
function importRoster(target: ImportTarget, read: Extract<ReadFile, { kind: 'roster' }>, options: ImportOptions, start: ImportStart): ImportResult {
  const { db } = target;
  const { file, archived, roster } = read;
  const url = publishedUrl(file, options);
  const stored = storeArchived(target, archived, { ...start, url, body: roster.body, warnings: roster.warnings }, options, (rawDocumentId, seenAt) => {
    const result = storeRoster(db, target.resolver, roster, { rawDocumentId, seenDate: seenAt.slice(0, 10) });
    if (roster.body === '3gpp' && OFFICIAL_3GPP_BASES.includes(roster.basis)) {
      result.changed += closeReplacedSeats(db, { body: '3gpp', bases: OFFICIAL_3GPP_BASES, capacity: threeGppSeatCapacity });
    }
    return result;
  });
  return { ...stored, file, format: read.format, kind: 'seats', group: roster.scope, meeting: null, warnings: roster.warnings, basis: roster.basis, summary: roster.summary };
}

/** Where a file was published, as recorded: the URL given, else `file:<name>`. */
const publishedUrl = (file: string, options: ImportOptions) => options.url ?? `file:${path.basename(file)}`;

/**
 * A file read and parsed, not yet stored: what importing it needs of the file, made without the
 * database (so a worker thread can make it while another file is stored). Seats are resolved as they
 * are parsed (the work plan tells companies from people by the registry), hence the resolver.
 */
export type ReadFile =
  | { kind: 'listing'; file: string; archived: ArchivedFile; listing: ParsedListing }
  | { kind: 'roster'; file: string; format: RosterFormat; archived: ArchivedFile; roster: ReturnType<typeof parseRosterFile> };

/**
 * Reads and parses a file to import; throws an ImportError saying why it cannot. `resolverOf` is
 * called only for a file of seats (a reader thread loads the registry only then).
 */
export function readFileToImport(file: string, resolverOf: () => Resolver, options: ImportOptions = {}): ReadFile {
  const bytes = readImportFile(file);
  const format = formatOf(file, bytes);
  if (isRosterFormat(format)) {
    // What is archived is what is read: the copy without the personal data the file holds, if any.
    try {
      const resolver = resolverOf();
      const copy = redactRoster(bytes, format, resolver);
      const archived: ArchivedFile = { bytes: copy?.bytes ?? bytes, contentType: copy?.contentType ?? null, redaction: copy ? redactionNote(bytes, copy) : null };
      return { kind: 'roster', file, format, archived, roster: parseRosterFile(archived.bytes, format, { url: publishedUrl(file, options), resolver }) };
    } catch (error) {
      throw new ImportError(`${file}: ${errorMessage(error)}; nothing was imported from it`);
    }
  }
  // As for seats, what is archived is what is read: the page without its addresses, if it has any.
  const copy = redactListingAddresses(bytes);
  const archived: ArchivedFile = { bytes: copy?.bytes ?? bytes, contentType: null, redaction: copy ? redactionNote(bytes, copy) : null };
  return { kind: 'listing', file, archived, listing: readListing(file, archived.bytes, options) };
}

/** How an import starts: when, by what, before anything is known of the file. */
function importStart(options: ImportOptions): ImportStart {
  return { source: 'import', trigger: options.trigger ?? 'import', startedAt: new Date().toISOString(), files: 1 };
}

export function importFile(target: ImportTarget, file: string, options: ImportOptions = {}): ImportResult {
  const start = importStart(options);
  return storeReadFile(target, recordingRefusal(target.db, start, () => readFileToImport(file, () => target.resolver, options)), options, start);
}

/**
 * Stores a file read by readFileToImport, or records why it could not be read (`refused`, the error
 * readFileToImport threw) as a failed run before throwing it again.
 */
export function storeReadFile(target: ImportTarget, read: ReadFile | { refused: Error }, options: ImportOptions = {}, start = importStart(options)): ImportResult {
  const { db } = target;
  if ('refused' in read) {
    recordImportRun(db, { ...start, status: 'failed', error: errorMessage(read.refused) });
    throw read.refused;
  }
  if (read.kind === 'roster') return importRoster(target, read, options, start);
  const { file, archived, listing } = read;
  const url = publishedUrl(file, options);
  const stored = storeArchived(target, archived, { ...start, url, body: listing.body, warnings: listing.warnings }, options, (rawDocumentId, seenAt) =>
    storeListing(db, target.resolver, listing, { rawDocumentId, seenAt }),
  );
  const warnings = [...listing.warnings];
  const undated = listing.contributions.filter((c) => c.date === null).length;
  if (undated > 0 && !listing.meeting?.startDate && !meetingStartKnown(db, listing)) {
    warnings.push(
      `the list gives no dates and the meeting's first day is not known: ${undated} contributions stay undated ` +
        '(left out of date-filtered reports) until it is imported with --meeting-date YYYY-MM-DD or a scrape finds the meeting',
    );
  }
  return {
    ...stored,
    warnings,
    file,
    format: listing.format,
    kind: 'contributions',
    group: listing.group.code,
    meeting: listing.meeting?.name ?? null,
  };
}
