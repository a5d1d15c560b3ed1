// The charts module: Vega-Lite specs rendered to SVG on the server, checked for what the pages need
// (drawn marks, escaped labels, nothing the Content-Security-Policy would block, nothing fetched).
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { barChart, renderSvg, sharesOverTimeChart } from '../../server/charts.js';
import { sharesOverTime, thinPeriods } from '../../server/reports/trends.js';
import type { TestApp } from '../support/app.js';
import { seededApp } from '../support/seeded.js';

let app: TestApp;
beforeAll(() => {
  app = seededApp();
});

const HOSTILE = '<script>alert("x")</script> & Co <img src=x onerror=alert(1)>';

/** What the page's CSP and "no network" rule forbid in inline SVG. */
function expectSelfContained(svg: string) {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).not.toMatch(/<script|<img|<foreignObject|<image|\sstyle=|@import|\son[a-z]+="/i);
  // Only the SVG namespaces name an address; a clip-path refers to the SVG's own elements.
  const addresses = [...svg.matchAll(/https?:\/\/[^"\s)]+/g)].map((m) => m[0]);
  expect(new Set(addresses)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
  expect(svg.match(/url\((?!#)/g)).toBeNull();
}

describe('charts', () => {
  it('draws one bar per row, with the value as the table writes it', () => {
    const chart = barChart('Top organizations', [
      { label: 'Huawei', value: 1.5, text: '1.5' },
      { label: 'ZTE', value: 0.5, text: '0.5' },
    ]);
    expect(chart.svg.match(/aria-roledescription="bar"/g)).toHaveLength(2);
    expect(chart.svg).toContain('>Huawei</text>');
    expect(chart.svg).toContain('>1.5</text>');
    expectSelfContained(chart.svg);
  });

  it('escapes labels from the data: a hostile organization name is drawn as text', () => {
    const chart = barChart('Hostile', [{ label: HOSTILE, value: 1, text: '1' }]);
    expect(chart.svg).not.toContain('<script>');
    expect(chart.svg).not.toContain('<img');
    // The bar's accessible name keeps the whole name, escaped.
    expect(chart.svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co &lt;img src=x onerror=alert(1)&gt;');
    expectSelfContained(chart.svg);
  });

  it('stacks the shares of each quarter, with a legend entry per country', () => {
    const chart = sharesOverTimeChart(sharesOverTime(app.db, {}));
    // 2024-Q2 has five non-empty series (CN, KR, FI, SE, unresolved), 2024-Q4 one (CN): six rectangles.
    expect(chart.svg.match(/aria-roledescription="bar"/g)).toHaveLength(6);
    for (const name of ['China', 'Korea', 'Finland', 'Sweden', 'No country or unresolved']) expect(chart.svg).toContain(name);
    // Each column is labelled with its period and, on a second line, its number of contributions.
    expect(chart.svg).toContain('>2024-Q2</tspan><tspan x="0" dy="13">n=6</tspan>');
    expectSelfContained(chart.svg);
  });

  it('draws a thin period pale, with its n, so a column of one document is not read as a trend', async () => {
    // 2024-Q2 has 6 dated contributions (RP-240001…005, -007), 2024-Q4 one (RP-240006, Motorola → Lenovo, CN):
    // Q4 is a full column of China.
    const report = sharesOverTime(app.db, {});
    const opacities = (svg: string) =>
      [...svg.matchAll(/aria-label="period: (\d{4}-Q\d)&#xA;n=\d+; [^"]*" role="graphics-symbol" aria-roledescription="bar"[^>]* opacity="([\d.]+)"/g)].map((m) => [m[1], m[2]]);
    // Under a minimum of 5, Q2's five bars are solid and Q4's one bar is pale.
    const five = sharesOverTimeChart(report, { thinBelow: 5 });
    expect(opacities(five.svg)).toEqual([...Array(5).fill(['2024-Q2', '1']), ['2024-Q4', '0.3']]);
    expect(five.svg).toContain('>2024-Q4</tspan><tspan x="0" dy="13">n=1</tspan>');
    expect(five.title).toBe('Shares of contributions by country, per quarter; pale columns: fewer than 5 contributions');
    // The default minimum is 30 (trends.ts: one document moves a share by more than 3 points): both are thin.
    expect(thinPeriods(report)).toEqual(['2024-Q2', '2024-Q4']);
    expect(thinPeriods(report, 5)).toEqual(['2024-Q4']);
    expect(opacities(sharesOverTimeChart(report).svg).map(([, o]) => o)).toEqual(Array(6).fill('0.3'));
    // Nothing thin: solid columns and a title without the note.
    const solid = sharesOverTimeChart(report, { thinBelow: 1 });
    expect(opacities(solid.svg).map(([, o]) => o)).toEqual(Array(6).fill('1'));
    expect(solid.title).toBe('Shares of contributions by country, per quarter');
    // The overview's table says the same of its columns, and links each period's n to its documents.
    const html = (await request(createApp(app)).get('/').expect(200)).text;
    expect(html).toContain('2024-Q4 <abbr class="thin" title="fewer than 30 contributions: one document moves a share by more than 3.3 percentage points">(thin)</abbr>');
    expect(html).toContain('<strong>Pale columns</strong> (2024-Q2, 2024-Q4) have fewer than 30 contributions each');
    expect(html).toContain('<td class="n"><a href="/contributions?from&#x3D;2024-10-01&amp;to&#x3D;2024-12-31">1</a></td>');
  });

  it('renders synchronously the same markup as Vega\'s own asynchronous toSVG', async () => {
    const spec = {
      data: { values: [{ l: 'A', v: 3 }, { l: HOSTILE, v: 5 }] },
      mark: 'bar',
      encoding: { y: { field: 'l', type: 'nominal' }, x: { field: 'v', type: 'quantitative' } },
      config: { background: null },
    } as unknown as TopLevelSpec;
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
    const expected = await view.toSVG();
    view.finalize();
    expect(renderSvg(spec)).toBe(expected);
  });

  it('refuses a spec that would load data from an address', () => {
    const spec = { data: { url: 'http://127.0.0.1:9/data.json' }, mark: 'bar', encoding: { x: { field: 'v', type: 'quantitative' } } } as TopLevelSpec;
    // The load is refused before anything is fetched; the view is drawn without data.
    expect(renderSvg(spec)).not.toContain('aria-roledescription="bar"');
  });
});
