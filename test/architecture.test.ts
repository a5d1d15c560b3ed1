// The house rules, checked on the sources as they are: the layers point one way with no import cycles
// (.dependency-cruiser.cjs says which way), and no source file grows past 500 lines (the schema and
// generated files aside) — past that, a file is usually two.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIRS = ['domain', 'scrapers', 'db', 'server', 'cli', 'bin', 'bench'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(relative);
    return /\.(ts|js)$/.test(entry.name) ? [relative] : [];
  });
}

describe('the layers', () => {
  it('point one way, without import cycles', () => {
    const bin = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
    let output = '';
    try {
      output = execFileSync(bin, ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...SOURCE_DIRS], { cwd: ROOT, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toContain('no dependency violations found');
  }, 60_000);
});

describe('the source files', () => {
  it('are at most 500 lines each (db/schema.ts aside: it is the one place that knows the tables)', () => {
    const long = SOURCE_DIRS.flatMap(sourceFiles)
      .filter((file) => file !== path.join('db', 'schema.ts'))
      .map((file) => [file, fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 500);
    expect(long).toEqual([]);
  });
});
