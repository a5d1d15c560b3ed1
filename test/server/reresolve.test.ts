// A registry change applied in the background of `serve` (server/reresolve.ts): the server opens
// without re-resolving, a worker thread with its own connection re-resolves, /status shows the run,
// and the result is the one the foreground re-resolution gives.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { REGISTRY_HASH } from '../../db/registry.js';
import { importFile } from '../../scrapers/pipeline/import.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { openStdwatch, type Stdwatch } from '../../server/context.js';
import { statusReport } from '../../server/reports/status.js';
import { REGISTRY_RUN_SOURCE } from '../../db/runs.js';
import { reresolveInBackground } from '../../server/reresolve.js';
import { memoryLog } from '../support/log.js';
import { fixture, tempDir } from '../support/app.js';

const opened: Stdwatch[] = [];
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
});

function open(dir: string, options: { deferRegistry?: boolean } = {}): Stdwatch {
  const config = loadConfig({ STDWATCH_DB: path.join(dir, 'stdwatch.db'), STDWATCH_ARCHIVE_DIR: path.join(dir, 'raw') });
  const app = openStdwatch(config, options);
  opened.push(app);
  return app;
}

/** Every stored source's resolution, in a stable order. */
function resolutions(app: Stdwatch) {
  return app.db.$client
    .prepare('select contribution_id, position, name, organization_id, parent_id from contribution_sources order by contribution_id, position')
    .all();
}

/** A database holding the RAN#104 TDoc list (resolved with the committed registry), then marked as resolved with another registry and with its resolutions wiped. */
function staleDatabase(): { dir: string; expected: unknown[] } {
  const dir = tempDir();
  const app = open(dir);
  importFile(app, fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'));
  const expected = resolutions(app);
  app.db.$client.prepare('update contribution_sources set organization_id = null, parent_id = null').run();
  app.db.$client.prepare('update meta set value = ? where key = ?').run('an-older-registry', REGISTRY_HASH);
  app.close();
  opened.splice(opened.indexOf(app), 1);
  return { dir, expected };
}

describe('re-resolution after a registry change', () => {
  it('is left to the caller with deferRegistry, runs in a worker, is shown on /status, and gives the foreground result', async () => {
    const { dir, expected } = staleDatabase();
    expect(expected.length).toBeGreaterThan(1000);
    const app = open(dir, { deferRegistry: true });
    expect(app.registryPending).toBe(true);
    // Nothing re-resolved yet: the wiped resolutions are still there.
    expect(resolutions(app).every((r) => (r as { organization_id: unknown }).organization_id === null)).toBe(true);

    const log = memoryLog();
    const done = reresolveInBackground(app, log.logger);
    // The run is recorded before the work starts: /status says it is running.
    const web = createApp({ db: app.db, resolver: app.resolver, archive: app.archive });
    const running = await request(web).get('/status.json').expect(200);
    expect(running.body.data.sources.find((s: { source: string }) => s.source === REGISTRY_RUN_SOURCE)).toMatchObject({ status: 'running', trigger: 'start', backoff: null });
    const html = await request(web).get('/status').expect(200);
    expect(html.text).toContain('<td>registry</td>');

    await done;
    const run = statusReport(app.db).sources.find((s) => s.source === REGISTRY_RUN_SOURCE);
    expect(run).toMatchObject({ status: 'ok', error: null, backoff: null, recordsSeen: new Set(expected.map((r) => (r as { contribution_id: number }).contribution_id)).size });
    expect(log.messages()[0]).toMatch(/re-resolving every stored source in the background/);
    expect(log.lines.at(-1)).toMatchObject({ level: 'info', job: 'registry', msg: expect.stringMatching(/^re-resolution done: \d+ contributions/) });
    expect(resolutions(app)).toEqual(expected);
    expect(app.db.$client.prepare('select value from meta where key = ?').pluck().get(REGISTRY_HASH)).toBe(app.resolver.registry.hash);
    // The next open finds nothing to do.
    expect(open(dir, { deferRegistry: true }).registryPending).toBe(false);
  }, 60_000);

  it('is done before openStdwatch returns without deferRegistry (the commands), and for an empty database', () => {
    const { dir, expected } = staleDatabase();
    const app = open(dir);
    expect(app.registryPending).toBe(false);
    expect(resolutions(app)).toEqual(expected);

    const empty = open(tempDir(), { deferRegistry: true });
    expect(empty.registryPending).toBe(false);
    expect(empty.db.$client.prepare('select value from meta where key = ?').pluck().get(REGISTRY_HASH)).toBe(empty.resolver.registry.hash);
  });

  it('records a failure on /status and does not throw', async () => {
    const { dir } = staleDatabase();
    const app = open(dir, { deferRegistry: true });
    const log = memoryLog();
    // A database path the worker cannot open (under a file): the run fails, the promise still resolves.
    await reresolveInBackground({ ...app, config: { ...app.config, dbFile: path.join(dir, 'stdwatch.db', 'inside-a-file.db') } }, log.logger);
    const run = statusReport(app.db).sources.find((s) => s.source === REGISTRY_RUN_SOURCE);
    expect(run?.status).toBe('failed');
    expect(run?.error).toBeTruthy();
    expect(log.lines.at(-1)).toMatchObject({ level: 'error', msg: expect.stringMatching(/^re-resolution failed: /) });
    expect(app.db.$client.prepare('select value from meta where key = ?').pluck().get(REGISTRY_HASH)).toBe('an-older-registry');
  }, 60_000);
});
