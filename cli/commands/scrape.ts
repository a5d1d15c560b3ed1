// `stdwatch scrape [SOURCE…] [--since DATE] [--dry-run]`: run scrapers now; progress on stderr, then a
// summary per source. Exits non-zero when a source failed.
import cliProgress from 'cli-progress';
import { runSources } from '../../scrapers/pipeline/run.js';
import { selectSources } from '../../scrapers/sources.js';
import { type ProgressEvent, type ScrapeContext, type Source } from '../../scrapers/source.js';
import { loadConfig } from '../../server/config.js';
import { scrapeContext } from '../../server/context.js';
import { dateOption, withApp } from '../common.js';

/** The setting `--groups` stands in for, per body that has one. */
const GROUP_SETTINGS: Record<string, string> = { '3gpp': 'STDWATCH_3GPP_GROUPS', ieee: 'STDWATCH_IEEE_GROUPS', ietf: 'STDWATCH_IETF_GROUPS' };

/**
 * `--groups core,6lo`: the groups of this run instead of the body's setting, checked as the setting is.
 * Group names belong to one body, so the sources run must all be of one body that has groups.
 */
function groupsOption(sources: Source[], groups: string | undefined): Partial<ScrapeContext> {
  if (groups === undefined) return {};
  const bodies = [...new Set(sources.map((s) => s.body))];
  const variable = bodies.length === 1 ? GROUP_SETTINGS[bodies[0]!] : undefined;
  if (!variable) {
    throw new Error(`--groups names groups of one body (${Object.keys(GROUP_SETTINGS).join(', ')}): scrape one of them with it, e.g. \`stdwatch scrape ietf --groups core\``);
  }
  let config;
  try {
    config = loadConfig({ ...process.env, [variable]: groups });
  } catch (error) {
    throw new Error(`--groups ${groups}: ${(error as Error).message.replace(/^configuration: [A-Z0-9_]+: /, '')}`);
  }
  return { threeGppGroups: config.threeGppGroups, ietfGroups: config.ietfGroups, ieeeGroups: config.ieeeGroups };
}

export async function scrape(names: string[], options: { since?: string; until?: string; dryRun?: boolean; groups?: string }): Promise<void> {
  dateOption('since', options.since);
  dateOption('until', options.until);
  if (options.since && options.until && options.since > options.until) {
    throw new Error(`--since ${options.since} is after --until ${options.until}`);
  }
  const sources = selectSources(names);
  const groups = groupsOption(sources, options.groups);
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
    const context = { ...scrapeContext(app, { since: options.since, until: options.until, dryRun: options.dryRun, log, progress }), ...groups };
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
