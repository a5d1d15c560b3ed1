// 3GPP's work plan (`/ftp/Information/WORK_PLAN/Work_plan_3gpp_<yymmdd>.xlsx`), as the 3GPP portal
// exports it: sheet `Work Items`, one row per feature, building block, work task or study item —
// ID, Unique_ID, Name, Acronym, Outline_Level, Release, Resource_Names, Start_Date, Finish_Date,
// Percent_Complete, Hyperlink (the WID), Status_Report, WI_rapporteur_name, WI_rapporteur_e_mail, Notes,
// Impacted_TSs_and_TRs. Despite its header, `WI_rapporteur_name` holds the rapporteur's *company*
// (the portal fills it from the item's RapporteurCompany); the person and e-mail address are in
// `WI_rapporteur_e_mail`, which is never read: stdwatch stores no e-mail address.
//
// Each item with a rapporteur company and a lead group becomes one `rapporteur` seat: group = the
// first of its Resource_Names (the portal marks the first as prime responsible), from = Start_Date,
// to = Finish_Date once the item is 100 % complete (an open item's seat stays open), detail = the
// item's Unique_ID and acronym. Columns are found by header name, with or without underscores.
import type * as XLSX from '@e965/xlsx';
import { LayoutChangedError } from '../errors.js';
import { parseListDate } from '../dates.js';
import { collapseWhitespace, textOrNull } from '../text.js';
import type { ParsedPosition, ParsedRoster } from '../types.js';
import { groupByPrefix } from './groups.js';
import { checkContainer, columnsByHeader, readSheets } from '../workbook.js';

import { WORK_PLAN_BASIS } from './work-plan-basis.js';

export { WORK_PLAN_BASIS };
/** One scope for every edition of the work plan: a newer edition updates the seats an older one stored. */
export const WORK_PLAN_SCOPE = 'work-plan';
export const WORK_PLAN_SHEET = 'Work Items';

export interface WorkPlanContext {
  /** The workbook's public URL: the evidence of every seat read from it. */
  url: string;
}

type Cell = XLSX.CellObject | undefined;
type Row = Cell[] | undefined;

