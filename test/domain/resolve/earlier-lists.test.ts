// The forms of source cells in the lists of other groups and earlier years, one table per class of
// mistake the rules now read right. The strings are real unless a comment says otherwise: cells of the
// 3GPP work plan of 2023-01-10 (test/fixtures/3gpp/Work_plan_3gpp_230110…, rapporteur cells of items
// of every group since 1999), names of the BigBang member table (test/fixtures/3gpp/bigbang_…csv), and
// source cells quoted from public 3GPP pages of other groups: SA1#63's agenda with document allocation
// (2013), RAN3#94's (2016) and RAN3#126's (2024) tdoc lists, SA5#74's (2010), and the RAN2#33 (2002) and
// RAN4#25 (2002) reports. Expectations written by hand: [organization, ultimate parent, its country, role].
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../domain/resolve/registry.js';
import { createResolver, toSourceRecord } from '../../../domain/resolve/resolve.js';

const resolver = createResolver(loadRegistry());
const read = (raw: string, date: string) =>
  resolver.resolveSourceText(raw, date).map((s) => toSourceRecord(s)).map((s) => [s.organization, s.parent, s.country, s.role]);
type Row = (string | null)[];

describe('a name written as one word, its spaces left out', () => {
  it.each<[string, string, Row[]]>([
    ['ZTECorporation', '2015-06-15', [['ZTE', 'ZTE', 'CN', null]]],
    ['ChinaUnicom', '2022-03-10', [['China Unicom', 'China Unicom', 'CN', null]]],
    ['chinaunicom', '2022-06-03', [['China Unicom', 'China Unicom', 'CN', null]]],
    ['NTTDoCoMo', '2014-12-15', [['NTT DOCOMO', 'NTT', 'JP', null]]],
  ])('%j (%s)', (raw, date, expected) => {
    expect(read(raw, date)).toEqual(expected);
  });

  it('keeps two names a slash separates two sources, whatever an alias run together says', () => {
    // RAN1#110-bis (2022): "Huawei/HiSilicon" is Huawei and HiSilicon, as "Huawei, HiSilicon" is.
    expect(read('Huawei/HiSilicon', '2022-10-18').map((s) => s[0])).toEqual(['Huawei', 'HiSilicon']);
  });
});

describe('roles and groups a slash or a comma separates', () => {
  it.each<[string, string, Row[]]>([
    [
      'SA1 Chairman/SA1 Vice Chairmen/MCC',
      '2013-08-19',
      [['3GPP SA1', '3GPP', null, 'chair'], ['3GPP SA1', '3GPP', null, 'vice-chair'], ['ETSI MCC', 'ETSI', null, null]],
    ],
    ['RAN3 Chair, RAN3 Vice-Chairs', '2024-11-21', [['3GPP RAN3', '3GPP', null, 'chair'], ['3GPP RAN3', '3GPP', null, 'vice-chair']]],
    ['ETSI-MCC', '2024-11-21', [['ETSI MCC', 'ETSI', null, null]]],
    // An incoming liaison: the group that sent it, the company that drafted it in brackets.
    ['RAN2(Huawei)', '2024-11-21', [['3GPP RAN2', '3GPP', null, null]]],
    ['SA2(Vivo)', '2024-11-21', [['3GPP SA2', '3GPP', null, null]]],
    ['3GPP RAN4, Huawei', '2016-11-14', [['3GPP RAN4', '3GPP', null, null], ['Huawei', 'Huawei', 'CN', null]]],
    ['WG Vice Chair', '2010-11-25', [['3GPP', '3GPP', null, 'vice-chair']]],
  ])('%j (%s)', (raw, date, expected) => {
    expect(read(raw, date)).toEqual(expected);
  });
});

describe('groups of other standards bodies, then and now', () => {
  it.each<[string, string, string]>([
    // ETSI's GSM groups before 3GPP, and its algorithm experts.
    ['SMG2', 'ETSI SMG2', 'ETSI'],
    ['ETSI TC SMG', 'ETSI SMG', 'ETSI'],
    ['SAGE', 'ETSI SAGE', 'ETSI'],
    // The American committee T1, an Organizational Partner until ATIS took its work over.
    ['T1P1', 'Committee T1', 'ATIS'],
    // CWTS, CCSA's predecessor, and its TD-SCDMA group.
    ['CWTS', 'CCSA', 'CCSA'],
    ['CWTS TD-SCDMA', 'CWTS TD-SCDMA', 'CCSA'],
    ['3GPP2 TSG-X', '3GPP2 TSG-X', '3GPP2'],
    ['BBF', 'Broadband Forum', 'Broadband Forum'],
  ])('%j is %s, of %s', (raw, organization, parent) => {
    expect(read(raw, '2001-06-01').map((s) => s.slice(0, 2))).toEqual([[organization, parent]]);
  });

  // Bodies that sent liaison statements to 3GPP's groups in those years, under their names of then (not
  // quoted from a captured list).
  it.each<[string, string, string]>([
    ['OMA DM', 'OMA', 'OMA'],
    ['TIA TR-45', 'TIA TR-45', 'TIA'],
    ['TISPAN', 'ETSI TISPAN', 'ETSI'],
    ['Femto Forum', 'Small Cell Forum', 'Small Cell Forum'],
    ['DSL Forum', 'Broadband Forum', 'Broadband Forum'],
    ['WFA', 'Wi-Fi Alliance', 'Wi-Fi Alliance'],
    ['MPEG', 'ISO/IEC JTC 1', 'ISO/IEC JTC 1'],
  ])('%j is %s, of %s', (raw, organization, parent) => {
    expect(read(raw, '2008-06-02').map((s) => s.slice(0, 2))).toEqual([[organization, parent]]);
  });

  it('leaves a bare "T1" alone: TSG T\'s first working group, or the American committee', () => {
    expect(read('T1', '2001-06-01').map((s) => s[0])).toEqual([null]);
  });
});

