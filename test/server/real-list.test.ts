// Reports on a real list. Expected figures were counted in the file independently (rows whose Source
// cell names Huawei, HiSilicon or Futurewei, and their TDoc Status), not by this code.
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../scrapers/pipeline/import.js';
import { companyReport } from '../../server/reports/company.js';
import { countryReport } from '../../server/reports/country.js';
import { fixture, testApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(() => {
  app = testApp();
  importFile(app, fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'));
});

describe('when the RAN#104 list is imported', () => {
  it('Huawei (with HiSilicon and Futurewei) has 58 contributions, 22 of them approved or endorsed', () => {
    const report = companyReport(app.db, app.resolver, 'huawei', {});
    expect(report.totals.contributions).toBe(58);
    expect(report.totals.allContributions).toBe(830);
    // approved 21 + endorsed 1; noted 14; not treated 5; withdrawn 1 (RP-241187, Futurewei); revised 12 + merged 4.
    expect(report.outcomes).toMatchObject({ accepted: 22, noted: 14, notHandled: 5, withdrawn: 1, superseded: 16, pending: 0 });
    expect(report.outcomes.acceptanceRate).toBeCloseTo(22 / 41, 10);
    // RP-241147 names "Huawei Tech.(UK) Co.. Ltd", Huawei's UK company.
    expect(report.entities.map((e) => [e.name, e.country])).toEqual([
      ['Huawei', 'CN'],
      ['HiSilicon', 'CN'],
      ['Futurewei', 'US'],
      ['Huawei Technologies (UK)', 'GB'],
    ]);
  });

  it('Huawei leads the Chinese organizations, and RAN4 chair (Huawei) is a seat', () => {
    const report = countryReport(app.db, 'CN', {});
    expect(report.organizations[0]).toMatchObject({ name: 'Huawei', contributions: 58 });
    expect(report.seats).toContainEqual(expect.objectContaining({ group: 'RAN4', role: 'chair', organization: 'Huawei', country: 'CN' }));
  });
});
