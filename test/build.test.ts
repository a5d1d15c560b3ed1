// The build (`npm run build`: bin/build.js) and the command that runs it (bin/stdwatch.js): the compiled
// JavaScript in dist/ finds the checkout's files (templates, migrations, the registry, the topics, the
// snapshot) and serves from them; a build older than the sources is refused, saying which source changed;
// the registry's parse the build wrote is read only while the YAML files are the ones it was parsed from.
// dist/ of the checkout is built once before the tests (test/support/build.ts); the tests that change
// sources or the registry do it in a copy of the project.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegistryFiles } from '../domain/resolve/registry.js';
import { ROOT, fixture, tempDir } from './support/app.js';
import { cli } from './support/cli.js';
import type { LogLine } from './support/log.js';

const dist = (...parts: string[]) => pathToFileURL(path.join(ROOT, 'dist', ...parts)).href;

describe('the build in dist/', () => {
  it('finds the checkout from dist/: the registry, the topics, the snapshot and the default database are the checkout\'s', () => {
    const script = `
      const { PROJECT_ROOT, RUNS_BUILD } = await import(${JSON.stringify(dist('domain', 'project.js'))});
      const { REGISTRY_DIR } = await import(${JSON.stringify(dist('domain', 'resolve', 'registry.js'))});
      const { SNAPSHOT_DIR } = await import(${JSON.stringify(dist('scrapers', 'pipeline', 'seed.js'))});
      const { loadConfig } = await import(${JSON.stringify(dist('server', 'config.js'))});
      const { loadTopics } = await import(${JSON.stringify(dist('domain', 'topics.js'))});
      console.log(JSON.stringify({ PROJECT_ROOT, RUNS_BUILD, REGISTRY_DIR, SNAPSHOT_DIR, db: loadConfig({}).dbFile, topics: Object.keys(loadTopics()) }));`;
    const found = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    expect(found).toEqual({
      PROJECT_ROOT: ROOT,
      RUNS_BUILD: true,
      REGISTRY_DIR: path.join(ROOT, 'domain', 'resolve', 'registry'),
      SNAPSHOT_DIR: path.join(ROOT, 'data', 'snapshot'),
      db: path.join(ROOT, 'data', 'stdwatch.db'),
      topics: ['iot', '5g', 'security'],
    });
    expect(fs.existsSync(path.join(found.SNAPSHOT_DIR, 'manifest.json'))).toBe(true);
  });

  it('holds the registry parsed exactly as the YAML reads', () => {
    const built = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'domain', 'resolve', 'registry.json'), 'utf8'));
    expect(built.files).toEqual(readRegistryFiles());
  });

  it('serves the pages, their style sheet and the API, re-resolves in its worker thread, and logs each request with its id', async () => {
    const registry = tempDir('stdwatch-registry-');
    fs.cpSync(path.join(ROOT, 'domain', 'resolve', 'registry'), registry, { recursive: true });
    const run = cli({ STDWATCH_REGISTRY_DIR: registry });
    // One real IETF draft page: a database with one contribution, so that the server loads no snapshot.
    expect((await run.run(['import', fixture('ietf', 'datatracker-htmlized-draft-ietf-idr-bgp-ls-sr-service-segments-02.2025-02.html')])).code).toBe(0);
    // A registry changed since: the server re-resolves what is stored in a worker thread (dist/server/reresolve-worker.js).
    fs.appendFileSync(path.join(registry, 'organizations.yaml'), '\n- slug: example-research-co\n  name: Example Research Co\n  kind: research\n  country: FR\n');
    const server = spawn(process.execPath, [path.join(ROOT, 'bin', 'stdwatch.js'), 'serve', '--port', '0'], {
      cwd: run.dir,
      env: { PATH: process.env.PATH ?? '', ...run.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      const base = await new Promise<string>((resolve, reject) => {
        server.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const serving = /stdwatch is serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (serving) resolve(serving[1]!);
        });
        server.once('exit', (code) => reject(new Error(`the server stopped (${code}): ${stdout}`)));
      });
      const page = await fetch(`${base}countries`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<link rel="stylesheet" href="/static/stdwatch.css">');
      const css = await fetch(`${base}static/stdwatch.css`);
      expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
      const api = await fetch(`${base}api/contributions`);
      expect(((await api.json()) as { data: { ref: string }[] }).data.map((c) => c.ref)).toEqual(['draft-ietf-idr-bgp-ls-sr-service-segments']);

      // The server's log: JSON lines on stdout, the request's among them with the id it answered with.
      const id = api.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      while (!stdout.includes(`"reqId":"${id}"`)) await new Promise((resolve) => setTimeout(resolve, 20));
      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as LogLine);
      expect(lines.find((line) => line.reqId === id)).toMatchObject({ level: 'info', msg: 'request', method: 'GET', url: '/api/contributions', status: 200 });
      expect(lines.find((line) => line.msg.startsWith('stdwatch is serving'))).toMatchObject({ level: 'info', pid: server.pid });

      while (!stdout.includes('re-resolution done')) await new Promise((resolve) => setTimeout(resolve, 20));
      const status = ((await (await fetch(`${base}status.json`)).json()) as { data: { sources: { source: string; status: string }[] } }).data;
      expect(status.sources.find((s) => s.source === 'registry')).toMatchObject({ status: 'ok' });
    } finally {
      server.kill('SIGTERM');
    }
  });
});

