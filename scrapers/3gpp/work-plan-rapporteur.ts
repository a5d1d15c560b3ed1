// The company (or companies) behind a work item's "WI rapporteur name" cell. Despite the header, the
// January 2023 plan's cells come in several forms, all real:
//   `Ericsson`                                   a company
//   `Huawei, China Mobile`                       several companies (co-rapporteurs)
//   `Herrero Veron, Christian (Huawei)`          a person, the company in brackets
//   `Ozgur Oyman, Intel` · `Sedlacek, Ivo, Ericsson` · `Intel, Vivek Gupta` · `Waqar Zia; Qualcomm Incorporated`
//                                                a person (either name order) and the company, either first
//   `redacted@ericsson.com` · `Randy Bloomfield (redacted@its.bldrdoc.gov)`
//                                                an address: the company is its domain's, if the domain
//                                                identifies one (registry/email-domains.yaml)
//   `Keith Drage`                                a person alone: the company is the domain of the item's
//                                                "WI rapporteur e-mail", if it identifies one, or a company
//                                                that column names in words (`Merkel, Juergen - Nokia Networks`)
// Only companies leave this module: a person's name or an address is never returned, so it can never be
// stored. A part is a company when the registry knows it, or when it reads as a company (a legal ending,
// a word like "Networks" or "Wireless", a digit or an ampersand); a cell of one word is a company (no
// person is named by one word here). Anything else is taken for a person and dropped.
import { findAddresses, withoutAddresses, type FoundAddress } from '../../domain/email-addresses.js';
import { loadEmailDomains } from '../../domain/resolve/email-domains.js';
import { isPlaceName, plainKey } from '../../domain/resolve/normalize.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import { splitTopLevel, trailingParenthesis } from '../../domain/resolve/split.js';

export interface RapporteurNaming {
  /** Whether a name is an organization the registry knows (a company, institute, agency — not a person). */
  isOrganization(name: string): boolean;
  /** The registry name of the organization an address's domain (`qti.qualcomm.com`) stands for, or null. */
  organizationOfAddress(domain: string): string | null;
}

export type CompanySource = 'cell' | 'address in the cell' | 'e-mail column' | 'e-mail column, in words';

export interface RapporteurCompanies {
  /** The companies as the cell writes them, or the registry's names when they come from an address. */
  companies: string[];
  /** Where they were read; null when no company could be told. */
  from: CompanySource | null;
}

// What stands in a cell for "nobody yet", or a meeting reference (`CT#42`).
const PLACEHOLDER = /^(?:tbd|tbc|tba|n\/?a|none|unknown|company|\?+|-+)$|#/i;

// Words that make a name a company's (plain keys). A person is not called "Networks" or "Wireless".
const COMPANY_WORDS = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'co', 'corp', 'corporation', 'company', 'gmbh', 'ag', 'sa', 'spa', 'oy', 'oyj',
  'ab', 'bv', 'nv', 'plc', 'llc', 'kk', 'pte', 'pvt', 'sas', 'srl', 'group', 'holdings', 'networks', 'network',
  'wireless', 'mobile', 'mobility', 'telecom', 'telecommunications', 'telecommunication', 'communications',
  'communication', 'telekom', 'telefonica', 'cellular', 'systems', 'system', 'technologies', 'technology', 'tech',
  'electronics', 'semiconductor', 'semiconductors', 'solutions', 'software', 'labs', 'laboratories', 'laboratory',
  'research', 'institute', 'university', 'academy', 'industries', 'international', 'services', 'ministry', 'department',
  'agency', 'authority', 'association', 'alliance', 'forum', 'consortium', 'foundation', 'broadcasting', 'satellite',
  'space', 'defence', 'defense', 'devices', 'microelectronics', 'media', 'digital', 'innovation', 'innovations',
  'lab', 'engineering', 'police', 'government', 'office', 'council', 'commission', 'dynamics', 'bureau',
]);

function readsAsCompany(name: string): boolean {
  return /&|\w<>\w/.test(name) || plainKey(name).split(' ').some((word) => COMPANY_WORDS.has(word));
}

/**
 * `China Mobile Guangjing Cao`: a company the registry knows, then a name without a comma between. The
 * longest known beginning is the company when what follows does not read as a company's name too
 * (`Nokia Networks`, `Sony Mobile Communications` stay whole). A beginning of one word counts only when
 * it is an acronym (`CMCC`): a given name may spell a brand (`Tim Frost`, `Sun Mingrui`).
 */
