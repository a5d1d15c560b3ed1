// One contribution per ITU document: the naming of revisions, and folding what an earlier stdwatch
// stored once per revision (`T22-SG17-C-0102-R1`) into the document's row when a listing shows it again.
import fs from 'node:fs';
import { asc, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contributionSources, contributionStatusHistory, contributions } from '../../../db/schema.js';
import { storeListing } from '../../../db/contributions.js';
import { importFile } from '../../../scrapers/pipeline/import.js';
import { parseDocumentListing } from '../../../scrapers/itu/parse-document-listing.js';
import { documentRefOfRevision, latestRevisions, revisionName } from '../../../domain/itu-revisions.js';
import type { ParsedListing } from '../../../domain/types.js';
import { fixture, testApp } from '../../support/app.js';

describe('ITU revision names', () => {
  it('names the original by its store id and revision n with -Rn', () => {
    expect(revisionName('T22-SG17-C-0102', 0)).toBe('T22-SG17-C-0102');
    expect(revisionName('T22-SG17-C-0102', 2)).toBe('T22-SG17-C-0102-R2');
  });

  it('reads the document back from a ref an earlier stdwatch stored with the revision, and nothing else', () => {
    expect(documentRefOfRevision('T22-SG17-C-0102-R1')).toBe('T22-SG17-C-0102');
    expect(documentRefOfRevision('T22-TSAG-221212-TD-GEN-0011-R12')).toBe('T22-TSAG-221212-TD-GEN-0011');
    expect(documentRefOfRevision('T22-SG17-C-0102')).toBeNull();
    expect(documentRefOfRevision('R19-WP5D-C-1078')).toBeNull();
  });

  it('keeps the highest revision; it replaces the next lower one listed, else the one just below', () => {
    const listed = [
      { documentRef: 'A', revision: 1, row: 'A rev 1' },
      { documentRef: 'B', revision: 0, row: 'B' },
      { documentRef: 'A', revision: 3, row: 'A rev 3' },
      { documentRef: 'C', revision: 2, row: 'C rev 2' },
    ];
    expect(latestRevisions(listed)).toEqual([
      { documentRef: 'A', revision: 3, row: 'A rev 3', revisionOf: 'A-R1' },
      { documentRef: 'B', revision: 0, row: 'B', revisionOf: null },
      { documentRef: 'C', revision: 2, row: 'C rev 2', revisionOf: 'C-R1' },
    ]);
  });
});

const SG17_URL = 'https://www.itu.int/md/meetingdoc.asp?lang=en&parent=T22-SG17-C';
const SG20_URL = 'https://www.itu.int/md/meetingdoc.asp?lang=en&parent=T17-SG20-TD';
const ORIGINAL = fixture('itu', 'meetingdoc_T22-SG17-C.reconstructed.html');
const REV2 = fixture('itu', 'meetingdoc_T22-SG17-C_rev2.reconstructed.html');
const X = 'T22-SG17-C-0102';

/**
 * The listing as the former parser gave it: a revised document's ref carried its revision (`-R1`) and
 * `revisionOf` the bare number (its test asserted `T22-SG17-C-0102-R1` / `T22-SG17-C-0102` for C 102
 * and `…-1061-R1`, `…-1228-R2` for the SG20 TDs). `unrevised` gives the page as it was before C 102's
 * revision: the same row without "(Rev.1)".
 */
function formerListing(file: string, url: string, unrevised: string[] = []): ParsedListing {
  const listing = parseDocumentListing(fs.readFileSync(file), { url });
  const contributions = listing.contributions.map((c) => {
    if (!c.revisionOf) return c;
    if (unrevised.includes(c.ref)) return { ...c, revisionOf: null };
    const revision = c.revisionOf === c.ref ? 1 : Number(/-R(\d+)$/.exec(c.revisionOf)![1]) + 1;
    return { ...c, ref: `${c.ref}-R${revision}`, revisionOf: c.ref };
  });
  return { ...listing, contributions };
}

