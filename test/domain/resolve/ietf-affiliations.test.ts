// Resolution of the raw IETF Datatracker affiliation strings collected by the ietfdata project
// (test/fixtures/ietf/ietfdata-affiliation-normalisation-mapping.json, 402 keys; see SOURCES.md there).
// Only the keys are input. The mapping's own values are NOT the expectations: every expected
// organization, ultimate parent and country below was written by hand from what the organization is
// and who owns it (ownership as of late 2025, with the dates in registry/ietf-affiliations.yaml).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../domain/resolve/registry.js';
import { createResolver, toSourceRecord } from '../../../domain/resolve/resolve.js';

const FIXTURE = new URL('../../fixtures/ietf/ietfdata-affiliation-normalisation-mapping.json', import.meta.url);
const rawStrings = Object.keys(JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, string>);

const resolver = createResolver(loadRegistry());
const records = (raw: string, date: string | null = null) =>
  resolver.resolveSourceText(raw, date).map((s) => toSourceRecord(s));
const resolved = (raw: string) => {
  const sources = records(raw);
  return sources.length > 0 && sources.every((s) => s.organization !== null);
};

// Left out on purpose (see the header of registry/ietf-affiliations.yaml): each could be more than one
// organization.
const AMBIGUOUS = ['"Queen\'s University"', 'Motorola', 'Trinity College', '"Saint Joseph\'s College"'];

describe('coverage of the ietfdata affiliation strings', () => {
  it('reads the whole fixture: 402 raw strings', () => {
    expect(rawStrings).toHaveLength(402);
  });

  it('resolves at least 99 % of them; the unresolved ones are exactly the deliberately ambiguous ones', () => {
    const unresolved = rawStrings.filter((raw) => !resolved(raw));
    expect(unresolved.sort()).toEqual([...AMBIGUOUS].sort());
    expect((rawStrings.length - unresolved.length) / rawStrings.length).toBeGreaterThanOrEqual(0.99);
  });
});

