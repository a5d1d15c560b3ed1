// The membership basis: 3GPP's contributions and seats by the Organizational Partner their sources and
// holders take part through, side by side. A contribution's source takes part through its
// organization's memberships on record (the registry's memberships.yaml: one partner, several, or
// none); a seat through the partner its roster, election news or chairs' table names (null: not given).
// Counted the one way (db/counts: the partner tables) and on the seat table of a day (leadership.ts).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { countryName } from '../../domain/resolve/countries.js';
import type { Memberships } from '../../domain/resolve/memberships.js';
import { ORGANIZATIONAL_PARTNERS, PARTNER_REGIONS, UNRESOLVED_PARTNER, partnerClass, partnerOfMemberships, partnersIn, type OrganizationalPartner } from '../../domain/partners.js';
import { FilterError, type Filters } from './filters.js';
import { seatTable, type HeldSeat } from './leadership.js';
import { SHARES, allContributions, countsOf } from './participation.js';

/** The Organizational Partners are 3GPP's: the membership basis counts 3GPP only. */
export function threeGppOnly(filters: Filters): Filters {
  if (filters.body && filters.body !== '3gpp') throw new FilterError('body', "the Organizational Partners are 3GPP's: this counts 3GPP only (leave body out, or 3gpp)");
  return { ...filters, body: '3gpp' };
}

/** Contributions of sources taking part through one partner, several, none on record, or unresolved. */
export interface PartnerCountRow {
  /** `ETSI`; several joined by `+` (`CCSA+ETSI`); `none`; `unresolved`. */
  partner: string;
  class: ReturnType<typeof partnerClass>;
  partners: OrganizationalPartner[];
  contributions: number;
  fractional: number;
  share: number | null;
}

/** Rows of a partner count (a count query by `partner`), largest fractional count first. */
function partnerRows(rows: { partner: string; contributions: number; fractional: number }[], all: number): PartnerCountRow[] {
  const order = { one: 0, several: 1, none: 2, unresolved: 3 };
  return rows
    .map((row) => {
      const partner = row.partner === '' ? UNRESOLVED_PARTNER : row.partner;
      return { partner, class: partnerClass(partner), partners: partnersIn(partner), contributions: row.contributions, fractional: row.fractional, share: all === 0 ? null : row.fractional / all };
    })
    .sort((a, b) => order[a.class] - order[b.class] || Math.round((b.fractional - a.fractional) * 1e9) || a.partner.localeCompare(b.partner));
}

/** The share of the fractional count in each class: through one partner, several, none on record, unresolved. */
function classShares(rows: PartnerCountRow[], all: number) {
  const sum = (c: PartnerCountRow['class']) => rows.filter((r) => r.class === c).reduce((total, r) => total + r.fractional, 0);
  const share = (n: number) => (all === 0 ? null : n / all);
  return { one: share(sum('one')), several: share(sum('several')), none: share(sum('none')), unresolved: share(sum('unresolved')) };
}

/** A company's (ultimate parent's) 3GPP contributions by the partner its sources take part through. */
export function companyByPartner(db: Db, parentId: number, filters: Filters): PartnerCountRow[] {
  if (filters.body && filters.body !== '3gpp') return [];
  const scoped = threeGppOnly(filters);
  const rows = db.all<{ partner: string; contributions: number; fractional: number }>(countsOf(db, 'parentPartner', scoped, ['partner'], sql`r.parent_id = ${parentId}`, { measures: SHARES }));
  return partnerRows(rows, allContributions(db, scoped));
}

/** An organization's memberships on record, for the report that names it. */
export function membershipsOf(memberships: Memberships, slug: string) {
  const list = memberships.byOrganization.get(slug) ?? [];
  return { partner: partnerOfMemberships(list.map((m) => m.partner)), memberships: list.map((m) => ({ partner: m.partner, names: m.names, asOf: m.source.asOf })) };
}

/**
 * Seats held, counted by the partner the source gives (null: not given): the seven partners, then any
 * other the source wrote (the importers keep only the seven, but a seat is never dropped), then null.
 */
