// Scrape and import runs, newest first: when, what, how many records, what went wrong.
import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { scrapeRuns } from '../../db/schema.js';

export function statusReport(db: Db, limit = 100) {
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
  return { kind: 'status' as const, sources: [...lastBySource.values()], runs };
}

export type StatusReport = ReturnType<typeof statusReport>;
