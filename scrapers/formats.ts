// Saved public files, recognised by their content (not their name) and read by the right parser:
// contribution listings (stored as contributions) and seat lists (stored as leadership seats).
import { UnreadableInputError } from './errors.js';
import { isZip } from './zip.js';
import { decodeHtml } from './text.js';
import { decodeText, parseCsv } from './csv.js';
import { parseTdocList } from './3gpp/parse-tdoc-list.js';
import { parseTdocsByAgenda } from './3gpp/parse-tdocs-by-agenda.js';
import { isChairsTableHeader, parseChairsTable } from './3gpp/parse-chairs-table.js';
import { parseElectionNews } from './3gpp/parse-elections.js';
import { parseOfficials } from './3gpp/parse-officials.js';
import { isRosterHeader, parseRoster } from './3gpp/parse-roster.js';
import { isWorkPlanHeader, parseWorkPlan, WORK_PLAN_SHEETS } from './3gpp/parse-work-plan.js';
import { rapporteurNaming } from './3gpp/work-plan-rapporteur.js';
import { workPlanCopy } from './3gpp/work-plan-copy.js';
import { redactAddresses } from './redact.js';
import type { RedactedCopy } from './redaction.js';
import { meetingOfUrl } from '../domain/groups/3gpp.js';
import { parseDocumentListing } from './itu/parse-document-listing.js';
import type { Resolver } from '../domain/resolve/resolve.js';
import type { ParsedListing, ParsedRoster } from '../domain/types.js';
import { parseHtmlizedDraft } from './ietf/parse-draft.js';
import { ietfJsonRefusal } from './ietf/import-json.js';
import { parseMentorListing } from './ieee/parse-mentor-listing.js';
import { cellText, checkContainer, isOle2, readSheets, rowsOf, sheetNames } from './workbook.js';

export type ListingFormat =
  | '3gpp-tdoc-list'
  | '3gpp-tdocs-by-agenda'
  | 'itu-document-listing'
  | 'ietf-htmlized-draft'
  | 'ieee-mentor-listing';

/** Files of seats: stored as leadership seats (positions), not contributions. */
export type RosterFormat = '3gpp-work-plan' | '3gpp-chairs-table' | '3gpp-election-news' | '3gpp-officials-annex' | 'roster';

export type FileFormat = ListingFormat | RosterFormat;

const ROSTER_FORMATS: readonly string[] = ['3gpp-work-plan', '3gpp-chairs-table', '3gpp-election-news', '3gpp-officials-annex', 'roster'];

export function isRosterFormat(format: FileFormat): format is RosterFormat {
  return ROSTER_FORMATS.includes(format);
}

/**
 * What a workbook is, by its sheets and its first sheet's header row: a TDoc list (`TDoc_List`), a
 * work plan (`Work_plan_3gpp`, or Unique_ID and rapporteur columns), a chairs table (Chair, Elected,
 * Term of office ended), a roster (group, role, organization). Anything else is read as a TDoc list,
 * whose parser says what is missing.
 */
function workbookFormat(bytes: Uint8Array): FileFormat {
  const names = sheetNames(bytes);
  if (names.includes('TDoc_List')) return '3gpp-tdoc-list';
  if (names.some((n) => WORK_PLAN_SHEETS.includes(n))) return '3gpp-work-plan';
  const first = names[0];
  if (!first) return '3gpp-tdoc-list';
  checkContainer(bytes);
  const header = rowsOf(readSheets(bytes, [first], { rows: 1 }).Sheets[first])[0];
  if (isWorkPlanHeader(header)) return '3gpp-work-plan';
  if (isChairsTableHeader(header)) return '3gpp-chairs-table';
  if (isRosterHeader((header ?? []).map((c) => cellText(c)))) return 'roster';
  return '3gpp-tdoc-list';
}

