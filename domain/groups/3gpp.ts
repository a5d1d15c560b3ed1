// What 3GPP's own naming tells: which group a document number, a folder or a source string belongs to,
// and how a meeting is called. One table, used by the parsers, discovery and the source resolver.
import type { ParsedGroup } from '../types.js';

interface GroupInfo {
  /** Our group code: the name 3GPP uses in meeting names (`RAN1#116`). */
  code: string;
  name: string;
  /** Prefix of the group's document numbers (`R1-2400001`). */
  tdocPrefix: string;
  /** Code of the group's meeting index page (`dynareport?code=Meetings-R1.htm`). */
  meetingsCode: string;
  /** Prefix of the group's meeting folders on the file server (`TSGR1_116`). */
  folderPrefix: string;
}

const GROUP_TABLE: GroupInfo[] = [
  { code: 'RAN', name: 'TSG RAN', tdocPrefix: 'RP', meetingsCode: 'RP', folderPrefix: 'TSGR' },
  { code: 'RAN1', name: 'RAN WG1 (radio layer 1)', tdocPrefix: 'R1', meetingsCode: 'R1', folderPrefix: 'TSGR1' },
  { code: 'RAN2', name: 'RAN WG2 (radio layers 2 and 3)', tdocPrefix: 'R2', meetingsCode: 'R2', folderPrefix: 'TSGR2' },
  { code: 'RAN3', name: 'RAN WG3 (RAN architecture and interfaces)', tdocPrefix: 'R3', meetingsCode: 'R3', folderPrefix: 'TSGR3' },
  { code: 'RAN4', name: 'RAN WG4 (radio performance)', tdocPrefix: 'R4', meetingsCode: 'R4', folderPrefix: 'TSGR4' },
  { code: 'RAN5', name: 'RAN WG5 (mobile terminal conformance)', tdocPrefix: 'R5', meetingsCode: 'R5', folderPrefix: 'TSGR5' },
  { code: 'SA', name: 'TSG SA', tdocPrefix: 'SP', meetingsCode: 'SP', folderPrefix: 'TSGS' },
  { code: 'SA1', name: 'SA WG1 (services)', tdocPrefix: 'S1', meetingsCode: 'S1', folderPrefix: 'TSGS1' },
  { code: 'SA2', name: 'SA WG2 (architecture)', tdocPrefix: 'S2', meetingsCode: 'S2', folderPrefix: 'TSGS2' },
  { code: 'SA3', name: 'SA WG3 (security)', tdocPrefix: 'S3', meetingsCode: 'S3', folderPrefix: 'TSGS3' },
  { code: 'SA4', name: 'SA WG4 (multimedia codecs)', tdocPrefix: 'S4', meetingsCode: 'S4', folderPrefix: 'TSGS4' },
  { code: 'SA5', name: 'SA WG5 (management)', tdocPrefix: 'S5', meetingsCode: 'S5', folderPrefix: 'TSGS5' },
  { code: 'SA6', name: 'SA WG6 (application enablement)', tdocPrefix: 'S6', meetingsCode: 'S6', folderPrefix: 'TSGS6' },
  { code: 'CT', name: 'TSG CT', tdocPrefix: 'CP', meetingsCode: 'CP', folderPrefix: 'TSGC' },
  { code: 'CT1', name: 'CT WG1 (user equipment to core network protocols)', tdocPrefix: 'C1', meetingsCode: 'C1', folderPrefix: 'TSGC1' },
  { code: 'CT3', name: 'CT WG3 (interworking with external networks)', tdocPrefix: 'C3', meetingsCode: 'C3', folderPrefix: 'TSGC3' },
  { code: 'CT4', name: 'CT WG4 (core network protocols)', tdocPrefix: 'C4', meetingsCode: 'C4', folderPrefix: 'TSGC4' },
  { code: 'CT6', name: 'CT WG6 (smart card application aspects)', tdocPrefix: 'C6', meetingsCode: 'C6', folderPrefix: 'TSGC6' },
];

const BY_CODE = new Map(GROUP_TABLE.map((g) => [g.code, g]));
const BY_TDOC_PREFIX = new Map(GROUP_TABLE.map((g) => [g.tdocPrefix, g]));
const BY_MEETINGS_CODE = new Map(GROUP_TABLE.map((g) => [g.meetingsCode, g]));
// Longest prefixes first, so TSGR1_ is not read as TSGR_.
const BY_FOLDER_PREFIX = [...GROUP_TABLE].sort((a, b) => b.folderPrefix.length - a.folderPrefix.length);

export const GROUP_CODES = GROUP_TABLE.map((g) => g.code);

export function groupByCode(code: string): ParsedGroup | null {
  const info = BY_CODE.get(code.toUpperCase());
  return info ? { code: info.code, name: info.name } : null;
}

export function meetingsCodeOf(code: string): string | null {
  return BY_CODE.get(code.toUpperCase())?.meetingsCode ?? null;
}

