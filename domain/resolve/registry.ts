// The organization registry: reviewed data in domain/resolve/registry/*.yaml, validated on load.
// Fixing a name, a parent or a country is a change to that data; stored sources are re-resolved from
// their raw strings on the next start (see db/registry.ts, reresolveAll), never re-scraped.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type YAMLModule from 'yaml';
import { z } from 'zod';
import { RUNS_BUILD, projectPath } from '../project.js';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../types.js';
import { isCountryCode } from './countries.js';
import { collectMemberships, membershipsSectionSchema, type Memberships, type MembershipsSection } from './memberships.js';
import { isLegalForm, nameKey } from './normalize.js';

export const REGISTRY_DIR = projectPath('domain', 'resolve', 'registry');

const SLUG = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

const organizationSchema = z
  .object({
    slug: z.string().regex(SLUG, 'lower-case words joined by hyphens'),
    name: z.string().min(1),
    kind: z.enum(ORGANIZATION_KINDS).exclude(['unknown']),
    country: z
      .string()
      .refine(isCountryCode, 'an ISO 3166-1 alpha-2 code')
      .nullish(),
    parent: z.string().regex(SLUG).nullish(),
    /**
     * Who owned it before `parent` did: each entry is the direct parent (null: independent) up to the
     * day before `until`. A contribution is attributed to the owner at its date.
     */
    formerParents: z
      .array(
        z
          .object({
            parent: z.string().regex(SLUG).nullable(),
            until: z.iso.date({ error: 'must be a date YYYY-MM-DD' }),
          })
          .strict(),
      )
      .nullish(),
    /**
     * The day its names stopped designating it alone (a split, a renaming that others share): a mention
     * dated on or after it is left unresolved rather than guessed. Bare "Motorola" is Motorola, Inc.
     * until 2011-01-04, then either of its two successors.
     */
    namedUntil: z.iso.date({ error: 'must be a date YYYY-MM-DD' }).nullish(),
    aliases: z.array(z.string().min(1)).nullish(),
    notes: z.string().nullish(),
  })
  .strict();

const familySchema = z
  .object({
    /** The registry organization the matched groups belong to. */
    parent: z.string().regex(SLUG),
    /**
     * When set, every match is this one organization (`$1` … in it stand for what the pattern captured:
     * `3GPP CN$1`); otherwise each matched text is its own group.
     */
    name: z.string().min(1).nullish(),
    patterns: z.array(z.string().min(1)).min(1),
    notes: z.string().nullish(),
  })
  .strict();

const fileSchema = z.object({
  organizations: z.array(organizationSchema).default([]),
  groups: z.array(familySchema).default([]),
  /** Through which 3GPP Organizational Partner organizations are members (memberships.ts). */
  memberships: membershipsSectionSchema.optional(),
});

export interface OrganizationRecord {
  slug: string;
  name: string;
  kind: Exclude<OrganizationKind, 'unknown'>;
  /** The entity's own home country; reports use the ultimate parent's. */
  country: string | null;
  /** The direct parent today. */
  parent: string | null;
  /** Earlier direct parents, oldest first: `parent` applied before `until` (exclusive). */
  formerParents: { parent: string | null; until: string }[];
  /** Mentions dated on or after this day are not attributed to it (its names became ambiguous). */
  namedUntil: string | null;
  aliases: string[];
  notes: string | null;
}

/** A family of standards-body groups recognised by shape (`ITU-T SG13`, `ETSI TC ITS`). */
export interface GroupFamily {
  parent: string;
  name: string | null;
  patterns: RegExp[];
}

export interface Registry {
  organizations: Map<string, OrganizationRecord>;
  /** Lookup key → slug. */
  byKey: Map<string, string>;
  families: GroupFamily[];
  /**
   * Slugs whose resolution depends on the date: an owner on their chain, now or before, changed, or
   * their names stopped designating them (`namedUntil`).
   */
  dated: Set<string>;
  /** The memberships on record (memberships.yaml): the membership basis of the counts. */
  memberships: Memberships;
  /** Changes whenever the registry's content changes: stored sources are then re-resolved. */
  hash: string;
}

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
}

