// Readings of a name that no registry key matches exactly, each a class of real mistakes in the lists
// and each accepted only when it leads to one organization and no other:
//   descriptive   `Samsung R&D Institute`, `Xiaomi Mobile Software`: a known name and unit words after it
//   leading place `Nanjing Ericsson Panda`, `Beijing Xiaomi`: a city before a company's name
//   abbreviated   `Beijing Xinwei Telecom Techn.`, `Indian Institute of Tech Madras`: words cut short
//   misspelt      `Intel Coporation`, `LG Electroincs`, `Deutsch Telecom`: one edit in a long word
//   initials      `U.S. Cellular`, `A.T.&T.`: letters written apart that the registry writes together
//   compacted     `ZTECorporation`, `ChinaUnicom`, `NTTDoCoMo`: the words of a name written without spaces
//   trimmed       `The Telecommunication Technology Committee`, `Astrome Technologies Pvt Lt`: a leading
//                 article, a legal ending cut short
// Every lookup goes through an index built once per registry (first word, deletion neighbours), never
// a scan of all keys per name.
import { countryOfPlace, isPlaceName, nameKey, plainKey, qualifierFallbacks, withoutLeadingPlace } from './normalize.js';
import type { Registry } from './registry.js';
import { LEGAL_ENDINGS, STOP_WORDS, UNIT_WORDS } from './words.js';

/** A key to an organization's slug, through the readings the resolver trusts (exact, qualifiers off). */
export type KeyLookup = (key: string) => string | null;

interface Spelling {
  words: string[];
  slug: string;
}

export interface TolerantIndex {
  /** `Samsung R&D Institute UK` → Samsung: a known name followed only by unit words, places and legal forms. */
  descriptive(key: string): string | null;
  /** A company's name after the places it starts with, or a public body's after its own country's name. */
  afterLeadingPlace(key: string): string | null;
  /** Words cut short by the publisher or the delegate, the first word whole. */
  abbreviated(key: string): string | null;
  /** One edit in one word (two in two words of a long name), never in a word under five letters. */
  misspelt(key: string): string | null;
  /** The key with its single letters joined (`u s cellular` → `us cellular`), on both sides. */
  initials(key: string): string | null;
  /** A name written as one word without its spaces, a legal ending perhaps run on (`ztecorporation` → ZTE). */
  compacted(key: string): string | null;
  /** The key without a leading "the", or without a legal ending cut short (`pvt lt`). */
  trimmed(key: string): string | null;
}

