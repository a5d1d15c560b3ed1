// `stdwatch import` of a saved ITU listing page and `stdwatch scrape itu`, run as a user runs them (a
// child process, its own database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/app.js';
import { cli } from './support/cli.js';
import type { FixtureServer } from './support/fixture-server.js';
import { startItuSite } from './support/itu-site.js';

const SG17 = fixture('itu', 'meetingdoc_T22-SG17-C.reconstructed.html');

describe('stdwatch import of an ITU listing page', () => {
  it('recognises the page, stores its six contributions, and feeds the same exports and reports', async () => {
    const run = cli();
    const first = await run.run(['import', SG17, '--url', 'https://www.itu.int/md/meetingdoc.asp?lang=en&parent=T22-SG17-C']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('6 contributions');
    const exported = await run.run(['export', 'contributions', '--body', 'itu', '--format', 'ndjson']);
    const rows = exported.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toHaveLength(6);
    // C 101 (hand-read): China, Huawei and China Mobile; one member state and two sector members.
    const c101 = rows.find((r) => r.ref === 'T22-SG17-C-0101');
    expect(c101).toMatchObject({ body: 'itu', group: 'SG17', date: '2022-08-29', url: 'https://www.itu.int/md/T22-SG17-C-0101/en' });
    expect(c101.sources.map((s: { organization: string; kind: string }) => [s.organization, s.kind])).toEqual([
      ['China (government)', 'government'],
      ['Huawei', 'company'],
      ['China Mobile', 'company'],
    ]);
    const report = await run.run(['report', 'country', 'CN', '--body', 'itu', '--format', 'json']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('Huawei');
    const again = await run.run(['import', SG17]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('0 new, 0 changed');
    // The page saved later, with C 102 at Rev.2 (and its Rev.1 row): still six documents, C 102 changed.
    const revised = await run.run(['import', fixture('itu', 'meetingdoc_T22-SG17-C_rev2.reconstructed.html'), '--url', 'https://www.itu.int/md/meetingdoc.asp?lang=en&parent=T22-SG17-C']);
    expect(revised.code).toBe(0);
    expect(revised.stderr).toContain('6 contributions');
    expect(revised.stderr).toContain('0 new, 1 changed');
    const afterRevision = (await run.run(['export', 'contributions', '--body', 'itu', '--format', 'ndjson'])).stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(afterRevision).toHaveLength(6);
    expect(afterRevision.find((r) => r.ref === 'T22-SG17-C-0102')).toMatchObject({ date: '2022-09-05', revisionOf: 'T22-SG17-C-0102-R1' });
  }, 180_000);

  it('refuses a page that is no ITU listing, naming the reason', async () => {
    const run = cli();
    const result = await run.run(['import', fixture('itu', 'mgmt_SG7_2001-2004.reconstructed.html')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/not a contribution list stdwatch knows.*nothing was imported/);
  });
});

describe('stdwatch scrape itu', () => {
  let site: FixtureServer;
  beforeAll(async () => {
    site = await startItuSite();
  });
  afterAll(() => site.close());

  it('runs both ITU sources against the configured base URL and summarises them', async () => {
    const run = cli({ STDWATCH_ITU_BASE_URL: site.baseUrl, STDWATCH_REQUEST_INTERVAL_MS: '0' });
    // 2017-2020 and 2022-2024 (see test/scrapers/itu/scrape.test.ts for the counts).
    const result = await run.run(['scrape', 'itu', '--since', '2017-01-01', '--until', '2023-06-30']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('itu:contributions: ok — 49 list(s), 12 contributions (12 new, 0 changed)');
    expect(result.stderr).toContain('itu:leadership: ok — 44 page(s), 1 seats (1 new, 0 changed)');
    const seats = await run.run(['export', 'positions', '--body', 'itu', '--format', 'ndjson']);
    const rows = seats.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toEqual([
      expect.objectContaining({ body: 'itu', group: 'SG20', role: 'vice-chair', person: 'Toru YAMADA', from: '2016-11-04', to: '2022-03-09' }),
    ]);
  }, 120_000);

  it('fails, saying why, when the ITU site cannot be reached', async () => {
    const result = await cli({ STDWATCH_REQUEST_RETRIES: '0' }).run(['scrape', 'itu:contributions', '--since', '2025-01-01', '--until', '2025-02-01']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('itu:contributions: failed — nothing stored — the ITU site cannot be reached');
  });
});
