// Which groups a series over time counts, and which of its periods are partial: a share that moves
// because a group was stored in one year and not the next is not a trend. Every series over time (the
// overview's shares, a country's or a company's years, compare's years) counts over the set chosen here
// and says so (docs/counting.md, "Series over time").
//
// The unit of coverage is the sitting: a meeting of a group, placed in the period of its first day (or,
// where the meeting has no date, of the month most of its contributions are dated in); a group whose
// lists name no meeting (ITU, IEEE, IETF listings) sits once in each month it has contributions.
// - comparable (the default): the groups that sit in every period of the range in which any group
//   sits; where none does, those that sit in the most such periods. The others are left out, named,
//   with the periods they miss.
// - all: every group as stored (coverage differs between periods; each such period is marked).
// - per-group: a series per group.
// - a filter naming one group: that group alone.
// A period is partial when the dates asked for cover only part of it, when it is not over yet, or when a
// counted group sits in it fewer times than it does in three periods out of four (over everything stored
// of it, its first and last period left out when it has three or more: the edges are where storing began
// and stopped).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { whileUnchanged } from '../../db/cache.js';
import { rowArrays } from '../../db/rows.js';
import { countsOf, type CountScope } from './participation.js';
import type { COVERAGE_RULES, Filters } from './filters.js';
import { periodDays, periodOf, type Period } from './periods.js';

export type CoverageRule = (typeof COVERAGE_RULES)[number];
/** The rule a series was counted with: one of COVERAGE_RULES, or `group` when the filters name one group. */
export type AppliedRule = CoverageRule | 'group';

export interface StoredGroup {
  id: number;
  body: string;
  group: string;
}

/** One sitting of a group: a meeting, or a month of a group whose lists name no meeting; `day` places it. */
export interface Sitting {
  groupId: number;
  /** The meeting's first day, the month (`YYYY-MM`) most of its contributions are dated in, or the month itself. */
  day: string;
  /** False for a month of a group whose lists name no meeting. */
  meeting: boolean;
}

export interface GroupCoverage {
  body: string;
  group: string;
  /** Counted in the series (comparable: one of the set; all, per-group, group: always). */
  compared: boolean;
  /** What a sitting is for this group. */
  unit: 'meeting' | 'month';
  /** Its usual number of sittings per period: the most it reaches in three periods out of four (see usualSittings); null when nothing is stored. */
  usual: number | null;
  /** Sittings per period of the range, every period listed (0: none). */
  sittings: { period: string; sittings: number }[];
  /** Periods of the range in which some group sits and this one does not. */
  missing: string[];
  /** Why it is left out, when it is. */
  leftOutBecause: string | null;
  /** Periods partial for this group, with why. */
  partial: { period: string; reason: string }[];
}

export interface PeriodCoverage {
  period: string;
  partial: boolean;
  /** Why (empty when not partial): the counted groups' shortfalls, the date range, an unfinished period. */
  reasons: string[];
}

export interface SeriesCoverage {
  rule: AppliedRule;
  period: Period;
  /** Every group with dated contributions under the body and group filters, the counted ones first. */
  groups: GroupCoverage[];
  /** Every period of the range with a sitting or a contribution, oldest first. */
  periods: PeriodCoverage[];
  /** The same in one paragraph, for pages and the command line. */
  summary: string;
}

export interface CoverageInput {
  rule: CoverageRule;
  period: Period;
  /** The filters name one group (or one code in several bodies): it alone is the set. */
  oneGroup: boolean;
  groups: StoredGroup[];
  /** Every sitting stored of those groups, whatever its date. */
  sittings: Sitting[];
  /** The months (`YYYY-MM`) each group has dated contributions in. */
  months: { groupId: number; month: string }[];
  from?: string;
  to?: string;
  /** The day the series is made (a period not over yet is partial). */
  today: string;
}

/**
 * Its usual number of sittings per period: the most it reaches in at least three periods out of four
 * (the lower quartile) over everything stored, the first and last period left out when it has three or
 * more (the edges are where storing began and stopped). A median would call every quarter with one
 * meeting short for a group that meets once or twice a quarter.
 */
function usualSittings(perPeriod: Map<string, number>): number | null {
  const periods = [...perPeriod.keys()].sort();
  if (periods.length === 0) return null;
  const inner = (periods.length >= 3 ? periods.slice(1, -1) : periods).map((p) => perPeriod.get(p)!).sort((a, b) => a - b);
  return inner[inner.length - Math.ceil(inner.length * 0.75)]!;
}

