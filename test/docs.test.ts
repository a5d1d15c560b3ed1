// The README and the reference under docs/ as a reader follows them: every relative link leads to a
// file of the checkout, and every #anchor to a heading of that file (as GitHub names headings); every
// reference page is linked from the README and opens with its title and a summary; every route the
// server answers is named in the README.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../scrapers/sources.js';
import { snapshotManifest } from '../scrapers/pipeline/seed.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = path.join(ROOT, 'docs');
const docPages = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md')).sort();
const pages = ['README.md', ...docPages.map((f) => `docs/${f}`)];
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The text outside fenced code blocks and inline code, where a link is a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '``');
}

/** Link targets: `[text](target)` and `![alt](target)`, titles left off. */
function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*([^)\s]+)(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (code marks too), spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown file's headings, a repeated heading numbered as GitHub does (-1, -2). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const m of markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

/** The relative links of `file` (a path from the checkout's root) that lead nowhere, with the reason. */
function brokenLinks(file: string, markdown: string, exists = (p: string) => fs.existsSync(path.join(ROOT, p)), readTarget = read): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // https:, mailto: … — not a file of the checkout
    const [rawPath, anchor] = target.split('#') as [string, string | undefined];
    const targetFile = rawPath === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(rawPath)));
    if (targetFile.startsWith('..')) {
      broken.push(`${target}: outside the checkout`);
      continue;
    }
    if (!exists(targetFile)) {
      broken.push(`${target}: no file ${targetFile}`);
      continue;
    }
    if (anchor !== undefined && targetFile.endsWith('.md') && !anchors(readTarget(targetFile)).has(anchor)) {
      broken.push(`${target}: no heading #${anchor} in ${targetFile}`);
    }
  }
  return broken;
}

describe('the link checker itself', () => {
  it('names the heading anchors as GitHub does', () => {
    expect(slug("The overview's charts")).toBe('the-overviews-charts');
    expect(slug('Curation: `orgs suggest` and `orgs accept`')).toBe('curation-orgs-suggest-and-orgs-accept');
    expect(slug('Work-item rapporteurs (`3gpp:workplan`)')).toBe('work-item-rapporteurs-3gppworkplan');
    expect([...anchors('# A\n## Limits\n### Limits\n```\n# not a heading\n```\n')]).toEqual(['a', 'limits', 'limits-1']);
  });

  it('finds a link to a missing file, a missing heading and a way out of the checkout, and passes good ones', () => {
    const files: Record<string, string> = { 'docs/a.md': '# A\n\n## Good part\n', 'docs/b.png': '' };
    const markdown = [
      '[ok](a.md) [ok](a.md#good-part) ![ok](b.png) [ok](https://example.org/x) [ok](#here)',
      '## Here',
      '[gone](c.md) [no heading](a.md#bad-part) [out](../../etc/passwd)',
      '`[in code](nowhere.md)`',
      '```\n[in a block](nowhere.md)\n```',
    ].join('\n');
    const broken = brokenLinks('docs/x.md', markdown, (p) => p === 'docs/x.md' || p in files, (p) => (p === 'docs/x.md' ? markdown : files[p]!));
    expect(broken).toEqual(['c.md: no file docs/c.md', 'a.md#bad-part: no heading #bad-part in docs/a.md', '../../etc/passwd: outside the checkout']);
  });
});

describe('the README and docs/', () => {
  it.each(pages)('%s: every relative link and anchor resolves', (file) => {
    expect(brokenLinks(file, read(file))).toEqual([]);
  });

  it('the README links every reference page', () => {
    const linked = new Set(linkTargets(read('README.md')).map((t) => t.split('#')[0]));
    expect(docPages.filter((f) => !linked.has(`docs/${f}`))).toEqual([]);
    expect(docPages.length).toBeGreaterThanOrEqual(12);
  });

  it.each(docPages)('docs/%s opens with its title and a summary paragraph', (file) => {
    const [title, blank, ...rest] = read(`docs/${file}`).split('\n');
    expect(title).toMatch(/^# \S/);
    expect(blank).toBe('');
    const summary = rest.slice(0, rest.indexOf(''));
    expect(summary.join(' ').length).toBeGreaterThan(200);
    expect(summary.every((line) => !/^(#|\||```|- |\d+\. |!\[)/.test(line))).toBe(true);
  });

  it('the README names every route the server answers', () => {
    const routesDir = path.join(ROOT, 'server', 'routes');
    const declared = fs
      .readdirSync(routesDir)
      .flatMap((f) => [...fs.readFileSync(path.join(routesDir, f), 'utf8').matchAll(/router\.(get|post)\(\s*(\[[^\]]*\]|'[^']*')/g)])
      .flatMap((m) => [...m[2]!.matchAll(/'([^']*)'/g)].map((p) => ({ method: m[1]!, path: p[1]!.replace('{.:format}', '') })));
    expect(declared.length).toBeGreaterThan(25);
    const readme = read('README.md');
    // The path as a whole, not as the start of a longer one (`/leadership` is not named by `/leadership/seats`).
    const named = (p: string) => new RegExp(`(?<![\\w/:.])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/:.-])`).test(readme);
    expect(named('/leadership')).toBe(true);
    expect(named('/leader')).toBe(false);
    const missing = declared.filter(({ path: p }) => p !== '/index' && !named(p));
    expect(missing).toEqual([]);
  });

  it('counts the sources a start-up scrape runs, and the snapshot\'s RAN1 meetings, as they are', () => {
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
    const said = /each of its (\w+) sources/.exec(read('docs/operations.md'))?.[1];
    expect(words.indexOf(said ?? '')).toBe(SOURCES.length);
    const ran1 = snapshotManifest().files.filter((f) => f.file.startsWith('3gpp/ran1/')).length;
    const flat = (page: string) => read(page).replace(/\s+/g, ' ');
    expect(flat('README.md')).toContain(`(${ran1} meetings, RAN1#100 to RAN1#122-bis`);
    expect(flat('docs/sources.md')).toContain(`RAN1's ${ran1} meetings from RAN1#100 to RAN1#122-bis`);
  });
});
