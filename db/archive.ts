// The raw archive: every response and every imported file, byte for byte, content-addressed by
// sha256 under the archive directory, with a raw_documents row (URL, time, hash, where the bytes are).
// A file that holds personal data stdwatch does not keep is archived as a redacted copy instead, its
// row saying what was taken out and the published file's sha256 and size.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './client.js';
import { and, eq, sql } from 'drizzle-orm';
import { rawDocuments } from './schema.js';
import type { Redaction } from '../domain/types.js';

export interface ArchivedDocument {
  id: number;
  sha256: string;
  storagePath: string;
  /** The address recorded as the document's provenance. */
  url: string;
}

export interface ArchiveMeta {
  url: string;
  fetchedAt?: string;
  contentType?: string | null;
  httpStatus?: number | null;
  etag?: string | null;
  lastModified?: string | null;
  /** Set when the bytes are a redacted copy of the file as published. */
  redaction?: Redaction | null;
}

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** The archive the HTTP client keeps every response in (its ResponseArchive), and every imported file. */
export class RawArchive {
  constructor(
    readonly dir: string,
    private readonly db: Db,
  ) {}

  /**
   * Keeps the bytes and records where they came from. With `keepEarlierCopy`, bytes already on record
   * (the same sha256) are that earlier document, with its address and time: a file saved from a page
   * stdwatch read before is the same evidence, not a new source.
   */
  store(bytes: Uint8Array, meta: ArchiveMeta, options: { keepEarlierCopy?: boolean } = {}): ArchivedDocument {
    const sha256 = sha256Of(bytes);
    const storagePath = `${sha256.slice(0, 2)}/${sha256}`;
    const file = path.join(this.dir, storagePath);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Write then rename, so a crash never leaves a half-written file under its final name.
      const partial = `${file}.${process.pid}.partial`;
      fs.writeFileSync(partial, bytes);
      fs.renameSync(partial, file);
    }
    const earlier = options.keepEarlierCopy ? archivedCopy(this.db, sha256) : undefined;
    if (earlier) return { id: earlier.id, sha256, storagePath, url: earlier.url };
    const id = recordRawDocument(this.db, {
      url: meta.url,
      fetchedAt: meta.fetchedAt ?? new Date().toISOString(),
      sha256,
      size: bytes.length,
      contentType: meta.contentType ?? null,
      httpStatus: meta.httpStatus ?? null,
      etag: meta.etag ?? null,
      lastModified: meta.lastModified ?? null,
      storagePath,
      redaction: meta.redaction?.removed ?? null,
      publishedSha256: meta.redaction?.publishedSha256 ?? null,
      publishedSize: meta.redaction?.publishedSize ?? null,
    });
    return { id, sha256, storagePath, url: meta.url };
  }

  /** The latest copy archived from this address (for a conditional GET). */
  latest(url: string) {
    return latestRawDocument(this.db, url);
  }

  read(storagePath: string): Buffer {
    return fs.readFileSync(path.join(this.dir, storagePath));
  }

  has(storagePath: string): boolean {
    return fs.existsSync(path.join(this.dir, storagePath));
  }
}

export interface RawDocumentInput {
  url: string;
  fetchedAt: string;
  sha256: string;
  size: number;
  contentType: string | null;
  httpStatus: number | null;
  etag: string | null;
  lastModified: string | null;
  storagePath: string;
  redaction?: string | null;
  publishedSha256?: string | null;
  publishedSize?: number | null;
}

/** Records an archived response; the same bytes from the same URL are one row. */
export function recordRawDocument(db: Db, input: RawDocumentInput): number {
  const existing = db
    .select({ id: rawDocuments.id })
    .from(rawDocuments)
    .where(and(eq(rawDocuments.url, input.url), eq(rawDocuments.sha256, input.sha256)))
    .get();
  if (existing) {
    // Keep the validators current for the next conditional GET.
    if (input.etag || input.lastModified) {
      db.update(rawDocuments).set({ etag: input.etag, lastModified: input.lastModified }).where(eq(rawDocuments.id, existing.id)).run();
    }
    return existing.id;
  }
  return db.insert(rawDocuments).values(input).returning({ id: rawDocuments.id }).get().id;
}

/** The archived document of these bytes, if any: one with a public (http) address first, else the earliest. */
export function archivedCopy(db: Db, sha256: string): { id: number; url: string } | undefined {
  return db
    .select({ id: rawDocuments.id, url: rawDocuments.url })
    .from(rawDocuments)
    .where(eq(rawDocuments.sha256, sha256))
    .orderBy(sql`case when ${rawDocuments.url} like 'http%' then 0 else 1 end`, rawDocuments.id)
    .limit(1)
    .get();
}

export function latestRawDocument(db: Db, url: string): typeof rawDocuments.$inferSelect | undefined {
  return db
    .select()
    .from(rawDocuments)
    .where(eq(rawDocuments.url, url))
    .orderBy(sql`${rawDocuments.fetchedAt} desc, ${rawDocuments.id} desc`)
    .limit(1)
    .get();
}
