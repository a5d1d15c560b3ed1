// The per-meeting TDoc list workbook 3GPP publishes in each meeting's Docs folder
// (`TDoc_List_Meeting_RAN#104.xlsx`, older `.xlsm`): sheet `TDoc_List`, one row per document.
// Columns are matched by header name because they moved: 31 columns in 2020–21, 36 from 2024.
import type * as XLSX from '@e965/xlsx';
import { LayoutChangedError } from '../errors.js';
import { parseHeldRange, parseListDate } from '../../domain/dates.js';
import { collapseWhitespace } from '../text.js';
import type { ParsedContribution, ParsedListing, ParsedMeeting } from '../../domain/types.js';
import { cellString, cellText, checkContainer, columnsByHeader, readSheets, rowsOf, type Cell, type Row } from '../workbook.js';
import { admitRef, groupByCode, groupOfRef, meetingName, meetingOfUrl } from '../../domain/groups/3gpp.js';

export interface TdocListContext {
  /** The file's name, e.g. `TDoc_List_Meeting_RAN#104.xlsx`: names the meeting when the links do not. */
  fileName?: string;
}

// Header names as 3GPP writes them, lower case; the left side is what we call the column.
const COLUMNS = {
  ref: ['tdoc'],
  title: ['title'],
  source: ['source'],
  type: ['type'],
  docFor: ['for'],
  status: ['tdoc status', 'status'],
  agendaItem: ['agenda item'],
  reserved: ['reservation date'],
  uploaded: ['uploaded'],
  revisionOf: ['is revision of'],
  revisedTo: ['revised to'],
  release: ['release'],
  workItems: ['related wis', 'related wi'],
} as const;
type Column = keyof typeof COLUMNS;
// Without a status column a list is still a list (outcomes unknown); without these it is not.
const REQUIRED: Column[] = ['ref', 'title', 'source'];

function cellValue(cell: Cell): unknown {
  return cell?.v;
}

/** Our columns in a header row, by header name, and the required ones it lacks. */
function findColumns(header: Row) {
  return columnsByHeader(header, COLUMNS, REQUIRED, (cell) => cellText(cell)?.toLowerCase());
}

function columnIndex(header: Row): Map<Column, number> {
  const { index, missing, found } = findColumns(header);
  if (missing.length > 0) {
    throw new LayoutChangedError(
      `the TDoc_List sheet has no ${missing.map((c) => `"${COLUMNS[c][0]}"`).join(', ')} column (columns found: ${found.join(', ') || 'none'})`,
    );
  }
  return index;
}

/** The official vocabularies from the hidden `Parameters` sheet: row 3 onwards, one column each. */
function vocabulary(sheet: XLSX.WorkSheet | undefined, column: number): Set<string> {
  const words = new Set<string>();
  if (!sheet) return words;
  for (const row of rowsOf(sheet).slice(2)) {
    const word = cellText(row?.[column]);
    if (word) words.add(word.toLowerCase());
  }
  return words;
}

function meetingFromFileName(fileName: string | undefined): { groupCode: string; name: string } | null {
  const m = /TDoc_List_Meeting_([A-Za-z]+\d?)\s*#\s*([^.]+)\.xls[xm]?$/i.exec(fileName ?? '');
  if (!m) return null;
  const group = groupByCode(m[1]!);
  const name = group ? meetingName(group.code, m[2]!) : null;
  return group && name ? { groupCode: group.code, name } : null;
}

