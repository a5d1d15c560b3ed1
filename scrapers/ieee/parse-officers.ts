// The officers table of an IEEE 802 working group's page on ieee802.org (`/11/`): one row per office,
// Position / Name / Affiliation. Working-group offices (Chair, 1st Vice Chair, Secretary, Technical
// Editor) and task-group ones (`TGak Chair`, `TSN TG Editor`) are seats of the working group; the task
// group is the seat's detail. The page lists the current holders and says when it was last modified;
// that day (else the day it was read) is the day each seat is known to be held.
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { LayoutChangedError } from '../errors.js';
import { collapseWhitespace as collapse, decodeHtml } from '../text.js';
import type { ParsedPosition, ParsedRoster, Role } from '../../domain/types.js';
import { withoutAddresses } from '../../domain/email-addresses.js';

export const OFFICERS_FORMAT = 'ieee802-officers';
export const OFFICERS_BASIS = 'ieee-officers';

// The office is the end of the position; what comes before it names the task group. Vice chair before
// chair: "Vice Chair" also ends in "Chair".
const OFFICES: [RegExp, Role][] = [
  [/(?:^|\s)(?:\d+(?:st|nd|rd|th)\s+)?vice[\s-]?chair(?:person)?$/i, 'vice-chair'],
  [/(?:^|\s)chair(?:person)?$/i, 'chair'],
  [/(?:^|\s)(?:recording\s+)?secretary$/i, 'secretary'],
  [/(?:^|\s)(?:technical\s+|wg\s+)?editor$/i, 'editor'],
];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// ieee802.org pages end with "(Modified: 22-Mar-2021 )".
const MODIFIED = /Modified:\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})/;

/** The office a position names, and the task group before it (`TGak Chair` → chair of TGak); null: not a seat. */
export function officeOf(position: string): { role: Role; detail: string | null } | null {
  const text = collapse(position);
  for (const [pattern, role] of OFFICES) {
    const match = pattern.exec(text);
    if (match) return { role, detail: text.slice(0, match.index).trim() || null };
  }
  return null;
}

/** The page's "(Modified: 09-Sep-2016 )" as YYYY-MM-DD, or null. */
export function modifiedDate(text: string): string | null {
  const match = MODIFIED.exec(text);
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]!.toLowerCase());
  if (month < 0) return null;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

type Columns = { position: number; name: number; affiliation: number };

function officersTable($: cheerio.CheerioAPI): { rows: Element[]; columns: Columns } | null {
  for (const table of $('table').toArray()) {
    const rows = $(table).find('tr');
    const header = rows.first().find('th, td').toArray().map((c) => collapse($(c).text()).toLowerCase());
    const columns = { position: header.indexOf('position'), name: header.indexOf('name'), affiliation: header.indexOf('affiliation') };
    if (columns.position >= 0 && columns.name >= 0 && columns.affiliation >= 0) return { rows: rows.toArray().slice(1), columns };
  }
  return null;
}

/** A cell's text with any e-mail address (or the mark of one removed from the archived page) taken out: personal contact data is never stored. */
function cellText($: cheerio.CheerioAPI, cell: Element | undefined, warnings: string[], row: number): string {
  const text = collapse($(cell).text());
  const clean = collapse(withoutAddresses(text));
  if (clean !== text) warnings.push(`row ${row}: an e-mail address was left out`);
  return clean;
}

export function parseOfficerPage(bytes: Uint8Array, context: { group: string; url: string; readOn: string }): ParsedRoster {
  const $ = cheerio.load(decodeHtml(bytes, 'utf-8'));
  const table = officersTable($);
  if (!table) throw new LayoutChangedError(`no officers table (Position, Name, Affiliation) on ${context.url}`);
  const warnings: string[] = [];
  let from = modifiedDate($('body').text());
  if (!from) {
    warnings.push(`the page gives no "Modified" date: seats dated ${context.readOn}, the day it was read`);
    from = context.readOn;
  }
  const positions: ParsedPosition[] = [];
  table.rows.forEach((tr, i) => {
    const row = i + 1;
    const cells = $(tr).find('td').toArray();
    if (cells.length === 0) return;
    const position = cellText($, cells[table.columns.position], warnings, row);
    const person = cellText($, cells[table.columns.name], warnings, row);
    const affiliation = cellText($, cells[table.columns.affiliation], warnings, row);
    if (!position || !person) {
      if (position || person) warnings.push(`row ${row}: "${position || person}" has no ${position ? 'name' : 'position'}: skipped`);
      return;
    }
    const office = officeOf(position);
    if (!office) {
      warnings.push(`row ${row}: "${position}" is not a chair, vice-chair, secretary or editor: skipped`);
      return;
    }
    if (!affiliation) warnings.push(`row ${row}: ${position} ${person} has no affiliation`);
    positions.push({
      group: { code: context.group, name: `IEEE ${context.group}` },
      role: office.role,
      person,
      sourceText: affiliation,
      country: null,
      from,
      to: null,
      detail: office.detail,
      evidenceUrl: context.url,
    });
  });
  if (positions.length === 0) throw new LayoutChangedError(`the officers table on ${context.url} holds no officer`);
  return { body: 'ieee', format: OFFICERS_FORMAT, basis: OFFICERS_BASIS, scope: context.group, positions, warnings };
}