export function seatsByPartner(held: HeldSeat[]) {
  const total = held.length;
  const others = [...new Set(held.map((s) => s.partner).filter((p): p is string => p !== null && !(ORGANIZATIONAL_PARTNERS as readonly string[]).includes(p)))].sort();
  const rows = [...ORGANIZATIONAL_PARTNERS, ...others, null].map((partner) => {
    const list = held.filter((s) => (s.partner ?? null) === partner);
    return {
      partner,
      seats: list.length,
      chairs: list.filter((s) => s.role === 'chair').length,
      viceChairs: list.filter((s) => s.role === 'vice-chair').length,
      share: total === 0 ? null : list.length / total,
      label: `${list.length} of ${total} seat${total === 1 ? '' : 's'}`,
    };
  });
  return { total, byPartner: rows };
}

/**
 * A country's 3GPP chair and vice-chair seats held on a day (the seat table's, its country on the
 * filters' basis), by the partner their sources give; null when the filters are of another body.
 */
export function countrySeatsByPartner(db: Db, country: string, filters: Filters, day: string) {
  if (filters.body && filters.body !== '3gpp') return null;
  const table = seatTable(db, day, { body: '3gpp', group: filters.group, basis: filters.basis }, null);
  return { at: day, of: table.total.seats, ...seatsByPartner(table.seats.filter((s) => s.country === country)) };
}

export interface PartnersOptions {
  /** The day of the seat table. */
  at: string;
  groups: string[] | null;
}

export function partnersReport(db: Db, memberships: Memberships, filters: Filters, options: PartnersOptions) {
  const scoped = threeGppOnly(filters);
  const all = allContributions(db, scoped);
  const byPartner = partnerRows(db.all(countsOf(db, 'partner', scoped, ['partner'])), all);
  const table = seatTable(db, options.at, { body: '3gpp', group: scoped.group }, options.groups);
  const seats = seatsByPartner(table.seats);
  const share = (n: number) => (all === 0 ? null : n / all);
  const partners = ORGANIZATIONAL_PARTNERS.map((partner) => {
    const alone = byPartner.find((r) => r.partner === partner);
    // Sources of organizations that joined through this partner and others: their part may be this one's.
    const amongSeveral = byPartner.filter((r) => r.class === 'several' && r.partners.includes(partner)).reduce((sum, r) => sum + r.fractional, 0);
    const seat = seats.byPartner.find((s) => s.partner === partner)!;
    return {
      partner,
      region: PARTNER_REGIONS[partner],
      contributions: alone?.contributions ?? 0,
      fractional: alone?.fractional ?? 0,
      share: share(alone?.fractional ?? 0),
      amongSeveral: { fractional: amongSeveral, share: share(amongSeveral) },
      seats: seat.seats,
      chairs: seat.chairs,
      viceChairs: seat.viceChairs,
      seatShare: seat.share,
      seatLabel: seat.label,
    };
  });
  const unknownSeats = seats.byPartner.find((s) => s.partner === null)!;
  return {
    kind: 'partners' as const,
    filters: scoped,
    at: options.at,
    groups: options.groups,
    memberships: {
      organizations: memberships.byOrganization.size,
      sources: memberships.sources.map(({ title, url, asOf }) => ({ title, url, asOf })),
    },
    partners,
    contributions: { allContributions: all, shares: classShares(byPartner, all), byPartner },
    seats: {
      at: table.at,
      total: table.total,
      unknown: { seats: unknownSeats.seats, share: unknownSeats.share },
      byPartner: seats.byPartner,
      bases: table.bases,
      held: table.seats.map((s) => ({ group: s.group, role: s.role, organization: s.organization ?? s.sourceRaw, parentSlug: s.parentSlug, country: s.country, countryName: s.country ? countryName(s.country) : null, partner: s.partner, from: s.from, basis: s.basis })),
    },
  };
}

export type PartnersReport = ReturnType<typeof partnersReport>;
