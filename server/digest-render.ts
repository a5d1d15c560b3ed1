// The weekly digest as Markdown and as the JSON envelope; HTML is templates/pages/digest.hbs, CSV is
// declared in csv-tables.ts.
import type { DigestRow, DigestView } from './reports/digest.js';
import { envelope } from './envelope.js';
import { urls } from './urls.js';

/** Text from the data is escaped so that a name cannot open a link, a table cell or HTML. */
export function markdownText(value: string): string {
  return value.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

// As the HTML page writes them: counts with thousands separators, a fractional column always with its
// decimals (2.0 beside 2.5, not 2), so that a column reads alike and like the page.
const fixed = (digits: number) => (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const count = fixed(0);
const n1 = fixed(1);
const n2 = fixed(2);
const pct = (n: number | null) => (n === null ? '–' : `${(n * 100).toFixed(1)} %`);
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${n2(Math.abs(n))}`;

function table(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return ['(none)'];
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function rankRows(rows: DigestRow[]): string[][] {
  return rows.map((r) => [markdownText(r.name), n1(r.fractional), pct(r.share), n1(r.previous), n2(r.average), signed(r.change)]);
}

export function digestMarkdown(d: DigestView): string {
  const rankHeader = ['', 'this week', 'share', 'week before', '12-week average', 'change'];
  const movers = [...d.movers.countries.up, ...d.movers.companies.up].sort((a, b) => b.change - a.change).slice(0, 5);
  const fallers = [...d.movers.countries.down, ...d.movers.companies.down].sort((a, b) => a.change - b.change).slice(0, 5);
  const seat = (s: DigestView['leadership']['started'][number]) =>
    `- ${markdownText(`${s.body.toUpperCase()} ${s.group} ${s.role}`)}: ${markdownText(s.organization)}${s.country ? ` (${s.country})` : ''}, ${s.from ?? '?'} – ${s.to ?? 'current'}`;
  const c = d.coverage;
  return [
    `# stdwatch weekly digest ${d.week}`,
    '',
    `${d.from} to ${d.to} · ${d.publication === 'published' ? `published ${d.generatedAt}` : `**preview** computed ${d.generatedAt}, not yet published`}`,
    '',
    `**${count(d.totals.contributions)}** new contributions (week before: ${count(d.totals.previous)}; ${d.baseline.weeks}-week average: ${n2(d.totals.average)}).`,
    '',
    `Counting: ${d.counting}.`,
    '',
    '## By country',
    '',
    ...table(['country', ...rankHeader.slice(1)], rankRows(d.countries)),
    '',
    '## By company',
    '',
    ...table(['organization', ...rankHeader.slice(1)], rankRows(d.companies)),
    '',
    '## Biggest movers (against the 12-week average)',
    '',
    ...(movers.length + fallers.length === 0 ? ['(none)'] : [...movers, ...fallers].map((r) => `- ${markdownText(r.name)}: ${signed(r.change)}`)),
    '',
    '## Shares per body and group',
    '',
    ...table(
      ['body', 'group', 'contributions', 'largest country shares'],
      d.groups.map((g) => [g.body.toUpperCase(), markdownText(g.group), count(g.contributions), g.countries.map((x) => `${x.country} ${pct(x.share)}`).join(', ')]),
    ),
    '',
    '## Leadership changes',
    '',
    'Seats first seen in the week:',
    '',
    ...(d.leadership.started.length === 0 ? ['(none)'] : d.leadership.started.map(seat)),
    '',
    'Seats whose term ended in the week:',
    '',
    ...(d.leadership.ended.length === 0 ? ['(none)'] : d.leadership.ended.map(seat)),
    '',
    '## Coverage',
    '',
    `${c.runs.length} scrape or import runs in the week, ${c.failures} failed, ${c.partial} partial; ${count(c.unresolved)} of ${count(c.sourceMentions)} source mentions unresolved (${pct(c.unresolvedShare)}).`,
    '',
    ...c.runs.map((r) => `- ${r.startedAt} ${markdownText(r.source)} (${r.trigger}): ${r.status}, ${count(r.recordsSeen ?? 0)} records, ${count(r.recordsNew ?? 0)} new${r.error ? ` — ${markdownText(r.error)}` : ''}`),
    '',
  ].join('\n');
}

/**
 * A week's digest in the envelope (the web's `.json` and `stdwatch digest --format json`): counted over
 * the week, with the default counting rules, as published or previewed.
 */
export function digestEnvelope(digest: DigestView) {
  const { json, csv, md } = digestFormats(digest.week);
  return envelope(digest, { filters: { from: digest.from, to: digest.to }, options: { week: digest.week }, counts: true }, { self: json, html: urls.digest(digest.week), csv, md });
}

/** The week's data links: the page's "Data:" line and the envelope's links. */
export function digestFormats(week: string) {
  return { json: urls.digest(week, 'json'), csv: urls.digest(week, 'csv'), md: urls.digest(week, 'md') };
}
