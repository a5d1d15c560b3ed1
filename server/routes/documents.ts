// /contributions: the documents behind a number, as a page for people (the JSON twin is
// /api/contributions). It takes the report filters, counting rules included, and the record filters, so
// the list a count links to holds exactly the counted contributions; each row links to the document's
// public page and to the archived raw copy it was read from. Keyset pages of 50, oldest record first.
import { Router, type Request } from 'express';
import type { Db } from '../../db/client.js';
import { validating } from '../errors.js';
import { contributionTable, recordsCsv } from '../csv-tables.js';
import { allContributionRecords } from '../reports/contributions.js';
import { documentsPage, recordWhere } from '../reports/documents.js';
import { FilterError, checkGroupFilter, describeFilters, filterQuery, filtersSchema, parseFilters } from '../reports/filters.js';
import { checkRecordFilters, parseRecordFilters, recordFiltersSchema, type RecordFilters } from '../reports/record-filters.js';
import { parseSearchText } from '../reports/search.js';
import { documentsPageSchema } from '../queries.js';
import { urls } from '../urls.js';
import type { Views } from '../views.js';
import { respond } from './respond.js';

const PAGE_SIZE = 50;
const after = documentsPageSchema.shape.after;
// `coverage` chooses the groups of a series over time; a list of documents names its groups (`groups`).
const PARAMETERS = new Set([...Object.keys(filtersSchema.omit({ coverage: true }).shape), ...Object.keys(recordFiltersSchema.shape), 'q', 'after', 'format']);

function parse(db: Db, req: Request) {
  return validating(() => {
    // A misspelt filter would list more documents than the number that linked here: refuse it.
    const unknown = Object.keys(req.query).find((key) => !PARAMETERS.has(key));
    if (unknown) throw new FilterError(unknown.slice(0, 40), `unknown parameter (known: ${[...PARAMETERS].join(', ')})`);
    const filters = parseFilters(req.query as Record<string, unknown>);
    checkGroupFilter(db, filters);
    const cursor = after.safeParse(req.query.after);
    if (!cursor.success) throw new FilterError('after', 'must be the cursor of a "next" link (a whole number)');
    const record = parseRecordFilters(req.query as Record<string, unknown>);
    checkRecordFilters(db, record);
    return { filters, record, q: parseSearchText(req.query.q), after: cursor.data };
  });
}

/** How a partner filter reads: `taking part through ETSI`, `with no membership on record`. */
function partnerWords(partner: string): string {
  if (partner === 'unresolved') return 'not resolved';
  if (partner === 'none') return 'with no Organizational Partner on record';
  if (partner === 'several') return 'a member through several Organizational Partners';
  return partner.includes('+') ? `a member through ${partner.split('+').join(' and ')}` : `taking part through ${partner}`;
}

/** "a source from CN in the nokia group; status agreed": the source conditions are met by one source. */
function describeRecord(record: RecordFilters, q: string | undefined): string {
  const source = [
    record.organization ? `named as ${record.organization}` : null,
    record.parent ? `in the ${record.parent} group` : null,
    record.country ? `from ${record.country}` : null,
    record.kind ? `of kind ${record.kind}` : null,
    record.parentKind ? `whose ultimate parent is of kind ${record.parentKind}` : null,
    record.partner ? partnerWords(record.partner) : null,
  ].filter(Boolean);
  const parts = [
    source.length > 0 ? `a source ${source.join(', ')}` : null,
    record.status ? `status ${record.status}` : null,
    record.type ? `type ${record.type}` : null,
    record.meeting ? `meeting ${record.meeting}` : null,
    record.groups ? `in ${record.groups.split(',').join(', ')}` : null,
    q ? `matching “${q}”` : null,
  ].filter(Boolean);
  return parts.join('; ');
}

export function documentRoutes(db: Db, views: Views): Router {
  const router = Router();
  router.get('/contributions{.:format}', (req, res) => {
    const { filters, record, q, after: cursor } = parse(db, req);
    const result = documentsPage(db, filters, record, { q, after: cursor, limit: PAGE_SIZE });
    const pick = { ...record, q };
    const { next, ...data } = result;
    respond(req, res, views, {
      page: 'documents',
      title: 'Contributions',
      data,
      scope: { filters, options: { ...record, q, after: cursor }, counts: true },
      // The JSON and HTML addresses keep the page's cursor; the CSV holds every row.
      at: (format) => urls.documents(filters, { ...pick, after: format === 'csv' ? undefined : cursor }, format),
      paging: { next: next === null ? null : urls.documents(filters, { ...pick, after: next }, 'json'), count: result.items.length, limit: PAGE_SIZE },
      view: () => ({
        scope: describeFilters(filters),
        picked: describeRecord(record, q),
        first: cursor === undefined ? null : urls.documents(filters, pick),
        nextPage: next === null ? null : urls.documents(filters, { ...pick, after: next }),
        api: urls.apiContributions({ ...filterQuery(filters), ...pick }),
      }),
      csv: () => recordsCsv(contributionTable, allContributionRecords(db, filters, 1000, recordWhere(db, filters, record, q))),
      csvName: 'stdwatch-contributions',
    });
  });
  return router;
}
