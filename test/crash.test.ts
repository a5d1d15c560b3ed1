// Crash safety with real child processes: `stdwatch scrape` and `stdwatch import` killed with SIGKILL
// in the middle of their work leave a consistent database (integrity check, every list all there or not
// at all, every archived row backed by its bytes), and running them again completes with no duplicates.
// The kill is timed by what the child does (a request it sends, a progress line), never by a sleep.
// Generous timeouts: each child pays Node's start-up, which takes long on a busy machine.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, fixture } from './support/app.js';
import { cli } from './support/cli.js';
import { neverAnswer } from './support/faults.js';
import { startThreeGppSite } from './support/three-gpp-site.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `stdwatch ARGS` and returns it with a promise of its stderr and exit. */
function start(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'stdwatch.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  const lines: ((line: string) => void)[] = [];
  child.stderr!.on('data', (d: Buffer) => {
    const text = d.toString();
    stderr += text;
    for (const line of text.split('\n')) for (const listener of lines) listener(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  const onLine = (test: (line: string) => boolean) =>
    new Promise<string>((resolve) => lines.push((line) => (test(line) ? resolve(line) : undefined)));
  return { child, exited, onLine };
}

interface Consistency {
  integrity: string;
  contributions: number;
  duplicateRefs: number;
  byMeeting: Record<string, number>;
  runs: { status: string; error: string | null }[];
  archivedWithoutBytes: number;
}

function inspect(dbFile: string, archiveDir: string): Consistency {
  const db = new Database(dbFile);
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const contributions = (db.prepare('select count(*) as n from contributions').get() as { n: number }).n;
    const duplicateRefs = (db.prepare('select count(*) as n from (select 1 from contributions group by body_id, ref having count(*) > 1)').get() as { n: number }).n;
    const byMeeting = Object.fromEntries(
      (db.prepare('select m.name as name, count(*) as n from contributions c join meetings m on m.id = c.meeting_id group by m.name').all() as { name: string; n: number }[]).map(
        (r) => [r.name, r.n],
      ),
    );
    const runs = db.prepare('select status, error from scrape_runs order by id').all() as Consistency['runs'];
    const archived = db.prepare('select storage_path as path, sha256 from raw_documents').all() as { path: string; sha256: string }[];
    const archivedWithoutBytes = archived.filter((r) => {
      const file = path.join(archiveDir, r.path);
      return !fs.existsSync(file) || crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') !== r.sha256;
    }).length;
    return { integrity, contributions, duplicateRefs, byMeeting, runs, archivedWithoutBytes };
  } finally {
    db.close();
  }
}

describe('SIGKILL in the middle of a scrape', () => {
  it('leaves what was stored whole, refuses a second scrape meanwhile, and the next scrape completes', async () => {
    let hanging = true;
    let requested!: () => void;
    const waiting = new Promise<void>((resolve) => (requested = resolve));
    const folder106 = fs.readFileSync(fixture('3gpp', 'ftp_listing_TSGR_106.reconstructed.htm'));
    // RAN#106's folder, asked for after RAN#104's list was stored, does not answer until the child is dead.
    const site = await startThreeGppSite({
      '/ftp/tsg_ran/TSG_RAN/TSGR_106/': {
        handle: (req, res) => (hanging ? neverAnswer(requested)(req, res) : res.writeHead(200, { 'content-type': 'text/html' }).end(folder106)),
      },
    });
    const { env } = cli({
      STDWATCH_3GPP_BASE_URL: site.baseUrl,
      STDWATCH_3GPP_GROUPS: 'RAN',
      STDWATCH_REQUEST_INTERVAL_MS: '0',
      STDWATCH_REQUEST_RETRIES: '0',
    });
    const args = ['scrape', '3gpp:tdocs', '--since', '2024-01-01', '--until', '2024-12-31'];
    try {
      const first = start(env, args);
      // If the child stops before it gets there, say why instead of waiting for the test's timeout.
      const ended = await Promise.race([waiting.then(() => null), first.exited]);
      if (ended) throw new Error(`the scrape ended early (${ended.code}): ${ended.stderr}`);

      // A second scrape of the same source while the first holds it: refused, nothing fetched.
      const before = site.requests.length;
      const second = await start(env, args).exited;
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`3gpp:tdocs: failed — nothing stored — a run of 3gpp:tdocs is already in progress (run 1, process ${first.child.pid})`);
      expect(site.requests.length).toBe(before);

      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      const killed = inspect(env.STDWATCH_DB!, env.STDWATCH_ARCHIVE_DIR!);
      expect(killed).toMatchObject({ integrity: 'ok', contributions: 830, duplicateRefs: 0, byMeeting: { 'RAN#104': 830 }, archivedWithoutBytes: 0 });
      expect(killed.runs).toEqual([{ status: 'running', error: null }]);

      hanging = false;
      const again = await start(env, args).exited;
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('3gpp:tdocs: ok — 1 list(s), 830 contributions (0 new, 0 changed)');
      const after = inspect(env.STDWATCH_DB!, env.STDWATCH_ARCHIVE_DIR!);
      expect(after).toMatchObject({ integrity: 'ok', contributions: 830, duplicateRefs: 0, archivedWithoutBytes: 0 });
      expect(after.runs).toEqual([
        { status: 'failed', error: 'interrupted: the process stopped before the run finished' },
        { status: 'ok', error: null },
      ]);
    } finally {
      await site.close();
    }
  }, 240_000);
});

describe('SIGKILL in the middle of an import', () => {
  const files = ['RAN#102', 'RAN#104', 'RAN#106'].map((m) => path.join(ROOT, 'data', 'snapshot', '3gpp', `TDoc_List_Meeting_${m}.xlsx`));

  it('keeps every list whole or absent, and importing again completes with no duplicates', async () => {
    const { env } = cli();
    const first = start(env, ['import', ...files]);
    // Killed as soon as the first list is reported stored: the child is then reading or storing the second.
    const progress = await Promise.race([first.onLine((line) => / contributions of RAN#\d+ \(/.test(line)), first.exited]);
    if (typeof progress !== 'string') throw new Error(`the import ended before its first progress line (${progress.code}): ${progress.stderr}`);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(progress).toMatch(/TDoc_List_Meeting_RAN#102\.xlsx: \d+ contributions of RAN#102 \(\d+ new, 0 changed\)/);
    const killed = inspect(env.STDWATCH_DB!, env.STDWATCH_ARCHIVE_DIR!);
    expect(killed).toMatchObject({ integrity: 'ok', duplicateRefs: 0, archivedWithoutBytes: 0 });
    expect(Object.keys(killed.byMeeting).length).toBeGreaterThanOrEqual(1);

    const again = await start(env, ['import', ...files]).exited;
    expect(again.code, again.stderr).toBe(0);
    const complete = inspect(env.STDWATCH_DB!, env.STDWATCH_ARCHIVE_DIR!);
    expect(complete).toMatchObject({ integrity: 'ok', duplicateRefs: 0, archivedWithoutBytes: 0 });
    expect(Object.keys(complete.byMeeting).sort()).toEqual(['RAN#102', 'RAN#104', 'RAN#106']);
    // RAN#104's list has 830 document rows (hand-checked, see test/scrapers/3gpp/parse-tdoc-list.test.ts).
    expect(complete.byMeeting['RAN#104']).toBe(830);
    // All or nothing: what the killed import left of each list is the whole list or none of it.
    for (const [meeting, n] of Object.entries(killed.byMeeting)) expect(n, meeting).toBe(complete.byMeeting[meeting]);
    expect(complete.contributions).toBe(Object.values(complete.byMeeting).reduce((a, b) => a + b, 0));
    // The list stored before the kill is not stored again.
    expect(again.stderr).toMatch(/RAN#102\.xlsx: \d+ contributions of RAN#102 \(0 new, 0 changed\)/);
  }, 240_000);
});
