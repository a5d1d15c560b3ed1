// The seat table: at a chosen date, the chair and vice-chair seats of a body's groups counted by the
// holder's country and company ("N of M seats"), the same table at earlier dates, and the cross-check of
// the seats the contribution lists reveal against the official ones.
//
// A seat is held on day D when its term started on or before D and had not ended: official terms end
// the day the next term starts (`to` is exclusive); seats read off source cells end at their last
// sighting (`to` is inclusive). Where a group has official seats of a role held on D, only those count
// for that group and role on D; the `tdoc-source` seats count only where there are none (a table of
// chairs alone leaves the sighted vice-chairs counted). A 3GPP group has one chair and two or three
// vice-chairs: where official terms of several sources overlap, the newest hold the seats.
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { TDOC_SEAT_BASIS } from '../../db/seats.js';
import { groups, organizations, positions } from '../../db/schema.js';
import { countryName } from '../../domain/resolve/countries.js';
import { WORK_PLAN_BASIS } from '../../domain/seat-bases.js';
import { SECONDARY_BASES, threeGppSeatCapacity } from '../../domain/seat-bases.js';
import { FIVE_G_IOT_GROUPS } from '../../domain/groups/itu.js';
import { FilterError, calendarDate, type Filters } from './filters.js';
import { as, seats } from './participation.js';

/** Named sets of groups one can ask the table for (`?set=3gpp-tsgs`). Other bodies add theirs here. */
export const GROUP_SETS: Record<string, { body: string; groups: string[]; description: string }> = {
  '3gpp-tsgs': { body: '3gpp', groups: ['RAN', 'SA', 'CT'], description: 'the three 3GPP Technical Specification Groups (plenaries)' },
  '3gpp-ran': { body: '3gpp', groups: ['RAN', 'RAN1', 'RAN2', 'RAN3', 'RAN4', 'RAN5'], description: 'TSG RAN and its working groups' },
  '3gpp-sa': { body: '3gpp', groups: ['SA', 'SA1', 'SA2', 'SA3', 'SA4', 'SA5', 'SA6'], description: 'TSG SA and its working groups' },
  '3gpp-ct': { body: '3gpp', groups: ['CT', 'CT1', 'CT3', 'CT4', 'CT6'], description: 'TSG CT and its working groups' },
  'itu-5g-iot': {
    body: 'itu',
    groups: [...FIVE_G_IOT_GROUPS],
    description: "ITU's 5G- and IoT-related groups: ITU-T SG13, SG15, SG17, SG20 and ITU-R WP 5D",
  },
};

const SEAT_ROLES = ['chair', 'vice-chair'] as const;

export const tableOptionsSchema = z.object({
  at: calendarDate.optional(),
  groups: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 .#/_-]+(,[A-Za-z0-9 .#/_-]+)*$/, 'a comma-separated list of group codes')
    .transform((list) => [...new Set(list.split(',').map((g) => g.trim().toUpperCase()).filter(Boolean))])
    .optional(),
  set: z.string().trim().optional(),
  dates: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*$/, 'a comma-separated list of dates YYYY-MM-DD')
    .transform((list) => [...new Set(list.split(','))].sort())
    .optional(),
  // Work-item rapporteurs are not chair or vice-chair seats: counted apart, and only when asked.
  rapporteurs: z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'], { error: 'must be 1 or 0' })
    .transform((v) => v === '1' || v === 'true' || v === 'yes')
    .optional(),
});

export interface SeatTableOptions {
  /** The day the table is for; today when not given. */
  at: string;
  /** Only these groups (codes), when given. */
  groups: string[] | null;
  /** The earlier days to show the table at; every 1 January since the first seat when not given. */
  dates: string[] | null;
  /** Also count the work-item rapporteurs (`?rapporteurs=1`), in their own table. */
  rapporteurs?: boolean;
}

/** Reads `?at=&groups=&set=&dates=`; a bad value is a FilterError naming it. */
export function parseSeatTableOptions(input: Record<string, unknown>, today = new Date().toISOString().slice(0, 10)): SeatTableOptions & { set: string | null } {
  const picked = Object.fromEntries(Object.entries(input).filter(([k, v]) => k in tableOptionsSchema.shape && typeof v === 'string' && v !== ''));
  const parsed = tableOptionsSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FilterError(String(issue.path[0] ?? 'at'), issue.message);
  }
  const { at, set, dates, rapporteurs } = parsed.data;
  let groupList = parsed.data.groups ?? null;
  if (set) {
    const named = GROUP_SETS[set];
    if (!named) throw new FilterError('set', `no group set "${set}" (known: ${Object.keys(GROUP_SETS).join(', ')})`);
    groupList = [...new Set([...(groupList ?? []), ...named.groups])];
  }
  if (dates && dates.length > 20) throw new FilterError('dates', 'at most 20 dates');
  return { at: at ?? today, groups: groupList, dates: dates ?? null, set: set ?? null, rapporteurs: rapporteurs ?? false };
}