export function parseTdocList(bytes: Uint8Array, context: TdocListContext = {}): ParsedListing {
  checkContainer(bytes);
  let workbook = readSheets(bytes, ['TDoc_List', 'Parameters']);
  let sheet = workbook.Sheets['TDoc_List'];
  if (!sheet) {
    // A list saved under another sheet name (the portal's own export, a re-save): the first sheet
    // whose header row has the columns a document list needs.
    const names = workbook.SheetNames.slice(0, 5);
    workbook = readSheets(bytes, names);
    sheet = names
      .map((name) => workbook.Sheets[name])
      .find((candidate) => candidate && findColumns(rowsOf(candidate)[0]).missing.length === 0);
    if (!sheet) throw new LayoutChangedError(`no "TDoc_List" sheet nor any sheet with TDoc, Title and Source columns (sheets: ${workbook.SheetNames.join(', ')})`);
  }
  const rows = rowsOf(sheet);
  const col = columnIndex(rows[0]);
  const at = (row: Row, column: Column): Cell => {
    const i = col.get(column);
    return i === undefined ? undefined : row?.[i];
  };

  const parameters = workbook.Sheets['Parameters'];
  const statuses = vocabulary(parameters, 1);
  const warnings: string[] = [];
  if (!parameters) warnings.push('no Parameters sheet: statuses not checked against the official vocabulary');
  if (!col.has('status')) warnings.push('no "TDoc Status" column: outcomes unknown');

  const contributions: ParsedContribution[] = [];
  const seen = new Set<string>();
  const unknownStatuses = new Map<string, number>();
  let meeting: ParsedMeeting | null = null;
  let meetingFromLinks: ReturnType<typeof meetingOfUrl> = null;

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const ref = cellText(at(row, 'ref'));
    if (!ref) {
      if (row?.some((c) => cellText(c))) warnings.push(`row ${r + 1}: no document number; skipped`);
      continue;
    }
    if (!admitRef(ref, r + 1, seen, warnings)) continue;
    const status = cellText(at(row, 'status'))?.toLowerCase() ?? null;
    if (status && statuses.size > 0 && !statuses.has(status)) {
      unknownStatuses.set(status, (unknownStatuses.get(status) ?? 0) + 1);
    }
    const url = at(row, 'ref')?.l?.Target ?? null;
    meetingFromLinks ??= url ? meetingOfUrl(url) : null;
    // The title as published: only the ends trimmed (whitespace inside is the author's).
    const title = cellString(at(row, 'title'));
    const type = cellText(at(row, 'type'));
    if (!meeting && type?.toLowerCase() === 'agenda') {
      const held = parseHeldRange(title);
      if (held) meeting = { name: '', startDate: held.start, endDate: held.end, town: held.town, folderUrl: null };
    }
    contributions.push({
      ref,
      title,
      type,
      docFor: cellText(at(row, 'docFor')),
      status,
      date: parseListDate(cellValue(at(row, 'uploaded'))) ?? parseListDate(cellValue(at(row, 'reserved'))),
      agendaItem: cellText(at(row, 'agendaItem')),
      release: cellText(at(row, 'release')),
      workItems: cellText(at(row, 'workItems')),
      sourceText: collapseWhitespace(cellString(at(row, 'source'))),
      url,
      revisionOf: cellText(at(row, 'revisionOf')),
      revisedTo: cellText(at(row, 'revisedTo')),
    });
  }
  for (const [status, count] of unknownStatuses) {
    warnings.push(`status "${status}" (${count}×) is not in the list's own vocabulary`);
  }
  if (contributions.length === 0) {
    throw new LayoutChangedError('the TDoc_List sheet has the expected columns but no document rows');
  }

  const fromName = meetingFromFileName(context.fileName);
  const groupCounts = new Map<string, number>();
  for (const c of contributions) {
    const code = groupOfRef(c.ref)?.code;
    if (code) groupCounts.set(code, (groupCounts.get(code) ?? 0) + 1);
  }
  const majorityCode = [...groupCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const group = meetingFromLinks?.group ?? groupByCode(fromName?.groupCode ?? majorityCode ?? '');
  if (!group) throw new LayoutChangedError('the document numbers belong to no known 3GPP group');
  const name = meetingFromLinks?.meeting ?? fromName?.name ?? null;
  const resolvedMeeting: ParsedMeeting | null = name
    ? {
        name,
        startDate: meeting?.startDate ?? null,
        endDate: meeting?.endDate ?? null,
        town: meeting?.town ?? null,
        folderUrl: meetingFromLinks?.folderUrl ?? null,
      }
    : null;
  if (!resolvedMeeting) warnings.push('the meeting could not be told from the links or the file name');

  return { body: '3gpp', format: '3gpp-tdoc-list', group, meeting: resolvedMeeting, contributions, warnings };
}
