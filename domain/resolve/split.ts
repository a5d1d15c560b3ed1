// Splitting a published source cell into its sources, and reading the roles and seats written around
// the names. Real cells, all from 3GPP lists:
//   `Huawei, HiSilicon`                      two sources
//   `NTT DOCOMO, INC.`                       one: a legal ending after a comma belongs to the name
//   `China Telecom, \nChina Unicom`          line breaks separate like commas
//   `RAN4 Chair (Huawei)`                    Huawei, role chair, and the seat "RAN4 chair" it reveals
//   `Huawei (moderator, RAN1 VC)`            Huawei as moderator; seat RAN1 vice-chair
//   `Rapporteur (MediaTek Inc., Apple)`      two rapporteurs
//   `RAN5`, `SA WG2 Chairman`                the 3GPP group itself
//   `MediaTek Inc. et al.`                   "et al." dropped: only the named sources count
//   `[China Mobile], Huawei, HiSilicon`      brackets (tentative co-signers) dropped, names kept
//   `Nokia on behalf of NSN`                 Nokia, who wrote and sent it (NSN read only if Nokia is unknown)
//   `Aeroflex Ltd a VIAVI Solutions Company` Aeroflex (its owner read only if Aeroflex is unknown)
//   `SA1 Chairman/SA1 Vice Chairmen/MCC`     three sources a slash separates
// Whether a comma joins or separates is decided with the registry (`IIT, Kharagpur` is one name).
import type { Role } from '../types.js';
import { groupCodeOfName } from '../groups/3gpp.js';
import { isLegalForm, isPlaceName, plainKey } from './normalize.js';

export type SeatRole = 'chair' | 'vice-chair';

export interface Seat {
  /** The group code as our 3GPP table knows it (`RAN4`, `SA2`). */
  group: string;
  role: SeatRole;
}

export interface SourcePart {
  /** The part of the cell this source was read from. */
  raw: string;
  /** The organization name to resolve, roles and seats taken off. */
  name: string;
  /** Other readings of the name to try when `name` is unknown (`European Broadcasting Union (EBU)`). */
  alternatives: string[];
  role: Role | null;
  seat: Seat | null;
  /** A person the cell names with a group role (`Younsun Kim, RAN1 Chair`). */
  person: string | null;
}

interface RolePhrase {
  role: Role | null;
  /** What stands before the role word: a group (`RAN4`), a body (`ETSI MCC TF160`) or nothing. */
  rest: string;
  group: string | null;
}

// Order matters: vice-chair before chair.
const TRAILING_ROLE: [RegExp, Role | null][] = [
  [/(?:^|[\s-])(?:vice[\s-]*chair(?:m[ae]n|woman|person)?s?|vcs?)$/i, 'vice-chair'],
  [/(?:^|[\s-])chair(?:m[ae]n|woman|person)?s?$/i, 'chair'],
  [/(?:^|[\s-])(?:co-?)?rapporteurs?$/i, 'rapporteur'],
  [/(?:^|[\s-])editors?$/i, 'editor'],
  // "noderator" is a real typo of "moderator" in RAN#1xx lists.
  [/(?:^|[\s-])(?:moderators?|noderator)$/i, 'moderator'],
  [/(?:^|[\s-])conven[eo]rs?$/i, 'convenor'],
  // Functions that are not leadership roles: the text marks a function, not a company.
  [/(?:^|[\s-])(?:secretary|leader|coordinator|contact|specifications? manager|manager|support)$/i, null],
];
const LEADING_ROLE: [RegExp, Role][] = [
  [/^vice[\s-]*chair(?:m[ae]n|woman|person)?s?\b/i, 'vice-chair'],
  [/^chair(?:m[ae]n|woman|person)?s?\b/i, 'chair'],
  [/^(?:co-?)?rapporteurs?\b/i, 'rapporteur'],
  [/^editors?\b/i, 'editor'],
  [/^moderators?\b/i, 'moderator'],
  [/^conven[eo]rs?\b/i, 'convenor'],
];

// 3GPP's Organizational Partners: in parentheses after a company they say how it joined, not who it is.
const PARTNERS = new Set(['arib', 'atis', 'ccsa', 'etsi', 'tsdsi', 'tta', 'ttc']);

