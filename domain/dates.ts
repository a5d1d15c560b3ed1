// Dates as the bodies' listings write them, turned into ISO `YYYY-MM-DD`.

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function iso(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** An Excel serial date (days since 1899-12-30, the fraction is the time of day). */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A date cell of a 3GPP TDoc list. Old lists hold Excel serials; newer ones hold text in one of two
 * conventions, told apart by the clock: `02/05/2024 22:05:38` (day first, 24-hour clock) and
 * `4/26/2023 7:16:46 PM` (month first, AM/PM) — checked against the Uploaded serial of the same rows.
 */
export function parseListDate(value: unknown): string | null {
  if (typeof value === 'number') return excelSerialToDate(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*([AP]M)?)?$/i.exec(text);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return m[4] ? iso(year, a, b) : iso(year, b, a);
  }
  if (/^\d+(\.\d+)?$/.test(text)) return excelSerialToDate(Number(text));
  return null;
}

/** `held 17.06.-20.06.2024` (3GPP agenda titles): start and end, with the start year taken from the end. */
export function parseHeldRange(text: string): { start: string; end: string; town: string | null } | null {
  const m =
    /held\s+(\d{1,2})\.(\d{1,2})\.(\d{4})?\s*[-–]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+in\s+(.+?))?\s*$/i.exec(text);
  if (!m) return null;
  const endYear = Number(m[6]);
  const startMonth = Number(m[2]);
  const endMonth = Number(m[5]);
  const startYear = m[3] ? Number(m[3]) : startMonth > endMonth ? endYear - 1 : endYear;
  const start = iso(startYear, startMonth, Number(m[1]));
  const end = iso(endYear, endMonth, Number(m[4]));
  if (!start || !end) return null;
  return { start, end, town: m[7]?.trim() || null };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why a `YYYY-MM-DD` the user typed is not a day, or null when it is one: `2023-02-30 does not exist
 * (February 2023 has 28 days)` says more than "not a date".
 */
export function calendarDateProblem(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'must be a date YYYY-MM-DD';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `${value} does not exist (there is no month ${m[2]})`;
  if (iso(year, month, day)) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${value} does not exist (${MONTH_NAMES[month - 1]} ${year} has ${days} days)`;
}
