// The registry's memberships (domain/resolve/registry/memberships.yaml) from the BigBang table of 3GPP
// members (registry/sources/bigbang_organization_categories.csv, as of November 2021): each legal
// entity's "Membership Organization" — the Organizational Partner it is a 3GPP member through — given
// to the registry organization its name resolves to. Names are matched by the resolver, read as a
// source cell is (no alias is added here, none is picked by hand): a name matches when it resolves to
// exactly one organization. What does not match is listed in the file's header and printed.
// `npx tsx scrapers/3gpp/memberships.ts` writes the file; a test checks it is what this makes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { organizationalPartner, type OrganizationalPartner } from '../../domain/partners.js';
import type { MembershipsSection } from '../../domain/resolve/memberships.js';
import { REGISTRY_DIR, buildRegistry, readRegistryFiles } from '../../domain/resolve/registry.js';
import { createResolver, type Resolver } from '../../domain/resolve/resolve.js';
import { decodeText, parseCsv } from '../csv.js';

export const MEMBERSHIPS_FILE = 'memberships.yaml';
export const BIGBANG_TABLE = path.join(REGISTRY_DIR, 'sources', 'bigbang_organization_categories.csv');

const SOURCE: MembershipsSection['source'] = {
  title: 'BigBang organization categories (datactive/bigbang), column "Membership Organization", derived from 3GPP\'s membership data',
  url: 'https://github.com/datactive/bigbang/blob/6712a50e18c3629f84c823115d03427c2558ecb1/bigbang/datasets/organizations/organization_categories.csv',
  asOf: '2021-11',
};

/** One row of the table as it bears on membership. */
export interface MemberRow {
  name: string;
  nationality: string;
  /** The column as written: a partner, `OTHER`, or empty. */
  membership: string;
}

export interface Unmatched extends MemberRow {
  why: string;
}

export interface MembershipTable {
  rows: number;
  /** Rows naming one of the seven partners. */
  withPartner: number;
  /** `OTHER` (market representation partners, observers: not through an Organizational Partner) and empty. */
  other: number;
  empty: number;
  matched: number;
  unmatched: Unmatched[];
  members: MembershipsSection['members'];
}

/** The rows of the table: name, nationality and membership, by their headers. */
export function readMemberRows(file = BIGBANG_TABLE): MemberRow[] {
  const [header, ...rows] = parseCsv(decodeText(fs.readFileSync(file)));
  const column = (name: string) => {
    const index = (header ?? []).findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
    if (index < 0) throw new Error(`${path.basename(file)} has no column "${name}"`);
    return index;
  };
  const [name, nationality, membership] = [column('name'), column('nationality'), column('Membership Organization')];
  return rows.map((row) => ({ name: (row[name] ?? '').trim(), nationality: (row[nationality] ?? '').trim(), membership: (row[membership] ?? '').trim() }));
}

/** The organization a member's name resolves to as a source cell, or why there is none. */
function organizationOf(resolver: Resolver, name: string): { slug: string } | { why: string } {
  const sources = resolver.sourcesOf(name);
  if (sources.length === 0) return { why: 'no name' };
  if (sources.some((s) => !s.organization)) return { why: 'not resolved' };
  const slugs = [...new Set(sources.map((s) => s.organization!.slug))];
  return slugs.length === 1 ? { slug: slugs[0]! } : { why: `names several organizations (${slugs.join(', ')})` };
}

/** The registry without its memberships: what names are matched against, whatever the memberships file holds. */
function resolverWithoutMemberships(): Resolver {
  return createResolver(buildRegistry(readRegistryFiles().filter((f) => f.name !== MEMBERSHIPS_FILE)));
}

export function membershipTable(rows = readMemberRows(), resolver = resolverWithoutMemberships()): MembershipTable {
  const members = new Map<string, { organization: string; partner: OrganizationalPartner; names: string[] }>();
  const table: MembershipTable = { rows: rows.length, withPartner: 0, other: 0, empty: 0, matched: 0, unmatched: [], members: [] };
  for (const row of rows) {
    const partner = organizationalPartner(row.membership);
    if (!partner) {
      if (row.membership === '') table.empty++;
      else table.other++;
      continue;
    }
    table.withPartner++;
    const found = organizationOf(resolver, row.name);
    if ('why' in found) {
      table.unmatched.push({ ...row, why: found.why });
      continue;
    }
    table.matched++;
    const key = `${found.slug} ${partner}`;
    const member = members.get(key) ?? { organization: found.slug, partner, names: [] };
    if (!member.names.includes(row.name)) member.names.push(row.name);
    members.set(key, member);
  }
  table.members = [...members.values()].sort((a, b) => a.organization.localeCompare(b.organization) || a.partner.localeCompare(b.partner));
  return table;
}

export function membershipsYaml(table = membershipTable()): string {
  const partnersPer = new Map<string, number>();
  for (const m of table.members) partnersPer.set(m.organization, (partnersPer.get(m.organization) ?? 0) + 1);
  const several = [...partnersPer.values()].filter((n) => n > 1).length;
  const header = [
    '# GENERATED by `npx tsx scrapers/3gpp/memberships.ts` from sources/bigbang_organization_categories.csv — do not',
    '# edit by hand: run it again after the registry changes (a test checks this file is what it makes).',
    '#',
    '# Through which 3GPP Organizational Partner each organization is a member: each legal entity of the',
    "# table with a partner in its \"Membership Organization\" column, given to the registry's organization",
    '# its name resolves to (read as a source cell; a name that resolves to no organization, or to several,',
    '# is left out). An organization whose entities joined through several partners has each of them.',
    '#',
    `# ${table.rows} rows: ${table.withPartner} with a partner, ${table.other} OTHER (not through a partner), ${table.empty} without one.`,
    `# Of the ${table.withPartner}: ${table.matched} matched, making ${table.members.length} memberships of ${partnersPer.size} organizations (${several} through several`,
    `# partners); ${table.unmatched.length} not matched:`,
    ...table.unmatched.map((u) => `#   ${JSON.stringify(u.name)} (${u.nationality || 'no nationality'}, ${u.membership}): ${u.why}`),
    '',
  ].join('\n');
  const document = new YAML.Document({ memberships: { source: SOURCE, members: table.members } });
  const members = (document.getIn(['memberships', 'members']) as YAML.YAMLSeq<YAML.YAMLMap>).items;
  for (const member of members) member.flow = true;
  return `${header}${document.toString({ lineWidth: 0 })}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const table = membershipTable();
  const target = path.join(REGISTRY_DIR, MEMBERSHIPS_FILE);
  fs.writeFileSync(target, membershipsYaml(table));
  console.log(`wrote ${path.relative(process.cwd(), target)}: ${table.matched} of ${table.withPartner} members with a partner matched, ${table.members.length} memberships`);
  for (const u of table.unmatched) console.log(`  not matched: ${u.name} (${u.membership}): ${u.why}`);
}
