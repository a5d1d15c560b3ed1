#!/usr/bin/env node
// `npm run build`: the TypeScript sources compiled to plain JavaScript in dist/, one file per source in
// the same folders (esbuild, no bundling: each module is transpiled alone, so `await import()` stays
// lazy and every package is loaded from node_modules as before), for `stdwatch` and `npm start` to run
// with Node alone. Node 20 cannot run TypeScript, and tsx compiling each module on every start was most
// of a 4 s server start. The build also writes the organization registry's parse (domain/resolve/
// registry.ts, loadRegistry) and dist/build.json, the sources' modification times as compiled, by which
// bin/stdwatch.js refuses a build older than its sources.
//
// npm runs it on `npm install` and `npm ci` (`prepare`) and before `npm start` (`prestart`, with
// `--if-stale`: only when a source changed since).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHECKOUT = fileURLToPath(new URL('..', import.meta.url));

/** The folders `stdwatch` runs (tests, benchmarks and bin/ are not compiled: they run through tsx or as they are). */
const SOURCE_DIRS = ['cli', 'db', 'domain', 'scrapers', 'server'];

/** Where the build goes, in the checkout (git ignores it); domain/project.ts finds the checkout from there. */
export const BUILD_DIR = 'dist';

const RECORD = 'build.json';

/** Every TypeScript source compiled, as paths from the checkout's root with `/`, in order. */
function sourceFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(relative);
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  return files.sort();
}

/**
 * Why the build in dist/ is not the sources' own — missing, or a source changed, added or removed
 * since it was made — or null when it is. Reads only the sources' modification times (a few ms).
 */
export function staleness(root = CHECKOUT) {
  let compiled;
  try {
    compiled = JSON.parse(fs.readFileSync(path.join(root, BUILD_DIR, RECORD), 'utf8')).sources;
  } catch {
    return `there is no build in ${BUILD_DIR}/`;
  }
  const files = sourceFiles(root);
  for (const file of files) {
    if (!(file in compiled)) return `${file} is new since the last build`;
    if (fs.statSync(path.join(root, file)).mtimeMs !== compiled[file]) return `${file} changed since the last build`;
  }
  const removed = Object.keys(compiled).find((file) => !files.includes(file));
  return removed ? `${removed} was removed since the last build` : null;
}

/** Compiles every source into dist/ (replaced whole once complete); resolves to the number of files. */
export async function build(root = CHECKOUT) {
  const files = sourceFiles(root);
  // Taken before compiling: a source saved during the build makes it stale, as it should.
  const sources = Object.fromEntries(files.map((file) => [file, fs.statSync(path.join(root, file)).mtimeMs]));
  const esbuild = await import('esbuild');
  const target = path.join(root, BUILD_DIR);
  const next = `${target}.${process.pid}.next`;
  fs.rmSync(next, { recursive: true, force: true });
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: files,
      outdir: next,
      outbase: '.',
      format: 'esm',
      platform: 'node',
      // package.json's engines; from 20.10 Node knows import attributes, and the JSON import needs one.
      target: 'node20.18',
      logLevel: 'warning',
    });
    // The registry's parse goes beside its compiled module, made by that module (it checks the registry).
    const registry = await import(pathToFileURL(path.join(next, 'domain', 'resolve', 'registry.js')).href);
    registry.writeBuiltRegistryParse();
    fs.writeFileSync(path.join(next, RECORD), `${JSON.stringify({ sources }, null, 1)}\n`);
    // Swapped in whole: a command started meanwhile runs the old build or the new one, never a mix (or,
    // between the two renames, finds none and says so).
    const previous = `${target}.${process.pid}.previous`;
    try {
      fs.renameSync(target, previous);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    fs.renameSync(next, target);
    fs.rmSync(previous, { recursive: true, force: true });
  } finally {
    fs.rmSync(next, { recursive: true, force: true });
  }
  return files.length;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  try {
    // `--if-stale` (npm start): nothing to do when dist/ is the sources' own (npm install made it).
    if (process.argv.includes('--if-stale') && staleness() === null) process.exit(0);
    const count = await build();
    if (!process.argv.includes('--quiet')) {
      process.stderr.write(`stdwatch: built ${count} sources into ${BUILD_DIR}/ in ${Math.round(performance.now() - started)} ms\n`);
    }
  } catch (error) {
    process.stderr.write(`stdwatch: the build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
