// The scheduled scrapes (node-cron). A job never takes the process down: whatever it throws is logged,
// recorded on /status by the run itself, and the next run comes at its time.
import cron, { type ScheduledTask } from 'node-cron';
import { desc, eq, and } from 'drizzle-orm';
import { scrapeRuns } from '../db/schema.js';
import { runSources } from '../scrapers/run.js';
import { SOURCES } from '../scrapers/sources.js';
import { errorMessage } from '../scrapers/errors.js';
import { scrapeContext, type Stdwatch } from './context.js';
import { publishDigest } from './reports/digest.js';
import { lastCompleteWeek } from './reports/weeks.js';

export async function scrapeAll(app: Stdwatch, trigger: string, log: (m: string) => void): Promise<void> {
  try {
    log(`scrape (${trigger}): ${SOURCES.map((s) => s.name).join(', ')}`);
    const summaries = await runSources(scrapeContext(app, { log: (m) => log(`  ${m}`) }), SOURCES, trigger);
    for (const s of summaries) {
      log(`scrape (${trigger}): ${s.source} ${s.status}${s.outcome ? `, ${s.outcome.recordsSeen} records (${s.outcome.recordsNew} new)` : ''}${s.error ? ` — ${s.error}` : ''}`);
    }
  } catch (error) {
    log(`scrape (${trigger}) failed: ${errorMessage(error)}`);
  }
}

/** Whether every source has run (successfully or not) within the last `days` days. */
export function ranRecently(app: Stdwatch, days: number): boolean {
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  return SOURCES.every((source) => {
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

export function startScheduler(app: Stdwatch, log: (m: string) => void): ScheduledTask {
  return cron.schedule(app.config.scrapeSchedule, () => scrapeAll(app, 'schedule', log), {
    name: 'weekly-scrape',
    noOverlap: true,
  });
}

/** Publishes the digest of the last complete week (kept as published; a week already published stays). */
export function publishLastWeek(app: Stdwatch, log: (m: string) => void, now: Date = new Date()): void {
  const week = lastCompleteWeek(now);
  try {
    const digest = publishDigest(app.db, week, { now });
    log(`digest ${week}: ${digest.totals.contributions} contributions, published ${digest.generatedAt}`);
  } catch (error) {
    log(`digest ${week} failed: ${errorMessage(error)}`);
  }
}

export function startDigestScheduler(app: Stdwatch, log: (m: string) => void): ScheduledTask {
  return cron.schedule(app.config.digestSchedule, () => publishLastWeek(app, log), { name: 'weekly-digest', noOverlap: true });
}
