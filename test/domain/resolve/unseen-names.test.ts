// Attribution on real names the registry was not built from, as bench/attribution.ts measures it: the
// companies written in the rapporteur cells of the 3GPP work plan of 2023-01-10 (items of every group
// since 1999, each resolved at its item's start), the organizations of a researcher's table of RAN chairs
// 1999–2023 (each at its term's start) and the member names of the BigBang table (Nov 2021). The names
// left unresolved are listed and each was checked by hand; a new registry record may only shorten the
// list, a broken rule lengthens it.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../domain/resolve/registry.js';
import { createResolver } from '../../../domain/resolve/resolve.js';
import { measureBigBang, measureChairsTable, measureWorkPlan } from '../../../bench/attribution-measures.js';

const FIXTURES = new URL('../../fixtures/3gpp/', import.meta.url);
const resolver = createResolver(loadRegistry());
const fixture = (name: string) => fs.readFileSync(new URL(name, FIXTURES));

describe('the rapporteur companies of the 2023 work plan, every group since 1999', () => {
  const plan = measureWorkPlan(fixture('Work_plan_3gpp_230110.emails-redacted.xlsm'), resolver);

  it('resolves all but 10 of the 7,154 company names its cells write', () => {
    expect(plan.companies.mentions).toBe(7154);
    expect(plan.companies.mentions - plan.companies.resolved).toBe(10);
  });

  it('leaves unresolved only names no rule or record can tell', () => {
    expect(Object.fromEntries(plan.companies.misses)).toEqual({
      // A SIM toolkit firm in T3's items of 2000-2001 whose home could not be checked.
      'Aspects Software': 4,
      // Given names the cell's form leaves in the company's place ("CHEN SHAN, Huawei" reads right;
      // "Chen, Shan" and "Huiping Shan, CATT" leave "Shan" alone).
      Shan: 2,
      // A person's name run together ("Liang LIU, AngeloCentonza").
      AngeloCentonza: 1,
      // LG Electronics or LG Uplus (2020).
      LG: 1,
      // Either of Motorola's successors (2018).
      Motorola: 1,
      // An acronym in a GERAN item of 2005 that could be several organizations.
      UTC: 1,
    });
  });

  it('resolves at least 99 % in every lead group and every band of start years but CT6 (Aspects Software, 4 of its 97)', () => {
    const below = [...plan.byGroup, ...plan.byYear].filter(([, t]) => t.mentions >= 20 && t.resolved / t.mentions < 0.99).map(([key]) => key);
    expect(below).toEqual(['CT6']);
    expect(plan.byGroup.get('CT6')).toMatchObject({ mentions: 97, resolved: 93 });
  });
});

describe("the researcher's table of RAN chairs, 1999-2023", () => {
  const { terms, organizations } = measureChairsTable(fixture('researcher_RAN_chairs_list_2023-07.xlsx'), resolver);

  it('resolves every organization, at the start of its term', () => {
    expect(organizations).toMatchObject({ mentions: 74, resolved: 74 });
  });

  it.each<[string, string, string, string]>([
    // [group, term start, owner that day, its country]
    ['RAN3', '2003-02-19', 'Siemens', 'DE'],
    ['RAN4', '2019-11-23', 'Huawei', 'CN'],
    ['RAN5', '2013-08-12', 'SoftBank Group', 'JP'],
    ['RAN5', '2015-08-28', 'Lenovo', 'CN'],
    ['RAN1', '1999-02-26', 'Nokia', 'FI'],
  ])('%s chair elected %s counts for %s (%s)', (group, from, parent, country) => {
    const term = terms.find((t) => t.group === group && t.from === from);
    expect(term?.resolved.map((r) => [r.parent, r.country])).toEqual([[parent, country]]);
  });
});

describe('the member names of the BigBang table (Nov 2021)', () => {
  it('resolves at least 950 of its 1,037 names (cells split at commas)', () => {
    const { names } = measureBigBang(fixture('bigbang_organization_categories.csv').toString('utf8'), resolver);
    expect(names.mentions).toBe(1037);
    expect(names.resolved).toBeGreaterThanOrEqual(950);
  });
});
