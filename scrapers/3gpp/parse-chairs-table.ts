// A table of 3GPP chairs over time, as researchers keep them: one row per term — the group (`RP`, `R1`
// … `R6`, 3GPP's document prefixes), the day elected or re-elected, the day the term of office ended
// (`(current)` for a term still running), the holder's name, organization and Organizational Partner,
// remarks ("elected at RAN#91-e"). The real one (researcher_RAN_chairs_list_2023-07.xlsx) covers TSG
// RAN and its working groups 1999–2023 and is apparently copied from 3GPP's officials pages: it is a
// secondary source, and its seats carry the basis `secondary-chairs-table` wherever they are shown.
//
// A chair has one holder. Where a term is written to end after the next term of its group began
// (RAN: "6/3/09" against the next election's 3/6/09, a day and month swapped), or the day before it
// (an inclusive end), it ends the day the next term starts; an overlap of more than a day is reported.
// Where the same chair's term ends and their next term begins later (RAN1's, RAN3's and RAN4's chairs
// around the 2005 re-organisation; RAN2's 2003–2005, whose re-election row is missing), they are taken
// to have stayed in the chair: the gap is bridged and reported. Gaps between two holders stay gaps.
// Where a remark dates the holder's election before the row's own start and no term of the table
// covers that time (RAN2's first row, elected 2001-02-19, "elected at RAN2#2 08-11/03/99"), the holder
// is taken to have held the chair from that meeting's first day to the row's start.
import { LayoutChangedError, UnreadableInputError } from '../errors.js';
import { parseListDate } from '../../domain/dates.js';
import { fileNameOf } from '../text.js';
import type { ParsedPosition, ParsedRoster } from '../../domain/types.js';
import { cellText, checkContainer, columnsByHeader, headerKey, readSheets, rowsOf, sheetNames, type Cell, type Row } from '../workbook.js';
import { groupOfCode } from '../../domain/groups/3gpp-legacy.js';
import { CHAIRS_TABLE_BASIS } from '../../domain/seat-bases.js';
import { organizationalPartner } from '../../domain/partners.js';

export interface ChairsTableContext {
  /** Where the table was published or obtained: the evidence of its seats, and (its file name) the scope. */
  url: string;
}

