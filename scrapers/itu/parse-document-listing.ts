// ITU document-store listings (`/md/meetingdoc.asp?lang=en&parent=T22-SG17-C`, also `-TD`, ITU-R
// `R19-WP5D-C`): one table row per document. Cells are counted from 0: 1 the number, linked to the
// document (`a strong`, plain `a` text while not yet uploaded) with its revision in a `font`
// ("(Rev.1)"); 2 the title; 3 one link per source; 4 the Questions; then the date. Rows with fewer than
// five cells are navigation or headers. A document is one contribution at its latest revision, ref
// without the revision (revisions.ts), however many of its revisions the page lists. The page is read tolerantly (the number by its link, the date
// by its shape), but a page with no document table at all is a changed layout, not an empty list.
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { LayoutChangedError } from '../errors.js';
import { collapseWhitespace, decodeHtml } from '../text.js';
import type { ParsedContribution, ParsedListing } from '../../domain/types.js';
import { groupOfFolder } from '../../domain/groups/itu.js';
import { latestRevisions, revisionName, type ListedRevision } from '../../domain/itu-revisions.js';

export interface DocumentListingContext {
  /** Where the page was fetched from (its public address): tells the group and period, and makes links absolute. */
  url?: string;
}

/** `T22-SG17-C`, `R19-WP5D-C`, `T17-SG20-TD`: the listing's parent folder. */
const PARENT = /^([TR])(\d{2})-([A-Z0-9]+)-(C|TD)$/i;
/** A document's store id in its link: `/md/T22-SG17-C-0101/en`, `/md/T22-TSAG-221212-TD-GEN-0011/en`. */
const DOCUMENT_ID = /\/md\/([TR]\d{2}-[A-Z0-9.-]+?-(?:C|TD)(?:-[A-Z]+)?-\d{3,4})(?:[!/]|$)/i;
const REVISION = /\(?\s*Rev\.?\s*(\d+)\s*\)?/i;
const DATE = /^(\d{4}-\d{2}-\d{2})$/;
const MIN_CELLS = 5;

interface ListingParent {
  sector: 'T' | 'R';
  prefix: string;
  folder: string;
  kind: 'C' | 'TD';
}

function parentOf(text: string | undefined): ListingParent | null {
  if (!text) return null;
  const m = PARENT.exec(text.trim());
  if (!m) return null;
  return { sector: m[1]!.toUpperCase() as 'T' | 'R', prefix: `${m[1]!.toUpperCase()}${m[2]}`, folder: m[3]!.toUpperCase(), kind: m[4]!.toUpperCase() as 'C' | 'TD' };
}

/** The listing's folder: from its address, else from the links on the page (a page saved by hand). */
function listingParent($: cheerio.CheerioAPI, url: string | undefined): ListingParent | null {
  if (url) {
    const fromUrl = parentOf(new URL(url, 'https://www.itu.int').searchParams.get('parent') ?? undefined);
    if (fromUrl) return fromUrl;
  }
  for (const a of $('a[href*="parent="]').toArray()) {
    const href = $(a).attr('href') ?? '';
    const fromLink = parentOf(new URL(href, 'https://www.itu.int').searchParams.get('parent') ?? undefined);
    if (fromLink) return fromLink;
  }
  return null;
}

function cellsOf($: cheerio.CheerioAPI, tr: Element): Element[] {
  return $(tr).children('td,th').toArray() as Element[];
}

/** A row is a document when its number cell links into the document store (or names a number not yet uploaded). */
function numberLink($: cheerio.CheerioAPI, cell: Element): cheerio.Cheerio<Element> | null {
  const link = $(cell).find('a').first();
  if (link.length === 0) return null;
  const text = collapseWhitespace(($(link).find('strong').first().text() || link.text()));
  return /\d/.test(text) ? (link as cheerio.Cheerio<Element>) : null;
}

function dateOf($: cheerio.CheerioAPI, cells: Element[]): string | null {
  for (const cell of cells.slice(MIN_CELLS - 1)) {
    const m = DATE.exec(collapseWhitespace($(cell).text()));
    if (m) return m[1]!;
  }
  return null;
}

/** `C 101` in `T22-SG17-C` → `T22-SG17-C-0101` when the document has no link yet. */
function refOfNumber(parent: ListingParent, number: string): string | null {
  const digits = /(\d{1,4})\s*$/.exec(number)?.[1];
  return digits ? `${parent.prefix}-${parent.folder}-${parent.kind}-${digits.padStart(4, '0')}` : null;
}

