// Handlebars templates (templates/layouts, partials, pages) compiled once; `render(page, data)` gives
// a whole HTML page. Used by the web routes and by `stdwatch report --format html`. Values are always
// escaped ({{ }}); no template uses the unescaped form for data. The one exception is a chart's SVG
// (`{{chartSvg chart}}`), which only a Chart made by server/charts.ts gets through: Vega escapes its texts.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { Chart } from './charts.js';
import { countryName } from '../domain/resolve/countries.js';
import { projectPath } from '../domain/project.js';
import { OUTCOME_LABELS, type Outcome } from '../domain/outcomes.js';
import { describeFilters, type Filters } from './reports/filters.js';
import { periodWithin, urls } from './urls.js';
import { documentsPick, type SeriesCoverage } from './reports/coverage.js';
import type { SeriesGroup } from './reports/trends.js';

const TEMPLATES_DIR = projectPath('templates');

export interface Views {
  render(page: string, data: Record<string, unknown>): string;
}

/**
 * A helper's optional filters argument. Called without it (`{{countryUrl country}}`), Handlebars passes
 * its own options object there, which must not end up in the link's query string.
 */
function filtersArgument(f: unknown): Filters {
  if (!f || typeof f !== 'object' || ('hash' in f && 'data' in f)) return {};
  return f as Filters;
}

