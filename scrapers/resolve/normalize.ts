// Lookup keys for organization names: two spellings of one organization should meet on one key
// ("Qualcomm Incorporated", "QUALCOMM Inc." → "qualcomm") while different organizations never do —
// keys are compared whole, never as substrings, so "Intelsat" stays apart from "Intel".
import { countries } from './country-data.js';

// Legal-form endings, as key tokens (after punctuation became spaces). Removed from the end, repeatedly.
const LEGAL_ENDINGS = [
  'inc', 'incorporated', 'ltd', 'limited', 'co', 'corp', 'corporation', 'gmbh', 'ag', 'sa', 's a', 'spa',
  's p a', 'oy', 'oyj', 'asa', 'as', 'bv', 'b v', 'nv', 'n v', 'plc', 'pvt', 'private', 'llc', 'kk', 'k k',
  'ab', 'sas', 's a s', 'sarl', 'pte', 'pty', 'srl', 'kg', 'co kg', 'and co', 'ltda', 'sl', 'se',
];

// Country-like words that qualify a national branch (`QUALCOMM Europe Inc. - Italy`, `LG Electronics Polska`).
const QUALIFIER_WORDS = [
  'europe', 'asia', 'asia pacific', 'benelux', 'nordic', 'nordics', 'emea', 'americas', 'usa', 'us', 'uk',
  'deutschland', 'polska', 'espana', 'italia', 'suomi', 'sverige', 'danmark', 'norge', 'nederland',
  'schweiz', 'osterreich', 'magyarorszag', 'int', 'intl', 'international', 'branch', 'branch office',
];

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

function stripEndings(key: string, endings: readonly string[]): string {
  let current = key;
  for (;;) {
    const ending = endings.find((e) => current.endsWith(` ${e}`));
    if (!ending) return current;
    current = current.slice(0, -(ending.length + 1)).trimEnd();
  }
}

/** The lookup key of a name: plain key without trailing legal-form endings. */
export function nameKey(name: string): string {
  const plain = plainKey(name);
  return stripEndings(plain, LEGAL_ENDINGS) || plain;
}

let regionSet: Set<string> | undefined;
function regions(): Set<string> {
  if (!regionSet) {
    regionSet = new Set(QUALIFIER_WORDS);
    for (const names of Object.values(countries.getNames('en', { select: 'all' }))) {
      for (const name of names) regionSet.add(plainKey(name));
    }
  }
  return regionSet;
}

/** A country or region name (`Japan`, `Korea, Republic of`, `Europe`): a qualifier, not an organization's name. */
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
        next = stripEndings(words.slice(0, -n).join(' '), LEGAL_ENDINGS);
        break;
      }
    }
    if (!next) break;
    out.push(next);
    current = next;
  }
  return out;
}

/** The slug of a canonical name: lower case, words joined by hyphens (`China Mobile` → `china-mobile`). */
export function slugify(name: string): string {
  return plainKey(name).replace(/ /g, '-');
}
