// One page of an IEEE Mentor document listing (`https://mentor.ieee.org/802.11/documents?n=2`): one
// `tr.b_data_row` per document revision, cells created (`div.date_time`), year, DCN and revision
// (`td.dcn_ordinal` ×3), group, title, "Author (Affiliation)", uploaded (`div.date_time`) and the
// download link `/802.11/dcn/21/11-21-1606-04-0arc-….docx`; pages `?n=N` in `div.pager`.
// A document with several revisions is one contribution (`11-21-1606`) at its latest revision.
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { LayoutChangedError } from '../errors.js';
import { collapseWhitespace, decodeHtml } from '../text.js';
import type { ParsedContribution, ParsedListing } from '../../domain/types.js';
import { mentorSourceText, parseAuthorsCell, type MentorAuthor } from './authors.js';
import { publicDocumentUrl } from './urls.js';

export interface MentorRevision {
  /** `11-21-1606`: working-group number, two-digit year, DCN. */
  ref: string;
  year: number;
  dcn: number;
  rev: number;
  taskGroup: string;
  title: string;
  authorsCell: string;
  authors: MentorAuthor[];
  /** YYYY-MM-DD (Eastern Time, as the listing shows it). */
  created: string | null;
  uploaded: string | null;
  url: string | null;
}

export interface MentorPage {
  /** `802.11`, from the download links or the page heading. */
  group: string;
  page: number;
  /** The highest page number the pager links to. */
  lastPage: number;
  hasNext: boolean;
  revisions: MentorRevision[];
  warnings: string[];
}

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

/** `13-Oct-2021 13:03:53 ET` → 2021-10-13. */
export function mentorDate(text: string): string | null {
  const m = /(\d{1,2})-([A-Za-z]{3})-(\d{4})/.exec(text);
  const month = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
  return m && month ? `${m[3]}-${month}-${m[1]!.padStart(2, '0')}` : null;
}

function readRow($: cheerio.CheerioAPI, tr: Element, groupNumber: string | null): MentorRevision | string {
  const cells = $(tr).children('td');
  const ordinals = $(tr).children('td.dcn_ordinal');
  if (ordinals.length !== 3) return `a row without year/DCN/revision cells`;
  const [year, dcn, rev] = ordinals.toArray().map((td) => Number(collapseWhitespace($(td).text())));
  if (!Number.isInteger(year) || !Number.isInteger(dcn) || !Number.isInteger(rev)) {
    return `a row whose year/DCN/revision are not numbers (${ordinals.text()})`;
  }
  const after = cells.toArray().slice(cells.index(ordinals.last()) + 1);
  if (after.length < 4) return `${year}/${dcn}: too few cells after the revision`;
  const [groupCell, titleCell, authorsCell] = after.map((td) => collapseWhitespace($(td).text()));
  const href = $(tr).find('a[href*="/dcn/"]').first().attr('href') ?? null;
  const wg = /^\/?(802\.\d+)\//.exec(href ?? '')?.[1] ?? groupNumber;
  const dates = $(tr).find('div.date_time').toArray().map((d) => mentorDate($(d).text()));
  if (!wg) return `${year}/${dcn}: no 802 working group in the link or the page`;
  const number = wg.replace(/^802\./, '');
  return {
    ref: `${number}-${String(year! % 100).padStart(2, '0')}-${String(dcn).padStart(4, '0')}`,
    year: year!,
    dcn: dcn!,
    rev: rev!,
    taskGroup: groupCell ?? '',
    title: titleCell ?? '',
    authorsCell: authorsCell ?? '',
    authors: authorsCell ? parseAuthorsCell(authorsCell) : [],
    created: dates[0] ?? null,
    uploaded: dates[1] ?? null,
    url: href ? publicDocumentUrl(href) : null,
  };
}

