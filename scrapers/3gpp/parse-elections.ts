// 3GPP's election news (`/news-events/3gpp-news/tsg-ran-election`): who was elected chair and
// vice-chair of a group, with company and Organizational Partner, and when. The articles are prose; two
// wordings are read:
//  - since about 2019, an "About the election" paragraph: `Wanshi CHEN (Qualcomm Incorporated - ATIS)
//    was re-elected Chair (2nd term), Ronald BORSATO (AT&T - ATIS), … were re-elected Vice Chair (2nd
//    term) of RAN by acclamation on 20.03.2023.`
//  - older articles: `Balázs Bertényi of Nokia Corporation has been elected RAN Chairman …` and the
//    vice-chairs as `Vince Spatafora (AT&T) for the North American partner ATIS, Xiaodong Xu (China
//    Mobile Com. Corp.) of CCSA …`;
//  - around 2009–2011: `Takehiro Nakamura (NTT DoCoMo Inc.) was elected … as Chairman of the Radio
//    Access Networks (RAN) …`, and the vice-chairs in a table `Name | Company / Partner`.
// An article that is about an election but in neither wording is a layout change, not an empty result.
import * as cheerio from 'cheerio';
import { LayoutChangedError } from '../errors.js';
import { collapseWhitespace, decodeHtml } from '../text.js';
import type { ParsedGroup, ParsedPosition, ParsedRoster, Role } from '../../domain/types.js';
import { groupByCode, groupCodeOfName } from '../../domain/groups/3gpp.js';
import { ELECTIONS_BASIS } from '../../domain/seat-bases.js';
import { ORGANIZATIONAL_PARTNERS, organizationalPartner } from '../../domain/partners.js';

export { ELECTIONS_BASIS };

export interface ElectionNewsContext {
  /** The article's public URL: the evidence of its seats, and (by its path) the roster's scope. */
  url: string;
}

/** One article linked from the news listing. */
export interface NewsLink {
  url: string;
  title: string;
  date: string | null;
}

const PARTNERS = ORGANIZATIONAL_PARTNERS.join('|');
// `Name (Company - OP)`: the company may itself hold commas and hyphens; the partner is the last part.
const HOLDER_WITH_PARTNER = new RegExp(`(?:^|,\\s*|\\band\\s+)([^,()]+?)\\s*\\(([^()]+?)\\s+-\\s+(${PARTNERS})\\)`, 'gu');
const ROLE_PHRASE = /\b(?:was|were)\s+(?:re-)?elected\s+(?:new\s+)?(Vice[ -]Chair|Chair)(?:man)?\b(\s*\(\d(?:st|nd|rd|th) term\))?/giu;
const GROUP_PHRASE = /\bof\s+(?:TSG\s+)?((?:RAN|SA|CT)(?:\s*WG\s*\d|\d)?)\b/gu;
const NUMERIC_DATE = /\bon\s+(\d{1,2})\.(\d{1,2})\.(\d{4})\b/u;
// Older wording.
const OLD_CHAIR = /^(.+?) of (.+?) has been elected (?:as )?(?:the )?((?:TSG )?(?:RAN|SA|CT)(?:\s*WG\s*\d|\d)?) Chair(?:man)?\b/u;
const OLD_VICE_CHAIRS_INTRO = /\b((?:TSG )?(?:RAN|SA|CT)(?:\s*WG\s*\d|\d)?) Vice[- ]Chair(?:men|s)\b[^.]*?\belected\b/u;
const OLD_VICE_CHAIR = new RegExp(`(\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*)+)\\s*\\(([^()]+)\\)\\s+(?:for the [\\w\\s-]*?partner|of)\\s+(${PARTNERS})\\b`, 'gu');

/** Whether a global pattern matches, without touching its `lastIndex`. */
function contains(pattern: RegExp, text: string): boolean {
  return new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text);
}

