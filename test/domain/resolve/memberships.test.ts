// The registry's memberships: made from the real BigBang table of 3GPP members (Nov 2021) by the
// resolver, checked on load, and read as the partner a source takes part through. Counts of the
// table were tallied by hand over its "Membership Organization" column (ETSI 461, CCSA 141, ATIS 69,
// TSDSI 57, ARIB 29, TTA 29, TTC 12; OTHER 26; empty 208); each row below was read in the table.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_MEMBERSHIP, partnerClass, partnerOfMemberships, partnersIn } from '../../../domain/partners.js';
import { sourcePartner } from '../../../domain/resolve/memberships.js';
import { REGISTRY_DIR, RegistryError, buildRegistry, loadRegistry, readRegistryFiles } from '../../../domain/resolve/registry.js';
import { createResolver } from '../../../domain/resolve/resolve.js';
import { MEMBERSHIPS_FILE, membershipTable, membershipsYaml, readMemberRows } from '../../../scrapers/3gpp/memberships.js';

const registry = loadRegistry();
const resolver = createResolver(registry);
const table = membershipTable();
const memberOf = (slug: string) => (registry.memberships.byOrganization.get(slug) ?? []).map((m) => m.partner);

describe('the memberships made from the BigBang table', () => {
  it('reads every row, and every row with a partner is matched or listed as not matched', () => {
    expect(readMemberRows()).toHaveLength(1032);
    expect(table).toMatchObject({ rows: 1032, withPartner: 798, other: 26, empty: 208 });
    expect(table.matched + table.unmatched.length).toBe(798);
    // With the registry as it is (a name the registry learns moves one from the second to the first).
    expect(table.matched).toBe(759);
    expect(table.unmatched).toHaveLength(39);
  });

  it('gives each legal entity to the organization its name resolves to, read as a source cell is', () => {
    const has = (organization: string, partner: string, name: string) =>
      expect(table.members.find((m) => m.organization === organization && m.partner === partner)?.names).toContain(name);
    has('qualcomm', 'ATIS', 'Qualcomm Incorporated');
    has('hisilicon', 'CCSA', 'HiSilicon Technologies Co.Ltd');
    has('nokia-shanghai-bell', 'CCSA', 'Nokia Shanghai Bell Co. Ltd');
    has('mediatek', 'ETSI', 'MediaTek Incorporated');
    // The acronym in brackets is read as a source cell's is: "China Mobile Communications Corporation (CMCC)".
    has('china-mobile', 'CCSA', 'China Mobile Communications Corporation (CMCC)');
    has('etri', 'TTA', 'Electronics & Telecommunications Research Institute (ETRI)');
  });

  it('lists what names no organization, or several, with the reason', () => {
    expect(table.unmatched).toContainEqual({ name: 'Center for Internet Security', nationality: 'United States', membership: 'ETSI', why: 'not resolved' });
    expect(table.unmatched).toContainEqual({
      name: 'Institute for Communication Systems - University of Surrey',
      nationality: 'United Kingdom',
      membership: 'ETSI',
      why: 'names several organizations (university-of-surrey-ics, university-of-surrey)',
    });
  });

  it('is the registry file as the generator writes it (run `npx tsx scrapers/3gpp/memberships.ts` after a registry change)', () => {
    expect(fs.readFileSync(path.join(REGISTRY_DIR, MEMBERSHIPS_FILE), 'utf8')).toBe(membershipsYaml(table));
  });
});

describe('the memberships in the registry', () => {
  it('keeps every partner an organization joined through, and the source they come from', () => {
    // Huawei's entities in the table: HUAWEI Technologies Japan (ARIB), HuaWei Technologies Co. and Huawei
    // Device (CCSA), Huawei Technologies Co. Ltd. and three European ones (ETSI), India (TSDSI), Korea (TTA), Japan (TTC).
    expect(memberOf('huawei')).toEqual(['ARIB', 'CCSA', 'ETSI', 'TSDSI', 'TTA', 'TTC']);
    expect(memberOf('samsung')).toEqual(['ETSI', 'TTA']);
    // LG's European entities are records of their own: LG Electronics itself is TTA's.
    expect(memberOf('lg-electronics')).toEqual(['TTA']);
    expect(registry.memberships.sources).toEqual([expect.objectContaining({ file: MEMBERSHIPS_FILE, asOf: '2021-11' })]);
  });

  it('refuses a membership of an organization the registry does not have, naming the file', () => {
    const files = [...readRegistryFiles(), { name: 'more-memberships.yaml', content: { memberships: { source: { title: 't', url: 'u', asOf: '2024' }, members: [{ organization: 'no-such-company', partner: 'ETSI', names: ['No Such Company'] }] } } }];
    expect(() => buildRegistry(files)).toThrow(RegistryError);
    expect(() => buildRegistry(files)).toThrow(/more-memberships\.yaml: membership of "no-such-company", which is not an organization of the registry/);
  });

  it('refuses a partner that is not one of the seven', () => {
    const files = [...readRegistryFiles(), { name: 'more-memberships.yaml', content: { memberships: { source: { title: 't', url: 'u', asOf: '2024' }, members: [{ organization: 'huawei', partner: 'IEEE', names: ['Huawei'] }] } } }];
    expect(() => buildRegistry(files)).toThrow(/more-memberships\.yaml: memberships\.members\.0\.partner/);
  });
});

describe('the partner a source takes part through', () => {
  const partners = (cell: string) => resolver.resolveSourceText(cell, '2024-06-01').map((s) => sourcePartner(registry, s));

  it('is its organization\'s membership: one, several joined by +, none on record, or nothing when unresolved', () => {
    expect(partners('Huawei, HiSilicon')).toEqual(['ARIB+CCSA+ETSI+TSDSI+TTA+TTC', 'CCSA']);
    expect(partners('Nokia Shanghai Bell')).toEqual(['CCSA']);
    expect(partners('LG Electronics Inc.')).toEqual(['TTA']);
    expect(partners('RAN4')).toEqual([NO_MEMBERSHIP]); // a 3GPP group joins through no one
    expect(partners('Fainity Innovation')).toEqual([null]); // unresolved (RP-250898)
  });

  it('reads back as the partners it stands for', () => {
    expect(partnerOfMemberships(['TTA', 'ETSI', 'TTA'])).toBe('ETSI+TTA');
    expect(partnersIn('ETSI+TTA')).toEqual(['ETSI', 'TTA']);
    expect(partnersIn(NO_MEMBERSHIP)).toEqual([]);
    expect(['CCSA', 'CCSA+ETSI', 'none', 'unresolved'].map(partnerClass)).toEqual(['one', 'several', 'none', 'unresolved']);
  });
});
