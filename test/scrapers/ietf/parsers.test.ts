// The Datatracker parsers on the real pages captured in Feb 2025 (test/fixtures/ietf/SOURCES.md) and on
// the API answers rebuilt from them (RECONSTRUCTED.md). Expected values were read off the pages by hand.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LayoutChangedError, UnreadableInputError } from '../../../scrapers/errors.js';
import { affiliationsText, countryCode, ietfGroup, toListing } from '../../../scrapers/ietf/document.js';
import { parseApiPage, readAuthors, readDocuments, readRoles } from '../../../scrapers/ietf/parse-api.js';
import { parseHtmlizedDraft } from '../../../scrapers/ietf/parse-draft.js';
import { parseDocumentPage, parseGroupAboutPage, parsePersonPage, personPageRoster } from '../../../scrapers/ietf/parse-pages.js';
import { loadRegistry } from '../../../domain/resolve/registry.js';
import { createResolver, toSourceRecord } from '../../../domain/resolve/resolve.js';
import { fixture } from '../../support/app.js';

const read = (name: string) => fs.readFileSync(fixture('ietf', name));

describe('a htmlized draft in the old text rendering (draft-ietf-idr-bgp-ls-sr-service-segments-02)', () => {
  const { document, listing } = parseHtmlizedDraft(read('datatracker-htmlized-draft-ietf-idr-bgp-ls-sr-service-segments-02.2025-02.html'));

  it('reads the draft name without its revision, the revision, group, title and date', () => {
    expect(document).toMatchObject({
      name: 'draft-ietf-idr-bgp-ls-sr-service-segments',
      rev: '02',
      group: 'idr',
      title: 'BGP-LS Advertisement of Segment Routing Service Segments',
      date: '2022-11-06', // "6 November 2022" above the title
    });
  });

  it("reads all 11 authors' organizations and countries from \"Authors' Addresses\", e-mail left out", () => {
    // Pages 11-12 of the draft, by hand.
    expect(document.authors).toEqual([
      { name: 'Gaurav Dawra', affiliation: 'LinkedIn', country: 'US' },
      { name: 'Clarence Filsfils', affiliation: 'Cisco Systems', country: 'BE' },
      { name: 'Ketan Talaulikar', affiliation: 'Cisco Systems', country: 'IN' },
      { name: 'Francois Clad', affiliation: 'Cisco Systems', country: 'FR' },
      { name: 'Daniel Bernier', affiliation: 'Bell Canada', country: 'CA' },
      { name: 'Jim Uttaro', affiliation: 'AT&T', country: 'US' },
      { name: 'Bruno Decraene', affiliation: 'Orange', country: 'FR' },
      { name: 'Hani Elmalky', affiliation: 'Ericsson', country: 'US' },
      { name: 'Xiaohu Xu', affiliation: 'Capitalonline', country: null }, // no country line
      { name: 'Jim Guichard', affiliation: 'Futurewei Technologies', country: 'US' },
      { name: 'Cheng Li', affiliation: 'Huawei Technologies', country: 'CN' },
    ]);
    expect(JSON.stringify(document)).not.toMatch(/@/);
  });

  it('is one contribution whose source text lists each affiliation once, in author order', () => {
    expect(listing.contributions).toHaveLength(1);
    expect(listing.contributions[0]).toMatchObject({
      ref: 'draft-ietf-idr-bgp-ls-sr-service-segments',
      sourceText: 'LinkedIn; Cisco Systems; Bell Canada; AT&T; Orange; Ericsson; Capitalonline; Futurewei Technologies; Huawei Technologies',
      url: 'https://datatracker.ietf.org/doc/draft-ietf-idr-bgp-ls-sr-service-segments/02/',
    });
    expect(listing.group.code).toBe('idr');
  });
});

describe('a htmlized draft in xml2rfc v3 HTML (draft-ietf-idr-ts-flowspec-srv6-policy-03)', () => {
  const { document } = parseHtmlizedDraft(read('datatracker-htmlized-draft-ietf-idr-ts-flowspec-srv6-policy-03.2025-02.html'));

  it('reads the five vcards: name, organization, country; the group from the draft name', () => {
    expect(document).toMatchObject({ name: 'draft-ietf-idr-ts-flowspec-srv6-policy', rev: '03', group: 'idr', date: '2023-06-17' });
    expect(document.title).toBe('Traffic Steering using BGP FlowSpec with SR Policy');
    expect(document.authors).toEqual([
      { name: 'Wenying Jiang', affiliation: 'China Mobile', country: 'CN' },
      { name: 'Yisong Liu', affiliation: 'China Mobile', country: 'CN' },
      { name: 'Shunwan Zhuang', affiliation: 'Huawei Technologies', country: 'CN' },
      { name: 'Gyan Mishra', affiliation: 'Verizon Communications Inc.', country: 'US' },
      { name: 'Shuanglong Chen', affiliation: 'Huawei Technologies', country: 'CN' },
    ]);
  });

  it('refuses a page without "Authors\' Addresses" as a changed layout', () => {
    const html = read('datatracker-htmlized-draft-ietf-idr-ts-flowspec-srv6-policy-03.2025-02.html').toString().replace(/<address[\s\S]*?<\/address>/g, '');
    expect(() => parseHtmlizedDraft(Buffer.from(html))).toThrow(LayoutChangedError);
  });
});

