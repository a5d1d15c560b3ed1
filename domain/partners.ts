// 3GPP's Organizational Partners: the standards bodies through which members join 3GPP (3GPP
// Partnership Project Description; the membership page lists them with their regions). A seat's
// partner is how its holder takes part, never the holder's company: "Qualcomm Incorporated - ATIS" is
// Qualcomm, US, taking part through ATIS.
export const ORGANIZATIONAL_PARTNERS = ['ARIB', 'ATIS', 'CCSA', 'ETSI', 'TSDSI', 'TTA', 'TTC'] as const;
export type OrganizationalPartner = (typeof ORGANIZATIONAL_PARTNERS)[number];

/** The partner a cell names (`atis`, ` ETSI `), or null when it names none of them. */
export function organizationalPartner(text: string | null | undefined): OrganizationalPartner | null {
  const key = (text ?? '').trim().toUpperCase();
  return (ORGANIZATIONAL_PARTNERS as readonly string[]).includes(key) ? (key as OrganizationalPartner) : null;
}
