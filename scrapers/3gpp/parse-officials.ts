// The "Co-ordinates of TSG and WG Officials" annex of a TSG meeting report (`Report_Annexes.htm`):
// one table per TSG, one row per official — GRP, Position, Name, Organization, PartnerOrg, two phone
// columns, the date appointed, remarks. Word-made HTML in windows-1252. Columns are found by header
// text. The phone columns are never read: stdwatch stores no phone numbers.
import * as cheerio from 'cheerio';
import { LayoutChangedError, UnreadableInputError } from '../errors.js';
import { collapseWhitespace, decodeHtml } from '../text.js';
import type { ParsedPosition, ParsedRoster, Role } from '../../domain/types.js';
import { groupByCode, groupCodeOfName } from '../../domain/groups/3gpp.js';
import { OFFICIALS_BASIS } from '../../domain/seat-bases.js';
import { organizationalPartner } from '../../domain/partners.js';

export { OFFICIALS_BASIS };

export interface OfficialsContext {
  /** The annex's public URL: the evidence of every seat it lists. */
  url: string;
  /** The meeting whose report it is (`SA#87-e`): the roster's scope. */
  meeting: string;
}

const HEADERS = {
  group: ['grp', 'group'],
  position: ['position'],
  name: ['name', 'oname'],
  organization: ['organization', 'organisation', 'company'],
  partner: ['partnerorg', 'partner org', 'op'],
  appointed: ['appointed', 'appointed on'],
  remarks: ['remarks', 'remark'],
} as const;
type Column = keyof typeof HEADERS;
const REQUIRED: Column[] = ['group', 'position', 'organization', 'appointed'];

/** The seats we count; secretaries (ETSI's support staff) hold no seat of a member. */
const ROLE_OF_POSITION: Record<string, Role | 'not-a-seat'> = {
  chairman: 'chair',
  chair: 'chair',
  vicechairman: 'vice-chair',
  'vice chairman': 'vice-chair',
  'vice-chairman': 'vice-chair',
  vicechair: 'vice-chair',
  'vice chair': 'vice-chair',
  'vice-chair': 'vice-chair',
  secretary: 'not-a-seat',
};

export function parseOfficials(bytes: Uint8Array, context: OfficialsContext): ParsedRoster {
  const html = decodeHtml(bytes);
  if (!/co-ordinates of (?:tsg and wg )?officials/i.test(html)) {
    throw new LayoutChangedError('the page has no "Co-ordinates of TSG and WG Officials" annex');
  }
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const warnings: string[] = [];
  const positions: ParsedPosition[] = [];
  let tables = 0;
  for (const table of $('table').toArray()) {
    const rows = $(table).find('tr').toArray();
    const cellsOf = (tr: (typeof rows)[number]) =>
      $(tr).children('td,th').toArray().map((cell) => collapseWhitespace($(cell).text()));
    const header = rows[0] ? cellsOf(rows[0]).map((h) => h.toLowerCase()) : [];
    if (!header.includes('grp') && !header.includes('position')) continue;
    const index = new Map<Column, number>();
    for (const [column, accepted] of Object.entries(HEADERS) as [Column, readonly string[]][]) {
      const at = header.findIndex((h) => accepted.includes(h));
      if (at >= 0) index.set(column, at);
    }
    const missing = REQUIRED.filter((c) => !index.has(c));
    if (missing.length > 0) {
      throw new LayoutChangedError(`the officials table has no ${missing.map((c) => `"${HEADERS[c][0]}"`).join(', ')} column (columns found: ${header.join(', ')})`);
    }
    tables++;
    for (const [n, tr] of rows.slice(1).entries()) {
      const cells = cellsOf(tr);
      const cell = (c: Column) => {
        const at = index.get(c);
        const value = at === undefined ? '' : (cells[at] ?? '');
        return value === '' ? null : value;
      };
      const row = n + 2;
      const positionText = cell('position');
      if (!positionText && !cell('group')) continue;
      const role = ROLE_OF_POSITION[(positionText ?? '').toLowerCase()];
      if (role === 'not-a-seat') continue;
      if (!role) {
        warnings.push(`row ${row}: position "${positionText ?? ''}" not understood, skipped`);
        continue;
      }
      const code = groupCodeOfName(cell('group') ?? '');
      const group = code ? groupByCode(code) : null;
      if (!group) {
        warnings.push(`row ${row}: group "${cell('group') ?? ''}" is not a 3GPP group we know, skipped`);
        continue;
      }
      const organization = cell('organization');
      if (!organization) {
        warnings.push(`row ${row}: ${group.code} ${role} names no organization, skipped`);
        continue;
      }
      const appointed = cell('appointed');
      const from = appointed && /^\d{4}-\d{2}-\d{2}$/.test(appointed) ? appointed : null;
      if (appointed && !from) warnings.push(`row ${row}: appointed "${appointed}" is not a date; the seat is undated`);
      const partnerCell = cell('partner');
      const partner = organizationalPartner(partnerCell);
      if (partnerCell && !partner) warnings.push(`row ${row}: "${partnerCell}" is not an Organizational Partner; left out`);
      let person = cell('name');
      // Cells shift when a row is edited by hand: a "name" with digits is a phone number, not a name.
      if (person && /\d/.test(person)) {
        warnings.push(`row ${row}: the name cell holds digits, not stored`);
        person = null;
      }
      positions.push({
        group,
        role,
        person,
        sourceText: organization,
        country: null,
        from,
        to: null,
        detail: null,
        partner,
        evidenceUrl: context.url,
      });
    }
  }
  if (tables === 0) throw new LayoutChangedError('the officials annex has no table with "GRP" and "Position" columns');
  if (positions.length === 0) throw new UnreadableInputError('the officials table lists no chair or vice-chair');
  return { body: '3gpp', format: '3gpp-officials-annex', basis: OFFICIALS_BASIS, scope: context.meeting, positions, warnings };
}
