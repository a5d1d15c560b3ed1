// Loading the snapshot with reader threads (scrapers/pipeline/seed.ts): files are parsed by two readers
// and stored in the manifest's order; a file that cannot be read stops the load there, with the files
// before it stored and the failure recorded as a run, as an import of it would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../db/client.js';
import { loadSnapshot } from '../../scrapers/pipeline/seed.js';
import { testApp, type TestApp } from '../support/app.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', '3gpp');
let app: TestApp | undefined;
afterEach(() => app && closeDatabase(app.db));

/** A snapshot folder holding these fixtures (the name in the folder, the fixture's bytes). */
function snapshotOf(files: { name: string; bytes: Buffer }[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-snapshot-'));
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
  const manifest = {
    description: 'test',
    files: files.map((f) => ({ file: f.name, url: `https://www.3gpp.org/ftp/${encodeURIComponent(f.name)}`, urlIsExact: false, capturedAt: '2025-12-01' })),
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const storedMeetings = (a: TestApp) =>
  a.db.all<{ name: string; n: number }>(sql`select m.name, count(*) as n from contributions c join meetings m on m.id = c.meeting_id group by m.id order by m.id`);

describe('loadSnapshot', () => {
  it('stores the files in the manifest\'s order whichever reader parsed them, the work plan\'s seats included', async () => {
    app = testApp();
    const dir = snapshotOf([
      { name: 'TDoc_List_Meeting_RAN#90-e.xlsx', bytes: fixture('TDoc_List_Meeting_RAN#90-e.xlsx') },
      { name: 'TDoc_List_TSGR1_104-e.xlsx', bytes: fixture('TDoc_List_TSGR1_104-e.xlsx') },
      { name: 'Work_plan_3gpp_230110.emails-redacted.xlsm', bytes: fixture('Work_plan_3gpp_230110.emails-redacted.xlsm') },
      { name: 'TDoc_List_Meeting_RAN#104.xlsx', bytes: fixture('TDoc_List_Meeting_RAN#104.xlsx') },
    ]);
    const results = await loadSnapshot(app, { dir });
    // Sizes as the lists hold them: 813 (RAN#90-e), 2,273 (RAN1#104-e), 830 (RAN#104); the work plan's
    // seats as its parser gives them (one per company of its 6,893 seated items).
    expect(results.map((r) => [r.kind, r.seen])).toEqual([
      ['contributions', 813],
      ['contributions', 2273],
      ['seats', 7124],
      ['contributions', 830],
    ]);
    // Meetings get their ids in the order they are stored.
    expect(storedMeetings(app).map((m) => [m.name, m.n])).toEqual([
      ['RAN#90-e', 813],
      ['RAN1#104-e', 2273],
      ['RAN#104', 830],
    ]);
    expect(app.db.get<{ n: number }>(sql`select count(*) as n from positions where basis = '3gpp-workplan'`)!.n).toBe(7124);
  }, 120_000);

  it('stops at a file that cannot be read: the files before it stay stored, the failure is a run, the rest is not loaded', async () => {
    app = testApp();
    const truncated = fixture('TDoc_List_Meeting_RAN#104.xlsx').subarray(0, 20_000);
    const dir = snapshotOf([
      { name: 'TDoc_List_Meeting_RAN#90-e.xlsx', bytes: fixture('TDoc_List_Meeting_RAN#90-e.xlsx') },
      { name: 'TDoc_List_Meeting_RAN#104.xlsx', bytes: truncated },
      { name: 'TDoc_List_Meeting_RAN#102.xlsx', bytes: fixture('TDoc_List_Meeting_RAN#102.xlsx') },
    ]);
    await expect(loadSnapshot(app, { dir })).rejects.toThrow(/TDoc_List_Meeting_RAN#104\.xlsx: .*nothing was imported from it/);
    expect(storedMeetings(app).map((m) => m.name)).toEqual(['RAN#90-e']);
    const failed = app.db.all<{ error: string }>(sql`select error from scrape_runs where status = 'failed'`);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toMatch(/RAN#104\.xlsx/);
  }, 120_000);
});
