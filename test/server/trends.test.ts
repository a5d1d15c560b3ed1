// Shares over time by country on the seeded database (test/support/seeded.ts), worked out by hand:
//   2024-Q2 (RAN#104, 6 contributions):
//     RP-240001 Huawei, HiSilicon       → CN 1
//     RP-240002 Huawei, Ericsson        → CN 0.5, SE 0.5
//     RP-240003 ZTE, Sanechips, Nokia, Nokia Shanghai Bell → CN 0.25 + 0.25, FI 0.25 + 0.25
//                                          (entity basis: Nokia Shanghai Bell is CN → CN 0.75, FI 0.25)
//     RP-240004 RAN1 Chair (Samsung)    → KR 1
//     RP-240005 CMCC                    → CN 1
//     RP-240007 Fainity Innovation      → unresolved 1
//     so CN 3, KR 1, FI 0.5, SE 0.5, none 1 (sum 6)
//   2024-Q4 (RAN#106, 1 contribution): RP-240006 Motorola Mobility → Lenovo CN 1 (entity basis: US 1)
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_COUNTRY, OTHER, periodFor, sharesOverTime } from '../../server/reports/trends.js';
import type { TestApp } from '../support/app.js';
import { seededApp } from '../support/seeded.js';

let app: TestApp;
beforeAll(() => {
  app = seededApp();
});

const table = (r: ReturnType<typeof sharesOverTime>) => r.cells.filter((c) => c.fractional > 0).map((c) => [c.period, c.country, c.fractional]);

describe('shares over time by country', () => {
  it('gives each quarter the fractional count of each country, adding up to the quarter', () => {
    const report = sharesOverTime(app.db, {});
    expect(report.period).toBe('quarter');
    // One group (RAN), a meeting in each quarter: nothing partial.
    expect(report.periods).toEqual([
      { period: '2024-Q2', contributions: 6, body: null, group: null, partial: false, partialReason: null },
      { period: '2024-Q4', contributions: 1, body: null, group: null, partial: false, partialReason: null },
    ]);
    // Largest overall first (CN 4, KR 1, then FI and SE 0.5 each, by code), the unresolved bucket last.
    expect(report.series.map((s) => [s.country, s.fractional])).toEqual([
      ['CN', 4],
      ['KR', 1],
      ['FI', 0.5],
      ['SE', 0.5],
      [NO_COUNTRY, 1],
    ]);
    expect(table(report)).toEqual([
      ['2024-Q2', 'CN', 3],
      ['2024-Q2', 'KR', 1],
      ['2024-Q2', 'FI', 0.5],
      ['2024-Q2', 'SE', 0.5],
      ['2024-Q2', NO_COUNTRY, 1],
      ['2024-Q4', 'CN', 1],
    ]);
    expect(report.cells.find((c) => c.period === '2024-Q2' && c.country === 'CN')?.share).toBe(3 / 6);
    expect(report.cells.find((c) => c.period === '2024-Q4' && c.country === 'CN')?.share).toBe(1);
  });

  it('folds the countries beyond the largest few into "other countries"', () => {
    const report = sharesOverTime(app.db, {}, { top: 2 });
    expect(report.series.map((s) => [s.country, s.fractional])).toEqual([
      ['CN', 4],
      ['KR', 1],
      [OTHER, 1], // FI 0.5 + SE 0.5
      [NO_COUNTRY, 1],
    ]);
    expect(report.series[2]!.countryName).toBe('Other countries');
  });

  it('follows the country basis, the period asked for and the counting rules', () => {
    const byEntity = sharesOverTime(app.db, { basis: 'entity' });
    expect(table(byEntity).filter(([, c]) => c === 'CN' || c === 'US' || c === 'FI')).toEqual([
      ['2024-Q2', 'CN', 3.25],
      ['2024-Q2', 'FI', 0.25],
      ['2024-Q4', 'US', 1],
    ]);
    const byYear = sharesOverTime(app.db, {}, { period: 'year' });
    expect(byYear.periods).toEqual([{ period: '2024', contributions: 7, body: null, group: null, partial: false, partialReason: null }]);
    expect(table(byYear).find(([, c]) => c === 'CN')).toEqual(['2024', 'CN', 4]);
    // Withdrawn left out: RP-240003 goes, and with it FI and CN's 0.5 of it.
    const noWithdrawn = sharesOverTime(app.db, { withdrawn: 'exclude' });
    expect(noWithdrawn.periods[0]).toMatchObject({ period: '2024-Q2', contributions: 5 });
    expect(table(noWithdrawn).filter(([p]) => p === '2024-Q2').map(([, c, f]) => [c, f])).toEqual([
      ['CN', 2.5],
      ['KR', 1],
      ['SE', 0.5],
      [NO_COUNTRY, 1],
    ]);
  });

  it('uses years once the data spans more than three calendar years', () => {
    expect(periodFor('2021-03-01', '2023-12-31')).toBe('quarter');
    expect(periodFor('2020-12-31', '2023-01-01')).toBe('year');
    expect(periodFor(null, null)).toBe('quarter');
  });
});