/** Builds a registry from parsed file contents; throws RegistryError listing every problem found. */
export function buildRegistry(files: { name: string; content: unknown }[]): Registry {
  const problems: string[] = [];
  const organizations = new Map<string, OrganizationRecord>();
  const families: GroupFamily[] = [];
  const membershipSections: { file: string; section: MembershipsSection }[] = [];
  for (const file of files) {
    // A file may be a bare list of organizations, or an object with `organizations` and `groups`.
    const content = Array.isArray(file.content) ? { organizations: file.content } : file.content;
    const parsed = fileSchema.safeParse(content);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${file.name}: ${issue.path.join('.')}: ${issue.message}`);
      }
      continue;
    }
    for (const org of parsed.data.organizations) {
      if (organizations.has(org.slug)) problems.push(`${file.name}: slug "${org.slug}" defined twice`);
      organizations.set(org.slug, {
        slug: org.slug,
        name: org.name,
        kind: org.kind,
        country: org.country ?? null,
        parent: org.parent ?? null,
        formerParents: [...(org.formerParents ?? [])].sort((a, b) => a.until.localeCompare(b.until)),
        namedUntil: org.namedUntil ?? null,
        aliases: org.aliases ?? [],
        notes: org.notes ?? null,
      });
    }
    for (const family of parsed.data.groups) {
      const patterns: RegExp[] = [];
      for (const source of family.patterns) {
        try {
          patterns.push(new RegExp(`^(?:${source})$`, 'i'));
        } catch (error) {
          problems.push(`${file.name}: pattern /${source}/ is not a valid regular expression: ${String(error)}`);
        }
      }
      families.push({ parent: family.parent, name: family.name ?? null, patterns });
    }
    if (parsed.data.memberships) membershipSections.push({ file: file.name, section: parsed.data.memberships });
  }

  const byKey = new Map<string, string>();
  for (const org of organizations.values()) {
    if (org.parent && !organizations.has(org.parent)) {
      problems.push(`${org.slug}: parent "${org.parent}" is not defined`);
    }
    for (const former of org.formerParents) {
      if (former.parent && !organizations.has(former.parent)) {
        problems.push(`${org.slug}: former parent "${former.parent}" is not defined`);
      }
    }
    for (const spelling of [org.name, org.slug.replace(/[-.]/g, ' '), ...org.aliases]) {
      const key = nameKey(spelling);
      if (!key) continue;
      // A YAML flow list splits `[X Co., Ltd.]` at its comma: a legal form alone names no one.
      if (isLegalForm(spelling)) {
        problems.push(`${org.slug}: "${spelling}" is a legal form, not a name (quote a name with a comma in it)`);
        continue;
      }
      const holder = byKey.get(key);
      if (holder && holder !== org.slug) {
        problems.push(`"${spelling}" (key "${key}") names both ${holder} and ${org.slug}`);
      } else {
        byKey.set(key, org.slug);
      }
    }
  }
  for (const family of families) {
    if (!organizations.has(family.parent)) problems.push(`group family: parent "${family.parent}" is not defined`);
  }
  for (const org of organizations.values()) {
    const chain = new Set<string>();
    for (let at: string | null = org.slug; at; at = organizations.get(at)?.parent ?? null) {
      if (chain.has(at)) {
        problems.push(`${org.slug}: parent chain loops through "${at}"`);
        break;
      }
      chain.add(at);
    }
  }
  const memberships = collectMemberships(membershipSections, (slug) => organizations.has(slug), problems);
  if (problems.length > 0) {
    throw new RegistryError(`the organization registry has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
  const hash = crypto.createHash('sha256').update(JSON.stringify(files.map((f) => f.content))).digest('hex');
  return { organizations, byKey, families, dated: datedSlugs(organizations), memberships, hash };
}

/** The registry's files as written: every `*.yaml` of the registry folder, in name order. */
export function readRegistryTexts(dir: string): { name: string; text: string }[] {
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return names.map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

const require = createRequire(import.meta.url);

/**
 * The YAML parser, loaded when a file is parsed: a start of the build's JavaScript usually parses
 * nothing (loadRegistry). Its Node entry is CommonJS, so `require` gives the module an import would.
 */
function yamlParser(): typeof YAMLModule {
  return require('yaml') as typeof YAMLModule;
}

function parseRegistryTexts(texts: { name: string; text: string }[]): { name: string; content: unknown }[] {
  const YAML = yamlParser();
  return texts.map(({ name, text }) => {
    try {
      return { name, content: YAML.parse(text) as unknown };
    } catch (error) {
      throw new RegistryError(`${name} is not valid YAML: ${String(error)}`);
    }
  });
}

/** The registry's files, parsed: every `*.yaml` of the registry folder, in name order. */
export function readRegistryFiles(dir: string = REGISTRY_DIR): { name: string; content: unknown }[] {
  return parseRegistryTexts(readRegistryTexts(dir));
}

/**
 * The registry's files as the build parsed them (bin/build.js writes them beside this module in dist/,
 * after checking they make a valid registry), with the hash of the YAML texts they were parsed from.
 * Parsing the YAML takes 0.2–0.5 s of a start; reading this, a few milliseconds.
 */
interface BuiltRegistryParse {
  textsHash: string;
  files: { name: string; content: unknown }[];
}

const BUILT_PARSE_FILE = fileURLToPath(new URL('./registry.json', import.meta.url));

/** The hash of the registry's files as written: their names and exact texts, and the parser's version. */
export function registryTextsHash(texts: { name: string; text: string }[]): string {
  const hash = crypto.createHash('sha256').update(`stdwatch-registry yaml ${yamlVersion()}\0`);
  for (const { name, text } of texts) hash.update(`${name}\0${text.length}\0${text}\0`);
  return hash.digest('hex');
}

function yamlVersion(): string {
  return (require('yaml/package.json') as { version: string }).version;
}

/**
 * The build's parse of exactly these texts, or null. Only the build's JavaScript reads it (the
 * TypeScript sources always parse the YAML), and only when the texts hash to what the build parsed:
 * a file edited since (`stdwatch orgs accept`, the /unresolved form, a hand edit), added or removed,
 * or another folder (STDWATCH_REGISTRY_DIR) with other files, is parsed from its YAML.
 */
function builtParse(texts: { name: string; text: string }[]): { name: string; content: unknown }[] | null {
  if (!RUNS_BUILD) return null;
  let built: BuiltRegistryParse;
  try {
    built = JSON.parse(fs.readFileSync(BUILT_PARSE_FILE, 'utf8')) as BuiltRegistryParse;
  } catch {
    return null;
  }
  return built.textsHash === registryTextsHash(texts) ? built.files : null;
}

/** The registry, validated: from the build's parse of the same texts when there is one, else from the YAML. */
export function loadRegistry(dir: string = REGISTRY_DIR): Registry {
  const texts = readRegistryTexts(dir);
  return buildRegistry(builtParse(texts) ?? parseRegistryTexts(texts));
}

/**
 * For the build (bin/build.js, run from dist/): parses the bundled registry, checks that it is valid
 * (a problem stops the build with the reasons) and that its parse survives JSON unchanged, and writes
 * it beside this module.
 */
export function writeBuiltRegistryParse(): string {
  const texts = readRegistryTexts(REGISTRY_DIR);
  const files = parseRegistryTexts(texts);
  buildRegistry(files);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(files)), files)) {
    throw new RegistryError('the registry\'s YAML holds values JSON cannot keep (dates, infinities): quote them');
  }
  const built: BuiltRegistryParse = { textsHash: registryTextsHash(texts), files };
  fs.writeFileSync(BUILT_PARSE_FILE, JSON.stringify(built));
  return BUILT_PARSE_FILE;
}

