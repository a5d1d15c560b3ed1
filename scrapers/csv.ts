// Reading CSV files people save from spreadsheets: RFC 4180 quoting (quoted fields with commas, line
// breaks and doubled quotes), CRLF or LF, a UTF-8 byte-order mark, and the separator a spreadsheet of
// the user's locale writes (`,`, `;` or a tab), told from the header line.
import iconv from 'iconv-lite';
import { UnreadableInputError } from './errors.js';

/** The file's text: UTF-8 (with or without a BOM), else windows-1252 as older spreadsheets save it. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new UnreadableInputError('the file is empty');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const body = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return iconv.decode(body, 'windows-1252');
  }
}

/** The separator of a header line: the one of `,` `;` tab it holds most of, outside quotes. */
function separatorOf(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((s) => [s, unquoted.split(s).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/** The rows of a CSV text, each a list of fields (quotes removed). Blank lines give no row. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = separatorOf(firstLine);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) throw new UnreadableInputError('the CSV file ends inside a quoted field (truncated?)');
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}
