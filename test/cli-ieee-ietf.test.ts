// `stdwatch import` and `stdwatch scrape` for IEEE 802 and the IETF, as child processes, down to the
// reports: what the user runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/app.js';
import { cli } from './support/cli.js';
import type { FixtureServer } from './support/fixture-server.js';
import { startIeeeSite } from './support/ieee-site.js';
import { startIetfSite } from './support/ietf-site.js';

describe('stdwatch import of saved IEEE Mentor and Datatracker pages', () => {
  const run = cli();
  beforeAll(async () => {
    const result = await run.run([
      'import',
      fixture('ieee', 'mentor-802.11-documents-n1.reconstructed.html'),
      fixture('ietf', 'datatracker-htmlized-draft-ietf-idr-ts-flowspec-srv6-policy-03.2025-02.html'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('mentor-802.11-documents-n1.reconstructed.html: 74 contributions of 802.11 (74 new, 0 changed)');
    expect(result.stderr).toContain('1 contributions of idr (1 new, 0 changed)');
  });

  it('exports them with their resolved sources', async () => {
    const { stdout } = await run.run(['export', 'contributions', '--body', 'ietf', '--format', 'ndjson']);
    const [draft] = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(draft).toMatchObject({
      body: 'ietf',
      group: 'idr',
      ref: 'draft-ietf-idr-ts-flowspec-srv6-policy',
      sourceText: 'China Mobile; Huawei Technologies; Verizon Communications Inc.',
      sources: [
        { raw: 'China Mobile', organization: 'China Mobile', country: 'CN' },
        { raw: 'Huawei Technologies', organization: 'Huawei', country: 'CN' },
        { raw: 'Verizon Communications Inc.', organization: 'Verizon', country: 'US' },
      ],
    });
  });

  it('counts them in the company report', async () => {
    const { code, stdout } = await run.run(['report', 'company', 'huawei', '--body', 'ieee', '--format', 'json']);
    expect(code).toBe(0);
    // Page 1 holds 74 documents; at their latest revision 14 name Huawei (Edward Au, Mengshi Hu, Stephen
    // McCann, …), counted from the rows' year, DCN, revision and author cell.
    expect(JSON.parse(stdout).data.totals).toMatchObject({ contributions: 14, fractional: 14, allContributions: 74 });
  });

  it('refuses author records without their documents, and a document page without affiliations, saying why', async () => {
    const json = await run.run(['import', fixture('ietf', 'api-doc-documentauthor-80002.reconstructed.json')]);
    expect(json.code).toBe(1);
    expect(json.stderr).toContain('documentauthor records without their documents');
    const page = await run.run(['import', fixture('ietf', 'datatracker-doc-draft-ietf-idr-bgp-ls-sr-service-segments.2025-02.html')]);
    expect(page.code).toBe(1);
    expect(page.stderr).toContain('gives no affiliations');
  });
});

describe('stdwatch scrape ieee / ietf', () => {
  let ieee: FixtureServer;
  let ietf: FixtureServer;
  beforeAll(async () => {
    ieee = await startIeeeSite();
    ietf = await startIetfSite();
  });
  afterAll(async () => {
    await ieee.close();
    await ietf.close();
  });

  it('scrapes the configured groups at the configured base URLs', async () => {
    const run = cli({
      STDWATCH_IEEE_BASE_URL: ieee.baseUrl,
      // The same local server also stands for www.ieee802.org (the officers page at /11/).
      STDWATCH_IEEE802_BASE_URL: ieee.baseUrl,
      STDWATCH_IEEE_GROUPS: '802.11',
      STDWATCH_IETF_BASE_URL: ietf.baseUrl,
      STDWATCH_IETF_GROUPS: 'idr,rtgarea',
      STDWATCH_IETF_PAGE_SIZE: '10',
      STDWATCH_REQUEST_INTERVAL_MS: '0',
    });
    const ieeeRun = await run.run(['scrape', 'ieee', '--since', '2021-10-02']);
    expect(ieeeRun.code).toBe(0);
    expect(ieeeRun.stderr).toMatch(/ieee:documents: ok .*127 contributions \(127 new/);
    expect(ieeeRun.stderr).toMatch(/ieee:leadership: ok .*3 seats \(3 new/);
    const ieeeSeats = await run.run(['export', 'positions', '--body', 'ieee', '--format', 'ndjson']);
    expect(ieeeSeats.code).toBe(0);
    // 802.11's officers as the 9 Sep 2016 leaders meeting listed them (test/fixtures/ieee, RECONSTRUCTED.md).
    expect(ieeeSeats.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((p) => [p.group, p.role, p.detail, p.person, p.source.raw, p.source.parent, p.source.country, p.from, p.to, p.evidence]).sort((a, b) => `${a[1]} ${a[3]}`.localeCompare(`${b[1]} ${b[3]}`))).toEqual([
      ['802.11', 'chair', 'TGak', 'Donald Eastlake', 'Huawei Technologies', 'Huawei', 'CN', '2016-09-09', null, 'https://www.ieee802.org/11/'],
      ['802.11', 'vice-chair', null, 'Dorothy Stanley', 'Hewlett Packard Enterprise', 'HPE', 'US', '2016-09-09', null, 'https://www.ieee802.org/11/'],
      ['802.11', 'vice-chair', null, 'Jon Rosdahl', 'Qualcomm', 'Qualcomm', 'US', '2016-09-09', null, 'https://www.ieee802.org/11/'],
    ]);
    const ietfRun = await run.run(['scrape', 'ietf', '--since', '2020-01-01']);
    expect(ietfRun.code).toBe(0);
    expect(ietfRun.stderr).toMatch(/ietf:documents: ok .*2 contributions \(2 new/);
    expect(ietfRun.stderr).toMatch(/ietf:leadership: ok/);
    const seats = await run.run(['export', 'positions', '--body', 'ietf', '--format', 'ndjson']);
    const guichard = seats.stdout.trim().split('\n').map((l) => JSON.parse(l)).find((p) => p.person === 'Jim Guichard');
    expect(guichard).toMatchObject({ group: 'rtgarea', role: 'chair', source: { raw: 'Futurewei Technologies', organization: 'Futurewei', parent: 'Huawei' } });
   }, 180_000); // three child processes, each loading the whole program
});
