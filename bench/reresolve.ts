// Re-resolving every stored source after a registry change, the way the server does it (issue 20:
// ≤ 60 s at 2 M contributions, never blocking serving). The real path: `stdwatch serve` is started on a
// copy of the benchmark database with a registry folder (STDWATCH_REGISTRY_DIR) whose content differs
// from the one the database was resolved with; the server listens, then re-resolves in its worker
// thread (server/reresolve.ts, db/registry.ts applyRegistry) and logs when it has committed. Meanwhile
// API pages are requested one after another and timed. The benchmark database itself is only read.
//
// Two changes, one after the other on the same copy:
// - `unchanged`: an organization added that no source names. Every source cell is resolved again and
//   compared with what is stored; nothing is rewritten. The cost of the pass over every source.
// - `changed`: the subsidiary named by the most contributions (HiSilicon on the benchmark database)
//   counted as its own parent instead of its owner's, as when the registry corrects an ownership. Its
//   contributions' sources are rewritten, with their seats and report counts. This one is `reresolveMs`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import YAML from 'yaml';
import { loadRegistry, REGISTRY_DIR } from '../domain/resolve/registry.js';
import { get, startServer } from './server.js';
import { spread } from './stats.js';

export interface ReresolveRun {
  /** The server's own time for the re-resolution: the run's start to its commit (its log line); null when it failed. */
  ms: number | null;
  /** Why it failed, as the server logged it. */
  error: string | null;
  /** The server's start to its first answer, while the re-resolution was waiting to begin. */
  startMs: number;
  /** API pages requested while it ran: each one's milliseconds; failures apart. */
  apiMs: number[];
  apiFailures: string[];
}

export interface ReresolveFigures {
  unchanged: ReresolveRun;
  changed: ReresolveRun & { slug: string; formerParent: string; contributions: number; sourceRows: number; rewrittenRows: number };
  copyMs: number;
}

interface LogLine {
  job?: string;
  level?: string;
  msg?: string;
  seconds?: number;
  err?: unknown;
}

