// `stdwatch orgs unresolved` and `stdwatch orgs coverage`: how much of what was scraped the registry
// attributes, and what to add to it next. The same report function as the /unresolved page.
import { toCsv } from '../../server/render.js';
import { describeFilters } from '../../server/reports/filters.js';
import { unresolvedReport } from '../../server/reports/overview.js';
import { checkGroup, filtersFrom, formatNumber, percent, table, withApp, write } from '../common.js';

export async function orgsUnresolved(options: Record<string, unknown> & { format: 'text' | 'json' | 'csv'; limit: string }): Promise<void> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`--limit: "${options.limit}" is not a positive whole number`);
  await withApp(async (app) => {
    const filters = filtersFrom(options);
    checkGroup(app, filters);
    const report = unresolvedReport(app.db, filters, limit);
    if (options.format === 'json') return write(`${JSON.stringify(report.names, null, 2)}\n`);
    if (options.format === 'csv') return write(toCsv(report.names, ['name', 'occurrences', 'example']));
    const { coverage } = report;
    await write(
      [
        `Unresolved source names — ${describeFilters(filters)}`,
        `${formatNumber(coverage.unresolved)} of ${formatNumber(coverage.occurrences)} source mentions (${percent(report.unresolvedShare)}) name no organization in the registry.`,
        '',
        report.names.length === 0 ? '(every source is attributed)' : table(report.names.map((n) => [n.name, n.occurrences, n.example]), ['name as written', 'mentions', 'example document']),
        '',
      ].join('\n'),
    );
  });
}

export async function orgsCoverage(options: Record<string, unknown> & { format: 'text' | 'json' }): Promise<void> {
  await withApp(async (app) => {
    const filters = filtersFrom(options);
    checkGroup(app, filters);
    const { byBody, coverage } = unresolvedReport(app.db, filters, 1);
    if (options.format === 'json') return write(`${JSON.stringify({ bodies: byBody, all: coverage }, null, 2)}\n`);
    const row = (label: string, c: typeof coverage) => [label, c.occurrences, c.resolved, percent(c.resolvedShare), c.withoutCountry];
    await write(
      [
        `Source mentions resolved to an organization — ${describeFilters(filters)}`,
        table([...byBody.map((b) => row(b.body, b)), row('all', coverage)], ['body', 'mentions', 'resolved', 'share', 'resolved, no country']),
        '',
        'Unresolved names, most frequent first: stdwatch orgs unresolved',
        '',
      ].join('\n'),
    );
  });
}