describe('hand-checked organizations, ultimate parents and countries', () => {
  // [raw string exactly as in the fixture, organization, ultimate parent, country of the parent]
  it.each<[string, string, string, string | null]>([
    // Large companies and their spellings
    ['Apple Computer', 'Apple', 'Apple', 'US'],
    ['Google', 'Google', 'Alphabet', 'US'],
    ['Chromium', 'Chromium', 'Alphabet', 'US'],
    ['Futurewei', 'Futurewei', 'Huawei', 'CN'],
    ['Hewlett-Packard', 'HP', 'HP', 'US'],
    ['HPE', 'HPE', 'HPE', 'US'],
    // Sun Microsystems has a record of its own (its owner dated: Oracle from 2010-01-27).
    ['Sun', 'Sun Microsystems', 'Oracle', 'US'],
    ['France Telecom', 'Orange', 'Orange', 'FR'],
    ['Teliasonera', 'Telia Company', 'Telia Company', 'SE'],
    ['Blackberry', 'BlackBerry', 'BlackBerry', 'CA'],
    ['Research in Motion', 'BlackBerry', 'BlackBerry', 'CA'],
    ['IBM', 'IBM', 'IBM', 'US'],
    ['Yahoo!', 'Yahoo', 'Yahoo', 'US'],
    ['Dell Products LP', 'Dell Technologies', 'Dell Technologies', 'US'],
    // Subsidiaries and acquired companies: today's owner
    ['Nokia Bell Labs', 'Nokia Bell Labs', 'Nokia', 'FI'],
    ['Bell Laboratories', 'Nokia Bell Labs', 'Nokia', 'FI'],
    ['Alcatel-Lucent', 'Alcatel-Lucent', 'Nokia', 'FI'],
    ['Lucent', 'Lucent Technologies', 'Nokia', 'FI'],
    ['Siemens Enterprise', 'Unify', 'Mitel', 'CA'],
    ['Aruba Networks', 'Aruba Networks', 'HPE', 'US'],
    ['Polycom', 'Polycom', 'HP', 'US'],
    ['Red Hat', 'Red Hat', 'IBM', 'US'],
    ['VMWare', 'VMware', 'Broadcom', 'US'],
    ['Symantec', 'Symantec', 'Broadcom', 'US'],
    ['America Online', 'AOL', 'Yahoo', 'US'],
    ['Time Warner Cable', 'Time Warner Cable', 'Charter Communications', 'US'],
    ['Certicom', 'Certicom', 'BlackBerry', 'CA'],
    ['Metaswitch Networks', 'Metaswitch', 'Microsoft', 'US'],
    ['Skype', 'Skype', 'Microsoft', 'US'],
    ['ARM', 'Arm', 'SoftBank Group', 'JP'],
    ['Juniper', 'Juniper Networks', 'HPE', 'US'],
    ['Sprint', 'Sprint', 'Deutsche Telekom', 'DE'],
    ['Sky UK', 'Sky', 'Comcast', 'US'],
    ['PMC-SIERRA', 'PMC-Sierra', 'Microchip Technology', 'US'],
    ['Qlogic', 'QLogic', 'Marvell', 'US'],
    ['Safenet', 'SafeNet', 'Thales', 'FR'],
    ['Reuters', 'Reuters', 'Thomson Reuters', 'CA'],
    ['Roke', 'Roke Manor Research', 'Chemring', 'GB'],
    ['THUS', 'THUS', 'Vodafone', 'GB'],
    ['Worldcom', 'WorldCom', 'Verizon', 'US'],
    ['PARC', 'PARC', 'SRI International', 'US'],
    ['Tektronix', 'Tektronix', 'Fortive', 'US'],
    ['Telcordia', 'Telcordia', 'Ericsson', 'SE'],
    ['ADVA Optical', 'ADVA Optical Networking', 'Adtran', 'US'],
    ['Afilias', 'Afilias', 'Identity Digital', 'US'],
    ['Detecon', 'Detecon', 'Deutsche Telekom', 'DE'],
    ['Videotron', 'Videotron', 'Quebecor', 'CA'],
    ['"Eaton\'s Cooper Power Systems Business"', 'Cooper Power Systems', 'Eaton', 'IE'],
    // Odd spellings and typos
    ['Cantata Technolgy', 'Cantata Technology', 'Cantata Technology', 'US'],
    ['NortelNetworks', 'Nortel', 'Nortel', 'CA'],
    ['Arastra', 'Arista Networks', 'Arista Networks', 'US'],
    ['"Let\'s Encrypt"', 'Internet Security Research Group', 'Internet Security Research Group', 'US'],
    ['Cryptocom', 'Cryptocom', 'Cryptocom', 'RU'],
    ['SI6 Networks', 'SI6 Networks', 'SI6 Networks', 'AR'],
    ['Wonder Hamster', 'Wonder Hamster Internetworking', 'Wonder Hamster Internetworking', 'US'],
    // Universities and research institutes
    ['Tsinghua U', 'Tsinghua University', 'Tsinghua University', 'CN'],
    ['Helsinki University of Technology', 'Aalto University', 'Aalto University', 'FI'],
    ['Universität Bremen', 'University of Bremen', 'University of Bremen', 'DE'],
    ['TZI, University Bremen', 'University of Bremen', 'University of Bremen', 'DE'],
    ['Technical University ofMuenchen', 'Technical University of Munich', 'Technical University of Munich', 'DE'],
    ['Technical University ofDresden', 'TU Dresden', 'TU Dresden', 'DE'],
    ['Universitat Politècnica de Catalunya', 'Universitat Politècnica de Catalunya', 'Universitat Politècnica de Catalunya', 'ES'],
    ['University Karlsruhe', 'Karlsruhe Institute of Technology', 'Karlsruhe Institute of Technology', 'DE'],
    ['GET/ENST Bretagne', 'IMT Atlantique', 'Institut Mines-Télécom', 'FR'],
    ['SICS Swedish ICT AB', 'SICS', 'RISE', 'SE'],
    ['USC/ISI', 'USC Information Sciences Institute', 'University of Southern California', 'US'],
    ['UC Berkeley', 'UC Berkeley', 'University of California', 'US'],
    ['UC-Santa Barbara', 'UC Santa Barbara', 'University of California', 'US'],
    ['CAIDA', 'CAIDA', 'University of California', 'US'],
    ['ICIR/ICSI', 'ICSI', 'ICSI', 'US'],
    ['U. catholique de Louvain', 'UCLouvain', 'UCLouvain', 'BE'],
    ['The University of Auckland', 'University of Auckland', 'University of Auckland', 'NZ'],
    ['Instituto de Telecomunicacoes Aveiro', 'Instituto de Telecomunicações', 'Instituto de Telecomunicações', 'PT'],
    ['UTN/FRH', 'UTN Facultad Regional Haedo', 'UTN Facultad Regional Haedo', 'AR'],
    ['GITS, Waseda University', 'Waseda University', 'Waseda University', 'JP'],
    // Government
    ['Jet Propulsion Laboratory', 'Jet Propulsion Laboratory', 'NASA', 'US'],
    ['U.S. Naval Research Laboratory', 'U.S. Naval Research Laboratory', 'U.S. Naval Research Laboratory', 'US'],
    ['U.S. NIST', 'NIST', 'NIST', 'US'],
    ['KISA', 'KISA', 'KISA', 'KR'],
    ['Physikalisch-Technische\n      Bundesanstalt', 'PTB', 'PTB', 'DE'],
    // Standards bodies, registries, non-profits: international ones have no country
    ['World Wide Web Consortium', 'W3C', 'W3C', null],
    ['RIPE Network Coordination Centre', 'RIPE NCC', 'RIPE NCC', null],
    ['ETSI', 'ETSI', 'ETSI', null],
    ['JANET', 'Jisc', 'Jisc', 'GB'],
    ['NLnet Labs', 'NLnet Labs', 'NLnet Labs', 'NL'],
    // People in their own name
    ['Independent', 'Individual', 'Individual', null],
    ['Invited Expert', 'Individual', 'Individual', null],
  ])('%j', (raw, organization, parent, country) => {
    expect(rawStrings).toContain(raw);
    const sources = records(raw);
    expect(sources.map((s) => [s.organization, s.parent, s.country])).toEqual(sources.map(() => [organization, parent, country]));
    expect(sources.length).toBeGreaterThan(0);
  });

  it('keeps two named organizations apart: "ISAE/LAAS-CNRS"', () => {
    expect(records('ISAE/LAAS-CNRS').map((s) => [s.organization, s.parent, s.country])).toEqual([
      ['ISAE-SUPAERO', 'ISAE-SUPAERO', 'FR'],
      ['LAAS-CNRS', 'CNRS', 'FR'],
    ]);
  });

  it('reads the role in "Editor, Nortel Networks"', () => {
    expect(records('Editor, Nortel Networks').map((s) => [s.organization, s.country, s.role])).toEqual([['Nortel', 'CA', 'editor']]);
  });

  it('does not resolve the ambiguous names', () => {
    for (const raw of AMBIGUOUS) expect(records(raw).map((s) => s.organization)).toEqual([null]);
  });
});

