// The one place that knows the tables. Everything else reads and writes through these definitions;
// migrations in db/migrations are generated from this file by drizzle-kit and committed.
//
// Dates are ISO strings: `YYYY-MM-DD` for calendar dates (meeting days, contribution dates, seats),
// full ISO timestamps for moments (fetch times, run times). SQLite compares both correctly as text.
import { sql } from 'drizzle-orm';
import {
  sqliteTable,
  text,
  integer,
  real,
  primaryKey,
  index,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

/** A standards body: `3gpp`, `itu`, `ieee`, `ietf`. */
export const bodies = sqliteTable('bodies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

/** A group inside a body, by the body's own short code: `RAN`, `RAN1`, `SA2`. */
export const groups = sqliteTable(
  'groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bodyId: text('body_id').notNull().references(() => bodies.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('groups_body_code').on(t.bodyId, t.code)],
);

/** A meeting of a group: `RAN#104`, `SA2#155`. Dates are known when discovery or the file gave them. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bodyId: text('body_id').notNull().references(() => bodies.id),
    groupId: integer('group_id').notNull().references(() => groups.id),
    name: text('name').notNull(),
    startDate: text('start_date'),
    endDate: text('end_date'),
    town: text('town'),
    folderUrl: text('folder_url'),
  },
  (t) => [uniqueIndex('meetings_body_name').on(t.bodyId, t.name), index('meetings_group').on(t.groupId)],
);

/**
 * Everything fetched or imported, byte for byte (or its redacted copy: `redaction`): the bytes live in
 * the archive directory under `storagePath` (content-addressed by sha256), so any stored record can be
 * traced to the page it came from and re-parsed without downloading it again.
 */
export const rawDocuments = sqliteTable(
  'raw_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    url: text('url').notNull(),
    fetchedAt: text('fetched_at').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    contentType: text('content_type'),
    httpStatus: integer('http_status'),
    etag: text('etag'),
    lastModified: text('last_modified'),
    storagePath: text('storage_path').notNull(),
    /**
     * What was taken out of the file as published before it was archived (e-mail addresses, people's
     * names), null when the bytes are the published ones; then `sha256` and `size` are the copy's,
     * and these the published file's, for anyone holding it to check.
     */
    redaction: text('redaction'),
    publishedSha256: text('published_sha256'),
    publishedSize: integer('published_size'),
  },
  (t) => [uniqueIndex('raw_documents_url_sha').on(t.url, t.sha256), index('raw_documents_sha').on(t.sha256)],
);

/** The organization registry, loaded from domain/resolve/registry/*.yaml (and sdo groups met in data). */
export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['company', 'government', 'research', 'association', 'sdo', 'individual', 'unknown'],
    }).notNull(),
    /** The entity's own home country (ISO 3166-1 alpha-2); reports use the ultimate parent's. */
    country: text('country'),
    parentId: integer('parent_id').references((): AnySQLiteColumn => organizations.id),
    /** `registry` for reviewed records, `pattern` for standards-body groups recognised by shape. */
    origin: text('origin', { enum: ['registry', 'pattern'] }).notNull(),
    notes: text('notes'),
  },
  (t) => [uniqueIndex('organizations_slug').on(t.slug), index('organizations_parent').on(t.parentId)],
);

/** Lookup keys (normalised spellings) of an organization. */
export const organizationAliases = sqliteTable('organization_aliases', {
  key: text('key').primaryKey(),
  organizationId: integer('organization_id')
    .notNull()
    .references(() => organizations.id),
  alias: text('alias').notNull(),
});

