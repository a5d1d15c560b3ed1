// What stdwatch archives of a work plan, instead of the file as published: the published workbook names
// people and their addresses — "WI rapporteur name" (`Herrero Veron, Christian (Huawei)`), "WI
// rapporteur e-mail", and the Notes, which log each change of rapporteur (`Rapporteur: Thales->Nicolas
// Chuberre, Thales; Rap eMail: ->…`). The copy is a new workbook with the same sheet, rows and
// headers, keeping only the columns that describe the items (a column not listed here is left out, so
// a column the plan adds one day is not archived unread); every text it keeps loses its addresses
// (domain/email-addresses.ts); the rapporteur columns are replaced by the companies read from them and
// where they were read. parseWorkPlan reads the copy to the same seats as the file, so a copy read
// back from the archive (an unchanged plan, 304) stores what the file did.
import * as XLSX from '@e965/xlsx';
import { removeAddresses } from '../../domain/email-addresses.js';
import { headerKey } from '../workbook.js';
import { redactionNote, XLSX_TYPE, type RedactedCopy } from '../redaction.js';
import { COMPANY_SOURCES, NO_COMPANY, rapporteurOf, readWorkPlanSheet, WORK_PLAN_COLUMNS, type WorkPlanColumn } from './parse-work-plan.js';
import type { RapporteurNaming } from './work-plan-rapporteur.js';

/** The columns that name people, or that the copy writes anew: never carried over. */
const NOT_KEPT: readonly WorkPlanColumn[] = ['company', 'email', 'companiesRead', 'companiesReadFrom'];
/** Columns the parser does not read but that describe an item (header keys): kept. */
const DESCRIPTIVE = ['id', 'outlinelevel', 'release', 'hyperlink', 'statusreport', 'impactedtssandtrs', 'tsgapproved', 'pcgapproved', 'created'];
const KEPT = new Set([
  ...(Object.entries(WORK_PLAN_COLUMNS) as [WorkPlanColumn, readonly string[]][]).filter(([column]) => !NOT_KEPT.includes(column)).flatMap(([, names]) => names),
  ...DESCRIPTIVE,
]);

export const COMPANIES_READ_HEADER = 'WI rapporteur companies (as read)';
export const COMPANIES_READ_FROM_HEADER = 'Rapporteur companies read from';
export const ABOUT_SHEET = 'About this copy';

export const WORK_PLAN_REMOVED =
  `people's names and e-mail addresses removed: each "WI rapporteur name" replaced by the companies read from it ("${COMPANIES_READ_HEADER}"), ` +
  `"WI rapporteur e-mail", Notes and every column not listed in the sheet "${ABOUT_SHEET}" left out, addresses removed from the rest; ` +
  'the workbook written anew with values only (no macros, links, comments or document properties)';

type Value = string | number | boolean | Date | null;

function valueOf(cell: XLSX.CellObject | undefined): Value {
  if (!cell || cell.t === 'e' || cell.t === 'z' || cell.v === undefined) return null;
  return typeof cell.v === 'string' ? removeAddresses(cell.v) : cell.v;
}

/** The work plan as archived: the copy, with what was taken out; a LayoutChangedError when it is no work plan. */
export function workPlanCopy(published: Buffer, naming: RapporteurNaming): RedactedCopy {
  const plan = readWorkPlanSheet(published);
  const header = plan.rows[0] ?? [];
  const kept = header.flatMap((cell, i) => (KEPT.has(headerKey(cell) ?? '') ? [i] : []));
  const rows: Value[][] = [[...kept.map((i) => valueOf(header[i])), COMPANIES_READ_HEADER, COMPANIES_READ_FROM_HEADER]];
  for (const row of plan.rows.slice(1)) {
    const rapporteur = rapporteurOf(plan, row, naming);
    rows.push([...kept.map((i) => valueOf(row?.[i])), rapporteur?.companies.join('\n') || null, rapporteur ? (rapporteur.from ?? NO_COMPANY) : null]);
  }
  const copy: RedactedCopy = { bytes: Buffer.alloc(0), removed: WORK_PLAN_REMOVED, contentType: XLSX_TYPE };
  const note = redactionNote(published, copy);
  const about: Value[][] = [
    ["This is not the work plan as 3GPP published it: it is stdwatch's copy, with the personal data taken out."],
    ['Published file: sha256', note.publishedSha256],
    ['Published file: size (bytes)', note.publishedSize],
    ['Taken out', WORK_PLAN_REMOVED],
    ['Columns kept', kept.map((i) => valueOf(header[i])).join(', ')],
    [COMPANIES_READ_HEADER, 'the companies read from "WI rapporteur name" (for a person alone, from the domain of "WI rapporteur e-mail"), one a line'],
    [COMPANIES_READ_FROM_HEADER, `${COMPANY_SOURCES.map((source) => `"${source}"`).join(', ')} or "${NO_COMPANY}" (a person alone, or an address whose domain identifies no organization); empty: no rapporteur named`],
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), plan.name);
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(about), ABOUT_SHEET);
  return { ...copy, bytes: XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer };
}
