// `stdwatch export contributions|positions [--format ndjson|csv|json] [FILTERS]`. NDJSON and CSV are
// streams of records; JSON is the one envelope (server/envelope.ts) with every record in `data`,
// written record by record all the same.
import { allContributionRecords, positionRecords } from '../../server/reports/contributions.js';
import { contributionTable, positionTable, type RecordTable } from '../../server/csv-tables.js';
import { metaOf, type Links } from '../../server/envelope.js';
import { filterQuery, type Filters } from '../../server/reports/filters.js';
import { toCsv } from '../../server/render.js';
import { urls } from '../../server/urls.js';
import { checkGroup, filtersFrom, hintIfEmpty, withApp, write } from '../common.js';

type Format = 'ndjson' | 'csv' | 'json';

async function emit<T>(records: Iterable<T>, format: Format, table: RecordTable<T>, filters: Filters, links: Links) {
  const columns = [...table.columns];
  let first = true;
  if (format === 'json') await write('{"data": [');
  for (const record of records) {
    if (format === 'ndjson') await write(`${JSON.stringify(record)}\n`);
    else if (format === 'json') await write(`${first ? '\n' : ',\n'}${JSON.stringify(record)}`);
    else await write(toCsv([table.row(record)], columns, first));
    first = false;
  }
  if (format === 'json') await write(`${first ? '' : '\n'}],\n"meta": ${JSON.stringify(metaOf({ filters, counts: true }))},\n"links": ${JSON.stringify(links)}}\n`);
  else if (format === 'csv' && first) await write(toCsv([], columns));
}

export async function exportContributions(options: Record<string, unknown> & { format: Format }): Promise<void> {
  const filters = filtersFrom(options);
  const query = filterQuery(filters);
  await withApp((app) => {
    checkGroup(app, filters);
    hintIfEmpty(app);
    return emit(allContributionRecords(app.db, filters), options.format, contributionTable, filters, { csv: urls.apiContributions(query, 'csv'), ndjson: urls.apiContributions(query, 'ndjson') });
  });
}

export async function exportPositions(options: Record<string, unknown> & { format: Format }): Promise<void> {
  const filters = filtersFrom(options);
  const query = filterQuery(filters);
  await withApp((app) => {
    checkGroup(app, filters);
    return emit(positionRecords(app.db, filters), options.format, positionTable, filters, { csv: urls.apiPositions(query, 'csv'), ndjson: urls.apiPositions(query, 'ndjson') });
  });
}
