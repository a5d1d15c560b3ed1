// The scheduled scrapes (node-cron). A job never takes the process down: whatever it throws is logged,
// recorded on /status by the run itself, and the next run comes at its time. A source that keeps
// failing is skipped by scheduled runs for growing periods (db/runs.ts sourceBackoff); /status says so.
import cron, { type ScheduledTask } from 'node-cron';
import { desc, eq, and } from 'drizzle-orm';
import { sourceBackoff } from '../db/runs.js';
import { scrapeRuns } from '../db/schema.js';
import { runSources } from '../scrapers/pipeline/run.js';
import type { Source } from '../scrapers/source.js';
import { errorMessage } from '../scrapers/errors.js';
import { scrapeContext, type Stdwatch } from './context.js';
import type { Logger } from './log.js';
import { publishDigest } from './reports/digest.js';
import { lastCompleteWeek } from './reports/weeks.js';

/** Triggers that respect the backoff of failing sources; a scrape someone asked for always runs. */
const AUTOMATIC_TRIGGERS = new Set(['schedule', 'start']);

/**
 * The scrapers (cheerio, xlsx and every adapter: seconds of module loading) are loaded on the first
 * scrape, not when the server starts.
 */
async function allSources(): Promise<Source[]> {
  return (await import('../scrapers/sources.js')).SOURCES;
}

export async function scrapeAll(app: Stdwatch, trigger: string, logger: Logger, sources?: Source[]): Promise<void> {
  const log = logger.child({ scrape: trigger });
  try {
    let chosen = sources ?? (await allSources());
    if (AUTOMATIC_TRIGGERS.has(trigger)) {
      chosen = chosen.filter((source) => {
        const backoff = sourceBackoff(app.db, source.name, app.config.failureBackoffMs);
        if (!backoff?.active) return true;
        log.warn({ source: source.name, failures: backoff.failures, retryAfter: backoff.retryAfter }, `scrape (${trigger}): ${source.name} skipped: ${backoff.failures} failed run(s) in a row, backing off until ${backoff.retryAfter}`);
        return false;
      });
    }
    if (chosen.length === 0) return;
    log.info({ sources: chosen.map((s) => s.name) }, `scrape (${trigger}): ${chosen.map((s) => s.name).join(', ')}`);
    // The sources' progress lines (ScrapeContext.log) go to the same log.
    const summaries = await runSources(scrapeContext(app, { log: (m) => log.info(m) }), chosen, trigger);
    for (const s of summaries) {
      const fields = { source: s.source, status: s.status, ...(s.outcome ? { recordsSeen: s.outcome.recordsSeen, recordsNew: s.outcome.recordsNew } : {}), ...(s.error ? { error: s.error } : {}) };
      const message = `scrape (${trigger}): ${s.source} ${s.status}${s.outcome ? `, ${s.outcome.recordsSeen} records (${s.outcome.recordsNew} new)` : ''}${s.error ? ` — ${s.error}` : ''}`;
      if (s.status === 'ok') log.info(fields, message);
      else log.warn(fields, message);
    }
  } catch (error) {
    try {
      log.error({ err: error }, `scrape (${trigger}) failed: ${errorMessage(error)}`);
    } catch {
      // Even a broken log must not take the server down.
    }
  }
}

/** Whether every source has run (successfully or not) within the last `days` days. */
export async function ranRecently(app: Stdwatch, days: number): Promise<boolean> {
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  return (await allSources()).every((source) => {
    const last = app.db
      .select({ startedAt: scrapeRuns.startedAt })
      .from(scrapeRuns)
      .where(and(eq(scrapeRuns.source, source.name)))
      .orderBy(desc(scrapeRuns.startedAt))
      .limit(1)
      .get();
    return last !== undefined && last.startedAt >= since;
  });
}

/** `ready`: what a scheduled scrape waits for first (a re-resolution of the registry running: server/reresolve.ts). */
export function startScheduler(app: Stdwatch, logger: Logger, ready: () => Promise<void> = () => Promise.resolve()): ScheduledTask {
  const scheduled = async () => {
    await ready();
    await scrapeAll(app, 'schedule', logger);
  };
  return cron.schedule(app.config.scrapeSchedule, scheduled, {
    name: 'weekly-scrape',
    noOverlap: true,
  });
}

/** Publishes the digest of the last complete week (kept as published; a week already published stays). */
export function publishLastWeek(app: Stdwatch, logger: Logger, now: Date = new Date()): void {
  const week = lastCompleteWeek(now);
  try {
    const digest = publishDigest(app.db, week, { now });
    logger.info({ digest: week, contributions: digest.totals.contributions }, `digest ${week}: ${digest.totals.contributions} contributions, published ${digest.generatedAt}`);
  } catch (error) {
    logger.error({ digest: week, err: error }, `digest ${week} failed: ${errorMessage(error)}`);
  }
}

export function startDigestScheduler(app: Stdwatch, logger: Logger): ScheduledTask {
  return cron.schedule(app.config.digestSchedule, () => publishLastWeek(app, logger), { name: 'weekly-digest', noOverlap: true });
}
