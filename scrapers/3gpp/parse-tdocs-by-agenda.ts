// `TdocsByAgenda.htm`: the agenda-ordered document list that 3GPP working groups (SA2 among them) keep
// in each meeting folder, with the outcome of each document once treated. Word-generated HTML in
// windows-1252, upper-case tags, sometimes re-saved by a browser; the column headers changed over the
// years (`Subject`/`Title`, `Comments`/`Comment`), so columns are found by header text.
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { LayoutChangedError, UnreadableInputError } from '../errors.js';
import { collapseWhitespace, decodeHtml } from '../text.js';
import type { ParsedContribution, ParsedListing } from '../../domain/types.js';
import { admitRef, groupOfRef, meetingName, meetingOfUrl } from '../../domain/groups/3gpp.js';

export interface TdocsByAgendaContext {
  /** Where the page was fetched from: document links are relative to it. */
  url?: string;
}

const HEADERS = {
  agendaItem: ['ai', 'agenda item', 'agenda'],
  ref: ['td#', 'td #', 'tdoc', 'tdoc#', 'tdoc #'],
  type: ['type', 'doc type'],
  docFor: ['doc for', 'for'],
  title: ['subject', 'title'],
  source: ['source', 'source(s)', 'sources'],
  release: ['rel', 'release'],
  workItems: ['work item', 'wi', 'work items'],
  comments: ['comments', 'comment', 'remarks'],
  result: ['result', 'decision', 'status'],
} as const;
type Column = keyof typeof HEADERS;
const REQUIRED: Column[] = ['ref', 'title', 'source'];

// "Revision of S2-2001774", also "Revision of postponed S2-2405868 from S2#163".
const REVISION_OF = /revision of(?:\s+[a-z]+)?\s+([A-Z][A-Z0-9]-\d{5,7})/i;
const REVISED_TO = /revised (?:to|in)\s+([A-Z][A-Z0-9]-\d{5,7})/i;

function load(html: string): cheerio.CheerioAPI {
  // htmlparser2 (the `xml: { xmlMode: false }` form) reads these 2 MB Word pages several times faster
  // than the spec-exact parser, and they are far from spec-exact anyway.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  // <br> separates lines inside a cell: keep them apart before whitespace is collapsed.
  $('br').replaceWith(' ');
  return $;
}

function headerColumns($: cheerio.CheerioAPI): { table: Element; header: Element; index: Map<Column, number> } {
  for (const tr of $('tr').toArray()) {
    const names = $(tr)
      .children('td,th')
      .toArray()
      .map((cell) => collapseWhitespace($(cell).text()).toLowerCase());
    if (!names.some((n) => (HEADERS.ref as readonly string[]).includes(n))) continue;
    const index = new Map<Column, number>();
    for (const [column, accepted] of Object.entries(HEADERS) as [Column, readonly string[]][]) {
      const at = names.findIndex((n) => accepted.includes(n));
      if (at >= 0) index.set(column, at);
    }
    const missing = REQUIRED.filter((c) => !index.has(c));
    if (missing.length > 0) {
      throw new LayoutChangedError(
        `the document table has no ${missing.map((c) => `"${HEADERS[c][0]}"`).join(', ')} column (columns found: ${names.join(', ')})`,
      );
    }
    const table = $(tr).closest('table').toArray()[0] as Element | undefined;
    if (table) return { table, header: tr, index };
  }
  throw new LayoutChangedError('no document table with a "TD#" column: not a TdocsByAgenda page');
}

/** The page's own address, from the browser's "saved from url" comment when it was saved by hand. */
function savedFromUrl(html: string): string | undefined {
  return /saved from url=\(\d+\)(\S+)/i.exec(html.slice(0, 4096))?.[1];
}