/** `2021, 2022 and 2025` */
function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `2021, 2022 and 2025`; past five, how many (`13 of the 24 quarters`): the list is in `missing`. */
function missingText(missing: string[], of: number, period: Period): string {
  return missing.length <= 5 ? listed(missing) : `${missing.length} of the ${of} ${period}s`;
}

/** `2 meetings`, `1 month with contributions` */
const sittingsText = (n: number, unit: 'meeting' | 'month') =>
  `${n} ${unit === 'meeting' ? (n === 1 ? 'meeting' : 'meetings') : n === 1 ? 'month with contributions' : 'months with contributions'}`;

/** The coverage of a series: which groups it counts, which it leaves out and why, which periods are partial. Pure. */
export function coverageOf(input: CoverageInput): SeriesCoverage {
  const { period } = input;
  const inRange = (p: string) => {
    if (!input.from && !input.to) return true;
    const { first, last } = periodDays(p);
    return (!input.from || last >= input.from) && (!input.to || first <= input.to);
  };
  const history = new Map<number, Map<string, number>>(input.groups.map((g) => [g.id, new Map()]));
  const meets = new Set<number>();
  for (const s of input.sittings) {
    const perPeriod = history.get(s.groupId);
    if (!perPeriod) continue;
    const p = periodOf(s.day, period);
    perPeriod.set(p, (perPeriod.get(p) ?? 0) + 1);
    if (s.meeting) meets.add(s.groupId);
  }
  // The periods in which some group sits decide the set; a period with contributions and no sitting (a
  // meeting's late documents dated into the next year) is shown, and partial, but decides nothing.
  const sat = new Set([...history.values()].flatMap((m) => [...m.keys()]).filter(inRange));
  const sitsIn = (g: StoredGroup, p: string) => history.get(g.id)!.get(p) ?? 0;
  const present = (g: StoredGroup) => [...sat].filter((p) => sitsIn(g, p) > 0).length;

  const rule: AppliedRule = input.oneGroup ? 'group' : input.rule;
  const most = Math.max(0, ...input.groups.map(present));
  const counted = (g: StoredGroup) => rule !== 'comparable' || present(g) === most;
  // The periods of a group's own series: those in which it sits or has contributions.
  const own = new Map(input.groups.map((g) => [g.id, new Set([...history.get(g.id)!.keys()].filter(inRange))]));
  for (const m of input.months) if (inRange(m.month.slice(0, 7))) own.get(m.groupId)?.add(periodOf(m.month, period));
  // The periods of the series: those of the counted groups.
  const periods = [...new Set(input.groups.filter(counted).flatMap((g) => [...own.get(g.id)!]))].sort();

  const cut = (p: string) => {
    const { first, last } = periodDays(p);
    if (last > input.today) return 'not over yet';
    if ((input.from && input.from > first) || (input.to && input.to < last)) return 'the dates asked for cover only part of it';
    return null;
  };
  const usual = new Map(input.groups.map((g) => [g.id, usualSittings(history.get(g.id)!)]));
  const unitOf = (g: StoredGroup) => (meets.has(g.id) ? 'meeting' : 'month');
  const shortfall = (g: StoredGroup, p: string) => {
    const n = sitsIn(g, p);
    const least = usual.get(g.id) ?? null;
    if (least === null || n >= least) return null;
    const unit = unitOf(g);
    return `${n === 0 ? (unit === 'meeting' ? 'no meeting' : 'no contribution') : sittingsText(n, unit)}, usually at least ${unit === 'meeting' ? least : sittingsText(least, unit)}`;
  };

  const groups: GroupCoverage[] = input.groups.map((g) => {
    const compared = counted(g);
    const missing = [...sat].sort().filter((p) => sitsIn(g, p) === 0);
    // Per group, a group's own periods; else every period of the series. A group left out has none.
    const its = !compared ? [] : rule === 'per-group' ? periods.filter((p) => own.get(g.id)!.has(p)) : periods;
    const partial = its.flatMap((p) => {
      const reasons = [cut(p), shortfall(g, p)].filter((r): r is string => r !== null);
      return reasons.length > 0 ? [{ period: p, reason: reasons.join('; ') }] : [];
    });
    return {
      body: g.body,
      group: g.group,
      compared,
      unit: unitOf(g),
      usual: usual.get(g.id) ?? null,
      sittings: [...new Set([...sat, ...periods])].sort().map((p) => ({ period: p, sittings: sitsIn(g, p) })),
      missing,
      leftOutBecause: compared ? null : `no ${unitOf(g) === 'meeting' ? 'meeting' : 'contribution'} in ${missingText(missing, sat.size, period)}`,
      partial,
    };
  });
  groups.sort((a, b) => Number(b.compared) - Number(a.compared) || a.body.localeCompare(b.body) || a.group.localeCompare(b.group));

  const countedGroups = input.groups.filter(counted);
  const periodCoverage: PeriodCoverage[] = periods.map((p) => {
    const short = countedGroups.flatMap((g) => {
      const reason = shortfall(g, p);
      return reason === null ? [] : [{ group: g.group, reason }];
    });
    // Past three groups, their names only (each group's reason is in its own `partial`).
    const shortfalls =
      short.length <= 3
        ? short.map((x) => `${x.group}: ${x.reason}`)
        : [`${short.length} of the ${countedGroups.length} groups counted hold fewer sittings than usual (${listed(short.map((x) => x.group))})`];
    const reasons = [cut(p), ...shortfalls].filter((r): r is string => r !== null);
    return { period: p, partial: reasons.length > 0, reasons };
  });
  return { rule, period, groups, periods: periodCoverage, summary: summaryOf(rule, period, groups, periodCoverage) };
}

