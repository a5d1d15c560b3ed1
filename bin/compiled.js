// The command's TypeScript compiled once into a cache and run by Node itself, instead of through tsx's
// loader hooks on every start: tsx hands each module to a second thread to compile (or fetch from its
// cache), which was about 1.5 s of a 4 s `stdwatch serve` start. Nothing to run by hand: the first run
// after a change to any compiled file compiles again (esbuild, which tsx itself uses; ~0.5 s), later
// runs reuse it. When esbuild cannot be loaded or the compile fails, bin/stdwatch.js runs the sources
// through tsx as before; STDWATCH_COMPILED=0 always does.
//
// What the compile keeps as it was: every package stays a package import (loaded from node_modules
// as tsx would, only the JSON files imported from packages are inlined); each `await import()` of a
// source file stays a separate chunk loaded when first imported (so a started server still loads no
// scraper or chart module); `import.meta.url` is the source file's own address, so every path a module
// computes from it (templates, migrations, the registry, the snapshot, worker scripts) is in the
// checkout, read at run time as before. The cache (.cache/compiled/<node version>/ in the checkout) is
// reused only while every input file, package.json and package-lock.json have the size and modification
// time they had.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHECKOUT = fileURLToPath(new URL('..', import.meta.url));

/** In the checkout (git ignores it), so the compiled chunks find the packages in its node_modules as the sources do. */
function cacheDir(root) {
  return path.join(root, '.cache', 'compiled', process.version);
}

/** Size and modification time of each input, as the compile saw them. */
function stamp(root, file) {
  const stat = fs.statSync(path.join(root, file));
  return [stat.size, stat.mtimeMs];
}

/** The compiled entry of the last compile, when every one of its inputs is unchanged. */
function current(root, dir) {
  let pointer;
  try {
    pointer = JSON.parse(fs.readFileSync(path.join(dir, 'current.json'), 'utf8'));
  } catch {
    return null;
  }
  try {
    for (const [file, [size, mtimeMs]] of Object.entries(pointer.inputs)) {
      const [nowSize, nowMtime] = stamp(root, file);
      if (nowSize !== size || nowMtime !== mtimeMs) return null;
    }
  } catch {
    return null; // an input was removed
  }
  const entry = path.join(dir, pointer.build, 'main.js');
  return fs.existsSync(entry) ? entry : null;
}

/** Packages stay imports of node_modules, except JSON files, which are inlined (Node 20 would want an import attribute). */
const packagesExternal = {
  name: 'packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.endsWith('.json') ? undefined : { path: args.path, external: true }));
  },
};

/** `import.meta.url` of each source file is its own address in the checkout, not the compiled chunk's. */
const sourceImportMeta = {
  name: 'source-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      return { contents: text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

async function compile(root, dir, entry) {
  const esbuild = await import('esbuild');
  const build = `build-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const outdir = path.join(dir, build);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    outdir,
    metafile: true,
    logLevel: 'silent',
    plugins: [packagesExternal, sourceImportMeta],
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), 'package.json', 'package-lock.json']) {
    if (fs.existsSync(path.join(root, file))) inputs[file] = stamp(root, file);
  }
  // Written whole, then renamed: a start reading it meanwhile sees the old pointer or the new one.
  const temporary = path.join(dir, `current.json.${process.pid}.tmp`);
  fs.writeFileSync(temporary, JSON.stringify({ build, inputs }));
  fs.renameSync(temporary, path.join(dir, 'current.json'));
  return path.join(outdir, 'main.js');
}

/**
 * The address of the compiled `entry` (a path relative to `root`, the checkout) to import, compiling
 * it first when needed; null when it cannot be compiled (then run the sources through tsx).
 */
export async function compiledEntry(entry, root = CHECKOUT) {
  if (process.env.STDWATCH_COMPILED === '0') return null;
  try {
    const dir = cacheDir(root);
    fs.mkdirSync(dir, { recursive: true });
    const file = current(root, dir) ?? (await compile(root, dir, entry));
    return pathToFileURL(file).href;
  } catch {
    return null;
  }
}
