// ISO 8601 weeks (`2025-W07`: Monday 10 to Sunday 16 February 2025), the digest's unit of time.
// Computed in UTC: contribution dates are calendar days without a time zone.

export const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export interface WeekRange {
  week: string;
  /** Monday, `YYYY-MM-DD`. */
  from: string;
  /** Sunday, `YYYY-MM-DD`. */
  to: string;
}

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Monday of week 1: the week holding 4 January. */
function firstMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return jan4 - weekday * DAY;
}

export function weeksInYear(year: number): number {
  return Math.round((firstMonday(year + 1) - firstMonday(year)) / (7 * DAY));
}

export class WeekError extends Error {
  override readonly name = 'WeekError';
}

/** `2025-W07` → its Monday and Sunday; throws WeekError on anything else (W54, W00, W53 of a 52-week year). */
export function weekRange(week: string): WeekRange {
  const match = WEEK_PATTERN.exec(week);
  if (!match) throw new WeekError(`"${week.slice(0, 20)}" is not an ISO week YYYY-Www (e.g. 2025-W07)`);
  const year = Number(match[1]);
  const n = Number(match[2]);
  if (n < 1 || n > weeksInYear(year)) throw new WeekError(`${year} has no week ${n} (it has ${weeksInYear(year)})`);
  const monday = firstMonday(year) + (n - 1) * 7 * DAY;
  return { week, from: day(monday), to: day(monday + 6 * DAY) };
}

/** The ISO week a day (`YYYY-MM-DD` or a Date) falls in. */
export function weekOf(date: string | Date): string {
  const ms = typeof date === 'string' ? Date.parse(`${date.slice(0, 10)}T00:00:00Z`) : Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const n = Math.floor((thursday - firstMonday(year)) / (7 * DAY)) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** The week `offset` weeks after (negative: before) the given one. */
export function shiftWeek(week: string, offset: number): string {
  return weekOf(day(Date.parse(`${weekRange(week).from}T00:00:00Z`) + offset * 7 * DAY));
}

/** The last complete week before `now` (what the Monday digest publishes). */
export function lastCompleteWeek(now: Date = new Date()): string {
  return shiftWeek(weekOf(now), -1);
}