function knownBeginning(name: string, naming: RapporteurNaming): string | null {
  const words = name.split(/\s+/);
  for (let n = words.length - 1; n >= 1; n--) {
    const beginning = words.slice(0, n).join(' ');
    if (n === 1 && !/^[A-Z0-9&]{2,}$/.test(beginning)) continue;
    if (naming.isOrganization(beginning)) return readsAsCompany(words.slice(n).join(' ')) ? null : beginning;
  }
  return null;
}

function words(name: string): number {
  return name.split(/\s+/).filter(Boolean).length;
}

/** `Company: Intel` → `Intel`; nicknames in brackets (`Basavaraj (Basu) Pattan`) are left out of a person. */
function clean(piece: string): string {
  return piece.replace(/\s+/g, ' ').trim().replace(/^<(.*)>$/, '$1');
}

/**
 * The pieces of a cell: split at top-level commas, semicolons and colons, and at a full stop that
 * separates a name from a company the registry knows (`de Gregorio, Jesus. Ericsson`); a piece that is
 * only a legal ending (`Ltd.`) belongs to the piece before.
 */
function pieces(text: string, naming: RapporteurNaming): string[] {
  const out: string[] = [];
  // `Andre – Qualcomm Incorporated`, `Cisco Systems / Yanover`: a spaced dash or slash separates too.
  const separated = text
    .replace(/\bcompany\s*:\s*/gi, ' ')
    .replace(/\s+[–—/-]\s+/g, ', ')
    .replace(/\s+from\s+/gi, ', ');
  for (const raw of splitTopLevel(separated, /[,;:]/)) {
    const piece = clean(raw);
    if (!piece || PLACEHOLDER.test(piece)) continue;
    if (out.length > 0 && /^(?:inc|ltd|limited|co|corp|llc|plc|gmbh|ag|oy|ab|kk)\.?$/i.test(piece)) {
      out[out.length - 1] += `, ${piece}`;
      continue;
    }
    const stop = piece.lastIndexOf('. ');
    const [before, after] = [piece.slice(0, stop).trim(), piece.slice(stop + 2).trim()];
    if (stop <= 0 || naming.isOrganization(piece)) out.push(piece);
    else if (naming.isOrganization(after)) out.push(before, after);
    // `Huawei. ES in 640`: the company, then a remark that is no name.
    else if (naming.isOrganization(before)) out.push(before);
    else out.push(piece);
  }
  return out;
}

type Reading = 'company' | 'guess' | 'surname' | 'given name' | 'person';

/**
 * What one piece of a cell is, given what the piece before it was. A company the registry knows or a
 * name that reads as a company's is a company; a lone word in the company's place of the cell's form
 * (the whole cell, or the last piece after a person's full name) is a guess; after a surname standing
 * alone comes the given name (`Evans, Tim, Vodafone`: whatever "Tim" may also spell, TIM being
 * Telecom Italia's brand), and the last piece after `Surname, Given` is the company
 * (`Haigh, Peter, CESG`).
 */
function readPiece(name: string, before: Reading | null, isOnly: boolean, isLast: boolean, naming: RapporteurNaming): { reading: Reading; company: string | null } {
  // What is left of an address the pattern did not take whole (`john.doe @ericsson.com`) is no company.
  if (name.includes('@')) return { reading: 'person', company: null };
  if (before === 'surname' && !isLast && words(name) <= 3 && !readsAsCompany(name)) return { reading: 'given name', company: null };
  if (naming.isOrganization(name)) return { reading: 'company', company: name };
  // Before the company words: `China Mobile Guangjing Cao` reads as a company's name ("Mobile").
  const beginning = knownBeginning(name, naming);
  if (beginning) return { reading: 'company', company: beginning };
  if (readsAsCompany(name)) return { reading: 'company', company: name };
  if (isLast && before === 'given name') return { reading: 'company', company: name };
  if (words(name) === 1 && (isOnly || (isLast && before === 'person'))) return { reading: 'guess', company: name };
  return { reading: words(name) === 1 ? 'surname' : 'person', company: null };
}

/** A cell that stands for "nobody yet" (`TBD`, `n/a`, `-`). */
export function isPlaceholder(cell: string): boolean {
  return PLACEHOLDER.test(cell.trim());
}

/**
 * The companies a text names as a rapporteur cell writes them (its addresses aside): those it names
 * (`company`) and a lone word that may be one (`guess`, only where `alone`: the whole cell).
 */
