// Importing saved public files: parse everything first, store only if the whole file was read. A file
// that cannot be read is refused whole with the reason and leaves the database as it was; the same file
// imported twice changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { meetings } from '../db/schema.js';
import { finishRun, startRun, storeListing, type StoreResult } from '../db/write.js';
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

export function importFile(target: ImportTarget, file: string, options: ImportOptions = {}): ImportResult {
  const bytes = readImportFile(file);
  const listing = readListing(file, bytes, options);
  const url = options.url ?? `file:${path.basename(file)}`;
  const { db } = target;
  const seenAt = new Date().toISOString();
  // One transaction: the raw document's row, the contributions and the run record land together.
  const stored = db.transaction(() => {
    const archived = target.archive.store(bytes, { url, contentType: null, fetchedAt: seenAt });
    const result = storeListing(db, target.resolver, listing, { rawDocumentId: archived.id, seenAt });
    if (result.new + result.changed > 0) {
      const run = startRun(db, `import:${listing.body}`, options.trigger ?? 'import', seenAt);
      finishRun(db, run, {
        status: 'ok',
        documentsFetched: 1,
        recordsSeen: result.seen,
        recordsNew: result.new,
        recordsChanged: result.changed,
        details: { documents: [{ url, records: result.seen, warnings: listing.warnings }], errors: [] },
      });
    }
    return result;
  });
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
