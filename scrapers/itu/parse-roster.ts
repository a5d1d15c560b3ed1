// ITU-T officer lists: the management team of a study group (`/net4/ITU-T/lists/mgmt.aspx?Group=17&
// Period=17`) and its Questions with their rapporteurs (`loqr.aspx`). ASP.NET pages whose fields are
// spans with generated ids: per person `…lblFName_N`, `…lblLName_N`, `…lblTitle_N` (mgmt: Chairman,
// Vice-chairman) or `…lblRole_N` (loqr: Rapporteur, Associate rapporteur), `…lblCompany_N`,
// `…lblAddress_N` (the country on its last line); in loqr each Question's `lblQWP` and `lblQuestion`
// come before its rapporteurs. Fields are found by id substring, so a renamed container does not
// matter. The pages also publish telephone numbers, e-mail and postal addresses: none of it is read
// beyond the address's last line, which gives the country.
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { LayoutChangedError } from '../errors.js';
import { collapseWhitespace, decodeHtml } from '../text.js';
import type { ParsedGroup, ParsedPosition, ParsedRoster, Role } from '../../domain/types.js';
import { countryCodeOfName } from './country-names.js';
import type { StudyPeriod } from './periods.js';

export interface RosterContext {
  group: ParsedGroup;
  period: StudyPeriod;
  /** The page's public address, kept as the seats' evidence. */
  url: string | null;
}

type Page = 'mgmt' | 'loqr';

function roleOf(text: string): { role: Role; associate: boolean } | null {
  const t = text.toLowerCase();
  if (/vice[\s-]*chair/.test(t)) return { role: 'vice-chair', associate: false };
  if (/chair/.test(t)) return { role: 'chair', associate: false };
  if (/rapporteur/.test(t)) return { role: 'rapporteur', associate: /associate/.test(t) };
  if (/editor/.test(t)) return { role: 'editor', associate: false };
  return null;
}

/** The span whose id is `id` with one field label swapped for another (`lblFName_3` → `lblCompany_3`). */
function field($: cheerio.CheerioAPI, id: string, label: string): cheerio.Cheerio<Element> {
  const target = id.replace('lblFName', label);
  return $('[id]').filter((_, el) => $(el).attr('id') === target) as cheerio.Cheerio<Element>;
}

function text($: cheerio.CheerioAPI, el: cheerio.Cheerio<Element>): string {
  return collapseWhitespace(el.text());
}

/** The country of an address: its last non-empty line, whole or after its last comma. */
function countryOfAddress($: cheerio.CheerioAPI, address: cheerio.Cheerio<Element>): { code: string | null; line: string | null } {
  const clone = address.clone();
  clone.find('br').replaceWith('\n');
  const lines = clone.text().split('\n').map(collapseWhitespace).filter((l) => l !== '');
  const last = lines[lines.length - 1] ?? null;
  if (!last) return { code: null, line: null };
  const code = countryCodeOfName(last) ?? countryCodeOfName(last.split(',').pop() ?? '');
  return { code, line: last };
}

/** `Q6/17` out of `Q6/17 – Security aspects…` or `Question 6/17`. */
function questionCode(label: string): string | null {
  const m = /(?:Q(?:uestion)?\s*)?(\d{1,2})\/(\d{1,2})/i.exec(label);
  return m ? `Q${m[1]}/${m[2]}` : null;
}

function readRoster(bytes: Uint8Array, context: RosterContext, page: Page): ParsedRoster {
  const $ = cheerio.load(decodeHtml(bytes, 'utf-8'));
  const roleLabel = page === 'mgmt' ? 'lblTitle' : 'lblRole';
  const marker = page === 'mgmt' ? 'lblWP' : 'lblQuestion';
  const ids = $('span[id]').toArray().map((el) => ({ el, id: $(el).attr('id')! }));
  const people = ids.filter((s) => s.id.includes('lblFName'));
  const markers = ids.filter((s) => s.id.includes(marker));
  const container = page === 'mgmt' ? $('[id*="dtlMgmt"]').length > 0 : $('[id*="dtlQues"]').length > 0;
  if (people.length === 0 && markers.length === 0 && !container) {
    throw new LayoutChangedError(`no officer fields (spans with ids containing "lblFName" or "${marker}"): the ${page}.aspx page no longer looks as expected`);
  }
  const warnings: string[] = [];
  const positions: ParsedPosition[] = [];
  let question: string | null = null;
  // Walk the spans in page order: in loqr a Question's label comes before its rapporteurs.
  for (const { el, id } of ids) {
    if (page === 'loqr' && id.includes('lblQuestion')) {
      question = questionCode(collapseWhitespace($(el).text()));
      continue;
    }
    if (!id.includes('lblFName')) continue;
    const first = text($, $(el) as cheerio.Cheerio<Element>);
    const last = text($, field($, id, 'lblLName'));
    const person = collapseWhitespace(`${first} ${last}`) || null;
    const roleText = text($, field($, id, roleLabel));
    const role = roleOf(roleText);
    if (!role) {
      warnings.push(`${person ?? id}: role "${roleText}" not understood; skipped`);
      continue;
    }
    const company = text($, field($, id, 'lblCompany'));
    const country = countryOfAddress($, field($, id, 'lblAddress'));
    let detail: string | null;
    if (page === 'loqr') {
      if (!question) {
        warnings.push(`${person ?? id}: a rapporteur before any Question; skipped`);
        continue;
      }
      detail = role.associate ? `${question} (associate rapporteur)` : question;
    } else {
      const wp = text($, field($, id, 'lblWP'));
      // The study group itself (`SG17`) is no detail; a working party (`WP2/17`) is.
      detail = /^WP/i.test(wp) ? wp.replace(/\s+/g, '') : null;
    }
    positions.push({
      group: context.group,
      role: role.role,
      person,
      sourceText: company,
      country: country.code,
      from: context.period.from,
      to: context.period.to,
      detail,
      evidenceUrl: context.url,
    });
  }
  if (people.length > 0 && positions.length === 0) {
    throw new LayoutChangedError(`${people.length} officers but none with a role stdwatch understands in "${roleLabel}": the ${page}.aspx page has changed`);
  }
  if (positions.length === 0) warnings.push(`no ${page === 'mgmt' ? 'officers' : 'rapporteurs'} listed`);
  return {
    body: 'itu',
    format: page === 'mgmt' ? 'itu-t-mgmt' : 'itu-t-rapporteurs',
    basis: page === 'mgmt' ? 'itu-t-mgmt' : 'itu-t-rapporteurs',
    scope: `${context.group.code}/${context.period.years}`,
    positions,
    warnings,
  };
}

/** A study group's management team: chairman, vice-chairmen, working-party chairmen. */
export function parseManagementTeam(bytes: Uint8Array, context: RosterContext): ParsedRoster {
  return readRoster(bytes, context, 'mgmt');
}

/** A study group's rapporteurs and associate rapporteurs, per Question (the seat's `detail`). */
export function parseRapporteurs(bytes: Uint8Array, context: RosterContext): ParsedRoster {
  return readRoster(bytes, context, 'loqr');
}