export interface HeldSeat {
  body: string;
  group: string;
  role: string;
  person: string | null;
  organization: string | null;
  organizationSlug: string | null;
  parent: string | null;
  parentSlug: string | null;
  /** On the table's basis: the ultimate parent's country (default), or the entity's own. */
  country: string | null;
  /** The named entity's own country, or its parent's where the registry gives it none. */
  entityCountry: string | null;
  sourceRaw: string;
  from: string;
  to: string | null;
  basis: string;
  detail: string | null;
  /** 3GPP: the Organizational Partner the holder takes part through. */
  partner: string | null;
  evidence: string | null;
}

const seatOrg = alias(organizations, 'held_org');
const seatParent = alias(organizations, 'held_parent');

/** A seat as HeldSeat reads it: the position with its group, organization and ultimate parent. */
const heldSeatSelect = sql`
    select ${positions.bodyId} as body, ${groups.code} as "group", ${positions.role} as role, ${positions.person} as person,
      ${seatOrg.name} as organization, ${seatOrg.slug} as organizationSlug, ${seatParent.name} as parent,
      ${seatParent.slug} as parentSlug, ${seatParent.country} as country,
      coalesce(${seatOrg.country}, ${seatParent.country}) as entityCountry, ${positions.sourceRaw} as sourceRaw,
      ${positions.fromDate} as "from", ${positions.toDate} as "to", ${positions.basis} as basis,
      ${positions.detail} as detail, ${positions.partner} as partner, ${positions.evidenceUrl} as evidence
    from ${positions}
    join ${groups} on ${groups.id} = ${positions.groupId}
    left join ${as(organizations, seatOrg)} on ${seatOrg.id} = ${positions.organizationId}
    left join ${as(organizations, seatParent)} on ${seatParent.id} = coalesce(${positions.parentId}, ${positions.organizationId})`;

/** Seats of these roles in the filters' body and group and the table's groups. */
function scopeCondition(filters: Filters, groupList: string[] | null, roles: readonly string[] = ['chair', 'vice-chair']): SQL {
  const conditions: SQL[] = [sql`${positions.role} in (${sql.join(roles.map((r) => sql`${r}`), sql`, `)})`];
  if (filters.body) conditions.push(sql`${positions.bodyId} = ${filters.body}`);
  if (filters.group) conditions.push(sql`${groups.code} = ${filters.group}`);
  if (groupList && groupList.length > 0) conditions.push(sql`${groups.code} in (${sql.join(groupList.map((g) => sql`${g}`), sql`, `)})`);
  return sql.join(conditions, sql` and `);
}

/** Which of two terms of one holder is shown: the body's own publications before a secondary source. */
const basisRank = (basis: string) => (basis === TDOC_SEAT_BASIS ? 2 : SECONDARY_BASES.includes(basis) ? 1 : 0);

/**
 * The seats held on `day`: one per (group, role, holder), official ones preferred for every group and
 * role that has official seats held that day, at most as many per 3GPP group and role as the group has
 * (the newest terms). `country` is on the filters' basis.
 */
