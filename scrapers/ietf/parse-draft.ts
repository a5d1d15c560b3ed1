// A htmlized Internet-Draft or RFC as the Datatracker serves it (`/doc/html/draft-…-03`,
// `/doc/html/rfc8986`): the document's own metadata and its "Authors' Addresses", the one place where
// every author's organization and country are published. Two renderings exist: xml2rfc v3 HTML (`<address class="vcard">` with `span.org`,
// `span.country-name`) and the older plain text in `<pre>` (name, organization, address lines, country,
// e-mail, one block per author). Addresses, phone numbers and e-mail are read past, never kept.
import * as cheerio from 'cheerio';
import { LayoutChangedError } from '../errors.js';
import { collapseWhitespace, decodeHtml } from '../text.js';
import type { ParsedListing } from '../../domain/types.js';
import { countryCode, ietfGroup, splitRevision, toListing, type IetfAuthor, type IetfDocument } from './document.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * `6 November 2022` → 2022-11-06. An RFC gives only its month (`February 2021`): dated by the month's
 * first day, so that it counts in its month and year.
 */
function textDate(text: string): string | null {
  const m = /\b(?:(\d{1,2})\s+)?([A-Za-z]+)\s+(\d{4})\b/.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${(m[1] ?? '1').padStart(2, '0')}`;
}

/** `2023-06-17`, or an RFC's `2021-02` (its month's first day). */
function publishedDate(datetime: string | undefined): string | null {
  const m = /^(\d{4}-\d{2})(-\d{2})?/.exec(datetime ?? '');
  return m ? `${m[1]}${m[2] ?? '-01'}` : null;
}

/** `draft-ietf-idr-ts-flowspec-srv6-policy-03`, or `rfc8986` as the Datatracker names RFCs (its API too). */
function fullName($: cheerio.CheerioAPI): string {
  const draft = collapseWhitespace($('dd.internet-draft').first().text());
  if (draft) return draft;
  const rfc = /^\d+$/.exec(collapseWhitespace($('dd.rfc').first().text()));
  if (rfc) return `rfc${rfc[0]}`;
  const fromTitle = collapseWhitespace($('title').first().text());
  const m = /\b(draft-[a-z0-9-]+-\d{2})\b/i.exec(fromTitle) ?? /^(RFC)\s*(\d+)\b/.exec(fromTitle);
  if (!m) throw new LayoutChangedError('the page names no Internet-Draft or RFC (no dd.internet-draft or dd.rfc, no draft name or "RFC nnnn" in the title)');
  return m[2] ? `rfc${m[2]}` : m[1]!;
}

function groupAcronym($: cheerio.CheerioAPI, name: string): string | null {
  for (const a of $('a[href]').toArray()) {
    const m = /^\/(?:wg|rg|group)\/([a-z0-9-]+)\/about\/?$/.exec($(a).attr('href') ?? '');
    if (m) return m[1]!;
  }
  // A page of an older revision links no group; the IETF's naming rule says it (`draft-ietf-<wg>-…`,
  // `draft-irtf-<rg>-…`).
  return /^draft-(?:ietf|irtf)-([a-z0-9]+)-/.exec(name)?.[1] ?? null;
}

function v3Authors($: cheerio.CheerioAPI): IetfAuthor[] {
  // Contributors have address cards too (RFC 8986 lists 23 beside its 6 authors): only the authors' count.
  const inSection = $('#authors-addresses address.vcard');
  return (inSection.length > 0 ? inSection : $('address.vcard'))
    .toArray()
    .map((address) => {
      const card = $(address);
      const text = (selector: string) => collapseWhitespace(card.find(selector).first().text()) || null;
      const name = text('.fn')?.replace(/\s*\((?:editor|ed\.)\)\s*$/i, '') ?? null;
      return { name, affiliation: text('.org'), country: countryCode(text('.country-name')) };
    });
}

const CONTACT_LINE = /^(?:e-?mail|phone|tel|fax|uri|url)\s*:/i;

/**
 * The headings of the plain text's address sections: `Authors' Addresses`, a single author's `Author's
 * Address`, `Editors' Addresses` (RFC 4271), numbered or not; not the table of contents' line of it.
 */
const ADDRESSES_HEADING = /^(?:\d+\.\s+)?(?:Author|Editor)(?:s'|'s|s)?\s+Address(?:es)?\s*$/;
/** Page furniture between two pages: the footer (`… [Page 21]`), an RFC's or a draft's header. */
const FURNITURE = [/\[Page \d+\]\s*$/, /^Internet-Draft\s{2,}/, /^RFC \d+\s{2,}/];
const indent = (line: string) => line.length - line.trimStart().length;

/**
 * The lines of each address section, up to the next section: a line indented less than the
 * section's first (an RFC's "Full Copyright Statement", "Intellectual Property" follow its authors).
 */
function addressSections(text: string): string[][] {
  const lines = text.split('\n').filter((line) => !FURNITURE.some((f) => f.test(line)));
  const sections: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!ADDRESSES_HEADING.test(lines[i]!)) continue;
    const section: string[] = [];
    let margin: number | null = null;
    for (i++; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() !== '') {
        margin ??= indent(line);
        if (indent(line) < margin) break;
      }
      section.push(line);
    }
    i--;
    sections.push(section);
  }
  return sections;
}

