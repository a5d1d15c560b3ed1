// The organization registry: reviewed data in scrapers/resolve/registry/*.yaml, validated on load.
// Fixing a name, a parent or a country is a change to that data; stored sources are re-resolved from
// their raw strings on the next start (see db/write.ts, reresolveAll), never re-scraped.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../types.js';
import { isCountryCode } from './countries.js';
import { nameKey } from './normalize.js';

export const REGISTRY_DIR = fileURLToPath(new URL('./registry', import.meta.url));

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
    aliases: z.array(z.string().min(1)).nullish(),
    notes: z.string().nullish(),
  })
  .strict();

const familySchema = z
  .object({
    /** The registry organization the matched groups belong to. */
    parent: z.string().regex(SLUG),
    /** When set, every match is this one organization; otherwise each matched text is its own group. */
    name: z.string().min(1).nullish(),
    patterns: z.array(z.string().min(1)).min(1),
    notes: z.string().nullish(),
  })
  .strict();

const fileSchema = z.object({
  organizations: z.array(organizationSchema).default([]),
  groups: z.array(familySchema).default([]),
});

export interface OrganizationRecord {
  slug: string;
  name: string;
  kind: Exclude<OrganizationKind, 'unknown'>;
  /** The entity's own home country; reports use the ultimate parent's. */
  country: string | null;
  parent: string | null;
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
  }

  const byKey = new Map<string, string>();
  for (const org of organizations.values()) {
    if (org.parent && !organizations.has(org.parent)) {
      problems.push(`${org.slug}: parent "${org.parent}" is not defined`);
    }
    for (const spelling of [org.name, org.slug.replace(/[-.]/g, ' '), ...org.aliases]) {
      const key = nameKey(spelling);
      if (!key) continue;
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
  if (problems.length > 0) {
    throw new RegistryError(`the organization registry has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
  const hash = crypto.createHash('sha256').update(JSON.stringify(files.map((f) => f.content))).digest('hex');
  return { organizations, byKey, families, hash };
}

/** The registry's files, parsed: every `*.yaml` of the registry folder, in name order. */
export function readRegistryFiles(dir: string = REGISTRY_DIR): { name: string; content: unknown }[] {
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return names.map((name) => {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    try {
      return { name, content: YAML.parse(text) as unknown };
    } catch (error) {
      throw new RegistryError(`${name} is not valid YAML: ${String(error)}`);
    }
  });
}

export function loadRegistry(dir: string = REGISTRY_DIR): Registry {
  return buildRegistry(readRegistryFiles(dir));
}

/** The top of an organization's parent chain. */
export function ultimateParent(registry: Registry, slug: string): OrganizationRecord {
  let org = registry.organizations.get(slug)!;
  while (org.parent) org = registry.organizations.get(org.parent)!;
  return org;
}