export function parseMentorPage(bytes: Uint8Array, context: { group?: string } = {}): MentorPage {
  const $ = cheerio.load(decodeHtml(bytes, 'utf-8'));
  const rows = $('tr.b_data_row').toArray();
  const heading = /\b(802\.\d+)\b/.exec(collapseWhitespace($('h1, title').first().text()))?.[1] ?? null;
  const group = context.group ?? heading;
  const pagerNumbers = $('div.pager a[href]')
    .toArray()
    .map((a) => Number(/[?&]n=(\d+)/.exec($(a).attr('href') ?? '')?.[1]))
    .filter((n) => Number.isInteger(n));
  const current = Number(collapseWhitespace($('div.pager .selected').first().text())) || 1;
  if (rows.length === 0) {
    // An empty listing (a group without documents) still has its table; anything else is not a listing.
    if ($('table.b_data, div.pager').length === 0) throw new LayoutChangedError('no tr.b_data_row rows and no listing table: not a Mentor document listing');
  }
  const revisions: MentorRevision[] = [];
  const warnings: string[] = [];
  for (const tr of rows) {
    const read = readRow($, tr, group);
    if (typeof read === 'string') warnings.push(`skipped ${read}`);
    else revisions.push(read);
  }
  if (rows.length > 0 && revisions.length === 0) throw new LayoutChangedError(`none of the ${rows.length} rows has the expected cells (${warnings[0]})`);
  const fromLink = /^(\d+)-/.exec(revisions[0]?.ref ?? '')?.[1];
  const wg = group ?? (fromLink ? `802.${fromLink}` : null);
  if (!wg) throw new LayoutChangedError('the page names no 802 working group');
  return {
    group: wg,
    page: current,
    lastPage: Math.max(current, ...pagerNumbers),
    hasNext: $('div.pager .next.on').length > 0,
    revisions,
    warnings,
  };
}

/**
 * The revisions of one or more pages as contributions: one per document (`11-21-1606`), with the title,
 * authors, link and upload day of its latest revision, `revisionOf` naming the revision the latest one
 * replaces (`11-21-1606-03`).
 */
export function mentorContributions(revisions: MentorRevision[]): ParsedContribution[] {
  const byRef = new Map<string, MentorRevision[]>();
  for (const r of revisions) byRef.set(r.ref, [...(byRef.get(r.ref) ?? []), r]);
  return [...byRef.entries()].map(([ref, all]) => {
    const sorted = [...all].sort((a, b) => b.rev - a.rev);
    const latest = sorted[0]!;
    const previous = sorted[1];
    return {
      ref,
      title: latest.title,
      type: null,
      docFor: null,
      status: null,
      // The latest revision's day, as for IETF drafts: a listing window that no longer shows revision 0
      // cannot date the document's first upload.
      date: latest.uploaded ?? latest.created,
      agendaItem: null,
      release: null,
      // The task group the document is filed under (TGbe, ARC SC): the nearest thing to a work item.
      workItems: latest.taskGroup || null,
      sourceText: mentorSourceText(latest.authors),
      url: latest.url,
      revisionOf: previous ? `${ref}-${String(previous.rev).padStart(2, '0')}` : latest.rev > 0 ? `${ref}-${String(latest.rev - 1).padStart(2, '0')}` : null,
      revisedTo: null,
      // Each author's affiliation as the cell gives it, in order; Mentor gives no country.
      ...(latest.authors.length > 0 ? { authors: latest.authors.map((a) => ({ affiliation: a.affiliation, country: null })) } : {}),
    };
  });
}

export function mentorListing(group: string, revisions: MentorRevision[], warnings: string[]): ParsedListing {
  return {
    body: 'ieee',
    format: 'ieee-mentor-listing',
    group: { code: group, name: `IEEE ${group}` },
    meeting: null,
    contributions: mentorContributions(revisions),
    warnings,
  };
}

export function parseMentorListing(bytes: Uint8Array, context: { group?: string } = {}): ParsedListing {
  const page = parseMentorPage(bytes, context);
  return mentorListing(page.group, page.revisions, page.warnings);
}
