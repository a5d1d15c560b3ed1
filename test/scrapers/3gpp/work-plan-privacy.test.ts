// The work plan as 3GPP publishes it names its rapporteurs and their e-mail addresses. Our fixture has
// the addresses redacted; here they are put back (make-unredacted-work-plan.reconstructed.ts, made-up
// people in the real file's spellings), and after an import or a scrape nothing of them is anywhere:
// not in any table, not in the archived copy, which says what was taken out and which file it was
// taken from. Seats are the same as from the redacted file, and each still points at the published
// work plan and its item.
import crypto from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positions, rawDocuments } from '../../../db/schema.js';
import { WORK_PLAN_BASIS } from '../../../scrapers/3gpp/parse-work-plan.js';
import { importFile, type ImportResult } from '../../../scrapers/pipeline/import.js';
import { runSources } from '../../../scrapers/pipeline/run.js';
import { selectSources } from '../../../scrapers/sources.js';
import { createApp } from '../../../server/app.js';
import { PEOPLE, unredactedWorkPlan } from '../../fixtures/3gpp/make-unredacted-work-plan.reconstructed.js';
import { fixture, tempDir, testApp, type TestApp } from '../../support/app.js';
import type { FixtureServer } from '../../support/fixture-server.js';
import { personalDataKept } from '../../support/privacy-scan.js';
import { scrapeContextFor } from '../../support/scrape-context.js';
import { startThreeGppSite } from '../../support/three-gpp-site.js';
import { readFileSync } from 'node:fs';

const URL_230110 = 'https://www.3gpp.org/ftp/Information/WORK_PLAN/Work_plan_3gpp_230110.xlsm';
const REDACTED_FILE = fixture('3gpp', 'Work_plan_3gpp_230110.emails-redacted.xlsm');
const UNREDACTED = unredactedWorkPlan(readFileSync(REDACTED_FILE));
// The made-up people, and real people the hand-checked rows and the Notes name (Notes: "Rapporteur:
// Thales->Nicolas Chuberre, Thales", "Rapporteur: Nokia->Jedrzej Stanczak, …").
const NAMES = [
  ...PEOPLE.flat(),
  ...['Herrero', 'Yuying', 'Sedlacek', 'Vivek', 'Guangjing', 'Zhiming', 'Nasielski', 'jackn', 'Centonza', 'Keith Drage', 'Baniel', 'Changhong', 'Chuberre', 'Stanczak'],
];

function sharedStrings(workbook: Buffer): string {
  const container = XLSX.CFB.read(workbook, { type: 'buffer' });
  return Buffer.from(container.FileIndex[container.FullPaths.findIndex((p: string) => p.endsWith('/xl/sharedStrings.xml'))]!.content as Uint8Array).toString('utf-8');
}

const seatsOf = (app: TestApp) =>
  app.db
    .select({ group: positions.groupId, role: positions.role, holder: positions.sourceRaw, from: positions.fromDate, to: positions.toDate, detail: positions.detail })
    .from(positions)
    .where(eq(positions.basis, WORK_PLAN_BASIS))
    .orderBy(positions.detail, positions.sourceRaw)
    .all();

describe('the unredacted variant of the real work plan', () => {
  it('names the made-up people by their addresses in every spelling, and with their companies', () => {
    const strings = sharedStrings(UNREDACTED);
    expect(strings).not.toContain('redacted@');
    // 2,101 addresses were redacted in the real file's shared strings; each is a made-up person's now.
    expect(strings.match(/quorneby|vandersloot|okonkwoba|lindqvarn|mbarekova|haszlinger|pellucidi|wrenforth/gi)!.length).toBeGreaterThan(2101);
    for (const spelling of ['xyla.quorneby@', ' at ', '(at)', ' [at] ', '&lt;at&gt;', 'Xyla Quorneby (Ericsson)', 'Vandersloot, Bertil, Huawei']) expect(strings).toContain(spelling);
  });
});