export function seatsHeldOn(db: Db, day: string, filters: Filters, groupList: string[] | null): HeldSeat[] {
  const rows = db.all<HeldSeat>(sql`${heldSeatSelect}
    where ${scopeCondition(filters, groupList)}
      and ${positions.fromDate} is not null and ${positions.fromDate} <= ${day}
      and (${positions.toDate} is null or ${positions.toDate} > ${day}
           or (${positions.basis} = ${TDOC_SEAT_BASIS} and ${positions.toDate} = ${day}))
    order by ${positions.bodyId}, ${groups.code}, ${positions.role}, ${positions.fromDate}, ${positions.id}`);
  const seats = new Map<string, HeldSeat[]>();
  for (const row of rows) {
    if (filters.basis === 'entity') row.country = row.entityCountry;
    const key = `${row.body}|${row.group}|${row.role}`;
    seats.set(key, [...(seats.get(key) ?? []), row]);
  }
  const kept = new Set<HeldSeat>();
  for (const terms of seats.values()) {
    const official = terms.filter((t) => t.basis !== TDOC_SEAT_BASIS);
    const counted = official.length > 0 ? official : terms;
    // The same term read from two pages, or a holder twice in the source cells: one seat, the newest
    // term of the most primary source.
    const byHolder = new Map<string, HeldSeat>();
    for (const term of [...counted].sort((a, b) => basisRank(a.basis) - basisRank(b.basis) || b.from.localeCompare(a.from))) {
      const holder = term.organizationSlug ?? `raw:${term.sourceRaw.toLowerCase()}`;
      const shown = byHolder.get(holder);
      if (!shown) byHolder.set(holder, term);
      // The 2009 article names no Organizational Partner; the chairs' table's reading of the term does.
      else if (shown.partner === null) shown.partner = term.partner;
    }
    let held = [...byHolder.values()];
    if (official.length > 0 && held[0]!.body === '3gpp') {
      held = held.sort((a, b) => b.from.localeCompare(a.from) || basisRank(a.basis) - basisRank(b.basis)).slice(0, threeGppSeatCapacity(held[0]!.group, held[0]!.role));
    }
    for (const term of held) kept.add(term);
  }
  return rows.filter((row) => kept.has(row));
}

export interface SeatCount {
  seats: number;
  chairs: number;
  viceChairs: number;
}

function count(list: HeldSeat[]): SeatCount {
  return {
    seats: list.length,
    chairs: list.filter((s) => s.role === 'chair').length,
    viceChairs: list.filter((s) => s.role === 'vice-chair').length,
  };
}

function groupCounts<K extends string>(list: HeldSeat[], keyOf: (s: HeldSeat) => K): Map<K, HeldSeat[]> {
  const map = new Map<K, HeldSeat[]>();
  for (const seat of list) map.set(keyOf(seat), [...(map.get(keyOf(seat)) ?? []), seat]);
  return map;
}

const ofSeats = (n: number, total: number) => `${n} of ${total} seat${total === 1 ? '' : 's'}`;

/** The table on one day: all seats, by country of the holder's ultimate parent, and by company. */
export function seatTable(db: Db, day: string, filters: Filters, groupList: string[] | null) {
  const held = seatsHeldOn(db, day, filters, groupList);
  const total = count(held);
  const byCountry = [...groupCounts(held, (s) => s.country ?? '').entries()]
    .map(([country, list]) => ({
      country: country || null,
      countryName: country ? countryName(country) : null,
      ...count(list),
      share: total.seats === 0 ? 0 : list.length / total.seats,
      label: ofSeats(list.length, total.seats),
    }))
    .sort((a, b) => b.seats - a.seats || (a.country ?? '~').localeCompare(b.country ?? '~'));
  const byCompany = [...groupCounts(held, (s) => s.parentSlug ?? `raw:${s.sourceRaw}`).values()]
    .map((list) => ({
      slug: list[0]!.parentSlug,
      name: list[0]!.parent ?? list[0]!.sourceRaw,
      country: list[0]!.country,
      ...count(list),
      label: ofSeats(list.length, total.seats),
    }))
    .sort((a, b) => b.seats - a.seats || a.name.localeCompare(b.name));
  const bases = [...new Set(held.map((s) => s.basis))].sort();
  return { at: day, total, bases, byCountry, byCompany, seats: held };
}

export type SeatTable = ReturnType<typeof seatTable>;

/** Every 1 January from the year of the first seat in scope up to `at`, and `at` itself. */
function defaultDates(db: Db, at: string, filters: Filters, groupList: string[] | null): string[] {
  const first = db.get<{ first: string | null }>(sql`
    select min(${positions.fromDate}) as first from ${positions} join ${groups} on ${groups.id} = ${positions.groupId}
    where ${scopeCondition(filters, groupList)}`)?.first;
  if (!first) return [at];
  const dates: string[] = [];
  for (let year = Number(first.slice(0, 4)) + 1; `${year}-01-01` < at; year++) dates.push(`${year}-01-01`);
  return [...dates, at];
}

/**
 * Seats the contribution lists reveal (`tdoc-source`) compared with the official ones, on the last day
 * each was seen: a list seat whose organization holds no official seat of that role in that group that
 * day is a disagreement. Only groups with official seats that day are compared; nothing is merged.
 */
