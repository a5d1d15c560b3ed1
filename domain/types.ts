// The records every adapter yields. Parsers produce these from real bytes; the store writes them.

export const BODY_IDS = ['3gpp', 'itu', 'ieee', 'ietf'] as const;
export type BodyId = (typeof BODY_IDS)[number];

export const ROLES = ['chair', 'vice-chair', 'rapporteur', 'editor', 'moderator', 'convenor', 'secretary'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = [
  'company',
  'government',
  'research',
  'association',
  'sdo',
  'individual',
  'unknown',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** One contribution as the body's listing shows it. Strings are as published, trimmed. */
export interface ParsedContribution {
  ref: string;
  title: string;
  type: string | null;
  docFor: string | null;
  /** The body's own outcome word in lower case, or null when the listing gives none yet. */
  status: string | null;
  /** YYYY-MM-DD: when the document was submitted, as far as the listing tells. */
  date: string | null;
  agendaItem: string | null;
  release: string | null;
  workItems: string | null;
  /** The source cell as published, whitespace collapsed. */
  sourceText: string;
  url: string | null;
  revisionOf: string | null;
  revisedTo: string | null;
  /**
   * The document's authors in its order, each with the affiliation and country the document gives
   * (IETF). Absent when the listing does not tell: stored authors are then kept. No names or addresses.
   */
  authors?: ParsedAuthor[];
}

/** One author of a contribution as the document gives it: affiliation as published, country ISO alpha-2. */
export interface ParsedAuthor {
  affiliation: string | null;
  country: string | null;
}

export interface ParsedGroup {
  code: string;
  name: string;
}

export interface ParsedMeeting {
  /** Canonical meeting name, e.g. `RAN#104`, `RAN#90-e`, `SA2#155`. */
  name: string;
  startDate: string | null;
  endDate: string | null;
  town: string | null;
  folderUrl: string | null;
}

/** What a parser returns for one listing (one TDoc list, one agenda page). */
export interface ParsedListing {
  body: BodyId;
  /** Which parser read it, e.g. `3gpp-tdoc-list`. */
  format: string;
  group: ParsedGroup;
  meeting: ParsedMeeting | null;
  contributions: ParsedContribution[];
  /** Rows skipped or values not understood: counted and reported, never silently dropped. */
  warnings: string[];
}

/**
 * One leadership seat as a body's officer page publishes it (a study-group management list, a
 * working group's chairs, an election result).
 */
export interface ParsedPosition {
  group: ParsedGroup;
  role: Role;
  /** The holder's name as published. Never phone numbers, e-mail or postal addresses. */
  person: string | null;
  /** The organization as published (`Huawei Technologies Co., Ltd.`); resolved like a source. */
  sourceText: string;
  /** ISO 3166-1 alpha-2 the page gives with the seat (ITU's address country), when it gives one. */
  country: string | null;
  /** YYYY-MM-DD the term began/ended, as far as the page tells (a study period, an election date). */
  from: string | null;
  to: string | null;
  /** What the seat is over, below the group: a Question (`Q6/17`), a working party, a work item. */
  detail: string | null;
  evidenceUrl: string | null;
  /** 3GPP: the Organizational Partner the holder takes part through (`ATIS`), when the page gives it. */
  partner?: string | null;
}

/** What a parser returns for one officer page. */
export interface ParsedRoster {
  body: BodyId;
  format: string;
  /** Where the seats come from (`itu-t-mgmt`, `3gpp-elections`): positions are kept apart per basis. */
  basis: string;
  /**
   * What this page covers (`SG17/2017-2020`). Storing a roster again updates the seats of the same
   * basis and scope; seats of other scopes are never touched.
   */
  scope: string;
  positions: ParsedPosition[];
  warnings: string[];
}

/** What storing one listing or roster did: how many records it held, how many were new or changed. */
export interface StoreResult {
  seen: number;
  new: number;
  changed: number;
}

/**
 * What was taken out of a published file before it was archived (its personal data), and the
 * published file's fingerprint, for anyone holding the file to check the copy against it.
 */
export interface Redaction {
  /** In words, as /raw/N says it: `e-mail addresses removed (…)`. */
  removed: string;
  publishedSha256: string;
  publishedSize: number;
}