describe('Datatracker HTML pages', () => {
  it("idr's about page: its three chairs (the page gives no affiliations); AD, secretary, delegate are not seats", () => {
    const roster = parseGroupAboutPage(read('datatracker-wg-idr-about.2025-02.html'), { url: 'https://datatracker.ietf.org/wg/idr/about/' });
    expect(roster).toMatchObject({ body: 'ietf', scope: 'idr' });
    expect(roster.positions.map((p) => [p.group.code, p.group.name, p.role, p.person, p.sourceText])).toEqual([
      ['idr', 'Inter-Domain Routing', 'chair', 'Jeffrey Haas', ''],
      ['idr', 'Inter-Domain Routing', 'chair', 'Keyur Patel', ''],
      ['idr', 'Inter-Domain Routing', 'chair', 'Susan Hares', ''],
    ]);
    const withAffiliation = parseGroupAboutPage(read('datatracker-wg-idr-about.2025-02.html'), { affiliations: new Map([['Susan Hares', 'Example Affiliation']]) });
    expect(withAffiliation.positions[2]!.sourceText).toBe('Example Affiliation');
  });

  it("Jim Guichard's page: 16 roles, of which one is a seat (Chair of rtgarea); the 15 Area Director roles are not", () => {
    const page = parsePersonPage(read('datatracker-person-james.n.guichard.2025-02.html'));
    expect(page.person).toBe('Jim Guichard');
    expect(page.roles).toHaveLength(16);
    expect(page.roles.filter((r) => r.name === 'Area Director')).toHaveLength(15);
    const roster = personPageRoster(page, { affiliation: 'Futurewei Technologies' });
    expect(roster.positions).toEqual([
      expect.objectContaining({ group: { code: 'rtgarea', name: 'Routing Area Open Meeting' }, role: 'chair', person: 'Jim Guichard', sourceText: 'Futurewei Technologies' }),
    ]);
  });

  it("Xiaohu Xu's page: no active roles", () => {
    expect(parsePersonPage(read('datatracker-person-xuxiaohu.2025-02.html'))).toEqual({ person: 'Xiaohu Xu', roles: [] });
  });

  it('a document page: the draft, its group and its 11 author names', () => {
    const page = parseDocumentPage(read('datatracker-doc-draft-ietf-idr-bgp-ls-sr-service-segments.2025-02.html'));
    expect(page.name).toBe('draft-ietf-idr-bgp-ls-sr-service-segments');
    expect(page.group).toBe('idr');
    expect(page.authors).toHaveLength(11);
    expect(page.authors[0]).toBe('Gaurav Dawra');
    expect(page.authors[10]).toBe('Cheng Li');
  });
});

describe('Datatracker API answers (Tastypie lists)', () => {
  it('reads meta and objects, follows nothing itself, skips documents that are neither drafts nor RFCs', () => {
    const page = parseApiPage(read('api-doc-document-idr.reconstructed.json'), 'idr documents');
    expect(page.meta).toMatchObject({ limit: 10, offset: 0, total_count: 3, next: null });
    const warnings: string[] = [];
    const docs = readDocuments(page, 'idr', warnings);
    expect(docs.map((d) => [d.id, d.document.name, d.document.rev, d.document.date])).toEqual([
      [80001, 'draft-ietf-idr-bgp-ls-sr-service-segments', '02', '2022-11-06'],
      [80002, 'draft-ietf-idr-ts-flowspec-srv6-policy', '03', '2023-06-17'],
    ]);
    expect(warnings).toEqual(['charter-ietf-idr: document type charter is not a draft or an RFC; skipped']);
  });

  it('author pages give the affiliation and country; a page with more has meta.next', () => {
    const first = parseApiPage(read('api-doc-documentauthor-80001-offset0.reconstructed.json'), 'authors');
    expect(first.meta.next).toBe('/api/v1/doc/documentauthor/?document=80001&limit=10&offset=10');
    const authors = readAuthors(first);
    expect(authors).toHaveLength(10);
    expect(authors[1]!.author).toEqual({ name: null, affiliation: 'Cisco Systems', country: 'BE' });
    expect(readAuthors(parseApiPage(read('api-doc-documentauthor-80001-offset10.reconstructed.json'), 'authors'))[0]!.author.affiliation).toBe('Huawei Technologies');
  });

  it('role pages name the role and the person', () => {
    const roles = readRoles(parseApiPage(read('api-group-role-idr-chair.reconstructed.json'), 'chairs'));
    expect(roles).toEqual([
      { role: 'chair', personUri: '/api/v1/person/person/90017/' },
      { role: 'chair', personUri: '/api/v1/person/person/90018/' },
      { role: 'chair', personUri: '/api/v1/person/person/90019/' },
    ]);
  });

  it('refuses what is not JSON as unreadable, and JSON that is not a Tastypie list as a changed layout', () => {
    expect(() => parseApiPage('{"meta": {"limit": 20', 'x')).toThrow(UnreadableInputError);
    expect(() => parseApiPage('{"objects": []}', 'x')).toThrow(LayoutChangedError);
  });
});