function summaryOf(rule: AppliedRule, period: Period, groups: GroupCoverage[], periods: PeriodCoverage[]): string {
  const names = (list: GroupCoverage[]) => listed(list.map((g) => g.group));
  const compared = groups.filter((g) => g.compared);
  const leftOut = groups.filter((g) => !g.compared);
  const parts: string[] = [];
  if (groups.length === 0) return `Nothing dated is stored under these filters.`;
  if (rule === 'comparable') {
    const every = leftOut.length === 0 || compared.every((g) => g.missing.length === 0);
    const sitting = compared.every((g) => g.unit === 'meeting') ? 'a meeting' : 'a meeting or contributions';
    parts.push(`Counted over ${names(compared)}: the ${compared.length === 1 ? 'group' : 'groups'} with ${sitting} in ${every ? 'every' : 'the most'} ${period} of the range.`);
    if (leftOut.length > 0) parts.push(`Left out: ${leftOut.map((g) => `${g.group} (${g.leftOutBecause})`).join('; ')}.`);
  } else if (rule === 'group') {
    parts.push(`Counted over ${names(compared)}, the group asked for.`);
  } else {
    const mixing = groups.filter((g) => g.missing.length > 0);
    const mixes = mixing.map((g) => `${g.group} has no ${g.unit === 'meeting' ? 'meeting' : 'contribution'} in ${missingText(g.missing, g.missing.length + g.sittings.filter((x) => x.sittings > 0).length, period)}`).join('; ');
    if (rule === 'per-group') parts.push(`One series per group: ${names(groups)}${mixing.length > 0 ? ` (${mixes})` : ''}.`);
    else parts.push(`Counted over every group as stored (${names(groups)})${mixing.length > 0 ? `, which mixes coverage: ${mixes}` : ''}.`);
  }
  if (rule === 'per-group') {
    const partial = groups.flatMap((g) => g.partial.map((p) => `${g.group} ${p.period} (${p.reason})`));
    if (partial.length > 0) parts.push(`Partial: ${partial.join('; ')}.`);
  } else {
    const partial = periods.filter((p) => p.partial);
    if (partial.length > 0) parts.push(`Partial: ${partial.map((p) => `${p.period} (${p.reasons.join('; ')})`).join('; ')}.`);
  }
  return parts.join(' ');
}

/** Why a period is partial for the series (a row of one group, with coverage=per-group: for that group); null when it is not. */
export function partialReason(coverage: SeriesCoverage, period: string, row: { body: string | null; group: string | null } = { body: null, group: null }): string | null {
  if (row.group !== null) {
    const group = coverage.groups.find((g) => g.group === row.group && (row.body === null || g.body === row.body));
    return group?.partial.find((p) => p.period === period)?.reason ?? null;
  }
  const reasons = coverage.periods.find((p) => p.period === period && p.partial)?.reasons;
  return reasons ? reasons.join('; ') : null;
}

