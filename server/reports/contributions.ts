// Contributions and positions as the public records of CONTRACT.md, for exports and the API: keyset
// pages (by internal id), or every matching row streamed in batches.
import { and, gt, inArray, sql, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { perConnection, type Db } from '../../db/client.js';
import { whileUnchanged } from '../../db/cache.js';
import { contributions, groups, organizations, positions } from '../../db/schema.js';
import type { SourceRecord } from '../../domain/resolve/resolve.js';
import type { OrganizationKind, Role } from '../../domain/types.js';
import { contributionCondition, type Filters } from './filters.js';
import { countryOnBasis, seatCondition } from './participation.js';
import { authorsOf } from '../../db/write-authors.js';

export interface ContributionRecord {
  body: string;
  group: string;
  meeting: string | null;
  ref: string;
  title: string;
  type: string | null;
  for: string | null;
  status: string | null;
  date: string | null;
  sourceText: string;
  sources: SourceRecord[];
  url: string | null;
  revisionOf: string | null;
  /**
   * The document's authors in its order, each with the affiliation and country the document itself
   * gives (IETF), beside the resolved sources; empty when the listing gives none (3GPP, ITU, IEEE).
   */
  authors: AuthorRecord[];
  /** Where stdwatch serves the archived raw page or file this record was last read from (`/raw/ID`). */
  archived: string | null;
}

/** One author as the document gives it: no name, only the affiliation and the stated country (ISO alpha-2). */
export interface AuthorRecord {
  affiliation: string | null;
  country: string | null;
}

export interface PositionRecord {
  body: string;
  group: string;
  role: string;
  person: string | null;
  source: SourceRecord;
  from: string | null;
  to: string | null;
  evidence: string | null;
  /** Below the group, or how the holder came to it: a Question, a work item, `2nd term`. */
  detail: string | null;
  /** 3GPP: the Organizational Partner the holder takes part through (`ATIS`), when the source gives it. */
  partner: string | null;
  /** Where the seat was read: `tdoc-source` (source cells), `3gpp-elections`, `3gpp-officials`, … */
  basis: string;
}

const entity = alias(organizations, 'entity');
const parent = alias(organizations, 'parent');

/** A source row joined with its organization (`entity`) and ultimate parent, as the public record. */
function sourceRecord(row: { raw: string; role: string | null; organization: string | null; kind: string | null; parent: string | null; country: string | null }): SourceRecord {
  return {
    raw: row.raw,
    organization: row.organization,
    parent: row.parent,
    country: row.country,
    kind: (row.kind ?? 'unknown') as OrganizationKind,
    role: row.role as Role | null,
  };
}

/** A page's row as read: the record's own columns, plus its id and raw document (`for` is doc_for). */
type PageRow = Pick<ContributionRecord, 'body' | 'group' | 'meeting' | 'ref' | 'title' | 'type' | 'status' | 'date' | 'sourceText' | 'url' | 'revisionOf'> & {
  id: number;
  docFor: string | null;
  rawDocumentId: number | null;
};

type SourceRow = Parameters<typeof sourceRecord>[0] & { contributionId: number };

const sourcesSql = (country: string) => `
  select s.contribution_id as contributionId, s.raw, s.role, e.name as organization, e.kind, p.name as parent, ${country} as country
  from contribution_sources s left join organizations e on e.id = s.organization_id left join organizations p on p.id = s.parent_id
  where s.contribution_id in (select value from json_each(?)) order by s.contribution_id, s.position`;

/**
 * The statements that read a page's rows once its ids are chosen, prepared once per connection: the
 * ids go in as one JSON array, so one statement serves every page. Built by drizzle on each call,
 * the three reads of a page of 100 cost ~3 ms of JS beside ~2 ms of SQLite.
 */
const pageStatements = perConnection((db) => ({
  rows: db.$client.prepare<[string], PageRow>(`
    select c.id, c.body_id as body, g.code as "group", m.name as meeting, c.ref, c.title, c.type, c.doc_for as docFor, c.status,
      c.date, c.source_text as sourceText, c.url, c.revision_of as revisionOf, c.raw_document_id as rawDocumentId
    from contributions c join groups g on g.id = c.group_id left join meetings m on m.id = c.meeting_id
    where c.id in (select value from json_each(?)) order by c.id`),
  // The country on either basis (countryOnBasis): the parent's, or the entity's own first.
  sources: {
    parent: db.$client.prepare<[string], SourceRow>(sourcesSql('p.country')),
    entity: db.$client.prepare<[string], SourceRow>(sourcesSql('coalesce(e.country, p.country)')),
  },
}));

function sourcesOf(db: Db, ids: number[], filters: Filters): Map<number, SourceRecord[]> {
  const bySource = new Map<number, SourceRecord[]>();
  if (ids.length === 0) return bySource;
  const rows = pageStatements(db).sources[filters.basis === 'entity' ? 'entity' : 'parent'].all(JSON.stringify(ids));
  for (const row of rows) {
    const list = bySource.get(row.contributionId) ?? [];
    list.push(sourceRecord(row));
    bySource.set(row.contributionId, list);
  }
  return bySource;
}

/** The lowest id of the groups' contributions dated on or after `from`, kept while the data is unchanged. */
function firstIdSince(db: Db, groupIds: number[], from: string): number {
  // Over the (group, date) index: the entries dated since `from`, not every id of the group (the
  // planner's own choice, the (group, id, date) index, walks the group whole: 20 ms for RAN1 at 2 M).
  return whileUnchanged(db, `first id ${groupIds.join(',')} ${from}`, () =>
    db.get<{ id: number | null }>(sql`select min(id) as id from contributions indexed by contributions_group_date
      where group_id in (${sql.join(groupIds.map((g) => sql`${g}`), sql`, `)}) and date >= ${from}`)?.id ?? Number.MAX_SAFE_INTEGER);
}

/**
 * One page of contributions after the given internal id, oldest id first. The page's ids are chosen
 * first, from the indexes alone, and only then are those rows read: a filtered page (a group since a
 * date) otherwise reads every matching row whole before sorting them by id — at 2 M contributions,
 * 60,000 rows read for 100 kept.
 */
export function contributionPage(db: Db, filters: Filters, options: { after?: number; limit: number; where?: SQL }) {
  // CROSS JOIN keeps contributions the outer loop (SQLite does not reorder it), so the page is read in
  // id order — by rowid, or by (group, id) once the group's ids are named — and stops after `limit`
  // rows; left to itself the planner may read a (group, date) index whole and sort it. With a start
  // date, the walk starts at the group's first contribution of that date or later (ids mostly follow
  // time: without it a first page since 2020 walks past every earlier one of the group).
  const groupIds = filters.group ? db.all<{ id: number }>(sql`select id from groups where code = ${filters.group}`).map((g) => g.id) : null;
  const after = Math.max(options.after ?? 0, groupIds && filters.from ? firstIdSince(db, groupIds, filters.from) - 1 : 0);
  const ids = db.all<{ id: number }>(
    sql`select ${contributions.id} as id from ${contributions} cross join ${groups} on ${groups.id} = ${contributions.groupId}
      where ${and(
        contributionCondition(filters),
        groupIds ? inArray(contributions.groupId, groupIds) : undefined,
        options.where,
        after > 0 ? gt(contributions.id, after) : undefined,
      )}
      order by ${contributions.id} limit ${options.limit}`,
  ).map((r) => r.id);
  const rows = ids.length === 0 ? [] : pageStatements(db).rows.all(JSON.stringify(ids));
  const sources = sourcesOf(
    db,
    rows.map((r) => r.id),
    filters,
  );
  const authors = authorsOf(
    db,
    rows.map((r) => r.id),
  );
  const items: ContributionRecord[] = rows.map((r) => ({
    body: r.body,
    group: r.group,
    meeting: r.meeting,
    ref: r.ref,
    title: r.title,
    type: r.type,
    for: r.docFor,
    status: r.status,
    date: r.date,
    sourceText: r.sourceText,
    sources: sources.get(r.id) ?? [],
    url: r.url,
    revisionOf: r.revisionOf,
    authors: authors.get(r.id) ?? [],
    archived: r.rawDocumentId === null ? null : `/raw/${r.rawDocumentId}`,
  }));
  const last = rows[rows.length - 1];
  return { items, ids: rows.map((r) => r.id), next: rows.length === options.limit && last ? last.id : null };
}

/** Every matching contribution, in batches, without holding them all in memory. */
export function* allContributionRecords(db: Db, filters: Filters, batch = 1000, where?: SQL): Generator<ContributionRecord> {
  let after: number | undefined;
  for (;;) {
    const page = contributionPage(db, filters, { after, limit: batch, where });
    yield* page.items;
    if (page.next === null) return;
    after = page.next;
  }
}

export function positionRecords(db: Db, filters: Filters): PositionRecord[] {
  return db
    .select({
      body: positions.bodyId,
      group: groups.code,
      role: positions.role,
      person: positions.person,
      raw: positions.sourceRaw,
      organization: entity.name,
      kind: entity.kind,
      parent: parent.name,
      country: parent.country,
      from: positions.fromDate,
      to: positions.toDate,
      evidence: positions.evidenceUrl,
      detail: positions.detail,
      partner: positions.partner,
      basis: positions.basis,
    })
    .from(positions)
    .innerJoin(groups, eq(groups.id, positions.groupId))
    .leftJoin(entity, eq(entity.id, positions.organizationId))
    .leftJoin(parent, eq(parent.id, sql`coalesce(${positions.parentId}, ${positions.organizationId})`))
    .where(seatCondition(filters))
    .orderBy(positions.bodyId, groups.code, positions.role, positions.fromDate)
    .all()
    .map((r) => ({
      body: r.body,
      group: r.group,
      role: r.role,
      person: r.person,
      source: sourceRecord(r),
      from: r.from,
      to: r.to,
      evidence: r.evidence,
      detail: r.detail,
      partner: r.partner,
      basis: r.basis,
    }));
}

/** The contributions with these internal ids as public records, in the order of `ids`. */
export function contributionRecords(db: Db, ids: number[]): ContributionRecord[] {
  if (ids.length === 0) return [];
  const records = new Map<number, ContributionRecord>();
  for (const chunk of chunks(ids, 500)) {
    const page = contributionPage(db, {}, { limit: chunk.length, where: inArray(contributions.id, chunk) });
    for (const [i, item] of page.items.entries()) records.set(page.ids[i]!, item);
  }
  return ids.map((id) => records.get(id)).filter((r): r is ContributionRecord => r !== undefined);
}

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
