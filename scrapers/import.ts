// Importing saved public files: parse everything first, store only if the whole file was read. A file
// that cannot be read is refused whole with the reason and leaves the database as it was; the same file
// imported twice changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { meetings } from '../db/schema.js';
import { finishRun, startRun, storeListing, type StoreResult } from '../db/write.js';
import type { RunStatus } from '../db/write.js';
import type { RawArchive } from './archive.js';
import { errorMessage } from './errors.js';
import { parseFile } from './formats.js';
import type { Resolver } from './resolve/resolve.js';
import type { ParsedListing } from './types.js';

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
  group: string;
  meeting: string | null;
  warnings: string[];
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

export function importFile(target: ImportTarget, file: string, options: ImportOptions = {}): ImportResult {
  const { db } = target;
  const seenAt = new Date().toISOString();
  const trigger = options.trigger ?? 'import';
  const refused = { source: 'import', trigger, startedAt: seenAt, files: 1 };
  const bytes = recordingRefusal(db, refused, () => readImportFile(file));
  const listing = recordingRefusal(db, refused, () => readListing(file, bytes, options));
  const url = options.url ?? `file:${path.basename(file)}`;
  // One transaction: the raw document's row, the contributions and the run record land together.
  const stored = recordingRefusal(db, { ...refused, source: `import:${listing.body}` }, () =>
    db.transaction(() => {
      // Bytes already archived keep the provenance they were archived with (their public address), unless
      // the import names one itself.
      const archived = target.archive.store(bytes, { url, contentType: null, fetchedAt: options.capturedAt ?? seenAt }, { keepEarlierCopy: options.url === undefined });
      const result = storeListing(db, target.resolver, listing, { rawDocumentId: archived.id, seenAt });
      recordImportRun(db, {
        ...refused,
        source: `import:${listing.body}`,
        status: 'ok',
        stored: result,
        documents: [{ url: archived.url, records: result.seen, warnings: listing.warnings }],
      });
      return result;
    }),
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
    group: listing.group.code,
    meeting: listing.meeting?.name ?? null,
  };
}
