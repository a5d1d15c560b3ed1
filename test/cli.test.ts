// The `stdwatch` command line, run as a user runs it: a child process with its own database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openStdwatch } from '../server/context.js';
import { parseCsv } from '../scrapers/csv.js';
import { fixture } from './support/app.js';
import { cli, type Cli } from './support/cli.js';
import type { FixtureServer } from './support/fixture-server.js';
import { startThreeGppSite } from './support/three-gpp-site.js';

const RAN104 = fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx');
/** Its statuses, counted by hand on the sheet (the expected file's tally). */
const RAN104_STATUSES = (JSON.parse(fs.readFileSync(fixture('3gpp', 'TDoc_List_Meeting_RAN#104.expected.json'), 'utf8')) as { tally: { status: Record<string, number> } }).tally.status;

/**
 * Everything in the database, table by table, for "exactly as before" comparisons; the log of runs
 * (scrape_runs) apart: every import is a run on /status, whatever it stored (see runs()), and with it
 * SQLite's own bookkeeping of that table (its id counter, its statistics).
 */
function snapshot(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not in ('scrape_runs', 'sqlite_sequence', 'sqlite_stat1') order by name").all() as { name: string }[];
    const hash = crypto.createHash('sha256');
    for (const { name } of tables) hash.update(name).update(JSON.stringify(db.prepare(`select * from "${name}"`).all()));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** The runs on /status: source, status, new records, error. */
function runs(file: string): { source: string; status: string; records_new: number | null; error: string | null }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('select source, status, records_new, error from scrape_runs order by id').all() as ReturnType<typeof runs>;
  } finally {
    db.close();
  }
}

