// The details a careful reader notices, on real data: the RAN#102 list (1,057 contributions uploaded in
// 2023-W49, counted in the snapshot by hand with sqlite3), the snapshot's manifest and a real source cell.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../scrapers/pipeline/import.js';
import { loadRegistry } from '../../domain/resolve/registry.js';
import { createResolver } from '../../domain/resolve/resolve.js';
import { snapshotManifest } from '../../scrapers/pipeline/seed.js';
import { createApp } from '../../server/app.js';
import { ROOT, tempDir, testApp } from '../support/app.js';

const SNAPSHOT = path.join(ROOT, 'data', 'snapshot');
let web: ReturnType<typeof createApp>;
beforeAll(() => {
  const app = testApp();
  const entry = snapshotManifest().files.find((f) => f.file === '3gpp/TDoc_List_Meeting_RAN#102.xlsx')!;
  importFile(app, path.join(SNAPSHOT, entry.file), { url: entry.url, capturedAt: entry.capturedAt, trigger: 'seed' });
  web = createApp(app);
});

describe('numbers are written alike on every page and format', () => {
  it('the digest writes 1,057 as the other pages write 1,370', async () => {
    const html = (await request(web).get('/digest/2023-W49').expect(200)).text;
    expect(html).toMatch(/id="week-documents">1,057<\/a><\/strong> new contributions this week/);
    const status = (await request(web).get('/status').expect(200)).text;
    expect(status).toContain('<td class="n">1,380</td>');
  });

  it("the Markdown digest gives every fractional figure of a column its decimal, and counts their separators", async () => {
    const md = (await request(web).get('/digest/2023-W49.md').expect(200)).text;
    expect(md).toContain('**1,057** new contributions (week before: 138; 12-week average: 14.25).');
    const rows = md.split('\n').filter((l) => /^\| [^-|]/.test(l) && !l.startsWith('| country') && !l.startsWith('| organization') && !l.startsWith('| body'));
    const byCountry = rows.slice(0, 3);
    expect(byCountry).toHaveLength(3);
    // "this week" and "week before" always with one decimal: never 6 beside 6.0.
    for (const row of byCountry) expect(row.split(' | ')[1]).toMatch(/^[\d,]+\.\d$/);
    for (const row of byCountry) expect(row.split(' | ')[3]).toMatch(/^[\d,]+\.\d$/);
  });
});

describe('numbers on /compare', () => {
  // Ericsson's 1,012 seats counted with sqlite3, and the two items (rows 699 and 1165, SA2) whose e-mail
  // column writes "redacted@ericsson . com", read off the sheet by hand.
  it("writes Ericsson's 1,014 seats of the work plan as the other pages write 1,370", async () => {
    const app = testApp();
    importFile(app, path.join(SNAPSHOT, '3gpp', 'Work_plan_3gpp_230110.emails-redacted.xlsm'));
    const html = (await request(createApp(app)).get('/compare?org=ericsson&org=huawei').expect(200)).text;
    expect(html).toMatch(/<th scope="row">Leadership seats \(ever\)<\/th><td class="n">1,014<\/td><td class="n">865<\/td><\/tr>/);
  }, 60_000);
});

describe('the database download and the archived copies', () => {
  it('links the whole database from every page', async () => {
    const html = (await request(web).get('/').expect(200)).text;
    expect(html).toContain('<a href="/data/stdwatch.db" download>the whole database</a> (SQLite)');
  });

  it("serves a bundled file with the day it was captured, not the day it was loaded", async () => {
    const res = await request(web).get('/raw/1').expect(200);
    expect(res.headers['x-fetched-at']).toBe('2026-02-21');
    expect(res.headers['x-source-url']).toBe('https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_102/Docs/TDoc_List_Meeting_RAN%23102.xlsx');
    // The SA2 pages give their capture day in their names (3gpp/SOURCES.md).
    expect(snapshotManifest().files.find((f) => f.file.includes('SA2-137e'))!.capturedAt).toBe('2020-02-29');
  });
});

describe('an import error', () => {
  it('names every kind of file stdwatch reads, and the file once', () => {
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, 'minutes of the meeting');
    expect(() => importFile(testApp(), file)).toThrow(
      `${file}: not a format stdwatch can import (expected a 3GPP TDoc list .xlsx/.xlsm/.xls, TdocsByAgenda page, work plan, election article, officials annex or chairs table; an officer roster CSV/XLSX; an ITU document listing; an IEEE Mentor listing; a htmlized Internet-Draft or RFC; or Datatracker JSON); nothing was imported from it`,
    );
  });
});

describe('a source written with a slash', () => {
  it('"DTS/Xperi" in the real source cell of RP-202793 (RAN#90-e) is one Xperi source, not two', () => {
    const resolver = createResolver(loadRegistry());
    const cell =
      'European Broadcasting Union (EBU) , Academy of Broadcasting Planning (ABP), Academy of Broadcasting Science (ABS), ATEME, Broadcast Networks Europe (BNE) , Cellnex, Coherent Logix, Dolby, DTS/Xperi, Enensys, European Space Agency (ESA), Fraunhofer IIS, IIT Bombay, Institut für Rundfunktechnik (IRT), et al.';
    const sources = resolver.resolveSourceText(cell);
    expect(sources.filter((s) => s.organization?.name === 'Xperi').map((s) => s.raw)).toEqual(['DTS/Xperi']);
    // 14 organizations named ("et al." dropped), each one source.
    expect(sources).toHaveLength(14);
  });
});
