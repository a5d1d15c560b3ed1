// The ieee802.org officers-table parser on pages rebuilt from the real IEEE 802 / IETF leaders meetings'
// participant lists (test/fixtures/ieee/ieee802-ietf-leaders-meeting-*.participants.excerpt.md; see
// RECONSTRUCTED.md): every name, position and affiliation below is in those lists. What the parser reads
// off each page is in its expected file (test/fixtures/ieee/ieee802-*.expected.json); here, their
// affiliations resolved, the office names, and pages changed to be what it must skip or refuse.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LayoutChangedError } from '../../../scrapers/errors.js';
import { modifiedDate, officeOf, parseOfficerPage } from '../../../scrapers/ieee/parse-officers.js';
import { loadRegistry } from '../../../domain/resolve/registry.js';
import { createResolver, toSourceRecord } from '../../../domain/resolve/resolve.js';
import { fixture } from '../../support/app.js';

const page = (name: string) => fs.readFileSync(fixture('ieee', name));
const WG11 = page('ieee802-11-officers-2016-09-09.reconstructed.html');
const WG1 = page('ieee802-1-officers-2017-07-15.reconstructed.html');
const context = (group: string) => ({ group, url: `https://www.ieee802.org/${group.slice(4)}/`, readOn: '2026-11-21' });

describe('an IEEE 802 working group officers table', () => {
  it('resolves every real affiliation to its organization and country', () => {
    const resolver = createResolver(loadRegistry());
    const pages = [WG11, WG1, page('ieee802-15-officers-2016-09-09.reconstructed.html')];
    const groups = ['802.11', '802.1', '802.15'];
    const resolved = pages.flatMap((p, i) => parseOfficerPage(p, context(groups[i]!)).positions)
      .map((p) => { const s = toSourceRecord(resolver.resolveSourceText(p.sourceText, p.from)[0]!); return [p.sourceText, s.parent, s.country]; });
    expect(resolved).toEqual([
      ['Qualcomm', 'Qualcomm', 'US'],
      ['Hewlett Packard Enterprise', 'HPE', 'US'],
      ['Huawei Technologies', 'Huawei', 'CN'],
      ['Ericsson', 'Ericsson', 'SE'],
      ['Ericsson', 'Ericsson', 'SE'],
      ['Huawei', 'Huawei', 'CN'],
      // Bob Heile, 802.15 chair, "Wi-SUN Alliance" (2016): an association, added in ieee-leadership.yaml.
      ['Wi-SUN Alliance', 'Wi-SUN Alliance', 'US'],
    ]);
  });

  it('names each office from the end of the position, the task group from its start', () => {
    expect(officeOf('Chair')).toEqual({ role: 'chair', detail: null });
    expect(officeOf('1st Vice Chair')).toEqual({ role: 'vice-chair', detail: null });
    expect(officeOf('2nd Vice-Chair')).toEqual({ role: 'vice-chair', detail: null });
    expect(officeOf('Secretary')).toEqual({ role: 'secretary', detail: null });
    expect(officeOf('Technical Editor')).toEqual({ role: 'editor', detail: null });
    expect(officeOf('TGbe Vice Chair')).toEqual({ role: 'vice-chair', detail: 'TGbe' });
    expect(officeOf('TGbe Secretary')).toEqual({ role: 'secretary', detail: 'TGbe' });
    expect(officeOf('Treasurer')).toBeNull();
    expect(officeOf('Webmaster')).toBeNull();
  });

  it('keeps secretaries as seats of their own role, skips other offices with a warning', () => {
    const edited = Buffer.from(WG11.toString('utf-8')
      .replace('<td>Vice Chair</td><td>Jon Rosdahl</td>', '<td>Secretary</td><td>Jon Rosdahl</td>')
      .replace('<td>TGak Chair</td>', '<td>Treasurer</td>'));
    const roster = parseOfficerPage(edited, context('802.11'));
    expect(roster.positions.map((p) => [p.role, p.person])).toEqual([['secretary', 'Jon Rosdahl'], ['vice-chair', 'Dorothy Stanley']]);
    expect(roster.warnings).toEqual(['row 3: "Treasurer" is not a chair, vice-chair, secretary or editor: skipped']);
  });

  it('never keeps an e-mail address, and dates an undated page by the day it was read', () => {
    const edited = Buffer.from(WG11.toString('utf-8')
      .replace('<td>Qualcomm</td>', '<td>Qualcomm jrosdahl@example.org</td>')
      .replace('(Modified: 09-Sep-2016 )', ''));
    const roster = parseOfficerPage(edited, context('802.11'));
    expect(roster.positions[0]).toMatchObject({ sourceText: 'Qualcomm', from: '2026-11-21' });
    expect(JSON.stringify(roster)).not.toContain('@');
    expect(roster.warnings).toEqual([
      'the page gives no "Modified" date: seats dated 2026-11-21, the day it was read',
      'row 1: an e-mail address was left out',
    ]);
  });

  it('reads the "Modified" line of ieee802.org pages', () => {
    // As on the real https://ieee802.org/15/pub/Membership.html: "(Modified: 22-Mar-2021 ), Rev. 0.1".
    expect(modifiedDate('(Modified: 22-Mar-2021 ), Rev. 0.1')).toBe('2021-03-22');
    expect(modifiedDate('no date here')).toBeNull();
  });

  it('refuses a page without an officers table, or one whose table holds no officer', () => {
    expect(() => parseOfficerPage(Buffer.from('<html><body><h1>IEEE 802.11</h1><table><tr><th>Meeting</th></tr></table></body></html>'), context('802.11')))
      .toThrow(LayoutChangedError);
    const empty = Buffer.from(WG11.toString('utf-8').replace(/<tr><td>.*<\/tr>\n/g, ''));
    expect(() => parseOfficerPage(empty, context('802.11'))).toThrow(/holds no officer/);
  });
});
