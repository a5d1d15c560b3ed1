// `stdwatch watchlist add|list|show|remove`: the same stored watchlists as /watchlists.
import { csvOf, watchlistTable } from '../../server/csv-tables.js';
import { envelope, watchlistScope } from '../../server/envelope.js';
import { urls } from '../../server/urls.js';
import { getWatchlist, listWatchlists, removeWatchlist, saveWatchlist, watchlistReport, watchlistSlug, type Watchlist } from '../../server/reports/watchlists.js';
import { dateOption, table, withApp, write } from '../common.js';
import { filtersFrom } from '../common.js';

function describe(w: Watchlist): string {
  const parts = [
    w.organizations.length ? `organizations: ${w.organizations.map((o) => o.name).join(', ')}` : '',
    w.groups.length ? `groups: ${w.groups.join(', ')}` : '',
    w.keywords.length ? `keywords: ${w.keywords.map((k) => `"${k}"`).join(', ')}` : '',
  ].filter(Boolean);
  return `${w.name} (${w.slug}) — ${parts.join('; ')}`;
}

export async function addToWatchlist(name: string, options: { org?: string[]; group?: string[]; keyword?: string[] }): Promise<void> {
  await withApp(async (app) => {
    const saved = saveWatchlist(app.db, app.resolver, { name, organizations: options.org, groups: options.group, keywords: options.keyword });
    await write(`${describe(saved)}\n`);
  });
}

export async function listWatchlistsCommand(options: { format: 'text' | 'json' }): Promise<void> {
  await withApp(async (app) => {
    const lists = listWatchlists(app.db);
    if (options.format === 'json') await write(`${JSON.stringify(envelope(lists, { counts: false }, {}), null, 2)}\n`);
    else await write(lists.length === 0 ? 'no watchlists yet; `stdwatch watchlist add NAME --org huawei` makes one\n' : `${lists.map(describe).join('\n')}\n`);
  });
}

export async function showWatchlist(name: string, options: { since?: string; group?: string; format: 'text' | 'json' | 'csv' }): Promise<void> {
  const filters = filtersFrom({ from: dateOption('since', options.since), group: options.group });
  await withApp(async (app) => {
    const report = watchlistReport(app.db, watchlistSlug(name), filters, { limit: 100_000, countCap: null });
    const output = {
      // Every contribution since the date, where the page shows the 200 newest: the page's links only for its feed.
      json: () => `${JSON.stringify(envelope(report, watchlistScope(filters), { atom: urls.watchlist(report.watchlist.slug, filters, 'atom') }), null, 2)}\n`,
      csv: () => csvOf(watchlistTable, report),
      text: () =>
        [
          describe(report.watchlist),
          `${report.total} contributions${report.since ? ` since ${report.since}` : ''}`,
          '',
          table(report.contributions.map((c) => [c.date ?? '', c.ref, `${c.body} ${c.group}`, c.title.slice(0, 70), c.sourceText.slice(0, 40)]), ['date', 'document', 'group', 'title', 'source']),
          '',
        ].join('\n'),
    }[options.format];
    await write(output());
  });
}

export async function removeWatchlistCommand(name: string): Promise<void> {
  await withApp(async (app) => {
    const slug = watchlistSlug(name);
    const list = getWatchlist(app.db, slug);
    removeWatchlist(app.db, slug);
    process.stderr.write(`stdwatch: watchlist ${list.name} removed\n`);
  });
}
