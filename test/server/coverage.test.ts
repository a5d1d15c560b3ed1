// The coverage rule of series over time (server/reports/coverage.ts: coverageOf), on small cases made
// by hand — the shapes other bodies and years give that the snapshot does not: groups stored over
// different years, a group that meets once or twice a quarter, lists that name no meeting (IEEE, ITU),
// a range that cuts a year. The snapshot's own case is test/server/like-with-like.test.ts.
import { describe, expect, it } from 'vitest';
import { coverageOf, type CoverageInput, type Sitting, type StoredGroup } from '../../server/reports/coverage.js';

const A: StoredGroup = { id: 1, body: '3gpp', group: 'A' };
const B: StoredGroup = { id: 2, body: '3gpp', group: 'B' };
const C: StoredGroup = { id: 3, body: 'ieee', group: '802.11' };

/** Meetings of a group on these first days. */
const meetings = (group: StoredGroup, ...days: string[]): Sitting[] => days.map((day) => ({ groupId: group.id, day, meeting: true }));
/** The months a list without meetings has contributions in. */
const months = (group: StoredGroup, ...list: string[]): Sitting[] => list.map((day) => ({ groupId: group.id, day, meeting: false }));

function coverage(sittings: Sitting[], options: Partial<CoverageInput> = {}) {
  return coverageOf({
    rule: 'comparable',
    period: 'year',
    oneGroup: false,
    groups: [A, B, C].filter((g) => sittings.some((s) => s.groupId === g.id)),
    sittings,
    months: sittings.map((s) => ({ groupId: s.groupId, month: s.day.slice(0, 7) })),
    today: '2030-01-01',
    ...options,
  });
}

const partial = (c: ReturnType<typeof coverage>) => c.periods.filter((p) => p.partial).map((p) => [p.period, p.reasons.join('; ')]);

describe('which groups a series over time counts', () => {
  it('counts the groups with a meeting in every year, and names the others with the years they miss', () => {
    // A meets twice a year 2020–2023; B only in 2021 and 2023.
    const c = coverage([...meetings(A, '2020-03-01', '2020-09-01', '2021-03-01', '2021-09-01', '2022-03-01', '2022-09-01', '2023-03-01', '2023-09-01'), ...meetings(B, '2021-05-01', '2023-05-01')]);
    expect(c.groups.map((g) => [g.group, g.compared, g.leftOutBecause])).toEqual([
      ['A', true, null],
      ['B', false, 'no meeting in 2020 and 2022'],
    ]);
    expect(c.periods.map((p) => p.period)).toEqual(['2020', '2021', '2022', '2023']);
    expect(partial(c)).toEqual([]);
  });

  it('where no group meets in every year, counts those that meet in the most and marks the years they miss', () => {
    // A: 2020, 2021, 2023 (not 2022); B: 2022 only.
    const c = coverage([...meetings(A, '2020-03-01', '2021-03-01', '2023-03-01'), ...meetings(B, '2022-03-01')]);
    expect(c.groups.filter((g) => g.compared).map((g) => g.group)).toEqual(['A']);
    expect(c.summary).toMatch(/^Counted over A: the group with a meeting in the most year of the range\./);
    expect(partial(c)).toEqual([]); // 2022 has no contribution of A: it is not a period of A's series
    // Both twice: both counted, and each year one of them misses is partial.
    const both = coverage([...meetings(A, '2020-03-01', '2021-03-01'), ...meetings(B, '2021-06-01', '2022-03-01')]);
    expect(both.groups.filter((g) => g.compared).map((g) => g.group)).toEqual(['A', 'B']);
    expect(partial(both)).toEqual([
      ['2020', 'B: no meeting, usually at least 1'],
      ['2022', 'A: no meeting, usually at least 1'],
    ]);
  });

  it('counts every group with coverage=all and says where coverage differs; per group, each apart', () => {
    const sittings = [...meetings(A, '2020-03-01', '2021-03-01', '2022-03-01'), ...meetings(B, '2021-05-01')];
    const all = coverage(sittings, { rule: 'all' });
    expect(all.groups.every((g) => g.compared)).toBe(true);
    expect(all.summary).toBe(
      'Counted over every group as stored (A and B), which mixes coverage: B has no meeting in 2020 and 2022. Partial: 2020 (B: no meeting, usually at least 1); 2022 (B: no meeting, usually at least 1).',
    );
    const each = coverage(sittings, { rule: 'per-group' });
    // B's own series is 2021 alone: nothing partial in it.
    expect(each.groups.map((g) => [g.group, g.partial])).toEqual([
      ['A', []],
      ['B', []],
    ]);
    expect(each.summary).toBe('One series per group: A and B (B has no meeting in 2020 and 2022).');
  });

  it('says how many periods a group misses when it misses more than five, the list kept in `missing`', () => {
    const quarters = ['2020-02-01', '2020-05-01', '2020-08-01', '2020-11-01', '2021-02-01', '2021-05-01', '2021-08-01', '2021-11-01'];
    const c = coverage([...meetings(A, ...quarters), ...meetings(B, '2020-03-01')], { period: 'quarter' });
    const b = c.groups.find((g) => g.group === 'B')!;
    expect(b.leftOutBecause).toBe('no meeting in 7 of the 8 quarters');
    expect(b.missing).toEqual(['2020-Q2', '2020-Q3', '2020-Q4', '2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4']);
  });

  it('counts the group filtered alone', () => {
    const c = coverage(meetings(A, '2020-03-01', '2021-03-01'), { oneGroup: true, rule: 'all' });
    expect(c.rule).toBe('group');
    expect(c.summary).toBe('Counted over A, the group asked for.');
  });
});