// The 2009–2011 wording: the chair in a sentence, the vice-chairs in a `Name | Company / Partner` table.
const TABLE_ERA_CHAIR = /(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+)\s*\(([^()]+)\)\s+was elected\b[^.]*?\bas Chair(?:man)? of (?:the )?[^()]*?\((RAN|SA|CT)\)/u;
// 2011: "… a new Technical Specification Group Service and System Aspects (TSG-SA) Chairman, with the
// election of Balazs Bertenyi, of Nokia Siemens Networks, to the top position …"
const TOP_POSITION_CHAIR = /\(TSG[- ](RAN|SA|CT)\)\s+Chair(?:man)?,\s+with the election of\s+([^,]+?),\s+of\s+([^,]+?),\s+to the top position\b/u;
const TABLE_ERA_GROUP = /\bTSG\s+(RAN|SA|CT)\b/u;
const COMPANY_AND_PARTNER = new RegExp(`^(.+?)\\s*/\\s*(${PARTNERS})$`, 'u');
const HONORIFIC = /^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+/u;

function groupOf(text: string): ParsedGroup | null {
  const code = groupCodeOfName(text.replace(/\s+/g, ' '));
  return code ? groupByCode(code) : null;
}

function roleOf(word: string): Role {
  return /^vice/i.test(word) ? 'vice-chair' : 'chair';
}

/** The article's title, date and paragraphs, or a layout error when the page is not a news article. */
interface ElectionTable {
  /** The caption or heading over it: `Vice Chairmanship`. */
  caption: string;
  /** The paragraph just before it: `TSG RAN also elected the following Vice Chairmen …`. */
  before: string;
  rows: string[][];
}

function readArticle(html: string): { title: string; date: string | null; paragraphs: string[]; tables: ElectionTable[] } {
  const $ = cheerio.load(html);
  const body = $('[itemprop="articleBody"]').first();
  if (body.length === 0) throw new LayoutChangedError('the news page has no article body (itemprop="articleBody")');
  const title = collapseWhitespace($('[itemprop="headline"]').first().text() || $('h1').first().text());
  const datetime = $('time[itemprop="datePublished"]').attr('datetime') ?? $('time[datetime]').first().attr('datetime') ?? '';
  const date = /^\d{4}-\d{2}-\d{2}/.exec(datetime)?.[0] ?? null;
  const paragraphs = body.find('p').toArray().map((p) => collapseWhitespace($(p).text())).filter((p) => p !== '');
  const tables = body.find('table').toArray().map((table) => ({
    caption: collapseWhitespace($(table).find('caption').text() || $(table).prevAll('h2,h3,h4,strong').first().text()),
    before: collapseWhitespace($(table).prevAll('p').first().text()),
    rows: $(table).find('tr').toArray().map((tr) => $(tr).children('td,th').toArray().map((cell) => collapseWhitespace($(cell).text()))),
  }));
  return { title, date, paragraphs, tables };
}

/** The "About the election" wording: every `Name (Company - OP)` takes the role phrase that follows it. */
function readAboutTheElection(paragraph: string, articleDate: string | null, url: string, warnings: string[]): ParsedPosition[] {
  const groups = [...paragraph.matchAll(GROUP_PHRASE)];
  const group = groups.length > 0 ? groupOf(groups.at(-1)![1]!) : null;
  if (!group) {
    warnings.push(`"${paragraph.slice(0, 80)}…": no group named, skipped`);
    return [];
  }
  const dated = NUMERIC_DATE.exec(paragraph);
  const from = dated ? `${dated[3]}-${dated[2]!.padStart(2, '0')}-${dated[1]!.padStart(2, '0')}` : articleDate;
  const roles = [...paragraph.matchAll(ROLE_PHRASE)];
  const positions: ParsedPosition[] = [];
  for (const holder of paragraph.matchAll(HOLDER_WITH_PARTNER)) {
    const after = roles.find((r) => r.index! > holder.index!);
    if (!after) {
      warnings.push(`${holder[1]}: no role follows the name, skipped`);
      continue;
    }
    const term = after[2] ? collapseWhitespace(after[2]).replace(/[()]/g, '') : null;
    positions.push({
      group,
      role: roleOf(after[1]!),
      // `…, and Mona Mustapha (Apple France - ETSI)`: the list's last "and" is not part of the name.
      person: collapseWhitespace(holder[1]!).replace(/^and\s+/i, ''),
      sourceText: collapseWhitespace(holder[2]!),
      country: null,
      from,
      to: null,
      detail: term,
      partner: organizationalPartner(holder[3]),
      evidenceUrl: url,
    });
  }
  return positions;
}