/** A series' coverage and what it counts with. */
export interface SeriesScope {
  coverage: SeriesCoverage;
  /** The filters to count the series with: the comparable set's groups (the other rules count every group). */
  counted: CountScope;
  /** A series per group (count by group too). */
  perGroup: boolean;
  /** A group's code and body by its id (count rows name groups by id). */
  groupOf: (id: number) => StoredGroup | undefined;
}

/** What is stored of the groups under a body and group filter: the groups, their sittings, their months. */
interface Stored {
  groups: StoredGroup[];
  sittings: Sitting[];
  months: { groupId: number; month: string }[];
}

/**
 * The groups, sittings and months stored under a body and group filter, whatever the dates (a group's
 * usual number of sittings is read over everything stored of it): kept while the data is unchanged, the
 * same for every date range, topic and counting rule.
 */
function storedSittings(db: Db, body: Filters['body'], group: Filters['group']): Stored {
  return whileUnchanged(db, `series sittings ${body ?? ''} ${group ?? ''}`, () => {
    // Contributions per group, meeting and month, as stored (every status, every topic), with the
    // meeting's first day: thousands of rows at full history, read as arrays.
    type Row = [group: number, meeting: number, month: string, contributions: number, start: string | null];
    const rows = rowArrays<Row>(db, sql`select t."group", t.meeting, t.month, t.contributions, m.start_date
      from (${countsOf(db, 'everyone', { body, group }, ['group', 'meeting', 'month'], undefined, { datedOnly: true, measures: ['contributions'] })}) t
      left join meetings m on m.id = t.meeting`);
    const groups = db.all<StoredGroup>(sql`select id, body_id as body, code as "group" from groups
      where id in (select value from json_each(${JSON.stringify([...new Set(rows.map((r) => r[0]))])})) order by body_id, code`);
    const sittings: Sitting[] = [];
    // A meeting without a first day sits in the month most of its contributions are dated in (the earliest of equals).
    const busiest = new Map<number, Row>();
    for (const r of rows) {
      const [groupId, meeting, month, contributions] = r;
      if (meeting === 0) {
        sittings.push({ groupId, day: month, meeting: false });
        continue;
      }
      const best = busiest.get(meeting);
      if (!best || contributions > best[3] || (contributions === best[3] && month < best[2])) busiest.set(meeting, r);
    }
    for (const [groupId, , month, , start] of busiest.values()) sittings.push({ groupId, day: start ?? month, meeting: true });
    return { groups, sittings, months: rows.map((r) => ({ groupId: r[0], month: r[2] })) };
  });
}

/** The coverage of a series of `period`s under the filters, and what it counts with. */
export function seriesScope(db: Db, filters: Filters, period: Period, today = new Date().toISOString().slice(0, 10)): SeriesScope {
  const { groups, sittings, months } = storedSittings(db, filters.body, filters.group);
  const coverage = coverageOf({
    rule: filters.coverage ?? 'comparable',
    period,
    oneGroup: filters.group !== undefined,
    groups,
    sittings,
    months,
    from: filters.from,
    to: filters.to,
    today,
  });
  const key = (g: { body: string; group: string }) => `${g.body} ${g.group}`;
  const byKey = new Map(groups.map((g) => [key(g), g]));
  const byId = new Map(groups.map((g) => [g.id, g]));
  const counted = coverage.rule === 'comparable' ? { ...filters, groupIds: coverage.groups.filter((g) => g.compared).map((g) => byKey.get(key(g))!.id) } : filters;
  return { coverage, counted, perGroup: coverage.rule === 'per-group', groupOf: (id) => byId.get(id) };
}

/**
 * What a documents link of a series' figure adds to the page's filters so that it lists exactly the
 * contributions counted: the row's group (per group), or the comparable set's groups when some are left out.
 */
export function documentsPick(coverage: SeriesCoverage, row: { body: string | null; group: string | null } = { body: null, group: null }): Record<string, string> {
  if (row.group !== null) return { ...(row.body ? { body: row.body } : {}), group: row.group };
  if (coverage.rule !== 'comparable' || coverage.groups.every((g) => g.compared)) return {};
  return { groups: coverage.groups.filter((g) => g.compared).map((g) => g.group).join(',') };
}
