// The parsers a fixture's expected file may name (test/fixtures/README.md): each reads the file's bytes
// with the options the expected file gives, and says what it read as the fields that hold for the whole
// file and a list of records, each named by a ref (the document number, the seat, the entry's name).
// A new page type is one entry here; a new real case of a known page type is two files and no code.
import { z } from 'zod';
import { parseChairsTable } from '../../scrapers/3gpp/parse-chairs-table.js';
import { parseDirectoryListing } from '../../scrapers/3gpp/parse-directory-listing.js';
import { nextListingPage, parseElectionNews, parseNewsListing } from '../../scrapers/3gpp/parse-elections.js';
import { parseMeetingIndex } from '../../scrapers/3gpp/parse-meeting-index.js';
import { parseOfficials } from '../../scrapers/3gpp/parse-officials.js';
import { parseRoster } from '../../scrapers/3gpp/parse-roster.js';
import { parseTdocList } from '../../scrapers/3gpp/parse-tdoc-list.js';
import { parseTdocsByAgenda } from '../../scrapers/3gpp/parse-tdocs-by-agenda.js';
import { parseWorkPlan } from '../../scrapers/3gpp/parse-work-plan.js';
import { rapporteurNaming } from '../../scrapers/3gpp/work-plan-rapporteur.js';
import { parseMentorPage, type MentorRevision } from '../../scrapers/ieee/parse-mentor-listing.js';
import { parseOfficerPage } from '../../scrapers/ieee/parse-officers.js';
import { readIetfJsonFiles } from '../../scrapers/ietf/import-json.js';
import { parseApiPage, readAuthors, readDocuments, readGroups, readPerson, readRoles, type ApiAuthor, type ApiDocument, type ApiPage } from '../../scrapers/ietf/parse-api.js';
import { parseHtmlizedDraft } from '../../scrapers/ietf/parse-draft.js';
import { parseDocumentPage, parseGroupAboutPage, parsePersonPage, type PersonRole } from '../../scrapers/ietf/parse-pages.js';
import { parseDocumentListing } from '../../scrapers/itu/parse-document-listing.js';
import { parseStudyGroupList, type ListedGroup } from '../../scrapers/itu/parse-group-list.js';
import { parseManagementTeam, parseRapporteurs } from '../../scrapers/itu/parse-roster.js';
import { STUDY_PERIODS } from '../../scrapers/itu/periods.js';
import { loadRegistry } from '../../domain/resolve/registry.js';
import { createResolver } from '../../domain/resolve/resolve.js';
import type { ParsedContribution, ParsedListing, ParsedPosition, ParsedRoster } from '../../domain/types.js';

/** What a parser read from one file. */
export interface Reading {
  /** Every field of the result that is not a record (group, meeting, warnings, the pager …). */
  file: Record<string, unknown>;
  /** The records, in the file's order; absent for a page that is one object (a person, a document page). */
  records?: object[];
}

export interface FixtureParser {
  /** What it reads, for the README and the failure messages. */
  reads: string;
  read(bytes: Buffer, options: unknown): Reading;
  /** The name a record goes by in the expected file; records sharing one are compared as a list, in order. */
  ref?(record: never): string;
}

function listing({ contributions, ...file }: ParsedListing): Reading {
  return { file, records: contributions };
}

function roster({ positions, ...file }: ParsedRoster): Reading {
  return { file, records: positions };
}

/** A seat: its group, role, what it is over and its holder (`RAN vice-chair: Nan HU`, `SG10 rapporteur Q6/10`). */
function seatRef(p: ParsedPosition): string {
  return `${p.group.code} ${p.role}${p.detail ? ` ${p.detail}` : ''}${p.person ? `: ${p.person}` : ''}`;
}

const contributionRef = (c: ParsedContribution) => c.ref;
const url = z.string().min(1);
const withUrl = z.object({ url }).strict();
const withOptionalUrl = z.object({ url: url.optional() }).strict();
const group = z.object({ code: z.string(), name: z.string() }).strict();
const period = z.union([
  z.string().transform((prefix, ctx) => STUDY_PERIODS.find((p) => p.prefix === prefix) ?? (ctx.addIssue({ code: 'custom', message: `no study period ${prefix}` }), z.NEVER)),
  z.object({ sector: z.enum(['T', 'R']), prefix: z.string(), listPeriod: z.string().nullable(), years: z.string(), from: z.string(), to: z.string().nullable() }).strict(),
]);
const ituRoster = z.object({ group, period, url: url.nullable() }).strict();