export function crossCheck(db: Db, filters: Filters, groupList: string[] | null) {
  const listSeats = db.all<{ group: string; body: string; role: string; parentSlug: string | null; parent: string | null; sourceRaw: string; from: string | null; lastSeen: string | null; evidence: string | null }>(sql`
    select ${positions.bodyId} as body, ${groups.code} as "group", ${positions.role} as role, ${seatParent.slug} as parentSlug,
      ${seatParent.name} as parent, ${positions.sourceRaw} as sourceRaw, ${positions.fromDate} as "from",
      coalesce(${positions.lastSeenDate}, ${positions.toDate}) as lastSeen, ${positions.evidenceUrl} as evidence
    from ${positions}
    join ${groups} on ${groups.id} = ${positions.groupId}
    left join ${as(organizations, seatParent)} on ${seatParent.id} = coalesce(${positions.parentId}, ${positions.organizationId})
    where ${scopeCondition(filters, groupList)} and ${positions.basis} = ${TDOC_SEAT_BASIS}
    order by ${groups.code}, ${positions.role}, ${positions.fromDate}`);
  const agreements: { group: string; role: string; organization: string; day: string; officialBasis: string }[] = [];
  const disagreements: { group: string; role: string; day: string; listed: string; listedRaw: string; official: string[]; officialBases: string[]; evidence: string | null }[] = [];
  let notComparable = 0;
  for (const seat of listSeats) {
    const day = seat.lastSeen ?? seat.from;
    if (!day) continue;
    const official = seatsHeldOn(db, day, { body: seat.body as Filters['body'] }, [seat.group]).filter(
      (s) => s.basis !== TDOC_SEAT_BASIS && s.role === seat.role,
    );
    if (official.length === 0) {
      notComparable++;
      continue;
    }
    const listed = seat.parent ?? seat.sourceRaw;
    const agreeing = official.find((s) => s.parentSlug !== null && s.parentSlug === seat.parentSlug);
    if (agreeing) {
      agreements.push({ group: seat.group, role: seat.role, organization: listed, day, officialBasis: agreeing.basis });
    } else {
      disagreements.push({
        group: seat.group,
        role: seat.role,
        day,
        listed,
        listedRaw: seat.sourceRaw,
        official: official.map((s) => s.parent ?? s.sourceRaw),
        officialBases: official.map((s) => s.basis),
        evidence: seat.evidence,
      });
    }
  }
  return { compared: agreements.length + disagreements.length, notComparable, agreements, disagreements };
}

/**
 * The rapporteurs on `day` — 3GPP work and study items (the work plan), ITU-T Questions: every seat
 * whose start is on or before `day` and whose end is after it (an unfinished item has no end), counted
 * by the rapporteur organization's ultimate parent and its country. Each item or Question counts once;
 * a company rapporteur of ten items counts ten.
 */
export function rapporteurTable(db: Db, day: string, filters: Filters, groupList: string[] | null) {
  const seats = db.all<HeldSeat>(sql`${heldSeatSelect}
    where ${scopeCondition(filters, groupList, ['rapporteur'])}
      and ${positions.fromDate} is not null and ${positions.fromDate} <= ${day}
      and (${positions.toDate} is null or ${positions.toDate} > ${day})
    order by ${positions.bodyId}, ${groups.code}, ${positions.fromDate}, ${positions.id}`);
  if (filters.basis === 'entity') for (const seat of seats) seat.country = seat.entityCountry;
  // An item with co-rapporteurs (the work plan's "Huawei, China Mobile") is one item with a seat per
  // company: it counts once in the total and once for each company and country among its rapporteurs.
  const itemOf = (s: HeldSeat) => `${s.body}|${s.group}|${s.detail ?? `${s.sourceRaw}|${s.from}`}`;
  const itemCount = (list: HeldSeat[]) => new Set(list.map(itemOf)).size;
  const total = itemCount(seats);
  const ofItems = (n: number) => `${n} of ${total} item${total === 1 ? '' : 's'}`;
  const byCountry = [...groupCounts(seats, (s) => s.country ?? '').entries()]
    .map(([country, list]) => ({
      country: country || null,
      countryName: country ? countryName(country) : null,
      items: itemCount(list),
      share: total === 0 ? 0 : itemCount(list) / total,
      label: ofItems(itemCount(list)),
    }))
    .sort((a, b) => b.items - a.items || (a.country ?? '~').localeCompare(b.country ?? '~'));
  const byCompany = [...groupCounts(seats, (s) => s.parentSlug ?? `raw:${s.sourceRaw}`).values()]
    .map((list) => ({ slug: list[0]!.parentSlug, name: list[0]!.parent ?? list[0]!.sourceRaw, country: list[0]!.country, items: itemCount(list), label: ofItems(itemCount(list)) }))
    .sort((a, b) => b.items - a.items || a.name.localeCompare(b.name));
  return { at: day, total, byCountry, byCompany, items: seats };
}

