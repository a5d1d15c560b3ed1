// Comparison on the small database of test/support/seeded.ts (its table is at the top of
// test/server/reports.test.ts; seven RAN contributions of 2024).
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { CompareError, compareReport } from '../../server/reports/compare.js';
import { NotFoundError } from '../../server/reports/country.js';
import { seededApp } from '../support/seeded.js';
import type { TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(() => {
  app = seededApp();
});

describe('comparing organizations', () => {
  it('puts Huawei and Ericsson side by side over the same contributions', () => {
    const report = compareReport(app.db, app.resolver, { organizations: ['huawei', 'Ericsson'], countries: [] }, {});
    // Huawei: RP-240001 (with HiSilicon: 1) and RP-240002 (with Ericsson: 0.5); approved 1, noted 1.
    // Ericsson: RP-240002 only (0.5), noted.
    expect(report.subjects.map((s) => [s.key, s.contributions, s.fractional, s.share, s.acceptanceRate, s.seats])).toEqual([
      ['huawei', 2, 1.5, 1.5 / 7, 0.5, 0],
      ['ericsson', 1, 0.5, 0.5 / 7, 0, 0],
    ]);
    expect(report.groups).toEqual([
      { body: '3gpp', group: 'RAN', contributions: 7, values: [{ contributions: 2, fractional: 1.5, share: 1.5 / 7 }, { contributions: 1, fractional: 0.5, share: 0.5 / 7 }] },
    ]);
    // 2024 over RAN, the one group stored: 7 contributions, shares of them.
    expect(report.years).toEqual([
      {
        year: '2024',
        body: null,
        group: null,
        contributions: 7,
        partial: false,
        partialReason: null,
        values: [
          { contributions: 2, fractional: 1.5, share: 1.5 / 7 },
          { contributions: 1, fractional: 0.5, share: 0.5 / 7 },
        ],
      },
    ]);
    expect(report.seriesCoverage.summary).toBe('Counted over RAN: the group with a meeting in every year of the range.');
  });

  it('compares countries, with their seats', () => {
    const report = compareReport(app.db, app.resolver, { organizations: [], countries: ['CN', 'fi', 'KR'] }, {});
    // CN: 01, 02, 03, 05, 06 → 1 + 0.5 + 0.5 + 1 + 1. FI: Nokia and Nokia Shanghai Bell on RP-240003 → 0.25 + 0.25, withdrawn.
    // KR: Samsung as RAN1 chair on RP-240004 (agreed), which is also the one seat on record.
    expect(report.subjects.map((s) => [s.key, s.contributions, s.fractional, s.acceptanceRate, s.seats])).toEqual([
      ['CN', 5, 4, 1 / 3, 0],
      ['FI', 1, 0.5, null, 0],
      ['KR', 1, 1, 1, 1],
    ]);
  });

  it('follows the country basis: on the entity basis Nokia Shanghai Bell counts for China', () => {
    const report = compareReport(app.db, app.resolver, { organizations: [], countries: ['CN', 'FI'] }, { basis: 'entity' });
    // RP-240003 has four sources (0.25 each): ZTE, Sanechips (CN), Nokia (FI), Nokia Shanghai Bell (its own country CN).
    // And RP-240006, Motorola Mobility, counts for its own country (US), not for Lenovo's:
    // CN = 4 (parent basis) + 0.25 (NSB) − 1 (RP-240006) = 3.25, in 4 contributions.
    expect(report.basis).toBe('entity');
    expect(report.subjects.map((s) => [s.key, s.contributions, s.fractional])).toEqual([
      ['CN', 4, 3.25],
      ['FI', 1, 0.25],
    ]);
    expect(report.years.map((y) => y.values.map((v) => v.fractional))).toEqual([[3.25, 0.25]]);
  });

  it('refuses too few, too many, mixed or unknown subjects', () => {
    const compare = (organizations: string[], countries: string[] = []) => () => compareReport(app.db, app.resolver, { organizations, countries }, {});
    expect(compare(['huawei'])).toThrow(CompareError);
    expect(compare(['a', 'b', 'c', 'd', 'e', 'f'])).toThrow('got 6');
    expect(compare(['huawei'], ['CN'])).toThrow('not both');
    expect(compare(['huawei', 'HiSilicon'])).toThrow('each organization or country once');
    expect(compare(['huawei', 'Nobody Ltd'])).toThrow(NotFoundError);
  });
});

describe('/compare', () => {
  it('serves the comparison as HTML, JSON and CSV with the filters applied', async () => {
    const web = createApp(app);
    const html = await request(web).get('/compare?org=huawei&org=ericsson').expect(200);
    expect(html.text).toContain('<a href="/organizations/huawei">Huawei</a>');
    expect(html.text).toContain('value="ericsson"');
    // Only June: RP-240006 (December) is left out of the total; Huawei keeps both of its contributions.
    const json = await request(web).get('/compare.json?org=huawei&org=ericsson&to=2024-06-30').expect(200);
    expect(json.body.data.subjects[0]).toMatchObject({ key: 'huawei', contributions: 2, share: 1.5 / 6 });
    const csv = await request(web).get('/compare.csv?country=CN&country=FI').expect(200).expect('content-type', /text\/csv/);
    expect(csv.text).toContain('total,CN,China,,5,4,');
    const bad = await request(web).get('/compare.json?org=huawei').expect(400);
    expect(bad.body.error.message).toMatch(/^compare 2 to 5 organizations/);
    await request(web).get('/compare').expect(200);
  });
});