/** One document submitted to a body, keyed on (body, the body's own document number). */
export const contributions = sqliteTable(
  'contributions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bodyId: text('body_id').notNull().references(() => bodies.id),
    groupId: integer('group_id').notNull().references(() => groups.id),
    meetingId: integer('meeting_id').references(() => meetings.id),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    type: text('type'),
    docFor: text('doc_for'),
    /** The body's own outcome word, lower case; null while the list gives none. */
    status: text('status'),
    /** The outcome class derived from `status` (domain/outcomes.ts): what reports count. */
    outcome: text('outcome', {
      enum: ['accepted', 'noted', 'withdrawn', 'superseded', 'not-handled', 'pending'],
    }).notNull(),
    /** Submission date: upload date when the list gives one, else reservation date, else the meeting's first day. */
    date: text('date'),
    agendaItem: text('agenda_item'),
    release: text('release'),
    workItems: text('work_items'),
    /** The source cell exactly as published (whitespace collapsed). */
    sourceText: text('source_text').notNull(),
    url: text('url'),
    revisionOf: text('revision_of'),
    revisedTo: text('revised_to'),
    /** The archived listing this record was last read from. */
    rawDocumentId: integer('raw_document_id').references(() => rawDocuments.id),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [
    uniqueIndex('contributions_body_ref').on(t.bodyId, t.ref),
    index('contributions_group_date').on(t.groupId, t.date),
    // A group's contributions in id order, with their dates: /api/contributions pages of one group
    // (since a date) walk it from the page's `after` and stop at the page's end, instead of sorting all.
    index('contributions_group_id').on(t.groupId, t.id, t.date),
    index('contributions_meeting').on(t.meetingId),
    index('contributions_date').on(t.date),
  ],
);

/** Every status a contribution was seen with, oldest first: a changed outcome is history, not an overwrite. */
export const contributionStatusHistory = sqliteTable(
  'contribution_status_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contributionId: integer('contribution_id')
      .notNull()
      .references(() => contributions.id),
    status: text('status'),
    seenAt: text('seen_at').notNull(),
    rawDocumentId: integer('raw_document_id').references(() => rawDocuments.id),
  },
  (t) => [index('status_history_contribution').on(t.contributionId)],
);

/**
 * The organizations behind a contribution, in the order the source cell names them. `raw` is the part
 * of the cell this source came from; the resolved columns are derived from it and the registry, and are
 * recomputed whenever the registry changes.
 */
export const contributionSources = sqliteTable(
  'contribution_sources',
  {
    contributionId: integer('contribution_id')
      .notNull()
      .references(() => contributions.id),
    position: integer('position').notNull(),
    raw: text('raw').notNull(),
    /** The organization name as written, with roles and seats taken off. */
    name: text('name').notNull(),
    role: text('role'),
    organizationId: integer('organization_id').references(() => organizations.id),
    /** Denormalised ultimate parent at the contribution's date, so reports group without walking the tree. */
    parentId: integer('parent_id').references(() => organizations.id),
    /** The country the source counts for on the parent basis (the parent's), null when none. */
    parentCountry: text('parent_country'),
    /** The country on the entity basis: the named organization's own, else its parent's. */
    entityCountry: text('entity_country'),
    /** The kind of the ultimate parent, null when unresolved. */
    parentKind: text('parent_kind'),
    /**
     * The 3GPP Organizational Partner the named organization is a member through, from the registry's
     * memberships (domain/partners.ts): `ETSI`, several joined by `+` (`CCSA+ETSI`), `none` when none is
     * on record; null when unresolved.
     */
    partner: text('partner'),
    /** A leadership seat the cell reveals (`RAN4 Chair (Huawei)` → group RAN4, chair). */
    seatGroup: text('seat_group'),
    seatRole: text('seat_role'),
    /** 1/n for a contribution with n sources: fractional counting. */
    share: real('share').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contributionId, t.position] }),
    index('sources_organization').on(t.organizationId),
    index('sources_unresolved').on(t.name).where(sql`${t.organizationId} is null`),
    index('sources_seat').on(t.seatGroup).where(sql`${t.seatGroup} is not null`),
    // Covering the reports' walk from a parent to its contributions and shares without reading the
    // wide source rows (about 15 % less CPU per country or company report on the benchmark database);
    // it serves every lookup by parent too (an index on the parent alone was one more write per source).
    index('sources_parent_contribution').on(t.parentId, t.contributionId, t.share),
  ],
);

