// Every internal link is built in server/urls.ts: the templates name a link (`{{link "countries"}}`,
// `{{countryUrl code}}`) or show one the route computed, and route code asks urls.ts for its addresses.
// A path written out in a template or a route would be a link that a change of address leaves behind.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/app.js';
import { createViews } from '../../server/views.js';
import { urls } from '../../server/urls.js';

function files(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ext)).map((f) => path.join(dir, f));
}

describe('internal links', () => {
  it('are never written out in a template', () => {
    const literal = files(path.join(ROOT, 'templates'), '.hbs').flatMap((file) =>
      fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (/\b(href|action|src)="\//.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(literal).toEqual([]);
  });

  it('are never written out in route code, where only the route patterns name paths', () => {
    const sources = [...files(path.join(ROOT, 'server', 'routes'), '.ts'), ...['app.ts', 'views.ts', 'digest-render.ts', 'feeds.ts', 'envelope.ts', 'csv-tables.ts'].map((f) => path.join(ROOT, 'server', f))];
    const literal = sources.flatMap((file) => {
      // The first argument of router.get/post/use is the route's pattern, not a link; comments may name paths.
      const code = fs
        .readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|(^|\s)\/\/.*$/gm, '$1')
        .replace(/(router|app)\.(get|post|use)\(\s*(\[[^\]]*\]|'[^']*')/g, '$1.$2(PATTERN')
        .replace(/\.startsWith\('[^']*'\)/g, '.startsWith(PREFIX)');
      return [...code.matchAll(/['"`]\/[a-z][^'"`]*['"`]/g)].map((m) => `${path.relative(ROOT, file)}: ${m[0]}`);
    });
    expect(literal).toEqual([]);
  });

  it('come out of urls.ts the same in a rendered page as from the route', () => {
    const page = createViews().render('digest', {
      week: '2025-W07', from: '2025-02-10', to: '2025-02-16', previousWeek: '2025-W06', publication: 'published', generatedAt: '2025-02-17T07:00:00.000Z',
      totals: { contributions: 0, previous: 0, average: 0 }, baseline: { weeks: 12 }, countries: [], companies: [], movers: { countries: { up: [], down: [] }, companies: { up: [], down: [] } },
      groups: [], leadership: { started: [], ended: [] }, coverage: { runs: [] }, formats: { json: urls.digest('2025-W07', 'json'), csv: urls.digest('2025-W07', 'csv'), md: urls.digest('2025-W07', 'md') },
    });
    expect(page).toContain('<a href="/digest/2025-W06">previous week</a>');
    expect(page).toContain('<a href="/digest/2025-W07.md">Markdown</a>');
    expect(page).toContain('<link rel="stylesheet" href="/static/stdwatch.css">');
    expect(page).toContain('<a href="/api/openapi.json">API</a>');
  });
});
