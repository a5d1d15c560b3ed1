// Resolution of real source strings, taken verbatim from the RAN plenary TDoc lists (2020–2025) and the
// SA2 agenda pages. Expectations written by hand: who the organization is, its ultimate parent, the
// parent's home country, the kind, and the role the string names.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../domain/resolve/registry.js';
import { createResolver, sourceRecordOn, toSourceRecord } from '../../../domain/resolve/resolve.js';

const resolver = createResolver(loadRegistry());
const records = (raw: string) => resolver.resolveSourceText(raw).map((s) => toSourceRecord(s));
const short = (raw: string) => records(raw).map((s) => [s.organization, s.parent, s.country, s.kind, s.role]);

describe('splitting source cells', () => {
  it.each<[string, (string | null)[][]]>([
    ['Huawei, HiSilicon', [['Huawei', 'Huawei', 'CN', 'company', null], ['HiSilicon', 'Huawei', 'CN', 'company', null]]],
    ['NTT DOCOMO, INC.', [['NTT DOCOMO', 'NTT', 'JP', 'company', null]]],
    ['InterDigital, Inc.', [['InterDigital', 'InterDigital', 'US', 'company', null]]],
    ['China Telecom, \nChina Unicom', [['China Telecom', 'China Telecom', 'CN', 'company', null], ['China Unicom', 'China Unicom', 'CN', 'company', null]]],
    ['MediaTek Inc. et al.', [['MediaTek', 'MediaTek', 'TW', 'company', null]]],
    ['Hughes/EchoStar', [['Hughes Network Systems', 'EchoStar', 'US', 'company', null]]],
    ['Nokia, Nokia Shanghai Bell', [['Nokia', 'Nokia', 'FI', 'company', null], ['Nokia Shanghai Bell', 'Nokia', 'FI', 'company', null]]],
    ['ZTE, Sanechips', [['ZTE', 'ZTE', 'CN', 'company', null], ['Sanechips', 'ZTE', 'CN', 'company', null]]],
    ['IIT, Kharagpur', [['IIT Kharagpur', 'IIT Kharagpur', 'IN', 'research', null]]],
    // The comma is missing in the published cell.
    ['T-Mobile USA Inc. Ericsson, Nokia', [['T-Mobile USA', 'Deutsche Telekom', 'DE', 'company', null], ['Ericsson', 'Ericsson', 'SE', 'company', null], ['Nokia', 'Nokia', 'FI', 'company', null]]],
    ['[China Mobile], Huawei, HiSilicon', [['China Mobile', 'China Mobile', 'CN', 'company', null], ['Huawei', 'Huawei', 'CN', 'company', null], ['HiSilicon', 'Huawei', 'CN', 'company', null]]],
  ])('%j', (raw, expected) => {
    expect(short(raw)).toEqual(expected);
  });

  it('gives each of n sources 1/n', () => {
    const shares = resolver.resolveSourceText('Intel Corporation, CATT, Ericsson').map((s) => s.share);
    expect(shares).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});

describe('roles, seats and standards-body sources', () => {
  it('reads a seat and its holder: "RAN4 Chair (Huawei)"', () => {
    expect(records('RAN4 Chair (Huawei)')).toEqual([
      { raw: 'RAN4 Chair (Huawei)', organization: 'Huawei', parent: 'Huawei', country: 'CN', kind: 'company', role: 'chair' },
    ]);
    expect(resolver.resolveSourceText('RAN4 Chair (Huawei)')[0]!.seat).toEqual({ group: 'RAN4', role: 'chair' });
  });

  it.each<[string, (string | null)[][], ({ group: string; role: string } | null)[]]>([
    ['RAN vice-chair (AT&T)', [['AT&T', 'AT&T', 'US', 'company', 'vice-chair']], [{ group: 'RAN', role: 'vice-chair' }]],
    ['RAN1 VC (CMCC)', [['China Mobile', 'China Mobile', 'CN', 'company', 'vice-chair']], [{ group: 'RAN1', role: 'vice-chair' }]],
    ['Huawei (moderator, RAN1 VC)', [['Huawei', 'Huawei', 'CN', 'company', 'moderator']], [{ group: 'RAN1', role: 'vice-chair' }]],
    ['Rapporteur (MediaTek Inc.)', [['MediaTek', 'MediaTek', 'TW', 'company', 'rapporteur']], [null]],
    ['Nokia (Rapporteur)', [['Nokia', 'Nokia', 'FI', 'company', 'rapporteur']], [null]],
    ['RAN5 chair (Motorola Mobility)', [['Motorola Mobility', 'Lenovo', 'CN', 'company', 'chair']], [{ group: 'RAN5', role: 'chair' }]],
    [
      'RAN4 Chair (Huawei, Apple)',
      [['Huawei', 'Huawei', 'CN', 'company', 'chair'], ['Apple', 'Apple', 'US', 'company', 'chair']],
      [{ group: 'RAN4', role: 'chair' }, { group: 'RAN4', role: 'chair' }],
    ],
    ['MediaTek Inc. (Editor)', [['MediaTek', 'MediaTek', 'TW', 'company', 'editor']], [null]],
    ['Thales (noderator)', [['Thales', 'Thales', 'FR', 'company', 'moderator']], [null]],
    ['RAN ITU-R AH convener (Telecom Italia)', [['Telecom Italia', 'Telecom Italia', 'IT', 'company', 'convenor']], [null]],
    ['KDDI Corporation (TTC)', [['KDDI', 'KDDI', 'JP', 'company', null]], [null]],
  ])('%j', (raw, expected, seats) => {
    expect(short(raw)).toEqual(expected);
    expect(resolver.resolveSourceText(raw).map((s) => s.seat)).toEqual(seats);
  });

  it.each<[string, string, string]>([
    ['RAN5', '3GPP RAN5', '3GPP'],
    ['SA WG2 Chairman', '3GPP SA2', '3GPP'],
    ['ETSI MCC', 'ETSI MCC', 'ETSI'],
    ['ETSI MCC TF160 Leader', 'ETSI MCC', 'ETSI'],
    ['ITU-R WP5D', 'ITU-R WP5D', 'ITU'],
    ['ITU-T SG13', 'ITU-T SG13', 'ITU'],
    ['ETSI TC ITS', 'ETSI TC ITS', 'ETSI'],
    ['CT WG4 (C4-241547)', '3GPP CT4', '3GPP'],
    ['SA WG3-LI (S3i240502)', '3GPP SA3', '3GPP'],
    ['ETSI NTECH (NTECH(18)000006)', 'ETSI NTECH', 'ETSI'], // SA2#128, 2018: the group, not its document number
  ])('%j is the standards-body group %s, without a country', (raw, organization, parent) => {
    expect(records(raw)).toEqual([expect.objectContaining({ organization, parent, country: null, kind: 'sdo' })]);
  });

  it('names the person in "Younsun Kim, RAN1 Chair" and attributes it to the group', () => {
    const [source, ...rest] = resolver.resolveSourceText('Younsun Kim, RAN1 Chair');
    expect(rest).toEqual([]);
    expect(source).toMatchObject({ person: 'Younsun Kim', role: 'chair', organization: { name: '3GPP RAN1' } });
  });
});

describe('no loose matching', () => {
  it('keeps Intelsat apart from Intel and Sanechips apart from nothing', () => {
    expect(short('Intelsat')).toEqual([['Intelsat', 'SES', 'LU', 'company', null]]);
    expect(short('Sanechips')).toEqual([['Sanechips', 'ZTE', 'CN', 'company', null]]);
  });

  it('resolves country and legal qualifiers to the group, and typos seen in real data', () => {
    expect(short('QUALCOMM Europe Inc. - Italy')[0]!.slice(1, 3)).toEqual(['Qualcomm', 'US']);
    expect(short('LG Electronics Polska')[0]!.slice(1, 3)).toEqual(['LG Electronics', 'KR']);
    expect(short('China Telcom')[0]!.slice(0, 3)).toEqual(['China Telecom', 'China Telecom', 'CN']);
    expect(short('Qualcomm Incorprorated')[0]!.slice(1, 3)).toEqual(['Qualcomm', 'US']);
  });

  it('leaves an unknown name unresolved, with its raw text', () => {
    expect(records('Fainity Innovation')).toEqual([{ raw: 'Fainity Innovation', organization: null, parent: null, country: null, kind: 'unknown', role: null }]);
  });
});

describe('beyond companies', () => {
  // The kinds the issue names, with real strings: people in their own name, a ministry, a regulator, a
  // university, and names seen in the RAN lists of 2023–2025 (RP-241536 CSCN, RP-251270 ICS).
  it.each<[string, (string | null)[]]>([
    ['self', ['Individual', 'Individual', null, 'individual', null]],
    ['Individual', ['Individual', 'Individual', null, 'individual', null]],
    ['Consultant', ['Individual', 'Individual', null, 'individual', null]],
    ['MIIT', ['MIIT', 'MIIT', 'CN', 'government', null]],
    ['Federal Communications Commission', ['FCC', 'FCC', 'US', 'government', null]],
    ['Tsinghua University', ['Tsinghua University', 'Tsinghua University', 'CN', 'research', null]],
    ['CSCN', ['China SatNet', 'China SatNet', 'CN', 'company', null]],
    ['ICS', ['University of Surrey ICS', 'University of Surrey', 'GB', 'research', null]],
    ['SyncTechno Inc.', ['SyncTechno', 'SyncTechno', 'JP', 'company', null]],
    ['vivo (RAN Vice-Chair)', ['vivo', 'vivo', 'CN', 'company', 'vice-chair']],
    ['Ericsson (moderator)', ['Ericsson', 'Ericsson', 'SE', 'company', 'moderator']],
  ])('%j', (raw, expected) => {
    expect(short(raw)).toEqual([expected]);
  });

  it('does not read Intelsat as Intel, nor lose Sanechips', () => {
    expect(short('Intelsat')[0]!.slice(0, 3)).toEqual(['Intelsat', 'SES', 'LU']);
    expect(short('Sanechips')[0]!.slice(0, 3)).toEqual(['Sanechips', 'ZTE', 'CN']);
  });
});

describe('owners at a date and the country basis', () => {
  const at = (raw: string, date: string | null) => resolver.resolveSourceText(raw, date).map((s) => s.parent?.name);

  it('attributes Motorola Mobility to Google before 30 October 2014 and to Lenovo from then', () => {
    expect(at('Motorola Mobility', '2013-06-03')).toEqual(['Alphabet']);
    expect(at('Motorola Mobility', '2014-11-17')).toEqual(['Lenovo']);
    expect(at('Inmarsat, Viasat', '2022-05-09')).toEqual(['Inmarsat', 'Viasat']);
    expect(at('Inmarsat, Viasat', '2024-05-20')).toEqual(['Viasat', 'Viasat']);
  });

  it('counts Nokia Shanghai Bell for Finland by parent and for China by entity', () => {
    const [source] = resolver.resolveSourceText('Nokia Shanghai Bell');
    expect(toSourceRecord(source!).country).toBe('FI');
    expect(sourceRecordOn('entity')(source!).country).toBe('CN');
    // Apple's Shanghai trading company: China by entity, the US by parent.
    const [apple] = resolver.resolveSourceText('Apple Computer Trading (Shanghai)');
    expect([toSourceRecord(apple!).country, sourceRecordOn('entity')(apple!).country]).toEqual(['US', 'CN']);
    // An entity with no country of its own on record counts for its parent's on either basis.
    const [hisilicon] = resolver.resolveSourceText('HiSilicon');
    expect(sourceRecordOn('entity')(hisilicon!).country).toBe('CN');
  });
});