// Header keys (letters and digits, lower case).
const COLUMNS = {
  group: ['chair', 'group'],
  from: ['electedreelected', 'elected', 'from'],
  to: ['termofofficeended', 'termended', 'to', 'until'],
  name: ['name'],
  organization: ['organization', 'organisation', 'company'],
  partner: ['3gppop', 'op', 'organizationalpartner', 'partner'],
  remarks: ['remarks', 'remark'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['group', 'from', 'to', 'organization'];

/** Whether a header row is a chairs table's: "Chair", "Elected / Re-elected", "Term of office ended". */
export function isChairsTableHeader(header: Row): boolean {
  const keys = new Set((header ?? []).map(headerKey));
  return keys.has('chair') && [...keys].some((k) => k?.startsWith('elected')) && [...keys].some((k) => k?.startsWith('termofoffice'));
}

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) => new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
const dayAfter = (day: string) => addDays(day, 1);
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;
/** A gap between two terms of one chair bridged: at most one two-year term missing from the table. */
const MAX_BRIDGED_GAP_DAYS = 3 * 365;

// `elected at RAN2#2 08-11/03/99`, `elected at RAN4#2 15-19/02/99 to …`: the meeting's days, day first.
const ELECTED_AT = /\belected at\s+(\S+?)\s+(\d{1,2})(?:-\d{1,2})?\/(\d{1,2})\/(\d{2}|\d{4})\b/i;

/** The first day of the meeting a remark says the holder was elected at, or null. */
function electedAt(remark: string | null): { meeting: string; day: string } | null {
  const m = ELECTED_AT.exec(remark ?? '');
  if (!m) return null;
  const year = m[4]!.length === 2 ? (Number(m[4]) > 50 ? 1900 : 2000) + Number(m[4]) : Number(m[4]);
  const day = parseListDate(`${m[2]}/${m[3]}/${year}`);
  return day ? { meeting: m[1]!, day } : null;
}

/** The scope of a table's seats: its file name, so that an updated copy of the same table updates them. */
function scopeOf(url: string): string {
  return `chairs-table:${fileNameOf(url).replace(/\.[a-z]+$/i, '')}`;
}

export function parseChairsTable(bytes: Uint8Array, context: ChairsTableContext): ParsedRoster {
  checkContainer(bytes);
  const [first] = sheetNames(bytes);
  if (!first) throw new UnreadableInputError('the workbook has no sheet');
  const rows = rowsOf(readSheets(bytes, [first]).Sheets[first]);
  const { index, missing, found } = columnsByHeader(rows[0], COLUMNS, REQUIRED, headerKey);
  if (missing.length > 0) {
    throw new LayoutChangedError(`the chairs table has no ${missing.map((c) => `"${COLUMNS[c][0]}"`).join(', ')} column (columns found: ${found.join(', ') || 'none'})`);
  }
  const at = (row: Row, column: Column): Cell => {
    const i = index.get(column);
    return i === undefined ? undefined : row?.[i];
  };
  const warnings: string[] = [];
  const terms: (ParsedPosition & { row: number })[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const code = cellText(at(row, 'group'));
    if (!code) continue;
    const group = groupOfCode(code);
    if (!group) {
      warnings.push(`row ${r + 1}: "${code}" is not a 3GPP group stdwatch knows; skipped`);
      continue;
    }
    const organization = cellText(at(row, 'organization'));
    const from = parseListDate(at(row, 'from')?.v);
    if (!organization || !from) {
      warnings.push(`row ${r + 1}: ${group.code} chair without ${organization ? 'a date elected' : 'an organization'}; skipped`);
      continue;
    }
    const toCell = at(row, 'to');
    const to = parseListDate(toCell?.v);
    if (!to && !/current/i.test(cellText(toCell) ?? '')) warnings.push(`row ${r + 1}: "${cellText(toCell) ?? ''}" is no end date; the term is taken as running`);
    const partnerCell = cellText(at(row, 'partner'));
    const partner = organizationalPartner(partnerCell);
    if (partnerCell && !partner) warnings.push(`row ${r + 1}: "${partnerCell}" is not an Organizational Partner; left out`);
    terms.push({
      row: r + 1,
      group,
      role: 'chair',
      person: cellText(at(row, 'name')),
      sourceText: organization,
      country: null,
      from,
      to,
      detail: cellText(at(row, 'remarks')),
      evidenceUrl: context.url,
      partner,
    });
  }
  if (terms.length === 0) throw new LayoutChangedError('the chairs table has the expected columns but no term with a group, a date and an organization');

  for (const term of [...terms]) {
    const elected = electedAt(term.detail);
    if (!elected || elected.day >= term.from!) continue;
    const seat = terms.filter((t) => t.group.code === term.group.code);
    // Covered already: a term holds that day, or one starts within two months of it (the same election).
    const covered = seat.some((t) => (t.from! <= elected.day && (t.to === null || t.to > elected.day)) || (t.from! >= elected.day && t.from! <= addDays(elected.day, 60)));
    if (covered) continue;
    terms.push({ ...term, from: elected.day, to: term.from, detail: `elected at ${elected.meeting} (the remark of the term from ${term.from})` });
  }

  for (const code of new Set(terms.map((t) => t.group.code))) {
    const seat = terms.filter((t) => t.group.code === code).sort((a, b) => a.from!.localeCompare(b.from!));
    for (let i = 0; i + 1 < seat.length; i++) {
      const [term, next] = [seat[i]!, seat[i + 1]!];
      if (term.to === null) continue;
      if (dayAfter(term.to) < next.from!) {
        // `Term of office ended 3/11/05`, the same chair re-elected 8/31/05 (RAN1, RAN3, RAN4 around the
        // 2005 re-organisation): the holder did not leave the chair between two terms of their own.
        const sameHolder = (term.person ?? term.sourceText).toLowerCase() === (next.person ?? next.sourceText).toLowerCase();
        if (!sameHolder || daysBetween(term.to, next.from!) > MAX_BRIDGED_GAP_DAYS) continue;
        warnings.push(`row ${term.row}: the ${code} term ending ${term.to} and the same chair's next (row ${next.row}, from ${next.from}) are taken as one tenure`);
      } else if (term.to > dayAfter(next.from!)) {
        warnings.push(`row ${term.row}: the ${code} term ending ${term.to} overlaps the next (row ${next.row}, from ${next.from}); it ends when the next begins`);
      }
      term.to = next.from;
    }
  }
  const positions = terms
    .sort((a, b) => a.group.code.localeCompare(b.group.code) || a.from!.localeCompare(b.from!))
    .map(({ row: _row, ...position }) => position);
  return { body: '3gpp', format: '3gpp-chairs-table', basis: CHAIRS_TABLE_BASIS, scope: scopeOf(context.url), positions, warnings };
}
