// Importing saved Datatracker JSON: the API answers the scrape reads (test/fixtures/ietf, rebuilt from
// the real idr pages — RECONSTRUCTED.md), given to the import as files, must give the very records the
// scrape stores; a set that is not whole is refused with what is missing and stores nothing.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributionSources, contributions, groups, organizations, rawDocuments } from '../../../db/schema.js';
import { ImportError } from '../../../scrapers/pipeline/import.js';
import { importIetfJsonFiles } from '../../../scrapers/pipeline/import-ietf-json.js';
import { fixture, tempDir, testApp, type TestApp } from '../../support/app.js';
import type { FixtureServer } from '../../support/fixture-server.js';
import { scrapeIdrDocuments } from '../../support/ietf-site.js';

const api = (name: string): string => fixture('ietf', `${name}.reconstructed.json`);
const DOCUMENTS = api('api-doc-document-idr');
const AUTHORS_80001_P1 = api('api-doc-documentauthor-80001-offset0');
const AUTHORS_80001_P2 = api('api-doc-documentauthor-80001-offset10');
const AUTHORS_80002 = api('api-doc-documentauthor-80002');
const DOC_JSON = api('doc-json-draft-ietf-idr-ts-flowspec-srv6-policy');

/** What a reader of the database sees of the IETF contributions, without ids and times. */
function storedRecords(app: TestApp) {
  const orgs = new Map(app.db.select().from(organizations).all().map((o) => [o.id, o]));
  const rows = app.db
    .select({ contribution: contributions, group: groups.code })
    .from(contributions)
    .innerJoin(groups, eq(groups.id, contributions.groupId))
    .where(eq(contributions.bodyId, 'ietf'))
    .all()
    .sort((a, b) => a.contribution.ref.localeCompare(b.contribution.ref));
  return rows.map(({ contribution: c, group }) => ({
    group,
    ref: c.ref,
    title: c.title,
    type: c.type,
    status: c.status,
    outcome: c.outcome,
    date: c.date,
    url: c.url,
    sourceText: c.sourceText,
    sources: app.db
      .select()
      .from(contributionSources)
      .where(eq(contributionSources.contributionId, c.id))
      .all()
      .sort((a, b) => a.position - b.position)
      .map((s) => ({
        raw: s.raw,
        organization: s.organizationId ? orgs.get(s.organizationId)!.name : null,
        parent: s.parentId ? orgs.get(s.parentId)!.name : null,
        country: s.parentId ? orgs.get(s.parentId)!.country : null,
        share: s.share,
      })),
  }));
}

