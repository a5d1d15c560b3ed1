// The Mentor listing parser on pages rebuilt from 200 real rows of the 802.11 listing (Oct 2021; see
// test/fixtures/ieee/RECONSTRUCTED.md): the revisions of both pages folded into documents, and the
// resolution of every real "Author (Affiliation)" cell. What the parser reads off each page (its rows
// and its pager) is in the pages' expected files, test/fixtures/ieee/mentor-*.expected.json.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LayoutChangedError } from '../../../scrapers/errors.js';
import { mentorSourceText, parseAuthorsCell } from '../../../scrapers/ieee/authors.js';
import { mentorContributions, parseMentorListing, parseMentorPage } from '../../../scrapers/ieee/parse-mentor-listing.js';
import { loadRegistry } from '../../../domain/resolve/registry.js';
import { createResolver, toSourceRecord } from '../../../domain/resolve/resolve.js';
import { fixture } from '../../support/app.js';

const page1 = parseMentorPage(fs.readFileSync(fixture('ieee', 'mentor-802.11-documents-n1.reconstructed.html')));
const page2 = parseMentorPage(fs.readFileSync(fixture('ieee', 'mentor-802.11-documents-n2.reconstructed.html')));
const rows: { auth_affil: string }[] = JSON.parse(
  fs.readFileSync(fixture('ieee', 'mentor-802.11-pages1-2-2021-10-13.parsed.json'), 'utf-8'),
).repo_entries;

describe('Mentor listing pages (802.11, pages 1 and 2 of 766 on 2021-10-13)', () => {
  it('folds the revisions of a document into one contribution at its latest revision', () => {
    const contributions = mentorContributions([...page1.revisions, ...page2.revisions]);
    // 200 rows, 127 distinct (year, DCN) pairs; 11-21-1606 appears as revisions 0 to 4.
    expect(contributions).toHaveLength(127);
    expect(contributions.find((c) => c.ref === '11-21-1606')).toMatchObject({
      title: 'TGme Resolutions to CIDs on Annex G',
      sourceText: 'SR Technologies',
      date: '2021-10-04', // revision 4, uploaded 04-Oct-2021 14:27:36 ET
      url: 'https://mentor.ieee.org/802.11/dcn/21/11-21-1606-04-0arc-tgme-resolutions-to-cids-on-annex-g.docx',
      revisionOf: '11-21-1606-03',
      workItems: 'ARC SC',
      authors: [{ affiliation: 'SR Technologies', country: null }],
    });
    // 11-21-1330 revision 2, author cell `Jay Yang(Nokia)` (read off the n1 page): one author, no country.
    expect(contributions.find((c) => c.ref === '11-21-1330')?.authors).toEqual([{ affiliation: 'Nokia', country: null }]);
  });

  it('as a saved file: one listing of 802.11 documents', () => {
    const listing = parseMentorListing(fs.readFileSync(fixture('ieee', 'mentor-802.11-documents-n2.reconstructed.html')));
    expect(listing).toMatchObject({ body: 'ieee', format: 'ieee-mentor-listing', group: { code: '802.11' }, meeting: null });
  });

  it('refuses a page without document rows or listing table as a changed layout', () => {
    expect(() => parseMentorPage(Buffer.from('<html><body><h1>802.11 Documents</h1><p>Maintenance</p></body></html>'))).toThrow(LayoutChangedError);
  });
});