export function groupByMeetingsCode(meetingsCode: string): ParsedGroup | null {
  const info = BY_MEETINGS_CODE.get(meetingsCode.toUpperCase());
  return info ? { code: info.code, name: info.name } : null;
}

/** A 3GPP document number: two-character group prefix, a dash, digits (`RP-240861`, `S2-2001774`). */
export const TDOC_REF = /^([A-Z][A-Z0-9])-(\d{5,7})$/;

/**
 * The gate every listing row passes: a 3GPP document number, not seen before in this listing. Rows
 * that fail are skipped with a warning naming the row; the first of two rows with one number is kept.
 */
export function admitRef(ref: string, row: number, seen: Set<string>, warnings: string[]): boolean {
  if (!TDOC_REF.test(ref)) {
    warnings.push(`row ${row}: "${ref.slice(0, 40)}" is not a 3GPP document number; skipped`);
    return false;
  }
  if (seen.has(ref)) {
    warnings.push(`row ${row}: ${ref} listed twice; the first row is kept`);
    return false;
  }
  seen.add(ref);
  return true;
}

/** A group by the two-character code its documents and the work plan's Resource_Names use (`S1`, `RP`, `C4`). */
export function groupByPrefix(prefix: string): ParsedGroup | null {
  const info = BY_TDOC_PREFIX.get(prefix.trim().toUpperCase());
  return info ? { code: info.code, name: info.name } : null;
}

export function groupOfRef(ref: string): ParsedGroup | null {
  const m = TDOC_REF.exec(ref);
  const info = m ? BY_TDOC_PREFIX.get(m[1]!) : undefined;
  return info ? { code: info.code, name: info.name } : null;
}

/**
 * Canonical meeting name from a group and 3GPP's label for the meeting number, which comes in many
 * spellings: `104`, `90e`, `90-e`, `137E`, `116b`, `116bis`, `104b-e`, `137e_Electronic`,
 * `155_Athens_2023-02`. The result is what 3GPP's file names use: `RAN#90-e`, `RAN1#116-bis`.
 */
export function meetingName(groupCode: string, label: string): string | null {
  const m = /^(\d+)(?:[-_ ]?(bis|b)(?![a-z]))?(?:[-_ ]?(e)(?![a-z])|[-_ ]?(electronic))?/i.exec(label.trim());
  if (!m) return null;
  const bis = m[2] ? '-bis' : '';
  const electronic = m[3] || m[4] ? '-e' : '';
  return `${groupCode}#${Number(m[1])}${bis}${electronic}`;
}

/**
 * The group and meeting a file-server folder stands for: `TSGR_104` → RAN, RAN#104;
 * `TSGS2_155_Athens_2023-02` → SA2, SA2#155. Null for folders that are not meeting folders.
 */
export function meetingOfFolder(folder: string): { group: ParsedGroup; meeting: string } | null {
  for (const info of BY_FOLDER_PREFIX) {
    const prefix = `${info.folderPrefix}_`;
    if (folder.toUpperCase().startsWith(prefix)) {
      const name = meetingName(info.code, folder.slice(prefix.length));
      if (name) return { group: { code: info.code, name: info.name }, meeting: name };
    }
  }
  // TSG CT's newer plenary folders drop the TSGC prefix: `CT_109_Beijing-2025-09` (CT#109).
  const ct = /^CT_(\d.*)$/i.exec(folder);
  const ctName = ct ? meetingName('CT', ct[1]!) : null;
  if (ctName) return { group: groupByCode('CT')!, meeting: ctName };
  return null;
}

/** The meeting folder named in a 3GPP file-server URL, e.g. `.../TSG_RAN/TSGR_104/Docs/RP-240861.zip`. */
export function meetingOfUrl(url: string): { group: ParsedGroup; meeting: string; folderUrl: string } | null {
  const parts = url.replace(/\\/g, '/').split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const found = meetingOfFolder(decodeURIComponent(parts[i]!));
    if (found) return { ...found, folderUrl: `${parts.slice(0, i + 1).join('/')}/` };
  }
  return null;
}

/**
 * A 3GPP group as source strings write it: `RAN4`, `RAN WG4`, `TSG RAN`, `SA WG2`, `SA2`, `CT`,
 * `TSG SA WG2`, `SA WG3-LI` (a sub-group counts for its working group). Returns our code (`RAN4`,
 * `SA2`) or null.
 */
export function groupCodeOfName(text: string): string | null {
  const m = /^(?:3GPP\s+)?(?:TSG[\s-]*)?(RAN|SA|CT)(?:[\s-]*(?:WG)?[\s-]*([1-6]))?(?:[\s-]*LI)?$/i.exec(text.trim());
  if (!m) return null;
  const code = `${m[1]!.toUpperCase()}${m[2] ?? ''}`;
  return BY_CODE.has(code) ? code : null;
}
