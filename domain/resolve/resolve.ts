// From a raw source cell to resolved sources: split (split.ts), then each name to an organization of
// the registry, its ultimate parent and the parent's country. What cannot be resolved stays in the
// result with its raw text and no organization: reports show it as "unresolved", never as "Other".
import { groupByCode, groupCodeOfName } from '../groups/3gpp.js';
import type { OrganizationKind, Role } from '../types.js';
import { isCountryCode } from './countries.js';
import { isPlaceName, nameKey, placesIn, qualifierFallbacks, slugify } from './normalize.js';
import { ultimateParent, type Registry } from './registry.js';
import { splitSources, type Seat, type SourcePart } from './split.js';
import { createTolerantIndex, type TolerantIndex } from './tolerant.js';

/** An organization as the resolver hands it on: from the registry, or a standards-body group. */
export interface OrganizationRef {
  slug: string;
  name: string;
  kind: Exclude<OrganizationKind, 'unknown'>;
  country: string | null;
  /** Registry slug of the direct parent; null at the top. */
  parentSlug: string | null;
  origin: 'registry' | 'pattern';
}

export interface ResolvedSource {
  raw: string;
  name: string;
  role: Role | null;
  seat: Seat | null;
  person: string | null;
  organization: OrganizationRef | null;
  /** The ultimate parent (the organization itself when it has none). */
  parent: OrganizationRef | null;
  /** 1/n for a cell with n sources. */
  share: number;
}

/** A source in the shape of the public contract (CONTRACT.md, "A source"). */
export interface SourceRecord {
  raw: string;
  organization: string | null;
  parent: string | null;
  country: string | null;
  kind: OrganizationKind;
  role: Role | null;
}

export interface Resolver {
  registry: Registry;
  resolveName(name: string): OrganizationRef | null;
  /**
   * Splits a source cell and resolves each part. `date` (YYYY-MM-DD, the contribution's) picks the
   * owner at that day for organizations whose ownership changed; without it, today's owner (and a
   * name that no longer designates one organization today, bare "Motorola", stays unresolved).
   */
  resolveSourceText(text: string, date?: string | null): ResolvedSource[];
  /**
   * Splits and resolves a source cell whatever its date, with today's owners: what the store does once
   * per distinct cell before `atDate`. Unlike `resolveSourceText` without a date it keeps the names that
   * stopped designating one organization (`namedUntil`), which an undated contribution keeps.
   */
  sourcesOf(text: string): ResolvedSource[];
  /**
   * The same sources as on `date`: the owners of that day, and no organization for a name that no
   * longer designated it (the same array when nothing changed by then). Without a date, unchanged.
   */
  atDate(sources: ResolvedSource[], date: string | null): ResolvedSource[];
  /** Every organization the resolver can hand out, registry and pattern-made, by slug. */
  organization(slug: string): OrganizationRef | null;
}

const THREE_GPP = '3gpp';

