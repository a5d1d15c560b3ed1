// Each IETF author's affiliation and the country the document gives (contribution_authors): parsed from
// the real htmlized drafts and the API answers rebuilt from them (test/fixtures/ietf, RECONSTRUCTED.md;
// what the parsers read off each is in its expected file), the same whether scraped or imported, kept
// when a later listing gives none, and shown in the records.
import fs from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeListing } from '../../../db/contributions.js';
import { mergedAuthors } from '../../../db/write-authors.js';
import { contributionAuthors } from '../../../db/schema.js';
import { createApp } from '../../../server/app.js';
import { contributionTable } from '../../../server/csv-tables.js';
import { allContributionRecords } from '../../../server/reports/contributions.js';
import { parseHtmlizedDraft } from '../../../scrapers/ietf/parse-draft.js';
import { importIetfJsonFiles } from '../../../scrapers/pipeline/import-ietf-json.js';
import { importFile } from '../../../scrapers/pipeline/import.js';
import type { ParsedListing } from '../../../domain/types.js';
import { fixture, testApp, type TestApp } from '../../support/app.js';
import type { FixtureServer } from '../../support/fixture-server.js';
import { scrapeIdrDocuments } from '../../support/ietf-site.js';

const SERVICE_SEGMENTS = 'draft-ietf-idr-bgp-ls-sr-service-segments';
const FLOWSPEC = 'draft-ietf-idr-ts-flowspec-srv6-policy';
const HTMLIZED_02 = fixture('ietf', `datatracker-htmlized-${SERVICE_SEGMENTS}-02.2025-02.html`);
const HTMLIZED_03 = fixture('ietf', `datatracker-htmlized-${FLOWSPEC}-03.2025-02.html`);
const api = (name: string): string => fixture('ietf', `${name}.reconstructed.json`);
const API_FILES = [
  api('api-doc-document-idr'),
  api('api-doc-documentauthor-80001-offset0'),
  api('api-doc-documentauthor-80001-offset10'),
  api('api-doc-documentauthor-80002'),
];
const DOC_JSON = api(`doc-json-${FLOWSPEC}`);

// Read by hand off the "Authors' Addresses" of the htmlized -02 (old text rendering, page 11-12):
// Gaurav Dawra, LinkedIn, United States of America; Clarence Filsfils, Cisco Systems, Belgium; Ketan
// Talaulikar, Cisco Systems, India; Francois Clad, Cisco Systems, France; Daniel Bernier, Bell Canada,
// Canada; Jim Uttaro, AT&T, United States of America; Bruno Decraene, Orange, France; Hani Elmalky,
// Ericsson, United States of America; Xiaohu Xu, Capitalonline, no country; Jim Guichard, Futurewei
// Technologies, United States of America; Cheng Li, Huawei Technologies, China.
const SERVICE_SEGMENTS_AUTHORS = [
  { affiliation: 'LinkedIn', country: 'US' },
  { affiliation: 'Cisco Systems', country: 'BE' },
  { affiliation: 'Cisco Systems', country: 'IN' },
  { affiliation: 'Cisco Systems', country: 'FR' },
  { affiliation: 'Bell Canada', country: 'CA' },
  { affiliation: 'AT&T', country: 'US' },
  { affiliation: 'Orange', country: 'FR' },
  { affiliation: 'Ericsson', country: 'US' },
  { affiliation: 'Capitalonline', country: null },
  { affiliation: 'Futurewei Technologies', country: 'US' },
  { affiliation: 'Huawei Technologies', country: 'CN' },
];
// The htmlized -03 (xml2rfc v3, address.vcard): Wenying Jiang, China Mobile, China; Yisong Liu, China
// Mobile, China; Shunwan Zhuang, Huawei Technologies, China; Gyan Mishra, Verizon Communications Inc.,
// United States of America; Shuanglong Chen, Huawei Technologies, China.
const FLOWSPEC_AUTHORS = [
  { affiliation: 'China Mobile', country: 'CN' },
  { affiliation: 'China Mobile', country: 'CN' },
  { affiliation: 'Huawei Technologies', country: 'CN' },
  { affiliation: 'Verizon Communications Inc.', country: 'US' },
  { affiliation: 'Huawei Technologies', country: 'CN' },
];

/** The IETF records as exported, ref → authors. */
function exportedAuthors(app: TestApp): Record<string, unknown> {
  return Object.fromEntries([...allContributionRecords(app.db, { body: 'ietf' })].map((r) => [r.ref, r.authors]));
}

