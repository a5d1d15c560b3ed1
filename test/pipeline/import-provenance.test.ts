// Importing a file again: the same bytes keep the provenance they had (the copy read at 3GPP's address),
// and every import, changed or not, refused or not, is a run on /status.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawDocuments, scrapeRuns } from '../../db/schema.js';
import { importFile } from '../../scrapers/pipeline/import.js';
import { allContributionRecords } from '../../server/reports/contributions.js';
import { statusReport } from '../../server/reports/status.js';
import { ROOT, tempDir, testApp } from '../support/app.js';

const RAN104 = path.join(ROOT, 'data', 'snapshot', '3gpp', 'TDoc_List_Meeting_RAN#104.xlsx');
const RAN104_URL = 'https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/TDoc_List_Meeting_RAN%23104.xlsx';

describe('importing the RAN#104 list that the snapshot loaded, from a saved copy of the same bytes', () => {
  const app = testApp();
  const first = importFile(app, RAN104, { url: RAN104_URL, trigger: 'seed', capturedAt: '2026-02-21' });
  const copy = path.join(tempDir(), 'TDoc_List_Meeting_RAN#104.xlsx');
  fs.copyFileSync(RAN104, copy);
  const again = importFile(app, copy);
  const archivedOf = () => new Set([...allContributionRecords(app.db, { group: 'RAN' })].map((r) => r.archived));

  it('changes nothing: its 830 records still trace to the copy read at 3GPP\'s address', () => {
    expect(first).toMatchObject({ seen: 830, new: 830 });
    expect(again).toMatchObject({ seen: 830, new: 0, changed: 0 });
    expect(archivedOf()).toEqual(new Set(['/raw/1']));
    expect(app.db.select({ url: rawDocuments.url, fetchedAt: rawDocuments.fetchedAt }).from(rawDocuments).all()).toEqual([
      { url: RAN104_URL, fetchedAt: '2026-02-21' },
    ]);
  });

  it('is a run on /status all the same, saying it found nothing new', () => {
    const runs = app.db.select().from(scrapeRuns).all();
    expect(runs.map((r) => [r.source, r.trigger, r.status, r.recordsSeen, r.recordsNew, r.recordsChanged])).toEqual([
      ['import:3gpp', 'seed', 'ok', 830, 830, 0],
      ['import:3gpp', 'import', 'ok', 830, 0, 0],
    ]);
    expect(JSON.parse(runs[1]!.details!).documents[0].url).toBe(RAN104_URL);
  });

  it('records a refused file as a failed run with the reason, and keeps the data', () => {
    const notAList = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(notAList, 'minutes of the meeting');
    expect(() => importFile(app, notAList)).toThrow(/nothing was imported from it/);
    const last = app.db.select().from(scrapeRuns).all().at(-1)!;
    expect(last).toMatchObject({ source: 'import', trigger: 'import', status: 'failed' });
    expect(last.error).toContain('notes.txt: not a format stdwatch can import');
    // An import is never scheduled: its failure does not make /status announce a back-off.
    expect(statusReport(app.db).sources.find((s) => s.source === 'import')).toMatchObject({ status: 'failed', backoff: null });
    expect(archivedOf()).toEqual(new Set(['/raw/1']));
  });

  it('gives new bytes new provenance: another list is archived as what it is', () => {
    const other = path.join(ROOT, 'data', 'snapshot', '3gpp', 'TDoc_List_Meeting_RAN#106.xlsx');
    importFile(app, other);
    expect(app.db.select({ url: rawDocuments.url }).from(rawDocuments).orderBy(rawDocuments.id).all().map((r) => r.url)).toEqual([RAN104_URL, 'file:TDoc_List_Meeting_RAN#106.xlsx']);
  });
});