// Header names lower case, underscores and runs of spaces made one space ("Unique_ID" → "unique id").
const COLUMNS = {
  uid: ['unique id', 'uid'],
  name: ['name', 'title'],
  acronym: ['acronym'],
  release: ['release'],
  groups: ['resource names', 'responsible wg', 'wg'],
  start: ['start date', 'start'],
  finish: ['finish date', 'finish', 'end date'],
  complete: ['percent complete', '%complete', 'completion', '% complete'],
  wid: ['hyperlink', 'wid'],
  company: ['wi rapporteur name', 'rapporteur company'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['uid', 'name', 'groups', 'company'];

function headerName(cell: Cell): string | null {
  const text = textOrNull(cell?.v);
  return text ? text.toLowerCase().replace(/[_\s]+/g, ' ').trim() : null;
}

function findColumns(header: Row) {
  return columnsByHeader(header, COLUMNS, REQUIRED, headerName);
}

/** `-` is the portal's empty cell. */
function text(cell: Cell): string | null {
  const value = textOrNull(cell?.v);
  return value === null || value === '-' ? null : collapseWhitespace(value);
}

/** 1 (a 0–1 fraction formatted "0%"), 100, or "100%": complete. */
function isComplete(cell: Cell): boolean {
  const value = cell?.v;
  if (typeof value === 'number') return value === 1 || value === 100;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(String(value ?? ''));
  return m !== null && Number(m[1]) === 100;
}

function rowsOf(sheet: XLSX.WorkSheet): Row[] {
  return (sheet['!data'] as Row[] | undefined) ?? [];
}

export interface WorkPlanItemCounts {
  items: number;
  withoutCompany: number;
  withoutLeadGroup: number;
  undated: number;
}

export function parseWorkPlan(bytes: Uint8Array, context: WorkPlanContext): ParsedRoster & { counts: WorkPlanItemCounts } {
  checkContainer(bytes);
  let workbook = readSheets(bytes, [WORK_PLAN_SHEET]);
  let sheet = workbook.Sheets[WORK_PLAN_SHEET];
  if (!sheet) {
    const names = workbook.SheetNames.slice(0, 5);
    workbook = readSheets(bytes, names);
    sheet = names.map((n) => workbook.Sheets[n]).find((s) => s && findColumns(rowsOf(s)[0]).missing.length === 0);
    if (!sheet) {
      throw new LayoutChangedError(`no "${WORK_PLAN_SHEET}" sheet nor any sheet with Unique_ID, Name, Resource_Names and WI_rapporteur_name columns (sheets: ${workbook.SheetNames.join(', ')})`);
    }
  }
  const rows = rowsOf(sheet);
  const { index, missing, found } = findColumns(rows[0]);
  if (missing.length > 0) {
    throw new LayoutChangedError(`the work plan has no ${missing.map((c) => `"${COLUMNS[c][0]}"`).join(', ')} column (columns found: ${found.join(', ') || 'none'})`);
  }
  const at = (row: Row, column: Column): Cell => {
    const i = index.get(column);
    return i === undefined ? undefined : row?.[i];
  };

  const counts: WorkPlanItemCounts = { items: 0, withoutCompany: 0, withoutLeadGroup: 0, undated: 0 };
  const unknownGroups = new Map<string, number>();
  const positions: ParsedPosition[] = [];
  const seenUids = new Set<string>();
  const warnings: string[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const uid = text(at(row, 'uid'));
    if (!uid || !/^\d+$/.test(uid) || uid === '0') continue; // title lines and items without an ID
    if (seenUids.has(uid)) {
      warnings.push(`row ${r + 1}: Unique_ID ${uid} listed twice; the first row is kept`);
      continue;
    }
    seenUids.add(uid);
    counts.items++;
    const company = text(at(row, 'company'));
    if (!company) {
      counts.withoutCompany++;
      continue;
    }
    // "S1", "C3,C4", "R1, R4": the first is the lead group.
    const lead = (text(at(row, 'groups')) ?? '').split(/[,;]/)[0]!.trim();
    if (!lead) {
      counts.withoutLeadGroup++;
      continue;
    }
    const group = groupByPrefix(lead);
    if (!group) {
      unknownGroups.set(lead, (unknownGroups.get(lead) ?? 0) + 1);
      continue;
    }
    const from = parseListDate(at(row, 'start')?.v);
    const finish = parseListDate(at(row, 'finish')?.v);
    if (!from) counts.undated++;
    const acronym = text(at(row, 'acronym'));
    positions.push({
      group,
      role: 'rapporteur',
      person: null,
      sourceText: company,
      country: null,
      from,
      to: isComplete(at(row, 'complete')) ? finish : null,
      detail: [`WI ${uid}`, acronym].filter(Boolean).join(' '),
      evidenceUrl: context.url,
    });
  }
  if (counts.items === 0) throw new LayoutChangedError('the work plan has the expected columns but no item with a Unique_ID');
  if (counts.withoutCompany > 0) warnings.push(`${counts.withoutCompany} item(s) name no rapporteur company`);
  if (counts.withoutLeadGroup > 0) warnings.push(`${counts.withoutLeadGroup} item(s) with a rapporteur company have no lead group (features spanning groups)`);
  for (const [code, n] of unknownGroups) warnings.push(`lead group "${code}" (${n} item(s)) is not a 3GPP group we know; skipped`);
  if (counts.undated > 0) warnings.push(`${counts.undated} seat(s) without a start date: not counted at any date`);
  return { body: '3gpp', format: '3gpp-work-plan', basis: WORK_PLAN_BASIS, scope: WORK_PLAN_SCOPE, positions, warnings, counts };
}
