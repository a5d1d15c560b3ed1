// What is archived of a published file that holds personal data stdwatch does not keep: a redacted
// copy (redaction.ts), parsed in place of the file (so a copy read back from the archive gives the same
// records), with what was taken out said in words. Pages and files of seats lose their e-mail
// addresses in every spelling (domain/email-addresses.ts); the work plan loses more (3gpp/work-plan-copy.ts).
import * as XLSX from '@e965/xlsx';
import { ADDRESS_REMOVED, hasAddress, removeAddresses } from '../domain/email-addresses.js';
import { XLSX_TYPE, type Redact, type RedactedCopy } from './redaction.js';
import { isOle2, readSheets, sheetNames } from './workbook.js';
import { isZip, listZipEntries, readZipEntry } from './zip.js';

export const ADDRESSES_REMOVED = `e-mail addresses removed (each replaced by "${ADDRESS_REMOVED}")`;

/**
 * A text file (HTML, CSV, JSON) without its addresses, every other byte as published: UTF-8 when the
 * bytes are UTF-8, else read byte for byte (windows-1252 pages), so nothing else changes.
 */
function textWithoutAddresses(bytes: Buffer): RedactedCopy | null {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  let encoding: BufferEncoding = utf16 ? 'utf16le' : 'latin1';
  if (!utf16) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      // Not UTF-8: each byte read as one character keeps every byte as it was.
    }
  }
  const text = bytes.toString(encoding);
  const redacted = removeAddresses(text);
  return redacted === text ? null : { bytes: Buffer.from(redacted, encoding), removed: ADDRESSES_REMOVED };
}

/** Every text part of an .xlsx/.xlsm (cells, links, comments, properties), or the cells of an .xls. */
function workbookHasAddress(bytes: Buffer, sheets: string[]): boolean {
  if (isZip(bytes)) {
    return listZipEntries(bytes).some((entry) => /\.(?:xml|rels)$/i.test(entry.name) && hasAddress(readZipEntry(bytes, entry.name)?.toString('utf-8') ?? ''));
  }
  const book = readSheets(bytes, sheets);
  return sheets.some((name) => (book.Sheets[name]?.['!data'] as XLSX.CellObject[][] | undefined)?.some((row) => row?.some((cell) => typeof cell?.v === 'string' && hasAddress(cell.v))));
}

/**
 * A workbook with an address anywhere is written anew, its sheets' values only, each text without its
 * addresses: no links, comments or document properties (which name people) are carried over.
 */
function workbookWithoutAddresses(bytes: Buffer): RedactedCopy | null {
  const names = sheetNames(bytes);
  if (!workbookHasAddress(bytes, names)) return null;
  const source = readSheets(bytes, names);
  const copy = XLSX.utils.book_new();
  for (const name of names) {
    const rows = ((source.Sheets[name]?.['!data'] ?? []) as (XLSX.CellObject | undefined)[][]).map((row) =>
      (row ?? []).map((cell) => (cell === undefined || cell.t === 'e' ? null : typeof cell.v === 'string' ? removeAddresses(cell.v) : (cell.v ?? null))),
    );
    XLSX.utils.book_append_sheet(copy, XLSX.utils.aoa_to_sheet(rows), name);
  }
  return {
    bytes: XLSX.write(copy, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer,
    removed: `${ADDRESSES_REMOVED}; the workbook written anew with its sheets' values only`,
    contentType: XLSX_TYPE,
  };
}

/** Any page or file of seats without its e-mail addresses: null when it has none. */
export const redactAddresses: Redact = (published) => (isZip(published) || isOle2(published) ? workbookWithoutAddresses(published) : textWithoutAddresses(published));

/**
 * A contribution listing without its e-mail addresses (a Word-made page names its author in its
 * properties): pages only. A TDoc list workbook is archived as published, its sheets never rewritten
 * (a CR pack sheet declares a million rows); none of the real ones holds an address.
 */
export const redactListingAddresses: Redact = (published) => (isZip(published) || isOle2(published) ? null : textWithoutAddresses(published));