describe('stdwatch import and export', () => {
  let run: Cli;
  beforeAll(async () => {
    run = cli();
    const result = await run.run(['import', RAN104]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toContain('830 contributions of RAN#104 (830 new, 0 changed)');
  });

  it('gives every row back with the same ref, title, status and source text as the file', async () => {
    const { code, stdout } = await run.run(['export', 'contributions', '--format', 'ndjson']);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line) as { ref: string; status: string });
    expect(rows).toHaveLength(830);
    expect(new Set(rows.map((r) => r.ref)).size).toBe(830);
    const statuses: Record<string, number> = {};
    for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    expect(statuses).toEqual(RAN104_STATUSES);
    expect(rows.find((r) => r.ref === 'RP-240863')).toMatchObject({
      body: '3gpp',
      group: 'RAN',
      meeting: 'RAN#104',
      title: 'Status Report RAN WG1',
      status: 'noted',
      sourceText: 'RAN1 chair (Samsung)',
      sources: [{ raw: 'RAN1 chair (Samsung)', organization: 'Samsung', parent: 'Samsung', country: 'KR', kind: 'company', role: 'chair' }],
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = snapshot(run.db);
    const again = await run.run(['import', RAN104]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('(0 new, 0 changed)');
    expect(snapshot(run.db)).toBe(before);
    expect(runs(run.db).at(-1)).toMatchObject({ source: 'import:3gpp', status: 'ok', records_new: 0 });
  });

  it.each([
    ['an empty file', 'empty.xlsx', Buffer.alloc(0), /empty\.xlsx: the file is empty; nothing was imported from it/],
    ['a truncated workbook', 'truncated.xlsx', fs.readFileSync(RAN104).subarray(0, 150_000), /truncated\.xlsx: the ZIP container has no end record: the file is truncated/],
    ['an HTML page that is not a contribution list', 'page.htm', Buffer.from('<html><body><h1>3GPP news</h1><table><tr><td>x</td></tr></table></body></html>'), /page\.htm: an HTML page, but not a contribution list/],
  ])('refuses %s with a one-line reason naming it, leaving the database as it was', async (_what, name, bytes, reason) => {
    const file = path.join(run.dir, name);
    fs.writeFileSync(file, bytes);
    const before = snapshot(run.db);
    const result = await run.run(['import', file]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(reason);
    expect(snapshot(run.db)).toBe(before);
    const refused = runs(run.db).at(-1)!;
    expect(refused).toMatchObject({ source: 'import', status: 'failed' });
    expect(refused.error).toMatch(reason);
  });

  it('exports CSV with one header and a row per contribution', async () => {
    const { stdout } = await run.run(['export', 'contributions', '--format', 'csv', '--from', '2024-06-01']);
    const [header, ...rows] = parseCsv(stdout);
    expect(header!.join(',')).toBe('body,group,meeting,ref,title,type,for,status,date,sourceText,organizations,parents,countries,kinds,roles,url,revisionOf,archived,authors');
    // 804 rows dated 2024-06-01 or later: Uploaded, else the reservation date, counted on the sheet XML.
    expect(rows).toHaveLength(804);
    expect(rows.every((row) => row.length === header!.length && row[8]! >= '2024-06-01')).toBe(true);
  });

  it('prints the country report as text and JSON', async () => {
    const text = await run.run(['report', 'country', 'KR']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^South Korea \(KR\) — all bodies, groups and dates/);
    const json = await run.run(['report', 'country', 'KR', '--format', 'json']);
    expect(JSON.parse(json.stdout).data.seats).toContainEqual(expect.objectContaining({ group: 'RAN1', role: 'chair', organization: 'Samsung' }));
  });

  it('prints the country report and the export in the same JSON envelope as the server', async () => {
    const printed = JSON.parse((await run.run(['report', 'country', 'CN', '--from', '2024-01-01', '--format', 'json'])).stdout);
    const app = openStdwatch(loadConfig(run.env));
    try {
      const served = (await request(createApp(app)).get('/countries/CN.json?from=2024-01-01').expect(200)).body;
      expect(printed).toEqual(served);
      expect(printed.links.self).toBe('/countries/CN.json?from=2024-01-01');
    } finally {
      app.close();
    }
    // Every one of RAN#104's 830 contributions in `data`, with the filters and counting rules beside them.
    const exported = JSON.parse((await run.run(['export', 'contributions', '--group', 'RAN', '--format', 'json'])).stdout);
    expect(Object.keys(exported)).toEqual(['data', 'meta', 'links']);
    expect(exported.data).toHaveLength(830);
    expect(exported.meta).toMatchObject({ filters: { group: 'RAN' }, counting: { basis: 'parent', withdrawn: 'include', revisions: 'keep' } });
    expect(exported.links).toEqual({ csv: '/api/contributions?group=RAN&format=csv', ndjson: '/api/contributions?group=RAN&format=ndjson' });
  });

  it('prints the company report for a name or a slug', async () => {
    const byName = await run.run(['report', 'company', 'HiSilicon', '--format', 'json']);
    expect(JSON.parse(byName.stdout).data.organization.slug).toBe('huawei');
    const html = await run.run(['report', 'company', 'huawei', '--format', 'html']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
  });

  it('lists the names the registry does not resolve, and the coverage per body', async () => {
    // RAN#104's only source name not in the registry: "Swifts" among the 25 sources of RP-241094.
    const unresolved = await run.run(['orgs', 'unresolved', '--format', 'json']);
    expect(JSON.parse(unresolved.stdout).data).toEqual([{ name: 'Swifts', occurrences: 1, example: '3gpp RP-241094' }]);
    const text = await run.run(['orgs', 'unresolved']);
    expect(text.stdout).toContain('Swifts                  1  3gpp RP-241094');
    const coverage = JSON.parse((await run.run(['orgs', 'coverage', '--format', 'json'])).stdout).data;
    expect(coverage.bodies.map((b: { body: string }) => b.body)).toEqual(['3gpp']);
    expect(coverage.all.unresolved).toBe(1);
    expect(coverage.all.resolved).toBe(coverage.all.occurrences - 1);
    const bad = await run.run(['orgs', 'unresolved', '--limit', 'many']);
    expect([bad.code, bad.stderr]).toEqual([1, 'stdwatch: --limit: "many" is not a positive whole number\n']);
  });

  it('prints the country report by the entities\' own countries with --basis entity', async () => {
    const json = await run.run(['report', 'country', 'CN', '--basis', 'entity', '--format', 'json']);
    expect(JSON.parse(json.stdout).data.basis).toBe('entity');
    const text = await run.run(['report', 'country', 'CN', '--basis', 'entity']);
    expect(text.stdout).toContain("country = the named entity's own home country (basis: entity)");
  });

  it('exits non-zero with one line for a bad filter', async () => {
    const result = await run.run(['report', 'country', 'CN', '--from', '2024-13-01']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('stdwatch: --from: 2024-13-01 does not exist (there is no month 13)\n');
  });

  it('prints the years over the groups stored in every year, or as --coverage asks', async () => {
    const text = await run.run(['report', 'country', 'CN']);
    expect(text.stdout).toContain('By year\nCounted over RAN: the group with a meeting in every year of the range.\n');
    const perGroup = JSON.parse((await run.run(['report', 'country', 'CN', '--coverage', 'per-group', '--format', 'json'])).stdout);
    expect(perGroup.meta.coverage).toMatchObject({ rule: 'per-group', compared: [{ body: '3gpp', group: 'RAN' }] });
    expect(perGroup.data.byYear.every((y: { group: string }) => y.group === 'RAN')).toBe(true);
    const bad = await run.run(['report', 'country', 'CN', '--coverage', 'like']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('stdwatch: --coverage: must be one of comparable, all, per-group\n');
  });
});

describe('importing a TdocsByAgenda page, which has no dates', () => {
  const page = fixture('3gpp', 'sa2_TdocsByAgenda_SA2-137e_2020-02-29.htm');

  it('warns that the contributions stay undated, and dates them when imported again with the meeting day', async () => {
    const run = cli();
    const first = await run.run(['import', page]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('713 contributions stay undated');
    const again = await run.run(['import', page, '--meeting-date', '2020-02-24']);
    expect(again.stderr).toContain('713 contributions of SA2#137-e (0 new, 713 changed)');
    const dated = await run.run(['export', 'contributions', '--group', 'SA2', '--from', '2020-02-24', '--to', '2020-02-24']);
    expect(dated.stdout.trim().split('\n')).toHaveLength(713);
  });

  it.each([
    [['--meeting-date', '2024-02-30'], 'stdwatch: --meeting-date: 2024-02-30 does not exist (February 2024 has 29 days)\n'],
    [['--url', 'notaurl'], 'stdwatch: --url: "notaurl" is not an http(s) address\n'],
  ])('refuses %j before reading anything', async (options, message) => {
    const result = await cli().run(['import', page, ...options]);
    expect(result).toMatchObject({ code: 1, stderr: message });
  });
});

describe('stdwatch resolve', () => {
  it('resolves owners at a date and countries by entity', async () => {
    const dated = await cli().run(['resolve', '--json', '--date', '2013-06-03', 'Motorola Mobility']);
    expect(JSON.parse(dated.stdout).sources[0]).toMatchObject({ organization: 'Motorola Mobility', parent: 'Alphabet', country: 'US' });
    const entity = await cli().run(['resolve', '--json', '--basis', 'entity', 'Nokia Shanghai Bell']);
    expect(JSON.parse(entity.stdout).sources[0]).toMatchObject({ parent: 'Nokia', country: 'CN' });
  });

  it('answers one JSON object per input line, in order', async () => {
    const input = ['Huawei, HiSilicon', '', 'RAN4 Chair (Huawei)', 'RAN5'].join('\n') + '\n';
    const { code, stdout } = await cli().run(['resolve', '--json', '--stdin'], { input });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.input)).toEqual(['Huawei, HiSilicon', '', 'RAN4 Chair (Huawei)', 'RAN5']);
    expect(lines[0].sources.map((s: { organization: string }) => s.organization)).toEqual(['Huawei', 'HiSilicon']);
    expect(lines[1].sources).toEqual([]);
    expect(lines[2].sources).toEqual([{ raw: 'RAN4 Chair (Huawei)', organization: 'Huawei', parent: 'Huawei', country: 'CN', kind: 'company', role: 'chair' }]);
    expect(lines[3].sources).toEqual([{ raw: 'RAN5', organization: '3GPP RAN5', parent: '3GPP', country: null, kind: 'sdo', role: null }]);
  });
});

describe('stdwatch scrape', () => {
  let site: FixtureServer;
  beforeAll(async () => {
    site = await startThreeGppSite();
  });
  afterAll(() => site.close());

  it('runs the 3GPP source against the configured base URL and summarises it', async () => {
    const run = cli({ STDWATCH_3GPP_BASE_URL: site.baseUrl, STDWATCH_REQUEST_INTERVAL_MS: '0', STDWATCH_3GPP_GROUPS: 'RAN' });
    const result = await run.run(['scrape', '3gpp', '--since', '2024-01-01', '--until', '2024-12-31']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('3gpp:tdocs: ok — 1 list(s), 830 contributions (830 new, 0 changed)');
    // The news listing's two pages, six election articles, three TSG folder listings, SA#87-e's Report
    // folder and its officials annex: 24 + 15 seats, of which 16 closed by a later election (RAN 2009
    // and 2017: 4 each; SA 2011: 4, at the annex's 2019 terms; the annex's TSG SA: 4).
    expect(result.stderr).toContain('3gpp:leadership: ok — 13 page(s), 39 seats (39 new, 16 changed)');
    // The WORK_PLAN listing and the newest work plan, the real one of January 2023 (its items are
    // checked row by row in test/scrapers/3gpp/workplan.test.ts).
    expect(result.stderr).toMatch(/3gpp:workplan: ok — 2 file\(s\), \d{4} rapporteur seats \(\d{4} new, 0 changed\)/);

    // The RAN chair elected on 20 March 2023 (news_tsg-ran-election.excerpt.txt), as `export positions` gives it.
    const exported = await run.run(['export', 'positions', '--body', '3gpp', '--group', 'RAN', '--format', 'ndjson']);
    expect(exported.code).toBe(0);
    const seats = exported.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(seats.find((s) => s.person === 'Wanshi CHEN')).toEqual({
      body: '3gpp',
      group: 'RAN',
      role: 'chair',
      person: 'Wanshi CHEN',
      source: { raw: 'Qualcomm Incorporated', organization: 'Qualcomm', parent: 'Qualcomm', country: 'US', kind: 'company', role: 'chair' },
      from: '2023-03-20',
      to: null,
      evidence: 'https://www.3gpp.org/news-events/3gpp-news/tsg-ran-election',
      detail: '2nd term',
      partner: 'ATIS',
      basis: '3gpp-elections',
    });

    // A work-item rapporteur seat: row 135 of the work plan, SEALDD in CT1, "Herrero Veron, Christian
    // (Huawei)": the company only, from the item's Start, open while the item is at 0 %.
    const ct1 = await run.run(['export', 'positions', '--body', '3gpp', '--group', 'CT1', '--format', 'ndjson']);
    expect(ct1.stdout.trim().split('\n').map((line) => JSON.parse(line)).find((p: { detail: string }) => p.detail === 'WI 980044 SEALDD')).toEqual({
      body: '3gpp',
      group: 'CT1',
      role: 'rapporteur',
      person: null,
      source: { raw: 'Huawei', organization: 'Huawei', parent: 'Huawei', country: 'CN', kind: 'company', role: 'rapporteur' },
      from: '2022-12-16',
      to: null,
      evidence: 'https://www.3gpp.org/ftp/Information/WORK_PLAN/Work_plan_3gpp_230110.xlsm',
      detail: 'WI 980044 SEALDD',
      partner: null,
      basis: '3gpp-workplan',
    });
  });

  it('exits non-zero, saying why, when the site cannot be reached', async () => {
    const run = cli({ STDWATCH_REQUEST_RETRIES: '0', STDWATCH_3GPP_GROUPS: 'RAN' });
    const result = await run.run(['scrape', '3gpp']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '3gpp:tdocs: failed — nothing stored — the 3GPP site cannot be reached (RAN meeting index: GET http://127.0.0.1:9/dynareport?code=Meetings-RP.htm failed: connect ECONNREFUSED 127.0.0.1:9); nothing was changed',
    );
    // Every other body's source is unreachable too (their base URLs point at the same closed port).
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^stdwatch: 3gpp:tdocs(?:, [a-z0-9:-]+)* did not complete; see above$/);
  });

  it.each([
    [['--since', '2024-13-01'], 'stdwatch: --since: 2024-13-01 does not exist (there is no month 13)\n'],
    [['--since', '2025-01-01', '--until', '2024-01-01'], 'stdwatch: --since 2025-01-01 is after --until 2024-01-01\n'],
  ])('checks its dates before going out: %j', async (options, message) => {
    const result = await cli().run(['scrape', ...options]);
    expect(result).toMatchObject({ code: 1, stderr: message });
  });

  it('refuses an unknown source by name', async () => {
    const result = await cli().run(['scrape', 'w3c']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^stdwatch: unknown source "w3c" \(available: 3gpp, 3gpp:tdocs, .*\bieee:leadership\b.*\bietf:documents\b.*\)\n$/);
  });
});

describe('every command explains itself', () => {
  it.each(['serve', 'seed', 'scrape', 'import', 'resolve', 'export contributions', 'export positions', 'report country', 'report company'])(
    'stdwatch %s --help',
    async (command) => {
      const result = await cli().run([...command.split(' '), '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: stdwatch ${command}`);
    },
  );
});
