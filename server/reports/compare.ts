// Side by side: 2 to 5 organizations (at their ultimate parents) or countries over the same bodies,
// groups and period. Same counting as every report: full and fractional, the parent's home country.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import { countryName, isCountryCode } from '../../domain/resolve/countries.js';
import { findOrganization } from './company.js';
import { NotFoundError } from './country.js';
import type { Filters } from './filters.js';
import { seriesScope } from './coverage.js';
import { yearSeries } from './series.js';
import { basisOf, byGroup, countsOf, participationSummary, seatHolder, seats, type Subject as CountSubject } from './participation.js';

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

function subjectsOf(db: Db, resolver: Resolver, request: { organizations: string[]; countries: string[] }): { subject: Subject; counted: CountSubject }[] {
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
          counted: { kind: 'parent' as const, id: organization.id, country: organization.country },
        };
      })
    : keys.map((key) => {
        const code = key.toUpperCase();
        if (!isCountryCode(code)) throw new NotFoundError(`no country "${key.slice(0, 10)}" (ISO 3166-1 alpha-2, e.g. CN)`);
        return {
          subject: { kind: 'country' as const, key: code, name: countryName(code), country: code },
          // The country a source counts for follows the filters' basis (parent or entity), as on the country page.
          counted: { kind: 'country' as const, code },
        };
      });
  const unique = new Set(subjects.map((s) => s.subject.key));
  if (unique.size !== subjects.length) throw new CompareError('each organization or country once (a subsidiary counts as its parent)');
  return subjects;
}

/** Contributions per group under the filters: the denominator of a subject's share of a group. */
function groupTotals(db: Db, filters: Filters): Map<string, number> {
  const rows = db.all<{ body: string; group: string; n: number }>(sql`
    select g.body_id as body, g.code as "group", t.contributions as n
    from (${countsOf(db, 'everyone', filters, ['group'])}) t join groups g on g.id = t."group"`);
  return new Map(rows.map((r) => [`${r.body} ${r.group}`, r.n]));
}

export function compareReport(db: Db, resolver: Resolver, request: { organizations: string[]; countries: string[] }, filters: Filters) {
  const subjects = subjectsOf(db, resolver, request);
  // Every subject's years over the same groups (coverage.ts).
  const scope = seriesScope(db, filters, 'year');
  const per = subjects.map(({ subject, counted }) => {
    const summary = participationSummary(db, counted, filters);
    // Seats by the holder's parent's country, whatever the basis (as the seat table counts them).
    const held = seats(db, seatHolder(counted, { ...filters, basis: 'parent' }), filters);
    return {
      subject,
      totals: { ...summary.totals, acceptanceRate: summary.outcomes.acceptanceRate, seats: held.length, chairs: held.filter((s) => s.role === 'chair').length },
      groups: byGroup(db, counted, filters),
      years: yearSeries(db, counted, filters, scope).rows,
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
  // Every subject's rows are of the same years (and groups): those of the series' denominators.
  const years = per[0]?.years ?? [];
  return {
    kind: 'compare' as const,
    filters,
    basis: basisOf(filters),
    subjects: per.map((p) => ({ ...p.subject, ...p.totals })),
    groups: groupRows,
    seriesCoverage: scope.coverage,
    years: years.map((y) => ({
      year: y.year,
      body: y.body,
      group: y.group,
      contributions: y.allContributions,
      partial: y.partial,
      partialReason: y.partialReason,
      values: per.map((p) => {
        const row = p.years.find((r) => r.year === y.year && r.body === y.body && r.group === y.group);
        return { contributions: row?.contributions ?? 0, fractional: row?.fractional ?? 0, share: row?.share ?? null };
      }),
    })),
  };
}

export type CompareReport = ReturnType<typeof compareReport>;