export function detectFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) throw new UnreadableInputError('the file is empty');
  if (isZip(bytes) || isOle2(bytes)) return workbookFormat(bytes);
  const head = decodeHtml(bytes.subarray(0, Math.min(bytes.length, 4 << 20)));
  if (/^\s*[{[]/.test(head)) ietfJsonRefusal(head);
  if (/<(?:html|table|body)\b/i.test(head)) {
    if (/>\s*TD\s*#\s*</i.test(head)) return '3gpp-tdocs-by-agenda';
    // ITU's document store: links to `/md/…` documents and listing folders (`parent=T22-SG17-C`).
    if (/meetingdoc\.asp\?[^"'>]*parent=[TR]\d{2}-/i.test(head) && /\/md\/[TR]\d{2}-/i.test(head)) return 'itu-document-listing';
    if (/<tr[^>]*class="[^"]*\bb_data_row\b/i.test(head)) return 'ieee-mentor-listing';
    if (/datatracker/i.test(head) && /\b(?:draft-[a-z0-9-]+-\d{2}|RFC \d+)\b/.test(head) && /(?:Author|Editor)s?(?:'|&#x27;|&#39;|’)?s? Address(?:es)?\b/i.test(head)) {
      return 'ietf-htmlized-draft';
    }
    if (/datatracker/i.test(head) && /<th scope="row">Authors<\/th>/.test(head)) {
      throw new UnreadableInputError(
        "a Datatracker document page, which gives no affiliations: import the htmlized document (/doc/html/<draft>-<rev> or /doc/html/rfc<n>) instead",
      );
    }
    if (/co-ordinates of (?:tsg and wg )?officials/i.test(head)) return '3gpp-officials-annex';
    // A 3GPP news article (the site's article markup) about an election.
    if (/itemprop=["']?articleBody/i.test(head) && /\belect/i.test(head)) return '3gpp-election-news';
    if (/Directory Listing|To Parent Directory/i.test(head)) {
      throw new UnreadableInputError('a file-server directory listing, not a contribution list');
    }
    throw new UnreadableInputError(
      'an HTML page, but not a contribution list stdwatch knows (those are a 3GPP TdocsByAgenda page, an ITU document listing, an IEEE Mentor listing, a htmlized Internet-Draft or RFC)',
    );
  }
  const firstRow = parseCsv(decodeText(bytes.subarray(0, Math.min(bytes.length, 64 << 10))).split(/\r?\n/, 1)[0] ?? '')[0];
  if (firstRow && isRosterHeader(firstRow)) return 'roster';
  throw new UnreadableInputError(
    'not a format stdwatch can import (expected a 3GPP TDoc list .xlsx/.xlsm/.xls, TdocsByAgenda page, work plan, election article, officials annex or chairs table; an officer roster CSV/XLSX; an ITU document listing; an IEEE Mentor listing; a htmlized Internet-Draft or RFC; or Datatracker JSON)',
  );
}

export function parseFile(bytes: Uint8Array, context: { fileName?: string; url?: string } = {}): ParsedListing {
  const format = detectFormat(bytes);
  switch (format) {
    case '3gpp-tdoc-list':
      return parseTdocList(bytes, { fileName: context.fileName });
    case '3gpp-tdocs-by-agenda':
      return parseTdocsByAgenda(bytes, { url: context.url });
    case 'itu-document-listing':
      return parseDocumentListing(bytes, { url: context.url });
    case 'ieee-mentor-listing':
      return parseMentorListing(bytes);
    case 'ietf-htmlized-draft':
      return parseHtmlizedDraft(bytes).listing;
    default:
      throw new UnreadableInputError(`a list of seats (${format}), not of contributions`);
  }
}

/**
 * What is archived, and parsed, of a file of seats: a work plan's copy without its people
 * (3gpp/work-plan-copy.ts), any other file without its e-mail addresses (null: it has none).
 */
export function redactRoster(bytes: Buffer, format: RosterFormat, resolver: Resolver): RedactedCopy | null {
  return format === '3gpp-work-plan' ? workPlanCopy(bytes, rapporteurNaming(resolver)) : redactAddresses(bytes);
}

/**
 * A file of seats, read whole. `url` is where it was published (the evidence of its seats; for an
 * election article also the roster's scope, for an officials annex the meeting); the resolver tells
 * the work plan's companies from the people it names.
 */
export function parseRosterFile(bytes: Uint8Array, format: RosterFormat, context: { url: string; resolver: Resolver }): ParsedRoster & { summary?: string } {
  switch (format) {
    case '3gpp-work-plan': {
      const roster = parseWorkPlan(bytes, { url: context.url, naming: rapporteurNaming(context.resolver) });
      const c = roster.counts;
      return { ...roster, summary: `${c.items} items; ${c.seated} of the ${c.named} that name a rapporteur company and a lead group became dated rapporteur seats (${c.seats} seats)` };
    }
    case '3gpp-chairs-table':
      return parseChairsTable(bytes, { url: context.url });
    case '3gpp-election-news':
      return parseElectionNews(bytes, { url: context.url });
    case '3gpp-officials-annex': {
      const meeting = meetingOfUrl(context.url)?.meeting ?? context.url.split('/').pop() ?? context.url;
      return parseOfficials(bytes, { url: context.url, meeting });
    }
    case 'roster':
      return parseRoster(bytes, { url: context.url });
  }
}
