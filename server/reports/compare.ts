// Side by side: 2 to 5 organizations (at their ultimate parents) or countries over the same bodies,
// groups and period. Same counting as every report: full and fractional, the parent's home country.
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
import { contributionSources, contributions, groups, organizations } from '../../db/schema.js';
import type { Resolver } from '../../scrapers/resolve/resolve.js';
import { countryName, isCountryCode } from '../../scrapers/resolve/countries.js';
import { findOrganization } from './company.js';
import { NotFoundError } from './country.js';
import { contributionCondition, type Filters } from './filters.js';
import { as, basisOf, byGroup, countryOf, entityOrg, parentOrg, participationSummary, seats } from './participation.js';

/** The seat holder's ultimate parent, as named in participation.seats(). */
const seatParent = alias(organizations, 'seat_parent');

export const MIN_SUBJECTS = 2;
export const MAX_SUBJECTS = 5;

export interface Subject {
  kind: 'organization' | 'country';
  key: string;
  name: string;
  country: string | null;
}

/** A comparison that cannot be made (too few or too many subjects, mixed kinds), with the reason. */
export class CompareError extends Error {
  override readonly name = 'CompareError';
}

function subjectsOf(db: Db, resolver: Resolver, request: { organizations: string[]; countries: string[] }, filters: Filters): { subject: Subject; who: SQL; seatWho: SQL }[] {
  if (request.organizations.length > 0 && request.countries.length > 0) throw new CompareError('compare organizations or countries, not both');
  const keys = request.organizations.length > 0 ? request.organizations : request.countries;
  if (keys.length < MIN_SUBJECTS || keys.length > MAX_SUBJECTS) {
    throw new CompareError(`compare ${MIN_SUBJECTS} to ${MAX_SUBJECTS} organizations (org=huawei&org=ericsson) or countries (country=CN&country=US); got ${keys.length}`);
  }
  const subjects = request.organizations.length > 0
    ? keys.map((key) => {
        const { organization } = findOrganization(db, resolver, key);
        return {
          subject: { kind: 'organization' as const, key: organization.slug, name: organization.name, country: organization.country },
          who: sql`${parentOrg.id} = ${organization.id}`,
          seatWho: sql`${seatParent.id} = ${organization.id}`,
        };
      })
    : keys.map((key) => {
        const code = key.toUpperCase();
        if (!isCountryCode(code)) throw new NotFoundError(`no country "${key.slice(0, 10)}" (ISO 3166-1 alpha-2, e.g. CN)`);
        return {
          subject: { kind: 'country' as const, key: code, name: countryName(code), country: code },
          // The country a source counts for follows the filters' basis (parent or entity), as on the country page.
          who: sql`${countryOf(filters)} = ${code}`,
          seatWho: sql`${seatParent.country} = ${code}`,
        };
      });
  const unique = new Set(subjects.map((s) => s.subject.key));
  if (unique.size !== subjects.length) throw new CompareError('each organization or country once (a subsidiary counts as its parent)');
  return subjects;
}

function byYear(db: Db, who: SQL, filters: Filters) {
  return db.all<{ year: string; contributions: number; fractional: number }>(sql`
    select substr(${contributions.date}, 1, 4) as year, count(distinct ${contributions.id}) as contributions, sum(${contributionSources.share}) as fractional
    from ${contributionSources}
    join ${as(organizations, parentOrg)} on ${parentOrg.id} = ${contributionSources.parentId}
    left join ${as(organizations, entityOrg)} on ${entityOrg.id} = ${contributionSources.organizationId}
    join ${contributions} on ${contributions.id} = ${contributionSources.contributionId}
    join ${groups} on ${groups.id} = ${contributions.groupId}
    where (${who}) and ${contributions.date} is not null and ${contributionCondition(filters)}
    group by year order by year`);
}

/** Contributions per group under the filters: the denominator of a subject's share of a group. */
function groupTotals(db: Db, filters: Filters): Map<string, number> {
  const rows = db.all<{ body: string; group: string; n: number }>(sql`
    select ${contributions.bodyId} as body, ${groups.code} as "group", count(*) as n
    from ${contributions} join ${groups} on ${groups.id} = ${contributions.groupId}
    where ${contributionCondition(filters)} group by ${groups.id}`);
  return new Map(rows.map((r) => [`${r.body} ${r.group}`, r.n]));
}

export function compareReport(db: Db, resolver: Resolver, request: { organizations: string[]; countries: string[] }, filters: Filters) {
  const subjects = subjectsOf(db, resolver, request, filters);
  const per = subjects.map(({ subject, who, seatWho }) => {
    const summary = participationSummary(db, who, filters);
    const held = seats(db, seatWho, filters);
    return {
      subject,
      totals: { ...summary.totals, acceptanceRate: summary.outcomes.acceptanceRate, seats: held.length, chairs: held.filter((s) => s.role === 'chair').length },
      groups: byGroup(db, who, filters),
      years: byYear(db, who, filters),
    };
  });
  const totalsByGroup = groupTotals(db, filters);
  const groupKeys = [...new Set(per.flatMap((p) => p.groups.map((g) => `${g.body} ${g.group}`)))];
  const groupRows = groupKeys
    .map((key) => {
      const [body, group] = key.split(' ') as [string, string];
      const all = totalsByGroup.get(key) ?? 0;
      return {
        body,
        group,
        contributions: all,
        values: per.map((p) => {
          const row = p.groups.find((g) => g.body === body && g.group === group);
          const fractional = row?.fractional ?? 0;
          return { contributions: row?.contributions ?? 0, fractional, share: all === 0 ? null : fractional / all };
        }),
      };
    })
    .sort((a, b) => b.contributions - a.contributions || a.group.localeCompare(b.group));
  const years = [...new Set(per.flatMap((p) => p.years.map((y) => y.year)))].sort();
  return {
    kind: 'compare' as const,
    filters,
    basis: basisOf(filters),
    subjects: per.map((p) => ({ ...p.subject, ...p.totals })),
    groups: groupRows,
    years: years.map((year) => ({
      year,
      values: per.map((p) => {
        const row = p.years.find((y) => y.year === year);
        return { contributions: row?.contributions ?? 0, fractional: row?.fractional ?? 0 };
      }),
    })),
  };
}

export type CompareReport = ReturnType<typeof compareReport>;
