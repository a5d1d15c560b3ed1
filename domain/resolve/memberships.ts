// Memberships: through which 3GPP Organizational Partner an organization of the registry is a member
// (registry/memberships.yaml, generated from a published table by scrapers/3gpp/memberships.ts). Facts
// of their own, each with its source and the day it describes, loaded and checked with the registry
// (registry.ts) and counted as the membership basis (docs/counting.md).
import { z } from 'zod';
import { ORGANIZATIONAL_PARTNERS, partnerOfMemberships, type OrganizationalPartner } from '../partners.js';

const SLUG = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** The `memberships` section of a registry file: where the facts come from, and the facts. */
export const membershipsSectionSchema = z
  .object({
    source: z
      .object({
        title: z.string().min(1),
        url: z.string().min(1),
        /** The time the source describes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
        asOf: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD'),
      })
      .strict(),
    members: z.array(
      z
        .object({
          organization: z.string().regex(SLUG, 'an organization slug'),
          partner: z.enum(ORGANIZATIONAL_PARTNERS),
          /** The members as the source names them: the legal entities that are the organization here. */
          names: z.array(z.string().min(1)).min(1),
        })
        .strict(),
    ),
  })
  .strict();

export type MembershipsSection = z.infer<typeof membershipsSectionSchema>;

export interface MembershipSource {
  /** The registry file that holds them. */
  file: string;
  title: string;
  url: string;
  asOf: string;
}

export interface Membership {
  partner: OrganizationalPartner;
  names: string[];
  source: MembershipSource;
}

export interface Memberships {
  /** Organization slug → its memberships on record, partners in order. */
  byOrganization: Map<string, Membership[]>;
  sources: MembershipSource[];
}

/**
 * The memberships of the registry's files, checked: every organization named must be one of the
 * registry's (`known`); each problem is added to `problems`.
 */
export function collectMemberships(sections: { file: string; section: MembershipsSection }[], known: (slug: string) => boolean, problems: string[]): Memberships {
  const byOrganization = new Map<string, Membership[]>();
  const sources: MembershipSource[] = [];
  for (const { file, section } of sections) {
    const source: MembershipSource = { file, ...section.source };
    sources.push(source);
    for (const member of section.members) {
      if (!known(member.organization)) {
        problems.push(`${file}: membership of "${member.organization}", which is not an organization of the registry`);
        continue;
      }
      const list = byOrganization.get(member.organization) ?? [];
      if (list.some((m) => m.partner === member.partner && m.source === source)) problems.push(`${file}: ${member.organization} through ${member.partner} listed twice`);
      list.push({ partner: member.partner, names: member.names, source });
      byOrganization.set(member.organization, list.sort((a, b) => a.partner.localeCompare(b.partner)));
    }
  }
  return { byOrganization, sources };
}

/**
 * The partner a source takes part through (domain/partners.ts): its organization's memberships on
 * record, or null for an unresolved name (no organization).
 */
export function sourcePartner(registry: { memberships: Memberships }, source: { organization: { slug: string } | null }): string | null {
  if (!source.organization) return null;
  return partnerOfMemberships(registry.memberships.byOrganization.get(source.organization.slug)?.map((m) => m.partner));
}
