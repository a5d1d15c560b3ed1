// Running sources: one scrape_runs row per source per run, whatever happens inside. A source that
// fails leaves everything stored before it untouched, and the next source still runs. A source that
// another process is running is refused (db/runs.ts), not run twice.
import { SourceBusyError, claimRun } from '../../db/runs.js';
import { finishRun, type RunStatus } from '../../db/runs.js';
import { LayoutChangedError, errorMessage } from '../errors.js';
import type { Db } from '../../db/client.js';
import type { ScrapeContext, Source, SourceOutcome } from '../source.js';

/** A scrape as the pipeline runs it: the sources' context, and the database their runs are recorded in. */
export interface PipelineContext extends ScrapeContext {
  db: Db;
}

export interface SourceRunSummary {
  source: string;
  status: RunStatus;
  outcome: SourceOutcome | null;
  error: string | null;
  runId: number | null;
}

// One run per source at a time in this process (and, through scrape_runs, across processes): a second
// request waits for nothing, it is refused.
const running = new Set<string>();

/** Whether this process is running `source` now. */
export function isRunning(source: string): boolean {
  return running.has(source);
}

export async function runSources(context: PipelineContext, sources: Source[], trigger: string): Promise<SourceRunSummary[]> {
  const summaries: SourceRunSummary[] = [];
  for (const source of sources) {
    if (running.has(source.name)) {
      summaries.push({ source: source.name, status: 'failed', outcome: null, error: `a run of ${source.name} is already in progress in this process`, runId: null });
      continue;
    }
    let runId: number | null = null;
    try {
      runId = context.dryRun ? null : claimRun(context.db, source.name, trigger);
    } catch (error) {
      if (!(error instanceof SourceBusyError)) throw error;
      summaries.push({ source: source.name, status: 'failed', outcome: null, error: error.message, runId: null });
      continue;
    }
    running.add(source.name);
    let summary: SourceRunSummary;
    try {
      const outcome = await source.run(context);
      const status: RunStatus = outcome.errors.length === 0 ? 'ok' : outcome.recordsSeen > 0 ? 'partial' : 'failed';
      summary = { source: source.name, status, outcome, error: outcome.errors.join('; ') || null, runId };
    } catch (error) {
      const status: RunStatus = error instanceof LayoutChangedError ? 'layout-changed' : 'failed';
      const message = error instanceof LayoutChangedError ? `layout changed: ${error.message}` : errorMessage(error);
      summary = { source: source.name, status, outcome: null, error: message, runId };
    } finally {
      running.delete(source.name);
    }
    if (runId !== null) {
      const outcome = summary.outcome;
      finishRun(context.db, runId, {
        status: summary.status,
        documentsFetched: outcome?.documentsFetched ?? 0,
        recordsSeen: outcome?.recordsSeen ?? 0,
        recordsNew: outcome?.recordsNew ?? 0,
        recordsChanged: outcome?.recordsChanged ?? 0,
        error: summary.error,
        details: outcome ? { documents: outcome.documents, errors: outcome.errors } : undefined,
      });
    }
    summaries.push(summary);
  }
  return summaries;
}
