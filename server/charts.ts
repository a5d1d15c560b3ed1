// Charts drawn on the server as SVG by Vega-Lite (compiled to a Vega view, rendered headless, no canvas,
// no browser): visible without JavaScript and in print, each placed beside the table that holds its
// numbers (the table is the accessible and printable source; the picture adds nothing to it).
//
// The specs carry their data inline and nothing else: no URL, no font file, no expression built from
// data. Vega escapes every text it writes (labels, legend, aria-label), so an organization named
// `<script>` is drawn as those characters (test/server/charts.test.ts). The output has presentation
// attributes only, no style attribute and no script, as the pages' Content-Security-Policy requires.
import { createRequire } from 'node:module';
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { SharesOverTime } from './reports/trends.js';
import { NO_COUNTRY, OTHER, THIN_PERIOD, thinPeriods } from './reports/trends.js';

/** A rendered chart: the only kind of value the `chart` partial writes unescaped (see views.ts). */
export class Chart {
  constructor(
    readonly title: string,
    readonly svg: string,
  ) {}
}

export interface BarInput {
  label: string;
  value: number;
  /** The value as the table shows it (e.g. "2.5" or "41.7 %"). */
  text: string;
}

const FONT = 'system-ui, sans-serif';
// No background: the chart sits on the page's own.
const CONFIG = {
  background: null,
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', labelColor: '#333', titleColor: '#333', gridColor: '#e5e5e5', domainColor: '#999', tickColor: '#999' },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 240 },
} as const;

interface ChartEngine {
  vega: typeof Vega;
  compile: typeof VegaLite.compile;
  loader: Vega.Loader;
}
let engine: ChartEngine | null = null;

/**
 * Vega and Vega-Lite, loaded on the first chart drawn rather than when the server starts (a second of
 * module loading the first request does not need). Both packages' Node entries are CommonJS, so
 * `require` loads the same modules an `import` would, synchronously: drawing stays synchronous.
 */
function chartEngine(): ChartEngine {
  if (!engine) {
    const require = createRequire(import.meta.url);
    const vega = require('vega') as typeof Vega;
    const { compile } = require('vega-lite') as typeof VegaLite;
    // Vega must never fetch anything: there is nothing outside to reach, and a spec has no business loading.
    const loader = {
      ...vega.loader(),
      load: () => Promise.reject(new Error('charts load nothing')),
      sanitize: () => Promise.reject(new Error('charts load nothing')),
    } as unknown as Vega.Loader;
    engine = { vega, compile, loader };
  }
  return engine;
}

/**
 * A Vega-Lite spec with inline data → SVG markup, synchronously, so that a chart is drawn only when its
 * page is (and cached with it). `view.toSVG()` does the same asynchronously; a test checks that the two
 * give the same markup, so a Vega upgrade that changes these view internals is caught.
 */
export function renderSvg(spec: TopLevelSpec): string {
  const { vega, compile, loader } = chartEngine();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none', loader });
  try {
    view.run();
    const internals = view as unknown as { _viewWidth: number; _viewHeight: number; _origin: [number, number] };
    const padding = view.padding() as { left: number; right: number; top: number; bottom: number };
    if (typeof internals._viewWidth !== 'number' || !Array.isArray(internals._origin)) throw new Error('this Vega version lays out views differently');
    const width = Math.max(0, internals._viewWidth + padding.left + padding.right);
    const height = Math.max(0, internals._viewHeight + padding.top + padding.bottom);
    const Renderer = (vega as unknown as { SVGStringRenderer: new () => { initialize(el: null, w: number, h: number, origin: number[]): { render(scene: unknown): unknown; svg(): string } } }).SVGStringRenderer;
    const renderer = new Renderer().initialize(null, width, height, [padding.left + internals._origin[0], padding.top + internals._origin[1]]);
    renderer.render((view.scenegraph() as unknown as { root: unknown }).root);
    return renderer.svg();
  } finally {
    view.finalize();
  }
}

