// The bundled snapshot (data/snapshot): real public lists, loaded so that a new installation shows real
// reports before its first scrape. Loading it twice changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectPath } from '../../domain/project.js';
import { on } from 'node:events';
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
 * Loads the snapshot's files in order. A worker thread reads and parses them (SheetJS: about half the
 * work) while this thread stores the ones already read, so a first start takes about as long as the
 * slower of the two rather than their sum. A file that cannot be read stops the load there, as an
 * import of it would, with what was stored before it kept.
 */
export async function loadSnapshot(
  target: ImportTarget,
  options: {
    dir?: string;
    /** Only the files this keeps (tests that need part of the snapshot). */
    only?: (file: string) => boolean;
    onFile?: (result: ImportResult, index: number, total: number) => void;
  } = {},
): Promise<ImportResult[]> {
  const dir = options.dir ?? SNAPSHOT_DIR;
  const jobs: ReadJob[] = snapshotManifest(dir)
    .files.filter((entry) => options.only?.(entry.file) ?? true)
    .map((entry) => ({
      file: path.join(dir, entry.file),
      options: { url: entry.url, urlIsExact: entry.urlIsExact, meetingDate: entry.meetingStart, capturedAt: entry.capturedAt, trigger: 'seed' },
    }));
  const results: ImportResult[] = [];
  if (jobs.length === 0) return results;
  const reader = startWorker(new URL('./read-worker.ts', import.meta.url), { jobs });
  // The reader exiting before every file came back (it crashed) ends the wait below with its reason.
  const stopped = new AbortController();
  reader.once('exit', (code) => stopped.abort(new Error(`the snapshot's reader stopped (exit code ${code}) after ${results.length} of ${jobs.length} files`)));
  try {
    for await (const [message] of on(reader, 'message', { signal: stopped.signal }) as AsyncIterable<[ReadMessage]>) {
      const job = jobs[message.index]!;
      const read = 'refused' in message ? { refused: new ImportError(message.refused) } : withBuffers(message.read);
      const result = storeReadFile(target, read, job.options);
      results.push(result);
      options.onFile?.(result, message.index, jobs.length);
      if (results.length === jobs.length) break;
    }
  } catch (error) {
    throw stopped.signal.aborted && error instanceof Error && error.name === 'AbortError' ? stopped.signal.reason : error;
  } finally {
    await reader.terminate();
  }
  return results;
}

/** A thread's message carries bytes as Uint8Array; the archive and the readers of seats take Buffers. */
function withBuffers(read: ReadFile): ReadFile {
  const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return read.kind === 'roster' ? { ...read, bytes: buffer(read.bytes) } : { ...read, archived: { ...read.archived, bytes: buffer(read.archived.bytes) } };
}