/**
 * The authors of a contribution in the document's order, each with the affiliation and the country the
 * document itself gives (an IETF draft's "Authors' Addresses", the Datatracker's documentauthor
 * records): a Huawei author writing from Canada is (`Huawei Technologies`, `CA`) here, while reports
 * count by the resolved organization's country. Deliberately no names, e-mail or postal addresses:
 * the aggregate needs none of that personal data. Replaced when a listing gives the document's
 * authors, kept when a later listing gives none.
 */
export const contributionAuthors = sqliteTable(
  'contribution_authors',
  {
    contributionId: integer('contribution_id')
      .notNull()
      .references(() => contributions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** The affiliation as published, null when the author gives none. */
    affiliation: text('affiliation'),
    /** ISO 3166-1 alpha-2 of the country the document gives for the author, null when it gives none. */
    country: text('country'),
  },
  (t) => [primaryKey({ columns: [t.contributionId, t.position] })],
);

/** A dated leadership seat. `basis` says where it came from: `tdoc-source` seats are read off source cells. */
export const positions = sqliteTable(
  'positions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bodyId: text('body_id').notNull().references(() => bodies.id),
    groupId: integer('group_id').notNull().references(() => groups.id),
    role: text('role').notNull(),
    person: text('person'),
    organizationId: integer('organization_id').references(() => organizations.id),
    /** Denormalised ultimate parent of the organization, as for sources. */
    parentId: integer('parent_id').references(() => organizations.id),
    sourceRaw: text('source_raw').notNull(),
    fromDate: text('from_date'),
    toDate: text('to_date'),
    lastSeenDate: text('last_seen_date'),
    evidenceUrl: text('evidence_url'),
    basis: text('basis').notNull(),
    /** Which page of that basis reported it (`SG17/2017-2020`): a roster is replaced per (basis, scope). */
    scope: text('scope'),
    /** Below the group: a Question (`Q6/17`), a working party, a work item. */
    detail: text('detail'),
    /** The country the officer page gives with the seat, as ISO alpha-2 (may differ from the parent's). */
    country: text('country'),
    /**
     * The 3GPP Organizational Partner the holder takes part through (`ATIS`, `CCSA`, `ETSI`, `ARIB`,
     * `TTC`, `TTA`, `TSDSI`), as the page gives it: a membership route, never the holder's company.
     */
    partner: text('partner'),
    rawDocumentId: integer('raw_document_id').references(() => rawDocuments.id),
  },
  (t) => [
    index('positions_group').on(t.groupId),
    index('positions_organization').on(t.organizationId),
    index('positions_basis_scope').on(t.basis, t.scope),
  ],
);

/** One run of a scraper, an import or the snapshot seed: when, what, how many, and what went wrong. */
export const scrapeRuns = sqliteTable(
  'scrape_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source').notNull(),
    trigger: text('trigger').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    status: text('status', { enum: ['running', 'ok', 'partial', 'failed', 'layout-changed'] }).notNull(),
    /** The process running it: a run left `running` by a process that is gone was interrupted. */
    pid: integer('pid'),
    documentsFetched: integer('documents_fetched').notNull().default(0),
    recordsSeen: integer('records_seen').notNull().default(0),
    recordsNew: integer('records_new').notNull().default(0),
    recordsChanged: integer('records_changed').notNull().default(0),
    error: text('error'),
    /** JSON: per-document notes (skipped rows, warnings). */
    details: text('details'),
  },
  (t) => [index('scrape_runs_source').on(t.source, t.startedAt)],
);

/** Small facts about the database itself, e.g. the hash of the registry it was last resolved with. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * A weekly digest as it was published (`week` = ISO week `2025-W07`): the report's JSON is kept so the
 * page shows that week as readers saw it, not recomputed from later data.
 */
export const digests = sqliteTable('digests', {
  week: text('week').primaryKey(),
  generatedAt: text('generated_at').notNull(),
  json: text('json').notNull(),
});

/** A named list of things a user follows: organizations, groups and keywords (watchlist_items). */
export const watchlists = sqliteTable(
  'watchlists',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('watchlists_slug').on(t.slug)],
);

