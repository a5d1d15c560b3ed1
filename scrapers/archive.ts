// The raw archive: every response and every imported file, byte for byte, content-addressed by
// sha256 under the archive directory, with a raw_documents row (URL, time, hash, where the bytes are).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client.js';
import { archivedCopy, recordRawDocument } from '../db/write.js';

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
}

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
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
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
    });
    return { id, sha256, storagePath, url: meta.url };
  }

  read(storagePath: string): Buffer {
    return fs.readFileSync(path.join(this.dir, storagePath));
  }

  has(storagePath: string): boolean {
    return fs.existsSync(path.join(this.dir, storagePath));
  }
}
