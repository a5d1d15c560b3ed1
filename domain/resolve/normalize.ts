// Lookup keys for organization names: two spellings of one organization should meet on one key
// ("Qualcomm Incorporated", "QUALCOMM Inc." → "qualcomm") while different organizations never do —
// keys are compared whole, never as substrings, so "Intelsat" stays apart from "Intel".
import { countries } from './country-data.js';
import { CITY_WORDS, LEGAL_ENDINGS, QUALIFIER_WORDS } from './words.js';

function stripDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** Lower case, `&` → `and`, punctuation → space, whitespace collapsed. No legal endings removed. */
export function plainKey(name: string): string {
  return stripDiacritics(name)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const ENDINGS = new Set(LEGAL_ENDINGS);
const LONGEST_ENDING = Math.max(...LEGAL_ENDINGS.map((e) => e.split(' ').length));

/** The key without its trailing legal endings, longest first (`x sp z o o` → `x`, never `x sp`). */
function stripEndings(key: string): string {
  const words = key.split(' ');
  let end = words.length;
  for (;;) {
    let n = Math.min(LONGEST_ENDING, end - 1);
    while (n >= 1 && !ENDINGS.has(words.slice(end - n, end).join(' '))) n--;
    if (n < 1) return words.slice(0, end).join(' ');
    end -= n;
  }
}

/** The lookup key of a name: plain key without trailing legal-form endings. */
export function nameKey(name: string): string {
  const plain = plainKey(name);
  return stripEndings(plain) || plain;
}

/**
 * Whether a text is a legal form and nothing else (`INC.`, `S.A.`, `Co., Ltd.`, `Oy`): the fragment a
 * comma split off the name before it.
 */
export function isLegalForm(text: string): boolean {
  const plain = plainKey(text);
  return plain !== '' && stripEndings(`x ${plain}`) === 'x';
}

let regionSet: Set<string> | undefined;
function regions(): Set<string> {
  if (!regionSet) {
    regionSet = new Set([...QUALIFIER_WORDS, ...CITY_WORDS]);
    for (const names of Object.values(countries.getNames('en', { select: 'all' }))) {
      for (const name of names) regionSet.add(plainKey(name));
    }
  }
  return regionSet;
}

/** A country, region or city (`Japan`, `Korea, Republic of`, `Europe`, `Chengdu`): a qualifier, not an organization's name. */
export function isPlaceName(text: string): boolean {
  return regions().has(plainKey(text));
}

/**
 * Keys to try after an exact miss, most specific first: the key with one trailing country or region
 * qualifier removed (then legal endings again), repeated. `qualcomm europe inc italy` → `qualcomm
 * europe` → `qualcomm`. A bare country name yields nothing (it is not a qualifier of anything).
 */
export function qualifierFallbacks(key: string): string[] {
  const out: string[] = [];
  let current = key;
  for (let round = 0; round < 3; round++) {
    const words = current.split(' ');
    let next: string | null = null;
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      if (regions().has(words.slice(-n).join(' '))) {
        next = stripEndings(words.slice(0, -n).join(' '));
        break;
      }
    }
    if (!next) break;
    out.push(next);
    current = next;
  }
  return out;
}

// Country words that i18n-iso-countries does not list under these spellings.
const COUNTRY_OF_WORD: Record<string, string> = {
  us: 'US', usa: 'US', 'u s': 'US', 'u s a': 'US', america: 'US', uk: 'GB', 'u k': 'GB', britain: 'GB',
  'great britain': 'GB', england: 'GB', scotland: 'GB', korea: 'KR', 'south korea': 'KR', taiwan: 'TW', roc: 'TW',
  prc: 'CN', 'china mainland': 'CN', russia: 'RU', vietnam: 'VN', holland: 'NL', czech: 'CZ', hk: 'HK',
  deutschland: 'DE', polska: 'PL', espana: 'ES', italia: 'IT', suomi: 'FI', sverige: 'SE', danmark: 'DK',
  norge: 'NO', nederland: 'NL', schweiz: 'CH', osterreich: 'AT', magyarorszag: 'HU',
};

let countryByName: Map<string, string> | undefined;
/** The ISO code of a country written as a key (`japan`, `korea republic of`, `u s`), or null (a city, a region). */
export function countryOfPlace(place: string): string | null {
  if (!countryByName) {
    countryByName = new Map(Object.entries(COUNTRY_OF_WORD));
    for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
      for (const name of names) countryByName.set(plainKey(name), code);
    }
  }
  return countryByName.get(place) ?? null;
}

/**
 * The countries a name names as qualifiers: in parentheses (`Ofcom (CH)`, `Acme (Japan)`), or as its
 * first or last words (`US NIST`, `Politiet Norge`). ISO codes, as far as they are countries.
 */
export function placesIn(name: string): string[] {
  const codes: string[] = [];
  for (const m of name.matchAll(/\(([^()]+)\)/g)) {
    const inner = m[1]!.trim();
    const code = /^[A-Z]{2}$/.test(inner) && countries.isValid(inner) ? inner : countryOfPlace(plainKey(inner));
    if (code) codes.push(code);
  }
  const words = plainKey(name.replace(/\([^()]*\)/g, ' ')).split(' ');
  for (let n = 1; n <= Math.min(3, words.length - 1); n++) {
    for (const place of [words.slice(0, n).join(' '), words.slice(-n).join(' ')]) {
      const code = countryOfPlace(place);
      if (code) codes.push(code);
    }
  }
  return codes;
}

/**
 * The key without the places it starts with (`nanjing ericsson panda` → `ericsson panda`, `us national
 * security agency` → `national security agency`) and the place taken off, or null when it starts with
 * none or is nothing else. A Chinese subsidiary is often named after its city, a state's agency after
 * its country; a university never loses its city this way (the resolver takes only a company, or a
 * public body of the country named, from this reading).
 */
export function withoutLeadingPlace(key: string): { rest: string; place: string } | null {
  const words = key.split(' ');
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const place = words.slice(0, n).join(' ');
    if (!regions().has(place)) continue;
    // `Shenzhen city Tencent …`, `Guangdong Province …`: the word that says what the place is goes with it.
    const next = words[n] === 'city' || words[n] === 'province' ? n + 1 : n;
    if (next < words.length) return { rest: words.slice(next).join(' '), place };
  }
  return null;
}

/** The slug of a canonical name: lower case, words joined by hyphens (`China Mobile` → `china-mobile`). */
export function slugify(name: string): string {
  return plainKey(name).replace(/ /g, '-');
}
