#!/usr/bin/env node
// Installs better-sqlite3's native module after `npm install` (package.json `postinstall`), in place of the
// package's own install script (denied in `allowScripts`), so that a machine that cannot download the
// prebuilt binary still installs with the plain `npm install`, or fails saying what to do.
//
// Why not the package's own script: it runs `prebuild-install || node-gyp rebuild`, and node-gyp, unless
// told `nodedir`, downloads Node's C headers; offline it fails blaming "network connectivity" or a proxy
// even where the headers of this very Node are installed next to it (/usr/include/node). No project
// .npmrc can fix that: `nodedir=/usr` there would compile against whatever headers /usr holds, of another
// Node or none. Here the headers next to the running Node are used only when their version is this Node's.
// npm versions that do not know `allowScripts` run the package's own script first; this one then finds
// the module working and does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const say = (line) => process.stderr.write(`stdwatch: ${line}\n`);

function works() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { encoding: 'utf8' });
  return probe.status === 0;
}

/** The prefix whose include/node holds the headers of exactly this Node, or null. */
function localHeaders() {
  const prefix = path.dirname(path.dirname(process.execPath));
  const versionFile = path.join(prefix, 'include', 'node', 'node_version.h');
  if (!existsSync(versionFile)) return null;
  const text = readFileSync(versionFile, 'utf8');
  const part = (name) => new RegExp(`#define NODE_${name}_VERSION (\\d+)`).exec(text)?.[1];
  return `v${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}` === process.version ? prefix : null;
}

/** Runs a step in better-sqlite3's folder, quietly: its output is shown only when the install fails. */
function run(command, args, env) {
  // The steps read the package they build from its folder; npm's variables of this project would mislead them.
  const own = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('npm_package_') && !name.startsWith('npm_lifecycle_')));
  const step = spawnSync(command, args, { cwd: packageDir, env: own, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { ok: step.status === 0, output: `${step.stdout ?? ''}${step.stderr ?? ''}${step.error ? String(step.error) : ''}`.trim() };
}

let packageDir;
try {
  packageDir = path.dirname(require.resolve('better-sqlite3/package.json'));
} catch {
  say('better-sqlite3 is not in node_modules: run `npm install` first.');
  process.exit(1);
}
if (works()) process.exit(0);

const bin = (name) => path.join(packageDir, '..', '.bin', name);
const prebuilt = run(bin('prebuild-install'), [], process.env);
if (prebuilt.ok && works()) process.exit(0);
const downloadError = prebuilt.output.split('\n').filter((line) => line.trim()).pop() ?? 'no reason given';

const env = { ...process.env };
if (!env.npm_config_nodedir) {
  const prefix = localHeaders();
  if (prefix) {
    say(`no prebuilt better-sqlite3 could be downloaded; compiling it (about a minute) against Node's headers in ${path.join(prefix, 'include', 'node')}`);
    env.npm_config_nodedir = prefix;
  } else {
    say(`no prebuilt better-sqlite3 could be downloaded; compiling it, node-gyp will download Node ${process.version}'s headers`);
  }
}
// npm names its own node-gyp to install scripts; outside npm, the one on PATH.
const nodeGyp = env.npm_config_node_gyp;
const built = nodeGyp ? run(process.execPath, [nodeGyp, 'rebuild', '--release'], env) : run('node-gyp', ['rebuild', '--release'], env);
if (built.ok && works()) process.exit(0);

process.stderr.write(`${built.output.split('\n').slice(-12).join('\n')}\n\n`);
say('better-sqlite3, the SQLite driver, could not be installed.');
say(`Its prebuilt binary could not be downloaded (${downloadError}), and compiling it failed (node-gyp's last lines above).`);
if (env.npm_config_nodedir) {
  say(`It was compiled against the headers in ${env.npm_config_nodedir}/include/node; they must be those of Node ${process.version}, and python3, make and a C++ compiler must be installed.`);
} else {
  say(`Compiling needs the C headers of Node ${process.version}: none are installed next to ${process.execPath} and they could not be downloaded.`);
  say(`Install them (they come with Node's official builds and Debian's nodejs package as <prefix>/include/node), then run: export npm_config_nodedir=<prefix>; npm install`);
}
process.exit(1);