/** `RAN4 Chair` → chair of RAN4; `Chairman of …` → chair; `ETSI MCC TF160 Leader` → a function of ETSI MCC. */
export function parseRolePhrase(text: string): RolePhrase | null {
  const phrase = text.trim();
  for (const [pattern, role] of LEADING_ROLE) {
    if (pattern.test(phrase)) return { role, rest: '', group: null };
  }
  for (const [pattern, role] of TRAILING_ROLE) {
    const m = pattern.exec(phrase);
    if (m) {
      const rest = phrase.slice(0, m.index).trim();
      return { role, rest, group: rest ? groupCodeOfName(rest) : null };
    }
  }
  return null;
}

// What a role phrase may say besides its group without naming anyone: `WG chairs`, `WI rapporteur`,
// `Session chair`, `TS 36.331 Editor`, `RAN1 Ad-hoc Chair`.
const GENERIC_ROLE_WORDS = /(?:^|\s+)(?:TSGs?|WGs?|WIs?|SIs?|WIDs?|SIDs?|work\s+items?|study\s+items?|features?|sessions?|ad[\s-]*hoc|breakout|drafting(?:\s+group)?|offline|(?:TS|TR)(?:\s*\d{2}\.\d{3}(?:-\d+)?)?|\d{2}\.\d{3}(?:-\d+)?)$/i;

/**
 * Who holds a role phrase's role, from what stands before the role word: a group (`RAN1`, also from
 * `RAN1 Ad-hoc`), a body (`ETSI MCC TF160`, `3GPP ITU-R Ad hoc`), or, when it names no one (`WG
 * chairs`, `WI rapporteur`, `Session chair`), 3GPP.
 */
function roleBody(rest: string): string {
  let body = rest;
  for (let m = GENERIC_ROLE_WORDS.exec(body); m && m[0] !== ''; m = GENERIC_ROLE_WORDS.exec(body)) {
    body = body.slice(0, m.index).trim();
  }
  if (body === '') return '3GPP';
  return groupCodeOfName(body) ? body : rest;
}

function seatOf(phrase: RolePhrase): Seat | null {
  return phrase.group && (phrase.role === 'chair' || phrase.role === 'vice-chair')
    ? { group: phrase.group, role: phrase.role }
    : null;
}

/** Splits at top-level separators: commas, semicolons, line breaks and tabs outside parentheses. */
export function splitTopLevel(text: string, separators = /[,;\n\r\t]/): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.test(ch)) {
      pieces.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}

/** `Head (inner)` → head and inner; an unclosed `(` at the end counts (`RAN2 chair (Interdigital`). */
export function trailingParenthesis(piece: string): { head: string; inner: string | null } {
  let depth = 0;
  if (piece.endsWith(')')) {
    for (let i = piece.length - 1; i >= 0; i--) {
      if (piece[i] === ')') depth++;
      else if (piece[i] === '(' && --depth === 0) {
        return i === 0 ? { head: piece, inner: null } : { head: piece.slice(0, i).trim(), inner: piece.slice(i + 1, -1).trim() };
      }
    }
    return { head: piece, inner: null };
  }
  const open = piece.lastIndexOf('(');
  if (open > 0 && piece.indexOf(')', open) < 0) {
    return { head: piece.slice(0, open).trim(), inner: piece.slice(open + 1).trim() };
  }
  return { head: piece, inner: null };
}

/** A role word and what follows it: `Rapporteur Q5/20` → rapporteur of `Q5/20`; null when nothing follows. */
function leadingRoleHolder(text: string): { role: Role; holder: string } | null {
  for (const [pattern, role] of LEADING_ROLE) {
    const m = pattern.exec(text);
    if (!m) continue;
    const holder = text.slice(m[0].length).replace(/^\s*(?:of\s+(?:the\s+)?|[,:-]\s*)?/i, '').trim();
    return holder ? { role, holder } : null;
  }
  return null;
}

