// The digest opens on a week with data: on a snapshot or a database whose scrapes stopped, the last two
// calendar weeks are empty, and a reader must be pointed to the weeks that have contributions.
// The seeded database (test/support/seeded.ts) has RP-240001..07 dated 1–7 June 2024 and RP-240006 on
// 1 December 2024: ISO weeks 2024-W22 (Sat 1, Sun 2 June: 2), 2024-W23 (3–7 June: 4), 2024-W48 (Sun 1 Dec: 1).
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { defaultDigestWeek, weeksWithData } from '../../server/reports/digest.js';
import { fixture, type TestApp } from '../support/app.js';
import { cli } from '../support/cli.js';
import { seededApp } from '../support/seeded.js';

let app: TestApp;
let web: ReturnType<typeof createApp>;
beforeAll(() => {
  app = seededApp();
  web = createApp(app);
});

describe('the weeks a digest can open on', () => {
  it('lists the weeks with contributions, newest first, with how many', () => {
    expect(weeksWithData(app.db)).toEqual([
      { week: '2024-W48', contributions: 1 },
      { week: '2024-W23', contributions: 4 },
      { week: '2024-W22', contributions: 2 },
    ]);
  });

  it('opens on the last complete week when it has contributions, else the newest week before it that has', () => {
    expect(defaultDigestWeek(app.db, new Date('2024-06-12T09:00:00Z'))).toMatchObject({ week: '2024-W23', lastComplete: '2024-W23', hasData: true });
    expect(defaultDigestWeek(app.db, new Date('2024-06-20T09:00:00Z'))).toMatchObject({ week: '2024-W23', lastComplete: '2024-W24' });
    expect(defaultDigestWeek(app.db, new Date('2026-12-06T09:00:00Z'))).toMatchObject({ week: '2024-W48', lastComplete: '2026-W48' });
  });

  it('/digest points to the latest week with contributions and lists every week that has some', async () => {
    const json = (await request(web).get('/digest.json').expect(200)).body.data;
    expect(json.latestWithData).toBe('2024-W48');
    expect(json.weeksWithData).toEqual(weeksWithData(app.db));
    const html = (await request(web).get('/digest').expect(200)).text;
    expect(html).toContain('Latest week with contributions: <strong><a href="/digest/2024-W48" id="latest-with-data">2024-W48</a></strong>\n  (1 contribution).');
    expect(html).toMatch(/<strong>2024<\/strong>: <a href="\/digest\/2024-W48" title="1 contribution">W48<\/a> <span class="muted">\(1\)<\/span> · <a href="\/digest\/2024-W23" title="4 contributions">W23<\/a>/);
  });
});

describe('stdwatch digest without --week', () => {
  it('shows the last week with contributions and says so', async () => {
    const run = cli();
    expect((await run.run(['import', fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx')])).code).toBe(0);
    const { code, stdout, stderr } = await run.run(['digest', '--format', 'json']);
    expect(code).toBe(0);
    // RAN#104's list: its last upload is RP-240901 on 17 August 2024, 2024-W33, the one document of that week.
    expect(JSON.parse(stdout).data).toMatchObject({ week: '2024-W33', totals: { contributions: 1 } });
    expect(stderr).toMatch(/^stdwatch: digest of 2024-W33, the last week with contributions \(the last complete week, \d{4}-W\d{2}, has none\); --week YYYY-Www for another, --weeks lists those with contributions\n$/);
    // The weeks that have contributions, as /digest lists them: RAN#104's 830, every one dated, the
    // newest (RP-240901, 17 August 2024) alone in 2024-W33.
    const weeks = await run.run(['digest', '--weeks', '--format', 'json']);
    expect(weeks.code).toBe(0);
    const listed = JSON.parse(weeks.stdout) as { week: string; contributions: number }[];
    expect(listed[0]).toEqual({ week: '2024-W33', contributions: 1 });
    expect(listed.reduce((n, w) => n + w.contributions, 0)).toBe(830);
    const text = await run.run(['digest', '--weeks']);
    expect(text.stdout.split('\n')[0]).toBe('2024-W33  1');
  }, 30_000);
});