function registerHelpers(hbs: typeof Handlebars): void {
  hbs.registerHelper('number', (n: unknown, digits: unknown) => {
    if (typeof n !== 'number' || !Number.isFinite(n)) return '–';
    const d = typeof digits === 'number' ? digits : 0;
    return n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  });
  hbs.registerHelper('percent', (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? `${(n * 100).toFixed(1)}\u00a0%` : '–'));
  // Coverage needs the second decimal: 99.95 % and 99.5 % are different stories.
  hbs.registerHelper('share2', (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? `${(n * 100).toFixed(2)}\u00a0%` : '–'));
  /** Width in px (0–120) of a bar for `value` out of `max`. */
  hbs.registerHelper('bar', (value: unknown, max: unknown) =>
    typeof value === 'number' && typeof max === 'number' && max > 0 ? Math.max(1, Math.round((value / max) * 120)) : 0,
  );
  hbs.registerHelper('countryLabel', (code: unknown) => (typeof code === 'string' && code ? countryName(code) : '—'));
  hbs.registerHelper('outcomeLabel', (o: unknown) => OUTCOME_LABELS[o as Outcome] ?? String(o));
  hbs.registerHelper('signed', (n: unknown) =>
    typeof n === 'number' && Number.isFinite(n) ? `${n > 0 ? '+' : n < 0 ? '\u2212' : '\u00b1'}${Math.abs(n).toFixed(2)}` : '–',
  );
  /** The compare form's organization inputs: those given, then empty ones up to five (at least two). */
  hbs.registerHelper('orgSlots', (given: unknown) => {
    const list = Array.isArray(given) ? given.map(String) : [];
    return [...list, ...Array(Math.max(0, Math.max(2, Math.min(5, list.length + 1)) - list.length)).fill('')].slice(0, 5);
  });
  /** An object of the hash arguments, for a helper that takes one: `{{link "partners" (obj group=filters.group)}}`. */
  hbs.registerHelper('obj', (options: { hash?: Record<string, unknown> }) => ({ ...options.hash }));
  /** A source partner for reading: `ETSI+TTA` → `ETSI, TTA` (it wraps in a narrow column). */
  hbs.registerHelper('partnerList', (partner: unknown) => (typeof partner === 'string' ? partner.split('+').join(', ') : ''));
  hbs.registerHelper('add', (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a + b : a));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('add1', (n: unknown) => (typeof n === 'number' ? n + 1 : n));
  hbs.registerHelper('or', (a: unknown, b: unknown) => a || b);
  hbs.registerHelper('upper', (s: unknown) => (typeof s === 'string' ? s.toUpperCase() : ''));
  hbs.registerHelper('filtersText', (f: unknown) => describeFilters((f ?? {}) as Filters));
  hbs.registerHelper('countryUrl', (code: string, f: unknown) => urls.country(code, filtersArgument(f)));
  hbs.registerHelper('orgUrl', (slug: string, f: unknown) => urls.organization(slug, filtersArgument(f)));
  hbs.registerHelper('groupUrl', (body: string, group: string) => urls.group(body, group));
  hbs.registerHelper('bodyUrl', (body: string) => urls.body(body));
  hbs.registerHelper('chartSvg', (chart: unknown) => (chart instanceof Chart ? new hbs.SafeString(chart.svg) : ''));
  /**
   * The documents behind a count: `{{docsUrl @root.filters country=country}}` (the page's filters and
   * counting rules, and what picks the row); without filters, `{{docsUrl country=country}}`.
   */
  hbs.registerHelper('docsUrl', (...args: unknown[]) => {
    const options = args[args.length - 1] as { hash?: Record<string, string | number | undefined> };
    return urls.documents(args.length > 1 ? filtersArgument(args[0]) : {}, options.hash ?? {});
  });
  /**
   * The documents behind a figure of a series over time: `{{seriesDocsUrl @root.filters coverage row
   * country=…}}` — the page's filters, the row's period (`year` or `period`) and the groups the series
   * counted (coverage.ts: documentsPick), and what picks the subject.
   */
  hbs.registerHelper('seriesDocsUrl', (f: unknown, coverage: SeriesCoverage, row: SeriesGroup & { year?: string; period?: string }, ...rest: unknown[]) => {
    const options = rest[rest.length - 1] as { hash?: Record<string, string | number | undefined> };
    const filters = filtersArgument(f);
    return urls.documents(filters, { ...(options.hash ?? {}), ...documentsPick(coverage, row), ...periodWithin(filters, row.year ?? row.period ?? '') });
  });
  /**
   * The seats behind a seat count of the table on `at`: `{{seatsUrl @root.filters at country}}`, or a
   * country's through one partner: `{{seatsUrl @root.filters at country partner=partner}}` (null: none given).
   */
  hbs.registerHelper('seatsUrl', (f: unknown, at: string, country: string | null, options: { hash?: { partner?: string | null } }) =>
    urls.leadershipSeats(filtersArgument(f), { at }, { country, ...(options?.hash && 'partner' in options.hash ? { partner: options.hash.partner ?? null } : {}) }),
  );
  hbs.registerHelper('rawUrl', (id: number) => urls.raw(id));
  /**
   * Any link urls.ts builds, by name: `{{link "countries"}}`, `{{link "digest" week "json"}}`. A `null`
   * argument stands for the default (`{{link "watchlist" slug null "atom"}}`).
   */
  hbs.registerHelper('link', (name: unknown, ...args: unknown[]) => {
    const build = (urls as unknown as Record<string, ((...a: unknown[]) => string) | undefined>)[String(name)];
    if (typeof build !== 'function') throw new Error(`no link "${String(name)}" in urls.ts`);
    return build(...args.slice(0, -1).map((a) => (a === null ? undefined : a)));
  });
  /** Only http(s) addresses from the data become links; anything else (javascript:, data:) stays text. */
  hbs.registerHelper('isHttpUrl', (value: unknown) => typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value));
}

export function createViews(dir: string = TEMPLATES_DIR): Views {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  for (const file of fs.readdirSync(path.join(dir, 'partials'))) {
    if (file.endsWith('.hbs')) hbs.registerPartial(path.basename(file, '.hbs'), read(path.join(dir, 'partials', file)));
  }
  const layout = hbs.compile(read(path.join(dir, 'layouts', 'main.hbs')), { strict: false });
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of fs.readdirSync(path.join(dir, 'pages'))) {
    if (file.endsWith('.hbs')) pages.set(path.basename(file, '.hbs'), hbs.compile(read(path.join(dir, 'pages', file))));
  }
  return {
    render(page, data) {
      const template = pages.get(page);
      if (!template) throw new Error(`no template "${page}"`);
      return layout({ ...data, body: template(data) });
    },
  };
}
