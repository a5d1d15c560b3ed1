// 3GPP groups by the short codes 3GPP's own tables use (`R1`, `S2`, `C4`, `RP`; the work plan's lead
// groups, the chairs' table's `Chair` column), as our group codes. The work plan keeps every item since
// 1998, so besides today's groups it names groups that were renamed, merged or closed. Each legacy code is mapped only where 3GPP's own history of its groups says where the work
// went; the rest are reported as unknown with the number of items, never guessed.
//
// Sources of the history: the groups' pages on 3gpp.org ("GERAN1 was closed in May 2016 and its work
// transferred to RAN6"; CT's list of working groups: "[No WG2] See Closed Terminals Group 2", "TSG CT WG5
// OSA (Now transferred to OMA)"; CT5's terms of reference "reflecting the re-organisation of the 3GPP
// TSGs in March 2005"), and the groups named in the plan's own acronyms (`LCS_BDS_GERAN-GERAN3new`).
import type { ParsedGroup } from '../types.js';
import { groupByCode, groupByPrefix, groupCodeOfName } from './3gpp.js';

/** Groups 3GPP closed: not scraped (they publish nothing new), but work items were led by them. */
const CLOSED_GROUPS: Record<string, string> = {
  GERAN: 'TSG GERAN (closed 2016)',
  GERAN1: 'GERAN WG1 (radio aspects; closed 2016, work to RAN6)',
  GERAN2: 'GERAN WG2 (protocol aspects; closed 2016, work to RAN6)',
  GERAN3: 'GERAN WG3 (terminal testing; closed 2016, work to RAN5)',
  GERAN4: 'GERAN WG4 (closed)',
  GERAN5: 'GERAN WG5 (closed)',
  RAN6: 'RAN WG6 (legacy GERAN and UTRAN radio and protocol; 2016–2020)',
  CT5: 'CT WG5 (Open Service Access; closed 2008, work to OMA)',
  T2: 'TSG T WG2 (mobile terminal services and capabilities; closed 2005)',
};

function closed(code: string): ParsedGroup {
  return { code, name: CLOSED_GROUPS[code]! };
}

interface LegacyCode {
  group: ParsedGroup;
  /** Why the code is this group: the rename, merge or naming that says so. */
  reason: string;
}

/** Work plan codes that are not today's document prefixes, with the group each stands for and why. */
export const LEGACY_LEAD_GROUPS: Record<string, LegacyCode> = {
  CT: { group: groupByCode('CT')!, reason: 'the CT plenary written as its name (`ct`) rather than its document prefix CP' },
  NP: { group: groupByCode('CT')!, reason: 'TSG CN (documents NP-…) became TSG CT in the March 2005 re-organisation' },
  N1: { group: groupByCode('CT1')!, reason: 'CN WG1 became CT WG1 when TSG CN became TSG CT (March 2005)' },
  N2: { group: groupByCode('CT4')!, reason: "CN WG2 (CAMEL) was merged into CN WG4: CAMEL's specifications (TS 23.078, 29.078) are CT4's" },
  N3: { group: groupByCode('CT3')!, reason: 'CN WG3 became CT WG3 (March 2005)' },
  N4: { group: groupByCode('CT4')!, reason: 'CN WG4 became CT WG4 (March 2005)' },
  N5: { group: closed('CT5'), reason: 'CN WG5 (OSA) became CT WG5 (March 2005), closed in 2008' },
  C5: { group: closed('CT5'), reason: 'CT WG5 (OSA), closed in 2008 with its work transferred to OMA' },
  T1: { group: groupByCode('RAN5')!, reason: 'TSG T WG1 (terminal conformance testing) moved to TSG RAN as RAN WG5 (March 2005)' },
  T2: { group: closed('T2'), reason: 'TSG T WG2 was closed in 2005 and its work split between groups: kept as itself' },
  T3: { group: groupByCode('CT6')!, reason: 'TSG T WG3 (USIM/UICC) became CT WG6 (March 2005)' },
  GP: { group: closed('GERAN'), reason: 'the GERAN plenary (documents GP-…)' },
  G1: { group: closed('GERAN1'), reason: 'GERAN WG1' },
  G2: { group: closed('GERAN2'), reason: 'GERAN WG2' },
  G3: { group: closed('GERAN3'), reason: 'GERAN WG3' },
  G3NEW: { group: closed('GERAN3'), reason: 'GERAN WG3 as re-formed ("GERAN3new", as in the item acronym LCS_BDS_GERAN-GERAN3new)' },
  G4: { group: closed('GERAN4'), reason: 'GERAN WG4, by the plan\'s numbering of GERAN working groups (G1 … G5)' },
  G5: { group: closed('GERAN5'), reason: 'GERAN WG5, by the same numbering' },
  R6: { group: closed('RAN6'), reason: 'RAN WG6, created in 2016 for GERAN and legacy UTRAN work, closed in 2020' },
  SMG2: { group: closed('GERAN'), reason: "TSG GERAN took over ETSI SMG2's GSM/EDGE radio work when it was formed (2000)" },
  S3LI: { group: groupByCode('SA3')!, reason: "SA3-LI, SA3's lawful interception sub-group" },
};

export type LeadGroup = { group: ParsedGroup; code: string } | { group: null; code: string; notThreeGpp: boolean };

/**
 * A group by a 3GPP short code (`R1`, `RP`, `G3new`, `N1`), our own code (`RAN1`, `GERAN`), or a name
 * as sources write it (`RAN WG1`, `TSG SA`): null when it is none of these.
 */
export function groupOfCode(text: string): ParsedGroup | null {
  const code = text.replace(/[\s-]*IETF?$/i, '').replace(/\s+/g, '').toUpperCase();
  const byName = groupCodeOfName(text);
  return groupByPrefix(code) ?? LEGACY_LEAD_GROUPS[code]?.group ?? groupByCode(code) ?? (code in CLOSED_GROUPS ? closed(code) : null) ?? (byName ? groupByCode(byName) : null);
}

// Not 3GPP groups at all: items handed to the Open Mobile Alliance, an ad hoc of ITU-R.
const NOT_THREE_GPP = /^(?:OMA|ITU-?R\b.*)$/i;

/**
 * The lead group of an item: the first of its resource names (`C3,C4` → CT3), as our group. A trailing
 * `-IETF` (`C1-IETF`, truncated `S3-IET`) marks an item depending on IETF work; its 3GPP lead group is
 * the part before. Null when the plan names no group.
 */
export function leadGroup(resourceNames: string | null): LeadGroup | null {
  const first = (resourceNames ?? '').split(/[,;]/)[0]!.trim();
  if (!first) return null;
  const group = groupOfCode(first);
  return group ? { group, code: first } : { group: null, code: first, notThreeGpp: NOT_THREE_GPP.test(first) };
}