describe('the "Author (Affiliation)" cell', () => {
  it('reads the shapes the listing uses', () => {
    expect(parseAuthorsCell('Jay Yang(Nokia)')).toEqual([{ name: 'Jay Yang', affiliation: 'Nokia' }]);
    expect(parseAuthorsCell('laurent cariou (Intel)')).toEqual([{ name: 'laurent cariou', affiliation: 'Intel' }]);
    expect(parseAuthorsCell('Mark Hamilton (Ruckus/CommScope)')).toEqual([{ name: 'Mark Hamilton', affiliation: 'Ruckus/CommScope' }]);
    expect(parseAuthorsCell('Ronny Yongho Kim')).toEqual([{ name: 'Ronny Yongho Kim', affiliation: null }]);
    expect(parseAuthorsCell('Jason Yuchen Guo (Huawei Technologies Co. Ltd.)')).toEqual([
      { name: 'Jason Yuchen Guo', affiliation: 'Huawei Technologies Co. Ltd.' },
    ]);
    // Several authors (not in the captured rows; the shape Mentor shows for joint documents).
    expect(parseAuthorsCell('Edward Au (Huawei), Dorothy Stanley (HPE); Brian Hart (Cisco Systems)')).toEqual([
      { name: 'Edward Au', affiliation: 'Huawei' },
      { name: 'Dorothy Stanley', affiliation: 'HPE' },
      { name: 'Brian Hart', affiliation: 'Cisco Systems' },
    ]);
    expect(mentorSourceText(parseAuthorsCell('A (Intel), B (Intel Corp.), C (Intel)'))).toBe('Intel; Intel Corp.');
  });

  // Every distinct auth_affil value of the 200 real rows, with the organizations checked by hand:
  // [organization, ultimate parent, parent's country]. None: the cell names no affiliation.
  const EXPECTED: Record<string, [string, string, string][]> = {
    'Ahmed Ibrahim (Samsung Research America)': [['Samsung Research America', 'Samsung', 'KR']],
    'Alfred Asterjadhi (Qualcomm Inc.)': [['Qualcomm', 'Qualcomm', 'US']],
    'Amelia Andersdotter (Sky UK Group)': [['Sky', 'Comcast', 'US']],
    'Andrew Myles (Cisco)': [['Cisco', 'Cisco', 'US']],
    'Arik Klein (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Bo Gong (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Bo Sun (ZTE Corporation)': [['ZTE', 'ZTE', 'CN']],
    'Bo Sun (ZTE)': [['ZTE', 'ZTE', 'CN']],
    'Brian Hart (Cisco Systems)': [['Cisco', 'Cisco', 'US']],
    'Camillo Gentile (NIST)': [['NIST', 'NIST', 'US']],
    'Carol Ansley (Cox)': [['Cox Communications', 'Cox Communications', 'US']],
    'Chaoming Luo (OPPO)': [['OPPO', 'OPPO', 'CN']],
    'Chong Han (pureLiFi)': [['pureLiFi', 'pureLiFi', 'GB']],
    'Chris Beg (Cognitive Systems)': [['Cognitive Systems', 'Cognitive Systems', 'CA']],
    'Claudio da Silva (Facebook)': [['Meta', 'Meta', 'US']],
    'Dave Halasz (Morse Micro)': [['Morse Micro', 'Morse Micro', 'AU']],
    'Dennis Sundman (Ericsson)': [['Ericsson', 'Ericsson', 'SE']],
    'Dibakar Das (Intel)': [['Intel', 'Intel', 'US']],
    'Dorothy Stanley (HPE)': [['HPE', 'HPE', 'US']],
    'Edward Au (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Emily Qi (Intel Corporation)': [['Intel', 'Intel', 'US']],
    'Eunsung Park (LG Electronics)': [['LG Electronics', 'LG Electronics', 'KR']],
    'Gaurang Naik (Qualcomm)': [['Qualcomm', 'Qualcomm', 'US']],
    'Gaurav Patwardhan (HPE)': [['HPE', 'HPE', 'US']],
    'Graham Smith (SR Technologies)': [['SR Technologies', 'SR Technologies', 'US']],
    'Guido R. Hiertz (Ericsson)': [['Ericsson', 'Ericsson', 'SE']],
    'Insun Jang (LG Electronics)': [['LG Electronics', 'LG Electronics', 'KR']],
    'Jason Yuchen Guo (Huawei Technologies Co. Ltd.)': [['Huawei', 'Huawei', 'CN']],
    'Jay Yang(Nokia)': [['Nokia', 'Nokia', 'FI']],
    'Jerome Henry (Cisco Systems)': [['Cisco', 'Cisco', 'US']],
    'Jon Rosdahl (Qualcomm)': [['Qualcomm', 'Qualcomm', 'US']],
    'Jonas Sedin (Ericsson)': [['Ericsson', 'Ericsson', 'SE']],
    'Jonathan Segev (Intel corporation)': [['Intel', 'Intel', 'US']],
    'Kurt Lumbatis (CommScope)': [['CommScope', 'CommScope', 'US']],
    'Leif Wilhelmsson (Ericsson)': [['Ericsson', 'Ericsson', 'SE']],
    'Liuming Lu (OPPO)': [['OPPO', 'OPPO', 'CN']],
    'Liwen Chu (NXP)': [['NXP', 'NXP', 'NL']],
    'Marc Emmelmann (Koden-TI)': [['Koden Techno Info', 'Koden Techno Info', 'JP']],
    // A unit and its parent: two sources, both counting for CommScope.
    'Mark Hamilton (Ruckus/CommScope)': [
      ['Ruckus Networks', 'CommScope', 'US'],
      ['CommScope', 'CommScope', 'US'],
    ],
    'Mark RISON (Samsung)': [['Samsung', 'Samsung', 'KR']],
    'Matthew Fischer (Broadcom Inc)': [['Broadcom', 'Broadcom', 'US']],
    'Matthias Wendt (Signify)': [['Signify', 'Signify', 'NL']],
    'Meihong Zhang (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Mengshi Hu (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Michael Montemurro (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Ming Gan (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Minyoung Park (Intel Corp.)': [['Intel', 'Intel', 'US']],
    'Muhammad Kumail Haider (Facebook)': [['Meta', 'Meta', 'US']],
    'Nehru Bhandaru (Broadcom)': [['Broadcom', 'Broadcom', 'US']],
    'Nikola Serafimovski (pureLiFi)': [['pureLiFi', 'pureLiFi', 'GB']],
    'Peshal Nayak (Samsung Research America)': [['Samsung Research America', 'Samsung', 'KR']],
    'Po-Kai Huang (Intel)': [['Intel', 'Intel', 'US']],
    'Pooya Monajemi (Cisco)': [['Cisco', 'Cisco', 'US']],
    'Ronny Yongho Kim': [],
    'Ronny Yongho Kim (KNUT)': [['Korea National University of Transportation', 'Korea National University of Transportation', 'KR']],
    'Ross Jian Yu (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Rui Du (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Shimi Shilo (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Sigurd Schelstraete (MaxLinear)': [['MaxLinear', 'MaxLinear', 'US']],
    'Stephen McCann (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Steve Shellhammer (Qualcomm)': [['Qualcomm', 'Qualcomm', 'US']],
    'SunHee Baek (LG Electronics)': [['LG Electronics', 'LG Electronics', 'KR']],
    'Thomas Derham (Broadcom)': [['Broadcom', 'Broadcom', 'US']],
    'Thomas Handte (Sony)': [['Sony', 'Sony', 'JP']],
    'Tony Xiao Han (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Volker Jungnickel (Fraunhofer HHI)': [['Fraunhofer HHI', 'Fraunhofer', 'DE']],
    'Xiaofei WANG (InterDigital)': [['InterDigital', 'InterDigital', 'US']],
    'Xiaogang Chen (Intel)': [['Intel', 'Intel', 'US']],
    'Yan Zhang (NXP)': [['NXP', 'NXP', 'NL']],
    'Yanjun Sun (Qualcomm)': [['Qualcomm', 'Qualcomm', 'US']],
    'Youhan Kim (Qualcomm)': [['Qualcomm', 'Qualcomm', 'US']],
    'Yujin Noh (Senscomm)': [['Senscomm', 'Senscomm', 'CN']],
    'Yuxin Lu (Huawei)': [['Huawei', 'Huawei', 'CN']],
    'Zinan Lin (InterDigital)': [['InterDigital', 'InterDigital', 'US']],
    'laurent cariou (Intel)': [['Intel', 'Intel', 'US']],
  };

  it('covers every distinct cell of the 200 real rows', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...new Set(rows.map((r) => r.auth_affil))].sort());
  });

  const resolver = createResolver(loadRegistry());
  it.each(Object.entries(EXPECTED))('%s', (cell, expected) => {
    const sources = resolver.resolveSourceText(mentorSourceText(parseAuthorsCell(cell))).map(toSourceRecord);
    expect(sources.map((s) => [s.organization, s.parent, s.country])).toEqual(expected);
  });
});
