// Scrape and import runs, newest first: when, what, how many records, what went wrong.
import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { REGISTRY_RUN_SOURCE, sourceBackoff } from '../../db/runs.js';
import { scrapeRuns } from '../../db/schema.js';

/** Six days, the default of STDWATCH_FAILURE_BACKOFF_HOURS. */
export const DEFAULT_FAILURE_BACKOFF_MS = 144 * 3_600_000;

export function statusReport(db: Db, limit = 100, failureBackoffMs = DEFAULT_FAILURE_BACKOFF_MS, now = Date.now()) {
  const runs = db
    .select()
    .from(scrapeRuns)
    .orderBy(desc(scrapeRuns.startedAt), desc(scrapeRuns.id))
    .limit(limit)
    .all()
    .map((run) => ({
      id: run.id,
      source: run.source,
      trigger: run.trigger,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      status: run.status,
      documentsFetched: run.documentsFetched,
      recordsSeen: run.recordsSeen,
      recordsNew: run.recordsNew,
      recordsChanged: run.recordsChanged,
      error: run.error,
      details: run.details ? (JSON.parse(run.details) as unknown) : null,
    }));
  const lastBySource = new Map<string, (typeof runs)[number]>();
  for (const run of runs) if (!lastBySource.has(run.source)) lastBySource.set(run.source, run);
  // Imports and re-resolutions of the registry (REGISTRY_RUN_SOURCE) are not scheduled: only scraped sources back off.
  const sources = [...lastBySource.values()].map((run) => ({
    ...run,
    backoff: run.source === 'import' || run.source.startsWith('import:') || run.source === REGISTRY_RUN_SOURCE ? null : sourceBackoff(db, run.source, failureBackoffMs, now),
  }));
  return { kind: 'status' as const, sources, runs };
}

export type StatusReport = ReturnType<typeof statusReport>;