/** The older wording: the chair in one sentence, the vice-chairs with their partners in another. */
function readOlderWording(paragraphs: string[], from: string | null, url: string): ParsedPosition[] {
  const positions: ParsedPosition[] = [];
  for (const paragraph of paragraphs) {
    const chair = OLD_CHAIR.exec(paragraph);
    const chairGroup = chair ? groupOf(chair[3]!) : null;
    if (chair && chairGroup) {
      positions.push({ group: chairGroup, role: 'chair', person: chair[1]!, sourceText: chair[2]!, country: null, from, to: null, detail: null, partner: null, evidenceUrl: url });
    }
    const intro = OLD_VICE_CHAIRS_INTRO.exec(paragraph);
    const viceGroup = intro ? groupOf(intro[1]!.replace(/^3GPP\s+/, '')) : null;
    if (!intro || !viceGroup) continue;
    for (const holder of paragraph.slice(intro.index).matchAll(OLD_VICE_CHAIR)) {
      positions.push({
        group: viceGroup,
        role: 'vice-chair',
        person: holder[1]!,
        sourceText: collapseWhitespace(holder[2]!),
        country: null,
        from,
        to: null,
        detail: null,
        partner: organizationalPartner(holder[3]),
        evidenceUrl: url,
      });
    }
  }
  return positions;
}

