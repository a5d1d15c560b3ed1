// The scheduler and the run guard: one run per source at a time, also across processes; a job that
// throws is logged and the schedule goes on; a source that keeps failing is skipped by scheduled runs
// for growing periods, and /status says so.
import { spawn, type ChildProcess } from 'node:child_process';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../db/client.js';
import { claimRun, sourceBackoff, SourceBusyError } from '../../db/runs.js';
import { scrapeRuns } from '../../db/schema.js';
import { finishRun, startRun } from '../../db/runs.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Stdwatch } from '../../server/context.js';
import { scrapeAll, startScheduler } from '../../server/scheduler.js';
import { runSources } from '../../scrapers/pipeline/run.js';
import { emptyOutcome, type Source } from '../../scrapers/source.js';
import { testApp, type TestApp } from '../support/app.js';
import { scrapeContextFor } from '../support/scrape-context.js';
import { memoryLog } from '../support/log.js';

const DAY = 86_400_000;

function stdwatch(app: TestApp, env: Record<string, string> = {}): Stdwatch {
  const config = loadConfig({ STDWATCH_DB: ':memory:', STDWATCH_3GPP_BASE_URL: 'http://127.0.0.1:9', ...env });
  return { config, db: app.db, resolver: app.resolver, archive: app.archive, close: () => closeDatabase(app.db) };
}

function fakeSource(name: string, run: Source['run'] = async () => ({ ...emptyOutcome(), recordsSeen: 1 })): Source {
  return { name, body: '3gpp', description: 'test', run };
}

/** Records a finished run of `source` that started at `at`. */
function ranAt(app: TestApp, source: string, status: 'ok' | 'failed' | 'layout-changed', at: number): void {
  const id = startRun(app.db, source, 'schedule', new Date(at).toISOString());
  finishRun(app.db, id, { status, documentsFetched: 0, recordsSeen: 0, recordsNew: 0, recordsChanged: 0, error: status === 'ok' ? null : 'down' });
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function otherProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  return new Promise((resolve) => child.once('spawn', () => resolve(child)));
}

describe('one run per source at a time, across processes', () => {
  it('refuses a source whose run is held by another live process, and takes over once that process is gone', async () => {
    const app = testApp();
    const holder = await otherProcess();
    app.db.insert(scrapeRuns).values({ source: 'test:a', trigger: 'cli', startedAt: new Date().toISOString(), status: 'running', pid: holder.pid! }).run();

    expect(() => claimRun(app.db, 'test:a', 'cli')).toThrow(SourceBusyError);
    let ran = 0;
    const source = fakeSource('test:a', async () => {
      ran++;
      return emptyOutcome();
    });
    const [refused] = await runSources(scrapeContextFor(app, 'http://127.0.0.1:9'), [source], 'cli');
    expect(refused).toMatchObject({ status: 'failed', runId: null });
    expect(refused!.error).toBe(`a run of test:a is already in progress (run 1, process ${holder.pid}); try again when it has finished`);
    expect(ran).toBe(0);
    expect(app.db.select().from(scrapeRuns).all()).toHaveLength(1);

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const [done] = await runSources(scrapeContextFor(app, 'http://127.0.0.1:9'), [source], 'cli');
    expect(done).toMatchObject({ status: 'ok' });
    expect(ran).toBe(1);
    const runs = app.db.select().from(scrapeRuns).all();
    expect(runs.map((r) => [r.id, r.status])).toEqual([[1, 'failed'], [2, 'ok']]);
    expect(runs[0]!.error).toBe('interrupted: the process stopped before the run finished');
  });

  it('refuses a second run in the same process while the first is under way', async () => {
    const app = testApp();
    let release!: () => void;
    const slow = fakeSource('test:slow', () => new Promise((resolve) => (release = () => resolve(emptyOutcome()))));
    const first = runSources(scrapeContextFor(app, 'http://127.0.0.1:9'), [slow], 'cli');
    const [second] = await runSources(scrapeContextFor(app, 'http://127.0.0.1:9'), [slow], 'cli');
    expect(second!.error).toBe('a run of test:slow is already in progress in this process');
    release();
    expect((await first)[0]).toMatchObject({ status: 'ok' });
  });
});