describe('storing authors: scrape and import agree', () => {
  let site: FixtureServer;
  const scraped = testApp();
  beforeAll(async () => {
    let summary;
    ({ site, summary } = await scrapeIdrDocuments(scraped));
    expect(summary).toMatchObject({ status: 'ok', outcome: { recordsNew: 2 } });
  });
  afterAll(() => site.close());

  it('stores what the API answers give (the 11 authors over two pages of 10 + 1, in order)', () => {
    expect(exportedAuthors(scraped)).toEqual({ [SERVICE_SEGMENTS]: SERVICE_SEGMENTS_AUTHORS, [FLOWSPEC]: FLOWSPEC_AUTHORS });
  });

  it('gives the same authors from the saved API answers and from the saved htmlized drafts', () => {
    const fromJson = testApp();
    importIetfJsonFiles(fromJson, API_FILES);
    expect(exportedAuthors(fromJson)).toEqual(exportedAuthors(scraped));

    const fromHtml = testApp();
    importFile(fromHtml, HTMLIZED_02);
    importFile(fromHtml, HTMLIZED_03);
    expect(exportedAuthors(fromHtml)).toEqual(exportedAuthors(scraped));
  });

  it("stores a doc.json's authors with no country (that view gives none), and does not erase stated countries with it", () => {
    const alone = testApp();
    importIetfJsonFiles(alone, [DOC_JSON]);
    expect(exportedAuthors(alone)).toEqual({ [FLOWSPEC]: FLOWSPEC_AUTHORS.map((a) => ({ ...a, country: null })) });

    importIetfJsonFiles(scraped, [DOC_JSON]);
    expect(exportedAuthors(scraped)[FLOWSPEC]).toEqual(FLOWSPEC_AUTHORS);
  });
});

describe('a later listing', () => {
  const htmlListing = (): ParsedListing => parseHtmlizedDraft(fs.readFileSync(HTMLIZED_03)).listing;

  it('without authors keeps the stored ones; with other authors replaces them', () => {
    const app = testApp();
    storeListing(app.db, app.resolver, htmlListing(), { rawDocumentId: null, seenAt: '2025-02-01T00:00:00.000Z' });
    expect(exportedAuthors(app)[FLOWSPEC]).toEqual(FLOWSPEC_AUTHORS);

    const withoutAuthors = htmlListing();
    for (const c of withoutAuthors.contributions) delete c.authors;
    storeListing(app.db, app.resolver, withoutAuthors, { rawDocumentId: null, seenAt: '2025-02-02T00:00:00.000Z' });
    expect(exportedAuthors(app)[FLOWSPEC]).toEqual(FLOWSPEC_AUTHORS);
    expect(app.db.select().from(contributionAuthors).all()).toHaveLength(5);

    const fewer = htmlListing();
    fewer.contributions[0]!.authors = [{ affiliation: 'China Mobile', country: 'CN' }, { affiliation: 'Huawei Technologies', country: 'CA' }];
    storeListing(app.db, app.resolver, fewer, { rawDocumentId: null, seenAt: '2025-02-03T00:00:00.000Z' });
    expect(exportedAuthors(app)[FLOWSPEC]).toEqual([
      { affiliation: 'China Mobile', country: 'CN' },
      { affiliation: 'Huawei Technologies', country: 'CA' },
    ]);
    expect(app.db.select().from(contributionAuthors).all()).toHaveLength(2);
  });

  it('keeps a stored country only for the same author at the same place with the same affiliation', () => {
    const stored = [{ affiliation: 'Huawei Technologies', country: 'CA' }, { affiliation: 'Cisco Systems', country: 'US' }];
    expect(mergedAuthors([{ affiliation: 'huawei  technologies', country: null }, { affiliation: 'Ericsson', country: null }], stored)).toEqual([
      { affiliation: 'huawei  technologies', country: 'CA' },
      { affiliation: 'Ericsson', country: null },
    ]);
    // A different number of authors is a different list: nothing is carried over.
    expect(mergedAuthors([{ affiliation: 'Huawei Technologies', country: null }], stored)).toEqual([{ affiliation: 'Huawei Technologies', country: null }]);
  });
});

describe('authors in the public records', () => {
  const app = testApp();
  beforeAll(() => {
    importFile(app, HTMLIZED_03);
  });

  it('are in the JSON and NDJSON answers of /api/contributions, and one CSV column', async () => {
    const web = createApp(app);
    const json = await request(web).get('/api/contributions?body=ietf').expect(200);
    expect(json.body.data.map((r: { ref: string; authors: unknown }) => [r.ref, r.authors])).toEqual([[FLOWSPEC, FLOWSPEC_AUTHORS]]);

    const ndjson = await request(web).get('/api/contributions?body=ietf&format=ndjson').expect(200);
    expect(JSON.parse(ndjson.text.trim().split('\n')[0]!).authors).toEqual(FLOWSPEC_AUTHORS);

    const csv = await request(web).get('/api/contributions?body=ietf&format=csv').expect(200);
    expect(csv.text.split('\n')[0]).toMatch(/,authors\r?$/);
    expect(csv.text).toContain('China Mobile (CN); China Mobile (CN); Huawei Technologies (CN); Verizon Communications Inc. (US); Huawei Technologies (CN)');
  });

  it('writes an author without a country as the affiliation alone in CSV', () => {
    const [record] = [...allContributionRecords(app.db, { body: 'ietf' })];
    const row = contributionTable.row({ ...record!, authors: [{ affiliation: 'Capitalonline', country: null }, { affiliation: null, country: 'FR' }] });
    expect(row['authors']).toBe('Capitalonline; (FR)');
  });

  it('are empty for a body whose listings give none', async () => {
    const three = testApp();
    importFile(three, fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'));
    const [first] = [...allContributionRecords(three.db, {}, 1)];
    expect(first!.authors).toEqual([]);
  });
});
