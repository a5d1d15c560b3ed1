// Every write to the database: idempotent upserts, one transaction per unit of work (one listing, one
// registry sync, one re-resolve), so a crash leaves either all of a listing or none of it.
import { and, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import { perConnection, type Db } from './client.js';
import {
  contributionSources,
  contributionStatusHistory,
  contributions,
  groups,
  meetings,
  meta,
  organizationAliases,
  organizations,
  positions,
  rawDocuments,
  scrapeRuns,
} from './schema.js';
import type { ParsedContribution, ParsedGroup, ParsedListing, ParsedMeeting, ParsedRoster } from '../scrapers/types.js';
import { sourceCountry, type OrganizationRef, type ResolvedSource, type Resolver } from '../scrapers/resolve/resolve.js';
import { nameKey } from '../scrapers/resolve/normalize.js';
import { groupByCode } from '../scrapers/3gpp/groups.js';
import { outcomeOf } from '../scrapers/outcomes.js';
import { replacedTermEnds, type OfficialTerm, type SeatCapacity } from '../scrapers/seat-terms.js';
import { ITU_FORMER_REVISION_REFS } from '../scrapers/itu/revisions.js';
import { storeAuthors } from './write-authors.js';
import { CountChange, dropEmptyCounts } from './counts/upkeep.js';

export interface StoreResult {
  seen: number;
  new: number;
  changed: number;
}

// ---------------------------------------------------------------------------------------------------
// Organizations

/** Organization ids by slug, creating pattern-made organizations (standards-body groups) on first use. */
class OrganizationIds {
  private readonly ids = new Map<string, number>();
  private readonly upsert: Statement<[string, string, string, string | null, number | null, string], { id: number }>;
  /** `sqlite`: the connection of the writing transaction (a drizzle transaction has no $client). */
  constructor(
    sqlite: Db['$client'],
    private readonly resolver: Resolver,
  ) {
    for (const row of sqlite.prepare<[], { id: number; slug: string }>('select id, slug from organizations').all()) {
      this.ids.set(row.slug, row.id);
    }
    // On better-sqlite3 itself: a store meets a few new pattern-made organizations, each a query drizzle would build anew.
    this.upsert = sqlite.prepare(`insert into organizations (slug, name, kind, country, parent_id, origin) values (?, ?, ?, ?, ?, ?)
      on conflict (slug) do update set name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id returning id`);
  }

  idOf(org: OrganizationRef): number {
    const known = this.ids.get(org.slug);
    if (known !== undefined) return known;
    const parentId = org.parentSlug ? this.idOf(this.resolver.organization(org.parentSlug)!) : null;
    const row = this.upsert.get(org.slug, org.name, org.kind, org.country, parentId, org.origin)!;
    this.ids.set(org.slug, row.id);
    return row.id;
  }
}

/**
 * Makes the organizations tables match the registry: every record upserted by slug (ids stay
 * stable), every lookup key replaced. Records that left the registry stay only while sources still
 * point at them; reresolveAll removes them afterwards.
 */
export function syncRegistry(db: Db, resolver: Resolver): void {
  const { registry } = resolver;
  db.transaction((tx) => {
    const ids = new Map<string, number>();
    for (const org of registry.organizations.values()) {
      const row = tx
        .insert(organizations)
        .values({ slug: org.slug, name: org.name, kind: org.kind, country: org.country, origin: 'registry', notes: org.notes })
        .onConflictDoUpdate({
          target: organizations.slug,
          set: { name: org.name, kind: org.kind, country: org.country, origin: 'registry', notes: org.notes },
        })
        .returning({ id: organizations.id })
        .get();
      ids.set(org.slug, row.id);
    }
    for (const org of registry.organizations.values()) {
      tx.update(organizations)
        .set({ parentId: org.parent ? ids.get(org.parent)! : null })
        .where(eq(organizations.id, ids.get(org.slug)!))
        .run();
    }
    tx.delete(organizationAliases).run();
    for (const org of registry.organizations.values()) {
      for (const alias of [org.name, ...org.aliases]) {
        tx.insert(organizationAliases)
          .values({ key: nameKey(alias), organizationId: ids.get(org.slug)!, alias })
          .onConflictDoNothing()
          .run();
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Groups, meetings

function groupId(db: Db, body: string, group: ParsedGroup): number {
  // Select first: an upsert would consume an AUTOINCREMENT id even when the row exists.
  const existing = db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.bodyId, body), eq(groups.code, group.code)))
    .get();
  if (existing) {
    if (existing.name !== group.name) db.update(groups).set({ name: group.name }).where(eq(groups.id, existing.id)).run();
    return existing.id;
  }
  return db.insert(groups).values({ bodyId: body, code: group.code, name: group.name }).returning({ id: groups.id }).get().id;
}

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
    /**
     * A listing's new contributions in one statement, in the listing's order (ids as one by one). One
     * statement, not one per row: the full-text index's insert trigger costs ~40 µs per statement (FTS5
     * flushes its pending terms at each statement's end) but next to nothing per row within one.
     */
    insertContributions: sqlite.prepare<[string, number, number | null, number | null, string, string, string], { id: number; ref: string }>(`
      insert into contributions (body_id, group_id, meeting_id, ref, title, type, doc_for, status, outcome, date, agenda_item,
        release, work_items, source_text, url, revision_of, revised_to, raw_document_id, first_seen_at, last_seen_at)
      select ?, ?, ?, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7,
        value->>8, value->>9, value->>10, value->>11, value->>12, value->>13, ?, ?, ?
      from json_each(?) order by key
      returning id, ref`),
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
      (contribution_id, position, raw, name, role, organization_id, parent_id, parent_country, entity_country, parent_kind, seat_group, seat_role, share)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    /** The first status of new contributions ([id, status] pairs), in one statement. */
    insertFirstHistory: sqlite.prepare<[string, number | null, string]>(`insert into contribution_status_history (contribution_id, status, seen_at, raw_document_id)
      select value->>0, value->>1, ?, ? from json_each(?) order by key`),
    insertHistory: sqlite.prepare<[number, string | null, string, number | null]>(
      'insert into contribution_status_history (contribution_id, status, seen_at, raw_document_id) values (?, ?, ?, ?)',
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;
const statements = perConnection(prepareStatements);

function writeSources(prepared: Statements, ids: OrganizationIds, contributionId: number, sources: ResolvedSource[], fresh = false): void {
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
      source.seat?.group ?? null,
      source.seat?.role ?? null,
      source.share,
    );
  });
}

type ContributionValues = ReturnType<typeof contributionValues>;

/** Inserts new contributions (distinct refs) of one list in one statement; their ids by ref. */
function insertContributions(
  prepared: Statements,
  list: { body: string; group: number; meeting: number | null },
  rows: (ContributionValues & { ref: string })[],
  options: { rawDocumentId: number | null; seenAt: string },
): Map<string, number> {
  const ids = new Map<string, number>();
  if (rows.length === 0) return ids;
  const cells = rows.map((v) => [
    v.ref, v.title, v.type, v.docFor, v.status, v.outcome, v.date, v.agendaItem, v.release, v.workItems, v.sourceText, v.url, v.revisionOf, v.revisedTo,
  ]);
  const { body, group, meeting } = list;
  for (const row of prepared.insertContributions.all(body, group, meeting, options.rawDocumentId, options.seenAt, options.seenAt, JSON.stringify(cells))) {
    ids.set(row.ref, row.id);
  }
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
    const counts = new CountChange(txDb);
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

    // The stored rows of the listing's refs in one query, and its new contributions in one insert
    // (the first row of each new ref; a ref shown twice is stored, then updated, as one by one).
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

// ---------------------------------------------------------------------------------------------------
// Re-resolving when the registry changed

export const REGISTRY_HASH = 'registry_hash';

/**
 * Applies the registry to everything stored: when its content changed since the last run, every
 * contribution's sources are recomputed from the raw source text. Returns whether anything was done.
 */
/** Whether what is stored was resolved with this registry (its hash is the one recorded). */
export function registryApplied(db: Db, resolver: Resolver): boolean {
  return db.select().from(meta).where(eq(meta.key, REGISTRY_HASH)).get()?.value === resolver.registry.hash;
}

export function applyRegistry(db: Db, resolver: Resolver): boolean {
  if (registryApplied(db, resolver)) return false;
  syncRegistry(db, resolver);
  reresolveAll(db, resolver);
  db.insert(meta)
    .values({ key: REGISTRY_HASH, value: resolver.registry.hash })
    .onConflictDoUpdate({ target: meta.key, set: { value: resolver.registry.hash } })
    .run();
  return true;
}

/** What a source row says, for comparing a stored row with a new resolution (organizations by slug). */
function sourceSignature(raw: string, name: string, role: string | null, organization: string | null, parent: string | null,
  parentCountry: string | null, entityCountry: string | null, parentKind: string | null,
  seatGroup: string | null, seatRole: string | null, share: number): string {
  return JSON.stringify([raw, name, role, organization, parent, parentCountry, entityCountry, parentKind, seatGroup, seatRole, share]);
}

interface Reresolved {
  id: number;
  bodyId: string;
  sourceText: string;
  date: string | null;
}

/**
 * The contributions whose stored sources differ from what the resolver makes of their source cells
 * now (at their dates): one pass over the stored rows, each distinct cell resolved once. Also the seat
 * keys their stored rows name, for the seats to rebuild.
 */
function resolvingDifferently(db: Db, resolver: Resolver): { changed: Reresolved[]; seatKeys: SeatKey[] } {
  const resolvedByText = new Map<string, ResolvedSource[]>();
  const expectedBySources = new Map<ResolvedSource[], string>();
  const expected = (sourceText: string, date: string | null): string => {
    let resolved = resolvedByText.get(sourceText);
    if (!resolved) resolvedByText.set(sourceText, (resolved = resolver.sourcesOf(sourceText)));
    const sources = resolver.atDate(resolved, date); // the same array when no owner changed by then
    let signature = expectedBySources.get(sources);
    if (signature === undefined) {
      signature = sources
        .map((s) => sourceSignature(s.raw, s.name, s.role, s.organization?.slug ?? null, s.parent?.slug ?? null,
          s.parent?.country ?? null, sourceCountry(s, 'entity'), s.parent?.kind ?? null, s.seat?.group ?? null, s.seat?.role ?? null, s.share))
        .join('\n');
      expectedBySources.set(sources, signature);
    }
    return signature;
  };
  const changed: Reresolved[] = [];
  const seatKeys: SeatKey[] = [];
  type Current = Reresolved & { stored: string[]; seats: SeatKey[] };
  const finish = (c: Current | null) => {
    if (c && c.stored.join('\n') !== expected(c.sourceText, c.date)) {
      changed.push({ id: c.id, bodyId: c.bodyId, sourceText: c.sourceText, date: c.date });
      seatKeys.push(...c.seats);
    }
  };
  let current = null as Current | null;
  const rows = db.$client
    .prepare(`select c.id, c.body_id, c.source_text, c.date, s.raw, s.name, s.role, o.slug, p.slug,
        s.parent_country, s.entity_country, s.parent_kind, s.seat_group, s.seat_role, s.share
      from contributions c
      left join contribution_sources s on s.contribution_id = c.id
      left join organizations o on o.id = s.organization_id
      left join organizations p on p.id = s.parent_id
      order by c.id, s.position`)
    .raw()
    .iterate() as IterableIterator<[number, string, string, string | null, string | null, string, string | null, string | null, string | null,
      string | null, string | null, string | null, string | null, string | null, number]>;
  for (const [id, bodyId, sourceText, date, raw, name, role, organization, parent, parentCountry, entityCountry, parentKind, seatGroup, seatRole, share] of rows) {
    if (current?.id !== id) {
      finish(current);
      current = { id, bodyId, sourceText, date, stored: [], seats: [] };
    }
    if (raw === null) continue; // no source rows
    current.stored.push(sourceSignature(raw, name, role, organization, parent, parentCountry, entityCountry, parentKind, seatGroup, seatRole, share));
    if (seatGroup !== null && seatRole !== null) current.seats.push({ bodyId, seatGroup, seatRole });
  }
  finish(current);
  return { changed, seatKeys };
}

/**
 * Brings every contribution's sources in line with the resolver: those whose source cell resolves
 * differently now (compared row by row with what is stored, organizations by slug) are rewritten, the
 * others left as they are, so a registry edit costs what it changes. Then removes organizations that
 * left the registry and nothing points at, re-resolves the officer-page seats, rebuilds the seats the
 * rewritten sources name (before and after) and brings their report counts in step. Returns how many
 * contributions' sources were rewritten.
 */
export function reresolveAll(db: Db, resolver: Resolver): number {
  let count = 0;
  const prepared = statements(db);
  db.transaction((tx) => {
    const txDb = tx as unknown as Db;
    const ids = new OrganizationIds(db.$client, resolver);
    const { changed, seatKeys } = resolvingDifferently(db, resolver);
    const counts = new CountChange(txDb);
    counts.before(changed.map((row) => row.id));
    const cache = new Map<string, ResolvedSource[]>();
    for (const row of changed) {
      let resolved = cache.get(row.sourceText);
      if (!resolved) cache.set(row.sourceText, (resolved = resolver.sourcesOf(row.sourceText)));
      const sources = resolver.atDate(resolved, row.date);
      writeSources(prepared, ids, row.id, sources);
      for (const s of sources) if (s.seat) seatKeys.push({ bodyId: row.bodyId, seatGroup: s.seat.group, seatRole: s.seat.role });
      count++;
    }
    // Organizations that left the registry and that nothing points at any more.
    tx.run(sql`delete from organizations where origin = 'registry' and slug not in (${sql.join(
      [...resolver.registry.organizations.keys()].map((s) => sql`${s}`),
      sql`, `,
    )}) and id not in (select organization_id from contribution_sources where organization_id is not null)
      and id not in (select parent_id from contribution_sources where parent_id is not null)
      and id not in (select parent_id from organizations where parent_id is not null)
      and id not in (select organization_id from positions where organization_id is not null)`);
    reresolveOfficialPositions(txDb, ids, resolver);
    if (seatKeys.length > 0) rebuildTdocSeats(txDb, seatKeys);
    counts.after();
    if (changed.length > 0) dropEmptyCounts(txDb);
  });
  return count;
}

// ---------------------------------------------------------------------------------------------------
// Seats read off source cells

export const TDOC_SEAT_BASIS = 'tdoc-source';

interface SeatSighting {
  bodyId: string;
  seatGroup: string;
  seatRole: string;
  organizationId: number;
  parentId: number | null;
  date: string | null;
  meetingDay: string;
  latestMeetingDay: string;
  url: string | null;
  raw: string;
}

/** Items by key, in their order (Map keeps the order keys were first met). */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

interface SeatTerm {
  first: SeatSighting;
  evidence: SeatSighting | null;
  fromDate: string | null;
  lastDate: string | null;
  current: boolean;
}

/**
 * Cuts one seat's sightings (ordered by meeting day, then date) into terms. A chair has one holder:
 * when another organization is shown in the chair at a later meeting, the earlier holder's term ends
 * at its last sighting (Apple held RAN4 until 2021, Huawei to 2025, Apple again after). Vice-chairs
 * sit side by side, so a vice-chair's term runs from its first to its last sighting whoever else is
 * seen.
 */
function seatTerms(sightings: SeatSighting[], singleHolder: boolean): SeatTerm[] {
  const terms: SeatTerm[] = [];
  const open = new Map<number, SeatTerm>();
  for (const [day, today] of groupBy(sightings, (s) => s.meetingDay)) {
    if (singleHolder) {
      const holders = new Set(today.map((s) => s.organizationId));
      for (const org of open.keys()) if (!holders.has(org)) open.delete(org);
    }
    for (const sighting of today) {
      let term = open.get(sighting.organizationId);
      if (!term) {
        term = { first: sighting, evidence: null, fromDate: sighting.date, lastDate: sighting.date, current: false };
        open.set(sighting.organizationId, term);
        terms.push(term);
      }
      term.evidence ??= sighting.url ? sighting : null;
      if ((sighting.date ?? '') < (term.fromDate ?? '')) term.fromDate = sighting.date;
      if ((sighting.date ?? '') > (term.lastDate ?? '')) term.lastDate = sighting.date;
      // Open when shown at the latest meeting on record of the list it was read from.
      term.current ||= day === sighting.latestMeetingDay;
    }
  }
  return terms;
}

/** A seat as source cells name it: body, the group as written, role. */
export interface SeatKey {
  bodyId: string;
  seatGroup: string;
  seatRole: string;
}

/** The positions row a seat key ends up in: body, group code, role. */
function seatTarget(key: SeatKey): string {
  return [key.bodyId, groupByCode(key.seatGroup)?.code ?? key.seatGroup, key.seatRole].join('|');
}

/** The seat keys source cells name, in the given groups' contributions (all groups without). */
export function tdocSeatKeys(db: Db, groupIds?: number[]): SeatKey[] {
  return db.all<SeatKey>(sql`
    select distinct c.body_id as bodyId, s.seat_group as seatGroup, s.seat_role as seatRole
    from contribution_sources s join contributions c on c.id = s.contribution_id
    where s.seat_group is not null
      ${groupIds ? sql`and c.group_id in (${sql.join(groupIds.map((g) => sql`${g}`), sql`, `)})` : sql``}`);
}

/**
 * Rebuilds the seats that source cells reveal (`RAN1 Chair (Samsung)`): positions from the first to
 * the last sighting of each term (see seatTerms); with `only`, just those seats (every sighting of
 * each, in any group), the others left as they are. A term still shown at the latest meeting of a list it
 * appears in is open (`to` null). Meetings are compared by their first day (a contribution's own date
 * when its meeting has none), so documents uploaded weeks after a meeting do not make it look later.
 */
export function rebuildTdocSeats(db: Db, only?: SeatKey[]): void {
  let keys: SeatKey[] | null = null;
  if (only) {
    // Every key whose seat is one of the affected seats (two spellings of a group name one seat).
    const targets = new Set(only.map(seatTarget));
    keys = tdocSeatKeys(db).filter((k) => targets.has(seatTarget(k)));
    for (const target of targets) {
      const [bodyId, code, role] = target.split('|') as [string, string, string];
      db.run(sql`delete from positions where basis = ${TDOC_SEAT_BASIS} and body_id = ${bodyId} and role = ${role}
        and group_id in (select id from groups where body_id = ${bodyId} and code = ${code})`);
    }
    if (keys.length === 0) return;
  } else {
    db.delete(positions).where(eq(positions.basis, TDOC_SEAT_BASIS)).run();
  }
  // Only contributions with a seat in their source cell are dated, and the latest meeting day is
  // computed only for the lists (groups) those come from.
  const sightings = db.all<SeatSighting>(sql`
    with seat_keys as (
      select json_extract(value, '$[0]') as body_id, json_extract(value, '$[1]') as seat_group, json_extract(value, '$[2]') as seat_role
      from json_each(${JSON.stringify((keys ?? []).map((k) => [k.bodyId, k.seatGroup, k.seatRole]))})),
    sighted as (
      select s.contribution_id, s.seat_group, s.seat_role, s.organization_id, s.parent_id, s.raw from contribution_sources s
      where s.seat_group is not null and s.organization_id is not null
        and (${keys === null ? 1 : 0} or exists (select 1 from seat_keys k where k.seat_group = s.seat_group and k.seat_role = s.seat_role))),
    dated as (
      select c.id, c.body_id, c.group_id, c.date, c.url, c.ref, coalesce(m.start_date, c.date, '') as meeting_day
      from contributions c left join meetings m on m.id = c.meeting_id
      where c.id in (select contribution_id from sighted)),
    latest as (
      select c.group_id, max(coalesce(m.start_date, c.date, '')) as day
      from contributions c left join meetings m on m.id = c.meeting_id
      where c.group_id in (select distinct group_id from dated)
      group by c.group_id)
    select d.body_id as bodyId, s.seat_group as seatGroup, s.seat_role as seatRole,
           s.organization_id as organizationId, s.parent_id as parentId, d.date as date,
           d.meeting_day as meetingDay, latest.day as latestMeetingDay, d.url as url, s.raw as raw
    from sighted s
    join dated d on d.id = s.contribution_id
    join latest on latest.group_id = d.group_id
    where (${keys === null ? 1 : 0} or exists (select 1 from seat_keys k where k.body_id = d.body_id and k.seat_group = s.seat_group and k.seat_role = s.seat_role))
    order by d.meeting_day, d.date, d.ref`);

  for (const seatSightings of groupBy(sightings, (s) => [s.bodyId, s.seatGroup, s.seatRole].join('|')).values()) {
    const { bodyId, seatGroup, seatRole } = seatSightings[0]!;
    const target = groupId(db, bodyId, groupByCode(seatGroup) ?? { code: seatGroup, name: seatGroup });
    for (const term of seatTerms(seatSightings, seatRole === 'chair')) {
      db.insert(positions)
        .values({
          bodyId,
          groupId: target,
          role: seatRole,
          person: null,
          organizationId: term.first.organizationId,
          parentId: term.first.parentId,
          sourceRaw: (term.evidence ?? term.first).raw,
          fromDate: term.fromDate,
          toDate: term.current ? null : term.lastDate,
          lastSeenDate: term.lastDate,
          evidenceUrl: term.evidence?.url ?? null,
          basis: TDOC_SEAT_BASIS,
        })
        .run();
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Seats from officer pages

/** The organization a seat's published affiliation names: the first part of it that resolves. */
function seatHolder(resolver: Resolver, sourceText: string, date: string | null): ResolvedSource | null {
  const parts = resolver.resolveSourceText(sourceText, date);
  return parts.find((p) => p.organization) ?? parts[0] ?? null;
}

function positionKey(p: { groupId: number; role: string; person: string | null; sourceRaw: string; detail: string | null }): string {
  return [p.groupId, p.role, p.person ?? '', p.sourceRaw, p.detail ?? ''].join('\u0000');
}

/**
 * Stores one officer page. Seats are matched within the page's (basis, scope) by group, role, person,
 * affiliation and detail: a seat seen again is updated (its dates only filled in or corrected, never
 * erased), a new one is inserted. A seat the page no longer shows is kept; with `closeMissing` (a page
 * that lists only the current holders) an open one is closed at `seenDate`, the first day it was
 * known to be over.
 */
export function storeRoster(
  db: Db,
  resolver: Resolver,
  roster: ParsedRoster,
  options: { rawDocumentId: number | null; seenDate: string; closeMissing?: boolean },
): StoreResult {
  const result: StoreResult = { seen: roster.positions.length, new: 0, changed: 0 };
  db.transaction((tx) => {
    const txDb = tx as unknown as Db;
    const ids = new OrganizationIds(db.$client, resolver);
    const existing = new Map(
      tx.select().from(positions)
        .where(and(eq(positions.basis, roster.basis), eq(positions.scope, roster.scope)))
        .all()
        .map((row) => [positionKey(row), row]),
    );
    const seen = new Set<string>();
    for (const parsed of roster.positions) {
      const holder = seatHolder(resolver, parsed.sourceText, parsed.from ?? parsed.to);
      const organizationId = holder?.organization ? ids.idOf(holder.organization) : null;
      const parentId = holder?.parent ? ids.idOf(holder.parent) : null;
      const values = {
        bodyId: roster.body,
        groupId: groupId(txDb, roster.body, parsed.group),
        role: parsed.role,
        person: parsed.person,
        organizationId,
        parentId,
        sourceRaw: parsed.sourceText,
        fromDate: parsed.from,
        toDate: parsed.to,
        lastSeenDate: options.seenDate,
        evidenceUrl: parsed.evidenceUrl,
        basis: roster.basis,
        scope: roster.scope,
        detail: parsed.detail,
        country: parsed.country,
        partner: parsed.partner ?? null,
        rawDocumentId: options.rawDocumentId,
      };
      const key = positionKey(values);
      if (seen.has(key)) continue;
      seen.add(key);
      const old = existing.get(key);
      if (!old) {
        tx.insert(positions).values(values).run();
        result.new++;
        continue;
      }
      const merged = {
        ...values,
        fromDate: values.fromDate ?? old.fromDate,
        toDate: values.toDate ?? (old.toDate && options.closeMissing ? null : old.toDate),
        country: values.country ?? old.country,
        partner: values.partner ?? old.partner,
        evidenceUrl: values.evidenceUrl ?? old.evidenceUrl,
      };
      if (merged.fromDate !== old.fromDate || merged.toDate !== old.toDate || merged.organizationId !== old.organizationId || merged.partner !== old.partner) {
        result.changed++;
      }
      tx.update(positions).set(merged).where(eq(positions.id, old.id)).run();
    }
    if (options.closeMissing) {
      for (const [key, old] of existing) {
        if (seen.has(key) || old.toDate !== null) continue;
        tx.update(positions).set({ toDate: options.seenDate }).where(eq(positions.id, old.id)).run();
        result.changed++;
      }
    }
  });
  return result;
}

/**
 * Ends the open official seats of a body that later elections or appointments filled again (see
 * scrapers/seat-terms.ts): across all the given bases, since one seat may be read from several pages.
 * Only empty end dates are filled; returns how many.
 */
export function closeReplacedSeats(db: Db, options: { body: string; bases: string[]; capacity: SeatCapacity }): number {
  if (options.bases.length === 0) return 0;
  const rows = db
    .select({ id: positions.id, group: groups.code, role: positions.role, organizationId: positions.organizationId,
      sourceRaw: positions.sourceRaw, from: positions.fromDate, to: positions.toDate })
    .from(positions)
    .innerJoin(groups, eq(groups.id, positions.groupId))
    .where(and(eq(positions.bodyId, options.body), inArray(positions.basis, options.bases)))
    .all();
  const terms: OfficialTerm[] = rows.map((r) => ({
    id: r.id,
    group: r.group,
    role: r.role,
    holder: r.organizationId !== null ? `org:${r.organizationId}` : `raw:${r.sourceRaw.toLowerCase()}`,
    from: r.from,
    to: r.to,
  }));
  const ends = replacedTermEnds(terms, options.capacity);
  db.transaction((tx) => {
    for (const [id, day] of ends) tx.update(positions).set({ toDate: day }).where(and(eq(positions.id, id), isNull(positions.toDate))).run();
  });
  return ends.size;
}

/** Seats from officer pages follow the registry like sources do: re-resolved from their raw text. */
function reresolveOfficialPositions(db: Db, ids: OrganizationIds, resolver: Resolver): void {
  const rows = db
    .select({ id: positions.id, sourceRaw: positions.sourceRaw, fromDate: positions.fromDate, toDate: positions.toDate })
    .from(positions)
    .where(sql`${positions.basis} <> ${TDOC_SEAT_BASIS}`)
    .all();
  for (const row of rows) {
    const holder = seatHolder(resolver, row.sourceRaw, row.fromDate ?? row.toDate);
    db.update(positions)
      .set({
        organizationId: holder?.organization ? ids.idOf(holder.organization) : null,
        parentId: holder?.parent ? ids.idOf(holder.parent) : null,
      })
      .where(eq(positions.id, row.id))
      .run();
  }
}

// ---------------------------------------------------------------------------------------------------
// Raw documents, runs

export interface RawDocumentInput {
  url: string;
  fetchedAt: string;
  sha256: string;
  size: number;
  contentType: string | null;
  httpStatus: number | null;
  etag: string | null;
  lastModified: string | null;
  storagePath: string;
}

/** Records an archived response; the same bytes from the same URL are one row. */
export function recordRawDocument(db: Db, input: RawDocumentInput): number {
  const existing = db
    .select({ id: rawDocuments.id })
    .from(rawDocuments)
    .where(and(eq(rawDocuments.url, input.url), eq(rawDocuments.sha256, input.sha256)))
    .get();
  if (existing) {
    // Keep the validators current for the next conditional GET.
    if (input.etag || input.lastModified) {
      db.update(rawDocuments).set({ etag: input.etag, lastModified: input.lastModified }).where(eq(rawDocuments.id, existing.id)).run();
    }
    return existing.id;
  }
  return db.insert(rawDocuments).values(input).returning({ id: rawDocuments.id }).get().id;
}

/** The archived document of these bytes, if any: one with a public (http) address first, else the earliest. */
export function archivedCopy(db: Db, sha256: string): { id: number; url: string } | undefined {
  return db
    .select({ id: rawDocuments.id, url: rawDocuments.url })
    .from(rawDocuments)
    .where(eq(rawDocuments.sha256, sha256))
    .orderBy(sql`case when ${rawDocuments.url} like 'http%' then 0 else 1 end`, rawDocuments.id)
    .limit(1)
    .get();
}

export function latestRawDocument(db: Db, url: string): typeof rawDocuments.$inferSelect | undefined {
  return db
    .select()
    .from(rawDocuments)
    .where(eq(rawDocuments.url, url))
    .orderBy(sql`${rawDocuments.fetchedAt} desc, ${rawDocuments.id} desc`)
    .limit(1)
    .get();
}

export type RunStatus = 'ok' | 'partial' | 'failed' | 'layout-changed';

export function startRun(db: Db, source: string, trigger: string, startedAt = new Date().toISOString()): number {
  return db
    .insert(scrapeRuns)
    .values({ source, trigger, startedAt, status: 'running', pid: process.pid })
    .returning({ id: scrapeRuns.id })
    .get().id;
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs still marked `running` whose process is gone (killed, crashed, stopped mid-run) are closed as
 * failed, saying so: what they stored is kept (each listing is its own transaction).
 */
export function closeInterruptedRuns(db: Db): number {
  const stale = db
    .select({ id: scrapeRuns.id, pid: scrapeRuns.pid })
    .from(scrapeRuns)
    .where(eq(scrapeRuns.status, 'running'))
    .all()
    .filter((run) => run.pid === null || (run.pid !== process.pid && !processIsAlive(run.pid)));
  for (const run of stale) {
    db.update(scrapeRuns)
      .set({ status: 'failed', finishedAt: new Date().toISOString(), error: 'interrupted: the process stopped before the run finished' })
      .where(eq(scrapeRuns.id, run.id))
      .run();
  }
  return stale.length;
}

export function finishRun(
  db: Db,
  id: number,
  outcome: {
    status: RunStatus;
    documentsFetched: number;
    recordsSeen: number;
    recordsNew: number;
    recordsChanged: number;
    error?: string | null;
    details?: unknown;
  },
): void {
  db.update(scrapeRuns)
    .set({
      finishedAt: new Date().toISOString(),
      status: outcome.status,
      documentsFetched: outcome.documentsFetched,
      recordsSeen: outcome.recordsSeen,
      recordsNew: outcome.recordsNew,
      recordsChanged: outcome.recordsChanged,
      error: outcome.error ?? null,
      details: outcome.details === undefined ? null : JSON.stringify(outcome.details),
    })
    .where(eq(scrapeRuns.id, id))
    .run();
}
