// Saved public files, recognised by their content (not their name) and read by the right parser.
import { UnreadableInputError } from './errors.js';
import { isZip } from './zip.js';
import { decodeHtml } from './text.js';
import { parseTdocList } from './3gpp/parse-tdoc-list.js';
import { isOle2 } from './workbook.js';
import { parseTdocsByAgenda } from './3gpp/parse-tdocs-by-agenda.js';
import { parseDocumentListing } from './itu/parse-document-listing.js';
import type { ParsedListing } from './types.js';
import { parseHtmlizedDraft } from './ietf/parse-draft.js';
import { ietfJsonRefusal } from './ietf/import-json.js';
import { parseMentorListing } from './ieee/parse-mentor-listing.js';

export type FileFormat =
  | '3gpp-tdoc-list'
  | '3gpp-tdocs-by-agenda'
  | 'itu-document-listing'
  | 'ietf-htmlized-draft'
  | 'ieee-mentor-listing';

export function detectFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) throw new UnreadableInputError('the file is empty');
  if (isZip(bytes) || isOle2(bytes)) return '3gpp-tdoc-list';
  const head = decodeHtml(bytes.subarray(0, Math.min(bytes.length, 4 << 20)));
  if (/^\s*[{[]/.test(head)) ietfJsonRefusal(head);
  if (/<(?:html|table|body)\b/i.test(head)) {
    if (/>\s*TD\s*#\s*</i.test(head)) return '3gpp-tdocs-by-agenda';
    // ITU's document store: links to `/md/…` documents and listing folders (`parent=T22-SG17-C`).
    if (/meetingdoc\.asp\?[^"'>]*parent=[TR]\d{2}-/i.test(head) && /\/md\/[TR]\d{2}-/i.test(head)) return 'itu-document-listing';
    if (/<tr[^>]*class="[^"]*\bb_data_row\b/i.test(head)) return 'ieee-mentor-listing';
    if (/datatracker/i.test(head) && /\bdraft-[a-z0-9-]+-\d{2}\b/.test(head) && /Authors(?:'|&#x27;|&#39;|’)? Addresses/i.test(head)) {
      return 'ietf-htmlized-draft';
    }
    if (/datatracker/i.test(head) && /<th scope="row">Authors<\/th>/.test(head)) {
      throw new UnreadableInputError(
        "a Datatracker document page, which gives no affiliations: import the htmlized draft (/doc/html/<name>-<rev>) instead",
      );
    }
    if (/Directory Listing|To Parent Directory/i.test(head)) {
      throw new UnreadableInputError('a file-server directory listing, not a contribution list');
    }
    throw new UnreadableInputError('an HTML page, but not a contribution list stdwatch knows (no TD# column)');
  }
  throw new UnreadableInputError('not a format stdwatch can import (expected a 3GPP TDoc list .xlsx or a TdocsByAgenda page)');
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
  }
}
