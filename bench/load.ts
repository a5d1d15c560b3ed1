// A bounded load test on loopback: the overview, a country report and the API under concurrent
// requests while a scrape and an import write to the same database from other processes.
//   npm run load    (LOAD_SECONDS=20: at least this long, and until both writers have finished, at most
//                    LOAD_MAX_SECONDS=120; LOAD_CONNECTIONS=4 per address)
// Everything runs on 127.0.0.1: `stdwatch serve` in a child process on a database holding part of the
// bundled snapshot; a local server with the captured 3GPP pages for the scrape; autocannon. Prints
// requests/s, p99 latency, non-2xx answers and errors per address, what the writers stored, and every
// SQLITE_BUSY seen in any process's output. Exits non-zero on any error, non-2xx or SQLITE_BUSY.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { loadConfig } from '../server/config.js';
import { openStdwatch } from '../server/context.js';
import { importFile } from '../scrapers/pipeline/import.js';
import { SNAPSHOT_DIR } from '../scrapers/pipeline/seed.js';
import { startThreeGppSite } from '../test/support/three-gpp-site.js';
import buildDist from '../test/support/build.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const MAX_SECONDS = Number(process.env.LOAD_MAX_SECONDS ?? 120);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 4);
const snapshotFile = (name: string) => path.join(SNAPSHOT_DIR, '3gpp', name);
// Read load on these; RAN#104 comes from the scrape and the SA2 pages from the import, during the load.
const PRELOADED = ['TDoc_List_Meeting_RAN#100.xlsx', 'TDoc_List_Meeting_RAN#102.xlsx', 'TDoc_List_Meeting_RAN#106.xlsx', 'TDoc_List_Meeting_RAN#108.xlsx'];
const IMPORTED_DURING = ['sa2_TdocsByAgenda_SA2-155_2023-02-14_browser-saved.htm', 'sa2_TdocsByAgenda_SA2-164_2024-08-19.htm', 'TDoc_List_Meeting_RAN#110.xlsx'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-load-'));
const env: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? dir,
  STDWATCH_DB: path.join(dir, 'stdwatch.db'),
  STDWATCH_ARCHIVE_DIR: path.join(dir, 'raw'),
  STDWATCH_SCRAPE_ON_START: 'false',
  STDWATCH_RATE_LIMIT_PER_MINUTE: '0',
  STDWATCH_3GPP_GROUPS: 'RAN',
  STDWATCH_REQUEST_INTERVAL_MS: '0',
};
const busy: string[] = [];
const children: ChildProcess[] = [];

function stdwatch(args: string[], extra: Record<string, string> = {}, onLine?: (line: string) => void) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'stdwatch.js'), ...args], { env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  // The commands' messages on stderr, the server's log lines on stdout: both are watched.
  const watch = (d: Buffer) => {
    const text = d.toString();
    output += text;
    for (const line of text.split('\n')) {
      if (/SQLITE_BUSY|database is locked/i.test(line)) busy.push(`${args[0]}: ${line}`);
      onLine?.(line);
    }
  };
  child.stdout!.on('data', watch);
  child.stderr!.on('data', watch);
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
  return { child, done };
}