/**
 * The plain-text address sections: one block per author, blocks separated by blank lines. The name
 * comes first, then the organization, the address lines (the last that names a country gives it) and
 * the contact lines; contact lines after a blank line belong to the author above, and a name alone is
 * an author who gives no organization (RFC 4271: "Tony Li").
 */
function v2Authors(text: string): IetfAuthor[] {
  const blocks: string[][] = [];
  for (const section of addressSections(text)) {
    let current: string[] = [];
    for (const line of section) {
      if (line.trim() === '') {
        if (current.length > 0) blocks.push(current);
        current = [];
      } else current.push(line.trim());
    }
    if (current.length > 0) blocks.push(current);
  }
  return blocks
    .filter((block) => !CONTACT_LINE.test(block[0]!))
    .map((block) => {
      const [first, ...rest] = block;
      const name = first!.replace(/\s*\((?:editor|ed\.)\)\s*$/i, '').trim();
      const address = rest.filter((l) => !CONTACT_LINE.test(l));
      const country = [...address].reverse().map(countryCode).find((c) => c) ?? null;
      const second = address[0] ?? null;
      // The organization is the line after the name unless that line is already the country.
      const affiliation = second && !(address.length === 1 && countryCode(second)) ? second : null;
      return { name, affiliation, country };
    });
}

export interface ParsedDraft {
  document: IetfDocument;
  listing: ParsedListing;
}

export function parseHtmlizedDraft(bytes: Uint8Array): ParsedDraft {
  const $ = cheerio.load(decodeHtml(bytes, 'utf-8'));
  const { name, rev } = splitRevision(fullName($));
  const group = groupAcronym($, name);
  let authors: IetfAuthor[];
  let title: string;
  let date: string | null;
  if ($('address.vcard').length > 0) {
    authors = v3Authors($);
    title = collapseWhitespace($('h1#title').first().text());
    date = publishedDate($('time.published').first().attr('datetime'));
  } else {
    const pre = $('div.rfcmarkup pre, pre')
      .toArray()
      .map((p) => $(p).text())
      .join('\n');
    authors = v2Authors(pre);
    title = collapseWhitespace($('pre span.h1').first().text());
    // The date closes the first-page header, right above the title.
    date = textDate(pre.slice(0, Math.max(0, pre.indexOf(title.slice(0, 20)))).split('\n').filter((l) => l.trim()).pop() ?? '');
  }
  if (authors.length === 0) throw new LayoutChangedError(`${name}: no "Authors' Addresses" section found`);
  if (!title) throw new LayoutChangedError(`${name}: no title found`);
  const document: IetfDocument = { name, rev, title, type: name.startsWith('rfc') ? 'rfc' : 'draft', group, date, authors };
  const warnings = authors.filter((a) => !a.affiliation).map((a) => `${name}: ${a.name ?? 'an author'} gives no affiliation`);
  return { document, listing: toListing('ietf-htmlized-draft', ietfGroup(group), [document], warnings) };
}
