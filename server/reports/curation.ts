// Where attribution is weak and what to add to the registry next: coverage per group and per year
// (so a reader sees that one group's early years are less covered before trusting a trend), and the
// unresolved names with candidate organizations and the evidence for each (`stdwatch orgs suggest`,
// /unresolved). One report function per question; the CLI and the pages render the same results.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import { createSuggester, type Candidate, type CoListed } from '../../domain/resolve/suggest.js';
import { contributionSources, contributions, groups, organizations } from '../../db/schema.js';
import { contributionCondition, type Filters } from './filters.js';
import { unresolvedNames } from './overview.js';
import { countsOf } from './participation.js';

export const COVERAGE_DIMENSIONS = ['body', 'group', 'year', 'group-year'] as const;
export type CoverageDimension = (typeof COVERAGE_DIMENSIONS)[number];

export interface CoverageRow {
  body: string;
  group: string | null;
  /** YYYY, or null for contributions without a date; null too when the rows are not per year. */
  year: string | null;
  occurrences: number;
  resolved: number;
  unresolved: number;
  resolvedShare: number | null;
  withoutCountry: number;
}

type Counted = { body: string; group: string; year: string; occurrences: number; resolved: number; noCountry: number };

function countedRows(db: Db, filters: Filters): Counted[] {
  // Source mentions per kind of parent ('unknown': unresolved) and those counting for no country on
  // the parent basis (unresolved, or a parent without one), per group and year.
  const kinds = db.all<{ body: string; group: string; year: string; occurrences: number; unresolved: number }>(sql`
    select g.body_id as body, g.code as "group", coalesce(t.year, '') as year, sum(t.sources) as occurrences,
      sum(case when t.kind = 'unknown' then t.sources else 0 end) as unresolved
    from (${countsOf(db, 'kind', filters, ['group', 'year', 'kind'])}) t join groups g on g.id = t."group"
    group by 1, 2, 3 order by 1, 2, 3`);
  const none = new Map(
    db
      .all<{ group: number; year: string | null; sources: number }>(countsOf(db, 'country', { ...filters, basis: 'parent' }, ['group', 'year'], sql`r.country = ''`))
      .map((r) => [`${r.group} ${r.year ?? ''}`, r.sources]),
  );
  const ids = new Map(db.all<{ id: number; body: string; code: string }>(sql`select id, body_id as body, code from groups`).map((g) => [`${g.body} ${g.code}`, g.id]));
  return kinds.map((k) => ({
    body: k.body,
    group: k.group,
    year: k.year,
    occurrences: k.occurrences,
    resolved: k.occurrences - k.unresolved,
    noCountry: (none.get(`${ids.get(`${k.body} ${k.group}`)} ${k.year}`) ?? 0) - k.unresolved,
  }));
}

/** The share of source mentions resolved, per body, group, year or group and year. */
export function coverageBy(db: Db, filters: Filters, by: CoverageDimension): CoverageRow[] {
  const totals = new Map<string, CoverageRow>();
  for (const row of countedRows(db, filters)) {
    const group = by === 'group' || by === 'group-year' ? row.group : null;
    const year = by === 'year' || by === 'group-year' ? row.year || null : null;
    const id = [row.body, group, year].join('\u0000');
    const total = totals.get(id) ?? { body: row.body, group, year, occurrences: 0, resolved: 0, unresolved: 0, resolvedShare: null, withoutCountry: 0 };
    total.occurrences += row.occurrences;
    total.resolved += row.resolved;
    total.withoutCountry += row.noCountry;
    totals.set(id, total);
  }
  return [...totals.values()]
    .filter((t) => t.occurrences > 0)
    .map((t) => ({ ...t, unresolved: t.occurrences - t.resolved, resolvedShare: t.resolved / t.occurrences }))
    .sort((a, b) => a.body.localeCompare(b.body) || (a.group ?? '').localeCompare(b.group ?? '') || (a.year ?? '').localeCompare(b.year ?? ''));
}

export function coverageReport(db: Db, filters: Filters, by: CoverageDimension = 'group-year') {
  return { kind: 'coverage' as const, filters, by, rows: coverageBy(db, filters, by) };
}

/** One unresolved name: how often, where and when it appears, who is listed beside it, and candidates. */
export interface Suggestion {
  name: string;
  occurrences: number;
  example: string;
  groups: { group: string; occurrences: number }[];
  years: { year: string | null; occurrences: number }[];
  coListed: CoListed[];
  candidates: Candidate[];
}

function whereAndWhen(db: Db, filters: Filters, name: string) {
  const rows = db.all<{ group: string; year: string; occurrences: number }>(sql`
    select ${groups.code} as "group", substr(coalesce(${contributions.date}, ''), 1, 4) as year, count(*) as occurrences
    from ${contributionSources}
    join ${contributions} on ${contributions.id} = ${contributionSources.contributionId}
    join ${groups} on ${groups.id} = ${contributions.groupId}
    where ${contributionSources.organizationId} is null and ${contributionSources.name} = ${name} and ${contributionCondition(filters)}
    group by 1, 2`);
  const sum = (key: (r: (typeof rows)[number]) => string) => {
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + r.occurrences);
    return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  return {
    groups: sum((r) => r.group).map(([group, occurrences]) => ({ group, occurrences })),
    years: sum((r) => r.year).map(([year, occurrences]) => ({ year: year || null, occurrences })),
  };
}

/** The organizations resolved in the same source cells as an unresolved name, most often first. */
function listedBeside(db: Db, filters: Filters, name: string, limit = 5): CoListed[] {
  return db.all<CoListed>(sql`
    select o.slug as slug, o.name as name, count(distinct s.contribution_id) as contributions
    from ${contributionSources} s
    join ${organizations} o on o.id = s.organization_id
    where s.contribution_id in (
      select ${contributionSources.contributionId} from ${contributionSources}
      join ${contributions} on ${contributions.id} = ${contributionSources.contributionId}
      join ${groups} on ${groups.id} = ${contributions.groupId}
      where ${contributionSources.organizationId} is null and ${contributionSources.name} = ${name} and ${contributionCondition(filters)})
      and o.kind <> 'sdo'
    group by o.id
    order by contributions desc, o.name
    limit ${limit}`);
}

/** The unresolved names, most frequent first, each with candidate organizations and their evidence. */
export function suggestReport(db: Db, resolver: Resolver, filters: Filters, limit = 20) {
  const suggester = createSuggester(resolver.registry);
  const suggestions: Suggestion[] = unresolvedNames(db, filters, limit).map((n) => {
    const coListed = listedBeside(db, filters, n.name);
    return { ...n, ...whereAndWhen(db, filters, n.name), coListed, candidates: suggester.candidates(n.name, coListed) };
  });
  return { kind: 'suggestions' as const, filters, suggestions };
}
