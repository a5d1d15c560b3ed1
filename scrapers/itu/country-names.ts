// Country names as ITU writes them. Member states appear in ITU's own naming ("China (People's
// Republic of)", "Korea (Rep. of)", "Viet Nam"); older pages write "Korea", "USA", "Russia". The
// maintained ISO list (i18n-iso-countries) knows most everyday names; this table adds ITU's forms it
// lacks. Used to read the country of an officer's address and to name member states in the registry.
import { countries } from '../../domain/resolve/country-data.js';

/** ITU's spellings the ISO list does not carry, by ISO 3166-1 alpha-2 code. */
export const ITU_COUNTRY_NAMES: Record<string, string[]> = {
  BO: ['Bolivia (Plurinational State of)'],
  CD: ['Congo (Democratic Republic of the)', 'Democratic Republic of the Congo'],
  CG: ['Congo (Republic of the)'],
  CN: ["China (People's Republic of)"],
  FM: ['Micronesia', 'Micronesia (Federated States of)'],
  GB: ['United Kingdom of Great Britain and Northern Ireland'],
  IR: ['Iran (Islamic Republic of)'],
  KG: ['Kyrgyz Republic'],
  // Before "(Rep. of)" became the rule ITU wrote plain "Korea" for the Republic of Korea.
  KP: ["Democratic People's Republic of Korea", "Korea (Democratic People's Republic of)", "Dem. People's Rep. of Korea"],
  KR: ['Korea (Rep. of)', 'Korea (Republic of)', 'Korea'],
  LA: ["Lao P.D.R.", 'Laos'],
  MD: ['Moldova (Republic of)', 'Moldova'],
  MK: ['North Macedonia (Republic of)'],
  SK: ['Slovak Republic'],
  TZ: ['Tanzania (United Republic of)'],
  VA: ['Vatican', 'Vatican City State'],
  VE: ['Venezuela (Bolivarian Republic of)'],
  VN: ['Viet Nam'],
};

function key(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let byName: Map<string, string> | undefined;

/** Every name of every country (ISO list and ITU's forms) → its code; a name two countries share is left out. */
export function countryNameTable(): Map<string, string> {
  if (byName) return byName;
  const candidates = new Map<string, Set<string>>();
  const add = (name: string, code: string) => {
    const k = key(name);
    if (!k) return;
    if (!candidates.has(k)) candidates.set(k, new Set());
    candidates.get(k)!.add(code);
  };
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of names) add(name, code);
  }
  for (const [code, names] of Object.entries(ITU_COUNTRY_NAMES)) for (const name of names) add(name, code);
  byName = new Map([...candidates].filter(([, codes]) => codes.size === 1).map(([k, codes]) => [k, [...codes][0]!]));
  return byName;
}

/**
 * The ISO code of a country name as ITU pages write it: `Japan`, `Korea (Rep. of)`, `USA`, and the
 * ITU pattern `Kenya (Republic of)` (the name before the parenthesis). Null when it is not a country.
 */
export function countryCodeOfName(name: string): string | null {
  const table = countryNameTable();
  const whole = table.get(key(name));
  if (whole) return whole;
  const head = /^(.+?)\s*\([^()]*\)$/.exec(name.trim())?.[1];
  return head ? (table.get(key(head)) ?? null) : null;
}
