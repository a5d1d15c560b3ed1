// The report functions on a small database whose figures are worked out by hand:
//   RP-240001 Huawei, HiSilicon                        approved    RAN#104
//   RP-240002 Huawei, Ericsson                         noted       RAN#104
//   RP-240003 ZTE, Sanechips, Nokia, Nokia Shanghai Bell withdrawn RAN#104
//   RP-240004 RAN1 Chair (Samsung)                     agreed      RAN#104
//   RP-240005 CMCC                                     revised     RAN#104
//   RP-240007 Fainity Innovation (not in the registry) noted       RAN#104
//   RP-240006 Motorola Mobility (→ Lenovo, CN)         not treated RAN#106
import { beforeAll, describe, expect, it } from 'vitest';
import { companyReport } from '../../server/reports/company.js';
import { NotFoundError, countryReport } from '../../server/reports/country.js';
import { leadershipReport } from '../../server/reports/leadership.js';
import { overviewReport, unresolvedReport } from '../../server/reports/overview.js';
import { seededApp } from '../support/seeded.js';
import type { TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(() => {
  app = seededApp();
});

describe('country report for China', () => {
  it('counts full and fractional contributions, with the share of all', () => {
    const report = countryReport(app.db, 'cn', {});
    // Full: RP-240001, 02, 03, 05, 06. Fractional: 1 + 1/2 + 2/4 + 1 + 1 = 4.
    expect(report.totals).toEqual({ contributions: 5, fractional: 4, allContributions: 7, share: 4 / 7 });
    // approved 1 (01), noted 1 (02), withdrawn 1 (03), revised 1 (05), not treated 1 (06): 1 / (1 + 1 + 1).
    expect(report.outcomes).toEqual({ accepted: 1, noted: 1, withdrawn: 1, superseded: 1, notHandled: 1, pending: 0, acceptanceRate: 1 / 3 });
  });

  it('ranks the Chinese parents', () => {
    const rows = countryReport(app.db, 'CN', {}).organizations.map((o) => [o.name, o.contributions, o.fractional, o.acceptanceRate]);
    expect(rows).toEqual([
      ['Huawei', 2, 1.5, 0.5],
      ['China Mobile', 1, 1, null],
      ['Lenovo', 1, 1, 0], // not treated: decided, not accepted
      ['ZTE', 1, 0.5, null],
    ]);
  });

  it('lists meetings, co-sources from other countries, and filters by date', () => {
    const report = countryReport(app.db, 'CN', {});
    expect(report.byMeeting.map((m) => [m.meeting, m.contributions, m.fractional])).toEqual([
      ['RAN#104', 4, 3],
      ['RAN#106', 1, 1],
    ]);
    expect(report.coSources.map((c) => [c.name, c.contributions])).toEqual([
      ['Ericsson', 1],
      ['Nokia', 1],
    ]);
    expect(countryReport(app.db, 'CN', { from: '2024-06-03', to: '2024-06-30' }).totals.contributions).toBe(2);
  });

  it('counts Nokia Shanghai Bell for China on the entity basis, and says which basis it used', () => {
    const byParent = countryReport(app.db, 'CN', {});
    const byEntity = countryReport(app.db, 'CN', { basis: 'entity' });
    expect([byParent.basis, byEntity.basis]).toEqual(['parent', 'entity']);
    // Nokia Shanghai Bell's quarter of RP-240003 now counts for China (the document was already
    // Chinese through ZTE and Sanechips), while Motorola Mobility (US) no longer counts for Lenovo's
    // China: RP-240006 leaves. 5 − 1 = 4 documents; 4 + 1/4 − 1 = 3.25.
    expect(byEntity.totals).toMatchObject({ contributions: 4, fractional: 3.25 });
    expect(countryReport(app.db, 'FI', {}).totals).toMatchObject({ contributions: 1, fractional: 0.5 });
    expect(countryReport(app.db, 'FI', { basis: 'entity' }).totals).toMatchObject({ contributions: 1, fractional: 0.25 });
  });

  it('leaves withdrawn documents out, and counts a revised document once, when asked', () => {
    // RP-240003 (withdrawn) gave China 1/2 (ZTE, Sanechips of four sources); RP-240005 (CMCC, revised)
    // gave it 1. All documents: 7, less one each.
    expect(countryReport(app.db, 'CN', { withdrawn: 'exclude' }).totals).toEqual({ contributions: 4, fractional: 3.5, allContributions: 6, share: 3.5 / 6 });
    expect(countryReport(app.db, 'CN', { revisions: 'collapse' }).totals).toEqual({ contributions: 4, fractional: 3, allContributions: 6, share: 3 / 6 });
    expect(countryReport(app.db, 'CN', { withdrawn: 'exclude', revisions: 'collapse' }).totals).toMatchObject({ contributions: 3, fractional: 2.5, allContributions: 5 });
  });

  it('refuses a code that is not a country', () => {
    expect(() => countryReport(app.db, 'XX', {})).toThrow(NotFoundError);
  });
});

describe('company report for Huawei', () => {
  it('covers the group with its entities', () => {
    const report = companyReport(app.db, app.resolver, 'HiSilicon', {});
    expect(report.organization).toMatchObject({ slug: 'huawei', name: 'Huawei', country: 'CN' });
    expect(report.requested).toEqual({ slug: 'hisilicon', name: 'HiSilicon' });
    expect(report.totals).toEqual({ contributions: 2, fractional: 1.5, allContributions: 7, share: 1.5 / 7 });
    expect(report.entities.map((e) => [e.name, e.contributions, e.fractional])).toEqual([
      ['Huawei', 2, 1],
      ['HiSilicon', 1, 0.5],
    ]);
    expect(report.coSources.map((c) => c.name)).toEqual(['Ericsson']);
  });

  it('finds a company by slug or by name', () => {
    expect(companyReport(app.db, app.resolver, 'china-mobile', {}).totals.contributions).toBe(1);
    expect(companyReport(app.db, app.resolver, 'CMCC', {}).organization.slug).toBe('china-mobile');
    expect(() => companyReport(app.db, app.resolver, 'no such company', {})).toThrow(NotFoundError);
  });
});

describe('overview', () => {
  it('ranks countries and shows the unresolved bucket', () => {
    const report = overviewReport(app.db, {});
    expect(report.countries.map((c) => [c.country, c.contributions, c.fractional])).toEqual([
      ['CN', 5, 4],
      ['KR', 1, 1],
      ['FI', 1, 0.5],
      ['SE', 1, 0.5],
    ]);
    // 2 + 2 + 4 + 1 + 1 + 1 + 1 = 12 source mentions, Fainity Innovation the one unresolved.
    expect(report.coverage).toMatchObject({ occurrences: 12, resolved: 11, unresolved: 1, resolvedShare: 11 / 12 });
    expect(unresolvedReport(app.db, {}).names).toEqual([{ name: 'Fainity Innovation', occurrences: 1, example: '3gpp RP-240007' }]);
  });

  it('dates the seat the lists reveal, and ends it when the latest meeting no longer shows it', () => {
    // "RAN1 Chair (Samsung)" is seen on 2024-06-04 only; the RAN lists go on to RAN#106 (2024-12-01).
    expect(leadershipReport(app.db, {}).seats.map((s) => [s.group, s.role, s.organization, s.country, s.from, s.to])).toEqual([
      ['RAN1', 'chair', 'Samsung', 'KR', '2024-06-04', '2024-06-04'],
    ]);
    expect(overviewReport(app.db, {}).seats.byCountry).toEqual([]); // no current seat
    const untilJune = overviewReport(app.db, { to: '2024-06-30' });
    expect(untilJune.totals.contributions).toBe(6);
  });
});