describe('owners at the date of the document', () => {
  // [raw, date, ultimate parent that day] — acquisition dates in the notes of the registry records.
  it.each<[string, string, string]>([
    ['Lucent', '2005-06-01', 'Lucent Technologies'],
    ['Lucent', '2010-06-01', 'Alcatel-Lucent'],
    ['Lucent', '2020-06-01', 'Nokia'],
    ['Skype', '2008-06-01', 'eBay'],
    ['Skype', '2010-06-01', 'Skype'],
    ['Aruba Networks', '2015-07-01', 'HP'],
    ['America Online', '2005-06-01', 'Time Warner'],
    ['America Online', '2018-06-01', 'Verizon'],
    ['Red Hat', '2018-06-01', 'Red Hat'],
    ['Siemens Enterprise', '2007-06-01', 'Siemens'],
    ['Siemens Enterprise', '2018-06-01', 'Atos'],
    ['VMWare', '2010-06-01', 'Dell Technologies'],
    ['VMWare', '2022-06-01', 'VMware'],
    ['PARC', '2010-06-01', 'Xerox'],
    ['Bell Laboratories', '2000-06-01', 'Lucent Technologies'],
    ['Bell Laboratories', '2010-06-01', 'Alcatel-Lucent'],
    ['Bell Laboratories', '2020-06-01', 'Nokia'],
  ])('%j on %s counts for %s', (raw, date, parent) => {
    expect(records(raw, date).map((s) => s.parent)).toEqual([parent]);
  });
});
