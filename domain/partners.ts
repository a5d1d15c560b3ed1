// 3GPP's Organizational Partners: the standards bodies through which members join 3GPP (3GPP
// Partnership Project Description; the membership page lists them with their regions). A seat's
// partner is how its holder takes part, never the holder's company: "Qualcomm Incorporated - ATIS" is
// Qualcomm, US, taking part through ATIS.
export const ORGANIZATIONAL_PARTNERS = ['ARIB', 'ATIS', 'CCSA', 'ETSI', 'TSDSI', 'TTA', 'TTC'] as const;
export type OrganizationalPartner = (typeof ORGANIZATIONAL_PARTNERS)[number];

/** Where each partner is (3GPP's membership page: "ARIB (Japan)", "ATIS (North America)", …). */
export const PARTNER_REGIONS: Record<OrganizationalPartner, string> = {
  ARIB: 'Japan',
  ATIS: 'North America',
  CCSA: 'China',
  ETSI: 'Europe',
  TSDSI: 'India',
  TTA: 'South Korea',
  TTC: 'Japan',
};

/** The partner a cell names (`atis`, ` ETSI `), or null when it names none of them. */
export function organizationalPartner(text: string | null | undefined): OrganizationalPartner | null {
  const key = (text ?? '').trim().toUpperCase();
  return (ORGANIZATIONAL_PARTNERS as readonly string[]).includes(key) ? (key as OrganizationalPartner) : null;
}

// The partner a contribution's source takes part through, as stored and counted (the membership basis,
// docs/counting.md): one partner (`ETSI`); several as their names in order joined by `+` (`CCSA+ETSI`:
// the organization joined through each, and a source cell does not say which of its members wrote);
// `none` when no membership of the organization is on record. An unresolved name has no organization
// and so no partner (null where stored, `unresolved` in reports).
export const NO_MEMBERSHIP = 'none';
export const UNRESOLVED_PARTNER = 'unresolved';
export const SEVERAL_PARTNERS = 'several';

/** The source partner of an organization with these memberships on record (in any order, repeats allowed). */
export function partnerOfMemberships(partners: readonly OrganizationalPartner[] | undefined): string {
  const distinct = [...new Set(partners ?? [])].sort();
  return distinct.length === 0 ? NO_MEMBERSHIP : distinct.join('+');
}

/** The partners a source partner stands for: one, several, or none (`none`, `unresolved`). */
export function partnersIn(partner: string): OrganizationalPartner[] {
  return partner.split('+').filter((p): p is OrganizationalPartner => organizationalPartner(p) === p);
}

/** How a source partner reads in a report: through one partner, several, none on record, or an unresolved name. */
export function partnerClass(partner: string): 'one' | 'several' | 'none' | 'unresolved' {
  if (partner === UNRESOLVED_PARTNER || partner === '') return 'unresolved';
  const partners = partnersIn(partner);
  return partners.length === 0 ? 'none' : partners.length === 1 ? 'one' : 'several';
}