describe('affiliations and countries', () => {
  it('several revisions of a draft are one contribution, the latest revision', () => {
    const doc = (rev: string, affiliation: string) => ({
      name: 'draft-ietf-idr-ts-flowspec-srv6-policy', rev, title: 't', type: 'draft' as const, group: 'idr', date: null,
      authors: [{ name: null, affiliation, country: null }],
    });
    const listing = toListing('test', ietfGroup('idr'), [doc('03', 'China Mobile'), doc('05', 'Huawei Technologies'), doc('04', 'Orange')]);
    expect(listing.contributions).toHaveLength(1);
    expect(listing.contributions[0]).toMatchObject({ sourceText: 'Huawei Technologies', url: 'https://datatracker.ietf.org/doc/draft-ietf-idr-ts-flowspec-srv6-policy/05/' });
  });

  it('countries as drafts write them and as codes', () => {
    expect(countryCode('United States of America')).toBe('US');
    expect(countryCode('China')).toBe('CN');
    expect(countryCode('BE')).toBe('BE');
    expect(countryCode('USA')).toBe('US');
    expect(countryCode('')).toBeNull();
    expect(countryCode('Atlantis')).toBeNull();
  });

  it('a source text lists each affiliation once, skipping authors without one', () => {
    expect(
      affiliationsText([
        { name: 'A', affiliation: 'Cisco Systems', country: null },
        { name: 'B', affiliation: null, country: null },
        { name: 'C', affiliation: 'cisco systems', country: null },
        { name: 'D', affiliation: 'Huawei Technologies Co., Ltd.', country: null },
      ]),
    ).toBe('Cisco Systems; Huawei Technologies Co., Ltd.');
  });
});

describe("the idr drafts' affiliations, resolved", () => {
  // Every affiliation of the two real drafts: [organization, ultimate parent, parent's country], by hand.
  const resolver = createResolver(loadRegistry());
  it.each([
    ['LinkedIn', 'LinkedIn', 'Microsoft', 'US'],
    ['Cisco Systems', 'Cisco', 'Cisco', 'US'],
    ['Bell Canada', 'Bell Canada', 'Bell Canada', 'CA'],
    ['AT&T', 'AT&T', 'AT&T', 'US'],
    ['Orange', 'Orange', 'Orange', 'FR'],
    ['Ericsson', 'Ericsson', 'Ericsson', 'SE'],
    ['Capitalonline', 'Capitalonline', 'Capitalonline', 'CN'],
    ['Futurewei Technologies', 'Futurewei', 'Huawei', 'CN'],
    ['Huawei Technologies', 'Huawei', 'Huawei', 'CN'],
    ['China Mobile', 'China Mobile', 'China Mobile', 'CN'],
    ['Verizon Communications Inc.', 'Verizon', 'Verizon', 'US'],
  ])('%s → %s (%s, %s)', (raw, organization, parent, country) => {
    expect(resolver.resolveSourceText(raw).map(toSourceRecord)).toEqual([
      { raw, organization, parent, country, kind: 'company', role: null },
    ]);
  });

  // Raw affiliations of the ietfdata normalisation mapping (glasgow-ipl/ietfdata, Feb 2025) that the
  // registry now knows, each checked against the company's history; "Queen's University" is left
  // unresolved on purpose: the mapping says Belfast, but Kingston (Canada) has one too.
  it.each([
    ['Dell EMC', 'Dell Technologies', 'Dell Technologies', 'US', 'company'],
    ['Sun Microsystems', 'Oracle', 'Oracle', 'US', 'company'],
    ['Metaswitch Networks', 'Metaswitch', 'Microsoft', 'US', 'company'],
    ['U.S. NIST', 'NIST', 'NIST', 'US', 'government'],
    ['British Telecom', 'BT', 'BT', 'GB', 'company'],
  ])('ietfdata mapping: %s → %s (%s, %s)', (raw, organization, parent, country, kind) => {
    expect(resolver.resolveSourceText(raw).map(toSourceRecord)).toEqual([{ raw, organization, parent, country, kind, role: null }]);
  });

  it("leaves an ambiguous university unresolved", () => {
    expect(resolver.resolveSourceText("Queen's University").map(toSourceRecord)[0]!.organization).toBeNull();
  });

  it('a joined source text gives one source per affiliation, commas inside a name kept', () => {
    const sources = resolver.resolveSourceText('Huawei Technologies Co., Ltd.; Verizon Communications Inc.').map(toSourceRecord);
    expect(sources.map((s) => s.organization)).toEqual(['Huawei', 'Verizon']);
  });
});