/** A page read with no options: the expected file must give none. */
const noOptions = (options: unknown) => z.object({}).strict().parse(options);

/** A Datatracker API list: its `meta` for the whole file, its objects read as records. */
function apiList(what: string, readObjects: (page: ApiPage) => object[]): FixtureParser['read'] {
  return (bytes, options) => {
    noOptions(options);
    const page = parseApiPage(bytes, what);
    return { file: { meta: page.meta }, records: readObjects(page) };
  };
}

let naming: ReturnType<typeof rapporteurNaming> | undefined;
/** The work plan tells companies from people with the registry, as the import does. */
function registryNaming() {
  naming ??= rapporteurNaming(createResolver(loadRegistry()));
  return naming;
}

export const FIXTURE_PARSERS: Record<string, FixtureParser> = {
  '3gpp-tdoc-list': {
    reads: 'a TDoc list workbook (options: fileName)',
    read: (bytes, options) => listing(parseTdocList(bytes, z.object({ fileName: z.string().optional() }).strict().parse(options))),
    ref: contributionRef,
  },
  '3gpp-tdocs-by-agenda': {
    reads: 'a TdocsByAgenda page (options: url)',
    read: (bytes, options) => listing(parseTdocsByAgenda(bytes, withOptionalUrl.parse(options))),
    ref: contributionRef,
  },
  '3gpp-directory-listing': {
    reads: 'a file-server folder listing (options: url)',
    read: (bytes, options) => {
      const { entries, ...file } = parseDirectoryListing(bytes, withUrl.parse(options).url);
      return { file, records: entries };
    },
    ref: (entry: { name: string }) => entry.name,
  },
  '3gpp-meeting-index': {
    reads: "a group's meeting index (options: url)",
    read: (bytes, options) => ({ file: {}, records: parseMeetingIndex(bytes, withUrl.parse(options).url) }),
    ref: (meeting: { name: string }) => meeting.name,
  },
  '3gpp-election-news': {
    reads: 'an election article (options: url)',
    read: (bytes, options) => roster(parseElectionNews(bytes, withUrl.parse(options))),
    ref: seatRef,
  },
  '3gpp-news-listing': {
    reads: 'a page of the news listing: the election articles it links, and its next page (options: url)',
    read: (bytes, options) => {
      const context = withUrl.parse(options);
      return { file: { next: nextListingPage(bytes, context) }, records: parseNewsListing(bytes, context) };
    },
    ref: (link: { url: string }) => link.url,
  },
  '3gpp-officials-annex': {
    reads: "the officials annex of a TSG meeting's report (options: url, meeting)",
    read: (bytes, options) => roster(parseOfficials(bytes, z.object({ url, meeting: z.string() }).strict().parse(options))),
    ref: seatRef,
  },
  '3gpp-chairs-table': {
    reads: "a researcher's table of chairs (options: url); a term is named by its group and first day",
    read: (bytes, options) => roster(parseChairsTable(bytes, withUrl.parse(options))),
    ref: (p: ParsedPosition) => `${p.group.code} chair from ${p.from}`,
  },
  roster: {
    reads: 'an officer roster CSV or workbook (options: url)',
    read: (bytes, options) => roster(parseRoster(bytes, withUrl.parse(options))),
    ref: seatRef,
  },
  '3gpp-work-plan': {
    reads: "3GPP's work plan (options: url); a seat is named by its item, `WI <Unique_ID>`",
    read: (bytes, options) => roster(parseWorkPlan(bytes, { ...withUrl.parse(options), naming: registryNaming() })),
    ref: (p: ParsedPosition) => /^WI \d+/.exec(p.detail ?? '')?.[0] ?? `${p.detail}`,
  },
  'itu-document-listing': {
    reads: 'an ITU document-store listing (options: url)',
    read: (bytes, options) => listing(parseDocumentListing(bytes, withOptionalUrl.parse(options))),
    ref: contributionRef,
  },
  'itu-study-groups': {
    reads: 'the ITU-T study groups of a period (options: period, a prefix such as T17)',
    read: (bytes, options) => ({ file: {}, records: parseStudyGroupList(bytes, z.object({ period }).strict().parse(options).period) }),
    ref: (listed: ListedGroup) => listed.group.code,
  },
  'itu-t-mgmt': {
    reads: "a study group's management team (options: group, period, url)",
    read: (bytes, options) => roster(parseManagementTeam(bytes, ituRoster.parse(options))),
    ref: seatRef,
  },
  'itu-t-rapporteurs': {
    reads: "a study group's Questions and rapporteurs (options: group, period, url)",
    read: (bytes, options) => roster(parseRapporteurs(bytes, ituRoster.parse(options))),
    ref: seatRef,
  },
  'ieee-mentor-page': {
    reads: 'a page of a Mentor document listing (options: group); a row is named by its document and revision, `11-21-1606-03`',
    read: (bytes, options) => {
      const { revisions, ...file } = parseMentorPage(bytes, z.object({ group: z.string().optional() }).strict().parse(options));
      return { file, records: revisions };
    },
    ref: (r: MentorRevision) => `${r.ref}-${String(r.rev).padStart(2, '0')}`,
  },
  'ieee802-officers': {
    reads: "a working group's officers table on ieee802.org (options: group, url, readOn)",
    read: (bytes, options) => roster(parseOfficerPage(bytes, z.object({ group: z.string(), url, readOn: z.string() }).strict().parse(options))),
    ref: seatRef,
  },
  'ietf-htmlized-draft': {
    reads: 'a htmlized Internet-Draft or RFC: the document as read (`document`, names included) and the contribution stored',
    read: (bytes, options) => {
      noOptions(options);
      const { document, listing: read } = parseHtmlizedDraft(bytes);
      const { file, records } = listing(read);
      return { file: { document, ...file }, records };
    },
    ref: contributionRef,
  },
  'ietf-doc-json': {
    reads: "a document's doc.json, imported alone",
    read: (bytes, options) => {
      noOptions(options);
      const { listings } = readIetfJsonFiles([{ name: 'doc.json', bytes }]);
      const { file, records } = listing(listings[0]!);
      return { file: { listings: listings.length, ...file }, records };
    },
    ref: contributionRef,
  },
  'ietf-group-about': {
    reads: "a working group's about page (options: url)",
    read: (bytes, options) => roster(parseGroupAboutPage(bytes, withOptionalUrl.parse(options))),
    ref: seatRef,
  },
  'ietf-person-page': {
    reads: "a person's page: the name and the roles; a role is named `<group> <Role>`",
    read: (bytes, options) => {
      noOptions(options);
      const { roles, ...file } = parsePersonPage(bytes);
      return { file, records: roles };
    },
    ref: (r: PersonRole) => `${r.group} ${r.name}`,
  },
  'ietf-document-page': {
    reads: "a document's page: name, group and author names",
    read: (bytes, options) => {
      noOptions(options);
      return { file: { ...parseDocumentPage(bytes) } };
    },
  },
  'ietf-api-documents': {
    reads: 'a Datatracker API answer of documents (options: group, the acronym it was asked for)',
    read: (bytes, options) => {
      const page = parseApiPage(bytes, 'documents');
      const warnings: string[] = [];
      const documents = readDocuments(page, z.object({ group: z.string().nullable() }).strict().parse(options).group, warnings);
      return { file: { meta: page.meta, warnings }, records: documents };
    },
    ref: (d: ApiDocument) => d.document.name,
  },
  'ietf-api-authors': {
    reads: 'a Datatracker API answer of documentauthor records; a record is named `<document URI> #<order>`',
    read: apiList('authors', readAuthors),
    ref: (a: ApiAuthor) => `${a.documentUri} #${a.order}`,
  },
  'ietf-api-roles': {
    reads: 'a Datatracker API answer of group roles; a role is named by its person URI',
    read: apiList('roles', readRoles),
    ref: (r: { personUri: string }) => r.personUri,
  },
  'ietf-api-groups': {
    reads: 'a Datatracker API answer of groups',
    read: apiList('groups', readGroups),
    ref: (g: { acronym: string }) => g.acronym,
  },
  'ietf-api-person': {
    reads: 'a Datatracker API person object',
    read: (bytes, options) => {
      noOptions(options);
      return { file: { ...readPerson(bytes) } };
    },
  },
};
