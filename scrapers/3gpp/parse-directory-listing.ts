// Directory listings of the 3GPP file server, used to walk from a meeting folder to its document list.
// Two styles are in the wild: the current ASP.NET page ("Directory Listing /ftp/…", one table row per
// entry, `2020/02/24 6:02`, sizes like `851,3 KB`) and the older IIS `<pre>` listing
// (` 3/29/2019  2:19 PM  <dir> name`, sizes in bytes).
import * as cheerio from 'cheerio';
import { LayoutChangedError } from '../errors.js';
import { collapseWhitespace, decodeHtml } from '../text.js';

export interface DirectoryEntry {
  name: string;
  url: string;
  isDirectory: boolean;
  /** Local time of the server as written, in ISO form without zone (`2020-02-24T06:02`). */
  modified: string | null;
  /** Bytes; approximate for the ASP.NET style, which rounds to KB/MB. */
  size: number | null;
}

export interface DirectoryListing {
  style: 'aspnet' | 'iis';
  entries: DirectoryEntry[];
}

const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function aspnetSize(text: string): number | null {
  const m = /^([\d.,]+)\s*(B|KB|MB|GB)$/i.exec(text);
  if (!m) return null;
  return Math.round(Number(m[1]!.replace(/\./g, '').replace(',', '.')) * UNITS[m[2]!.toUpperCase()]!);
}

function absolute(href: string, base: string): string {
  return new URL(href.replace(/\\/g, '/'), base).toString();
}

function nameOf(url: string): string {
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] ?? '');
}

export function parseDirectoryListing(bytes: Uint8Array, pageUrl: string): DirectoryListing {
  const html = decodeHtml(bytes, 'utf-8');
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const title = collapseWhitespace($('title').first().text());

  if (/^Directory Listing\b/i.test(title) || $('a[href*="sortby=name"]').length > 0) {
    // An empty folder still has its file table; a listing page without one has changed its layout, and
    // reading it as empty would quietly report "no list yet" for every meeting.
    if ($('table tr').length === 0) throw new LayoutChangedError(`a directory listing without its file table (page title: "${title.slice(0, 80)}")`);
    const entries: DirectoryEntry[] = [];
    for (const tr of $('table tr').toArray()) {
      const cells = $(tr).children('td').toArray();
      const link = $(cells[1]).find('a[href]').first();
      if (cells.length < 3 || link.length === 0) continue;
      const url = absolute(link.attr('href')!, pageUrl);
      const when = /(\d{4})\/(\d{1,2})\/(\d{1,2})\s+(\d{1,2}):(\d{2})/.exec($(cells[2]).text());
      const sizeText = collapseWhitespace($(cells[3]).text());
      const icon = $(cells[0]).find('img').attr('src') ?? '';
      entries.push({
        name: collapseWhitespace(link.text()) || nameOf(url),
        url,
        isDirectory: sizeText === '' && /file=$/.test(icon),
        modified: when ? `${when[1]}-${pad(+when[2]!)}-${pad(+when[3]!)}T${pad(+when[4]!)}:${when[5]}` : null,
        size: aspnetSize(sizeText),
      });
    }
    return { style: 'aspnet', entries };
  }

  const pre = $('pre').first();
  if (pre.length > 0 && /To Parent Directory|&lt;dir&gt;|<dir>/i.test(pre.html() ?? '')) {
    const entries: DirectoryEntry[] = [];
    for (const line of (pre.html() ?? '').split(/<br\s*\/?>/i)) {
      const m =
        /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*([AP]M)\s+(&lt;dir&gt;|<dir>|\d+)\s+<a\s[^>]*href="([^"]+)"[^>]*>([^<]*)<\/a>/i.exec(
          line,
        );
      if (!m) continue;
      let hour = Number(m[4]) % 12;
      if (m[6]!.toUpperCase() === 'PM') hour += 12;
      const isDirectory = !/^\d+$/.test(m[7]!);
      const url = absolute(cheerio.load(m[8]!).text(), pageUrl);
      entries.push({
        name: cheerio.load(m[9]!).text().trim() || nameOf(url),
        url,
        isDirectory,
        modified: `${m[3]}-${pad(+m[1]!)}-${pad(+m[2]!)}T${pad(hour)}:${m[5]}`,
        size: isDirectory ? null : Number(m[7]),
      });
    }
    return { style: 'iis', entries };
  }
  throw new LayoutChangedError(`not a 3GPP directory listing (page title: "${title.slice(0, 80)}")`);
}
