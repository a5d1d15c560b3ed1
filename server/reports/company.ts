// The per-company report: an organization taken at its ultimate parent, with its subsidiaries listed.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations } from '../../db/schema.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import { countryName } from '../../domain/resolve/countries.js';
import { NotFoundError } from './country.js';
import type { Filters } from './filters.js';
import { byYear } from './series.js';
import { basisOf, byGroup, byMeeting, coSources, entities, participationSummary, seatHolder, seats, type Subject } from './participation.js';
import { companyByPartner, membershipsOf } from './partners.js';
import { suggestion } from './suggest.js';

/** The organization a slug or a name stands for, at its ultimate parent. */
export function findOrganization(db: Db, resolver: Resolver, nameOrSlug: string) {
  const bySlug = db.select().from(organizations).where(eq(organizations.slug, nameOrSlug.toLowerCase())).get();
  const slug = bySlug?.slug ?? resolver.resolveName(nameOrSlug)?.slug;
  let org = slug ? db.select().from(organizations).where(eq(organizations.slug, slug)).get() : undefined;
  if (!org) {
    const known = db.select({ slug: organizations.slug }).from(organizations).all().map((o) => o.slug);
    throw new NotFoundError(`no organization "${nameOrSlug}"${suggestion(nameOrSlug, known, '/organizations', 'try a slug such as huawei or china-mobile')}`);
  }
  const requested = org;
  while (org.parentId !== null) org = db.select().from(organizations).where(eq(organizations.id, org.parentId)).get()!;
  return { organization: org, requested };
}

export function companyReport(db: Db, resolver: Resolver, nameOrSlug: string, filters: Filters) {
  const { organization, requested } = findOrganization(db, resolver, nameOrSlug);
  const subject: Subject = { kind: 'parent', id: organization.id, country: organization.country };
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
    ...participationSummary(db, subject, filters),
    // The entities the sources named, under this parent: subsidiaries and the parent itself, each with
    // the Organizational Partner(s) it is a member through.
    entities: entities(db, organization.id, filters).map((e) => ({ ...e, partner: membershipsOf(resolver.registry.memberships, e.slug).partner })),
    // 3GPP: its contributions by the partner its named entities take part through, and its memberships on record.
    partners: { ...membershipsOf(resolver.registry.memberships, organization.slug), byPartner: companyByPartner(db, organization.id, filters) },
    byMeeting: byMeeting(db, subject, filters),
    byGroup: byGroup(db, subject, filters),
    // Per year over the groups stored in every year (coverage.ts), with the coverage that says which.
    ...byYear(db, subject, filters),
    coSources: coSources(db, subject, filters),
    seats: seats(db, seatHolder(subject, filters), filters),
  };
}

export type CompanyReport = ReturnType<typeof companyReport>;
