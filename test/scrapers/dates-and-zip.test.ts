// Small readers with sharp edges: the date conventions of the TDoc lists, and the ZIP check.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parseHeldRange, parseListDate } from '../../domain/dates.js';
import { UnreadableInputError } from '../../scrapers/errors.js';
import { outcomeOf } from '../../domain/outcomes.js';
import { listZipEntries } from '../../scrapers/zip.js';
import { fixture } from '../support/app.js';

describe('dates of the TDoc lists', () => {
  it('reads Excel serials and both text conventions (checked against the Uploaded serial of the same rows)', () => {
    expect(excelSerialToDate(45414.9219636574)).toBe('2024-05-02');
    expect(parseListDate(44151.3842511227)).toBe('2020-11-16');
    expect(parseListDate('02/05/2024 22:05:38')).toBe('2024-05-02'); // RAN#104: day first, 24-hour clock
    expect(parseListDate('4/26/2023 7:16:46 PM')).toBe('2023-04-26'); // RAN#100: month first, AM/PM
    expect(parseListDate('')).toBeNull();
    expect(parseListDate('31/02/2024 10:00:00')).toBeNull();
  });

  it('reads the meeting days of an agenda title, across a new year', () => {
    expect(parseHeldRange('Agenda for meeting RAN #104 held 17.06.-20.06.2024 in Shanghai, China')).toEqual({
      start: '2024-06-17',
      end: '2024-06-20',
      town: 'Shanghai, China',
    });
    expect(parseHeldRange('Agenda for electronic meeting RAN #90e held 07.12.-11.12.2020')).toEqual({ start: '2020-12-07', end: '2020-12-11', town: null });
    expect(parseHeldRange('held 29.12.-02.01.2025')?.start).toBe('2024-12-29');
  });
});

describe('the ZIP check before a workbook is read', () => {
  const workbook = fs.readFileSync(fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'));

  it('lists the entries of a real workbook', () => {
    const entries = listZipEntries(workbook);
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    expect(entries.find((e) => e.name === 'xl/sharedStrings.xml')?.uncompressedSize).toBe(430304);
  });

  it('refuses a truncated file and one that would decompress past the limit', () => {
    expect(() => listZipEntries(workbook.subarray(0, workbook.length - 100))).toThrow(UnreadableInputError);
    expect(() => listZipEntries(workbook, { maxUncompressedBytes: 1_000_000, maxEntries: 100 })).toThrow(/would decompress to more than 1 MB/);
  });

  it('refuses a workbook whose directory understates what an entry decompresses to', () => {
    // The real RAN#104 list with xl/sharedStrings.xml declared at 1,000 bytes instead of 430,304: a
    // bomb that lies about its size passes the declared-size check and is caught on inflating.
    const lying = Buffer.from(workbook);
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
    let patched = 0;
    for (let at = 0; at + 46 < lying.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      if (lying.subarray(at + 46, at + 46 + nameLength).toString() === 'xl/sharedStrings.xml') {
        view.setUint32(at + 24, 1000, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    expect(() => listZipEntries(lying)).toThrow('the ZIP entry xl/sharedStrings.xml decompresses to more than the 1000 bytes its directory declares');
  });
});

describe('outcome classes', () => {
  it('classes the status words of both list kinds', () => {
    expect(['approved', 'Agreed', 'partially approved', 'noted', 'replied to', 'withdrawn', 'revised', 'merged', 'not treated', 'postponed', 'open', 'block approve?', null].map(outcomeOf)).toEqual([
      'accepted', 'accepted', 'accepted', 'noted', 'noted', 'withdrawn', 'superseded', 'superseded', 'not-handled', 'not-handled', 'pending', 'pending', 'pending',
    ]);
  });
});
