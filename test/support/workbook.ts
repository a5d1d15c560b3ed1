// Small workbooks made in a test, for layouts the real files do not show (a renamed column, a renamed
// sheet). Built with the same library that reads them.
import * as XLSX from '@e965/xlsx';

export function workbook(sheets: Record<string, unknown[][]>): Buffer {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
