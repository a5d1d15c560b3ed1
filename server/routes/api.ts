// The JSON API: filtered, paginated contributions and positions in the one envelope of every JSON
// answer (server/envelope.ts: data, meta with the filters, counting rules and page, links, next),
// `?format=csv|ndjson` streaming every matching row (no envelope), and the archived raw documents
// behind the records.
import { Router, type Request, type Response } from 'express';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { rawDocuments } from '../../db/schema.js';
import type { RawArchive } from '../../db/archive.js';
import { HttpError, validating } from '../errors.js';
import { contributionTable, positionTable, type RecordTable } from '../csv-tables.js';
import { envelope } from '../envelope.js';
import { toCsv } from '../render.js';
import { allContributionRecords, contributionPage, positionRecords } from '../reports/contributions.js';
import { FilterError, checkGroupFilter, filterQuery, filtersSchema, parseFilters, type Filters } from '../reports/filters.js';
import { parseSearchText } from '../reports/search.js';
import { recordWhere } from '../reports/documents.js';
import { checkRecordFilters, parseRecordFilters, recordFiltersSchema, type RecordFilters } from '../reports/record-filters.js';
import { apiPageSchema } from '../queries.js';
import { urls } from '../urls.js';
import { XLSX_TYPE } from '../../scrapers/redaction.js';

const pageSchema = apiPageSchema;

// `coverage` chooses the groups of a series over time: records have none (`groups` picks groups).
const API_PARAMETERS = new Set([...Object.keys(filtersSchema.omit({ coverage: true }).shape), ...Object.keys(recordFiltersSchema.shape), ...Object.keys(pageSchema.shape), 'q']);

function parseQuery(
  db: Db,
  req: Request,
): { filters: Filters; record: RecordFilters; page: z.infer<typeof pageSchema>; q: string | undefined } {
  return validating(() => {
    // A parameter the API does not know would be silently ignored: say so instead.
    const unknown = Object.keys(req.query).find((key) => !API_PARAMETERS.has(key));
    if (unknown) throw new FilterError(unknown.slice(0, 40), `unknown parameter (known: ${[...API_PARAMETERS].join(', ')})`);
    const filters = parseFilters(req.query as Record<string, unknown>);
    checkGroupFilter(db, filters);
    const parsed = pageSchema.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0]);
      const messages: Record<string, string> = {
        limit: 'must be a whole number from 1 to 500',
        after: 'must be the cursor of a `next` link (a whole number)',
        format: 'must be one of json, csv, ndjson',
      };
      throw new FilterError(field, messages[field] ?? issue.message);
    }
    const record = parseRecordFilters(req.query as Record<string, unknown>);
    checkRecordFilters(db, record);
    return { filters, record, page: parsed.data, q: parseSearchText(req.query.q) };
  });
}

/** Streams records as NDJSON or CSV, respecting back-pressure. */
async function stream<T>(res: Response, records: Iterable<T>, format: 'csv' | 'ndjson', table: RecordTable<T>, name: string) {
  const columns = [...table.columns];
  if (format === 'csv') res.type('text/csv; charset=utf-8').attachment(`${name}.csv`);
  else res.type('application/x-ndjson; charset=utf-8');
  let first = true;
  for (const record of records) {
    const chunk = format === 'csv' ? toCsv([table.row(record)], columns, first) : `${JSON.stringify(record)}\n`;
    first = false;
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    if (res.destroyed) return;
  }
  if (format === 'csv' && first) res.write(toCsv([], columns));
  res.end();
}