/** Single-word legal endings long enough to be recognised when cut short (`lt` → ltd, `corpo` → corporation). */
const CUT_ENDINGS = ['ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'company', 'gmbh', 'pvt', 'private'];

/** Joins runs of single letters or digits: `u s cellular` → `us cellular`; null when there are none. */
function joinInitials(key: string): string | null {
  const out: string[] = [];
  let inRun = false;
  let joined = false;
  for (const word of key.split(' ')) {
    if (word.length === 1 && inRun) {
      out[out.length - 1] += word;
      joined = true;
    } else {
      out.push(word);
      inRun = word.length === 1;
    }
  }
  return joined ? out.join(' ') : null;
}

const UNIT = new Set([...UNIT_WORDS, ...LEGAL_ENDINGS.filter((e) => !e.includes(' '))]);
/** Kinds a company's department or subsidiary can belong to (never a state, a standards body or a person). */
const OWNING_KINDS = new Set(['company', 'research', 'association']);

/** Optimal string alignment distance, stopped early above 1: only "at most one edit" is asked. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // One substitution, or two neighbours swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

const MIN_FUZZY_WORD = 5;
/** A name run together is read only from this many letters: `lge` or `nttd` could be many things. */
const MIN_COMPACT = 6;
/** Legal endings a run-together name may carry on its end (`ztecorporation`), longest first. */
const RUN_ON_ENDINGS = [...new Set(LEGAL_ENDINGS.map((e) => e.replace(/ /g, '')))].filter((e) => e.length >= 2).sort((a, b) => b.length - a.length);

export function createTolerantIndex(registry: Registry, lookup: KeyLookup): TolerantIndex {
  const byFirstWord = new Map<string, Spelling[]>();
  const byJoinedInitials = new Map<string, string>();
  // Every spelling without its spaces; null where two organizations would meet on one.
  const byCompact = new Map<string, string | null>();
  const vocabulary = new Set<string>();
  const wholeWords = new Set<string>();
  for (const org of registry.organizations.values()) {
    const seen = new Set<string>();
    for (const spelling of [org.name, ...org.aliases]) {
      for (const key of [plainKey(spelling), nameKey(spelling)]) {
        if (!key || seen.has(key) || isPlaceName(key)) continue;
        seen.add(key);
        const words = key.split(' ');
        const list = byFirstWord.get(words[0]!) ?? [];
        list.push({ words, slug: org.slug });
        byFirstWord.set(words[0]!, list);
        for (const word of words) {
          wholeWords.add(word);
          if (word.length >= MIN_FUZZY_WORD) vocabulary.add(word);
        }
        const joined = joinInitials(key) ?? key;
        if (!byJoinedInitials.has(joined)) byJoinedInitials.set(joined, org.slug);
        const compact = key.replace(/ /g, '');
        const holder = byCompact.get(compact);
        byCompact.set(compact, holder === undefined || holder === org.slug ? org.slug : null);
      }
    }
  }
  for (const ending of LEGAL_ENDINGS) if (ending.length >= MIN_FUZZY_WORD) vocabulary.add(ending);

  // Symmetric deletion index: two words within one edit share a one-deletion form.
  const byDeletion = new Map<string, string[]>();
  for (const word of vocabulary) {
    for (const d of new Set(deletions(word))) {
      const list = byDeletion.get(d);
      if (list) list.push(word);
      else byDeletion.set(d, [word]);
    }
  }
  function neighbours(word: string): string[] {
    if (word.length < MIN_FUZZY_WORD) return [];
    const found = new Set<string>();
    for (const d of new Set(deletions(word))) {
      for (const candidate of byDeletion.get(d) ?? []) {
        if (candidate !== word && withinOneEdit(word, candidate)) found.add(candidate);
      }
    }
    return [...found];
  }

  const kindOf = (slug: string) => registry.organizations.get(slug)?.kind;

  function descriptive(key: string): string | null {
    const words = key.split(' ');
    for (let k = words.length - 1; k >= 1; k--) {
      const head = words.slice(0, k).join(' ');
      if (isPlaceName(head)) continue;
      // The head as the registry writes it: a place in it belongs to the rest (`ZTE China Mobile`).
      const slug = registry.byKey.get(head);
      if (!slug || !OWNING_KINDS.has(kindOf(slug) ?? '')) continue;
      const rest = words.slice(k);
      // `Qualcomm Incorporated China Mobile` is two organizations run together, not Qualcomm's unit.
      if (onlyQualifiers(rest) && !endsWithOrganization(rest)) return slug;
    }
    return null;
  }

  function endsWithOrganization(words: string[]): boolean {
    for (let i = 0; i < words.length; i++) {
      const tail = words.slice(i).join(' ');
      if (!isPlaceName(tail) && lookup(tail)) return true;
    }
    return false;
  }

  /** Whether words are unit words, legal forms and places only (`r and d center germany`). */
  function onlyQualifiers(words: string[]): boolean {
    for (let i = 0; i < words.length; ) {
      if (UNIT.has(words[i]!)) {
        i++;
        continue;
      }
      let n = Math.min(3, words.length - i);
      while (n >= 1 && !isPlaceName(words.slice(i, i + n).join(' '))) n--;
      if (n === 0) return false;
      i += n;
    }
    return true;
  }

  function afterLeadingPlace(key: string): string | null {
    const stripped = withoutLeadingPlace(key);
    if (!stripped) return null;
    const slug = lookup(stripped.rest) ?? descriptive(stripped.rest);
    if (!slug) return null;
    const org = registry.organizations.get(slug)!;
    if (org.kind === 'company') return slug;
    return org.kind === 'government' && org.country !== null && countryOfPlace(stripped.place) === org.country ? slug : null;
  }

  function trimmed(key: string): string | null {
    const words = key.split(' ');
    const variants: string[] = [];
    if (words.length > 1 && words[0] === 'the') variants.push(words.slice(1).join(' '));
    const last = words[words.length - 1]!;
    if (words.length > 1 && last.length >= 2 && CUT_ENDINGS.some((e) => e.length > last.length && e.startsWith(last))) {
      variants.push(nameKey(words.slice(0, -1).join(' ')));
    }
    for (const variant of variants) {
      const slug = lookup(variant) ?? descriptive(variant);
      if (slug) return slug;
    }
    return null;
  }

  function abbreviated(key: string): string | null {
    const query = key.split(' ');
    if (query.length < 2 || key.length < 10 || STOP_WORDS.has(query[0]!)) return null;
    const same = new Set<string>();
    const longer = new Set<string>();
    for (const { words, slug } of byFirstWord.get(query[0]!) ?? []) {
      if (words.length < query.length) continue;
      let matches = true;
      for (let i = 1; i < query.length && matches; i++) {
        const q = query[i]!;
        matches = q === words[i] || (q.length >= 3 && words[i]!.startsWith(q));
      }
      if (matches) (words.length === query.length ? same : longer).add(slug);
    }
    // The same number of words: abbreviations. More words in the registry's name: a name cut short,
    // taken only when every longer name is one organization, and never from two whole words (`Queen's
    // University` is not Queen's University Belfast, `Trinity College` not Trinity College Dublin).
    if (same.size > 0) return same.size === 1 ? [...same][0]! : null;
    const cutShort = query.length >= 3 || !wholeWords.has(query[query.length - 1]!);
    return cutShort && longer.size === 1 ? [...longer][0]! : null;
  }

  function misspelt(key: string): string | null {
    const words = key.split(' ');
    // Long enough for one edit to be a slip, not another name: `politiet` (Norway's police) is not
    // `politie` (the Netherlands'), so a lone word must have ten letters, qualifiers aside.
    const core = qualifierFallbacks(key).pop() ?? key;
    if (key.length < 8 || (!core.includes(' ') && core.length < 10)) return null;
    const options = words.map(neighbours);
    const organizationsOf = (variants: string[][]) => {
      const found = new Set<string>();
      for (const variant of variants) {
        const text = variant.join(' ');
        const slug = lookup(nameKey(text));
        if (slug && !isPlaceName(text)) found.add(slug);
      }
      return found;
    };
    // Fewer edits first: `Intel Coporation` is Intel by one edit before it could be INTEC by two.
    const oneEdit: string[][] = [];
    const twoEdits: string[][] = [];
    for (let i = 0; i < words.length; i++) {
      for (const a of options[i]!) {
        const one = words.with(i, a);
        oneEdit.push(one);
        if (key.length < 15) continue;
        for (let j = i + 1; j < words.length; j++) for (const b of options[j]!) twoEdits.push(one.with(j, b));
      }
    }
    for (const variants of [oneEdit, twoEdits]) {
      const found = organizationsOf(variants);
      if (found.size > 0) return found.size === 1 ? [...found][0]! : null;
    }
    return null;
  }

  function initials(key: string): string | null {
    const joined = joinInitials(key);
    if (!joined) return null;
    return lookup(joined) ?? byJoinedInitials.get(joined) ?? null;
  }

  function compacted(key: string): string | null {
    // One word only: `Huawei/HiSilicon` is two names, whatever an alias run together says.
    if (key.includes(' ') || key.length < MIN_COMPACT) return null;
    const compact = key;
    const whole = byCompact.get(compact);
    if (whole !== undefined) return whole;
    for (const ending of RUN_ON_ENDINGS) {
      const rest = compact.slice(0, -ending.length);
      if (compact.endsWith(ending) && rest.length >= 3) {
        const found = byCompact.get(rest);
        if (found !== undefined) return found;
      }
    }
    return null;
  }

  return { descriptive, afterLeadingPlace, abbreviated, misspelt, initials, trimmed, compacted };
}
