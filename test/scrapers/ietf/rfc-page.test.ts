// An RFC imported from its htmlized page, as drafts are: RFC 8986 as the Datatracker served it in
// February 2025 (test/fixtures/ietf/SOURCES.md; an excerpt of the real page). What the parser reads off
// it is in its expected file; here, the import: values read off the page's "Authors' Addresses" by hand.
import { describe, expect, it } from 'vitest';
import { allContributionRecords } from '../../../server/reports/contributions.js';
import { importFile } from '../../../scrapers/pipeline/import.js';
import { fixture, testApp } from '../../support/app.js';

const RFC8986 = fixture('ietf', 'datatracker-htmlized-rfc8986.2025-02.excerpt.html');
const RFC4271 = fixture('ietf', 'datatracker-htmlized-rfc4271.2025-02.excerpt.html');
const RFC4272 = fixture('ietf', 'datatracker-htmlized-rfc4272.2025-02.excerpt.html');

describe('the htmlized page of RFC 8986 (/doc/html/rfc8986)', () => {
  it('imports as one contribution of spring, with every affiliation and country, traced to the page', () => {
    const app = testApp();
    const result = importFile(app, RFC8986, { url: 'https://datatracker.ietf.org/doc/html/rfc8986' });
    expect(result).toMatchObject({ format: 'ietf-htmlized-draft', group: 'spring', seen: 1, new: 1 });
    const [record] = [...allContributionRecords(app.db, { body: 'ietf' })];
    expect(record).toMatchObject({
      body: 'ietf',
      group: 'spring',
      ref: 'rfc8986',
      type: 'rfc',
      date: '2021-02-01',
      sourceText: 'Cisco Systems, Inc.; Akamai Technologies; Bell Canada; SoftBank; Huawei Technologies',
      url: 'https://datatracker.ietf.org/doc/rfc8986/',
      archived: '/raw/1',
    });
    expect(record!.sources.map((s) => [s.organization, s.country])).toEqual([
      ['Cisco', 'US'],
      ['Akamai', 'US'],
      ['Bell Canada', 'CA'],
      ['SoftBank', 'JP'],
      ['Huawei', 'CN'],
    ]);
    expect(record!.authors.map((a) => a.country)).toEqual(['BE', 'ES', 'US', 'CA', 'JP', 'CN']);
  });

  // RFCs before xml2rfc v3 (RFC 8650 on) are htmlized from their plain text: no address cards, and the
  // address section may be the editors' or a single author's, followed by the copyright boilerplate.
  it('imports RFC 4271, whose plain text names its editors ("Editors\' Addresses"), one of them without an organization', () => {
    const app = testApp();
    const result = importFile(app, RFC4271, { url: 'https://datatracker.ietf.org/doc/html/rfc4271' });
    expect(result).toMatchObject({ format: 'ietf-htmlized-draft', group: 'idr', seen: 1, new: 1 });
    expect(result.warnings).toEqual(['rfc4271: Tony Li gives no affiliation']);
    const [record] = [...allContributionRecords(app.db, { body: 'ietf' })];
    expect(record).toMatchObject({ ref: 'rfc4271', type: 'rfc', date: '2006-01-01', sourceText: 'Juniper Networks; NextHop Technologies, Inc.' });
    expect(record!.sources.map((s) => [s.organization, s.country])).toEqual([
      ['Juniper Networks', 'US'],
      ['NextHop Technologies', 'US'],
    ]);
    // The page names no country for any of the three: none is made up.
    expect(record!.authors).toEqual([
      { affiliation: 'Juniper Networks', country: null },
      { affiliation: null, country: null },
      { affiliation: 'NextHop Technologies, Inc.', country: null },
    ]);
  });

  it('imports RFC 4272, whose one author is under "Author\'s Address", and not the copyright sections after it', () => {
    const app = testApp();
    expect(importFile(app, RFC4272)).toMatchObject({ format: 'ietf-htmlized-draft', group: 'idr', seen: 1, new: 1, warnings: [] });
    const [record] = [...allContributionRecords(app.db, { body: 'ietf' })];
    expect(record).toMatchObject({ ref: 'rfc4272', title: 'BGP Security Vulnerabilities Analysis', sourceText: 'Sparta, Inc.', authors: [{ affiliation: 'Sparta, Inc.', country: null }] });
  });
});
