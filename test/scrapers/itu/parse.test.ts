// The ITU parsers on the reconstructed pages (test/fixtures/itu, RECONSTRUCTED.md): every expected
// value below was read off the fixture by hand.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LayoutChangedError } from '../../../scrapers/errors.js';
import { parseDocumentListing } from '../../../scrapers/itu/parse-document-listing.js';
import { parseStudyGroupList } from '../../../scrapers/itu/parse-group-list.js';
import { parseManagementTeam, parseRapporteurs } from '../../../scrapers/itu/parse-roster.js';
import { STUDY_PERIODS, periodsInWindow, type StudyPeriod } from '../../../scrapers/itu/periods.js';
import { fixture } from '../../support/app.js';

const page = (name: string) => fs.readFileSync(fixture('itu', name));
const listingUrl = (parent: string) => `https://www.itu.int/md/meetingdoc.asp?lang=en&parent=${parent}`;
const T17 = STUDY_PERIODS.find((p) => p.prefix === 'T17')!;
const T22 = STUDY_PERIODS.find((p) => p.prefix === 'T22')!;
// Older periods are read on request; the dates are those of WTSC-96 / WTSA-2000 / WTSA-04.
const P1997: StudyPeriod = { sector: 'T', prefix: 'T97', listPeriod: null, years: '1997-2000', from: '1996-10-19', to: '2000-10-06' };
const P2001: StudyPeriod = { sector: 'T', prefix: 'T01', listPeriod: null, years: '2001-2004', from: '2000-10-07', to: '2004-10-14' };

