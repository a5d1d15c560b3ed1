// The real server (`stdwatch serve`, the build's JavaScript) started on a database for the benchmark, and
// requests timed against it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../domain/project.js';

export interface BenchServer {
  child: ChildProcess;
  base: string;
  /** Milliseconds from the spawn to the first answer. */
  startMs: number;
  /** The server's CPU milliseconds until then. */
  startCpuMs: number;
  /** Stops it (SIGTERM) and resolves once the process has exited: the database is then closed. */
  stop: () => Promise<void>;
}

export interface ServerOptions {
  dbFile: string;
  /** More environment (e.g. STDWATCH_REGISTRY_DIR). */
  env?: Record<string, string>;
  /** Each line the server logs (pino JSON lines on stdout); without it (or logFile) stdout is ignored. */
  onLogLine?: (line: string) => void;
  /**
   * A file the server's stdout goes to instead of a pipe: a pipe the benchmark reads fills while the
   * benchmark is busy (the load's client runs in it), and the server then buffers its log in memory
   * and slows down, which the memory and load figures would count.
   */
  logFile?: string;
}

/**
 * Starts the server on a random port below Linux's ephemeral range (32768 up, where the load's own
 * connections take theirs); a start that fails (the port taken after all) is tried again on another.
 */
export async function startServer(options: ServerOptions): Promise<BenchServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOn(20_000 + Math.floor(Math.random() * 12_000), options);
    } catch (error) {
      if (attempt === 3) throw error;
      console.error(`the server did not start (${(error as Error).message}); trying another port`);
    }
  }
}

async function startServerOn(port: number, options: ServerOptions): Promise<BenchServer> {
  const base = `http://127.0.0.1:${port}`;
  const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-bench-raw-'));
  const logFd = options.logFile ? fs.openSync(options.logFile, 'w') : undefined;
  const t = performance.now();
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'stdwatch.js'), 'serve', '--port', String(port)], {
    env: {
      ...process.env,
      STDWATCH_DB: options.dbFile,
      STDWATCH_ARCHIVE_DIR: archiveDir,
      STDWATCH_HOST: '127.0.0.1',
      STDWATCH_SCRAPE_ON_START: 'false',
      // The per-address rate limit (300 a minute by default) would answer most of the load with 429.
      STDWATCH_RATE_LIMIT_PER_MINUTE: '0',
      ...options.env,
    },
    stdio: ['ignore', options.onLogLine ? 'pipe' : logFd ?? 'ignore', 'inherit'],
  });
  if (logFd !== undefined) fs.closeSync(logFd);
  if (options.onLogLine && child.stdout) {
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let at: number;
      while ((at = pending.indexOf('\n')) >= 0) {
        options.onLogLine!(pending.slice(0, at));
        pending = pending.slice(at + 1);
      }
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    fs.rmSync(archiveDir, { recursive: true, force: true });
  };
  // A minute at most: the first start of a build on a busy machine takes a few seconds.
  const deadline = performance.now() + 60_000;
  for (;;) {
    const stopped = child.exitCode !== null || child.signalCode !== null;
    if (stopped || performance.now() > deadline) {
      if (!stopped) await stop();
      fs.rmSync(archiveDir, { recursive: true, force: true });
      throw new Error(stopped ? `the server stopped (${child.exitCode ?? child.signalCode})` : 'the server did not answer within a minute');
    }
    try {
      const response = await fetch(`${base}/static/stdwatch.css`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { child, base, startMs: performance.now() - t, startCpuMs: cpuOf(child.pid!), stop };
}

/** User + system CPU milliseconds a process has used (/proc/PID/stat, in clock ticks of 10 ms). */
export function cpuOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Milliseconds until a GET's whole body has arrived. With node:http, not fetch: undici's own cost
 * (4–8 ms a request for a 336 kB body here, and tens of ms while its code is still cold) would be
 * counted as the server's; curl sees what node:http sees.
 */
export function get(url: string): Promise<number> {
  return timedGet(url).then((answer) => answer.ms);
}

/** The same, with the request id the server gave the answer (`X-Request-Id`, in its log line). */
export function timedGet(url: string): Promise<{ ms: number; requestId: string | null }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        response.on('data', () => {});
        response.on('end', () => {
          const requestId = response.headers['x-request-id'];
          if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
          else resolve({ ms: performance.now() - t, requestId: typeof requestId === 'string' ? requestId : null });
        });
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * The server's own time of requests, from its log line of each (pino, one JSON object per line,
 * `reqId` and `ms`), written to a file: read when `timesOf` is asked, then removed (whatever the server
 * writes after goes unread into the removed file; the folder goes when this process exits, however).
 */
export class RequestLog {
  private readonly ms = new Map<string, number>();
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-bench-log-'));
  private readonly file = path.join(this.dir, 'server.log');

  constructor() {
    process.once('exit', () => fs.rmSync(this.dir, { recursive: true, force: true }));
  }

  /** What startServer needs: the log as JSON lines of every request, into a file. */
  readonly serverOptions: Pick<ServerOptions, 'env' | 'logFile'> = {
    env: { STDWATCH_LOG_FORMAT: 'json', STDWATCH_LOG_LEVEL: 'info' },
    logFile: this.file,
  };

  private read(): void {
    for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { msg?: string; reqId?: string; ms?: number };
        if (entry.msg === 'request' && entry.reqId && entry.ms !== undefined) this.ms.set(entry.reqId, entry.ms);
      } catch {
        // not a request's line (or the last one, half written)
      }
    }
  }

  /**
   * The server's times of these requests (by X-Request-Id; those not logged left out), once their
   * lines are in the file (a line is written as its answer closes: a second at most). Then the file is
   * removed (the server writes on into it unseen until it stops).
   */
  async timesOf(ids: (string | null)[]): Promise<number[]> {
    this.read();
    for (let waited = 0; waited < 1000 && ids.some((id) => id !== null && !this.ms.has(id)); waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      this.read();
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
    return ids.flatMap((id) => (id !== null && this.ms.has(id) ? [this.ms.get(id)!] : []));
  }
}

export function rssOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}