export function parseTdocsByAgenda(bytes: Uint8Array, context: TdocsByAgendaContext = {}): ParsedListing {
  const html = decodeHtml(bytes);
  const $ = load(html);
  const { table, header, index } = headerColumns($);
  const pageUrl = context.url ?? savedFromUrl(html);
  const warnings: string[] = [];
  const contributions: ParsedContribution[] = [];
  const seen = new Set<string>();
  let meetingLabel: string | null = null;

  const rows = $(table).find('tr').toArray().filter((tr) => tr !== header);
  for (const [i, tr] of rows.entries()) {
    const cells = $(tr).children('td,th').toArray();
    const text = (column: Column): string | null => {
      const at = index.get(column);
      const cell = at === undefined ? undefined : cells[at];
      if (!cell) return null;
      const value = collapseWhitespace($(cell).text());
      return value === '' ? null : value;
    };
    const ref = text('ref');
    if (!ref || ref === '-') {
      // Agenda-item rows; the first (AI 0) names the meeting in its Work Item cell, e.g. "S2-137E".
      if (text('agendaItem') === '0') meetingLabel ??= text('workItems');
      continue;
    }
    if (!admitRef(ref, i + 2, seen, warnings)) continue;
    const comments = text('comments') ?? '';
    const href = $(cells[index.get('ref')!]).find('a[href]').attr('href');
    let url: string | null = null;
    if (href && pageUrl) {
      try {
        url = new URL(href.replace(/\\/g, '/'), pageUrl).toString();
      } catch {
        warnings.push(`row ${i + 2}: link "${href.slice(0, 60)}" is not a URL`);
      }
    }
    contributions.push({
      ref,
      title: text('title') ?? '',
      type: text('type'),
      docFor: text('docFor'),
      status: text('result')?.toLowerCase() ?? null,
      date: null,
      agendaItem: text('agendaItem'),
      release: text('release'),
      workItems: text('workItems'),
      sourceText: text('source') ?? '',
      url,
      revisionOf: REVISION_OF.exec(comments)?.[1] ?? null,
      revisedTo: REVISED_TO.exec(comments)?.[1] ?? null,
    });
  }
  if (contributions.length === 0) throw new LayoutChangedError('the document table has no document rows');
  // A download cut short still parses (HTML forgives), so check that the table closes after the last
  // row read, and compare with the total the page states at its end ("Total documents: 713").
  const lastRef = contributions[contributions.length - 1]!.ref;
  if (html.toLowerCase().lastIndexOf('</table>') < html.lastIndexOf(lastRef)) {
    throw new UnreadableInputError(`the page ends inside its document table (after ${lastRef}): the file is truncated`);
  }
  const stated = /Total documents:\s*(?:<[^>]*>\s*)*(\d+)/i.exec(html.slice(-4000))?.[1];
  if (stated && Number(stated) !== contributions.length) {
    warnings.push(`the page states ${stated} documents; ${contributions.length} were read`);
  }

  // Older pages name the meeting only above the table: "List for Meeting: S2-128 All Sessions".
  meetingLabel ??= /List for Meeting:\s*([A-Z][A-Z0-9]-\d+[\w-]*)/i.exec($('body').text())?.[1] ?? null;
  const fromUrl = pageUrl ? meetingOfUrl(pageUrl) : null;
  const labelGroup = meetingLabel ? groupOfRef(`${meetingLabel.split('-')[0]}-00000`) : null;
  const group = fromUrl?.group ?? labelGroup ?? groupOfRef(contributions[0]!.ref);
  if (!group) throw new LayoutChangedError('the document numbers belong to no known 3GPP group');
  const labelName =
    meetingLabel && labelGroup ? meetingName(labelGroup.code, meetingLabel.slice(meetingLabel.indexOf('-') + 1)) : null;
  const name = fromUrl?.meeting ?? labelName;
  if (!name) warnings.push('the meeting could not be told from the page');
  return {
    body: '3gpp',
    format: '3gpp-tdocs-by-agenda',
    group,
    meeting: name
      ? { name, startDate: null, endDate: null, town: null, folderUrl: fromUrl?.folderUrl ?? null }
      : null,
    contributions,
    warnings,
  };
}