describe('names as the early reports and members tables write them', () => {
  it.each<[string, string, Row[]]>([
    ['Samsung Electronics.co.ltd', '2002-05-13', [['Samsung', 'Samsung', 'KR', null]]],
    ['3G Hutchison', '2002-11-12', [['Three UK', 'CK Hutchison', 'HK', null]]],
    ['GBT', '2000-09-11', [['Golden Bridge Technology', 'Golden Bridge Technology', 'US', null]]],
    ['Mikom, Allgon', '2000-07-10', [['Mikom', 'Mikom', 'DE', null], ['Allgon', 'Allgon', 'SE', null]]],
    ['DTI, BIS', '2000-01-03', [['DTI', 'DTI', 'GB', null], ['BIS', 'BIS', 'GB', null]]],
    ['Reg TP', '2002-12-09', [['BNetzA', 'BNetzA', 'DE', null]]],
    ['PIDS, Alcatel-Lucent', '2012-09-17', [['PIDS', 'PIDS', 'NL', null], ['Alcatel-Lucent', 'Alcatel-Lucent', 'FR', null]]],
    ['Microelectrónica Española', '2002-03-20', [['Microelectrónica Española', 'Microelectrónica Española', 'ES', null]]],
    // A city with the word that says what it is, before the company's name (BigBang).
    ['Shenzhen city Tencent computer system Co. Ltd.', '2021-11-30', [['Tencent', 'Tencent', 'CN', null]]],
    // A company and the group that owns it (BigBang).
    ['Aeroflex Ltd a VIAVI Solutions Company', '2021-11-30', [['Aeroflex', 'Aeroflex', 'US', null]]],
  ])('%j (%s)', (raw, date, expected) => {
    expect(read(raw, date)).toEqual(expected);
  });
});

describe("a company's country code after its name", () => {
  // The form "Nokia (FI)" of the lists, written without brackets (not quoted from a captured list).
  it.each<[string, Row[]]>([
    ['Nokia FI', [['Nokia', 'Nokia', 'FI', null]]],
    ['Huawei-CN', [['Huawei', 'Huawei', 'CN', null]]],
    ['Telefonica ES', [['Telefónica', 'Telefónica', 'ES', null]]],
    ['BNetzA DE', [['BNetzA', 'BNetzA', 'DE', null]]],
  ])('%j', (raw, expected) => {
    expect(read(raw, '2008-06-02')).toEqual(expected);
  });

  it("never reads another country's public body from its code: Switzerland's OFCOM is not the British regulator", () => {
    expect(read('Ofcom CH', '2008-06-02').map((s) => s[0])).toEqual([null]);
  });
});

describe('roles that name no one group', () => {
  // Role phrases in the forms of the real cells ("WI rapporteur (Huawei)", "Ad-Hoc Chair (NTT DOCOMO,
  // INC.)" in RAN1's lists), written here without the company: then the role is 3GPP's, or its group's.
  it.each<[string, Row[]]>([
    ['WI rapporteur', [['3GPP', '3GPP', null, 'rapporteur']]],
    ['Session chair', [['3GPP', '3GPP', null, 'chair']]],
    ['TS 36.331 Editor', [['3GPP', '3GPP', null, 'editor']]],
    ['RAN1 Ad-hoc Chair', [['3GPP RAN1', '3GPP', null, 'chair']]],
    // A real cell (RAN#102, 2023): the ad hoc here is part of the group's name.
    ['3GPP ITU-R Ad hoc Contact', [['3GPP ITU-R Ad hoc', '3GPP', null, null]]],
  ])('%j', (raw, expected) => {
    expect(read(raw, '2008-06-02')).toEqual(expected);
  });

  it('reveals no RAN1 chair seat in an ad hoc\'s chair', () => {
    expect(resolver.resolveSourceText('RAN1 Ad-hoc Chair', '2008-06-02').map((s) => s.seat)).toEqual([null]);
  });
});

describe('who submitted a document for someone else', () => {
  // No cell of this form was found in the captured lists; the strings are real names in the form the
  // lists of other groups are known to use. The submitter is the source, as when a cell names it alone.
  it.each<[string, Row[]]>([
    ['Nokia on behalf of Nokia Siemens Networks', [['Nokia', 'Nokia', 'FI', null]]],
    ['Ericsson (on behalf of TSG RAN WG2)', [['Ericsson', 'Ericsson', 'SE', null]]],
    ['Ericsson, on behalf of the GSMA', [['Ericsson', 'Ericsson', 'SE', null]]],
    ['On behalf of the GSMA', [['GSMA', 'GSMA', null, null]]],
  ])('%j', (raw, expected) => {
    expect(read(raw, '2008-06-02')).toEqual(expected);
  });
});