/** Starts the server on `dbFile` with the registry in `registryDir`, and times its background re-resolution. */
async function timeReresolution(dbFile: string, registryDir: string, maxId: number, log: (m: string) => void): Promise<ReresolveRun> {
  let finished: { seconds: number } | { error: string } | null = null;
  const server = await startServer({
    dbFile,
    env: { STDWATCH_REGISTRY_DIR: registryDir },
    onLogLine: (line) => {
      let entry: LogLine;
      try {
        entry = JSON.parse(line) as LogLine;
      } catch {
        return;
      }
      if (entry.job !== 'registry') return;
      if (typeof entry.seconds === 'number') finished = { seconds: entry.seconds };
      else if (entry.level === 'error') finished = { error: `${entry.msg ?? ''} ${JSON.stringify(entry.err ?? '')}`.trim() };
    },
  });
  try {
    const apiMs: number[] = [];
    const apiFailures: string[] = [];
    const started = performance.now();
    let lastReport = started;
    while (finished === null) {
      if (server.child.exitCode !== null || server.child.signalCode !== null) {
        finished = { error: `the server stopped (exit ${server.child.exitCode ?? server.child.signalCode}) before the re-resolution was done` };
        break;
      }
      const after = Math.floor(Math.random() * maxId);
      try {
        apiMs.push(await get(`${server.base}/api/contributions?limit=100&after=${after}`));
      } catch (error) {
        apiFailures.push(String(error));
      }
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        log(`  … ${((lastReport - started) / 1000).toFixed(0)} s, ${apiMs.length} API pages, slowest ${Math.round(Math.max(0, ...apiMs))} ms`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const outcome = finished as { seconds: number } | { error: string };
    const startMs = Math.round(server.startMs);
    if ('error' in outcome) return { ms: null, error: outcome.error, startMs, apiMs, apiFailures };
    return { ms: Math.round(outcome.seconds * 1000), error: null, startMs, apiMs, apiFailures };
  } finally {
    await server.stop();
  }
}

/** A copy of the registry folder (its YAML files) with `change` made to it, validated. */
function registryCopy(from: string, change: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-bench-registry-'));
  for (const name of fs.readdirSync(from).filter((f) => f.endsWith('.yaml'))) fs.copyFileSync(path.join(from, name), path.join(dir, name));
  change(dir);
  loadRegistry(dir); // throws when the change made the registry invalid
  return dir;
}

/** Removes `parent` from the record of `slug` in whichever YAML file of `dir` holds it. */
function makeOwnParent(dir: string, slug: string): void {
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const file = path.join(dir, name);
    const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
    const list = YAML.isSeq(doc.contents) ? doc.contents : doc.get('organizations');
    if (!YAML.isSeq(list)) continue;
    for (const item of list.items) {
      if (YAML.isMap(item) && item.get('slug') === slug) {
        item.delete('parent');
        fs.writeFileSync(file, doc.toString());
        return;
      }
    }
  }
  throw new Error(`no record of ${slug} in ${dir}`);
}

export async function measureReresolve(benchDb: string, log: (m: string) => void): Promise<ReresolveFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-bench-reresolve-'));
  const copy = path.join(dir, 'copy.db');
  const registryDirs: string[] = [];
  try {
    // The benchmark database's log written into it first, so that the file alone is the whole database.
    let t = performance.now();
    const bench = new Database(benchDb);
    bench.pragma('wal_checkpoint(TRUNCATE)');
    bench.close();
    fs.copyFileSync(benchDb, copy);
    const copyMs = performance.now() - t;
    log(`re-resolution: the database copied in ${(copyMs / 1000).toFixed(0)} s`);

    // The subsidiary named by the most contributions, among those with one owner at every date.
    const registry = loadRegistry();
    const db = new Database(copy, { readonly: true });
    const maxId = (db.prepare('select max(id) from contributions').pluck().get() as number);
    const candidates = db
      .prepare(`select o.slug, count(distinct s.contribution_id) as contributions, count(*) as sourceRows
        from contribution_sources s join organizations o on o.id = s.organization_id
        where s.parent_id <> s.organization_id group by o.id order by contributions desc limit 20`)
      .all() as Array<{ slug: string; contributions: number; sourceRows: number }>;
    db.close();
    const subsidiary = candidates.find((c) => {
      const record = registry.organizations.get(c.slug);
      return record?.parent && record.formerParents.length === 0 && record.namedUntil === null;
    });
    if (!subsidiary) throw new Error('no subsidiary with one owner is named by any contribution');
    const formerParent = registry.organizations.get(subsidiary.slug)!.parent!;

    // An organization no source names: the registry's content changes, no stored source does.
    const unchangedDir = registryCopy(REGISTRY_DIR, (d) =>
      fs.writeFileSync(
        path.join(d, 'zz-bench-change.yaml'),
        YAML.stringify([{ slug: 'stdwatch-bench-example', name: 'Stdwatch Bench Example Organisation', kind: 'company', country: null }]),
      ),
    );
    registryDirs.push(unchangedDir);
    log('re-resolution after adding an organization no source names: starting the server');
    const unchanged = await timeReresolution(copy, unchangedDir, maxId, log);
    log(`  ${unchanged.error ?? `done in ${unchanged.ms} ms`}; ${unchanged.apiMs.length} API pages meanwhile, slowest ${Math.round(Math.max(0, ...unchanged.apiMs))} ms`);

    const changedDir = registryCopy(unchangedDir, (d) => makeOwnParent(d, subsidiary.slug));
    registryDirs.push(changedDir);
    log(`re-resolution after ${subsidiary.slug} became its own parent (was ${formerParent}'s; ${subsidiary.contributions} contributions): starting the server`);
    const changedRun = await timeReresolution(copy, changedDir, maxId, log);
    log(`  ${changedRun.error ?? `done in ${changedRun.ms} ms`}; ${changedRun.apiMs.length} API pages meanwhile, slowest ${Math.round(Math.max(0, ...changedRun.apiMs))} ms`);
    const after = new Database(copy, { readonly: true });
    const rewrittenRows = after
      .prepare('select count(*) from contribution_sources s join organizations o on o.id = s.organization_id where o.slug = ? and s.parent_id = s.organization_id')
      .pluck()
      .get(subsidiary.slug) as number;
    after.close();
    return { unchanged, changed: { ...changedRun, slug: subsidiary.slug, formerParent, contributions: subsidiary.contributions, sourceRows: subsidiary.sourceRows, rewrittenRows }, copyMs };
  } finally {
    for (const d of registryDirs) fs.rmSync(d, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The JSON of the re-resolution: reresolveMs, and what it changed and how serving went meanwhile. */
export function reresolveFigures(r: ReresolveFigures): Record<string, unknown> {
  return {
    reresolveMs: r.changed.ms,
    reresolve: {
      changed: { error: r.changed.error, slug: r.changed.slug, formerParent: r.changed.formerParent, contributions: r.changed.contributions, sourceRows: r.changed.sourceRows, rewrittenRows: r.changed.rewrittenRows, ms: r.changed.ms, serverStartMs: r.changed.startMs, apiPagesMeanwhile: spread(r.changed.apiMs), apiFailures: r.changed.apiFailures },
      unchanged: { error: r.unchanged.error, ms: r.unchanged.ms, serverStartMs: r.unchanged.startMs, apiPagesMeanwhile: spread(r.unchanged.apiMs), apiFailures: r.unchanged.apiFailures },
      copyMs: Math.round(r.copyMs),
    },
  };
}
