// `stdwatch import` of saved Datatracker JSON: the files of one saved run read together
// (readIetfJsonFiles), every file archived without its e-mail addresses, one listing per group stored,
// all in one transaction — or nothing, with the reasons, when the set is not whole.
import path from 'node:path';
import { finishRun, startRun, storeListing } from '../../db/write.js';
import { errorMessage } from '../errors.js';
import { ImportError, readImportFile, type ImportOptions, type ImportResult, type ImportTarget } from '../import.js';
import { readIetfJsonFiles } from './import-json.js';

export function importIetfJsonFiles(target: ImportTarget, files: string[], options: ImportOptions = {}): ImportResult[] {
  const inputs = files.map((file) => ({ name: file, bytes: readImportFile(file) }));
  const shown = files.join(' + ');
  let read: ReturnType<typeof readIetfJsonFiles>;
  try {
    read = readIetfJsonFiles(inputs);
  } catch (error) {
    throw new ImportError(`${shown}: ${errorMessage(error)}; nothing was imported from them`);
  }
  const urls = files.map((file) => (files.length === 1 && options.url ? options.url : `file:${path.basename(file)}`));
  const seenAt = new Date().toISOString();
  const { db } = target;
  const results = db.transaction(() => {
    const archived = read.redacted.map((bytes, i) => target.archive.store(bytes, { url: urls[i]!, contentType: 'application/json', fetchedAt: seenAt }));
    const stored = read.listings.map((listing, i) =>
      storeListing(db, target.resolver, listing, { rawDocumentId: archived[read.listingFiles[i]!]!.id, seenAt }),
    );
    const total = stored.reduce((sum, r) => ({ seen: sum.seen + r.seen, new: sum.new + r.new, changed: sum.changed + r.changed }), { seen: 0, new: 0, changed: 0 });
    if (total.new + total.changed > 0) {
      const run = startRun(db, 'import:ietf', options.trigger ?? 'import', seenAt);
      finishRun(db, run, {
        status: 'ok',
        documentsFetched: files.length,
        recordsSeen: total.seen,
        recordsNew: total.new,
        recordsChanged: total.changed,
        details: {
          documents: read.listings.map((listing, i) => ({ url: urls[read.listingFiles[i]!]!, records: stored[i]!.seen, warnings: listing.warnings })),
          errors: [],
        },
      });
    }
    return stored;
  });
  return read.listings.map((listing, i) => ({
    ...results[i]!,
    file: shown,
    format: listing.format,
    kind: 'contributions' as const,
    group: listing.group.code,
    meeting: null,
    warnings: listing.warnings,
  }));
}
