// Where 3GPP's seats are read from (the `basis` of a position), and how many chairs and vice-chairs a
// group has.

export const ELECTIONS_BASIS = '3gpp-elections';
/** Work-item rapporteurs read from the 3GPP work plan. */
export const WORK_PLAN_BASIS = '3gpp-workplan';
export const OFFICIALS_BASIS = '3gpp-officials';
/** Officer lists a researcher imports (`stdwatch import` of a roster CSV or workbook). */
export const ROSTER_BASIS = 'roster';
/** The researcher's table of RAN chairs 1999–2023: a secondary source, copied from 3GPP's pages. */
export const CHAIRS_TABLE_BASIS = 'secondary-chairs-table';

/**
 * Official seats: a term read from any of these ends the day a later term of the same seat, read from
 * any of them, starts (domain/seat-terms.ts).
 */
export const OFFICIAL_3GPP_BASES = [ELECTIONS_BASIS, OFFICIALS_BASIS, ROSTER_BASIS, CHAIRS_TABLE_BASIS];

/** Sources that are not the body's own publications: shown as such, and preferred last. */
export const SECONDARY_BASES: readonly string[] = [CHAIRS_TABLE_BASIS];

const TSGS = new Set(['RAN', 'SA', 'CT', 'GERAN']);

/** 3GPP Working Procedures, article 22: one chair; at most three vice-chairs in a TSG, two in a WG. */
export function threeGppSeatCapacity(group: string, role: string): number {
  if (role === 'chair') return 1;
  if (role === 'vice-chair') return TSGS.has(group) ? 3 : 2;
  return Number.POSITIVE_INFINITY;
}