export function apiRoutes(db: Db, archive: RawArchive): Router {
  const router = Router();

  // The document (and zod-openapi) is loaded on the first request for it, not when the server starts.
  router.get('/api/openapi.json', async (_req, res) => {
    const { openApiDocument } = await import('../openapi.js');
    res.json(openApiDocument());
  });

  router.get('/api/contributions', async (req, res) => {
    const { filters, record, page, q } = parseQuery(db, req);
    // `q`: full text over titles and source cells (server/reports/search.ts); `topic` is a filter;
    // organization, parent, country, kind, status, type, meeting pick records (record-filters.ts).
    const where = recordWhere(db, filters, record, q);
    if (page.format !== 'json') {
      await stream(res, allContributionRecords(db, filters, 1000, where), page.format, contributionTable, 'stdwatch-contributions');
      return;
    }
    const result = contributionPage(db, filters, { after: page.after, limit: page.limit, where });
    const query = { ...filterQuery(filters), ...record, q };
    res.json(
      envelope(
        result.items,
        { filters, options: { ...record, q }, counts: true },
        { self: urls.apiContributions({ ...query, limit: page.limit, after: page.after }), csv: urls.apiContributions(query, 'csv'), ndjson: urls.apiContributions(query, 'ndjson') },
        { next: result.next === null ? null : urls.apiContributions({ ...query, limit: page.limit, after: result.next }), count: result.items.length, limit: page.limit },
      ),
    );
  });

  router.get('/api/positions', async (req, res) => {
    const { filters, record, page, q } = parseQuery(db, req);
    if (q !== undefined) throw new HttpError(400, 'q: full-text search applies to /api/contributions only', 'q');
    const recordFilter = Object.keys(record)[0];
    if (recordFilter) throw new HttpError(400, `${recordFilter}: applies to /api/contributions only`, recordFilter);
    const records = positionRecords(db, filters);
    if (page.format !== 'json') {
      await stream(res, records, page.format, positionTable, 'stdwatch-positions');
      return;
    }
    const start = page.after ?? 0;
    const slice = records.slice(start, start + page.limit);
    const nextAt = start + slice.length;
    const query = filterQuery(filters);
    res.json(
      envelope(
        slice,
        { filters, counts: true },
        { self: urls.apiPositions({ ...query, limit: page.limit, after: page.after }), csv: urls.apiPositions(query, 'csv'), ndjson: urls.apiPositions(query, 'ndjson') },
        { next: nextAt < records.length ? urls.apiPositions({ ...query, limit: page.limit, after: nextAt }) : null, count: slice.length, limit: page.limit },
      ),
    );
  });

  // The archived bytes a record was parsed from, as fetched (see raw_documents), or the redacted copy
  // that was archived instead, saying so with the published file's fingerprint.
  router.get('/raw/:id', (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || id < 1) throw new HttpError(400, 'id: must be a positive whole number', 'id');
    const doc = db.select().from(rawDocuments).where(eq(rawDocuments.id, id)).get();
    if (!doc || !archive.has(doc.storagePath)) throw new HttpError(404, `no archived document ${id}`);
    const ascii = (text: string) => text.replace(/[^\x20-\x7e]/g, (c) => encodeURIComponent(c));
    const name = decodeURIComponent(doc.url.split('/').pop() || `raw-${id}`);
    if (doc.redaction) {
      res
        .set('X-Redacted', ascii(doc.redaction))
        .set('X-Published-SHA256', doc.publishedSha256 ?? '')
        .set('X-Published-Size', String(doc.publishedSize ?? ''));
    }
    res
      // Stored URLs are already percent-encoded; only stray non-ASCII (file names) needs encoding here.
      .set('X-Source-URL', ascii(doc.url))
      .set('X-Fetched-At', doc.fetchedAt)
      .set('X-SHA256', doc.sha256)
      .type('application/octet-stream')
      .attachment(doc.redaction ? redactedName(name, doc.contentType) : name)
      .send(archive.read(doc.storagePath));
  });

  return router;
}

/** `Work_plan_3gpp_230110.xlsm` → `Work_plan_3gpp_230110.redacted.xlsx`: a copy is not saved under the published file's name. */
function redactedName(name: string, contentType: string | null): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [name, ''];
  const written = contentType === XLSX_TYPE ? 'xlsx' : extension;
  return `${stem}.redacted${written ? `.${written}` : ''}`;
}
