// Every parser on every fixture that has an expected file: `test/fixtures/<body>/<case>.<ext>` is read by
// the parser its `<case>.expected.json` names, and what it reads must be what the expected file says —
// the fields that hold for the whole file, and the records written out in full. The expected values were
// checked by hand against the file (each expected file says how); none is computed by the code under
// test. A new real case is two files: the capture and its expected file (test/fixtures/README.md).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { detectFormat } from '../../scrapers/formats.js';
import { FIXTURES } from '../support/app.js';
import { FIXTURE_PARSERS, type Reading } from '../support/fixture-parsers.js';

const expectedFileSchema = z
  .object({
    parser: z.string(),
    options: z.record(z.string(), z.unknown()).default({}),
    /** How the values were checked against the file: by whom is not said, by what means is. */
    checked: z.string().min(20),
    /** What `stdwatch import` takes the file for (scrapers/formats.ts), when it imports such files. */
    importedAs: z.string().optional(),
    /** Whole-file fields, each exactly. Every whole-file field of the reading is here or in fileIncludes. */
    file: z.record(z.string(), z.unknown()).default({}),
    /** Whole-file fields given in part: objects by the keys given, lists by the items given. */
    fileIncludes: z.record(z.string(), z.unknown()).default({}),
    count: z.number().int().nonnegative().optional(),
    /** Every record's ref, in the file's order. */
    refs: z.array(z.string()).optional(),
    /** How many records have each value of a field (`null` for none). */
    tally: z.record(z.string(), z.record(z.string(), z.number().int())).optional(),
    /** A field's distinct values in the order they first occur. */
    distinct: z.record(z.string(), z.array(z.unknown())).optional(),
    /** How many distinct values a field has (`ref` 1380: no row read twice). */
    distinctCount: z.record(z.string(), z.number().int()).optional(),
    /** Fields every record has with this value. */
    every: z.record(z.string(), z.unknown()).optional(),
    /** Fields no record has with this value. */
    none: z.record(z.string(), z.unknown()).optional(),
    /** Numbers known by hand only as a lower bound: whole-file fields by their path, `count` the records. */
    atLeast: z.record(z.string(), z.number()).optional(),
    /** Text that must be nowhere in what the parser returns (case ignored): phone numbers, addresses. */
    neverContains: z.array(z.string()).optional(),
    /** Records written out in full, every field; all records sharing a ref, in the file's order. */
    records: z.array(z.record(z.string(), z.unknown())).default([]),
    /** Refs that no record may have. */
    absent: z.array(z.string()).optional(),
  })
  .strict();
type ExpectedFile = z.infer<typeof expectedFileSchema>;

interface FixtureCase {
  /** `3gpp/TDoc_List_Meeting_RAN#104.xlsx`: how failures name it. */
  name: string;
  fixture: string;
  expected: ExpectedFile;
}

function expectedFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return expectedFiles(full);
    return entry.name.endsWith('.expected.json') ? [full] : [];
  });
}

/** The file beside `<case>.expected.json` named `<case>.<ext>`. */
function fixtureOf(expectedPath: string): string {
  const dir = path.dirname(expectedPath);
  const base = path.basename(expectedPath, '.expected.json');
  const candidates = fs.readdirSync(dir).filter((f) => f !== path.basename(expectedPath) && f.startsWith(`${base}.`) && !f.slice(base.length + 1).includes('.'));
  if (candidates.length !== 1) throw new Error(`${path.relative(FIXTURES, expectedPath)}: ${candidates.length === 0 ? 'no file' : `several files (${candidates.join(', ')})`} named ${base}.<ext> beside it`);
  return path.join(dir, candidates[0]!);
}