export function createResolver(registry: Registry): Resolver {
  const made = new Map<string, OrganizationRef>();

  function fromRegistry(slug: string): OrganizationRef {
    const org = registry.organizations.get(slug)!;
    return { slug, name: org.name, kind: org.kind, country: org.country, parentSlug: org.parent, origin: 'registry' };
  }

  function madeGroup(name: string, parentSlug: string): OrganizationRef {
    const slug = slugify(name);
    const existing = registry.organizations.has(slug) ? fromRegistry(slug) : made.get(slug);
    if (existing) return existing;
    const ref: OrganizationRef = { slug, name, kind: 'sdo', country: null, parentSlug, origin: 'pattern' };
    made.set(slug, ref);
    return ref;
  }

  /** A registry name or alias, or a 3GPP group (`RAN4`, `SA WG2`). */
  function known(name: string): OrganizationRef | null {
    const slug = registry.byKey.get(nameKey(name));
    if (slug) return fromRegistry(slug);
    const code = groupCodeOfName(name);
    return code && registry.organizations.has(THREE_GPP) ? madeGroup(`3GPP ${code}`, THREE_GPP) : null;
  }

  /** A group of a standards body recognised by its shape (`ITU-T SG13`, `ETSI TC ITS`). */
  function family(name: string): OrganizationRef | null {
    const text = name.replace(/\s+/g, ' ').trim();
    for (const f of registry.families) {
      const pattern = f.patterns.find((p) => p.test(text));
      // A family's name may take what the pattern captured: `CN WG4`, `TSG CN WG4`, `CN4` are all `3GPP CN$1`.
      if (pattern) return madeGroup(f.name ? text.replace(pattern, f.name) : text, f.parent);
    }
    return null;
  }

  /** A key as the registry has it, or after a country, region or city qualifier is taken off (`LG Electronics Polska`). */
  function keyLookup(key: string): string | null {
    const slug = registry.byKey.get(key);
    if (slug) return slug;
    for (const fallback of qualifierFallbacks(key)) {
      const found = registry.byKey.get(fallback);
      if (found) return found;
    }
    return null;
  }

  function qualified(name: string): OrganizationRef | null {
    const key = nameKey(name);
    for (const fallback of qualifierFallbacks(key)) {
      const slug = registry.byKey.get(fallback);
      if (slug) return fromRegistry(slug);
    }
    return null;
  }

  /**
   * `Nokia FI`, `Huawei-CN`: a known name, then a country's ISO code in capitals — a company's branch
   * there, or a public body of that country only (`Ofcom CH` is not the British regulator).
   */
  function countryCoded(name: string): OrganizationRef | null {
    const m = /^(.*?[^\s\-/(])[\s\-/(]+([A-Z]{2})\)?$/.exec(name.trim());
    if (!m || !isCountryCode(m[2]!)) return null;
    const org = known(m[1]!) ?? qualified(m[1]!);
    return org && !(org.kind === 'government' && org.country !== m[2]) ? org : null;
  }

  let index: TolerantIndex | undefined;
  /** The tolerant readings (tolerant.ts), their index built on the first name that needs one. */
  function tolerant(read: (t: TolerantIndex, key: string) => string | null): (name: string) => OrganizationRef | null {
    return (name) => {
      index ??= createTolerantIndex(registry, keyLookup);
      const slug = read(index, nameKey(name));
      return slug ? fromRegistry(slug) : null;
    };
  }
  const initials = tolerant((t, key) => t.initials(key));
  const compacted = tolerant((t, key) => t.compacted(key));
  const descriptive = tolerant((t, key) => t.descriptive(key));
  const afterLeadingPlace = tolerant((t, key) => t.afterLeadingPlace(key));
  const trimmed = tolerant((t, key) => t.trimmed(key));
  const abbreviated = tolerant((t, key) => t.abbreviated(key));
  const misspelt = tolerant((t, key) => t.misspelt(key));

  function exact(name: string): OrganizationRef | null {
    return known(name) ?? family(name);
  }

  /**
   * The readings of a part, most trusted first: every spelling against the registry, then by shape,
   * then with qualifiers off, then the tolerant readings (a known name with unit words after it, a
   * city before it, words cut short, one letter wrong). So `ETSI NTECH (NTECH(18)000006)` is ETSI
   * NTECH, not a group named after a document number, while `Apple (Guizhou)` still finds its own
   * registry record.
   */
  function resolveReadings(name: string, alternatives: string[]): OrganizationRef | null {
    // By shape, the name before a parenthesis comes first: what follows is often a document number.
    const [head, ...rest] = alternatives;
    const byShape = head === undefined ? [name] : [head, name, ...rest];
    const levels: [(n: string) => OrganizationRef | null, string[]][] = [
      [known, [name, ...alternatives]],
      [family, byShape],
      [qualified, [name, ...alternatives]],
      [countryCoded, [name, ...alternatives]],
      [initials, [name, ...alternatives]],
      [trimmed, [name, ...alternatives]],
      [descriptive, [name, ...alternatives]],
      [afterLeadingPlace, [name, ...alternatives]],
      [compacted, [name, ...alternatives]],
      [abbreviated, [name, ...alternatives]],
      [misspelt, [name, ...alternatives]],
    ];
    for (const [lookup, candidates] of levels) {
      for (const candidate of candidates) {
        const found = lookup(candidate);
        if (found && !otherCountrysBody(name, found)) return found;
      }
    }
    return null;
  }

  /**
   * A public body read from a name that names another country: `Ofcom (CH)` is Switzerland's OFCOM,
   * not the British regulator; `Politiet Norge` not the Dutch police. A company's branch abroad is
   * still the company (`Intel Corporation (UK) Ltd`).
   */
  function otherCountrysBody(name: string, org: OrganizationRef): boolean {
    if (org.kind !== 'government' || !org.country) return false;
    return placesIn(name).some((code) => code !== org.country);
  }

  function resolveName(name: string): OrganizationRef | null {
    return resolveReadings(name, []) ?? dashed(name);
  }

  /**
   * `Jan – HEAD acoustics GmbH`, `CETECOM GmbH - Certification and Testing`, `Qualcomm Incorporated -
   * ATIS`: pieces around a dash where the ones that resolve name one organization (a standards body
   * beside a company is the way the company joined, not a second source).
   */
  function dashed(name: string): OrganizationRef | null {
    const pieces = name.split(/\s+[-–—]\s+/).filter((p) => p.trim() !== '');
    if (pieces.length < 2) return null;
    const found = new Map<string, OrganizationRef>();
    for (const piece of pieces) {
      const org = resolveReadings(piece, []);
      if (org) found.set(org.slug, org);
    }
    const companies = [...found.values()].filter((o) => o.kind !== 'sdo');
    const candidates = companies.length > 0 ? companies : [...found.values()];
    return candidates.length === 1 ? candidates[0]! : null;
  }

  /**
   * A name no organization carries may be several run together: `Hughes/EchoStar` when the registry
   * does not know the pair, `Bell Mobility. Boost Mobile`, `IITH and WiSig`, or `T-Mobile USA Inc.
   * Ericsson` with the comma missing. Split only when every piece is a known name, and never off a
   * place (`MediaTek Korea Inc.` is MediaTek's, not MediaTek and the Republic of Korea).
   */
  function splitRunTogether(name: string): string[] | null {
    for (const separator of [/\s*\/\s*/, /\.\s+/, /\s+&\s+/, /\s+and\s+/i]) {
      const pieces = name.split(separator).filter((p) => p.trim() !== '');
      if (pieces.length > 1 && pieces.every((p) => !isPlaceName(nameKey(p)) && resolveName(p))) return pieces;
    }
    const words = name.split(/\s+/);
    for (let k = words.length - 1; k >= 1; k--) {
      const left = words.slice(0, k).join(' ');
      const right = words.slice(k).join(' ');
      if (!isPlaceName(nameKey(right)) && exact(left) && exact(right)) return [left, right];
    }
    return null;
  }

  function resolvePart(part: SourcePart): { part: SourcePart; organization: OrganizationRef | null }[] {
    const organization = resolveReadings(part.name, part.alternatives) ?? dashed(part.name);
    if (organization) return [{ part, organization }];
    const pieces = splitRunTogether(part.name);
    if (pieces) return pieces.map((name) => ({ part: { ...part, name }, organization: resolveName(name) }));
    return [{ part, organization: null }];
  }

  function parentOf(org: OrganizationRef, date: string | null): OrganizationRef {
    if (org.origin === 'registry') return fromRegistry(ultimateParent(registry, org.slug, date).slug);
    if (!org.parentSlug) return org;
    return fromRegistry(ultimateParent(registry, org.parentSlug, date).slug);
  }

  /** Whether a name still designated the organization on a day (registry `namedUntil`). */
  function namedOn(org: OrganizationRef, date: string): boolean {
    const until = org.origin === 'registry' ? registry.organizations.get(org.slug)?.namedUntil : null;
    return !until || date < until;
  }

  function atDate(sources: ResolvedSource[], date: string | null): ResolvedSource[] {
    if (!date || !sources.some((s) => s.organization && registry.dated.has(s.organization.slug))) return sources;
    return sources.map((s) => {
      if (!s.organization || !registry.dated.has(s.organization.slug)) return s;
      if (!namedOn(s.organization, date)) return { ...s, organization: null, parent: null };
      return { ...s, parent: parentOf(s.organization, date) };
    });
  }

  function sourcesOf(text: string): ResolvedSource[] {
    const parts = splitSources(text, (name) => registry.byKey.has(nameKey(name)));
    // Two readings of one written name that are one organization are one source: "DTS/Xperi" names
    // Xperi (DTS is its brand) once, not twice.
    const resolved = parts.flatMap(resolvePart).filter(
      (r, i, all) =>
        !r.organization ||
        all.findIndex((o) => o.part.raw === r.part.raw && o.part.role === r.part.role && o.organization?.slug === r.organization!.slug) === i,
    );
    const share = resolved.length > 0 ? 1 / resolved.length : 0;
    return resolved.map(({ part, organization }) => ({
      raw: part.raw,
      name: part.name,
      role: part.role,
      seat: part.seat,
      person: part.person,
      organization,
      parent: organization ? parentOf(organization, null) : null,
      share,
    }));
  }

  return {
    registry,
    resolveName,
    organization(slug) {
      if (registry.organizations.has(slug)) return fromRegistry(slug);
      return made.get(slug) ?? null;
    },
    atDate,
    sourcesOf,
    resolveSourceText(text, date = null) {
      return atDate(sourcesOf(text), date ?? new Date().toISOString().slice(0, 10));
    },
  };
}

/**
 * Which country a source counts for: `parent`, the ultimate parent's home country (the default: Nokia
 * Shanghai Bell counts for FI), or `entity`, the named entity's own (Nokia Shanghai Bell → CN), falling
 * back to the parent's when the entity has none of its own on record.
 */
export const COUNTRY_BASES = ['parent', 'entity'] as const;
export type CountryBasis = (typeof COUNTRY_BASES)[number];

export function sourceCountry(source: ResolvedSource, basis: CountryBasis = 'parent'): string | null {
  const own = basis === 'entity' ? source.organization?.country : null;
  return own ?? source.parent?.country ?? null;
}

/** A source as the public record, its country on the given basis. */
export function sourceRecordOn(basis: CountryBasis): (source: ResolvedSource) => SourceRecord {
  return (source) => ({
    raw: source.raw,
    organization: source.organization?.name ?? null,
    parent: source.parent?.name ?? null,
    country: sourceCountry(source, basis),
    kind: source.organization?.kind ?? 'unknown',
    role: source.role,
  });
}

/** A source as the public record, its country by its ultimate parent (the default basis). */
export function toSourceRecord(source: ResolvedSource): SourceRecord {
  return sourceRecordOn('parent')(source);
}

/** The 3GPP group a seat names, for the positions derived from source cells. */
export function seatGroup(seat: Seat): { code: string; name: string } | null {
  return groupByCode(seat.group);
}
