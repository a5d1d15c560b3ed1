// Runs the real `stdwatch` command in a child process, with its own database and archive.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, tempDir } from './app.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Cli {
  dir: string;
  db: string;
  env: Record<string, string>;
  run(args: string[], options?: { input?: string; env?: Record<string, string> }): Promise<CliResult>;
}

export function cli(extraEnv: Record<string, string> = {}): Cli {
  const dir = tempDir('stdwatch-cli-');
  const db = path.join(dir, 'stdwatch.db');
  const env = {
    STDWATCH_DB: db,
    STDWATCH_ARCHIVE_DIR: path.join(dir, 'raw'),
    // Never reach for the real sites from a test: an unset base URL would point at www.3gpp.org.
    STDWATCH_3GPP_BASE_URL: 'http://127.0.0.1:9',
    STDWATCH_ITU_BASE_URL: 'http://127.0.0.1:9',
    STDWATCH_IEEE_BASE_URL: 'http://127.0.0.1:9',
    STDWATCH_IETF_BASE_URL: 'http://127.0.0.1:9',
    STDWATCH_IEEE802_BASE_URL: 'http://127.0.0.1:9',
    STDWATCH_SCRAPE_ON_START: 'false',
    ...extraEnv,
  };
  return {
    dir,
    db,
    env,
    run(args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'stdwatch.js'), ...args], {
          cwd: dir,
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, NO_COLOR: '1', ...env, ...options.env },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(options.input ?? '');
      });
    },
  };
}