/** Horizontal bars in the given order, each with its value written after it as the table shows it. */
/** `whole`: the values are counts of things (seats), so the axis has no fractional ticks. */
export function barChart(title: string, inputs: BarInput[], options: { axisTitle?: string; color?: string; whole?: boolean } = {}): Chart {
  const values = inputs.map((b) => ({ label: b.label, value: Math.max(0, b.value), text: b.text }));
  const spec: TopLevelSpec = {
    description: title,
    width: 260,
    height: { step: 20 },
    data: { values },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 170, ticks: false, domain: false } },
      x: { field: 'value', type: 'quantitative', title: options.axisTitle ?? null, axis: { tickCount: 4, grid: true, ...(options.whole ? { format: 'd', tickMinStep: 1 } : {}) } },
    },
    layer: [
      { mark: { type: 'bar', color: options.color ?? '#3b6ea5', height: 14 } },
      { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, fontSize: 11, color: '#333' }, encoding: { text: { field: 'text' } } },
    ],
    config: CONFIG,
  } as unknown as TopLevelSpec;
  return new Chart(title, renderSvg(spec));
}

// Tableau 10 without its grey, then greys for the two buckets that are not one country.
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f'];
const BUCKET_COLORS: Record<string, string> = { [OTHER]: '#9d9d9d', [NO_COUNTRY]: '#d4d4d4' };

/**
 * Stacked columns per period, each country's share of the period's contributions (each column adds to
 * 100 %). Every column is labelled with its number of contributions (n), and a thin period (fewer than
 * `thinBelow`, see trends.ts) is drawn pale: a full column of one document must not read as a trend.
 */
export function sharesOverTimeChart(report: SharesOverTime, options: { thinBelow?: number } = {}): Chart {
  const thin = new Set(thinPeriods(report, options.thinBelow ?? THIN_PERIOD));
  const partial = new Set(report.periods.filter((p) => p.partial).map((p) => p.period));
  const notes = [
    thin.size > 0 ? `pale columns: fewer than ${options.thinBelow ?? THIN_PERIOD} contributions` : null,
    partial.size > 0 ? 'dashed columns: partial (coverage differs)' : null,
  ].filter(Boolean);
  const title = `Shares of contributions by country, per ${report.period}${notes.map((n) => `; ${n}`).join('')}`;
  const names = report.series.map((s) => s.countryName);
  const colors = report.series.map((s, i) => BUCKET_COLORS[s.country] ?? PALETTE[i % PALETTE.length]!);
  const order = new Map(report.series.map((s, i) => [s.country, i]));
  // The column's axis label: the period and, on a second line, its n (the line break is split by labelExpr).
  // A partial period says so on a third line.
  const columnOf = new Map(report.periods.map((p) => [p.period, `${p.period}\nn=${p.contributions.toLocaleString('en')}${p.partial ? '\npartial' : ''}`]));
  const values = report.cells
    .filter((c) => c.fractional > 0)
    .map((c) => ({ period: columnOf.get(c.period)!, thin: thin.has(c.period), partial: partial.has(c.period), name: c.countryName, share: c.share, order: order.get(c.country) ?? 0 }));
  const spec: TopLevelSpec = {
    description: title,
    width: Math.max(300, Math.min(640, report.periods.length * 60)),
    height: 200,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'period',
        type: 'ordinal',
        title: null,
        sort: [...columnOf.values()],
        axis: { labelAngle: 0, ticks: false, labelExpr: "split(datum.label, '\\n')", labelLineHeight: 13 },
      },
      y: { field: 'share', type: 'quantitative', stack: 'zero', title: 'Share of contributions', axis: { format: '.0%', tickCount: 5 }, scale: { domain: [0, 1] } },
      color: { field: 'name', type: 'nominal', title: null, scale: { domain: names, range: colors }, legend: { orient: 'right' } },
      opacity: { condition: { test: 'datum.thin', value: 0.3 }, value: 1 },
      stroke: { condition: { test: 'datum.partial', value: '#222' }, value: 'transparent' },
      strokeDash: { condition: { test: 'datum.partial', value: [4, 3] }, value: [1, 0] },
      order: { field: 'order', type: 'quantitative' },
    },
    config: CONFIG,
  } as unknown as TopLevelSpec;
  return new Chart(title, renderSvg(spec));
}
