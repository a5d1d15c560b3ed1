// 3GPP's work plan (`/ftp/Information/WORK_PLAN/Work_plan_3gpp_<yymmdd>.xlsm`): one row per feature,
// building block, work task or study item since 1998. The real workbook (January 2023) has the sheet
// `Work_plan_3gpp` and headers written together — ID, Unique_ID, Name, Acronym, OutlineLevel, Release,
// ResourceNames, Start, Finish, %Complete, Hyperlink, Status Report, WI rapporteur name, WI rapporteur
// e-mail, Notes, Impacted TSs and TRs, TSG approved, PCG approved, TSG stopped, PCG stopped, Created,
// last modif; the portal's exporter writes `Work Items` and `Resource_Names`, `Start_Date`,
// `Percent_Complete`. Headers are compared without case, spaces or punctuation, so both read; `-` is an
// empty cell; dates are Excel serials or text.
//
// Each item with a rapporteur company and a lead group becomes one `rapporteur` seat per company: group =
// the first of its ResourceNames (legacy codes mapped in legacy-groups.ts), from = Start, to = Finish
// once the item is 100 % complete or was stopped, detail = the item's Unique_ID and acronym. An item
// under way stays open — unless its Finish is more than a year before the edition (the newest "last
// modif" date): the January 2023 plan still shows 229 items of frozen releases at 0–99 %, finished in
// 2018–2021 and never set to 100 %; their seats end at their Finish, not never. The company is read
// from "WI rapporteur name" (work-plan-rapporteur.ts): no person's name and no e-mail address is ever
// part of a seat, a warning or a count. What stdwatch archives, and reads, is a copy that gives the
// companies as read instead of the rapporteur columns (work-plan-copy.ts); both read to the same seats.
import { LayoutChangedError } from '../errors.js';
import { parseListDate } from '../../domain/dates.js';
import type { ParsedPosition, ParsedRoster } from '../../domain/types.js';
import type { WorkSheet } from '@e965/xlsx';
import { cellString, cellText, checkContainer, columnsByHeader, headerKey, readSheets, rowsOf, type Cell, type Row } from '../workbook.js';
import { leadGroup } from '../../domain/groups/3gpp-legacy.js';
import { isPlaceholder, rapporteurCompanies, type CompanySource, type RapporteurCompanies, type RapporteurNaming } from './work-plan-rapporteur.js';
import { WORK_PLAN_BASIS } from '../../domain/seat-bases.js';

export { WORK_PLAN_BASIS };
/** One scope for every edition of the work plan: a newer edition updates the seats an older one stored. */
export const WORK_PLAN_SCOPE = 'work-plan';
/** The sheet of the real workbook, then the portal export's. */
export const WORK_PLAN_SHEETS = ['Work_plan_3gpp', 'Work Items'];

export interface WorkPlanContext {
  /** The workbook's public URL: the evidence of every seat read from it. */
  url: string;
  /** Tells companies from people, and the company of an address (see work-plan-rapporteur.ts). */
  naming: RapporteurNaming;
}

// Header keys: lower case, letters and digits only ("WI rapporteur e-mail" → "wirapporteuremail").
const COLUMNS = {
  uid: ['uniqueid', 'uid'],
  name: ['name', 'title'],
  acronym: ['acronym'],
  groups: ['resourcenames', 'responsiblewg', 'wg'],
  start: ['startdate', 'start'],
  finish: ['finishdate', 'finish', 'enddate'],
  complete: ['percentcomplete', 'complete', 'completion'],
  company: ['wirapporteurname', 'rapporteurcompany', 'wirapporteurnamecompany'],
  email: ['wirapporteuremail'],
  tsgStopped: ['tsgstopped'],
  pcgStopped: ['pcgstopped'],
  modified: ['lastmodif', 'lastmodified', 'modified'],
  // What stdwatch's archived copy (work-plan-copy.ts) holds instead of the rapporteur and e-mail cells:
  // the companies as read, one a line, and where they were read (a CompanySource, or NO_COMPANY).
  companiesRead: ['wirapporteurcompaniesasread'],
  companiesReadFrom: ['rapporteurcompaniesreadfrom'],
} as const;
export type WorkPlanColumn = keyof typeof COLUMNS;
export { COLUMNS as WORK_PLAN_COLUMNS };
const REQUIRED: WorkPlanColumn[] = ['uid', 'name', 'groups', 'company'];
/** The archived copy's word for an item that names a rapporteur but no company that can be told. */
export const NO_COMPANY = 'no company told';
/** What a seat's detail adds about where its company was read (nothing for the cell's own words). */
const COMPANY_FROM_NOTE: Record<CompanySource, string> = {
  cell: '',
  'address in the cell': "; company from the rapporteur's e-mail domain",
  'e-mail column': "; company from the rapporteur's e-mail domain",
  'e-mail column, in words': "; company named in the rapporteur's e-mail column",
};
/** Every CompanySource, in the order above (the archived copy's column says them). */
export const COMPANY_SOURCES = Object.keys(COMPANY_FROM_NOTE) as CompanySource[];