const cases: FixtureCase[] = expectedFiles(FIXTURES)
  .sort()
  .map((expectedPath) => {
    const fixture = fixtureOf(expectedPath);
    const parsed = expectedFileSchema.safeParse(JSON.parse(fs.readFileSync(expectedPath, 'utf8')));
    if (!parsed.success) throw new Error(`${path.relative(FIXTURES, expectedPath)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { name: path.relative(FIXTURES, fixture).split(path.sep).join('/'), fixture, expected: parsed.data };
  });

/** A field by its dotted path (`group.code`, `counts.overdue`). */
function at(value: unknown, fieldPath: string): unknown {
  return fieldPath.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** What `stdwatch import` takes a file for, or why it refuses it. */
function importedAs(bytes: Buffer): string {
  try {
    return detectFormat(bytes);
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

const key = (value: unknown) => (value === null || value === undefined ? 'null' : typeof value === 'string' ? value : JSON.stringify(value));

describe('parsers on their fixtures, against the expected records', () => {
  it('finds the expected files, each naming a parser stdwatch has, and a case for every parser', () => {
    expect(cases.filter((c) => !FIXTURE_PARSERS[c.expected.parser]).map((c) => `${c.name}: ${c.expected.parser}`)).toEqual([]);
    expect(Object.keys(FIXTURE_PARSERS).filter((parser) => !cases.some((c) => c.expected.parser === parser))).toEqual([]);
  });

  describe.each(cases)('$name', ({ name, fixture, expected }) => {
    const parser = FIXTURE_PARSERS[expected.parser]!;
    const refOf = (record: object) => parser.ref?.(record as never) ?? '';
    let reading: Reading | undefined;
    const read = (): Reading => (reading ??= parser.read(fs.readFileSync(fixture), expected.options));

    it(`reads as a whole what the expected file says (${expected.parser})`, () => {
      const { file, records } = read();
      for (const field of Object.keys(file)) {
        if (field in expected.file) expect.soft(file[field], `${name} · ${field}`).toEqual(expected.file[field]);
        else if (field in expected.fileIncludes) {
          const given = expected.fileIncludes[field];
          if (Array.isArray(given)) expect.soft(file[field], `${name} · ${field}`).toEqual(expect.arrayContaining(given));
          else expect.soft(file[field], `${name} · ${field}`).toMatchObject(given as object);
        }
      }
      const given = [...Object.keys(expected.file), ...Object.keys(expected.fileIncludes)];
      expect.soft(Object.keys(file).filter((f) => !given.includes(f)), `${name}: whole-file fields the expected file does not give`).toEqual([]);
      expect.soft(given.filter((f) => !(f in file)), `${name}: fields the expected file gives that the ${expected.parser} reading does not have`).toEqual([]);
      for (const [field, least] of Object.entries(expected.atLeast ?? {})) {
        expect.soft(field === 'count' ? records?.length : at(file, field), `${name} · ${field}`).toBeGreaterThanOrEqual(least);
      }
      for (const text of expected.neverContains ?? []) {
        expect.soft(JSON.stringify({ file, records }).toLowerCase().includes(text.toLowerCase()), `${name}: holds "${text}"`).toBe(false);
      }
      if (expected.importedAs) expect.soft(importedAs(fs.readFileSync(fixture)), `${name} · the import's format`).toBe(expected.importedAs);
      if (!records) {
        const given: string[] = (['count', 'refs', 'tally', 'distinct', 'distinctCount', 'every', 'none', 'absent'] as const).filter((k) => expected[k] !== undefined);
        if (expected.records.length > 0) given.push('records');
        expect(given, `${name}: the ${expected.parser} reading has no records`).toEqual([]);
        return;
      }
      if (expected.atLeast?.['count'] === undefined) {
        expect.soft(expected.count, `${name}: the expected file gives no count of records`).toBeDefined();
        expect.soft(records.length, `${name} · number of records`).toBe(expected.count);
      }
      if (records.length > 0) expect.soft(expected.records.length, `${name}: no record written out`).toBeGreaterThan(0);
      if (expected.refs) expect.soft(records.map(refOf), `${name} · refs in order`).toEqual(expected.refs);
      for (const [field, counts] of Object.entries(expected.tally ?? {})) {
        const tally: Record<string, number> = {};
        for (const record of records) tally[key(at(record, field))] = (tally[key(at(record, field))] ?? 0) + 1;
        expect.soft(tally, `${name} · records by ${field}`).toEqual(counts);
      }
      for (const [field, values] of Object.entries(expected.distinct ?? {})) {
        const seen = new Map<string, unknown>();
        for (const record of records) if (!seen.has(key(at(record, field)))) seen.set(key(at(record, field)), at(record, field));
        expect.soft([...seen.values()], `${name} · distinct ${field}`).toEqual(values);
      }
      for (const [field, n] of Object.entries(expected.distinctCount ?? {})) {
        expect.soft(new Set(records.map((r) => key(at(r, field)))).size, `${name} · distinct ${field} values`).toBe(n);
      }
      for (const [field, value] of Object.entries(expected.every ?? {})) {
        const others = records.filter((r) => key(at(r, field)) !== key(value)).map(refOf);
        expect.soft(others, `${name} · records whose ${field} is not ${key(value)}`).toEqual([]);
      }
      for (const [field, value] of Object.entries(expected.none ?? {})) {
        const these = records.filter((r) => key(at(r, field)) === key(value)).map(refOf);
        expect.soft(these, `${name} · records whose ${field} is ${key(value)}`).toEqual([]);
      }
    });

    const refs = [...new Set(expected.records.map((r) => refOf(r)))];
    if (refs.length > 0) {
      it.each(refs)('record %s, every field', (ref) => {
        const actual = (read().records ?? []).filter((r) => refOf(r) === ref) as Record<string, unknown>[];
        const wanted = expected.records.filter((r) => refOf(r) === ref);
        expect(actual.length, `${name} · ${ref}: records named so`).toBe(wanted.length);
        wanted.forEach((record, i) => {
          const label = wanted.length > 1 ? `${name} · ${ref} [${i + 1} of ${wanted.length}]` : `${name} · ${ref}`;
          for (const field of new Set([...Object.keys(record), ...Object.keys(actual[i]!)])) {
            const where = field in record ? `${label} · ${field}` : `${label} · ${field} (not in the expected record)`;
            expect.soft(actual[i]![field], where).toEqual(record[field]);
          }
        });
      });
    }

    if (expected.absent) {
      it('has no record of the refs the expected file says are absent', () => {
        const present = (read().records ?? []).map(refOf).filter((ref) => expected.absent!.includes(ref));
        expect(present, `${name} · records that should not be there`).toEqual([]);
      });
    }
  });
});
