// Candidates for a name the registry does not resolve, each with the evidence for it, for the people
// who keep the registry (`stdwatch orgs suggest`, /unresolved). A suggestion is never applied by
// itself: `stdwatch orgs accept NAME ORG` writes the one a person checked (registry-edit.ts).
import { isLegalForm, isPlaceName, nameKey, plainKey } from './normalize.js';
import { ultimateParent, type Registry } from './registry.js';
import { STOP_WORDS, UNIT_WORDS } from './words.js';

export interface Candidate {
  slug: string;
  name: string;
  /** Today's ultimate parent and its country. */
  parent: string;
  country: string | null;
  score: number;
  evidence: string[];
}

/** An organization listed in the same source cells as the unresolved name, and how often. */
export interface CoListed {
  slug: string;
  name: string;
  contributions: number;
}

export interface Suggester {
  candidates(name: string, coListed?: CoListed[]): Candidate[];
}

const GENERIC = new Set([...UNIT_WORDS, ...STOP_WORDS]);
/** A word shared with this many organizations or more says nothing (`university`, `china`). */
const COMMON_WORD = 25;

/** Levenshtein distance, given up above `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function initials(words: string[]): string {
  return words.map((w) => w[0]).join('');
}

export function createSuggester(registry: Registry): Suggester {
  const orgsOfWord = new Map<string, Set<string>>();
  const byInitials = new Map<string, Set<string>>();
  const spellings: { key: string; slug: string; spelling: string }[] = [];
  for (const org of registry.organizations.values()) {
    for (const spelling of [org.name, ...org.aliases]) {
      const key = nameKey(spelling);
      if (!key || isPlaceName(key)) continue;
      spellings.push({ key, slug: org.slug, spelling });
      const words = key.split(' ');
      for (const word of words) {
        if (word.length < 3 || GENERIC.has(word) || isPlaceName(word)) continue;
        const set = orgsOfWord.get(word) ?? new Set<string>();
        set.add(org.slug);
        orgsOfWord.set(word, set);
      }
      // Initials with and without the small words, and with the legal ending (`CMCC`: China Mobile
      // Communications Corporation).
      const full = plainKey(spelling).split(' ');
      for (const form of [words, words.filter((w) => !STOP_WORDS.has(w)), full, full.filter((w) => !STOP_WORDS.has(w))]) {
        if (form.length < 2) continue;
        const set = byInitials.get(initials(form)) ?? new Set<string>();
        set.add(org.slug);
        byInitials.set(initials(form), set);
      }
    }
  }

  function candidates(name: string, coListed: CoListed[] = []): Candidate[] {
    const key = nameKey(name);
    const found = new Map<string, { score: number; evidence: string[] }>();
    const add = (slug: string, score: number, evidence: string) => {
      const entry = found.get(slug) ?? { score: 0, evidence: [] };
      entry.score += score;
      if (!entry.evidence.includes(evidence)) entry.evidence.push(evidence);
      found.set(slug, entry);
    };
    if (!key || isLegalForm(name)) return [];
    const words = key.split(' ');

    // Begins with a known name (`Acme Networks Shenzhen` → Acme).
    for (let k = words.length - 1; k >= 1; k--) {
      const slug = registry.byKey.get(words.slice(0, k).join(' '));
      if (slug && !isPlaceName(words.slice(0, k).join(' '))) {
        add(slug, 3, `begins with its name "${words.slice(0, k).join(' ')}"`);
        break;
      }
    }
    for (const { key: other, slug, spelling } of spellings) {
      // One of the two cut short from the other, or spelt within two letters of it.
      if (key.length >= 6 && other !== key && (other.startsWith(`${key}`) || key.startsWith(`${other} `))) {
        add(slug, 3, `"${spelling}" begins the same way`);
      } else if (key.length >= 6 && other.length >= 6) {
        const d = distance(key, other, 2);
        if (d > 0 && d <= 2) add(slug, 4 - d, `spelt ${d === 1 ? 'one letter' : 'two letters'} from "${spelling}"`);
      }
    }
    // An acronym: the name is the initials of a name, or its initials are a name.
    if (words.length === 1 && /^[a-z]{2,8}$/.test(key)) {
      for (const slug of byInitials.get(key) ?? []) add(slug, 2.5, `"${name}" are the initials of its name`);
    }
    if (words.length >= 3) {
      for (const form of [words, words.filter((w) => !STOP_WORDS.has(w))]) {
        const slug = registry.byKey.get(initials(form));
        if (slug) add(slug, 2.5, `its initials "${initials(form).toUpperCase()}" are a name of it`);
      }
    }
    // Shared distinctive words, weighed by how few organizations carry each.
    for (const word of new Set(words)) {
      const orgs = orgsOfWord.get(word);
      if (!orgs || orgs.size >= COMMON_WORD) continue;
      for (const slug of orgs) add(slug, 2 / orgs.size, `shares the word "${word}"`);
    }
    // Listed beside it: the same organization or one of its group in the same cells.
    for (const other of coListed) {
      const top = ultimateParent(registry, other.slug).slug;
      for (const slug of found.keys()) {
        if (slug === other.slug || ultimateParent(registry, slug).slug === top) {
          add(slug, 1, `listed beside ${other.name} in ${other.contributions} contribution${other.contributions === 1 ? '' : 's'}`);
        }
      }
    }
    return [...found]
      .map(([slug, { score, evidence }]) => {
        const org = registry.organizations.get(slug)!;
        const parent = ultimateParent(registry, slug);
        return { slug, name: org.name, parent: parent.name, country: parent.country ?? org.country, score: Math.round(score * 100) / 100, evidence };
      })
      .filter((c) => c.score >= 1)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .slice(0, 5);
  }

  return { candidates };
}