export function parseDocumentListing(bytes: Uint8Array, context: DocumentListingContext = {}): ParsedListing {
  const html = decodeHtml(bytes, 'utf-8');
  const $ = cheerio.load(html);
  $('br').replaceWith('\n');
  const parent = listingParent($, context.url);
  if (!parent) throw new LayoutChangedError('not an ITU document listing: no "parent=" folder (like T22-SG17-C) in its address or links');
  const group = groupOfFolder(parent.sector, parent.folder);
  if (!group) throw new LayoutChangedError(`an ITU document listing of "${parent.folder}", which is not a group stdwatch knows`);
  const base = context.url ?? 'https://www.itu.int/md/';
  const warnings: string[] = [];
  const listed: ListedRevision<ParsedContribution>[] = [];
  const seen = new Set<string>();
  let wideRows = 0;

  for (const tr of $('tr').toArray() as Element[]) {
    const cells = cellsOf($, tr);
    if (cells.length < MIN_CELLS || $(tr).find('table').length > 0) continue;
    wideRows++;
    const link = numberLink($, cells[1]!);
    if (!link) continue;
    const number = collapseWhitespace(link.find('strong').first().text() || link.text());
    const href = link.attr('href') ?? '';
    const storeId = DOCUMENT_ID.exec(href)?.[1]?.toUpperCase() ?? null;
    const documentRef = storeId ?? refOfNumber(parent, number);
    if (!documentRef) {
      warnings.push(`row ${wideRows}: "${number}" is not a document number; skipped`);
      continue;
    }
    const revisionText = REVISION.exec(collapseWhitespace($(cells[1]!).find('font').text()))?.[1];
    const revision = revisionText ? Number(revisionText) : 0;
    const name = revisionName(documentRef, revision);
    if (seen.has(name)) {
      warnings.push(`row ${wideRows}: ${name} listed twice; the first kept`);
      continue;
    }
    seen.add(name);
    const title = collapseWhitespace($(cells[2]!).text());
    // One link per source: joined by line breaks, which separate sources as commas do, while a
    // comma inside one source ("Chairman, WP2/TSAG", "Co., Ltd.") stays with it.
    const sourceLinks = $(cells[3]!).find('a').toArray();
    const sources = (sourceLinks.length > 0 ? sourceLinks.map((a) => $(a).text()) : $(cells[3]!).text().split('\n'))
      .map(collapseWhitespace)
      .filter((s) => s !== '');
    if (sources.length === 0) warnings.push(`row ${wideRows}: ${name} names no source`);
    const questions = collapseWhitespace($(cells[4]!).text())
      .split(/\s*[,;]\s*|\s+/)
      .filter((q) => /^Q?\d{1,2}\/\d{1,2}$/i.test(q))
      .map((q) => (q.toUpperCase().startsWith('Q') ? q.toUpperCase() : `Q${q}`));
    listed.push({
      documentRef,
      revision,
      row: {
        ref: documentRef,
        title,
        type: parent.kind === 'C' ? 'contribution' : 'td',
        docFor: null,
        status: null,
        date: dateOf($, cells),
        agendaItem: null,
        release: null,
        workItems: questions.length > 0 ? questions.join(', ') : null,
        sourceText: sources.join('\n'),
        url: storeId ? new URL(href, base).toString() : null,
        revisionOf: null,
        revisedTo: null,
      },
    });
  }
  const contributions = latestRevisions(listed).map(({ row, revisionOf }) => ({ ...row, revisionOf }));

  // An empty listing still has ITU's page frame ("Home : ITU-T : SG13 : Contributions") and the
  // table header; a page with neither is something else.
  if (contributions.length === 0) {
    const framed = /Home\s*:\s*ITU-[TR]\b/.test(collapseWhitespace($('body').text()));
    if (!framed || wideRows === 0) {
      throw new LayoutChangedError('no document rows and no ITU listing frame: the listing page no longer looks as expected');
    }
    if (wideRows > 1) {
      throw new LayoutChangedError(`${wideRows} table rows but none with a document number in cell 1: the listing's columns have changed`);
    }
  }
  return { body: 'itu', format: 'itu-document-listing', group, meeting: null, contributions, warnings };
}
