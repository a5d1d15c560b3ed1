// The CSV writer every CSV rendering goes through (the tables themselves are declared in
// csv-tables.ts; the JSON envelope in envelope.ts; HTML in templates/ through views.ts).
import { stringify } from 'csv-stringify/sync';

/** Cells starting with = + - @ (or a tab/CR) are read as formulas by spreadsheets: prefix them with '. */
export function neutralizeFormula(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(rows: readonly object[], columns: string[], header = true): string {
  return stringify(
    rows.map((row) => columns.map((c) => neutralizeFormula((row as Record<string, unknown>)[c] ?? ''))),
    { header, columns, cast: { number: (n) => String(Number.isInteger(n) ? n : Number(n.toFixed(6))) } },
  );
}
