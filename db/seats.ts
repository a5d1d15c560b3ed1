// Leadership seats: those the contribution lists reveal (`RAN1 Chair (Samsung)`, rebuilt from the
// sightings), those officer pages and rosters publish (stored per basis and scope), and the official
// terms a later election or appointment ended.
import { and, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import { groupByCode } from '../domain/groups/3gpp.js';
import type { ResolvedSource, Resolver } from '../domain/resolve/resolve.js';
import { replacedTermEnds, type OfficialTerm, type SeatCapacity } from '../domain/seat-terms.js';
import type { ParsedPosition, ParsedRoster, StoreResult } from '../domain/types.js';
import { hasAddress, withoutAddresses } from '../domain/email-addresses.js';
import { perConnection, type Db } from './client.js';
import { groupId } from './groups.js';
import { OrganizationIds } from './organizations.js';
import { groups, positions } from './schema.js';

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

/**
 * The seat keys source cells name, in the given groups' contributions (all groups without). Read off
 * the few source rows that name a seat (the partial index sources_seat), not off every row of the
 * groups: `+` keeps SQLite from starting at the group's contributions.
 */
export function tdocSeatKeys(db: Db, groupIds?: number[]): SeatKey[] {
  return db.all<SeatKey>(sql`
    select distinct c.body_id as bodyId, s.seat_group as seatGroup, s.seat_role as seatRole
    from contribution_sources s join contributions c on c.id = s.contribution_id
    where s.seat_group is not null
      ${groupIds ? sql`and +c.group_id in (${sql.join(groupIds.map((g) => sql`${g}`), sql`, `)})` : sql``}`);
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

/**
 * A seat as it may be stored: no e-mail address in any of its texts, whatever cell a page put one in
 * (an evidence that is an address is no evidence).
 */
function withoutContactDetails(seat: ParsedPosition): ParsedPosition {
  const person = seat.person === null ? null : withoutAddresses(seat.person) || null;
  const detail = seat.detail === null ? null : withoutAddresses(seat.detail) || null;
  const evidenceUrl = seat.evidenceUrl !== null && hasAddress(seat.evidenceUrl) ? null : seat.evidenceUrl;
  return { ...seat, person, sourceText: withoutAddresses(seat.sourceText), detail, evidenceUrl };
}

function positionKey(p: { groupId: number; role: string; person: string | null; sourceRaw: string; detail: string | null }): string {
  return [p.groupId, p.role, p.person ?? '', p.sourceRaw, p.detail ?? ''].join('\u0000');
}

type SeatValues = typeof positions.$inferInsert;

/** The columns a new seat is inserted with, in the statement's order: every column of the table but its id. */
const SEAT_COLUMNS = Object.entries(getTableColumns(positions)).filter(([key]) => key !== 'id') as [keyof SeatValues, { name: string }][];

/**
 * A new seat, its columns bound, on better-sqlite3: a work plan adds seven thousand, and drizzle
 * building an INSERT (even one per 500 seats) cost more than SQLite running it (1.2 s of a seed).
 */
const insertSeat = perConnection((db: Db) => {
  const columns = SEAT_COLUMNS.map(([, column]) => column.name);
  return db.$client.prepare(`insert into positions (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
});

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
    // A work plan holds thousands of seats in a few dozen groups: each group is looked up once, and the
    // new seats are inserted by one statement prepared once (insertSeat).
    const groupIds = new Map<string, number>();
    const groupOf = (group: ParsedPosition['group']) => {
      let id = groupIds.get(group.code);
      if (id === undefined) groupIds.set(group.code, (id = groupId(txDb, roster.body, group)));
      return id;
    };
    const added: SeatValues[] = [];
    for (const read of roster.positions) {
      const parsed = withoutContactDetails(read);
      const holder = seatHolder(resolver, parsed.sourceText, parsed.from ?? parsed.to);
      const organizationId = holder?.organization ? ids.idOf(holder.organization) : null;
      const parentId = holder?.parent ? ids.idOf(holder.parent) : null;
      const values = {
        bodyId: roster.body,
        groupId: groupOf(parsed.group),
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
        added.push(values);
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
    const insert = insertSeat(db);
    for (const values of added) insert.run(SEAT_COLUMNS.map(([key]) => values[key] ?? null));
    result.new += added.length;
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
 * domain/seat-terms.ts): across all the given bases, since one seat may be read from several pages.
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
export function reresolveOfficialPositions(db: Db, ids: OrganizationIds, resolver: Resolver): void {
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