/** A copy of the project's code and data it reads, with the checkout's node_modules, for tests that change it. */
function projectCopy(): string {
  const copy = tempDir('stdwatch-build-');
  for (const dir of ['bin', 'cli', 'db', 'domain', 'scrapers', 'server', 'templates']) fs.cpSync(path.join(ROOT, dir), path.join(copy, dir), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

function build(copy: string): void {
  execFileSync(process.execPath, [path.join(copy, 'bin', 'build.js'), '--quiet'], { stdio: 'inherit' });
}

/** `stdwatch resolve --json NAME` in the copy: its first source, or the command's failure. */
function resolveIn(copy: string, name: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'stdwatch.js'), 'resolve', '--json', name], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', STDWATCH_DB: path.join(copy, 'unused.db'), ...env },
  });
  if (result.status !== 0) return { code: result.status, stderr: result.stderr };
  return (JSON.parse(result.stdout) as { sources: { organization: string; country: string | null }[] }).sources[0]!;
}

/** A built copy of the project for the tests of one describe block (made before them, removed after). */
function builtCopy(): () => string {
  let copy = '';
  beforeAll(() => {
    copy = projectCopy();
    build(copy);
  });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));
  return () => copy;
}

describe('a build older than the sources', () => {
  const project = builtCopy();

  it('is refused with the source that changed and what to run, until it is built again', () => {
    const copy = project();
    expect(resolveIn(copy, 'Huawei')).toMatchObject({ organization: 'Huawei', country: 'CN' });

    const source = path.join(copy, 'server', 'app.ts');
    const later = new Date(fs.statSync(source).mtimeMs + 5000);
    fs.utimesSync(source, later, later);
    expect(resolveIn(copy, 'Huawei')).toEqual({
      code: 1,
      stderr: 'stdwatch: server/app.ts changed since the last build: run `npm run build` first (or `npm run dev` to run the sources through tsx)\n',
    });
    build(copy);
    expect(resolveIn(copy, 'Huawei')).toMatchObject({ organization: 'Huawei', country: 'CN' });

    fs.writeFileSync(path.join(copy, 'domain', 'added.ts'), 'export const added = 1;\n');
    expect(resolveIn(copy, 'Huawei')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^stdwatch: domain\/added\.ts is new since the last build: /) });
    fs.rmSync(path.join(copy, 'domain', 'added.ts'));
    expect(resolveIn(copy, 'Huawei')).toMatchObject({ organization: 'Huawei' });

    fs.rmSync(path.join(copy, 'dist'), { recursive: true });
    expect(resolveIn(copy, 'Huawei')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^stdwatch: there is no build in dist\/: run `npm run build` first/) });
  });
});

