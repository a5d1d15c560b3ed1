// The reviewed table of e-mail domains (registry/email-domains.yaml): the organization an address's
// domain stands for. Only the domain of an address is ever looked at; the address itself is not kept.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { REGISTRY_DIR, RegistryError, type Registry } from './registry.js';

export const EMAIL_DOMAINS_FILE = path.join(REGISTRY_DIR, 'email-domains.yaml');

const fileSchema = z.object({
  domains: z.array(
    z
      .object({
        domain: z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'a lower-case domain name'),
        organization: z.string().nullable(),
        note: z.string().optional(),
      })
      .strict(),
  ),
});

export interface EmailDomains {
  /**
   * The registry slug of the organization an address or domain belongs to: the longest listed domain
   * that is the address's domain or a parent of it. Null when no listed domain covers it, or the one
   * that does identifies no employer (a public mail service).
   */
  organizationOf(addressOrDomain: string): string | null;
}

/** The domain of an address, lower case, without a trailing dot: `x@QTI.Qualcomm.com.` → `qti.qualcomm.com`. */
export function domainOf(addressOrDomain: string): string {
  return addressOrDomain.slice(addressOrDomain.lastIndexOf('@') + 1).trim().toLowerCase().replace(/\.+$/, '');
}

export function loadEmailDomains(registry: Registry, file = EMAIL_DOMAINS_FILE): EmailDomains {
  const parsed = fileSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new RegistryError(`${path.basename(file)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const bySuffix = new Map<string, string | null>();
  const problems: string[] = [];
  for (const entry of parsed.data.domains) {
    if (bySuffix.has(entry.domain)) problems.push(`${entry.domain} listed twice`);
    if (entry.organization !== null && !registry.organizations.has(entry.organization)) {
      problems.push(`${entry.domain}: no organization "${entry.organization}" in the registry`);
    }
    bySuffix.set(entry.domain, entry.organization);
  }
  if (problems.length > 0) throw new RegistryError(`${path.basename(file)}: ${problems.join('; ')}`);
  return {
    organizationOf(addressOrDomain) {
      const labels = domainOf(addressOrDomain).split('.');
      for (let i = 0; i < labels.length - 1; i++) {
        const candidate = labels.slice(i).join('.');
        if (bySuffix.has(candidate)) return bySuffix.get(candidate) ?? null;
      }
      return null;
    },
  };
}