describe('ITU document listings', () => {
  it('reads a joint SG17 contribution: every source link, its Questions, date and link', () => {
    const listing = parseDocumentListing(page('meetingdoc_T22-SG17-C.reconstructed.html'), { url: listingUrl('T22-SG17-C') });
    expect(listing).toMatchObject({ body: 'itu', format: 'itu-document-listing', group: { code: 'SG17', name: 'ITU-T Study Group 17' }, warnings: [] });
    expect(listing.contributions).toHaveLength(6);
    expect(listing.contributions[0]).toEqual({
      ref: 'T22-SG17-C-0101',
      title: 'Illustrative joint contribution of a member state and two sector members',
      type: 'contribution',
      docFor: null,
      status: null,
      date: '2022-08-29',
      agendaItem: null,
      release: null,
      workItems: 'Q6/17',
      sourceText: "China (People's Republic of)\nHuawei Technologies Co., Ltd.\nChina Mobile Communications Corporation",
      url: 'https://www.itu.int/md/T22-SG17-C-0101/en',
      revisionOf: null,
      revisedTo: null,
    });
  });

  it('stores a revised document under its number, the revision it replaces in revisionOf; several Questions; a number not yet uploaded', () => {
    const [, c102, , , c105, c106] = parseDocumentListing(page('meetingdoc_T22-SG17-C.reconstructed.html'), { url: listingUrl('T22-SG17-C') }).contributions;
    // "C 102 (Rev.1)": Rev.1 replaces the original, which ITU names without a suffix.
    expect(c102).toMatchObject({ ref: 'T22-SG17-C-0102', revisionOf: 'T22-SG17-C-0102', workItems: 'Q2/17, Q15/17', sourceText: 'Korea (Rep. of)' });
    // C 105 has plain link text and no document yet: numbered from the listing's folder, no link.
    expect(c105).toMatchObject({ ref: 'T22-SG17-C-0105', url: null, sourceText: 'Russian Federation', workItems: 'Q11/17' });
    expect(c106).toMatchObject({ sourceText: 'Japan\nIran (Islamic Republic of)', workItems: 'Q1/17' });
  });

  it('reads TDs of TSAG and SG20 and an ITU-R WP 5D contribution', () => {
    const tsag = parseDocumentListing(page('meetingdoc_T22-TSAG-TD.reconstructed.html'), { url: listingUrl('T22-TSAG-TD') });
    expect(tsag.group.code).toBe('TSAG');
    expect(tsag.contributions).toEqual([
      expect.objectContaining({
        ref: 'T22-TSAG-221212-TD-GEN-0011',
        revisionOf: 'T22-TSAG-221212-TD-GEN-0011',
        type: 'td',
        sourceText: 'Chairman, WP2/TSAG',
        title: 'Report of the meeting of WP2/TSAG “Industry Engagement, Work Programme, Restructuring” (Geneva, 12 - 16 December 2022)',
      }),
    ]);
    const sg20 = parseDocumentListing(page('meetingdoc_T17-SG20-TD.reconstructed.html'), { url: listingUrl('T17-SG20-TD') });
    // TD 1061 Rev.1, TD 1197, TD 1228 Rev.2 (replacing Rev.1).
    expect(sg20.contributions.map((c) => [c.ref, c.revisionOf, c.sourceText, c.workItems])).toEqual([
      ['T17-SG20-181203-TD-PLEN-1061', 'T17-SG20-181203-TD-PLEN-1061', 'Rapporteur Q2/20', 'Q2/20'],
      ['T17-SG20-190409-TD-PLEN-1197', null, 'Japan', null],
      ['T17-SG20-190409-TD-PLEN-1228', 'T17-SG20-190409-TD-PLEN-1228-R1', 'Rapporteur Q5/20', 'Q5/20'],
    ]);
    const wp5d = parseDocumentListing(page('meetingdoc_R19-WP5D-C.reconstructed.html'), { url: listingUrl('R19-WP5D-C') });
    expect(wp5d.group).toEqual({ code: 'WP5D', name: 'ITU-R Working Party 5D' });
    expect(wp5d.contributions[0]).toMatchObject({ ref: 'R19-WP5D-C-1078', date: '2022-03-14', title: 'Report on the 40th meeting of Working Party 5D (e-Meeting, 7-23 February 2022)' });
  });

  it('counts a document listed at two revisions once, at the latest: title, sources, date and link of Rev.2', () => {
    const listing = parseDocumentListing(page('meetingdoc_T22-SG17-C_rev2.reconstructed.html'), { url: listingUrl('T22-SG17-C') });
    // Seven document rows (C 101, C 102 Rev.2, C 102 Rev.1, C 103 … C 106), six documents.
    expect(listing.contributions.map((c) => c.ref)).toEqual(['T22-SG17-C-0101', 'T22-SG17-C-0102', 'T22-SG17-C-0103', 'T22-SG17-C-0104', 'T22-SG17-C-0105', 'T22-SG17-C-0106']);
    expect(listing.warnings).toEqual([]);
    expect(listing.contributions[1]).toEqual({
      ref: 'T22-SG17-C-0102',
      title: 'Illustrative contribution of a member state, second revision with a co-source',
      type: 'contribution',
      docFor: null,
      status: null,
      date: '2022-09-05',
      agendaItem: null,
      release: null,
      workItems: 'Q2/17, Q15/17',
      sourceText: 'Korea (Rep. of)\nElectronics and Telecommunications Research Institute',
      url: 'https://www.itu.int/md/T22-SG17-C-0102/en',
      revisionOf: 'T22-SG17-C-0102-R1',
      revisedTo: null,
    });
  });

  it('warns about a revision listed twice and keeps the first row of it', () => {
    const html = page('meetingdoc_T22-SG17-C_rev2.reconstructed.html').toString().replace('(Rev.1)', '(Rev.2)');
    const listing = parseDocumentListing(Buffer.from(html), { url: listingUrl('T22-SG17-C') });
    expect(listing.contributions).toHaveLength(6);
    expect(listing.contributions[1]!.title).toBe('Illustrative contribution of a member state, second revision with a co-source');
    // Row 1 is the header; C 101 is row 2, the two C 102 rows are 3 and 4.
    expect(listing.warnings).toEqual(['row 4: T22-SG17-C-0102-R2 listed twice; the first kept']);
  });

  it('finds the folder from the links of a page saved without its address', () => {
    const listing = parseDocumentListing(page('meetingdoc_T22-SG17-C.reconstructed.html'));
    expect(listing.group.code).toBe('SG17');
    expect(listing.contributions).toHaveLength(6);
  });

  it('accepts an empty listing in ITU\'s frame, and refuses a page without one', () => {
    expect(parseDocumentListing(page('meetingdoc_empty.reconstructed.html'), { url: listingUrl('T22-SG13-C') }).contributions).toEqual([]);
    const other = Buffer.from('<html><body><table><tr><td>a</td><td>b</td><td>c</td><td>d</td><td>e</td></tr></table></body></html>');
    expect(() => parseDocumentListing(other, { url: listingUrl('T22-SG13-C') })).toThrow(LayoutChangedError);
    // The number moved out of cell 1: rows are there but none is a document.
    const moved = page('meetingdoc_T22-SG17-C.reconstructed.html').toString().replace(/<td valign="top"><input[^>]*><\/td>/g, '');
    expect(() => parseDocumentListing(Buffer.from(moved), { url: listingUrl('T22-SG17-C') })).toThrow(/none with a document number/);
  });
});

describe('ITU-T study-group lists', () => {
  it('gives the eleven study groups of 2017-2020 and TSAG', () => {
    const groups = parseStudyGroupList(page('studygroups_2017-2020.reconstructed.html'), T17);
    expect(groups.map((g) => g.group.code)).toEqual(['SG2', 'SG3', 'SG5', 'SG9', 'SG11', 'SG12', 'SG13', 'SG15', 'SG16', 'SG17', 'SG20', 'TSAG']);
    expect(groups.find((g) => g.group.code === 'SG17')).toEqual({ group: { code: 'SG17', name: 'ITU-T Study Group 17' }, number: 17 });
  });

  it('refuses the list of another period (its links do not match)', () => {
    expect(() => parseStudyGroupList(page('studygroups_2017-2020.reconstructed.html'), T22)).toThrow(LayoutChangedError);
  });

  it('scrapes only the periods that overlap the window', () => {
    expect(periodsInWindow({ since: '2019-01-01', until: '2019-12-31' }).map((p) => p.prefix)).toEqual(['T17', 'R19']);
    expect(periodsInWindow({ since: '2025-07-01', until: '2025-12-31' }).map((p) => p.prefix)).toEqual(['T25', 'R23']);
  });
});

