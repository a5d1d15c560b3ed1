// The bundled snapshot (data/snapshot): real public lists, loaded so that a new installation shows real
// reports before its first scrape. Loading it twice changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectPath } from '../../domain/project.js';
import { ImportError, storeReadFile, type ImportResult, type ImportTarget, type ReadFile } from './import.js';
import type { ReadJob, ReadMessage } from './read-worker.js';
import { startWorker } from './threads.js';

export const SNAPSHOT_DIR = projectPath('data', 'snapshot');

const manifestSchema = z.object({
  description: z.string(),
  files: z.array(
    z.object({
      file: z.string(),
      url: z.url(),
      urlIsExact: z.boolean(),
      meetingStart: z.iso.date().optional(),
      /** The day the file was saved (or the latest day it can have been), recorded as its archived copy's fetch time. */
      capturedAt: z.iso.date(),
    }),
  ),
});

export function snapshotManifest(dir = SNAPSHOT_DIR): z.infer<typeof manifestSchema> {
  return manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
}

/**
 * Loads the snapshot's files in order. Two worker threads read and parse them (SheetJS: most of the
 * work), each taking the next file as it gets through one, while this thread stores the ones already
 * read, in the manifest's order: a first start takes about as long as the busiest thread rather than
 * the sum, and one slow file (the work plan) holds up one reader, not the other. A file that cannot be
 * read stops the load there, as an import of it would, with what was stored before it kept.
 */
export async function loadSnapshot(
  target: ImportTarget,
  options: {
    dir?: string;
    /** The registry's folder `target.resolver` was made from (the readers resolve seats with it); default the bundled one. */
    registryDir?: string;
    /** Only the files this keeps (tests that need part of the snapshot). */
    only?: (file: string) => boolean;
    onFile?: (result: ImportResult, index: number, total: number) => void;
  } = {},
): Promise<ImportResult[]> {
  const dir = options.dir ?? SNAPSHOT_DIR;
  const jobs: ReadJob[] = snapshotManifest(dir)
    .files.filter((entry) => options.only?.(entry.file) ?? true)
    .map((entry, index) => ({
      index,
      file: path.join(dir, entry.file),
      options: { url: entry.url, urlIsExact: entry.urlIsExact, meetingDate: entry.meetingStart, capturedAt: entry.capturedAt, trigger: 'seed' },
    }));
  const results: ImportResult[] = [];
  const arrived = new Map<number, ReadMessage>();
  let stopped: Error | null = null;
  let wake = () => {};
  // The readers take the next file to read from this counter themselves, so that neither waits for
  // this thread, which answers messages only between two stores.
  const nextJob = new SharedArrayBuffer(4);
  const readers = Array.from({ length: Math.min(READERS, jobs.length) }, () => {
    const reader = startWorker(new URL('./read-worker.ts', import.meta.url), { jobs, nextJob, registryDir: options.registryDir });
    reader.on('message', (message: ReadMessage) => {
      arrived.set(message.index, message);
      wake();
    });
    reader.once('error', (error) => (stopped ??= error));
    // A reader ends when no file is left to take; one that crashed ends the wait with its reason.
    reader.once('exit', (code) => {
      if (code !== 0) stopped ??= new Error(`the snapshot's reader stopped (exit code ${code}) after ${results.length} of ${jobs.length} files`);
      wake();
    });
    return reader;
  });
  try {
    for (const job of jobs) {
      // Let the readers' messages in before every store.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (!arrived.has(job.index)) {
        if (stopped) throw stopped;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = arrived.get(job.index)!;
      arrived.delete(job.index);
      const read = 'refused' in message ? { refused: new ImportError(message.refused) } : withBuffers(message.read);
      const result = storeReadFile(target, read, job.options);
      results.push(result);
      options.onFile?.(result, job.index, jobs.length);
    }
  } finally {
    await Promise.all(readers.map((reader) => reader.terminate()));
  }
  return results;
}

/** Reader threads: with this thread storing, one per core of a 2-core machine and one more. */
const READERS = 2;

/** A thread's message carries bytes as Uint8Array; the archive and the readers of seats take Buffers. */
function withBuffers(read: ReadFile): ReadFile {
  const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { ...read, archived: { ...read.archived, bytes: buffer(read.archived.bytes) } };
}
