// Reading Excel workbooks: the container check, reading only the sheets a parser needs, columns found by
// header name, and cell text as Excel means it (its `_xHHHH_` escapes decoded, control characters
// made spaces). Shared by every parser of
// a workbook: TDoc lists, the work plan, the chairs' history table, rosters.
import * as XLSX from '@e965/xlsx';
import { UnreadableInputError, errorMessage } from './errors.js';
import { textOrNull } from './text.js';
import { isZip, listZipEntries, readZipEntry } from './zip.js';

function decodeXmlText(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export type Cell = XLSX.CellObject | undefined;
export type Row = Cell[] | undefined;

/** The old binary Excel format (.xls, an OLE2 compound file), which SheetJS also reads. */
export function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** A workbook's container checked before the reader sees it. */
export function checkContainer(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UnreadableInputError('the file is empty');
  if (isZip(bytes)) {
    const entries = listZipEntries(bytes);
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
      throw new UnreadableInputError('a ZIP file, but not an Excel workbook (no xl/workbook.xml)');
    }
  } else if (!isOle2(bytes)) {
    throw new UnreadableInputError('not an Excel workbook (neither .xlsx/.xlsm nor .xls)');
  }
}

/** Reads only the named sheets: the real lists hold a CR pack sheet declared a million rows long. */
export function readSheets(bytes: Uint8Array, sheets: string[], options: { rows?: number } = {}): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, {
      type: 'array',
      sheets,
      dense: true,
      cellHTML: false,
      cellText: false,
      cellNF: false,
      cellStyles: false,
      ...(options.rows ? { sheetRows: options.rows } : {}),
    });
  } catch (error) {
    throw new UnreadableInputError(`the workbook cannot be read: ${errorMessage(error)}`);
  }
}

/** The names of a workbook's sheets, without reading any sheet. */
export function sheetNames(bytes: Uint8Array): string[] {
  // An .xlsx/.xlsm: straight from xl/workbook.xml (a few kB), without the reader unpacking the rest;
  // none when it cannot be read (checkContainer says why).
  if (isZip(bytes)) {
    const book = readZipEntry(bytes, 'xl/workbook.xml');
    return book ? [...book.toString('utf8').matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decodeXmlText(m[1]!)) : [];
  }
  try {
    return XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames;
  } catch (error) {
    throw new UnreadableInputError(`the workbook cannot be read: ${errorMessage(error)}`);
  }
}

export function rowsOf(sheet: XLSX.WorkSheet | undefined): Row[] {
  return (sheet?.['!data'] as Row[] | undefined) ?? [];
}

/**
 * SheetJS decodes Excel's `_xHHHH_` escapes itself (ECMA-376 Part 1, ST_Xstring: `_x000B_` is U+000B,
 * and `_x005F_` the underscore, so `_x005F_x000B_` is the literal text `_x000B_`); decoding again would
 * turn that literal text into a character. What the escapes stood for may be a control character: a
 * vertical tab from a line break pasted into a cell (RAN#102's RP-233211, "UIC enhancements _x000B_for
 * FRMCS" in the file). Each run of them becomes one space, taking the spaces around it; tabs and line
 * breaks are whitespace and stay as written.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[ \t]*[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]+[ \t]*/g, ' ');
}

/** A cell's text, control characters made spaces and the ends trimmed (inside, whitespace as written). */
export function cellString(cell: Cell): string {
  const value = cell?.v;
  if (value === null || value === undefined) return '';
  return (typeof value === 'string' ? withoutControlCharacters(value) : String(value)).trim();
}

/** A cell as one line of text (whitespace collapsed), or null when empty. */
export function cellText(cell: Cell): string | null {
  return textOrNull(cellString(cell));
}

/**
 * A workbook's columns in its header row, by header name (the first of a column's names the row has,
 * each header read through `nameOf`), and the required ones it lacks; `found` lists the row's headers.
 */
export function columnsByHeader<C extends string>(
  header: Row,
  columns: Record<C, readonly string[]>,
  required: readonly C[],
  nameOf: (cell: Cell) => string | null | undefined,
): { index: Map<C, number>; missing: C[]; found: string[] } {
  const positions = new Map<string, number>();
  (header ?? []).forEach((cell, i) => {
    const name = nameOf(cell);
    if (name && !positions.has(name)) positions.set(name, i);
  });
  const index = new Map<C, number>();
  for (const [column, names] of Object.entries(columns) as [C, readonly string[]][]) {
    const at = names.map((n) => positions.get(n)).find((i) => i !== undefined);
    if (at !== undefined) index.set(column, at);
  }
  return { index, missing: required.filter((c) => !index.has(c)), found: [...positions.keys()] };
}

/** A header compared without case, spaces, underscores or punctuation: `%Complete` = `Percent_Complete`'s tail. */
export function headerKey(cell: Cell): string | null {
  const text = cellText(cell);
  return text ? text.toLowerCase().replace(/[^a-z0-9]+/g, '') : null;
}
