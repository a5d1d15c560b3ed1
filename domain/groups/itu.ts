// ITU groups as stdwatch names them: ITU-T study groups `SG17`, `TSAG`; ITU-R working parties `WP5D`.
import type { ParsedGroup } from '../types.js';

/**
 * The ITU groups whose work is 5G and IoT: ITU-T SG13 (future networks, IMT-2020), SG15 (transport and
 * access), SG17 (security), SG20 (IoT and smart cities) and ITU-R WP 5D (IMT, the radio side of 5G).
 * The leadership seat table filters on these to reproduce "N of M seats" across the 5G/IoT groups.
 */
export const FIVE_G_IOT_GROUPS = ['SG13', 'SG15', 'SG17', 'SG20', 'WP5D'] as const;

/**
 * ITU-R groups scraped: ITU-R has no group list we could rebuild, so its working parties are data.
 * WP 5D is where IMT-2020 (5G) and IMT-2030 are specified.
 */
export const ITU_R_GROUPS = ['WP5D'] as const;

export function studyGroup(number: number): ParsedGroup {
  return { code: `SG${number}`, name: `ITU-T Study Group ${number}` };
}

export const TSAG: ParsedGroup = { code: 'TSAG', name: 'ITU-T Telecommunication Standardization Advisory Group' };

/** `WP5D` → ITU-R Working Party 5D. */
export function workingParty(code: string): ParsedGroup {
  return { code, name: `ITU-R Working Party ${code.replace(/^WP/, '')}` };
}

/**
 * The group of a document-store folder name (`SG17`, `TSAG`, `WP5D`) in a sector; null when the
 * name is none of these.
 */
export function groupOfFolder(sector: 'T' | 'R', folder: string): ParsedGroup | null {
  const sg = /^SG0*(\d{1,2})$/i.exec(folder);
  // ITU-R's study groups are numbered like ITU-T's (both have an SG5): theirs carry the sector.
  if (sg) return sector === 'T' ? studyGroup(Number(sg[1])) : { code: `R-SG${Number(sg[1])}`, name: `ITU-R Study Group ${Number(sg[1])}` };
  if (/^TSAG$/i.test(folder)) return TSAG;
  const wp = /^WP(\d[A-Z])$/i.exec(folder);
  if (wp && sector === 'R') return workingParty(`WP${wp[1]!.toUpperCase()}`);
  return null;
}
