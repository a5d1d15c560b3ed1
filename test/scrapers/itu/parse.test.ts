// The ITU parsers on pages changed to be what they must refuse or warn about (a revision listed twice,
// a page without ITU's frame, columns moved, fields renamed), and the study periods. What they read off
// the reconstructed pages themselves (test/fixtures/itu, RECONSTRUCTED.md) is in the pages' expected
// files, test/fixtures/itu/*.expected.json.
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
const T22 = STUDY_PERIODS.find((p) => p.prefix === 'T22')!;
// Older periods are read on request; the dates are those of WTSA-2000 / WTSA-04.
const P2001: StudyPeriod = { sector: 'T', prefix: 'T01', listPeriod: null, years: '2001-2004', from: '2000-10-07', to: '2004-10-14' };

describe('ITU document listings', () => {
  it('warns about a revision listed twice and keeps the first row of it', () => {
    const html = page('meetingdoc_T22-SG17-C_rev2.reconstructed.html').toString().replace('(Rev.1)', '(Rev.2)');
    const listing = parseDocumentListing(Buffer.from(html), { url: listingUrl('T22-SG17-C') });
    expect(listing.contributions).toHaveLength(6);
    expect(listing.contributions[1]!.title).toBe('Illustrative contribution of a member state, second revision with a co-source');
    // Row 1 is the header; C 101 is row 2, the two C 102 rows are 3 and 4.
    expect(listing.warnings).toEqual(['row 4: T22-SG17-C-0102-R2 listed twice; the first kept']);
  });

  it('refuses a page without ITU\'s listing frame, and one whose number column moved', () => {
    const other = Buffer.from('<html><body><table><tr><td>a</td><td>b</td><td>c</td><td>d</td><td>e</td></tr></table></body></html>');
    expect(() => parseDocumentListing(other, { url: listingUrl('T22-SG13-C') })).toThrow(LayoutChangedError);
    // The number moved out of cell 1: rows are there but none is a document.
    const moved = page('meetingdoc_T22-SG17-C.reconstructed.html').toString().replace(/<td valign="top"><input[^>]*><\/td>/g, '');
    expect(() => parseDocumentListing(Buffer.from(moved), { url: listingUrl('T22-SG17-C') })).toThrow(/none with a document number/);
  });
});

describe('ITU-T study-group lists', () => {
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

  it('refuses a page without the officer fields, and one whose role field was renamed', () => {
    expect(() => parseRapporteurs(Buffer.from('<html><body><p>Service unavailable</p></body></html>'), sg7)).toThrow(LayoutChangedError);
    const renamed = page('mgmt_SG7_2001-2004.reconstructed.html').toString().replace(/lblTitle/g, 'lblPost');
    expect(() => parseManagementTeam(Buffer.from(renamed), sg7)).toThrow(/none with a role/);
  });
});