describe("the registry's parse written by the build", () => {
  const project = builtCopy();

  it('is what the compiled command reads while the YAML files are those it was parsed from, and the YAML is read once they are not', () => {
    const copy = project();
    // Mark the built parse (Huawei's country made SE) to see which of the two a command reads.
    const builtFile = path.join(copy, 'dist', 'domain', 'resolve', 'registry.json');
    const built = JSON.parse(fs.readFileSync(builtFile, 'utf8')) as { textsHash: string; files: { name: string; content: unknown }[] };
    const organizations = built.files.flatMap((f) => (Array.isArray(f.content) ? f.content : ((f.content as { organizations?: unknown[] }).organizations ?? []))) as { slug: string; country: string }[];
    organizations.find((o) => o.slug === 'huawei')!.country = 'SE';
    fs.writeFileSync(builtFile, JSON.stringify(built));
    expect(resolveIn(copy, 'Huawei')).toMatchObject({ organization: 'Huawei', country: 'SE' });

    // Another folder holding the very same files reads the same parse; with one file changed, the YAML.
    const elsewhere = tempDir('stdwatch-registry-');
    fs.cpSync(path.join(copy, 'domain', 'resolve', 'registry'), elsewhere, { recursive: true });
    expect(resolveIn(copy, 'Huawei', { STDWATCH_REGISTRY_DIR: elsewhere })).toMatchObject({ country: 'SE' });
    fs.appendFileSync(path.join(elsewhere, 'organizations.yaml'), '# reviewed\n');
    expect(resolveIn(copy, 'Huawei', { STDWATCH_REGISTRY_DIR: elsewhere })).toMatchObject({ country: 'CN' });

    // The bundled folder edited after the build (as `stdwatch orgs accept` does): the YAML.
    fs.appendFileSync(path.join(copy, 'domain', 'resolve', 'registry', 'organizations.yaml'), '# reviewed\n');
    expect(resolveIn(copy, 'Huawei')).toMatchObject({ organization: 'Huawei', country: 'CN' });
  });

  it('is made again by `build.js --if-stale` (npm start) only when a source changed since', () => {
    const copy = project();
    build(copy);
    const record = path.join(copy, 'dist', 'build.json');
    const ifStale = () => execFileSync(process.execPath, [path.join(copy, 'bin', 'build.js'), '--if-stale'], { stdio: 'pipe' });
    const made = fs.statSync(record).mtimeMs;
    ifStale();
    expect(fs.statSync(record).mtimeMs).toBe(made);
    const source = path.join(copy, 'server', 'urls.ts');
    const later = new Date(fs.statSync(source).mtimeMs + 5000);
    fs.utimesSync(source, later, later);
    ifStale();
    expect(fs.statSync(record).mtimeMs).toBeGreaterThan(made);
    expect(resolveIn(copy, 'Huawei')).toMatchObject({ organization: 'Huawei' });
  });

  it('is not written, and nothing is built, when the registry has a problem', () => {
    const copy = project();
    const file = path.join(copy, 'domain', 'resolve', 'registry', 'organizations.yaml');
    const before = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `${before}\n- slug: broken-test\n  name: Broken Test Co\n  kind: company\n  parent: no-such-parent\n`);
    try {
      const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'build.js')], { encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('stdwatch: the build failed: the organization registry has 1 problem(s):\n  broken-test: parent "no-such-parent" is not defined\n');
      // The build before it stays as it was, whole.
      expect(fs.existsSync(path.join(copy, 'dist', 'cli', 'main.js'))).toBe(true);
    } finally {
      fs.writeFileSync(file, before);
    }
  });
});
