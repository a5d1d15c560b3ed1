// Storing contribution listings: idempotent upserts by (body, ref), one transaction per listing, so a
// crash leaves either all of a listing or none of it. A listing's contributions are resolved, their
// status history kept, their authors and the seats their cells reveal brought up to date, and their
// report counts changed in the same transaction (db/counts/upkeep.ts).
import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { groupByCode } from '../domain/groups/3gpp.js';
import { ITU_FORMER_REVISION_REFS } from '../domain/itu-revisions.js';
import { outcomeOf } from '../domain/outcomes.js';
import { sourceCountry, type ResolvedSource, type Resolver } from '../domain/resolve/resolve.js';
import type { ParsedContribution, ParsedListing, ParsedMeeting, StoreResult } from '../domain/types.js';
import { perConnection, type Db } from './client.js';
import { CountChange } from './counts/upkeep.js';
import { groupId } from './groups.js';
import { OrganizationIds } from './organizations.js';
import { contributionStatusHistory, contributionSources, contributions, meetings } from './schema.js';
import { rebuildTdocSeats, tdocSeatKeys } from './seats.js';
import { storeAuthors } from './write-authors.js';

// ---------------------------------------------------------------------------------------------------
// Meetings

/** Upserts a meeting and returns its id and first day (as now stored, which may predate this listing). */
function upsertMeeting(
  db: Db,
  body: string,
  group: number,
  meeting: ParsedMeeting,
  counts: CountChange,
): { id: number; startDate: string | null; dated: number } {
  const existing = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, body), eq(meetings.name, meeting.name)))
    .get();
  if (!existing) {
    const row = db
      .insert(meetings)
      .values({
        bodyId: body,
        groupId: group,
        name: meeting.name,
        startDate: meeting.startDate,
        endDate: meeting.endDate,
        town: meeting.town,
        folderUrl: meeting.folderUrl,
      })
      .returning({ id: meetings.id, startDate: meetings.startDate })
      .get();
    return { ...row, dated: 0 };
  }
  // What a later listing adds is kept; what it lacks does not erase what an earlier one told.
  const update = {
    startDate: meeting.startDate ?? existing.startDate,
    endDate: meeting.endDate ?? existing.endDate,
    town: meeting.town ?? existing.town,
    folderUrl: meeting.folderUrl ?? existing.folderUrl,
  };
  if (
    update.startDate !== existing.startDate ||
    update.endDate !== existing.endDate ||
    update.town !== existing.town ||
    update.folderUrl !== existing.folderUrl
  ) {
    db.update(meetings).set(update).where(eq(meetings.id, existing.id)).run();
  }
  let dated = 0;
  if (update.startDate && !existing.startDate) {
    // The meeting's first day is known at last: date the contributions that had no date of their own.
    counts.before(
      db.select({ id: contributions.id }).from(contributions)
        .where(and(eq(contributions.meetingId, existing.id), isNull(contributions.date))).all().map((r) => r.id),
    );
    dated = db
      .update(contributions)
      .set({ date: update.startDate })
      .where(and(eq(contributions.meetingId, existing.id), isNull(contributions.date)))
      .run().changes;
  }
  return { id: existing.id, startDate: update.startDate, dated };
}

// ---------------------------------------------------------------------------------------------------
// Contributions

type ContributionRow = typeof contributions.$inferSelect;

const COMPARED = [
  'groupId',
  'meetingId',
  'title',
  'type',
  'docFor',
  'status',
  'date',
  'agendaItem',
  'release',
  'workItems',
  'sourceText',
  'url',
  'revisionOf',
  'revisedTo',
] as const satisfies readonly (keyof ContributionRow)[];

