// The digest pages through supertest, on the weekly test database (test/support/weekly.ts).
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { digestMarkdown, markdownText } from '../../server/digest-render.js';
import { digestReport, publishDigest } from '../../server/reports/digest.js';
import { weeklyApp } from '../support/weekly.js';
import type { TestApp } from '../support/app.js';

let app: TestApp;
let web: ReturnType<typeof createApp>;
beforeAll(() => {
  app = weeklyApp();
  publishDigest(app.db, '2025-W07', { now: new Date('2025-02-17T07:00:00Z') });
  web = createApp(app);
});

describe('/digest', () => {
  it('lists the published weeks, latest first', async () => {
    const json = await request(web).get('/digest.json').expect(200);
    expect(json.body.data.latest).toEqual({ week: '2025-W07', generatedAt: '2025-02-17T07:00:00.000Z' });
    const html = await request(web).get('/digest').expect(200);
    expect(html.text).toContain('<a href="/digest/2025-W07">2025-W07</a>');
  });

  it('shows a published week as printable HTML, JSON, Markdown and CSV', async () => {
    const html = await request(web).get('/digest/2025-W07').expect(200).expect('content-type', /html/);
    expect(html.text).toContain('Weekly digest 2025-W07 <span class="muted">(2025-02-10 to 2025-02-16)</span>');
    expect(html.text).toContain('Published 2025-02-17T07:00:00.000Z');
    expect(html.text).not.toContain('Preview.');
    // China: 2.5 of 6 contributions this week.
    // The fractional count links to the week's contributions with a source from China.
    expect(html.text).toMatch(/<a href="\/countries\/CN">China<\/a><\/td>\s*<td class="n"><a href="\/contributions\?from&#x3D;2025-02-10&amp;to&#x3D;2025-02-16&amp;country&#x3D;CN"[^>]*>2\.5<\/a><\/td><td class="n">41\.7\u00a0%<\/td>/);
    // The chart beside the table (Vega-Lite, server/charts.ts): one bar per country, as long as its
    // fractional count (2.5 : 1 : 1 : 0.5), largest first as in the table.
    const bars = [...html.text.matchAll(/<path aria-label="value: ([\d.]+); label: ([^"]+)" role="graphics-symbol" aria-roledescription="bar" d="M0,[\d.]+h([\d.]+)v/g)].map((m) => [m[2], Number(m[1]), Number(m[3])]);
    expect(bars.map(([name, value]) => [name, value])).toEqual([['China', 2.5], ['Sweden', 1], ['United States', 1], ['Finland', 0.5]]);
    const unit = (bars[0]![2] as number) / 2.5;
    for (const [, value, width] of bars) expect(width as number).toBeCloseTo((value as number) * unit, 5);
    const json = await request(web).get('/digest/2025-W07.json').expect(200);
    expect(json.body.data).toMatchObject({ week: '2025-W07', publication: 'published', totals: { contributions: 6, previous: 2, average: 0.5 } });
    const md = await request(web).get('/digest/2025-W07.md').expect(200).expect('content-type', /markdown/);
    expect(md.text.split('\n')[0]).toBe('# stdwatch weekly digest 2025-W07');
    // The week before is written 0.0 like every fractional figure of its column (and of the page), not 0.
    expect(md.text).toContain('| China | 2.5 | 41.7 % | 0.0 | 0.08 | +2.42 |');
    const csv = await request(web).get('/digest/2025-W07.csv').expect(200).expect('content-type', /text\/csv/);
    expect(csv.text).toContain('country,CN,China,CN,3,2.5,');
  });

  it('labels a week not yet published as a preview', async () => {
    const html = await request(web).get('/digest/2025-W06').expect(200);
    expect(html.text).toContain('<strong>Preview.</strong>');
    const json = await request(web).get('/digest/2025-W06.json').expect(200);
    // W06: RP-250010 and RP-250011.
    expect(json.body.data).toMatchObject({ publication: 'preview', totals: { contributions: 2 } });
  });

  it('refuses a malformed week and an unknown format', async () => {
    const res = await request(web).get('/digest/2025-W54.json').expect(400);
    expect(res.body.error.message).toBe('week: 2025 has no week 54 (it has 52)');
    await request(web).get('/digest/2025-W07.pdf').expect(400);
  });
});

describe('the digest in Markdown', () => {
  it('escapes names so that they cannot make links, cells or HTML', () => {
    expect(markdownText('a|b [x](y) <b>')).toBe('a\\|b \\[x\\](y) \\<b\\>');
    const md = digestMarkdown({ ...digestReport(app.db, '2025-W07'), publication: 'preview' });
    expect(md).toContain('**preview**');
  });
});