/** The organizations whose owner, or an owner's owner, changed at some date. */
function datedSlugs(organizations: Map<string, OrganizationRecord>): Set<string> {
  const memo = new Map<string, boolean>();
  const isDated = (slug: string, path: Set<string>): boolean => {
    const known = memo.get(slug);
    if (known !== undefined) return known;
    const org = organizations.get(slug);
    if (!org || path.has(slug)) return false;
    path.add(slug);
    const above = [org.parent, ...org.formerParents.map((f) => f.parent)].filter((p): p is string => p !== null);
    const dated = org.formerParents.length > 0 || org.namedUntil !== null || above.some((p) => isDated(p, path));
    path.delete(slug);
    memo.set(slug, dated);
    return dated;
  };
  return new Set([...organizations.keys()].filter((slug) => isDated(slug, new Set())));
}

/** An organization's direct parent on a day (today's when the day is unknown). */
export function parentAt(org: OrganizationRecord, date: string | null): string | null {
  if (date) {
    for (const former of org.formerParents) if (date < former.until) return former.parent;
  }
  return org.parent;
}

/**
 * The top of an organization's parent chain on a day: Motorola Mobility's is Google in 2013 and
 * Lenovo from 30 October 2014. Without a day, today's owners.
 */
export function ultimateParent(registry: Registry, slug: string, date: string | null = null): OrganizationRecord {
  let org = registry.organizations.get(slug)!;
  // A chain through former owners is not checked for loops on load: stop rather than spin.
  for (let up = parentAt(org, date), steps = 0; up && steps < registry.organizations.size; up = parentAt(org, date), steps++) {
    org = registry.organizations.get(up)!;
  }
  return org;
}
