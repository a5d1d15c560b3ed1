// `stdwatch import` of a saved ITU listing page, run as a user runs it (a child process, its own database).
import { describe, expect, it } from 'vitest';
import { fixture } from './support/app.js';
import { cli } from './support/cli.js';

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
  });

  it('refuses a page that is no ITU listing, naming the reason', async () => {
    const run = cli();
    const result = await run.run(['import', fixture('itu', 'mgmt_SG7_2001-2004.reconstructed.html')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/not a contribution list stdwatch knows.*nothing was imported/);
  });
});