function findColumns(header: Row) {
  const found = columnsByHeader(header, COLUMNS, REQUIRED, headerKey);
  return found.index.has('companiesRead') ? { ...found, missing: found.missing.filter((c) => c !== 'company') } : found;
}

/** Whether a header row is a work plan's: Unique_ID, Name, ResourceNames and WI rapporteur name. */
export function isWorkPlanHeader(header: Row): boolean {
  return findColumns(header).missing.length === 0;
}

/** `-` is the plan's empty cell. */
function text(cell: Cell): string | null {
  const value = cellText(cell);
  return value === null || /^-+$/.test(value) ? null : value;
}

/** 1 (a 0–1 fraction formatted "0%"), 100, or "100%": complete. */
function isComplete(cell: Cell): boolean {
  const value = cell?.v;
  if (typeof value === 'number') return value === 1 || value === 100;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(String(value ?? ''));
  return m !== null && Number(m[1]) === 100;
}

/**
 * What became of the items, for the run's report. `named` counts the items whose rapporteur cell
 * names a company (in words or by an address) and that name a lead group: of these, `seated` became
 * dated seats, `unmappedGroup` and `undated` did not.
 */
export interface WorkPlanCounts {
  items: number;
  /** No rapporteur at all (empty, `-`, `TBD`, `n/a`). */
  withoutRapporteur: number;
  /** A rapporteur cell in which no company could be told (a person alone, an address of an unknown domain). */
  withoutCompany: number;
  /** A company but no lead group (features spanning groups). */
  withoutLeadGroup: number;
  named: number;
  seated: number;
  unmappedGroup: number;
  undated: number;
  /** Seats stored: one per company of a seated item. */
  seats: number;
  /** Seated items under 100 % whose Finish is more than a year before the edition: ended at their Finish. */
  overdue: number;
  /** Seated items by where their company was read: the cell's words, an address (in the cell, or the e-mail column for a person alone), or the e-mail column's words. */
  companyFrom: Record<CompanySource, number>;
}

function sheetOf(bytes: Uint8Array): { name: string; sheet: WorkSheet } {
  let workbook = readSheets(bytes, WORK_PLAN_SHEETS);
  let name = WORK_PLAN_SHEETS.find((n) => workbook.Sheets[n]);
  if (name) return { name, sheet: workbook.Sheets[name]! };
  const names = workbook.SheetNames.slice(0, 5);
  workbook = readSheets(bytes, names);
  name = names.find((n) => workbook.Sheets[n] && findColumns(rowsOf(workbook.Sheets[n])[0]).missing.length === 0);
  if (!name) {
    throw new LayoutChangedError(
      `no "${WORK_PLAN_SHEETS.join('" or "')}" sheet nor any sheet with Unique_ID, Name, ResourceNames and WI rapporteur name columns (sheets: ${workbook.SheetNames.join(', ')})`,
    );
  }
  return { name, sheet: workbook.Sheets[name]! };
}

/** A work plan's sheet as read: its name, its rows (the header first) and each row's cell of a column. */
export interface WorkPlanSheet {
  name: string;
  rows: Row[];
  at(row: Row, column: WorkPlanColumn): Cell;
  /** Whether the sheet is stdwatch's archived copy, which gives the companies already read. */
  isCopy: boolean;
}

/** The work plan's sheet, or a LayoutChangedError saying which columns it lacks. */
export function readWorkPlanSheet(bytes: Uint8Array): WorkPlanSheet {
  checkContainer(bytes);
  const { name, sheet } = sheetOf(bytes);
  const rows = rowsOf(sheet);
  const { index, missing, found } = findColumns(rows[0]);
  if (missing.length > 0) {
    throw new LayoutChangedError(`the work plan has no ${missing.map((c) => `"${COLUMNS[c][0]}"`).join(', ')} column (columns found: ${found.join(', ') || 'none'})`);
  }
  const at = (row: Row, column: WorkPlanColumn): Cell => {
    const i = index.get(column);
    return i === undefined ? undefined : row?.[i];
  };
  return { name, rows, at, isCopy: index.has('companiesRead') };
}

/**
 * The rapporteur companies of an item: null when it names no rapporteur (empty, `-`, `TBD`), else the
 * companies told, with where (none, `from` null, when the cell names only a person or an unknown domain).
 */