describe('stdwatch import of saved Datatracker API answers', () => {
  let site: FixtureServer;
  const scraped = testApp();
  beforeAll(async () => {
    let summary;
    ({ site, summary } = await scrapeIdrDocuments(scraped));
    expect(summary).toMatchObject({ status: 'ok', outcome: { recordsNew: 2 } });
  });
  afterAll(() => site.close());

  it('pairs documents and authors given in any order and over several pages, storing what the scrape stores', () => {
    const imported = testApp();
    // The authors' pages first, the second page of 80001 before its first: the order of the files does not matter.
    const results = importIetfJsonFiles(imported, [AUTHORS_80002, AUTHORS_80001_P2, DOCUMENTS, AUTHORS_80001_P1]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ group: 'idr', seen: 2, new: 2, changed: 0 });
    expect(results[0]!.warnings).toEqual(['charter-ietf-idr: document type charter is not a draft or an RFC; skipped']);
    expect(storedRecords(imported)).toEqual(storedRecords(scraped));

    // Hand-checked against the drafts' "Authors' Addresses" (the htmlized -02 and -03 in test/fixtures/ietf)
    // and the companies' ownership: LinkedIn is Microsoft's, Futurewei is Huawei's US R&D arm.
    const [segments, flowspec] = storedRecords(imported);
    expect(segments).toMatchObject({
      group: 'idr',
      ref: 'draft-ietf-idr-bgp-ls-sr-service-segments',
      title: 'BGP-LS Advertisement of Segment Routing Service Segments',
      type: 'internet-draft',
      date: '2022-11-06',
      url: 'https://datatracker.ietf.org/doc/draft-ietf-idr-bgp-ls-sr-service-segments/02/',
    });
    expect(segments!.sources.map((s) => [s.raw, s.parent, s.country])).toEqual([
      ['LinkedIn', 'Microsoft', 'US'],
      ['Cisco Systems', 'Cisco', 'US'],
      ['Bell Canada', 'Bell Canada', 'CA'],
      ['AT&T', 'AT&T', 'US'],
      ['Orange', 'Orange', 'FR'],
      ['Ericsson', 'Ericsson', 'SE'],
      ['Capitalonline', 'Capitalonline', 'CN'],
      ['Futurewei Technologies', 'Huawei', 'CN'],
      ['Huawei Technologies', 'Huawei', 'CN'],
    ]);
    expect(flowspec!.sourceText).toBe('China Mobile; Huawei Technologies; Verizon Communications Inc.');
    expect(flowspec!.sources.map((s) => [s.organization, s.country, s.share])).toEqual([
      ['China Mobile', 'CN', 1 / 3],
      ['Huawei', 'CN', 1 / 3],
      ['Verizon', 'US', 1 / 3],
    ]);
  });

  it('imported over the scrape of the same answers, changes nothing', () => {
    const results = importIetfJsonFiles(scraped, [DOCUMENTS, AUTHORS_80001_P1, AUTHORS_80001_P2, AUTHORS_80002]);
    expect(results[0]).toMatchObject({ seen: 2, new: 0, changed: 0 });
  });

  it("reads a document's doc.json alone, archiving it without the authors' e-mail addresses", () => {
    const imported = testApp();
    expect(importIetfJsonFiles(imported, [DOC_JSON])[0]).toMatchObject({ group: 'idr', seen: 1, new: 1 });
    const [flowspec] = storedRecords(imported);
    const [scrapedFlowspec] = storedRecords(scraped).filter((r) => r.ref === 'draft-ietf-idr-ts-flowspec-srv6-policy');
    expect(flowspec).toEqual(scrapedFlowspec);
    const [archived] = imported.db.select().from(rawDocuments).all();
    const text = imported.archive.read(archived!.storagePath).toString('utf-8');
    expect(text).not.toMatch(/@/);
    expect(text).toContain('"email": "e-mail-removed"');
    expect(text).toContain('"affiliation": "Verizon Communications Inc."');
  });

  it('names the group as a saved group answer publishes it', () => {
    const imported = testApp();
    importIetfJsonFiles(imported, [DOCUMENTS, AUTHORS_80001_P1, AUTHORS_80001_P2, AUTHORS_80002, api('api-group-group-active')]);
    expect(imported.db.select().from(groups).where(eq(groups.bodyId, 'ietf')).all().map((g) => [g.code, g.name])).toEqual([['idr', 'Inter-Domain Routing']]);
  });

  it("names an RFC's group by the group answer, and refuses it when no file names its group", () => {
    // The flowspec draft's answers, edited into an RFC's (rfc9999 is made up: no draft name names the group).
    const dir = tempDir();
    const documents = JSON.parse(fs.readFileSync(DOCUMENTS, 'utf-8'));
    documents.objects = documents.objects.filter((o: { id: number }) => o.id === 80002);
    Object.assign(documents.objects[0], { name: 'rfc9999', rev: '', type: '/api/v1/name/doctypename/rfc/', resource_uri: '/api/v1/doc/document/rfc9999/' });
    documents.meta.total_count = 1;
    const authors = fs.readFileSync(AUTHORS_80002, 'utf-8').replaceAll('/api/v1/doc/document/draft-ietf-idr-ts-flowspec-srv6-policy/', '/api/v1/doc/document/rfc9999/');
    const rfcDocuments = path.join(dir, 'documents.json');
    const rfcAuthors = path.join(dir, 'authors.json');
    fs.writeFileSync(rfcDocuments, JSON.stringify(documents));
    fs.writeFileSync(rfcAuthors, authors);

    const refused = testApp();
    expect(() => importIetfJsonFiles(refused, [rfcDocuments, rfcAuthors])).toThrow(
      /rfc9999: its group \/api\/v1\/group\/group\/1041\/ is not named by any file/,
    );
    expect(refused.db.select().from(contributions).all()).toHaveLength(0);

    const imported = testApp();
    importIetfJsonFiles(imported, [rfcAuthors, api('api-group-group-active'), rfcDocuments]);
    expect(storedRecords(imported)).toMatchObject([
      { group: 'idr', ref: 'rfc9999', type: 'rfc', url: 'https://datatracker.ietf.org/doc/rfc9999/', sourceText: 'China Mobile; Huawei Technologies; Verizon Communications Inc.' },
    ]);
  });

  const refusals: [string, string[], RegExp][] = [
    [
      'documents without any author records',
      [DOCUMENTS],
      /documents without their authors' affiliations: draft-ietf-idr-bgp-ls-sr-service-segments \(\/api\/v1\/doc\/documentauthor\/\?document=80001\), draft-ietf-idr-ts-flowspec-srv6-policy \(\/api\/v1\/doc\/documentauthor\/\?document=80002\)/,
    ],
    ['author records without their documents', [AUTHORS_80002], /documentauthor records without their documents/],
    [
      'a page the answers link to left out',
      [DOCUMENTS, AUTHORS_80001_P2, AUTHORS_80002],
      /the page \/api\/v1\/doc\/documentauthor\/\?document=80001&limit=10&offset=0 is not among the files/,
    ],
    ['a role answer', [api('api-group-role-idr-chair')], /api-group-role-idr-chair.*holds no documents or authors/],
  ];
  for (const [what, files, reason] of refusals) {
    it(`refuses ${what}, saying what is missing, and stores nothing`, () => {
      const imported = testApp();
      expect(() => importIetfJsonFiles(imported, files)).toThrow(ImportError);
      expect(() => importIetfJsonFiles(imported, files)).toThrow(reason);
      expect(imported.db.select().from(contributions).all()).toHaveLength(0);
      expect(imported.db.select().from(rawDocuments).all()).toHaveLength(0);
    });
  }
});
