// What the commands share: filter options, error handling, opening the application, output helpers.
import { Command, Option } from 'commander';
import type { Config } from '../server/config.js';
import { openStdwatch, type Stdwatch } from '../server/context.js';
import { errorMessage } from '../scrapers/errors.js';
import { BODY_IDS, parseFilters, type Filters } from '../server/reports/filters.js';

export type ConfigLoader = () => Config;

/** Adds the report/export filters: --body, --group, --from, --to. */
export function withFilters(command: Command): Command {
  return command
    .addOption(new Option('--body <body>', 'only this body').choices(BODY_IDS))
    .option('--group <name>', 'only this group (e.g. RAN, SA2)')
    .option('--from <YYYY-MM-DD>', 'contributions dated on or after this day')
    .option('--to <YYYY-MM-DD>', 'contributions dated on or before this day');
}

export function filtersFrom(options: Record<string, unknown>): Filters {
  try {
    return parseFilters(options);
  } catch (error) {
    throw new Error(`--${errorMessage(error)}`);
  }
}

/** Runs a command body; any error becomes one line on stderr and exit code 1. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void) {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      process.stderr.write(`stdwatch: ${errorMessage(error).split('\n')[0]}\n`);
      process.exitCode = 1;
    }
  };
}

/** Opens the application for the length of `fn`. */
export async function withApp<T>(config: ConfigLoader, fn: (app: Stdwatch) => Promise<T> | T): Promise<T> {
  const app = openStdwatch(config());
  try {
    return await fn(app);
  } finally {
    app.close();
  }
}

/** Writes to stdout, waiting when the pipe is full (large exports into `head` or a slow consumer). */
export function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}

export function formatNumber(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined) return '–';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function percent(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : `${(n * 100).toFixed(1)} %`;
}

/** A plain text table: columns padded to the widest cell; numbers right-aligned. */
export function table(rows: (string | number)[][], header: string[]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || /^[\d.,–% ]+$/.test(String(r[i]))));
  return cells
    .map((r) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}
