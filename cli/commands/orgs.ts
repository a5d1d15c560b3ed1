// `stdwatch orgs unresolved | coverage | suggest | accept`: how much of what was scraped the registry
// attributes, where attribution is weak, and what to add to it next. The same report functions as the
// /unresolved page.
import { coverageTable, csvOf, unresolvedTable } from '../../server/csv-tables.js';
import { envelope } from '../../server/envelope.js';
import { coverageBy, suggestReport, type CoverageDimension, type CoverageRow } from '../../server/reports/curation.js';
import { describeFilters, type Filters } from '../../server/reports/filters.js';
import { unresolvedReport } from '../../server/reports/overview.js';
import { loadConfig } from '../../server/config.js';
import { acceptAlias } from '../../domain/resolve/registry-edit.js';
import { checkGroup, filtersFrom, formatNumber, percent, table, withApp, write } from '../common.js';

function positiveLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`--limit: "${value}" is not a positive whole number`);
  return limit;
}

export async function orgsUnresolved(options: Record<string, unknown> & { format: 'text' | 'json' | 'csv'; limit: string }): Promise<void> {
  const limit = positiveLimit(options.limit);
  await withApp(async (app) => {
    const filters = filtersFrom(options);
    checkGroup(app, filters);
    const report = unresolvedReport(app.db, filters, limit);
    if (options.format === 'json') return write(json(report.names, filters, { limit }));
    if (options.format === 'csv') return write(csvOf(unresolvedTable, report));
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

/** The one JSON envelope; these tables have no page of the same shape on the server, so no links. */
function json(data: unknown, filters: Filters, options: Record<string, string | number>): string {
  return `${JSON.stringify(envelope(data, { filters, options, counts: true }, {}), null, 2)}\n`;
}

/** A share with two decimals: 99.95 % and 99.5 % are different stories. */
const share = (n: number | null) => (n === null ? '–' : `${(n * 100).toFixed(2)} %`);

export async function orgsCoverage(options: Record<string, unknown> & { format: 'text' | 'json' | 'csv'; by: CoverageDimension }): Promise<void> {
  await withApp(async (app) => {
    const filters = filtersFrom(options);
    checkGroup(app, filters);
    const { byBody, coverage } = unresolvedReport(app.db, filters, 1);
    if (options.by === 'body') {
      if (options.format === 'json') return write(json({ bodies: byBody, all: coverage }, filters, { by: options.by }));
      if (options.format === 'csv') return write(csvOf(coverageTable('body'), { rows: byBody }));
      const row = (label: string, c: typeof coverage) => [label, c.occurrences, c.resolved, percent(c.resolvedShare), c.withoutCountry];
      return write(
        [
          `Source mentions resolved to an organization — ${describeFilters(filters)}`,
          table([...byBody.map((b) => row(b.body, b)), row('all', coverage)], ['body', 'mentions', 'resolved', 'share', 'resolved, no country']),
          '',
          'Per group and year: stdwatch orgs coverage --by group-year. Unresolved names, most frequent first: stdwatch orgs unresolved',
          '',
        ].join('\n'),
      );
    }
    const rows = coverageBy(app.db, filters, options.by);
    if (options.format === 'json') return write(json({ by: options.by, rows, all: coverage }, filters, { by: options.by }));
    const columns: (keyof CoverageRow)[] = ['body', ...(options.by === 'year' ? [] : ['group' as const]), ...(options.by === 'group' ? [] : ['year' as const])];
    if (options.format === 'csv') return write(csvOf(coverageTable(options.by), { rows }));
    await write(
      [
        `Source mentions resolved to an organization, per ${options.by.replace('-', ' and ')} — ${describeFilters(filters)}`,
        table(
          [
            ...rows.map((r) => [...columns.map((c) => (r[c] ?? (c === 'year' ? 'no date' : '')) as string), r.occurrences, r.resolved, share(r.resolvedShare)]),
            ['all', ...columns.slice(1).map(() => ''), coverage.occurrences, coverage.resolved, share(coverage.resolvedShare)],
          ],
          [...columns, 'mentions', 'resolved', 'share'],
        ),
        '',
      ].join('\n'),
    );
  });
}

export async function orgsSuggest(options: Record<string, unknown> & { format: 'text' | 'json'; limit: string }): Promise<void> {
  const limit = positiveLimit(options.limit);
  await withApp(async (app) => {
    const filters = filtersFrom(options);
    checkGroup(app, filters);
    const { suggestions } = suggestReport(app.db, app.resolver, filters, limit);
    if (options.format === 'json') return write(json(suggestions, filters, { limit }));
    const lines = [`Unresolved names and the organizations they may be — ${describeFilters(filters)}`, ''];
    if (suggestions.length === 0) lines.push('(every source is attributed)');
    for (const s of suggestions) {
      const where = s.groups.map((g) => `${g.group} ${g.occurrences}`).join(', ');
      const when = s.years.map((y) => y.year ?? 'no date').sort().join(', ');
      lines.push(`"${s.name}": ${s.occurrences} mention${s.occurrences === 1 ? '' : 's'} (${where}; ${when}), e.g. ${s.example}`);
      if (s.coListed.length > 0) lines.push(`  listed beside: ${s.coListed.map((c) => `${c.name} (${c.contributions})`).join(', ')}`);
      if (s.candidates.length === 0) lines.push('  no candidate in the registry');
      for (const c of s.candidates) {
        lines.push(`  ${c.slug} — ${c.name}${c.parent !== c.name ? ` (part of ${c.parent})` : ''}, ${c.country ?? 'no country'}: ${c.evidence.join('; ')}`);
      }
      // The command to run once a person has checked a candidate: never filled in for them.
      lines.push(`  after checking: stdwatch orgs accept ${JSON.stringify(s.name)} ORG`, '');
    }
    await write(`${lines.join('\n')}\n`);
  });
}

export async function orgsAccept(name: string, org: string): Promise<void> {
  const config = loadConfig();
  const accepted = acceptAlias(config.registryDir, name, org);
  // Opening the application applies the changed registry to everything stored (a re-resolution from
  // the raw source strings, as on any registry change).
  const attributed = await withApp((app) =>
    app.db.$client.prepare('select count(*) as n from contribution_sources s join organizations o on o.id = s.organization_id where s.name = ? and o.slug = ?').get(accepted.name, accepted.slug) as { n: number },
  );
  await write(
    [
      `"${accepted.name}" is now a name of ${accepted.organization} (${accepted.slug}): ${accepted.file}, line ${accepted.line} of ${config.registryDir}.`,
      `Stored sources re-resolved: ${formatNumber(attributed.n)} mention${attributed.n === 1 ? '' : 's'} of it now count for ${accepted.organization}. Review the change with git diff.`,
      '',
    ].join('\n'),
  );
}

