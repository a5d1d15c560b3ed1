// The per-company report: an organization taken at its ultimate parent, with its subsidiaries listed.
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
import { contributionSources, contributions, groups, organizations } from '../../db/schema.js';
import type { Resolver } from '../../scrapers/resolve/resolve.js';
import { countryName } from '../../scrapers/resolve/countries.js';
import { NotFoundError } from './country.js';
import { contributionCondition, type Filters } from './filters.js';
import * as rollup from './rollup.js';
import { as, basisOf, byGroup, byMeeting, coSources, parentOrg, participationSummary, seats } from './participation.js';

const coParent = alias(organizations, 'co_parent');
const seatParent = alias(organizations, 'seat_parent');
const entity = alias(organizations, 'entity');

/** The organization a slug or a name stands for, at its ultimate parent. */
export function findOrganization(db: Db, resolver: Resolver, nameOrSlug: string) {
  const bySlug = db.select().from(organizations).where(eq(organizations.slug, nameOrSlug.toLowerCase())).get();
  const slug = bySlug?.slug ?? resolver.resolveName(nameOrSlug)?.slug;
  let org = slug ? db.select().from(organizations).where(eq(organizations.slug, slug)).get() : undefined;
  if (!org) throw new NotFoundError(`no organization "${nameOrSlug}" (try a slug such as huawei or china-mobile)`);
  const requested = org;
  while (org.parentId !== null) org = db.select().from(organizations).where(eq(organizations.id, org.parentId)).get()!;
  return { organization: org, requested };
}

export function companyReport(db: Db, resolver: Resolver, nameOrSlug: string, filters: Filters) {
  const { organization, requested } = findOrganization(db, resolver, nameOrSlug);
  const who = sql`${parentOrg.id} = ${organization.id}`;
  const subject = { kind: 'parent', id: organization.id } as const;
  const fromRollup = rollup.rollupCovers(db, filters);
  // The entities the sources named, under this parent: subsidiaries and the parent itself.
  const entities = fromRollup ? rollup.entities(db, organization.id, filters) : db.all<{ slug: string; name: string; country: string | null; contributions: number; fractional: number }>(sql`
    select ${entity.slug} as slug, ${entity.name} as name, ${entity.country} as country,
      count(distinct ${contributions.id}) as contributions, sum(${contributionSources.share}) as fractional
    from ${contributionSources}
    join ${as(organizations, entity)} on ${entity.id} = ${contributionSources.organizationId}
    join ${contributions} on ${contributions.id} = ${contributionSources.contributionId}
    join ${groups} on ${groups.id} = ${contributions.groupId}
    where ${and(eq(contributionSources.parentId, organization.id), contributionCondition(filters))}
    group by ${entity.id} order by contributions desc, name`);
  return {
    kind: 'company' as const,
    organization: {
      slug: organization.slug,
      name: organization.name,
      kind: organization.kind,
      country: organization.country,
      countryName: organization.country ? countryName(organization.country) : null,
      notes: organization.notes,
    },
    requested: requested.slug === organization.slug ? null : { slug: requested.slug, name: requested.name },
    filters,
    basis: basisOf(filters),
    ...(fromRollup ? rollup.participationSummary(db, subject, filters) : participationSummary(db, who, filters)),
    entities,
    byMeeting: fromRollup ? rollup.byMeeting(db, subject, filters) : byMeeting(db, who, filters),
    byGroup: fromRollup ? rollup.byGroup(db, subject, filters) : byGroup(db, who, filters),
    coSources: fromRollup ? rollup.coSources(db, subject, filters) : coSources(db, who, sql`${coParent.id} = ${organization.id}`, filters),
    seats: seats(db, sql`${seatParent.id} = ${organization.id}`, filters),
  };
}

export type CompanyReport = ReturnType<typeof companyReport>;
