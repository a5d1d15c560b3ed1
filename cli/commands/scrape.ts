// `stdwatch scrape [SOURCE…] [--since DATE] [--dry-run]`: run scrapers now; progress on stderr, then a
// summary per source. Exits non-zero when a source failed.
import cliProgress from 'cli-progress';
import { runSources } from '../../scrapers/run.js';
import { selectSources, type ProgressEvent } from '../../scrapers/sources.js';
import { scrapeContext } from '../../server/context.js';
import { dateOption, withApp } from '../common.js';

export async function scrape(names: string[], options: { since?: string; until?: string; dryRun?: boolean }): Promise<void> {
  dateOption('since', options.since);
  dateOption('until', options.until);
  if (options.since && options.until && options.since > options.until) {
    throw new Error(`--since ${options.since} is after --until ${options.until}`);
  }
  const sources = selectSources(names);
  await withApp(async (app) => {
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: '{source} [{bar}] {value}/{total} meetings · {label}', stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    let started = false;
    const progress = (e: ProgressEvent) => {
      if (!bar) return;
      if (!started) {
        bar.start(e.total, e.done, { source: e.source, label: e.label });
        started = true;
      }
      bar.setTotal(e.total);
      bar.update(e.done, { source: e.source, label: e.label });
    };
    const log = (message: string) => {
      if (!bar) process.stderr.write(`${message}\n`);
    };
    const context = scrapeContext(app, { since: options.since, until: options.until, dryRun: options.dryRun, log, progress });
    const summaries = await runSources(context, sources, 'cli');
    bar?.stop();
    for (const s of summaries) {
      const o = s.outcome;
      const units = sources.find((source) => source.name === s.source)?.units ?? { documents: 'list(s)', records: 'contributions' };
      const counts = o ? `${o.documentsFetched} ${units.documents}, ${o.recordsSeen} ${units.records} (${o.recordsNew} new, ${o.recordsChanged} changed)` : 'nothing stored';
      process.stderr.write(`${s.source}: ${s.status} — ${counts}${s.error ? ` — ${s.error}` : ''}\n`);
    }
    const failed = summaries.filter((s) => s.status === 'failed' || s.status === 'layout-changed');
    if (failed.length > 0) throw new Error(`${failed.map((s) => s.source).join(', ')} did not complete; see above`);
  });
}
