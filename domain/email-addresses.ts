// E-mail addresses in every spelling people write them, so that none is ever stored. Published files
// write them plainly (`jane.roe@ericsson.com`) and, to escape harvesters, in words or brackets: the 3GPP
// work plan alone has `hui.li(at)huawei.com`, `jackn <at> qti.qualcomm.com`, `Bo[dot]jonsson[at]ericsson[dot]com`,
// `peter dot hedman at ericsson dot com`, `songyue (at) chinamobile (dot) com`, `redacted@mediatek.com13/7/22`
// (run on into the next note), `padma.sudarsan<AT>alcatel-lucent<DOT>com`; HTML writes `&lt;at&gt;` or
// `&#64;`, a URL `%40`. A bracketed "at" or an `@` makes an address whatever follows; a bare word "at"
// only when a domain with a top-level part follows (`x at nokia.com`, not "stopped at SA#77", "approved
// at TP-11.", "AT Commands").

/** What stands where an address was: no part of it, not even its domain (a personal domain names a person). */
export const ADDRESS_REMOVED = 'e-mail-removed';

const LABEL = String.raw`[\p{L}\p{N}_%+-]+`;
const DOT = String.raw`(?:\.|[ \t]*(?:\(\s*dot\s*\)|\[\s*dot\s*\]|<\s*dot\s*>|\{\s*dot\s*\}|&lt;\s*dot\s*&gt;)[ \t]*|[ \t]+dot[ \t]+)`;
const NAME = `${LABEL}(?:${DOT}${LABEL})*`;
// An `@` written tight, encoded, or an "at" in brackets: an address, even truncated (`redacted@thalesaleniaspace....`).
const AT = String.raw`(?:@|%40|&#0*64;|&#x0*40;|&commat;|[ \t]*(?:\(\s*at\s*\)|\[\s*at\s*\]|<\s*at\s*>|\{\s*at\s*\}|&lt;\s*at\s*&gt;)[ \t]*)`;
// A spaced `@` or the bare word: only before a domain that ends in a top-level part of letters.
const LOOSE_AT = String.raw`(?:[ \t]@[ \t]?|@[ \t]|[ \t]+at[ \t]+)`;
const QUALIFIED = String.raw`(?!www${DOT})${LABEL}(?:${DOT}${LABEL})*${DOT}\p{L}{2}[\p{L}\p{N}-]*`;
const START = String.raw`(?<![\p{L}\p{N}_%+.-])`;
// After an `@` written tight or an "at" in brackets, a domain of one label may go on with dots between
// spaces (`redacted@ericsson . com`, twice in the work plan), each label ending its word and not
// starting another address (`x@foo . Jane.Doe@…`, `x@foo . jane (at) …` are two). A domain with a dot
// written tight (`jane@nokia.com . see note 3`) ends there. Not after a bare "at", where prose would
// read as an address. A spaced dot before a capital ends a sentence (`… . Then`), so the address ends
// there (SENTENCE_END: the patterns are case-blind, this is not).
const SPACED_DOT = String.raw`[ \t]+\.[ \t]+`;
const SPACED_LABEL = String.raw`${LABEL}(?![\p{L}\p{N}_%+.@-])(?!${AT}|${LOOSE_AT})`;
const DOMAIN = `(?:${LABEL}(?:${SPACED_DOT}${SPACED_LABEL})+|${NAME})`;
const SENTENCE_END = /[ \t]+\.[ \t]+\p{Lu}/u;

const ADDRESS = new RegExp(`${START}(${NAME})(?:${AT}(${DOMAIN})|${LOOSE_AT}(${QUALIFIED}))`, 'giu');
const DOT_WRITTEN = new RegExp(`${DOT}|${SPACED_DOT}`, 'giu');

export interface FoundAddress {
  /** The address as the text writes it. */
  written: string;
  /** Its domain in the usual form, lower case: `ericsson.com` for `ericsson (dot) com`. */
  domain: string;
}

/** Every address a text holds, in order, with where it starts. */
function* addressesIn(text: string): Generator<FoundAddress & { index: number }> {
  const pattern = new RegExp(ADDRESS.source, ADDRESS.flags);
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    let [written, , domain = m[3]!] = m;
    const end = m[2] === undefined ? -1 : domain.search(SENTENCE_END);
    if (end >= 0) {
      written = written.slice(0, written.length - (domain.length - end));
      domain = domain.slice(0, end);
    }
    yield { index: m.index, written, domain: domain.replace(DOT_WRITTEN, '.').toLowerCase().replace(/\.+$/, '') };
    // What a sentence's end cut off is searched again.
    pattern.lastIndex = m.index + written.length;
  }
}

/** Every address a text holds, in order. */
export function findAddresses(text: string): FoundAddress[] {
  return [...addressesIn(text)].map(({ written, domain }) => ({ written, domain }));
}

/** The text with every address replaced (by ADDRESS_REMOVED unless told otherwise); the rest as written. */
export function removeAddresses(text: string, replacement: string = ADDRESS_REMOVED): string {
  let out = '';
  let from = 0;
  for (const { index, written } of addressesIn(text)) {
    out += text.slice(from, index) + replacement;
    from = index + written.length;
  }
  return out + text.slice(from);
}

/** Whether a text holds an address in any spelling. */
export function hasAddress(text: string): boolean {
  ADDRESS.lastIndex = 0;
  const found = ADDRESS.test(text);
  ADDRESS.lastIndex = 0;
  return found;
}

const EMPTY_BRACKETS = /(?<!\w)<\s*>(?!\w)|\(\s*\)|\[\s*\]/g;
const REMOVED = new RegExp(ADDRESS_REMOVED, 'g');

/**
 * A value to store: its addresses, and any mark of an address removed before (an archived copy's),
 * taken out with the brackets they leave empty (`Doe, John <…>`, `Zhiming Li (…)`) and the spaces
 * and separators around them (`mailto:` too): `Nan Hu, <address>` is `Nan Hu`.
 */
export function withoutAddresses(text: string): string {
  return removeAddresses(text.replace(/mailto:/gi, ' '), ' ').replace(REMOVED, ' ').replace(EMPTY_BRACKETS, ' ').replace(/[ \t]+(?=[,;])/g, '').replace(/[ \t]{2,}/g, ' ').replace(/^[\s,;:]+|[\s,;:]+$/g, '');
}