// The statements of the hot path, prepared once per connection on better-sqlite3 itself: drizzle
// builds each query (or fills a prepared one's placeholders) in JS, which for one row costs more than
// SQLite running it.
function prepareStatements(db: Db) {
  const sqlite = db.$client;
  return {
    /** Read back in drizzle's shape (camelCase), for the rare ref a listing shows twice. */
    findContribution: db
      .select()
      .from(contributions)
      .where(and(eq(contributions.bodyId, sql.placeholder('bodyId')), eq(contributions.ref, sql.placeholder('ref'))))
      .prepare(),
    /** A new contribution, its columns bound (cheaper than SQLite reading them out of a JSON batch). */
    insertContribution: sqlite.prepare(`insert into contributions (body_id, group_id, meeting_id, ref, title, type, doc_for, status, outcome, date,
      agenda_item, release, work_items, source_text, url, revision_of, revised_to, raw_document_id, first_seen_at, last_seen_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    /**
     * The full-text index of the contributions with ids first..last, in one statement: no trigger does
     * it on insert, as FTS5 flushes its pending terms at each statement's end (~40 µs, a listing of a
     * thousand rows inserted one by one would flush a thousand times).
     */
    indexContributions: sqlite.prepare<[number, number]>(
      'insert into contributions_fts (rowid, title, source_text) select id, title, source_text from contributions where id between ? and ?',
    ),
    /** A contribution read again: only when it was last seen and from which raw document. */
    touchContribution: sqlite.prepare<[number | null, string, number]>('update contributions set raw_document_id = ?, last_seen_at = ? where id = ?'),
    /**
     * Every compared column. Title and source cell apart: naming them in an update fires the full-text
     * index's update trigger even when they stay the same.
     */
    updateContribution: sqlite.prepare(`update contributions set group_id = ?, meeting_id = ?, type = ?, doc_for = ?, status = ?, outcome = ?,
      date = ?, agenda_item = ?, release = ?, work_items = ?, url = ?, revision_of = ?, revised_to = ?, raw_document_id = ?, last_seen_at = ?
      where id = ?`),
    updateContributionText: sqlite.prepare<[string, string, number]>('update contributions set title = ?, source_text = ? where id = ?'),
    deleteSources: sqlite.prepare<[number]>('delete from contribution_sources where contribution_id = ?'),
    insertSource: sqlite.prepare(`insert into contribution_sources
      (contribution_id, position, raw, name, role, organization_id, parent_id, parent_country, entity_country, parent_kind, partner, seat_group, seat_role, share)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    /** The first status of new contributions ([id, status] pairs), in one statement. */
    insertFirstHistory: sqlite.prepare<[string, number | null, string]>(`insert into contribution_status_history (contribution_id, status, seen_at, raw_document_id)
      select value->>0, value->>1, ?, ? from json_each(?) order by key`),
    insertHistory: sqlite.prepare<[number, string | null, string, number | null]>(
      'insert into contribution_status_history (contribution_id, status, seen_at, raw_document_id) values (?, ?, ?, ?)',
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
export const statements = perConnection(prepareStatements);

export function writeSources(prepared: Statements, ids: OrganizationIds, contributionId: number, sources: ResolvedSource[], fresh = false): void {
  const { deleteSources, insertSource } = prepared;
  // A contribution inserted by this store has no sources yet.
  if (!fresh) deleteSources.run(contributionId);
  sources.forEach((source, position) => {
    insertSource.run(
      contributionId,
      position,
      source.raw,
      source.name,
      source.role,
      source.organization ? ids.idOf(source.organization) : null,
      source.parent ? ids.idOf(source.parent) : null,
      source.parent?.country ?? null,
      sourceCountry(source, 'entity'),
      source.parent?.kind ?? null,
      ids.partnerOf(source),
      source.seat?.group ?? null,
      source.seat?.role ?? null,
      source.share,
    );
  });
}

type ContributionValues = ReturnType<typeof contributionValues>;

/**
 * Inserts new contributions (distinct refs) of one list, in its order, and indexes them for full-text
 * search (no trigger does it: the product inserts contributions nowhere else, and bench/data.ts
 * rebuilds the index after its bulk load); their ids by ref.
 */
function insertContributions(
  prepared: Statements,
  list: { body: string; group: number; meeting: number | null },
  rows: (ContributionValues & { ref: string })[],
  options: { rawDocumentId: number | null; seenAt: string },
): Map<string, number> {
  const ids = new Map<string, number>();
  const { body, group, meeting } = list;
  let first = 0;
  let last = 0;
  for (const v of rows) {
    const { lastInsertRowid } = prepared.insertContribution.run(body, group, meeting, v.ref, v.title, v.type, v.docFor, v.status, v.outcome, v.date,
      v.agendaItem, v.release, v.workItems, v.sourceText, v.url, v.revisionOf, v.revisedTo, options.rawDocumentId, options.seenAt, options.seenAt);
    last = Number(lastInsertRowid);
    if (first === 0) first = last;
    ids.set(v.ref, last);
  }
  // In one transaction, and ids only growing: the rows inserted above are the ids first..last.
  if (rows.length > 0) prepared.indexContributions.run(first, last);
  return ids;
}

/** Every column of contributions under its drizzle name: rows read on better-sqlite3 in drizzle's shape. */
const CONTRIBUTION_ROW = Object.entries(getTableColumns(contributions))
  .map(([key, column]) => `"${column.name}" as "${key}"`)
  .join(', ');

/**
 * The stored contributions of a body with the given refs, by ref: one query for a whole listing, on
 * better-sqlite3 (drizzle's row mapping cost more than the query for a list of a thousand rows).
 */
function storedContributions(sqlite: Db['$client'], body: string, refs: string[]): Map<string, ContributionRow> {
  const rows = sqlite
    .prepare<[string, string], ContributionRow>(`select ${CONTRIBUTION_ROW} from contributions where body_id = ? and ref in (select value from json_each(?))`)
    .all(body, JSON.stringify(refs));
  return new Map(rows.map((row) => [row.ref, row]));
}

/**
 * Refs under which an earlier stdwatch stored documents it now stores under another ref: `glob` picks
 * the candidates, `currentRefOf` gives the ref the document goes by now (null: not a former ref).
 */
export interface FormerRefs {
  glob: string;
  currentRefOf: (storedRef: string) => string | null;
}

/** ITU contributions were stored once per revision (`T22-SG17-C-0102-R1`) before one per document. */
const FORMER_REFS: Partial<Record<string, FormerRefs>> = { itu: ITU_FORMER_REVISION_REFS };

/**
 * Folds the rows stored under former refs into one row per document, for the documents this listing
 * shows (a row the listing does not vouch for is left alone). The row that stays is the one under the
 * current ref, else the most recently seen former row, renamed; it keeps the earliest first sighting.
 * The rows folded into it are deleted with their sources (derived data), after their status history
 * is moved to the row that stays, plus one entry for the listing each was last read from: every page
 * that showed a superseded revision stays reachable through the raw archive, which is where its title
 * and sources remain. Only what the listing itself replaced (a revision it no longer shows as the
 * document's) leaves the contributions table. Returns the ids of the rows that stayed.
 */
function foldFormerRefs(db: Db, body: string, group: number, listedRefs: string[], former: FormerRefs, counts: CountChange): Set<number> {
  const listed = new Set(listedRefs);
  const byDocument = new Map<string, ContributionRow[]>();
  const candidates = db
    .select()
    .from(contributions)
    .where(and(eq(contributions.bodyId, body), eq(contributions.groupId, group), sql`${contributions.ref} glob ${former.glob}`))
    .all();
  for (const row of candidates) {
    const current = former.currentRefOf(row.ref);
    if (current === null || current === row.ref || !listed.has(current)) continue;
    byDocument.set(current, [...(byDocument.get(current) ?? []), row]);
  }
  const kept = new Set<number>();
  for (const [ref, formerRows] of byDocument) {
    const currentRow = db.select().from(contributions).where(and(eq(contributions.bodyId, body), eq(contributions.ref, ref))).get();
    const byLastSeen = [...formerRows].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt) || b.id - a.id);
    const stays = currentRow ?? byLastSeen[0]!;
    const folded = byLastSeen.filter((row) => row.id !== stays.id);
    counts.before([stays.id, ...folded.map((row) => row.id)]);
    const firstSeenAt = [stays, ...folded].map((row) => row.firstSeenAt).sort()[0]!;
    for (const row of folded) {
      db.update(contributionStatusHistory).set({ contributionId: stays.id }).where(eq(contributionStatusHistory.contributionId, row.id)).run();
      const lastRead = row.rawDocumentId === null ? undefined : db
        .select({ id: contributionStatusHistory.id })
        .from(contributionStatusHistory)
        .where(and(eq(contributionStatusHistory.contributionId, stays.id), eq(contributionStatusHistory.rawDocumentId, row.rawDocumentId)))
        .get();
      if (row.rawDocumentId !== null && !lastRead) {
        db.insert(contributionStatusHistory).values({ contributionId: stays.id, status: row.status, seenAt: row.lastSeenAt, rawDocumentId: row.rawDocumentId }).run();
      }
      db.delete(contributionSources).where(eq(contributionSources.contributionId, row.id)).run();
      db.delete(contributions).where(eq(contributions.id, row.id)).run();
    }
    db.update(contributions).set({ ref, firstSeenAt }).where(eq(contributions.id, stays.id)).run();
    kept.add(stays.id);
  }
  return kept;
}

/**
 * Stores one parsed listing: upserts each contribution by (body, ref), resolves its sources, keeps a
 * changed status as history, and never deletes a contribution the listing no longer shows. Storing the
 * same listing from the same raw document twice changes nothing. Rows of the listing's documents stored
 * under former refs (FORMER_REFS) are first folded into one (foldFormerRefs), each counted as changed.
 */
export function storeListing(
  db: Db,
  resolver: Resolver,
  listing: ParsedListing,
  options: { rawDocumentId: number | null; seenAt: string },
): StoreResult {
  const result: StoreResult = { seen: listing.contributions.length, new: 0, changed: 0 };
  const prepared = statements(db);
  db.transaction((tx) => {
    const txDb = tx as unknown as Db;
    const ids = new OrganizationIds(db.$client, resolver);
    const counts = new CountChange(db);
    const group = groupId(txDb, listing.body, listing.group);
    const seatKeysBefore = tdocSeatKeys(txDb, [group]);
    const stored = listing.meeting ? upsertMeeting(txDb, listing.body, group, listing.meeting, counts) : null;
    const meeting = stored?.id ?? null;
    const meetingStart = stored?.startDate ?? null;
    result.changed += stored?.dated ?? 0;
    const former = FORMER_REFS[listing.body];
    const folded = former ? foldFormerRefs(txDb, listing.body, group, listing.contributions.map((c) => c.ref), former, counts) : new Set<number>();
    const resolvedByText = new Map<string, ResolvedSource[]>();
    // One resolution per distinct cell; the owner at the contribution's date is applied after.
    const resolve = (text: string, date: string | null) => {
      let resolved = resolvedByText.get(text);
      if (!resolved) resolvedByText.set(text, (resolved = resolver.sourcesOf(text)));
      return resolver.atDate(resolved, date);
    };

    // The stored rows of the listing's refs in one query, and its new contributions inserted before the
    // rest (the first row of each new ref; a ref shown twice is stored, then updated, as one by one).
    const storedRows = storedContributions(db.$client, listing.body, listing.contributions.map((c) => c.ref));
    // The counts of every stored contribution this listing may change come out first (all at once),
    // and go back in as they then read; the rows read before from this same raw document are left alone.
    counts.before(
      [...storedRows.values()]
        .filter((row) => row.rawDocumentId !== options.rawDocumentId || options.rawDocumentId === null || folded.has(row.id))
        .map((row) => row.id),
    );
    const valuesOf = listing.contributions.map((parsed) => contributionValues(parsed, group, meeting, meetingStart));
    const isNew = new Set<number>();
    const newRefs = new Set<string>();
    listing.contributions.forEach((parsed, i) => {
      if (storedRows.has(parsed.ref) || newRefs.has(parsed.ref)) return;
      newRefs.add(parsed.ref);
      isNew.add(i);
    });
    const inserted = insertContributions(prepared, { body: listing.body, group, meeting }, [...isNew].map((i) => ({ ref: listing.contributions[i]!.ref, ...valuesOf[i]! })), options);
    const seen = new Set<string>();
    const firstStatuses: [number, string | null][] = [];

    listing.contributions.forEach((parsed, i) => {
      const values = valuesOf[i]!;
      if (isNew.has(i)) {
        const id = inserted.get(parsed.ref)!;
        seen.add(parsed.ref);
        writeSources(prepared, ids, id, resolve(values.sourceText, values.date), true);
        firstStatuses.push([id, values.status]);
        result.new++;
        return;
      }
      // A ref met earlier in this listing was written since the read above: read it again.
      const existing = seen.has(parsed.ref) ? prepared.findContribution.get({ bodyId: listing.body, ref: parsed.ref })! : storedRows.get(parsed.ref)!;
      seen.add(parsed.ref);
      const wasFolded = folded.has(existing.id);
      if (existing.rawDocumentId === options.rawDocumentId && options.rawDocumentId !== null && !wasFolded) return;
      // A later listing fills in and corrects; an empty cell does not erase what an earlier one told
      // (a list captured before the meeting has no outcomes yet).
      const merged = { ...values };
      for (const key of COMPARED) {
        if (merged[key] === null && existing[key] !== null) (merged as Record<string, unknown>)[key] = existing[key];
      }
      merged.outcome = outcomeOf(merged.status);
      const changedKeys = COMPARED.filter((key) => merged[key] !== existing[key]);
      writeContribution(prepared, existing, merged, changedKeys, options);
      if (changedKeys.length === 0 && !wasFolded) return;
      result.changed++;
      if (changedKeys.includes('status')) {
        prepared.insertHistory.run(existing.id, merged.status, options.seenAt, options.rawDocumentId);
      }
      if (changedKeys.includes('sourceText') || changedKeys.includes('date')) {
        writeSources(prepared, ids, existing.id, resolve(merged.sourceText, merged.date));
      }
    });
    if (firstStatuses.length > 0) prepared.insertFirstHistory.run(options.seenAt, options.rawDocumentId, JSON.stringify(firstStatuses));
    storeAuthors(txDb, listing);
    // Only the seats this list's group names (before or after the store) can have changed: their
    // sightings, or the group's latest meeting that keeps a term open.
    if (result.new + result.changed > 0) rebuildTdocSeats(txDb, [...seatKeysBefore, ...tdocSeatKeys(txDb, [group])]);
    counts.after(inserted.values());
  });
  return result;
}

/**
 * Writes a listing's values over a stored contribution: everything it compares, when it was last seen
 * and from which raw document. Only what differs is written (the stored row ends the same).
 */
function writeContribution(
  prepared: Statements,
  existing: ContributionRow,
  merged: ContributionValues,
  changedKeys: (typeof COMPARED)[number][],
  options: { rawDocumentId: number | null; seenAt: string },
): void {
  const id = existing.id;
  if (changedKeys.length === 0 && merged.outcome === existing.outcome) {
    prepared.touchContribution.run(options.rawDocumentId, options.seenAt, id);
    return;
  }
  const m = merged;
  prepared.updateContribution.run(m.groupId, m.meetingId, m.type, m.docFor, m.status, m.outcome, m.date, m.agendaItem, m.release, m.workItems,
    m.url, m.revisionOf, m.revisedTo, options.rawDocumentId, options.seenAt, id);
  if (changedKeys.includes('title') || changedKeys.includes('sourceText')) prepared.updateContributionText.run(m.title, m.sourceText, id);
}

function contributionValues(parsed: ParsedContribution, group: number, meeting: number | null, meetingStart: string | null) {
  return {
    groupId: group,
    meetingId: meeting,
    title: parsed.title,
    type: parsed.type,
    docFor: parsed.docFor,
    status: parsed.status,
    outcome: outcomeOf(parsed.status),
    date: parsed.date ?? meetingStart,
    agendaItem: parsed.agendaItem,
    release: parsed.release,
    workItems: parsed.workItems,
    sourceText: parsed.sourceText,
    url: parsed.url,
    revisionOf: parsed.revisionOf,
    revisedTo: parsed.revisedTo,
  };
}
