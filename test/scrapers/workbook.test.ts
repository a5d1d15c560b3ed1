// Cell text as Excel means it. Excel writes characters XML cannot hold as `_xHHHH_` escapes, and the
// underscore of a literal `_xHHHH_` as `_x005F_`. The real cases: RAN#102's RP-233211 and RAN#108's
// RP-251403, whose shared strings read "UIC enhancements _x000B_for FRMCS" and "Scope discussion on
// _x000B_CSI compression in AI/ML Air Interface" (xl/sharedStrings.xml, read with unzip). RP-233211 is
// one of the records of test/fixtures/3gpp/TDoc_List_Meeting_RAN#102.expected.json.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { parseTdocList } from '../../scrapers/3gpp/parse-tdoc-list.js';
import { cellText, readSheets, rowsOf, withoutControlCharacters } from '../../scrapers/workbook.js';
import { ROOT } from '../support/app.js';

/** A workbook whose first sheet's cells hold exactly these texts as Excel would write them (escapes and all). */
function workbookWithRawCellTexts(texts: string[]): Uint8Array {
  const placeholders = texts.map((_, i) => `PLACEHOLDER${i}X`);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([placeholders]), 'S');
  // Shared strings, as Excel writes text cells.
  const zip = XLSX.CFB.read(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true }) as Buffer, { type: 'buffer' });
  const sheet = XLSX.CFB.find(zip, '/xl/sharedStrings.xml')!;
  let xml = Buffer.from(sheet.content as Uint8Array).toString('utf8');
  texts.forEach((text, i) => (xml = xml.replace(`PLACEHOLDER${i}X`, text)));
  sheet.content = Buffer.from(xml, 'utf8');
  return new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Buffer);
}

describe("Excel's escapes in cell text", () => {
  it('reads the real RP-251403 title of RAN#108 (the bundled snapshot) the same way', () => {
    const listing = parseTdocList(fs.readFileSync(path.join(ROOT, 'data', 'snapshot', '3gpp', 'TDoc_List_Meeting_RAN#108.xlsx')));
    expect(listing.contributions.find((c) => c.ref === 'RP-251403')!.title).toBe('Scope discussion on CSI compression in AI/ML Air Interface');
  });

  it('decodes an escape inside a word, keeps the literal text `_x000B_` written as `_x005F_x000B_`, and leaves what is no escape alone', () => {
    const bytes = workbookWithRawCellTexts(['relay_x000B_in Rel-19', 'literal _x005F_x000B_ text', 'Meeting_x00B_Timelines', 'caf_x00E9_']);
    const [row] = rowsOf(readSheets(bytes, ['S']).Sheets['S']);
    // `_x00B_` (three digits, RAN1#100-e's R1-2000390 "RAN1#100-e Meeting_x00B_Timelines, …") is no escape.
    expect(row!.map((cell) => cellText(cell))).toEqual(['relay in Rel-19', 'literal _x000B_ text', 'Meeting_x00B_Timelines', 'café']);
  });

  it('makes each run of control characters one space, and keeps tabs and line breaks as written', () => {
    expect(withoutControlCharacters('a \u000b\u000c b')).toBe('a b');
    expect(withoutControlCharacters('line one\nline two\tend')).toBe('line one\nline two\tend');
  });
});