async function main(): Promise<void> {
  // The commands run the build (bin/stdwatch.js refuses one older than the sources).
  buildDist();
  process.stderr.write(`preloading ${PRELOADED.length} lists of the snapshot into ${env.STDWATCH_DB}\n`);
  const app = openStdwatch(loadConfig(env));
  for (const file of PRELOADED) importFile(app, snapshotFile(file), { trigger: 'load-test' });
  app.close();

  const site = await startThreeGppSite();
  let port = 0;
  const server = stdwatch(['serve', '--port', '0'], {}, (line) => {
    const m = /serving http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
    if (m) port = Number(m[1]);
  });
  while (port === 0) {
    if (server.child.exitCode !== null) throw new Error(`the server stopped: ${(await server.done).output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const base = `http://127.0.0.1:${port}`;
  const allTargets: Record<string, string> = {
    overview: `${base}/`,
    'country CN': `${base}/countries/CN`,
    'API contributions': `${base}/api/contributions?limit=100&group=RAN`,
  };
  // LOAD_ONLY=overview,API… narrows the addresses; LOAD_WRITERS=0 measures reads alone (for comparison).
  const only = process.env.LOAD_ONLY?.split(',');
  const targets = Object.fromEntries(Object.entries(allTargets).filter(([name]) => !only || only.some((o) => name.startsWith(o))));
  process.stderr.write(`serving on ${base}; ${CONNECTIONS} connections on each of ${Object.keys(targets).length} addresses for at least ${SECONDS} s and while a scrape and an import write\n`);

  const loadStarted = Date.now();
  const writers = (async () => {
    if (process.env.LOAD_WRITERS === '0') return { scrape: { code: 0, output: '' }, imported: { code: 0, output: '' }, seconds: 0 };
    const scrape = await stdwatch(['scrape', '3gpp', '--since', '2024-01-01', '--until', '2024-12-31'], { STDWATCH_3GPP_BASE_URL: site.baseUrl }).done;
    const imported = await stdwatch(['import', ...IMPORTED_DURING.map(snapshotFile)]).done;
    return { scrape, imported, seconds: (Date.now() - loadStarted) / 1000 };
  })();
  // The load goes on at least SECONDS and until the writers are done, so every write meets it.
  const runs = Object.entries(targets).map(([name, url]) => {
    let stop!: () => void;
    const result = new Promise<readonly [string, Result]>((resolve, reject) => {
      const instance = autocannon({ url, connections: CONNECTIONS, duration: MAX_SECONDS, timeout: 10 }, (error, r) => (error ? reject(error) : resolve([name, r] as const)));
      stop = () => instance.stop();
    });
    return { result, stop };
  });
  const written = await writers;
  const elapsed = Date.now() - loadStarted;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, SECONDS * 1000 - elapsed)));
  const loadSeconds = Math.min(MAX_SECONDS, (Date.now() - loadStarted) / 1000);
  for (const run of runs) run.stop();
  const results = await Promise.all(runs.map((r) => r.result));

  console.log(
    `\nload test: ${loadSeconds.toFixed(1)} s, ${CONNECTIONS} connections per address, on ${os.cpus().length} CPU(s), Node ${process.version}; ` +
      `machine load average at the end ${os.loadavg().map((n) => n.toFixed(1)).join(' / ')} (1/5/15 min)`,
  );
  console.log('address              requests/s   p50 ms   p99 ms   max ms   2xx      non-2xx  errors  timeouts');
  let failures = 0;
  for (const [name, r] of results) {
    failures += r.non2xx + r.errors + r.timeouts;
    console.log(
      `${name.padEnd(20)} ${r.requests.average.toFixed(1).padStart(10)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)} ${String(r.latency.max).padStart(8)} ${String(r['2xx']).padStart(8)} ${String(r.non2xx).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.timeouts).padStart(9)}`,
    );
  }
  const summary = (o: string) => o.split('\n').filter((l) => /contributions|: ok|failed/.test(l)).join('\n    ');
  const within = written.seconds <= loadSeconds ? 'under load all along' : `the last ${(written.seconds - loadSeconds).toFixed(1)} s after the load ended (LOAD_MAX_SECONDS)`;
  console.log(`writers (finished ${written.seconds.toFixed(1)} s after the load began, ${within}):`);
  console.log(`  scrape (exit ${written.scrape.code}):\n    ${summary(written.scrape.output)}`);
  console.log(`  import (exit ${written.imported.code}):\n    ${summary(written.imported.output)}`);
  console.log(`SQLITE_BUSY / database is locked seen: ${busy.length}${busy.length ? `\n  ${busy.join('\n  ')}` : ''}`);

  server.child.kill('SIGTERM');
  await server.done;
  await site.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const ok = failures === 0 && busy.length === 0 && written.scrape.code === 0 && written.imported.code === 0;
  console.log(ok ? 'result: no errors' : 'result: FAILED');
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  console.error(error);
  process.exitCode = 1;
});
