// What the command implementations share: configuration, opening the application, output helpers.
import { loadConfig } from '../server/config.js';
import { openStdwatch, type Stdwatch } from '../server/context.js';
import { calendarDateProblem } from '../domain/dates.js';
import { errorMessage } from '../scrapers/errors.js';
import { checkGroupFilter, parseFilters, type Filters } from '../server/reports/filters.js';

export function filtersFrom(options: Record<string, unknown>): Filters {
  try {
    return parseFilters(options);
  } catch (error) {
    throw new Error(`--${errorMessage(error)}`);
  }
}

/** The filters' group must be one the database knows. */
export function checkGroup(app: Stdwatch, filters: Filters): void {
  try {
    checkGroupFilter(app.db, filters);
  } catch (error) {
    throw new Error(`--${errorMessage(error)}`);
  }
}

/** Opens the application (configuration from the environment) for the length of `fn`. */
export async function withApp<T>(fn: (app: Stdwatch) => Promise<T> | T): Promise<T> {
  const app = openStdwatch(loadConfig());
  try {
    return await fn(app);
  } finally {
    app.close();
  }
}

/** Writes to stdout, waiting when the pipe is full (large exports into a slow reader). */
export function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) {
      resolve();
      return;
    }
    const onDrain = () => {
      process.stdout.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      process.stdout.off('drain', onDrain);
      reject(error);
    };
    process.stdout.once('drain', onDrain).once('error', onError);
  });
}

/** A calendar date option (`--since 2024-02-30` is refused, not stored). */
export function dateOption(name: string, value: string | undefined): string | undefined {
  const problem = value === undefined ? null : calendarDateProblem(value);
  if (problem) throw new Error(`--${name}: ${problem}`);
  return value;
}

/** A reading command on an empty database says how to fill it (on stderr; the output stays valid). */
export function hintIfEmpty(app: Stdwatch): void {
  if (!app.db.$client.prepare('select 1 from contributions limit 1').get()) {
    process.stderr.write(`stdwatch: the database ${app.config.dbFile} holds no contributions yet; run \`stdwatch seed\` or \`stdwatch import FILE\`\n`);
  }
}

export function formatNumber(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined) return '–';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function percent(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : `${(n * 100).toFixed(1)} %`;
}

/** A plain text table: columns padded to the widest cell; numeric columns right-aligned. */
export function table(rows: (string | number)[][], header: string[]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || /^[\d.,–% ]+$/.test(String(r[i]))));
  return cells
    .map((r) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}
