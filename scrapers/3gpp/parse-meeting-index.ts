// The meeting index of a 3GPP group (`/dynareport?code=Meetings-RP.htm`): one table row per meeting
// with its code (`RP-104`), title, town, first and last day (written with non-breaking hyphens,
// `2024‑06‑17`), the document number range and links into the file server written with backslashes
// (`\ftp\TSG_RAN\TSG_RAN\TSGR_104\`). Cells are recognised by their content, not their position.
import * as cheerio from 'cheerio';
import { LayoutChangedError } from '../errors.js';
import { collapseWhitespace, decodeHtml } from '../text.js';
import type { ParsedGroup, ParsedMeeting } from '../../domain/types.js';
import { groupByMeetingsCode, meetingName } from '../../domain/groups/3gpp.js';

export interface IndexedMeeting extends ParsedMeeting {
  group: ParsedGroup;
  /** The meeting's code on the index page, e.g. `RP-104`. */
  code: string;
}

const MEETING_CODE = /^([A-Z][A-Z0-9])-(\d+[\w-]*)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `\ftp\TSG_RAN\…` and `/../../../\ftp\…` as the page writes them → an absolute URL on the page's host. */
export function fileServerUrl(href: string, pageUrl: string): string {
  const path = href
    .replace(/\\/g, '/')
    .replace(/^(?:\/?\.\.\/)+/, '/')
    .replace(/\/{2,}/g, '/');
  return new URL(path, pageUrl).toString();
}

export function parseMeetingIndex(bytes: Uint8Array, pageUrl: string): IndexedMeeting[] {
  const $ = cheerio.load(decodeHtml(bytes, 'utf-8'), { xml: { xmlMode: false, decodeEntities: true } });
  const meetings: IndexedMeeting[] = [];
  for (const tr of $('tr').toArray()) {
    const cells = $(tr).children('td').toArray();
    const texts = cells.map((c) => collapseWhitespace($(c).text()).replace(/\u2011/g, '-'));
    const codeAt = texts.findIndex((t) => MEETING_CODE.test(t));
    if (codeAt < 0) continue;
    const dates = texts.map((t, i) => (DATE.test(t) ? i : -1)).filter((i) => i >= 0);
    if (dates.length < 2) continue;
    const m = MEETING_CODE.exec(texts[codeAt]!)!;
    const group = groupByMeetingsCode(m[1]!);
    const name = group ? meetingName(group.code, m[2]!) : null;
    if (!group || !name) continue;
    const filesLink = $(tr)
      .find('a[href]')
      .toArray()
      .find((a) => /^files$/i.test(collapseWhitespace($(a).text())));
    const townCell = dates[0]! - 1 > codeAt ? texts[dates[0]! - 1] : null;
    meetings.push({
      group,
      code: texts[codeAt]!,
      name,
      startDate: texts[dates[0]!]!,
      endDate: texts[dates[1]!]!,
      town: townCell || null,
      folderUrl: filesLink ? fileServerUrl($(filesLink).attr('href')!, pageUrl) : null,
    });
  }
  if (meetings.length === 0) {
    throw new LayoutChangedError('no meeting rows (code, start and end date) on the meeting index page');
  }
  return meetings;
}