describe('backing off a source that keeps failing', () => {
  const base = 6 * DAY;
  const now = Date.parse('2026-03-02T06:00:00Z');

  it('waits base × 2^(failures − 1) from the last failure, and a success resets it', () => {
    const app = testApp();
    expect(sourceBackoff(app.db, 's', base, now)).toBeNull();
    ranAt(app, 's', 'ok', now - 30 * DAY);
    ranAt(app, 's', 'failed', now - 21 * DAY);
    // One failure 21 days ago: wait 6 days; long over.
    expect(sourceBackoff(app.db, 's', base, now)).toMatchObject({ failures: 1, active: false });
    ranAt(app, 's', 'layout-changed', now - 14 * DAY);
    ranAt(app, 's', 'failed', now - 7 * DAY);
    // Three in a row, the last 7 days ago: wait 24 days from it, until 17 days from now.
    expect(sourceBackoff(app.db, 's', base, now)).toEqual({
      failures: 3,
      lastFailureAt: new Date(now - 7 * DAY).toISOString(),
      retryAfter: new Date(now + 17 * DAY).toISOString(),
      active: true,
    });
    ranAt(app, 's', 'ok', now - DAY);
    expect(sourceBackoff(app.db, 's', base, now)).toBeNull();
    expect(sourceBackoff(app.db, 's', 0, now)).toBeNull();
  });

  it('never waits more than 16 × base', () => {
    const app = testApp();
    for (let i = 10; i >= 1; i--) ranAt(app, 's', 'failed', now - i * DAY);
    expect(sourceBackoff(app.db, 's', base, now)!.retryAfter).toBe(new Date(now - DAY + 16 * base).toISOString());
  });

  it('is skipped by scheduled runs (and says so), run when someone asks, and shown on /status', async () => {
    const app = testApp();
    const t = Date.now();
    ranAt(app, 'test:flaky', 'failed', t - 2 * DAY);
    ranAt(app, 'test:flaky', 'failed', t - DAY);
    let ran = 0;
    const flaky = fakeSource('test:flaky', async () => {
      ran++;
      throw new Error('still down');
    });
    const log = memoryLog();
    await scrapeAll(stdwatch(app), 'schedule', log.logger, [flaky]);
    expect(ran).toBe(0);
    // Two failures, the last a day ago: 2 × 6 days from it.
    const until = new Date(t - DAY + 12 * DAY).toISOString();
    expect(log.lines).toMatchObject([
      { level: 'warn', scrape: 'schedule', source: 'test:flaky', failures: 2, retryAfter: until, msg: `scrape (schedule): test:flaky skipped: 2 failed run(s) in a row, backing off until ${until}` },
    ]);

    const status = await request(createApp(app)).get('/status').expect(200);
    expect(status.text).toContain('Backing off: 2 failed runs in a row; scheduled runs are skipped until');
    const json = await request(createApp(app)).get('/status.json').expect(200);
    expect(json.body.data.sources[0].backoff).toMatchObject({ failures: 2, active: true });

    await scrapeAll(stdwatch(app), 'api', memoryLog().logger, [flaky]);
    expect(ran).toBe(1);
  });
});

describe('the scheduled job', () => {
  it('logs whatever a run throws and goes on to the next run', async () => {
    const app = testApp();
    const broken = stdwatch(app, { STDWATCH_SCRAPE_SCHEDULE: '* * * * * *', STDWATCH_FAILURE_BACKOFF_HOURS: '0' });
    closeDatabase(app.db); // every run now fails inside, before any source starts
    const log = memoryLog();
    const task = startScheduler(broken, log.logger);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2600));
    } finally {
      await task.stop();
    }
    const failures = log.lines.filter((line) => line.msg.startsWith('scrape (schedule) failed: '));
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures[0]).toMatchObject({ level: 'error', msg: 'scrape (schedule) failed: The database connection is not open' });
    // The stack is in the log line, where whoever runs the server can find where it failed.
    expect(failures[0]!.err!.stack).toMatch(/The database connection is not open\n\s+at /);
  });

  it('records a source that throws something that is not an Error as a failed run', async () => {
    const app = testApp();
    const odd = fakeSource('test:odd', async () => Promise.reject('a string, not an Error'));
    const log = memoryLog();
    await scrapeAll(stdwatch(app), 'schedule', log.logger, [odd]);
    expect(app.db.select().from(scrapeRuns).all().map((r) => [r.status, r.error])).toEqual([['failed', 'a string, not an Error']]);
    expect(log.lines.at(-1)).toMatchObject({ level: 'warn', source: 'test:odd', status: 'failed', msg: 'scrape (schedule): test:odd failed — a string, not an Error' });
  });
});