/** A role word standing alone (`Chairman`): in `Chairman, WP2/TSAG` it is the role of the next piece. */
function isBareRole(piece: string): boolean {
  return LEADING_ROLE.some(([pattern]) => pattern.test(piece)) && leadingRoleHolder(piece) === null;
}

function part(raw: string, name: string, extra: Partial<SourcePart> = {}): SourcePart {
  return { raw, name, alternatives: [], role: null, seat: null, person: null, ...extra };
}

/**
 * Re-joins pieces a comma wrongly separated: a legal form and what remains of it (`INC.`, `S.A.`,
 * `Co., Ltd.`, `INC.)`) belongs to the name before it, and names the registry knows with a comma in
 * them (`IIT, Kharagpur`) stay whole.
 */
function rejoin(pieces: string[], isKnownName: (name: string) => boolean): string[] {
  const joined: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    // `RAN, SA`: a 3GPP group is never a legal form, whatever its letters.
    if (joined.length > 0 && isLegalForm(piece) && !groupCodeOfName(piece)) {
      joined[joined.length - 1] += `, ${piece}`;
      continue;
    }
    let taken = 1;
    for (let n = Math.min(3, pieces.length - i); n >= 2; n--) {
      if (isKnownName(pieces.slice(i, i + n).join(', '))) {
        taken = n;
        break;
      }
    }
    joined.push(pieces.slice(i, i + taken).join(', '));
    i += taken - 1;
  }
  return joined;
}

// `Nokia on behalf of Nokia Siemens Networks`, `Ericsson (on behalf of TSG RAN WG2)`: who submitted
// the document, for someone else. The submitter is the source, as when the cell names it alone.
const ON_BEHALF = /^(.*?)(?:^|[\s(]+)on\s+behalf\s+of\s+(?:the\s+)?([^()]+?)\)?$/i;
// `Aeroflex Ltd a VIAVI Solutions Company`, `X, an Everbridge company`: a company and its owner.
const OWNED_BY = /^(.+?)[\s,]+an?\s+(.+?)\s+company$/i;

/** Reads one piece (the text between two top-level commas) into one or more sources. */
function readPiece(piece: string, isKnownName: (name: string) => boolean): SourcePart[] {
  for (const pattern of [ON_BEHALF, OWNED_BY]) {
    const m = pattern.exec(piece);
    if (!m || isKnownName(piece)) continue;
    const [by, other] = [m[1]!.trim(), m[2]!.trim()];
    // `On behalf of the GSMA` standing alone: the one it names.
    if (by === '') return readPiece(other, isKnownName).map((p) => ({ ...p, raw: piece }));
    return readPiece(by, isKnownName).map((p) => ({ ...p, raw: piece, alternatives: [...p.alternatives, other] }));
  }
  const { head, inner } = trailingParenthesis(piece);
  const headPhrase = parseRolePhrase(head);
  if (inner !== null && inner !== '') {
    // `Moderator (AT&T, NTT DOCOMO, INC.)`: the names in a role's parentheses split as a cell does.
    const items = rejoin(splitTopLevel(inner), isKnownName);
    if (headPhrase) {
      // `RAN4 Chair (Huawei, Apple)`, `Rapporteur (MediaTek Inc., Apple)`, `TSG Chairs (Samsung, Intel)`
      return items.map((name) => part(piece, name, { role: headPhrase.role, seat: seatOf(headPhrase) }));
    }
    const phrases = items.map(parseRolePhrase);
    if (items.length > 0 && phrases.every((p) => p !== null)) {
      // `Huawei (moderator, RAN1 VC)`, `Nokia (Rapporteur)`, `vivo (RAN Vice-Chair)`
      const role = phrases.find((p) => p!.role)?.role ?? null;
      const seat = phrases.map((p) => seatOf(p!)).find((s) => s) ?? null;
      return [part(piece, head, { role, seat })];
    }
    if (PARTNERS.has(plainKey(inner))) return [part(piece, head)]; // `KDDI Corporation (TTC)`
    // `Acme (Japan)`: a country in parentheses qualifies the name, it is no other reading of it (else an
    // unknown company would count for the government of Japan, now that member states are known names).
    return [part(piece, piece, { alternatives: isPlaceName(inner) ? [head] : [head, inner] })];
  }
  const leading = leadingRoleHolder(head);
  if (leading) {
    // `Rapporteur Q5/20`, `Chairman, WP2/TSAG` (ITU's way): the role first, then who holds it.
    const group = groupCodeOfName(leading.holder);
    return [part(piece, leading.holder, { role: leading.role, seat: seatOf({ role: leading.role, rest: leading.holder, group }) })];
  }
  if (headPhrase) {
    // The group or body itself acting in a role: `RAN1 Chair`, `SA WG2 Secretary`, `ETSI MCC TF160 Leader`.
    const body = roleBody(headPhrase.rest);
    return [part(piece, body, { role: headPhrase.role })];
  }
  return [part(piece, piece)];
}

