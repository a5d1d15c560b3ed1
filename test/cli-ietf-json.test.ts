// `stdwatch import` of saved Datatracker API JSON as a child process: the documents and documentauthor
// answers of one run, given together, down to the export and the company report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/app.js';
import { cli } from './support/cli.js';
import type { FixtureServer } from './support/fixture-server.js';
import { startIetfSite } from './support/ietf-site.js';

const api = (name: string): string => fixture('ietf', `${name}.reconstructed.json`);

describe('stdwatch import of Datatracker API JSON', () => {
  it('refuses the documents answer alone, naming the author answers it needs, and stores nothing', async () => {
    const run = cli();
    const result = await run.run(['import', api('api-doc-document-idr')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("documents without their authors' affiliations");
    expect(result.stderr).toContain('/api/v1/doc/documentauthor/?document=80001');
    expect(result.stderr).toContain('nothing was imported from them');
    const { stdout } = await run.run(['export', 'contributions', '--body', 'ietf', '--format', 'ndjson']);
    expect(stdout.trim()).toBe('');
  });

  it('imports documents, their authors over two pages and an HTML page in one call, and reports them', async () => {
    const run = cli();
    const result = await run.run([
      'import',
      api('api-doc-documentauthor-80001-offset10'),
      api('api-doc-document-idr'),
      fixture('ieee', 'mentor-802.11-documents-n1.reconstructed.html'),
      api('api-doc-documentauthor-80002'),
      api('api-doc-documentauthor-80001-offset0'),
    ]);
    expect(result.stderr).toContain('mentor-802.11-documents-n1.reconstructed.html: 74 contributions of 802.11 (74 new, 0 changed)');
    expect(result.stderr).toMatch(/api-doc-documentauthor-80001-offset10\.reconstructed\.json \+ .*: 2 contributions of idr \(2 new, 0 changed\); 1 warning\(s\): charter-ietf-idr/);
    expect(result.code).toBe(0);

    const { stdout } = await run.run(['export', 'contributions', '--body', 'ietf', '--format', 'ndjson']);
    const drafts = stdout.trim().split('\n').map((l) => JSON.parse(l) as { ref: string; sources: { raw: string; organization: string; country: string }[] });
    const segments = drafts.find((d) => d.ref === 'draft-ietf-idr-bgp-ls-sr-service-segments')!;
    // The draft's 11 authors give 9 organizations ("Authors' Addresses" of the htmlized -02).
    expect(segments.sources.map((s) => [s.raw, s.country])).toEqual([
      ['LinkedIn', 'US'],
      ['Cisco Systems', 'US'],
      ['Bell Canada', 'CA'],
      ['AT&T', 'US'],
      ['Orange', 'FR'],
      ['Ericsson', 'SE'],
      ['Capitalonline', 'CN'],
      ['Futurewei Technologies', 'CN'],
      ['Huawei Technologies', 'CN'],
    ]);

    // Huawei (as parent): 2 of the 9 sources of the first draft (Futurewei Technologies, Huawei
    // Technologies) and 1 of the 3 of the second (Huawei Technologies): 2/9 + 1/3 fractionally.
    const report = await run.run(['report', 'company', 'huawei', '--body', 'ietf', '--format', 'json']);
    expect(report.code).toBe(0);
    const totals = JSON.parse(report.stdout).data.totals;
    expect(totals).toMatchObject({ contributions: 2, allContributions: 2 });
    expect(totals.fractional).toBeCloseTo(2 / 9 + 1 / 3, 6);
  });
});

describe('stdwatch scrape ietf --groups, against a local Datatracker as docs/sources.md says', () => {
  let mirror: FixtureServer;
  beforeAll(async () => {
    mirror = await startIetfSite();
  });
  afterAll(() => mirror.close());

  it('scrapes the groups named on the command line instead of the setting', async () => {
    // STDWATCH_IETF_GROUPS is left at its default (core, 6lo, …, which the mirror does not have): --groups replaces it.
    const run = cli({ STDWATCH_IETF_BASE_URL: mirror.baseUrl, STDWATCH_IETF_PAGE_SIZE: '10', STDWATCH_REQUEST_INTERVAL_MS: '0' });
    const result = await run.run(['scrape', 'ietf', '--groups', 'idr', '--since', '2020-01-01']);
    expect(result.stderr).toMatch(/ietf:documents: ok — 4 .*2 contributions \(2 new, 0 changed\)/);
    expect(result.stderr).toMatch(/ietf:leadership: ok/);
    expect(result.code).toBe(0);
    const seats = await run.run(['export', 'positions', '--body', 'ietf', '--format', 'ndjson']);
    // idr's three chairs (its about page, 2025-02); rtgarea was not asked for.
    expect(seats.stdout.trim().split('\n').map((l) => JSON.parse(l).person).sort()).toEqual(['Jeffrey Haas', 'Keyur Patel', 'Susan Hares']);
  }, 120_000);

  it('refuses --groups for sources of several bodies, and a group name that is not one', async () => {
    const run = cli();
    const all = await run.run(['scrape', '--groups', 'core']);
    expect(all.code).toBe(1);
    expect(all.stderr).toContain('--groups names groups of one body');
    const bad = await run.run(['scrape', 'ieee', '--groups', 'core']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--groups core: each group must be an IEEE 802 working group (802.11, 802.15)');
  }, 120_000);
});
