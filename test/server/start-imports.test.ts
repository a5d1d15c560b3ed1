// What `stdwatch serve` loads before it answers: not the chart engine (vega, vega-lite), not the
// scrapers (cheerio, the spreadsheet reader, iconv-lite), not the YAML parser; those are loaded on
// first use (server/charts.ts, server/scheduler.ts, routes/admin.ts, server/main.ts, registry.ts).
// Read from the static import graph (dynamic `import()` and `require` on first use are not followed).
import * as esbuild from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/app.js';

function staticPackages(entry: string): Set<string> {
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: path.join(ROOT, 'unused.js'),
    logLevel: 'silent',
  });
  const inputs = result.metafile.inputs;
  const seen = new Set<string>([entry]);
  const queue = [entry];
  const packages = new Set<string>();
  while (queue.length > 0) {
    for (const imported of inputs[queue.shift()!]?.imports ?? []) {
      if (imported.kind === 'dynamic-import') continue;
      if (imported.external) packages.add(imported.path);
      else if (!seen.has(imported.path)) {
        seen.add(imported.path);
        queue.push(imported.path);
      }
    }
  }
  return packages;
}

describe('the server start', () => {
  it('loads no chart, scraper or YAML package before the first request', () => {
    const packages = staticPackages('cli/commands/serve.ts');
    // It does load the web server (a check that the graph was read at all).
    expect(packages).toContain('express');
    for (const heavy of ['vega', 'vega-lite', 'cheerio', '@e965/xlsx', 'iconv-lite', 'yaml']) expect(packages).not.toContain(heavy);
  });
});