describe('ITU-T management teams and rapporteurs', () => {
  const sg7 = { group: { code: 'SG7', name: 'ITU-T Study Group 7' }, period: P2001, url: 'https://www.itu.int/net4/ITU-T/lists/mgmt.aspx?Group=7' };

  it('reads SG7 2001-2004: chairman, vice-chairmen and working-party chairmen with their countries', () => {
    const roster = parseManagementTeam(page('mgmt_SG7_2001-2004.reconstructed.html'), sg7);
    expect(roster).toMatchObject({ body: 'itu', basis: 'itu-t-mgmt', scope: 'SG7/2001-2004', warnings: [] });
    // itut_2001-2004_sg07_structure.txt: Chairman H. Bertine (USA), Vice Chairmen V. Ossipov (Russia) and
    // B.-M. Chin (Korea), WP2/7 chaired by B.-M. Chin, WP3/7 by E. Blausten (USA).
    expect(roster.positions.map((p) => [p.role, p.person, p.country, p.detail])).toEqual([
      ['chair', 'H. Bertine', 'US', null],
      ['vice-chair', 'V. Ossipov', 'RU', null],
      ['vice-chair', 'B.-M. Chin', 'KR', null],
      ['chair', 'B.-M. Chin', 'KR', 'WP2/7'],
      ['chair', 'E. Blausten', 'US', 'WP3/7'],
    ]);
    expect(roster.positions[0]).toMatchObject({ from: '2000-10-07', to: '2004-10-14', sourceText: '', evidenceUrl: sg7.url });
  });

  it('never keeps telephone numbers, e-mail or addresses', () => {
    const roster = parseManagementTeam(page('mgmt_SG7_2001-2004.reconstructed.html'), sg7);
    const stored = JSON.stringify(roster);
    expect(stored).not.toMatch(/Tel|@|mailto|withheld/i);
  });

  it('reads SG10 1997-2000 rapporteurs per Question; associate rapporteurs are rapporteurs, said in the detail', () => {
    const roster = parseRapporteurs(page('loqr_SG10_1997-2000.reconstructed.html'), { ...sg7, group: { code: 'SG10', name: 'ITU-T Study Group 10' }, period: P1997 });
    expect(roster).toMatchObject({ basis: 'itu-t-rapporteurs', scope: 'SG10/1997-2000' });
    // itut_1997-2000_sg10_rapporteurs_old.excerpt.txt: Q4 is OPEN (no rapporteur), Q6 has one rapporteur and 7 associates.
    expect(roster.positions).toHaveLength(11);
    expect(roster.positions.map((p) => [p.person, p.sourceText, p.country, p.detail]).slice(0, 5)).toEqual([
      ['Yair LAHAV', 'ECI Telecom Ltd.', 'IL', 'Q1/10'],
      // "Deutsche Telekom, Germany" on the last line: the country after its comma.
      ['Joachim FISCHER', 'Humboldt University Berlin', 'DE', 'Q2/10'],
      ['Anastasius GAVRAS', 'EURESCOM GmbH', 'DE', 'Q3/10'],
      ['Rick REED', 'TSE Limited', 'GB', 'Q6/10'],
      ['Anders OLSEN', 'TeleDanmark', null, 'Q6/10 (associate rapporteur)'],
    ]);
    expect(roster.positions.every((p) => p.role === 'rapporteur')).toBe(true);
    expect(roster.positions[10]).toMatchObject({ person: 'Birger MøLLER-PEDERSEN', sourceText: 'Ericsson', country: 'SE' });
  });

  it('reads SG7 2001-2004 rapporteurs: Question 5/7 has none', () => {
    const roster = parseRapporteurs(page('loqr_SG7_2001-2004.reconstructed.html'), sg7);
    expect(roster.positions).toHaveLength(11);
    expect(roster.positions.find((p) => p.detail === 'Q7/7')).toMatchObject({ person: 'S. Yu', country: 'CN' });
    expect(roster.positions.some((p) => p.detail === 'Q5/7')).toBe(false);
  });

  it('accepts an empty list with a warning, and refuses a page without the officer fields', () => {
    expect(parseManagementTeam(page('mgmt_empty.reconstructed.html'), sg7)).toMatchObject({ positions: [], warnings: ['no officers listed'] });
    expect(() => parseRapporteurs(Buffer.from('<html><body><p>Service unavailable</p></body></html>'), sg7)).toThrow(LayoutChangedError);
    const renamed = page('mgmt_SG7_2001-2004.reconstructed.html').toString().replace(/lblTitle/g, 'lblPost');
    expect(() => parseManagementTeam(Buffer.from(renamed), sg7)).toThrow(/none with a role/);
  });
});
