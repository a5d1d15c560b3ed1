// An RFC imported from its htmlized page, as drafts are: RFC 8986 as the Datatracker served it in
// February 2025 (test/fixtures/ietf/SOURCES.md; an excerpt of the real page). What the parser reads off
// it is in its expected file; here, the import: values read off the page's "Authors' Addresses" by hand.
import { describe, expect, it } from 'vitest';
import { allContributionRecords } from '../../../server/reports/contributions.js';
import { importFile } from '../../../scrapers/pipeline/import.js';
import { fixture, testApp } from '../../support/app.js';

const RFC8986 = fixture('ietf', 'datatracker-htmlized-rfc8986.2025-02.excerpt.html');

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
});
