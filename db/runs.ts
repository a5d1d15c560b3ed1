// Who may run a source now. A scrape is a row in scrape_runs with status `running` and the pid of the
// process doing it; claiming one is a single IMMEDIATE transaction, so two processes (a `stdwatch
// scrape` beside the server's scheduled one) cannot both pass the check. A row whose process is gone
// was interrupted: it is closed as failed and no longer holds the source.
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from './client.js';
import { scrapeRuns } from './schema.js';
import { removeAddresses } from '../domain/email-addresses.js';


/** The scrape_runs source name of a re-resolution of the registry (server/reresolve.ts): recorded like a scrape, never scheduled. */
export const REGISTRY_RUN_SOURCE = 'registry';

export class SourceBusyError extends Error {
  override readonly name = 'SourceBusyError';
  constructor(
    readonly source: string,
    readonly pid: number | null,
    readonly runId: number,
  ) {
    super(`a run of ${source} is already in progress (run ${runId}${pid === null ? '' : `, process ${pid}`}); try again when it has finished`);
  }
}

function alive(pid: number | null): boolean {
  return pid !== null && (pid === process.pid || processIsAlive(pid));
}

/** The run of `source` that is in progress in a live process, if any. */
export function liveRun(db: Db, source: string): { id: number; pid: number | null } | undefined {
  return db
    .select({ id: scrapeRuns.id, pid: scrapeRuns.pid })
    .from(scrapeRuns)
    .where(and(eq(scrapeRuns.source, source), eq(scrapeRuns.status, 'running')))
    .all()
    .find((run) => alive(run.pid));
}

/** Starts a run of `source`, or throws SourceBusyError when another live process is running it. */
export function claimRun(db: Db, source: string, trigger: string): number {
  const claim = db.$client.transaction(() => {
    const busy = liveRun(db, source);
    if (busy) throw new SourceBusyError(source, busy.pid, busy.id);
    db.update(scrapeRuns)
      .set({ status: 'failed', finishedAt: new Date().toISOString(), error: 'interrupted: the process stopped before the run finished' })
      .where(and(eq(scrapeRuns.source, source), eq(scrapeRuns.status, 'running')))
      .run();
    return startRun(db, source, trigger);
  });
  return claim.immediate();
}

export interface Backoff {
  /** Failed runs in a row, newest first, up to the last run that was not a failure. */
  failures: number;
  lastFailureAt: string;
  /** Scheduled runs before this time are skipped. */
  retryAfter: string;
  /** Whether a scheduled run now would be skipped. */
  active: boolean;
}

const FAILED = new Set(['failed', 'layout-changed']);
const MAX_DOUBLINGS = 4;

/**
 * A source that keeps failing is tried less often by the schedule: after n failures in a row it waits
 * base × 2^(n−1) (at most 16 × base) from the start of the last failed run. With the weekly default
 * and a base of 6 days, one failure skips nothing, two skip one week, three skip three.
 */
export function sourceBackoff(db: Db, source: string, baseMs: number, now = Date.now()): Backoff | null {
  if (baseMs <= 0) return null;
  const recent = db
    .select({ status: scrapeRuns.status, startedAt: scrapeRuns.startedAt })
    .from(scrapeRuns)
    .where(and(eq(scrapeRuns.source, source), ne(scrapeRuns.status, 'running')))
    .orderBy(desc(scrapeRuns.startedAt), desc(scrapeRuns.id))
    .limit(MAX_DOUBLINGS + 8)
    .all();
  let failures = 0;
  while (failures < recent.length && FAILED.has(recent[failures]!.status)) failures++;
  if (failures === 0) return null;
  const lastFailureAt = recent[0]!.startedAt;
  const wait = baseMs * 2 ** Math.min(failures - 1, MAX_DOUBLINGS);
  const retryAt = Date.parse(lastFailureAt) + wait;
  return { failures, lastFailureAt, retryAfter: new Date(retryAt).toISOString(), active: now < retryAt };
}

export type RunStatus = 'ok' | 'partial' | 'failed' | 'layout-changed';

export function startRun(db: Db, source: string, trigger: string, startedAt = new Date().toISOString()): number {
  return db
    .insert(scrapeRuns)
    .values({ source, trigger, startedAt, status: 'running', pid: process.pid })
    .returning({ id: scrapeRuns.id })
    .get().id;
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs still marked `running` whose process is gone (killed, crashed, stopped mid-run) are closed as
 * failed, saying so: what they stored is kept (each listing is its own transaction).
 */
export function closeInterruptedRuns(db: Db): number {
  const stale = db
    .select({ id: scrapeRuns.id, pid: scrapeRuns.pid })
    .from(scrapeRuns)
    .where(eq(scrapeRuns.status, 'running'))
    .all()
    .filter((run) => run.pid === null || (run.pid !== process.pid && !processIsAlive(run.pid)));
  for (const run of stale) {
    db.update(scrapeRuns)
      .set({ status: 'failed', finishedAt: new Date().toISOString(), error: 'interrupted: the process stopped before the run finished' })
      .where(eq(scrapeRuns.id, run.id))
      .run();
  }
  return stale.length;
}

export function finishRun(
  db: Db,
  id: number,
  outcome: {
    status: RunStatus;
    documentsFetched: number;
    recordsSeen: number;
    recordsNew: number;
    recordsChanged: number;
    error?: string | null;
    details?: unknown;
  },
): void {
  db.update(scrapeRuns)
    .set({
      finishedAt: new Date().toISOString(),
      status: outcome.status,
      documentsFetched: outcome.documentsFetched,
      recordsSeen: outcome.recordsSeen,
      recordsNew: outcome.recordsNew,
      recordsChanged: outcome.recordsChanged,
      // A warning or an error may quote a cell of what was read: no address is kept, whatever it quotes.
      error: outcome.error ? removeAddresses(outcome.error) : null,
      details: outcome.details === undefined ? null : removeAddresses(JSON.stringify(outcome.details)),
    })
    .where(eq(scrapeRuns.id, id))
    .run();
}