describe('a database that holds rows of an earlier stdwatch, one per revision', () => {
  function legacyDatabase() {
    const app = testApp();
    const bytes = fs.readFileSync(ORIGINAL);
    // Three reads of SG17's contribution listing by the former code: before C 102 was revised (stored
    // as T22-SG17-C-0102), after (stored as T22-SG17-C-0102-R1), and the page imported again from a
    // saved file (another raw document, the same rows: only -R1's last read changes).
    const first = app.archive.store(bytes, { url: SG17_URL, fetchedAt: '2022-08-30T00:00:00.000Z' });
    storeListing(app.db, app.resolver, formerListing(ORIGINAL, SG17_URL, [X]), { rawDocumentId: first.id, seenAt: '2022-08-30T00:00:00.000Z' });
    const second = app.archive.store(Buffer.concat([bytes, Buffer.from('\n')]), { url: SG17_URL, fetchedAt: '2022-09-01T00:00:00.000Z' });
    storeListing(app.db, app.resolver, formerListing(ORIGINAL, SG17_URL), { rawDocumentId: second.id, seenAt: '2022-09-01T00:00:00.000Z' });
    const third = app.archive.store(bytes, { url: 'file:meetingdoc_T22-SG17-C.html', fetchedAt: '2022-09-02T00:00:00.000Z' });
    storeListing(app.db, app.resolver, formerListing(ORIGINAL, SG17_URL), { rawDocumentId: third.id, seenAt: '2022-09-02T00:00:00.000Z' });
    // SG20's TDs as the former code stored them: TD 1061-R1 and TD 1228-R2, under those refs only.
    const sg20 = app.archive.store(fs.readFileSync(fixture('itu', 'meetingdoc_T17-SG20-TD.reconstructed.html')), { url: SG20_URL });
    storeListing(app.db, app.resolver, formerListing(fixture('itu', 'meetingdoc_T17-SG20-TD.reconstructed.html'), SG20_URL), { rawDocumentId: sg20.id, seenAt: '2022-09-02T00:00:00.000Z' });
    return { app, raw: [first.id, second.id, third.id] };
  }

  const refs = (app: ReturnType<typeof testApp>) =>
    app.db.select({ ref: contributions.ref }).from(contributions).orderBy(asc(contributions.ref)).all().map((r) => r.ref);

  it('double counts C 102 before the fold (the bug)', () => {
    const { app } = legacyDatabase();
    // 6 SG17 documents + C 102-R1, and SG20's three TDs.
    expect(refs(app)).toEqual([
      'T17-SG20-181203-TD-PLEN-1061-R1', 'T17-SG20-190409-TD-PLEN-1197', 'T17-SG20-190409-TD-PLEN-1228-R2',
      'T22-SG17-C-0101', X, `${X}-R1`, 'T22-SG17-C-0103', 'T22-SG17-C-0104', 'T22-SG17-C-0105', 'T22-SG17-C-0106',
    ]);
  });

  it('importing the listing at Rev.2 leaves one row for C 102, with its history, and leaves SG20 alone', () => {
    const { app, raw } = legacyDatabase();
    const before = app.db.select().from(contributions).where(eq(contributions.ref, X)).get()!;
    const result = importFile(app, REV2, { url: SG17_URL });
    // C 102: folded and at Rev.2; nothing else changed.
    expect(result).toMatchObject({ seen: 6, new: 0, changed: 1 });
    expect(refs(app)).toEqual([
      'T17-SG20-181203-TD-PLEN-1061-R1', 'T17-SG20-190409-TD-PLEN-1197', 'T17-SG20-190409-TD-PLEN-1228-R2',
      'T22-SG17-C-0101', X, 'T22-SG17-C-0103', 'T22-SG17-C-0104', 'T22-SG17-C-0105', 'T22-SG17-C-0106',
    ]);
    const c102 = app.db.select().from(contributions).where(eq(contributions.ref, X)).get()!;
    // The row under the document's number stays (same id, first seen at the first read) and now holds Rev.2.
    expect(c102).toMatchObject({
      id: before.id,
      firstSeenAt: '2022-08-30T00:00:00.000Z',
      title: 'Illustrative contribution of a member state, second revision with a co-source',
      sourceText: 'Korea (Rep. of)\nElectronics and Telecommunications Research Institute',
      date: '2022-09-05',
      revisionOf: `${X}-R1`,
    });
    // History: the original's first sighting, -R1's first sighting (moved), -R1's last read (the saved
    // file, added when folding). Statuses are null: ITU listings give none.
    const history = app.db.select().from(contributionStatusHistory).where(eq(contributionStatusHistory.contributionId, c102.id)).orderBy(asc(contributionStatusHistory.seenAt)).all();
    expect(history.map((h) => [h.seenAt, h.rawDocumentId, h.status])).toEqual([
      ['2022-08-30T00:00:00.000Z', raw[0], null],
      ['2022-09-01T00:00:00.000Z', raw[1], null],
      ['2022-09-02T00:00:00.000Z', raw[2], null],
    ]);
    // Sources: Korea and ETRI for C 102; none left behind by the deleted row (3+2+1+1+1+2 in SG17, 1+1+1 in SG20).
    expect(app.db.select({ n: count() }).from(contributionSources).get()!.n).toBe(13);
    expect(app.db.select({ raw: contributionSources.raw }).from(contributionSources).where(eq(contributionSources.contributionId, c102.id)).all().map((s) => s.raw))
      .toEqual(['Korea (Rep. of)', 'Electronics and Telecommunications Research Institute']);
    // Importing the same page again changes nothing.
    expect(importFile(app, REV2, { url: SG17_URL })).toMatchObject({ new: 0, changed: 0 });
  });

  it('renames a former row when the document has no row under its number, once SG20 is read again', () => {
    const { app } = legacyDatabase();
    const before = app.db.select().from(contributions).where(inArray(contributions.ref, ['T17-SG20-181203-TD-PLEN-1061-R1', 'T17-SG20-190409-TD-PLEN-1228-R2'])).orderBy(asc(contributions.ref)).all();
    const result = importFile(app, fixture('itu', 'meetingdoc_T17-SG20-TD.reconstructed.html'), { url: SG20_URL });
    // The two revised TDs are folded (renamed); TD 1197 is as it was.
    expect(result).toMatchObject({ seen: 3, new: 0, changed: 2 });
    const after = app.db.select().from(contributions).where(inArray(contributions.id, before.map((r) => r.id))).orderBy(asc(contributions.ref)).all();
    expect(after.map((r) => [r.ref, r.revisionOf])).toEqual([
      ['T17-SG20-181203-TD-PLEN-1061', 'T17-SG20-181203-TD-PLEN-1061'],
      ['T17-SG20-190409-TD-PLEN-1228', 'T17-SG20-190409-TD-PLEN-1228-R1'],
    ]);
    expect(app.db.select({ n: count() }).from(contributions).where(eq(contributions.bodyId, 'itu')).get()!.n).toBe(10);
  });
});