/** A name compared across spellings: `Mr Balazs BERTENYI` = `Balazs Bertenyi` = `Balázs Bertényi`. */
function personKey(name: string): string {
  return name.replace(HONORIFIC, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The 2009–2011 wording: the chair in a sentence, the vice-chairs in a `Name | Company / Partner` table. */
function readTableEra(paragraphs: string[], tables: ElectionTable[], from: string | null, url: string, warnings: string[]): ParsedPosition[] {
  const positions: ParsedPosition[] = [];
  let chairGroup: ParsedGroup | null = null;
  for (const paragraph of paragraphs) {
    const chair = TABLE_ERA_CHAIR.exec(paragraph);
    const group = chair ? groupOf(chair[3]!) : null;
    if (chair && group) {
      chairGroup = group;
      positions.push({ group, role: 'chair', person: chair[1]!, sourceText: collapseWhitespace(chair[2]!), country: null, from, to: null, detail: null, partner: null, evidenceUrl: url });
      continue;
    }
    const top = TOP_POSITION_CHAIR.exec(paragraph);
    const topGroup = top ? groupOf(top[1]!) : null;
    if (!top || !topGroup) continue;
    chairGroup = topGroup;
    positions.push({ group: topGroup, role: 'chair', person: top[2]!, sourceText: collapseWhitespace(top[3]!), country: null, from, to: null, detail: null, partner: null, evidenceUrl: url });
  }
  // The 2011 article lists its chair again in a table captioned like the vice-chairs' one: a row naming
  // the chair the sentence elected is that chair, not a vice-chair, and gives the chair's partner, which
  // the sentence does not.
  const chairs = new Map(positions.map((p) => [personKey(p.person ?? ''), p]));
  for (const table of tables) {
    const header = (table.rows[0] ?? []).map((h) => h.toLowerCase());
    if (header[0] !== 'name' || !/company\s*\/\s*partner/.test(header[1] ?? '')) continue;
    const role: Role = /vice/i.test(table.caption) ? 'vice-chair' : 'chair';
    const named = TABLE_ERA_GROUP.exec(table.before);
    const group = (named ? groupOf(named[1]!) : null) ?? chairGroup;
    if (!group) {
      warnings.push(`a "${table.caption}" table names no group, skipped`);
      continue;
    }
    for (const [name, companyAndPartner] of table.rows.slice(1)) {
      const split = COMPANY_AND_PARTNER.exec(companyAndPartner ?? '');
      if (!name || !split) {
        warnings.push(`table row "${name ?? ''} | ${companyAndPartner ?? ''}" not understood, skipped`);
        continue;
      }
      const chair = chairs.get(personKey(name));
      if (chair) {
        chair.partner ??= organizationalPartner(split[2]);
        continue;
      }
      positions.push({
        group,
        role,
        person: name.replace(HONORIFIC, ''),
        sourceText: split[1]!,
        country: null,
        from,
        to: null,
        detail: null,
        partner: organizationalPartner(split[2]),
        evidenceUrl: url,
      });
    }
  }
  return positions;
}

/** The roster's scope: the article's path, stable across hosts. */
export function newsScope(url: string): string {
  return new URL(url).pathname.replace(/^\/+|\/+$/g, '');
}

export function parseElectionNews(bytes: Uint8Array, context: ElectionNewsContext): ParsedRoster {
  const { title, date, paragraphs, tables } = readArticle(decodeHtml(bytes, 'utf-8'));
  const warnings: string[] = [];
  const about = paragraphs.filter((p) => contains(ROLE_PHRASE, p) && contains(HOLDER_WITH_PARTNER, p));
  let positions = about.flatMap((p) => readAboutTheElection(p, date, context.url, warnings));
  if (positions.length === 0) {
    // The older articles date the election in their dateline (`RAN#75, Dubrovnik, March 8, 2017`); the
    // publication date is the same day.
    positions = readOlderWording(paragraphs, date, context.url);
  }
  if (positions.length === 0) positions = readTableEra(paragraphs, tables, date, context.url, warnings);
  if (positions.length === 0) {
    throw new LayoutChangedError(`the election article "${title}" names no chair or vice-chair in a wording stdwatch reads`);
  }
  if (positions.some((p) => p.from === null)) warnings.push('the article gives no date: its seats are undated');
  return { body: '3gpp', format: '3gpp-election-news', basis: ELECTIONS_BASIS, scope: newsScope(context.url), positions, warnings };
}

/** The election articles a news listing links to: those whose title or address speaks of an election. */
export function parseNewsListing(bytes: Uint8Array, context: { url: string }): NewsLink[] {
  const $ = cheerio.load(decodeHtml(bytes, 'utf-8'));
  const items = $('.article-list .article, [itemprop="blogPost"]').toArray();
  if (items.length === 0) throw new LayoutChangedError('the news listing has no articles (".article-list .article")');
  const links: NewsLink[] = [];
  for (const item of items) {
    const anchor = $(item).find('h2 a[href], h3 a[href]').first();
    const href = anchor.attr('href');
    if (!href) continue;
    const title = collapseWhitespace(anchor.text());
    if (!/elect/i.test(`${title} ${href}`)) continue;
    const datetime = $(item).find('time[datetime]').attr('datetime') ?? '';
    const url = new URL(href, context.url).toString();
    if (links.some((l) => l.url === url)) continue;
    links.push({ url, title, date: /^\d{4}-\d{2}-\d{2}/.exec(datetime)?.[0] ?? null });
  }
  return links;
}

/**
 * The listing's next page (Joomla's pagination: `?start=N`), or null on the last page. The link is the
 * one marked as next (`rel="next"`, an `aria-label` or title saying "next", or the text "Next").
 */
export function nextListingPage(bytes: Uint8Array, context: { url: string }): string | null {
  const $ = cheerio.load(decodeHtml(bytes, 'utf-8'));
  const next = $('.pagination a[href], nav a[href], a[rel="next"]').toArray().find((a) => {
    const label = `${$(a).attr('rel') ?? ''} ${$(a).attr('aria-label') ?? ''} ${$(a).attr('title') ?? ''} ${$(a).text()}`;
    return /\bnext\b/i.test(label);
  });
  const href = next ? $(next).attr('href') : undefined;
  return href ? new URL(href, context.url).toString() : null;
}