describe('which periods are partial', () => {
  it('marks a year with fewer meetings than the group holds in three years out of four, its first and last year aside', () => {
    // A: 1 meeting in 2019 (storing began in December), 6 a year 2020–2023 but 5 in 2021 (one not
    // stored), 5 in 2024 (the last not yet stored). Inner years 6, 5, 6, 6: at least 6 in three of four.
    const six = (year: number) => ['01', '03', '05', '07', '09', '11'].map((m) => `${year}-${m}-10`);
    const c = coverage(meetings(A, '2019-12-02', ...six(2020), ...six(2021).slice(1), ...six(2022), ...six(2023), ...six(2024).slice(0, 5)));
    expect(c.groups[0]!.usual).toBe(6);
    expect(partial(c)).toEqual([
      ['2019', 'A: 1 meeting, usually at least 6'],
      ['2021', 'A: 5 meetings, usually at least 6'],
      ['2024', 'A: 5 meetings, usually at least 6'],
    ]);
  });

  it('does not mark a quarter with one meeting for a group that meets once or twice a quarter', () => {
    // Six a year: 1, 2, 1, 2 a quarter (RAN1's pattern); inner quarters 2, 1, 2, 1, 2: at least 1 in
    // three of four, though most have 2. A quarter with none is partial.
    const days = ['2021-02-01', '2021-04-01', '2021-05-01', '2021-08-01', '2021-10-01', '2021-11-01', '2022-02-01', '2022-04-01', '2022-05-01', '2022-10-01', '2022-11-01'];
    const c = coverage(meetings(A, ...days), { period: 'quarter' });
    expect(c.groups[0]!.usual).toBe(1);
    expect(partial(c)).toEqual([]);
    expect(c.periods.map((p) => p.period)).toEqual(['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2', '2022-Q4']);
    // 2022-Q3 has no meeting and no contribution: no column, nothing to mark. With a late document dated in it:
    const late = coverageOf({ ...baseOf(meetings(A, ...days)), period: 'quarter', months: [...days.map((d) => ({ groupId: A.id, month: d.slice(0, 7) })), { groupId: A.id, month: '2022-08' }] });
    expect(late.periods.find((p) => p.period === '2022-Q3')).toEqual({ period: '2022-Q3', partial: true, reasons: ['A: no meeting, usually at least 1'] });
  });

  it('marks the periods the dates asked for cut, and one not over yet', () => {
    const sittings = meetings(A, '2020-03-01', '2020-09-01', '2021-03-01', '2021-09-01', '2022-03-01');
    const c = coverage(sittings, { from: '2020-06-15', today: '2022-06-30' });
    expect(partial(c)).toEqual([
      ['2020', 'the dates asked for cover only part of it'],
      ['2022', 'not over yet; A: 1 meeting, usually at least 2'],
    ]);
  });

  it('names the groups short in a period, past three, without each reason (each group keeps its own)', () => {
    const groups = [1, 2, 3, 4].map((id) => ({ id, body: '3gpp', group: `G${id}` }));
    const sittings = groups.flatMap((g) => meetings(g, '2020-03-01', '2021-03-01', '2022-03-01'));
    // Late documents of every group dated in 2023, when none of them met.
    const c = coverageOf({ ...baseOf(sittings), groups, months: groups.map((g) => ({ groupId: g.id, month: '2023-01' })) });
    expect(partial(c)).toEqual([['2023', '4 of the 4 groups counted hold fewer sittings than usual (G1, G2, G3 and G4)']]);
    expect(c.groups[0]!.partial).toEqual([{ period: '2023', reason: 'no meeting, usually at least 1' }]);
  });

  it('counts months with contributions where the lists name no meeting (IEEE, ITU, IETF)', () => {
    // 802.11 documents every month of 2021 and 2022, three months of 2023 so far.
    const year = (y: number, n = 12) => Array.from({ length: n }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);
    const c = coverage(months(C, ...year(2021), ...year(2022), ...year(2023, 3)), { today: '2023-04-15' });
    expect(c.groups[0]).toMatchObject({ unit: 'month', usual: 12 });
    expect(partial(c)).toEqual([['2023', 'not over yet; 802.11: 3 months with contributions, usually at least 12 months with contributions']]);
    expect(c.summary).toMatch(/^Counted over 802\.11: the group with a meeting or contributions in every year of the range\./);
  });
});

function baseOf(sittings: Sitting[]): CoverageInput {
  return { rule: 'comparable', period: 'year', oneGroup: false, groups: [A], sittings, months: [], today: '2030-01-01' };
}
