// The charts module: Vega-Lite specs rendered to SVG on the server, checked for what the pages need
// (drawn marks, escaped labels, nothing the Content-Security-Policy would block, nothing fetched).
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { barChart, renderSvg, sharesOverTimeChart } from '../../server/charts.js';
import { sharesOverTime } from '../../server/reports/trends.js';
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
    expect(chart.svg).toContain('>2024-Q2</text>');
    expectSelfContained(chart.svg);
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
