// `npm install` on a machine that cannot download better-sqlite3's prebuilt binary: the postinstall
// script (bin/install-sqlite.js) compiles it against the headers of the running Node when they are next
// to it, and when compiling fails says what to do. The script runs as npm runs it, in a checkout whose
// better-sqlite3 does not load yet, with stand-ins for the two tools that would need the network or a
// compiler: prebuild-install (fails as offline) and node-gyp (records what it was given, then fails).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './support/app.js';

function offlineCheckout() {
  const dir = tempDir('stdwatch-install-');
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.copyFileSync(path.join(ROOT, 'bin', 'install-sqlite.js'), path.join(dir, 'bin', 'install-sqlite.js'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}');
  const pkg = path.join(dir, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), '{"name": "better-sqlite3", "version": "12.11.1", "main": "index.js"}');
  fs.writeFileSync(path.join(pkg, 'index.js'), "throw new Error('Could not locate the bindings file');");
  const bin = path.join(dir, 'node_modules', '.bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'prebuild-install'), '#!/bin/sh\necho "prebuild-install warn install getaddrinfo ENOTFOUND github.com" >&2\nexit 1\n', { mode: 0o755 });
  const nodeGyp = path.join(dir, 'node-gyp.cjs');
  fs.writeFileSync(
    nodeGyp,
    `require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'nodedir'))}, process.env.npm_config_nodedir ?? '');\n` +
      "console.error('gyp ERR! stack Error: This is most likely not a problem with node-gyp'); process.exit(1);\n",
  );
  return { dir, nodeGyp };
}

function install(env: Record<string, string>) {
  const { dir, nodeGyp } = offlineCheckout();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_config_'))) as Record<string, string>;
  const result = spawnSync(process.execPath, [path.join(dir, 'bin', 'install-sqlite.js')], {
    cwd: dir,
    env: { ...clean, npm_config_node_gyp: nodeGyp, ...env },
    encoding: 'utf8',
  });
  const nodedir = fs.existsSync(path.join(dir, 'nodedir')) ? fs.readFileSync(path.join(dir, 'nodedir'), 'utf8') : null;
  return { code: result.status, stderr: result.stderr, nodedir };
}

const prefix = path.dirname(path.dirname(process.execPath));
const versionFile = path.join(prefix, 'include', 'node', 'node_version.h');
const headersHere = fs.existsSync(versionFile) && fs.readFileSync(versionFile, 'utf8').includes(`#define NODE_PATCH_VERSION ${process.versions.node.split('.')[2]}`);
// Locally, a Node without its own headers skips the first case; CI (whose Node has them: .ci/run compiles
// better-sqlite3 against them) must run it, so there a skip would be a failure hidden.
if (!headersHere && process.env.CI) throw new Error(`${versionFile} is missing or not Node ${process.version}'s: CI must run the compile case`);

describe('npm install where the prebuilt SQLite driver cannot be downloaded', () => {
  it.runIf(headersHere)("compiles it against the running Node's own headers, without npm_config_nodedir", () => {
    const { code, stderr, nodedir } = install({});
    expect(stderr).toContain(`stdwatch: no prebuilt better-sqlite3 could be downloaded; compiling it (about a minute) against Node's headers in ${prefix}/include/node`);
    expect(nodedir).toBe(prefix);
    // The stand-in node-gyp fails: then the reason and what was tried are said.
    expect(code).toBe(1);
    expect(stderr).toContain('stdwatch: Its prebuilt binary could not be downloaded (prebuild-install warn install getaddrinfo ENOTFOUND github.com), and compiling it failed');
    expect(stderr).toContain(`It was compiled against the headers in ${prefix}/include/node; they must be those of Node ${process.version}`);
  });

  it('compiles against the nodedir the user set, and names it when that fails', () => {
    const given = install({ npm_config_nodedir: '/opt/node-headers' });
    expect(given.nodedir).toBe('/opt/node-headers');
    expect(given.stderr).toContain('It was compiled against the headers in /opt/node-headers/include/node');
  });

  it('does nothing when the driver already loads (npm versions that ran its own install script)', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'install-sqlite.js')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('is wired as npm runs it, and the README says what to do right under the quick start', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.postinstall).toBe('node bin/install-sqlite.js');
    expect(pkg.allowScripts['better-sqlite3']).toBe(false);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // Right under the three commands, before anything else is explained: the npm that honours
    // allowScripts, and the npm 10 that does not.
    const top = readme.split('\n').slice(0, 15).join('\n');
    expect(top).toContain('export npm_config_nodedir=<prefix>');
    expect(top).toMatch(/npm 10[^]*`export npm_config_nodedir=\/usr`[^]*before `npm install`/);
  });
});
