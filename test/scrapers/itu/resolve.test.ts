// ITU source names resolved: member states in ITU's naming, sector members, ITU's own groups and
// roles. Expectations checked by hand; the strings are those of the ITU excerpts and listings
// (shared fixtures itu/, README "itu/").
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memberStatesYaml } from '../../../scrapers/itu/member-states.js';
import { loadRegistry, REGISTRY_DIR } from '../../../domain/resolve/registry.js';
import { createResolver, toSourceRecord } from '../../../domain/resolve/resolve.js';

const resolver = createResolver(loadRegistry());
const one = (raw: string) => resolver.resolveSourceText(raw).map((s) => toSourceRecord(s));

describe('ITU source names', () => {
  it.each([
    ["China (People's Republic of)", 'China (government)', 'CN'],
    ['Korea (Rep. of)', 'South Korea (government)', 'KR'],
    ['United States', 'United States (government)', 'US'],
    ['United States of America', 'United States (government)', 'US'],
    ['Japan', 'Japan (government)', 'JP'],
    ['Russian Federation', 'Russia (government)', 'RU'],
    ['Iran (Islamic Republic of)', 'Iran (government)', 'IR'],
    ['Viet Nam', 'Vietnam (government)', 'VN'],
    ["Côte d'Ivoire", "Côte d'Ivoire (government)", 'CI'],
    // ITU's general pattern "Name (form of state)", not listed one by one.
    ['Kenya (Republic of)', 'Kenya (government)', 'KE'],
  ])('%s is a member state: %s, %s', (raw, organization, country) => {
    expect(one(raw)).toEqual([{ raw, organization, parent: organization, country, kind: 'government', role: null }]);
  });

  it.each([
    ['Huawei Technologies Co., Ltd.', 'Huawei', 'CN'],
    ['China Mobile Communications Corporation', 'China Mobile', 'CN'],
    ['ZTE Corporation', 'ZTE', 'CN'],
    ['ECI Telecom Ltd.', 'ECI Telecom', 'IL'],
    ['TeleDanmark', 'TDC', 'DK'],
  ])('%s is a sector member: %s (%s)', (raw, organization, country) => {
    expect(one(raw)).toEqual([{ raw, organization, parent: organization, country, kind: 'company', role: null }]);
  });

  it.each([
    ['TSB', 'ITU TSB', null],
    ['Chairman, WP2/TSAG', 'WP2/TSAG', 'chair'],
    ['Chairman, WP 5D', 'WP 5D', 'chair'],
    ['ITU-T SG13', 'ITU-T SG13', null],
    ['Rapporteur Q5/20', 'Q5/20', 'rapporteur'],
    ['TSAG Management Team', 'TSAG Management Team', null],
  ])('%s is ITU itself: %s, role %s', (raw, organization, role) => {
    expect(one(raw)).toEqual([{ raw, organization, parent: 'ITU', country: null, kind: 'sdo', role }]);
  });

  it('tells the member state and the sector members of a joint contribution apart', () => {
    const sources = one("China (People's Republic of)\nHuawei Technologies Co., Ltd.\nChina Mobile Communications Corporation");
    expect(sources.map((s) => [s.organization, s.kind, s.country])).toEqual([
      ['China (government)', 'government', 'CN'],
      ['Huawei', 'company', 'CN'],
      ['China Mobile', 'company', 'CN'],
    ]);
  });

  it('does not count a person shown with a country for that state', () => {
    // itut_2001-2004_sg07_structure.txt writes officers as "H. Bertine (USA)".
    expect(one('H. Bertine (USA)')).toEqual([{ raw: 'H. Bertine (USA)', organization: null, parent: null, country: null, kind: 'unknown', role: null }]);
    // itut_T22-TSAG-221212-TD-GEN-0011-R1: "Ms Gaëlle Martin-Cocher (InterDigital, Canada)".
    expect(one('Gaëlle Martin-Cocher (InterDigital, Canada)')[0]).toMatchObject({ organization: 'InterDigital', kind: 'company', country: 'US' });
  });

  it('leaves a country name inside a company name alone', () => {
    expect(one('Nokia Japan')[0]).toMatchObject({ organization: 'Nokia', kind: 'company' });
    expect(one('China Telecom')[0]).toMatchObject({ organization: 'China Telecom', kind: 'company' });
  });
});

describe('the generated member-state registry', () => {
  it('is what scrapers/itu/member-states.ts generates (run it after changing the country data)', () => {
    const file = fs.readFileSync(path.join(REGISTRY_DIR, 'member-states.yaml'), 'utf8');
    expect(file).toBe(memberStatesYaml());
  });

  it('has one government for every country of the ISO list', () => {
    const governments = [...resolver.registry.organizations.values()].filter((o) => o.kind === 'government' && o.slug.endsWith('-government'));
    // i18n-iso-countries 7.x lists 250 codes (the 249 of ISO 3166-1 and Kosovo, XK).
    expect(governments).toHaveLength(250);
    expect(new Set(governments.map((g) => g.country)).size).toBe(250);
  });
});
