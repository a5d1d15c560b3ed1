// `stdwatch export contributions|positions [--format ndjson|csv|json] [FILTERS]`.
import { allContributionRecords, positionRecords } from '../../server/reports/contributions.js';
import { CONTRIBUTION_CSV_COLUMNS, POSITION_CSV_COLUMNS, contributionCsvRow, positionCsvRow, toCsv } from '../../server/render.js';
import { checkGroup, filtersFrom, hintIfEmpty, withApp, write } from '../common.js';

type Format = 'ndjson' | 'csv' | 'json';

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

export async function exportContributions(options: Record<string, unknown> & { format: Format }): Promise<void> {
  const filters = filtersFrom(options);
  await withApp((app) => {
    checkGroup(app, filters);
    hintIfEmpty(app);
    return emit(allContributionRecords(app.db, filters), options.format, CONTRIBUTION_CSV_COLUMNS, contributionCsvRow);
  });
}

export async function exportPositions(options: Record<string, unknown> & { format: Format }): Promise<void> {
  const filters = filtersFrom(options);
  await withApp((app) => {
    checkGroup(app, filters);
    return emit(positionRecords(app.db, filters), options.format, POSITION_CSV_COLUMNS, positionCsvRow);
  });
}
