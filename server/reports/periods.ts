// The periods a series over time is cut into: years (`2024`) and quarters (`2024-Q2`), named as the
// counts' keys name them (db/counts/read.ts).

export type Period = 'quarter' | 'year';

/** The period a day or a month (`YYYY-MM-DD`, `YYYY-MM`) falls in. */
export function periodOf(date: string, period: Period): string {
  const year = date.slice(0, 4);
  return period === 'year' ? year : `${year}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The first and last day of a period (`2024`, `2024-Q2`). */
export function periodDays(period: string): { first: string; last: string } {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!quarter) return { first: `${period}-01-01`, last: `${period}-12-31` };
  const q = Number(quarter[2]);
  return { first: `${quarter[1]}-${String(q * 3 - 2).padStart(2, '0')}-01`, last: `${quarter[1]}-${String(q * 3).padStart(2, '0')}-${['31', '30', '30', '31'][q - 1]}` };
}