export function rapporteurOf(plan: WorkPlanSheet, row: Row, naming: RapporteurNaming): RapporteurCompanies | null {
  if (plan.isCopy) {
    const from = text(plan.at(row, 'companiesReadFrom'));
    if (!from) return null;
    const companies = cellString(plan.at(row, 'companiesRead')).split('\n').map((c) => c.trim()).filter(Boolean);
    return { companies, from: COMPANY_SOURCES.includes(from as CompanySource) ? (from as CompanySource) : companies.length > 0 ? 'cell' : null };
  }
  const cell = text(plan.at(row, 'company'));
  if (!cell || isPlaceholder(cell)) return null;
  return rapporteurCompanies(cell, text(plan.at(row, 'email')), naming);
}

export function parseWorkPlan(bytes: Uint8Array, context: WorkPlanContext): ParsedRoster & { counts: WorkPlanCounts } {
  const plan = readWorkPlanSheet(bytes);
  const { rows, at } = plan;
  const counts: WorkPlanCounts = {
    items: 0, withoutRapporteur: 0, withoutCompany: 0, withoutLeadGroup: 0, named: 0, seated: 0, unmappedGroup: 0, undated: 0, seats: 0, overdue: 0,
    companyFrom: Object.fromEntries(COMPANY_SOURCES.map((source) => [source, 0])) as Record<CompanySource, number>,
  };
  // The edition's day: the newest "last modif" of its rows (2023-01-09 in Work_plan_3gpp_230110).
  const edition = rows.slice(1).map((row) => parseListDate(at(row, 'modified')?.v)).reduce<string | null>((a, b) => (b && (!a || b > a) ? b : a), null);
  const overdueBefore = edition ? `${Number(edition.slice(0, 4)) - 1}${edition.slice(4)}` : null;
  const unknownGroups = new Map<string, { items: number; notThreeGpp: boolean }>();
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
    const rapporteur = rapporteurOf(plan, row, context.naming);
    if (!rapporteur) {
      counts.withoutRapporteur++;
      continue;
    }
    const { companies, from: companyFrom } = rapporteur;
    if (!companyFrom) {
      counts.withoutCompany++;
      continue;
    }
    const lead = leadGroup(text(at(row, 'groups')));
    if (!lead) {
      counts.withoutLeadGroup++;
      continue;
    }
    counts.named++;
    if (!lead.group) {
      counts.unmappedGroup++;
      const unknown = unknownGroups.get(lead.code) ?? { items: 0, notThreeGpp: lead.notThreeGpp };
      unknown.items++;
      unknownGroups.set(lead.code, unknown);
      continue;
    }
    const start = parseListDate(at(row, 'start')?.v);
    if (!start) {
      counts.undated++;
      warnings.push(`row ${r + 1}: item ${uid} has no start date; not stored (a seat without a start is counted on no day)`);
      continue;
    }
    counts.seated++;
    counts.companyFrom[companyFrom]++;
    const stopped = text(at(row, 'tsgStopped')) !== null || text(at(row, 'pcgStopped')) !== null;
    const finish = parseListDate(at(row, 'finish')?.v);
    const complete = isComplete(at(row, 'complete'));
    const overdue = !complete && !stopped && finish !== null && overdueBefore !== null && finish < overdueBefore;
    if (overdue) counts.overdue++;
    const acronym = text(at(row, 'acronym'));
    const detail = [`WI ${uid}`, acronym].filter(Boolean).join(' ') + COMPANY_FROM_NOTE[companyFrom];
    for (const company of companies) {
      counts.seats++;
      positions.push({
        group: lead.group,
        role: 'rapporteur',
        person: null,
        sourceText: company,
        country: null,
        from: start,
        to: complete || stopped || overdue ? finish : null,
        detail,
        evidenceUrl: context.url,
      });
    }
  }
  if (counts.items === 0) throw new LayoutChangedError('the work plan has the expected columns but no item with a Unique_ID');
  if (counts.withoutCompany > 0) warnings.push(`${counts.withoutCompany} item(s) name a rapporteur but no company that can be told (a person alone, or an address whose domain identifies no organization)`);
  if (counts.withoutLeadGroup > 0) warnings.push(`${counts.withoutLeadGroup} item(s) with a rapporteur company have no lead group (features spanning groups)`);
  for (const [code, { items, notThreeGpp }] of unknownGroups) {
    warnings.push(`lead group "${code}" (${items} item(s)) is ${notThreeGpp ? 'not a 3GPP group' : 'a 3GPP group code stdwatch does not know'}; skipped`);
  }
  return { body: '3gpp', format: '3gpp-work-plan', basis: WORK_PLAN_BASIS, scope: WORK_PLAN_SCOPE, positions, warnings, counts };
}
