// `stdwatch digest` (and the other report commands of issue 8) as child processes, on a database file
// filled with the weekly test data (test/support/weekly.ts, figures worked out there).
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../db/client.js';
import { applyRegistry } from '../db/registry.js';
import { loadRegistry } from '../domain/resolve/registry.js';
import { createResolver } from '../domain/resolve/resolve.js';
import { cli, type Cli } from './support/cli.js';
import { fillWeekly } from './support/weekly.js';

let run: Cli;
beforeAll(() => {
  run = cli();
  const db = openDatabase(run.db);
  const resolver = createResolver(loadRegistry());
  applyRegistry(db, resolver);
  fillWeekly(db, resolver);
  closeDatabase(db);
});

describe('stdwatch digest', () => {
  it('prints a week not yet published as a Markdown preview', async () => {
    const { code, stdout } = await run.run(['digest', '--week', '2025-W07']);
    expect(code).toBe(0);
    expect(stdout).toContain('# stdwatch weekly digest 2025-W07');
    expect(stdout).toContain('**preview**');
    expect(stdout).toContain('**6** new contributions (week before: 2; 12-week average: 0.50).');
  });

  it('publishes a week, which then stays as published', async () => {
    const published = await run.run(['digest', '--week', '2025-W07', '--publish', '--format', 'json']);
    expect(published.code).toBe(0);
    expect(published.stderr).toContain('digest 2025-W07 published');
    const first = JSON.parse(published.stdout).data;
    expect(first).toMatchObject({ publication: 'published', totals: { contributions: 6 } });
    const again = JSON.parse((await run.run(['digest', '--week', '2025-W07', '--format', 'json'])).stdout).data;
    expect(again.generatedAt).toBe(first.generatedAt);
    const html = await run.run(['digest', '--week', '2025-W07', '--format', 'html']);
    expect(html.stdout).toContain('<h1>Weekly digest 2025-W07');
  });

  it('refuses a malformed week with one line', async () => {
    const { code, stderr } = await run.run(['digest', '--week', '2025-7']);
    expect(code).toBe(1);
    expect(stderr).toBe('stdwatch: --week: "2025-7" is not an ISO week YYYY-Www (e.g. 2025-W07)\n');
  });
});

describe('stdwatch watchlist', () => {
  it('adds, lists, shows and removes a watchlist', async () => {
    const added = await run.run(['watchlist', 'add', 'Rivals', '--org', 'Huawei', '--group', 'SA2', '--keyword', 'power saving']);
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('Rivals (rivals) — organizations: Huawei; groups: SA2; keywords: "power saving"\n');
    expect((await run.run(['watchlist', 'list'])).stdout).toContain('Rivals (rivals)');
    // Since 11 Feb: RP-250003 (Huawei), RP-250002 ("power saving"), S2-250001 (SA2) — test/support/weekly.ts.
    const shown = await run.run(['watchlist', 'show', 'rivals', '--since', '2025-02-11', '--format', 'json']);
    expect(JSON.parse(shown.stdout).data.contributions.map((c: { ref: string }) => c.ref)).toEqual(['RP-250003', 'RP-250002', 'S2-250001']);
    const csv = await run.run(['watchlist', 'show', 'Rivals', '--format', 'csv']);
    expect(csv.stdout.trim().split('\n')).toHaveLength(7); // header and six contributions
    expect((await run.run(['watchlist', 'remove', 'rivals'])).code).toBe(0);
    const gone = await run.run(['watchlist', 'show', 'rivals']);
    expect([gone.code, gone.stderr]).toEqual([1, 'stdwatch: no watchlist "rivals"\n']);
  });

  it('refuses an organization it does not know, with one line', async () => {
    const { code, stderr } = await run.run(['watchlist', 'add', 'X', '--org', 'Nobody Ltd']);
    expect(code).toBe(1);
    expect(stderr).toBe('stdwatch: no organization "Nobody Ltd" (try a slug such as huawei or china-mobile)\n');
  });
});
