// Looks through everything a stdwatch instance keeps — every column of every table, and every file of
// the raw archive, workbooks unpacked — for e-mail addresses and for given names. Its address test is
// its own (plain patterns of the spellings), not the code under test.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { TestApp } from './app.js';

/** The spellings of an address the published files use, caught without the code that removes them. */
const ADDRESS_SPELLINGS: [string, RegExp][] = [
  ['@', /[\w.%+-]\s?@\s?[\w-]+/],
  ['%40', /\w%40\w/],
  ['&#64;', /&#0*64;|&#x0*40;/i],
  ['(at) [at] <at> {at}', /[([<{]\s*at\s*[)\]>}]|&lt;\s*at\s*&gt;/i],
  ['x at y.z', /\b[\w.-]+ at [\w-]+(?:\.| dot )[a-z]{2,}\b/i],
];

export interface Finding {
  /** `table.column` or `archive:<file>[<entry>]`. */
  where: string;
  what: string;
  excerpt: string;
}

function findIn(where: string, text: string, names: readonly string[]): Finding[] {
  const found: Finding[] = [];
  for (const [what, pattern] of ADDRESS_SPELLINGS) {
    const m = pattern.exec(text);
    if (m) found.push({ where, what: `address (${what})`, excerpt: text.slice(Math.max(0, m.index - 40), m.index + 40) });
  }
  for (const name of names) {
    // A name as a word: "Livia" is not in "Bolivia".
    const m = new RegExp(`(?<!\\p{L})${name}(?!\\p{L})`, 'iu').exec(text);
    if (m) found.push({ where, what: `name ${name}`, excerpt: text.slice(Math.max(0, m.index - 40), m.index + 40) });
  }
  return found;
}

/** Every table's every column, as text (the full-text index's shadow tables hold only the tokens of `contributions`). */
function scanDatabase(app: TestApp, names: readonly string[]): Finding[] {
  const client = app.db.$client;
  const tables = client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%'").pluck().all() as string[];
  const found: Finding[] = [];
  for (const table of tables) {
    const columns = (client.prepare(`select name from pragma_table_info('${table}')`).pluck().all() as string[]);
    for (const column of columns) {
      const values = client.prepare(`select distinct cast("${column}" as text) from "${table}" where "${column}" is not null`).pluck().all() as string[];
      for (const value of values) found.push(...findIn(`${table}.${column}`, value, names));
    }
  }
  return found;
}

/** Each archived file: a ZIP (a workbook) entry by entry, decompressed; anything else as text. */
function scanArchive(app: TestApp, names: readonly string[]): Finding[] {
  const found: Finding[] = [];
  const files = fs.existsSync(app.archive.dir) ? (fs.readdirSync(app.archive.dir, { recursive: true }) as string[]) : [];
  for (const file of files.map((f) => path.join(app.archive.dir, f)).filter((f) => fs.statSync(f).isFile())) {
    const bytes = fs.readFileSync(file);
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      const container = XLSX.CFB.read(bytes, { type: 'buffer' });
      container.FileIndex.forEach((entry: { content?: unknown }, i: number) => {
        if (entry.content) found.push(...findIn(`archive:${path.basename(file)}[${container.FullPaths[i]}]`, Buffer.from(entry.content as Uint8Array).toString('utf-8'), names));
      });
    } else {
      found.push(...findIn(`archive:${path.basename(file)}`, bytes.toString('utf-8'), names));
    }
  }
  return found;
}

/** Every address and every one of `names` (words, no pattern characters) found anywhere the instance keeps data; none is the goal. */
export function personalDataKept(app: TestApp, names: readonly string[]): Finding[] {
  return [...scanDatabase(app, names), ...scanArchive(app, names)];
}