export type RapporteurTable = ReturnType<typeof rapporteurTable>;

export function leadershipReport(db: Db, filters: Filters, options: Partial<SeatTableOptions> = {}) {
  const at = options.at ?? new Date().toISOString().slice(0, 10);
  const groupList = options.groups ?? null;
  const dates = options.dates ? [...options.dates.filter((d) => d < at), at] : defaultDates(db, at, filters, groupList);
  const table = seatTable(db, at, filters, groupList);
  const history = dates.map((day) => (day === at ? table : seatTable(db, day, filters, groupList)));
  const countries = [...new Set(history.flatMap((t) => t.byCountry.map((c) => c.country ?? '')))];
  const historyByCountry = countries
    .map((country) => ({
      country: country || null,
      countryName: country ? countryName(country) : null,
      cells: history.map((t) => {
        const row = t.byCountry.find((c) => (c.country ?? '') === country);
        return { at: t.at, seats: row?.seats ?? 0, total: t.total.seats, label: ofSeats(row?.seats ?? 0, t.total.seats) };
      }),
    }))
    .sort((a, b) => (b.cells.at(-1)?.seats ?? 0) - (a.cells.at(-1)?.seats ?? 0) || (a.country ?? '~').localeCompare(b.country ?? '~'));
  return {
    kind: 'leadership' as const,
    filters,
    at,
    groups: groupList,
    roles: options.rapporteurs ? [...SEAT_ROLES, 'rapporteur'] : [...SEAT_ROLES],
    basis: filters.basis ?? 'parent',
    table,
    history: history.map((t) => ({ at: t.at, total: t.total, byCountry: t.byCountry.map(({ country, seats, chairs, viceChairs }) => ({ country, seats, chairs, viceChairs })) })),
    historyByCountry,
    // Without `rapporteurs`, the work plan's thousands of item seats stay out of the seat list too.
    seats: seats(db, options.rapporteurs ? sql`1 = 1` : sql`${positions.basis} <> ${WORK_PLAN_BASIS}`, filters),
    rapporteurs: options.rapporteurs
      ? {
          table: rapporteurTable(db, at, filters, groupList),
          history: dates.map((day) => {
            const t = rapporteurTable(db, day, filters, groupList);
            return { at: day, total: t.total, byCountry: t.byCountry.map(({ country, items }) => ({ country, items })) };
          }),
        }
      : null,
  };
}

export type LeadershipReport = ReturnType<typeof leadershipReport>;

/** The table and its history in one long CSV: one row per date, section and country or company. */
export function leadershipCsvRows(report: LeadershipReport): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const entry of report.history) {
    const table = entry.at === report.at ? report.table : null;
    for (const c of entry.byCountry) {
      rows.push({ at: entry.at, section: 'country', key: c.country ?? '', name: c.country ? countryName(c.country) : 'no country', seats: c.seats, chairs: c.chairs, viceChairs: c.viceChairs, totalSeats: entry.total.seats });
    }
    if (!table) continue;
    for (const c of table.byCompany) {
      rows.push({ at: entry.at, section: 'company', key: c.slug ?? '', name: c.name, seats: c.seats, chairs: c.chairs, viceChairs: c.viceChairs, totalSeats: table.total.seats });
    }
  }
  if (report.rapporteurs) {
    // Rapporteur rows: `seats` is the number of items; they have no chairs or vice-chairs.
    for (const entry of report.rapporteurs.history) {
      for (const c of entry.byCountry) {
        rows.push({ at: entry.at, section: 'rapporteur-country', key: c.country ?? '', name: c.country ? countryName(c.country) : 'no country', seats: c.items, chairs: '', viceChairs: '', totalSeats: entry.total });
      }
    }
    const table = report.rapporteurs.table;
    for (const c of table.byCompany) {
      rows.push({ at: table.at, section: 'rapporteur-company', key: c.slug ?? '', name: c.name, seats: c.items, chairs: '', viceChairs: '', totalSeats: table.total });
    }
  }
  return rows;
}

export const LEADERSHIP_CSV_COLUMNS = ['at', 'section', 'key', 'name', 'seats', 'chairs', 'viceChairs', 'totalSeats'];

export function crossCheckReport(db: Db, filters: Filters, groupList: string[] | null) {
  return { kind: 'leadership-cross-check' as const, filters, groups: groupList, ...crossCheck(db, filters, groupList) };
}
