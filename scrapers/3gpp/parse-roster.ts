// Officer lists researchers hold, imported as official seats: a CSV file or a workbook with one row per
// term and the columns group, role, organization, Organizational Partner, from, to, evidence (and,
// optionally, the holder's name). Headers are matched without case, spaces or punctuation and in a
// few spellings ("Organisation", "OP", "since", "until", "source"). The file is read whole before
// anything is stored: one bad row refuses the whole file, naming every bad row and why.
import { UnreadableInputError } from '../errors.js';
import { excelSerialToDate } from '../../domain/dates.js';
import { decodeText, parseCsv } from '../csv.js';
import { collapseWhitespace, fileNameOf } from '../text.js';
import type { ParsedPosition, ParsedRoster, Role } from '../../domain/types.js';
import { cellText, checkContainer, readSheets, rowsOf, sheetNames } from '../workbook.js';
import { groupOfCode } from '../../domain/groups/3gpp-legacy.js';
import { ROSTER_BASIS } from '../../domain/seat-bases.js';
import { ORGANIZATIONAL_PARTNERS, organizationalPartner } from '../../domain/partners.js';

export interface RosterContext {
  /** Where the file came from; its name is the roster's scope (importing it again updates its seats). */
  url: string;
}

/** A cell as read: its text, and its value when a workbook holds a number (an Excel date). */
interface RosterCell {
  text: string | null;
  serial: number | null;
}

// Header keys: lower case, letters and digits only.
const COLUMNS = {
  group: ['group', 'grp', 'workinggroup', 'tsg', 'tsgwg', 'committee'],
  role: ['role', 'position', 'office', 'seat'],
  organization: ['organization', 'organisation', 'company', 'affiliation', 'employer'],
  partner: ['organizationalpartner', 'organisationalpartner', 'op', '3gppop', 'partner', 'partnerorg'],
  from: ['from', 'since', 'start', 'startdate', 'elected', 'appointed', 'termstart'],
  to: ['to', 'until', 'end', 'enddate', 'termend', 'termended', 'termofofficeended'],
  evidence: ['evidence', 'source', 'url', 'link', 'reference'],
  person: ['name', 'person', 'holder'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['group', 'role', 'organization', 'from', 'evidence'];

const key = (text: string | null) => (text ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Whether a header row is a roster's: group, role and organization columns. */
export function isRosterHeader(header: (string | null)[]): boolean {
  const keys = new Set(header.map(key));
  return (['group', 'role', 'organization'] as const).every((c) => COLUMNS[c].some((name) => keys.has(name)));
}

const ROLES: Record<string, Role> = {
  chair: 'chair', chairman: 'chair', chairwoman: 'chair', chairperson: 'chair',
  vicechair: 'vice-chair', vicechairman: 'vice-chair', vicechairwoman: 'vice-chair', vicechairperson: 'vice-chair', vc: 'vice-chair',
};

/** A date cell: YYYY-MM-DD text, or an Excel date (a serial). Day-first and month-first text is refused: it is ambiguous. */
function dateOf(cell: RosterCell | undefined): string | null {
  if (cell?.serial !== null && cell?.serial !== undefined) return excelSerialToDate(cell.serial);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell?.text ?? '');
  if (!m) return null;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return day.toISOString().slice(0, 10) === m[0] ? m[0] : null;
}

function scopeOf(url: string): string {
  return `roster:${fileNameOf(url)}`;
}

function readRows(bytes: Uint8Array): RosterCell[][] {
  const isWorkbook = (bytes[0] === 0x50 && bytes[1] === 0x4b) || bytes[0] === 0xd0;
  if (!isWorkbook) return parseCsv(decodeText(bytes)).map((row) => row.map((text) => ({ text: collapseWhitespace(text) || null, serial: null })));
  checkContainer(bytes);
  const [first] = sheetNames(bytes);
  if (!first) throw new UnreadableInputError('the workbook has no sheet');
  return rowsOf(readSheets(bytes, [first]).Sheets[first]).map((row) =>
    (row ?? []).map((cell) => ({ text: cellText(cell), serial: typeof cell?.v === 'number' ? cell.v : null })),
  );
}

export function parseRoster(bytes: Uint8Array, context: RosterContext): ParsedRoster {
  const rows = readRows(bytes);
  const header = (rows[0] ?? []).map((c) => key(c.text));
  const index = new Map<Column, number>();
  for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const at = header.findIndex((h) => names.includes(h));
    if (at >= 0) index.set(column, at);
  }
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new UnreadableInputError(`the roster has no ${missing.map((c) => `"${c}"`).join(', ')} column (columns: ${rows[0]?.map((c) => c.text ?? '').join(', ') ?? 'none'})`);
  }
  const problems: string[] = [];
  const positions: ParsedPosition[] = [];
  for (const [r, row] of rows.slice(1).entries()) {
    const line = r + 2;
    const cell = (c: Column) => (index.has(c) ? row[index.get(c)!] : undefined);
    const text = (c: Column) => cell(c)?.text ?? null;
    const reasons: string[] = [];
    const group = groupOfCode(text('group') ?? '');
    if (!group) reasons.push(`group "${text('group') ?? ''}" is not a 3GPP group stdwatch knows`);
    const role = ROLES[key(text('role'))];
    if (!role) reasons.push(`role "${text('role') ?? ''}" is not chair or vice-chair`);
    const organization = text('organization');
    if (!organization) reasons.push('no organization');
    const partner = organizationalPartner(text('partner'));
    if (text('partner') && !partner) reasons.push(`"${text('partner')}" is not an Organizational Partner (${ORGANIZATIONAL_PARTNERS.join(', ')})`);
    const from = dateOf(cell('from'));
    if (!from) reasons.push(`from "${text('from') ?? ''}" is not a date YYYY-MM-DD`);
    // A running term: no end, or a word saying so.
    const hasEnd = (text('to') !== null && !/^(?:\(?current\)?|present|ongoing|-)$/i.test(text('to')!)) || (cell('to')?.serial ?? null) !== null;
    const to = hasEnd ? dateOf(cell('to')) : null;
    if (hasEnd && !to) reasons.push(`to "${text('to') ?? ''}" is not a date YYYY-MM-DD`);
    if (from && to && to < from) reasons.push(`to ${to} is before from ${from}`);
    const evidence = text('evidence');
    if (!evidence) reasons.push('no evidence (a public page or document that shows the seat)');
    if (reasons.length > 0) {
      problems.push(`row ${line}: ${reasons.join('; ')}`);
      continue;
    }
    positions.push({
      group: group!,
      role: role!,
      person: text('person'),
      sourceText: organization!,
      country: null,
      from,
      to,
      detail: null,
      evidenceUrl: evidence,
      partner,
    });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join('; ');
    throw new UnreadableInputError(`${problems.length} bad row(s), so no row of the roster was stored: ${shown}${problems.length > 20 ? '; …' : ''}`);
  }
  if (positions.length === 0) throw new UnreadableInputError('the roster has its columns but no row');
  return { body: '3gpp', format: 'roster', basis: ROSTER_BASIS, scope: scopeOf(context.url), positions, warnings: [] };
}
