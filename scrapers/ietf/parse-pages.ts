// Datatracker HTML pages other than drafts: a working group's about page (its chairs), a person's page
// (the roles they hold) and a document's page (its authors, without affiliations). Names and roles
// only: the e-mail addresses these pages link are never read.
import * as cheerio from 'cheerio';
import { LayoutChangedError } from '../errors.js';
import { collapseWhitespace, decodeHtml } from '../text.js';
import type { ParsedPosition, ParsedRoster, Role } from '../../domain/types.js';
import { ietfGroup, splitRevision } from './document.js';
import { groupAboutUrl, publicUrl } from './urls.js';

/** The Datatracker's role names that are seats stdwatch counts. Area Directors, secretaries, delegates are not. */
const ROLE_NAMES: Record<string, Role> = { chair: 'chair', 'co-chair': 'chair', editor: 'editor' };

export interface AboutPageContext {
  /** Where the page was fetched from (`…/wg/idr/about/`): it names the group when the page does not. */
  url?: string;
  /** Affiliations by person name, when known from elsewhere (the person's own documents). */
  affiliations?: Map<string, string>;
}

function acronymOfUrl(url: string | undefined): string | null {
  return url ? (/\/(?:wg|rg|group)\/([a-z0-9-]+)\/about\/?/.exec(new URL(url).pathname)?.[1] ?? null) : null;
}

/** The group's own name and acronym from its about page (`<h1>Inter-Domain Routing (idr)</h1>`). */
function pageGroup($: cheerio.CheerioAPI, url: string | undefined): { code: string; name: string } {
  const heading = collapseWhitespace($('h1').first().text());
  const m = /^(.*\S)\s*\(([a-z0-9-]+)\)$/i.exec(heading);
  const acronym = m?.[2] ?? acronymOfUrl(url);
  if (!acronym) throw new LayoutChangedError(`the about page names no group (heading "${heading}")`);
  return ietfGroup(acronym.toLowerCase(), m?.[1] ?? null);
}

/** A working group's about page (`/wg/idr/about/`): the "Personnel" rows, of which the Chairs are seats. */
export function parseGroupAboutPage(bytes: Uint8Array, context: AboutPageContext = {}): ParsedRoster {
  const $ = cheerio.load(decodeHtml(bytes, 'utf-8'));
  const group = pageGroup($, context.url);
  const personnel = $('tbody.meta tr').filter((_, tr) => $(tr).find('th').length > 0 && /Personnel/.test($(tr).closest('tbody').text()));
  if (personnel.length === 0) throw new LayoutChangedError(`${group.code}: the about page has no "Personnel" rows`);
  const evidenceUrl = context.url ? publicUrl(context.url, context.url) : groupAboutUrl(group.code);
  const positions: ParsedPosition[] = [];
  const warnings: string[] = [];
  personnel.each((_, tr) => {
    const label = collapseWhitespace($(tr).find('th').last().text()).toLowerCase();
    const role = ROLE_NAMES[label.replace(/s$/, '')];
    if (!role) return;
    for (const a of $(tr).find('a[href^="/person/"]').toArray()) {
      const person = collapseWhitespace($(a).text());
      if (!person) continue;
      const affiliation = context.affiliations?.get(person) ?? '';
      if (!affiliation) warnings.push(`${group.code} ${role} ${person}: the page gives no affiliation`);
      positions.push({ group, role, person, sourceText: affiliation, country: null, from: null, to: null, detail: null, evidenceUrl });
    }
  });
  return { body: 'ietf', format: 'ietf-group-about', basis: 'ietf-datatracker', scope: group.code, positions, warnings };
}

export interface PersonRole {
  /** As the page writes it: `Chair`, `Area Director`, `Secretary`. */
  name: string;
  role: Role | null;
  group: string;
  groupName: string;
}

export interface ParsedPersonPage {
  person: string;
  roles: PersonRole[];
}

/** A person's page (`/person/<address>`): the name and the Roles table (Role, Group; the Email column is skipped). */
export function parsePersonPage(bytes: Uint8Array): ParsedPersonPage {
  const $ = cheerio.load(decodeHtml(bytes, 'utf-8'));
  const person = collapseWhitespace($('h1').first().text());
  if (!person) throw new LayoutChangedError('the person page has no name heading');
  const heading = $('h2').filter((_, h) => collapseWhitespace($(h).text()) === 'Roles').first();
  if (heading.length === 0) {
    if (/has no active roles/.test($.text())) return { person, roles: [] };
    throw new LayoutChangedError(`${person}: the person page has neither a Roles table nor "no active roles"`);
  }
  // The section runs to the next heading: a table of roles, or the sentence that there are none.
  const section = heading.nextUntil('h2');
  if (/has no active roles/.test(section.text())) return { person, roles: [] };
  const table = section.filter('table').first();
  const headers = table.find('thead th').toArray().map((th) => collapseWhitespace($(th).text()).toLowerCase());
  if (headers[0] !== 'role' || headers[1] !== 'group') {
    throw new LayoutChangedError(`${person}: the Roles table's columns are ${headers.join(', ')}, not Role, Group`);
  }
  const roles = table
    .find('tbody tr')
    .toArray()
    .map((tr) => {
      const cells = $(tr).children('td');
      const name = collapseWhitespace(cells.eq(0).text());
      const links = cells.eq(1).find('a');
      return {
        name,
        role: ROLE_NAMES[name.toLowerCase()] ?? null,
        group: collapseWhitespace(links.last().text()),
        groupName: collapseWhitespace(links.first().text()),
      };
    });
  return { person, roles };
}

/** The seats a person page shows, as a roster for that person's groups (affiliation as given, else none). */
export function personPageRoster(page: ParsedPersonPage, context: { url?: string; affiliation?: string } = {}): ParsedRoster {
  const positions: ParsedPosition[] = page.roles
    .filter((r): r is PersonRole & { role: Role } => r.role !== null)
    .map((r) => ({
      group: ietfGroup(r.group, r.groupName),
      role: r.role,
      person: page.person,
      sourceText: context.affiliation ?? '',
      country: null,
      from: null,
      to: null,
      detail: null,
      evidenceUrl: context.url ?? null,
    }));
  return { body: 'ietf', format: 'ietf-person', basis: 'ietf-datatracker-person', scope: page.person, positions, warnings: [] };
}

export interface DocumentPageAuthors {
  name: string;
  group: string | null;
  authors: string[];
}

/** A document's page (`/doc/<name>/`): its name, group and author names. The page gives no affiliations. */
export function parseDocumentPage(bytes: Uint8Array): DocumentPageAuthors {
  const $ = cheerio.load(decodeHtml(bytes, 'utf-8'));
  const row = $('th')
    .filter((_, th) => collapseWhitespace($(th).text()) === 'Authors')
    .first()
    .closest('tr');
  if (row.length === 0) throw new LayoutChangedError('the document page has no Authors row');
  const authors = row.find('a[href^="/person/"]').toArray().map((a) => collapseWhitespace($(a).text()));
  const title = collapseWhitespace($('title').text());
  const fullName = /\b(draft-[a-z0-9-]+|rfc\d+)\b/.exec(title)?.[1];
  if (!fullName) throw new LayoutChangedError('the document page names no document in its title');
  const { name } = splitRevision(fullName);
  const group =
    $('a[href]')
      .toArray()
      .map((a) => /^\/(?:wg|rg)\/([a-z0-9-]+)\/about\/$/.exec($(a).attr('href') ?? '')?.[1])
      .find((g) => g) ?? null;
  return { name, group, authors };
}
