// The bundled snapshot (data/snapshot): real public lists, loaded so that a new installation shows real
// reports before its first scrape. Loading it twice changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectPath } from '../../domain/project.js';
import { importFile, type ImportResult, type ImportTarget } from './import.js';

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

export function loadSnapshot(
  target: ImportTarget,
  options: {
    dir?: string;
    /** Only the files this keeps (tests that need part of the snapshot). */
    only?: (file: string) => boolean;
    onFile?: (result: ImportResult, index: number, total: number) => void;
  } = {},
): ImportResult[] {
  const dir = options.dir ?? SNAPSHOT_DIR;
  const files = snapshotManifest(dir).files.filter((entry) => options.only?.(entry.file) ?? true);
  return files.map((entry, index) => {
    const result = importFile(target, path.join(dir, entry.file), {
      url: entry.url,
      urlIsExact: entry.urlIsExact,
      meetingDate: entry.meetingStart,
      capturedAt: entry.capturedAt,
      trigger: 'seed',
    });
    options.onFile?.(result, index, files.length);
    return result;
  });
}