/** One followed thing: an organization slug (with its group), a group code, or a keyword of titles. */
export const watchlistItems = sqliteTable(
  'watchlist_items',
  {
    watchlistId: integer('watchlist_id')
      .notNull()
      .references(() => watchlists.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['organization', 'group', 'keyword'] }).notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.watchlistId, t.kind, t.value] })],
);

/**
 * The topics of domain/topics.yaml a contribution is in (db/topics.ts), worked out when it is stored and
 * again for everything when the topics change.
 */
export const contributionTopics = sqliteTable(
  'contribution_topics',
  {
    topic: text('topic').notNull(),
    contributionId: integer('contribution_id')
      .notNull()
      .references(() => contributions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.contributionId, t.topic] }), index('contribution_topics_topic').on(t.topic, t.contributionId)],
);

// ---------------------------------------------------------------------------------------------------
// Report counts (db/counts/): how many contributions each country, organization, kind of
// organization… has per group and month (and meeting), per group and year, and per group over every
// period. Derived from
// contributions and contribution_sources by the definitions in db/counts/ and changed in the same
// transaction as they are (never stale, nothing to invalidate); the reports add these rows up instead
// of walking millions of source rows. Every table is WITHOUT ROWID (the migration says so: drizzle
// cannot): the rows are stored in key order, subject first, so one subject's rows are contiguous.

/** A count row's bucket: a group's month (with its meeting), year, or every period, for every contribution or a topic's. */
function countBucket() {
  return {
    /** '' for every contribution; a topic of domain/topics.yaml for its contributions only. */
    topic: text('topic').notNull(),
    /**
     * `month` (period YYYY-MM, per meeting), `year` (period YYYY, meeting 0); period '' holds the
     * undated. `all` (period '', meeting 0): every contribution of the group, dated or not, what a
     * report without dates reads (not kept for the co-source pairs). `day` (period YYYY-MM-DD,
     * meeting 0): only for every contribution on the parent basis of the tables the weekly digest reads.
     */
    level: text('level', { enum: ['day', 'month', 'year', 'all'] }).notNull(),
    groupId: integer('group_id').notNull(),
    period: text('period').notNull(),
    /** The meeting of a month row; 0 for the other levels and contributions without a meeting. */
    meetingId: integer('meeting_id').notNull(),
  };
}

/**
 * What a count row adds up, split so that every counting rule can be applied when reading: the
 * contributions by outcome class (full counting: each once per subject), the fractional count (each
 * source's 1/n) with the withdrawn and superseded parts apart, and the source mentions likewise.
 */
function countMeasures() {
  return {
    accepted: integer('accepted').notNull(),
    noted: integer('noted').notNull(),
    notHandled: integer('not_handled').notNull(),
    pending: integer('pending').notNull(),
    withdrawn: integer('withdrawn').notNull(),
    superseded: integer('superseded').notNull(),
    fractional: real('fractional').notNull(),
    withdrawnFractional: real('withdrawn_fractional').notNull(),
    supersededFractional: real('superseded_fractional').notNull(),
    sources: integer('sources').notNull(),
    withdrawnSources: integer('withdrawn_sources').notNull(),
    supersededSources: integer('superseded_sources').notNull(),
  };
}

/** A co-source count: contributions naming both, with the withdrawn and superseded apart. */
function pairMeasures() {
  return {
    contributions: integer('contributions').notNull(),
    withdrawn: integer('withdrawn').notNull(),
    superseded: integer('superseded').notNull(),
  };
}

/** Every contribution, counted per bucket. */
export const countsOfEveryone = sqliteTable('counts_of_everyone', { ...countBucket(), ...countMeasures() }, (t) => [
  primaryKey({ columns: [t.level, t.topic, t.groupId, t.period, t.meetingId] }),
]);

/**
 * Per country on each basis (`parent`: the ultimate parent's; `entity`: the named entity's own), ''
 * for sources that count for no country (unresolved, or an organization without one). A contribution
 * counts once per country however many of its sources are of it.
 */
