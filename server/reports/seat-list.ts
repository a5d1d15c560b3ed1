// The seats behind a seat count: the seat table of one day (seatTable in leadership.ts: official seats
// preferred, one seat per group, role and holder), narrowed to a country or a company, so that the list
// a count links to holds exactly the seats it counted.
import type { Db } from '../../db/client.js';
import { countryName } from '../../domain/resolve/countries.js';
import type { Filters } from './filters.js';
import { seatTable } from './leadership.js';

/**
 * `country`: an ISO code, or `none` for holders without a country; `parent`: an organization slug;
 * `partner`: an Organizational Partner, or `unknown` for seats whose source gives none.
 */
export interface SeatPick {
  country?: string;
  parent?: string;
  partner?: string;
}

export function seatList(db: Db, day: string, filters: Filters, groupList: string[] | null, pick: SeatPick) {
  const table = seatTable(db, day, filters, groupList);
  const seats = table.seats.filter(
    (s) =>
      (pick.country === undefined || (pick.country === 'none' ? s.country === null : s.country === pick.country)) &&
      (pick.parent === undefined || s.parentSlug === pick.parent) &&
      (pick.partner === undefined || (pick.partner === 'unknown' ? s.partner === null : s.partner === pick.partner)),
  );
  return {
    kind: 'seat-list' as const,
    at: day,
    filters,
    groups: groupList,
    pick: { ...pick, countryName: pick.country && pick.country !== 'none' ? countryName(pick.country) : null },
    total: seats.length,
    of: table.total.seats,
    seats,
  };
}