function namedIn(text: string, alone: boolean, naming: RapporteurNaming): { companies: string[]; guesses: string[] } {
  const parts = pieces(withoutAddresses(text), naming);
  const companies: string[] = [];
  const guesses: string[] = [];
  let before: Reading | null = null;
  for (const [i, part] of parts.entries()) {
    const { head, inner } = trailingParenthesis(part);
    if (inner && !isPlaceName(inner) && (naming.isOrganization(inner) || readsAsCompany(inner))) {
      // `Herrero Veron, Christian (Huawei)`, `Monnes, Peter (Harris Corp.)`: the company in brackets.
      companies.push(inner);
      before = 'company';
      continue;
    }
    const name = inner && naming.isOrganization(head) ? head : part.replace(/\s*\([^()]*\)\s*/g, ' ').trim();
    // A lone word is the company only when it is the whole cell: not what is left of `Baniel, uri
    // dot baniel at oracle dot com` once the address is taken out.
    const read = readPiece(name, before, alone && parts.length === 1, i === parts.length - 1, naming);
    if (read.company) (read.reading === 'guess' ? guesses : companies).push(read.company);
    before = read.reading;
  }
  return { companies, guesses };
}

/**
 * The organizations the registry knows among a text's pieces (its addresses aside), whole, at a piece's
 * beginning or in brackets: what the e-mail column may name beside a person (`Merkel, Juergen - Nokia
 * Networks`). Only names the registry knows: that column is no rapporteur cell, and a piece that merely
 * reads as a company there may be a person's address written in words (`jane.roe at nokia networks`).
 */
function knownIn(text: string, naming: RapporteurNaming): string[] {
  const known: string[] = [];
  // A word after a lone word that names no organization is a given name (`Evans, Tim`: not TIM).
  let afterSurname = false;
  for (const part of pieces(withoutAddresses(text), naming)) {
    const { head, inner } = trailingParenthesis(part);
    const name = (inner ? head : part).trim();
    const givenName = afterSurname && words(name) === 1;
    afterSurname = words(name) === 1 && !inner && !naming.isOrganization(name);
    if (inner && !isPlaceName(inner) && naming.isOrganization(inner)) known.push(inner);
    else if (givenName || name.includes('@')) continue;
    else if (naming.isOrganization(name)) known.push(name);
    else {
      const beginning = knownBeginning(name, naming);
      if (beginning) known.push(beginning);
    }
  }
  return known;
}

/**
 * The companies a rapporteur cell names; `emailCell` is the item's "WI rapporteur e-mail". In order:
 * the companies the cell names, its addresses' domains, the e-mail column's addresses' domains, the
 * organizations the registry knows that the e-mail column names in words (knownIn), and last a lone
 * word of the cell.
 */
export function rapporteurCompanies(cell: string | null, emailCell: string | null, naming: RapporteurNaming): RapporteurCompanies {
  const text = cell ?? '';
  const addresses = findAddresses(text);
  const { companies, guesses } = namedIn(text, addresses.length === 0, naming);
  const unique = (list: string[]) => [...new Map(list.map((c) => [plainKey(c), c])).values()];
  if (companies.length > 0) return { companies: unique(companies), from: 'cell' };
  // A guess gives way to an address whose domain the table knows (`Liang LIU, AngeloCentonza` is two
  // people; their addresses name China Mobile and Ericsson).
  const fromAddresses = (list: FoundAddress[]) => unique(list.map((a) => naming.organizationOfAddress(a.domain)).filter((o): o is string => o !== null));
  const inCell = fromAddresses(addresses);
  if (inCell.length > 0) return { companies: inCell, from: 'address in the cell' };
  const inColumn = fromAddresses(findAddresses(emailCell ?? ''));
  if (inColumn.length > 0) return { companies: inColumn, from: 'e-mail column' };
  const namedInColumn = knownIn(emailCell ?? '', naming);
  if (namedInColumn.length > 0) return { companies: unique(namedInColumn), from: 'e-mail column, in words' };
  if (guesses.length > 0) return { companies: unique(guesses), from: 'cell' };
  return { companies: [], from: null };
}

/** The naming a resolver gives: its registry for names, the reviewed domain table for addresses. */
export function rapporteurNaming(resolver: Resolver): RapporteurNaming {
  const domains = loadEmailDomains(resolver.registry);
  const known = new Map<string, boolean>();
  return {
    // A registry record; not a group recognised by its shape (`RAN1`, `SA3` name the group a person
    // works in: `Juan Montojo (RAN1)`), nor a country (`Huawei Telecommunications (India`).
    isOrganization(name) {
      let answer = known.get(name);
      if (answer === undefined) {
        const organization = isPlaceName(name) ? null : resolver.resolveName(name);
        answer = organization !== null && organization.origin === 'registry' && organization.kind !== 'individual';
        known.set(name, answer);
      }
      return answer;
    },
    organizationOfAddress(domain) {
      const slug = domains.organizationOf(domain);
      return slug ? resolver.organization(slug)!.name : null;
    },
  };
}