export const countsByCountry = sqliteTable(
  'counts_by_country',
  { basis: text('basis', { enum: ['parent', 'entity'] }).notNull(), country: text('country').notNull(), ...countBucket(), ...countMeasures() },
  (t) => [
    primaryKey({ columns: [t.level, t.topic, t.basis, t.country, t.groupId, t.period, t.meetingId] }),
    // Reads about everyone over a period (the digest's weeks, a ranking over part of a year) find the
    // days and months by period, not by walking every subject's.
    index('counts_by_country_period').on(t.level, t.topic, t.period),
  ],
);

/**
 * Per ultimate parent (0: unresolved) within the country it counts for on each basis. On the parent
 * basis a parent has one country, so its rows are the parent's own counts.
 */
export const countsByParent = sqliteTable(
  'counts_by_parent',
  {
    basis: text('basis', { enum: ['parent', 'entity'] }).notNull(),
    country: text('country').notNull(),
    parentId: integer('parent_id').notNull(),
    ...countBucket(),
    ...countMeasures(),
  },
  (t) => [
    primaryKey({ columns: [t.level, t.topic, t.basis, t.country, t.parentId, t.groupId, t.period, t.meetingId] }),
    index('counts_by_parent_period').on(t.level, t.topic, t.period),
  ],
);

/** Per organization named (a parent's subsidiaries, or the parent itself), under its ultimate parent. */
export const countsByEntity = sqliteTable(
  'counts_by_entity',
  { parentId: integer('parent_id').notNull(), organizationId: integer('organization_id').notNull(), ...countBucket(), ...countMeasures() },
  (t) => [primaryKey({ columns: [t.level, t.topic, t.parentId, t.organizationId, t.groupId, t.period, t.meetingId] })],
);

/** Per kind of ultimate parent (`unknown` for unresolved names). */
export const countsByKind = sqliteTable('counts_by_kind', { kind: text('kind').notNull(), ...countBucket(), ...countMeasures() }, (t) => [
  primaryKey({ columns: [t.level, t.topic, t.kind, t.groupId, t.period, t.meetingId] }),
  index('counts_by_kind_period').on(t.level, t.topic, t.period),
]);

/**
 * Per 3GPP Organizational Partner the sources take part through (the membership basis): a partner, a
 * combination of several (`CCSA+ETSI`), `none` (no membership on record), '' for unresolved names.
 */
export const countsByPartner = sqliteTable('counts_by_partner', { partner: text('partner').notNull(), ...countBucket(), ...countMeasures() }, (t) => [
  primaryKey({ columns: [t.level, t.topic, t.partner, t.groupId, t.period, t.meetingId] }),
]);

/** Per ultimate parent (0: unresolved) and the partner its sources take part through: a company's contributions by partner. */
export const countsByParentPartner = sqliteTable(
  'counts_by_parent_partner',
  { parentId: integer('parent_id').notNull(), partner: text('partner').notNull(), ...countBucket(), ...countMeasures() },
  (t) => [primaryKey({ columns: [t.level, t.topic, t.parentId, t.partner, t.groupId, t.period, t.meetingId] })],
);

/** Co-sources: contributions naming both a parent and another parent beside it (year rows only). */
export const countsOfCoParents = sqliteTable(
  'counts_of_co_parents',
  { parentId: integer('parent_id').notNull(), coParentId: integer('co_parent_id').notNull(), ...countBucket(), ...pairMeasures() },
  (t) => [primaryKey({ columns: [t.level, t.topic, t.parentId, t.coParentId, t.groupId, t.period, t.meetingId] })],
);

/** Co-sources of a country: contributions naming it (on each basis) and a parent of another country (year rows only). */
export const countsOfCoCountries = sqliteTable(
  'counts_of_co_countries',
  {
    basis: text('basis', { enum: ['parent', 'entity'] }).notNull(),
    country: text('country').notNull(),
    coParentId: integer('co_parent_id').notNull(),
    ...countBucket(),
    ...pairMeasures(),
  },
  (t) => [primaryKey({ columns: [t.level, t.topic, t.basis, t.country, t.coParentId, t.groupId, t.period, t.meetingId] })],
);
