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
 * Everything fetched or imported, byte for byte: the bytes live in the archive directory under
 * `storagePath` (content-addressed by sha256), so any stored record can be traced to the page it came
 * from and re-parsed without downloading it again.
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
  },
  (t) => [uniqueIndex('raw_documents_url_sha').on(t.url, t.sha256), index('raw_documents_sha').on(t.sha256)],
);

/** The organization registry, loaded from scrapers/resolve/organizations.yaml (and sdo groups met in data). */
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
    /** The outcome class derived from `status` (scrapers/outcomes.ts): what reports count. */
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
    /** Denormalised ultimate parent, so reports group without walking the tree. */
    parentId: integer('parent_id').references(() => organizations.id),
    /** A leadership seat the cell reveals (`RAN4 Chair (Huawei)` → group RAN4, chair). */
    seatGroup: text('seat_group'),
    seatRole: text('seat_role'),
    /** 1/n for a contribution with n sources: fractional counting. */
    share: real('share').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contributionId, t.position] }),
    index('sources_parent').on(t.parentId),
    index('sources_organization').on(t.organizationId),
    index('sources_unresolved').on(t.name).where(sql`${t.organizationId} is null`),
    index('sources_seat').on(t.seatGroup).where(sql`${t.seatGroup} is not null`),
    // Covering the reports' walk from a parent to its contributions and shares without reading the
    // wide source rows (about 15 % less CPU per country or company report on the benchmark database).
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
 * How many times a table has changed, counted by triggers (migration 0012): what a process keeps in
 * memory from a small table (the meetings' names and dates) it keeps while the count is the same,
 * even when other tables change. `name` 'meetings' counts writes to meetings and groups.
 */
export const tableChanges = sqliteTable('table_changes', {
  name: text('name').primaryKey(),
  changes: integer('changes').notNull(),
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
 * Report counts kept up to date on write (db/rollup.ts), so the country, company, overview and digest
 * reports add up a few thousand rows instead of walking millions of source rows
 * (server/reports/rollup.ts reads them).
 *
 * Each row counts the contributions of one bucket for one value of one `dim`ension:
 * - the bucket: `level` 'g' is one group (`group_id`), 'b' a whole body (`group_id` 0); `grain` 'm' is a
 *   month (`period` YYYY-MM; kept per group only), 'y' a year (`period` YYYY) or the undated
 *   contributions (`period` ''), 'd' a day (`period` YYYY-MM-DD; only `all`, `parent` and
 *   `country:parent`, per group: the days at the edges of a range, such as the digest's weeks);
 *   `outcome` the contributions' outcome ('withdrawn', 'superseded' or 'other' where a dimension needs
 *   no more: kinds, entities, meetings, co-sources); `meeting_id` the meeting (0: not kept) for the `meeting:` dimensions, which exist at the
 *   group level only (a meeting is one group's). Years and whole bodies are sums of months and groups
 *   (a contribution has one date and one group), kept so that a report over years reads few rows.
 * - the dimension value: `all` (every contribution), `parent` (a = ultimate parent, 0 when unresolved),
 *   `country:parent` / `country:entity` (s = the country on each basis), `parent-country:parent` /
 *   `parent-country:entity` (s = country, a = parent), `no-country:parent` / `no-country:entity` (the
 *   sources that count for no country on each basis), `kind` (s = the parent's kind), `entity`
 *   (a = parent, b = the organization named), `co:parent` (a = subject parent, b = a parent named
 *   beside it, itself included), `co:country:parent` / `co:country:entity` (s = subject country, b = a
 *   parent named beside it); `meeting:all`, `meeting:parent`, `meeting:country:*` as their namesakes,
 *   per meeting.
 *
 * `contributions` counts each contribution once per value (full counting), `fractional` sums the
 * sources' shares, `sources`/`resolved` count source rows (coverage), `first_day`/`last_day` bound the
 * dates. The key is ordered for the reads: a dimension's subject at one level and grain is contiguous.
 * The table is WITHOUT ROWID (migration 0007): the rows are stored in key order.
 */
export const reportCounts = sqliteTable(
  'report_counts',
  {
    dim: text('dim').notNull(),
    level: text('level', { enum: ['g', 'b'] }).notNull(),
    grain: text('grain', { enum: ['m', 'y', 'd'] }).notNull(),
    s: text('s').notNull(),
    a: integer('a').notNull(),
    groupId: integer('group_id').notNull(),
    bodyId: text('body_id').notNull(),
    period: text('period').notNull(),
    b: integer('b').notNull(),
    meetingId: integer('meeting_id').notNull(),
    outcome: text('outcome').notNull(),
    contributions: integer('contributions').notNull(),
    fractional: real('fractional').notNull(),
    sources: integer('sources').notNull(),
    resolved: integer('resolved').notNull(),
    firstDay: text('first_day'),
    lastDay: text('last_day'),
  },
  (t) => [
    primaryKey({ columns: [t.dim, t.level, t.grain, t.s, t.a, t.groupId, t.bodyId, t.period, t.b, t.meetingId, t.outcome] }),
    // Recomputing a bucket deletes its rows by (group, period), whatever the dimension.
    index('report_counts_bucket').on(t.groupId, t.period, t.bodyId),
    // A report about everyone over some months or days (the digest's weeks and baseline) reads one
    // dimension's rows of those periods; in the key the period comes after every subject.
    index('report_counts_period').on(t.dim, t.grain, t.period),
    // The day rows again, whole, in (dimension, day) order: a digest's weeks and baseline read them
    // from here without a lookup per row into the table.
    index('report_counts_days')
      .on(t.dim, t.period, t.level, t.s, t.a, t.groupId, t.bodyId, t.b, t.meetingId, t.outcome, t.contributions, t.fractional, t.sources, t.resolved, t.firstDay, t.lastDay)
      .where(sql`grain = 'd'`),
  ],
);

/**
 * Buckets of report_counts to recompute: (group, day; '' for no date), marked by triggers on
 * contributions, contribution_sources and organizations in the writing transaction. group_id -1 means
 * everything (an organization's country or kind changed).
 */
export const reportRollupDirty = sqliteTable(
  'report_rollup_dirty',
  {
    groupId: integer('group_id').notNull(),
    day: text('day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.day] })],
);
