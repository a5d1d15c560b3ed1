// bin/compiled.js: the command's TypeScript compiled once into .cache/ and run by Node, recompiled when
// an input changes, with each module's import.meta.url its source file's and `await import()` still lazy.
// Run on a small project in a temporary folder, in a child process (plain Node, as bin/stdwatch.js is).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './support/app.js';

const COMPILED = pathToFileURL(path.join(ROOT, 'bin', 'compiled.js')).href;

/** Compiles (or reuses) `main.ts` of `root` and runs it; its output, and the build it ran. */
function run(root: string, env: Record<string, string> = {}): { output: string; build: string | null } {
  const script = `const { compiledEntry } = await import(${JSON.stringify(COMPILED)});
const url = await compiledEntry('main.ts', ${JSON.stringify(root)});
if (!url) { console.log('not compiled'); process.exit(0); }
await import(url);`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
  const pointer = path.join(root, '.cache', 'compiled', process.version, 'current.json');
  const build = fs.existsSync(pointer) ? (JSON.parse(fs.readFileSync(pointer, 'utf8')) as { build: string }).build : null;
  return { output, build };
}

function project(): string {
  const root = tempDir('stdwatch-compiled-');
  fs.mkdirSync(path.join(root, 'lib', 'data'), { recursive: true });
  fs.writeFileSync(path.join(root, 'lib', 'data', 'word.txt'), 'from the source folder');
  fs.writeFileSync(
    path.join(root, 'lib', 'dep.ts'),
    `import fs from 'node:fs';\nimport { fileURLToPath } from 'node:url';\nexport const word: string = fs.readFileSync(fileURLToPath(new URL('./data/word.txt', import.meta.url)), 'utf8');\nexport const version = 1;\n`,
  );
  fs.writeFileSync(path.join(root, 'lib', 'lazy.ts'), `(globalThis as { lazyLoaded?: boolean }).lazyLoaded = true;\nexport const lazy = 'lazy module';\n`);
  fs.writeFileSync(
    path.join(root, 'main.ts'),
    `import { version, word } from './lib/dep.js';\nconst g = globalThis as { lazyLoaded?: boolean };\nconsole.log(\`v\${version} \${word} lazy-before=\${g.lazyLoaded === true}\`);\nconst { lazy } = await import('./lib/lazy.js');\nconsole.log(\`\${lazy} lazy-after=\${g.lazyLoaded === true}\`);\n`,
  );
  return root;
}

describe('the compiled command (bin/compiled.js)', () => {
  it('compiles once, reads files next to the sources, keeps dynamic imports lazy, and compiles again after a change', () => {
    const root = project();
    const first = run(root);
    expect(first.output).toBe('v1 from the source folder lazy-before=false\nlazy module lazy-after=true');
    expect(first.build).toMatch(/^build-/);
    // The dynamic import is a chunk of its own.
    expect(fs.readdirSync(path.join(root, '.cache', 'compiled', process.version, first.build!)).length).toBeGreaterThan(1);

    const second = run(root);
    expect(second).toEqual(first);

    fs.writeFileSync(path.join(root, 'lib', 'dep.ts'), fs.readFileSync(path.join(root, 'lib', 'dep.ts'), 'utf8').replace('version = 1', 'version = 22'));
    const third = run(root);
    expect(third.output).toBe('v22 from the source folder lazy-before=false\nlazy module lazy-after=true');
    expect(third.build).not.toBe(first.build);
  });

  it('gives nothing to run with STDWATCH_COMPILED=0 or when the sources do not compile (bin/stdwatch.js then runs them through tsx)', () => {
    const root = project();
    expect(run(root, { STDWATCH_COMPILED: '0' }).output).toBe('not compiled');
    fs.writeFileSync(path.join(root, 'main.ts'), 'import { nothing } from "./lib/missing.js";\nconsole.log(nothing);\n');
    expect(run(root).output).toBe('not compiled');
  });

  it('runs the real command the same way as through tsx', () => {
    const args = [path.join(ROOT, 'bin', 'stdwatch.js'), 'resolve', '--json', 'Huawei, HiSilicon', 'Motorola Mobility'];
    const compiled = execFileSync(process.execPath, args, { encoding: 'utf8' });
    const throughTsx = execFileSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, STDWATCH_COMPILED: '0' } });
    expect(compiled).toBe(throughTsx);
    // As in test/cli.test.ts: HiSilicon rolls up to Huawei.
    expect(compiled).toContain('"HiSilicon"');
  }, 60_000);
});
