// `stdwatch import` of saved Datatracker JSON: the files of one saved run read together
// (readIetfJsonFiles), every file archived without its e-mail addresses, one listing per group stored,
// all in one transaction — or nothing, with the reasons, when the set is not whole.
import path from 'node:path';
import { storeListing } from '../../db/contributions.js';
import { errorMessage } from '../errors.js';
import { ImportError, readImportFile, recordImportRun, recordingRefusal, type ImportOptions, type ImportResult, type ImportTarget } from './import.js';
import { readIetfJsonFiles } from '../ietf/import-json.js';

export function importIetfJsonFiles(target: ImportTarget, files: string[], options: ImportOptions = {}): ImportResult[] {
  const { db } = target;
  const seenAt = new Date().toISOString();
  const refused = { source: 'import:ietf', trigger: options.trigger ?? 'import', startedAt: seenAt, files: files.length };
  const inputs = recordingRefusal(db, refused, () => files.map((file) => ({ name: file, bytes: readImportFile(file) })));
  const shown = files.join(' + ');
  const read = recordingRefusal(db, refused, () => {
    try {
      return readIetfJsonFiles(inputs);
    } catch (error) {
      // The reasons name their files where they are about one; the set is named only when they do not.
      const reason = errorMessage(error);
      const named = files.some((file) => reason.includes(file));
      throw new ImportError(`${named ? '' : `${shown}: `}${reason}; nothing was imported from them`);
    }
  });
  const urls = files.map((file) => (files.length === 1 && options.url ? options.url : `file:${path.basename(file)}`));
  const keepEarlierCopy = !(files.length === 1 && options.url);
  const results = recordingRefusal(db, refused, () =>
    db.transaction(() => {
      const archived = read.archived.map(({ bytes, redaction }, i) =>
        target.archive.store(bytes, { url: urls[i]!, contentType: 'application/json', fetchedAt: seenAt, redaction }, { keepEarlierCopy }),
      );
      const stored = read.listings.map((listing, i) =>
        storeListing(db, target.resolver, listing, { rawDocumentId: archived[read.listingFiles[i]!]!.id, seenAt }),
      );
      const total = stored.reduce((sum, r) => ({ seen: sum.seen + r.seen, new: sum.new + r.new, changed: sum.changed + r.changed }), { seen: 0, new: 0, changed: 0 });
      recordImportRun(db, {
        ...refused,
        status: 'ok',
        stored: total,
        documents: read.listings.map((listing, i) => ({ url: archived[read.listingFiles[i]!]!.url, records: stored[i]!.seen, warnings: listing.warnings })),
      });
      return stored;
    }),
  );
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