describe('importing the work plan as published', () => {
  let app: TestApp;
  let result: ImportResult;
  beforeAll(() => {
    app = testApp();
    const file = path.join(tempDir(), 'Work_plan_3gpp_230110.xlsm');
    writeFileSync(file, UNREDACTED);
    result = importFile(app, file, { url: URL_230110 });
  });

  it('stores the seats the redacted file gives: 99.9 % of the items naming a company and a lead group', () => {
    const redacted = testApp();
    const fromRedacted = importFile(redacted, REDACTED_FILE, { url: URL_230110 });
    expect(result.summary).toBe(fromRedacted.summary);
    expect(seatsOf(app)).toEqual(seatsOf(redacted));
    // 8,143 items, counted by hand; of the 6,900 naming a company and a lead group, all but the 7 led by
    // OMA and ITU-R become seats (the redacted file's expected note says how each count was checked).
    const [, items, seated, named] = /^(\d+) items; (\d+) of the (\d+) that name/.exec(result.summary!)!.map(Number);
    expect(items).toBe(8143);
    expect(named).toBe(6900);
    expect(seated).toBe(6893);
  });

  it('keeps no e-mail address in any spelling and none of the people, in any table or archived file', () => {
    expect(personalDataKept(app, NAMES)).toEqual([]);
  });

  it("archives a redacted copy that says what was taken out, with the published file's sha256 and size", async () => {
    const [archived] = app.db.select().from(rawDocuments).all();
    expect(archived).toMatchObject({
      url: URL_230110,
      publishedSha256: crypto.createHash('sha256').update(UNREDACTED).digest('hex'),
      publishedSize: UNREDACTED.length,
    });
    expect(archived!.redaction).toMatch(/^people's names and e-mail addresses removed: each "WI rapporteur name" replaced by the companies read from it/);
    const raw = await request(createApp(app)).get(`/raw/${archived!.id}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(raw.headers['x-redacted']).toBe(archived!.redaction);
    expect(raw.headers['x-published-sha256']).toBe(archived!.publishedSha256);
    expect(raw.headers['x-published-size']).toBe(String(UNREDACTED.length));
    expect(raw.headers['x-source-url']).toBe(URL_230110);
    expect(raw.headers['content-disposition']).toContain('Work_plan_3gpp_230110.redacted.xlsx');
    // The copy: the plan's own sheet and headers, less the people's columns, and the companies as read.
    const copy = XLSX.read(raw.body as Buffer, { type: 'buffer' });
    expect(copy.SheetNames).toEqual(['Work_plan_3gpp', 'About this copy']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(copy.Sheets['Work_plan_3gpp']!, { header: 1 });
    expect(rows[0]).toEqual([
      'ID', 'Unique_ID', 'Name', 'Acronym', 'OutlineLevel', 'Release', 'ResourceNames', 'Start', 'Finish', '%Complete', 'Hyperlink', 'Status Report',
      'Impacted TSs and TRs', 'TSG approved', 'PCG approved', 'TSG stopped', 'PCG stopped', 'Created', 'last modif',
      'WI rapporteur companies (as read)', 'Rapporteur companies read from',
    ]);
    // Row 135 of the published sheet: SEALDD, "Huawei" in the rapporteur cell.
    const sealdd = rows.find((r) => r[1] === 980044)!;
    expect([sealdd[3], sealdd[19], sealdd[20]]).toEqual(['SEALDD', 'Huawei', 'cell']);
  });

  it('keeps each seat traceable to the published work plan and its item', () => {
    const [archived] = app.db.select().from(rawDocuments).all();
    const sealdd = app.db.select().from(positions).where(eq(positions.detail, 'WI 980044 SEALDD')).get();
    expect(sealdd).toMatchObject({ sourceRaw: 'Huawei', evidenceUrl: URL_230110, rawDocumentId: archived!.id, person: null });
  });
});

describe('scraping the work plan as published', () => {
  let site: FixtureServer;
  let app: TestApp;
  beforeAll(async () => {
    site = await startThreeGppSite({
      '/ftp/Information/WORK_PLAN/Work_plan_3gpp_230110.xlsm': { body: UNREDACTED, headers: { etag: '"work-plan-230110"' } },
    });
    app = testApp();
  });
  afterAll(() => site.close());

  it('archives and stores nothing of the people, and reads an unchanged plan (304) from its copy to the same seats', async () => {
    const scrape = () => runSources(scrapeContextFor(app, site.baseUrl, {}, { timeoutMs: 20000 }), selectSources(['3gpp:workplan']), 'test');
    const [first] = await scrape();
    expect(first).toMatchObject({ status: 'ok', error: null });
    const stored = seatsOf(app);
    expect(stored.find((s) => s.detail === 'WI 980044 SEALDD')).toMatchObject({ holder: 'Huawei', to: null });
    expect(personalDataKept(app, NAMES)).toEqual([]);

    const [again] = await scrape();
    expect(site.requests.at(-1)!.headers['if-none-match']).toBe('"work-plan-230110"');
    expect(again!.outcome).toMatchObject({ recordsSeen: first!.outcome!.recordsSeen, recordsNew: 0, recordsChanged: 0 });
    expect(seatsOf(app)).toEqual(stored);
  });

  it('redacts a plan an older stdwatch archived as published when the site answers that it is unchanged', async () => {
    const older = testApp();
    const planUrl = `${site.baseUrl}/ftp/Information/WORK_PLAN/Work_plan_3gpp_230110.xlsm`;
    const asPublished = older.archive.store(UNREDACTED, { url: planUrl, etag: '"work-plan-230110"' });
    await runSources(scrapeContextFor(older, site.baseUrl, {}, { timeoutMs: 20000 }), selectSources(['3gpp:workplan']), 'test');
    expect(site.requests.at(-1)!.headers['if-none-match']).toBe('"work-plan-230110"');
    const copy = older.db.select().from(rawDocuments).where(eq(rawDocuments.publishedSha256, crypto.createHash('sha256').update(UNREDACTED).digest('hex'))).get()!;
    expect(copy.id).not.toBe(asPublished.id);
    const sealdd = older.db.select().from(positions).where(eq(positions.detail, 'WI 980044 SEALDD')).get();
    expect(sealdd).toMatchObject({ sourceRaw: 'Huawei', rawDocumentId: copy.id });
    const sheet = XLSX.utils.sheet_to_csv(XLSX.read(older.archive.read(copy.storagePath), { type: 'buffer' }).Sheets['Work_plan_3gpp']!);
    expect(sheet).toContain('WI rapporteur companies (as read)');
    expect(sheet).not.toMatch(/quorneby|vandersloot|@/i);
  });
});