/**
 * `SA1 Chairman/SA1 Vice Chairmen/MCC`: roles and names a slash separates, each a source. Only when a
 * role is among them and every part is a role or a known name (`Huawei/HiSilicon` is left to the
 * resolver, which splits names run together).
 */
function slashedRoles(piece: string, isKnownName: (name: string) => boolean): string[] | null {
  if (!piece.includes('/') || isKnownName(piece)) return null;
  const parts = piece.split(/\s*\/\s*/).filter((p) => p !== '');
  if (parts.length < 2 || !parts.some((p) => parseRolePhrase(p)?.role)) return null;
  return parts.every((p) => parseRolePhrase(p) !== null || isKnownName(p)) ? parts : null;
}

const PERSON = /^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}$/;

/**
 * Splits a source cell into sources. `isKnownName` tells whether a text is a name the registry knows;
 * it decides when a comma is part of a name.
 */
export function splitSources(text: string, isKnownName: (name: string) => boolean): SourcePart[] {
  let cleaned = text
    .replace(/[[\]]/g, ' ')
    .replace(/,?\s*\bet\.?\s*al\b\.?/gi, ' ')
    .trim();
  // Tentative co-signers during a meeting: `(Deutsche Telekom, Nokia, Nokia Shanghai Bell)?, Huawei,
  // Ericsson?`. A parenthesised list standing alone is unwrapped and the question marks dropped.
  cleaned = cleaned
    .replace(/(^|[,;\n])\s*\(([^()]*)\)\??(?=\s*(?:[,;\n]|$))/g, '$1 $2')
    .replace(/\?(?=\s*(?:[,;\n]|$))/g, '');
  // A trailing "…" marks a list cut short by the publisher: the named sources are all we have.
  const pieces = splitTopLevel(cleaned).filter((p) => !/^(?:…|\.{3})$/.test(p));

  const joined = rejoin(pieces, isKnownName).flatMap((piece) => slashedRoles(piece, isKnownName) ?? [piece]);

  // `Chairman, WP2/TSAG`: a bare role word takes the piece after it. `Ericsson, on behalf of the GSMA`:
  // who the piece before acted for belongs to it.
  const held: string[] = [];
  for (let i = 0; i < joined.length; i++) {
    const next = joined[i + 1];
    if (held.length > 0 && /^on\s+behalf\s+of\s/i.test(joined[i]!)) {
      held[held.length - 1] += ` (${joined[i]})`;
    } else if (next !== undefined && isBareRole(joined[i]!) && !isBareRole(next)) {
      held.push(`${joined[i]}, ${next}`);
      i++;
    } else {
      held.push(joined[i]!);
    }
  }

  const parts: SourcePart[] = [];
  for (const piece of held) {
    const read = readPiece(piece, isKnownName);
    // `Younsun Kim, RAN1 Chair`: a group role right after a person's name names that person.
    const previous = parts[parts.length - 1];
    const only = read[0]!;
    if (
      read.length === 1 &&
      previous &&
      only.role &&
      groupCodeOfName(only.name) &&
      !previous.role &&
      PERSON.test(previous.name) &&
      !isKnownName(previous.name)
    ) {
      parts.pop();
      parts.push({ ...only, raw: `${previous.raw}, ${only.raw}`, person: previous.name });
      continue;
    }
    parts.push(...read);
  }
  return parts.filter((p) => p.name.trim() !== '');
}
