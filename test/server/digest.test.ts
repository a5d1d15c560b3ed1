// The weekly digest on the small database of test/support/weekly.ts; every expected figure is worked
// out by hand from the table at the top of that file.
import { beforeAll, describe, expect, it } from 'vitest';
import { digestReport, digestView, publishDigest, publishedDigests } from '../../server/reports/digest.js';
import { WeekError, lastCompleteWeek, shiftWeek, weekOf, weekRange } from '../../server/reports/weeks.js';
import { loadConfig } from '../../server/config.js';
import type { Stdwatch } from '../../server/context.js';
import { publishLastWeek } from '../../server/scheduler.js';
import { storeListing } from '../../db/contributions.js';
import { memoryLog } from '../support/log.js';
import { weeklyApp, weeklyListing } from '../support/weekly.js';
import type { TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(() => {
  app = weeklyApp();
});

describe('ISO weeks', () => {
  it('gives a week its Monday and Sunday', () => {
    expect(weekRange('2025-W07')).toEqual({ week: '2025-W07', from: '2025-02-10', to: '2025-02-16' });
    // 2020 has 53 weeks (it starts on a Wednesday, a leap year); W01 of 2021 starts on 4 January.
    expect(weekRange('2020-W53')).toEqual({ week: '2020-W53', from: '2020-12-28', to: '2021-01-03' });
    expect(weekRange('2021-W01').from).toBe('2021-01-04');
    // 29 December 2024 is a Sunday of 2024-W52; 30 December 2024 is the Monday of 2025-W01.
    expect(weekOf('2024-12-29')).toBe('2024-W52');
    expect(weekOf('2024-12-30')).toBe('2025-W01');
    expect(shiftWeek('2025-W01', -1)).toBe('2024-W52');
    expect(lastCompleteWeek(new Date('2025-02-17T07:00:00Z'))).toBe('2025-W07');
  });

  it('refuses what is not a week', () => {
    expect(() => weekRange('2025-07')).toThrow(WeekError);
    expect(() => weekRange('2025-W00')).toThrow(WeekError);
    expect(() => weekRange('2025-W53')).toThrow('2025 has no week 53');
  });
});

describe('digest of 2025-W07', () => {
  it('counts the week, the week before and the 12-week average', () => {
    const report = digestReport(app.db, '2025-W07', new Date('2025-02-17T07:00:00Z'));
    expect(report).toMatchObject({ week: '2025-W07', from: '2025-02-10', to: '2025-02-16', previousWeek: '2025-W06' });
    expect(report.baseline).toEqual({ from: '2024-11-18', to: '2025-02-09', weeks: 12 });
    // W07: RP-250001…05 and S2-250001 = 6. W06: RP-250010, 11 = 2. Baseline: RP-250010, 11, 20, 21, 23, 24 = 6 → 0.5 a week.
    expect(report.totals).toEqual({ contributions: 6, previous: 2, average: 0.5 });
  });

  it('compares countries with the previous week and the baseline', () => {
    const report = digestReport(app.db, '2025-W07');
    const rows = report.countries.map((r) => [r.key, r.contributions, r.fractional, r.previous, r.average, r.share]);
    // CN: Huawei 1 (01, with HiSilicon) + 0.5 (03) + ZTE 1 = 2.5 in 3 contributions; baseline RP-250021 → 1/12.
    // SE: Ericsson 1 (02); previous 1 + 0.5; baseline 1 + 0.5 + 1 = 2.5. US: Apple 1 (05). FI: Nokia 0.5 (03); previous 0.5, baseline 0.5.
    // Same fractional (SE, US: 1): the one with more the week before first. KR (Samsung) only in the baseline: not listed.
    expect(rows).toEqual([
      ['CN', 3, 2.5, 0, 1 / 12, 2.5 / 6],
      ['SE', 1, 1, 1.5, 2.5 / 12, 1 / 6],
      ['US', 1, 1, 0, 0, 1 / 6],
      ['FI', 1, 0.5, 0.5, 0.5 / 12, 0.5 / 6],
    ]);
  });

  it('ranks companies, leaving the unresolved name out', () => {
    const report = digestReport(app.db, '2025-W07');
    expect(report.companies.map((r) => [r.key, r.fractional, r.previous])).toEqual([
      ['huawei', 1.5, 0],
      ['ericsson', 1, 1.5],
      ['apple', 1, 0],
      ['zte', 1, 0],
      ['nokia', 0.5, 0.5],
    ]);
  });

  it('names the biggest movers against the baseline', () => {
    const { countries } = digestReport(app.db, '2025-W07').movers;
    // change = this week − average: CN 2.5 − 1/12, US 1 − 0, SE 1 − 2.5/12, FI 0.5 − 0.5/12; KR 0 − 2/12.
    expect(countries.up.map((r) => [r.key, r.change])).toEqual([
      ['CN', 2.5 - 1 / 12],
      ['US', 1],
      ['SE', 1 - 2.5 / 12],
      ['FI', 0.5 - 0.5 / 12],
    ]);
    expect(countries.down.map((r) => [r.key, r.change])).toEqual([['KR', -2 / 12]]);
  });

  it('gives shares per group and the leadership seen starting in the week', () => {
    const report = digestReport(app.db, '2025-W07');
    // RAN: RP-250001…05 = 5; CN 1 + 0.5, SE 1, US 1 (FI 0.5 is fourth). SA2: ZTE alone.
    expect(report.groups.map((g) => [g.group, g.contributions, g.countries.map((c) => [c.country, c.share])])).toEqual([
      ['RAN', 5, [['CN', 0.3], ['SE', 0.2], ['US', 0.2]]],
      ['SA2', 1, [['CN', 1]]],
    ]);
    // RP-250005 "RAN4 Chair (Apple)" is the first sighting of that seat.
    expect(report.leadership.started.map((s) => [s.group, s.role, s.organization, s.from])).toEqual([['RAN4', 'chair', 'Apple', '2025-02-13']]);
    // These listings have no meetings, so no sighting is "at the latest meeting": the term is closed at
    // its only sighting, and shows among the seats ended in the week as well.
    expect(report.leadership.ended.map((s) => [s.group, s.organization, s.to])).toEqual([['RAN4', 'Apple', '2025-02-13']]);
  });

  it('says how far to trust the week: its runs, failures and unresolved share', () => {
    const { coverage } = digestReport(app.db, '2025-W07');
    // Runs on 10 Feb (ok) and 16 Feb 23:00 (failed); the 17 Feb run belongs to W08.
    expect(coverage.runs.map((r) => r.status)).toEqual(['ok', 'failed']);
    expect(coverage.failures).toBe(1);
    // Source mentions of W07: 2 + 1 + 2 + 1 + 1 + 1 = 8, of which Fainity Innovation unresolved.
    expect([coverage.sourceMentions, coverage.unresolved, coverage.unresolvedShare]).toEqual([8, 1, 1 / 8]);
  });
});

describe('publishing', () => {
  it('keeps the week as it was published, and previews a week not yet published', () => {
    const own = weeklyApp();
    expect(digestView(own.db, '2025-W07').publication).toBe('preview');
    publishDigest(own.db, '2025-W07', { now: new Date('2025-02-17T07:00:00Z') });
    // A late contribution of the week (a later listing dates it in the week) changes the preview, not what was published.
    storeListing(own.db, own.resolver, weeklyListing('RAN', 'TSG RAN', [['RP-250030', '2025-02-15', 'Ericsson', 'Later work']]), {
      rawDocumentId: null,
      seenAt: '2025-02-19T00:00:00Z',
    });
    const shown = digestView(own.db, '2025-W07');
    expect(shown.publication).toBe('published');
    expect(shown.generatedAt).toBe('2025-02-17T07:00:00.000Z');
    expect(shown.totals.contributions).toBe(6);
    expect(digestReport(own.db, '2025-W07').totals.contributions).toBe(7);
    // Publishing again keeps the first; `replace` publishes anew.
    expect(publishDigest(own.db, '2025-W07').totals.contributions).toBe(6);
    expect(publishDigest(own.db, '2025-W07', { replace: true }).totals.contributions).toBe(7);
    expect(publishedDigests(own.db).map((d) => d.week)).toEqual(['2025-W07']);
  });
});

describe('the Monday publication', () => {
  it('publishes the last complete week, once', () => {
    const own = weeklyApp();
    const log = memoryLog();
    const stdwatch = { ...own, config: loadConfig({ STDWATCH_DB: ':memory:' }), close: () => {} } as Stdwatch;
    // Monday 17 February 2025, 07:00: the week that just ended is 2025-W07 (6 contributions).
    publishLastWeek(stdwatch, log.logger, new Date('2025-02-17T07:00:00Z'));
    expect(log.messages()).toEqual(['digest 2025-W07: 6 contributions, published 2025-02-17T07:00:00.000Z']);
    expect(publishedDigests(own.db)).toEqual([{ week: '2025-W07', generatedAt: '2025-02-17T07:00:00.000Z' }]);
    expect(loadConfig({}).digestSchedule).toBe('0 7 * * 1');
    expect(() => loadConfig({ STDWATCH_DIGEST_SCHEDULE: 'every monday' })).toThrow('STDWATCH_DIGEST_SCHEDULE');
  });
});
