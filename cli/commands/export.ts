// `stdwatch export contributions|positions [--format ndjson|csv|json] [FILTERS]`.
import { Command, Option } from 'commander';
import { allContributionRecords, positionRecords } from '../../server/reports/contributions.js';
import {
  CONTRIBUTION_CSV_COLUMNS,
  POSITION_CSV_COLUMNS,
  contributionCsvRow,
  positionCsvRow,
  toCsv,
} from '../../server/render.js';
import { action, filtersFrom, withApp, withFilters, write, type ConfigLoader } from '../common.js';

const FORMATS = ['ndjson', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

async function emit<T>(records: Iterable<T>, format: Format, csvColumns: string[], toRow: (r: T) => Record<string, unknown>) {
  let first = true;
  if (format === 'json') await write('[');
  for (const record of records) {
    if (format === 'ndjson') await write(`${JSON.stringify(record)}\n`);
    else if (format === 'json') await write(`${first ? '\n' : ',\n'}${JSON.stringify(record)}`);
    else await write(toCsv([toRow(record)], csvColumns, first));
    first = false;
  }
  if (format === 'json') await write(first ? ']\n' : '\n]\n');
  else if (format === 'csv' && first) await write(toCsv([], csvColumns));
}

export function exportCommand(program: Command, config: ConfigLoader): void {
  const exporter = program.command('export').description('export every contribution or leadership seat, one record each');
  const format = () => new Option('--format <format>', 'output format').choices(FORMATS).default('ndjson');
  withFilters(exporter.command('contributions').description('every contribution, one record each (CONTRACT.md)').addOption(format())).action(
    action(async (options: Record<string, unknown> & { format: Format }) => {
      const filters = filtersFrom(options);
      await withApp(config, (app) => emit(allContributionRecords(app.db, filters), options.format, CONTRIBUTION_CSV_COLUMNS, contributionCsvRow));
    }),
  );
  withFilters(exporter.command('positions').description('every leadership seat, one record each (CONTRACT.md)').addOption(format())).action(
    action(async (options: Record<string, unknown> & { format: Format }) => {
      const filters = filtersFrom(options);
      await withApp(config, (app) => emit(positionRecords(app.db, filters), options.format, POSITION_CSV_COLUMNS, positionCsvRow));
    }),
  );
}
