// The organization registry in the database: the organizations tables made to match it, and every
// stored source brought in line with it when it changed (re-resolved from its raw text, never
// re-scraped), with the seats and report counts of what changed.
import { eq, sql } from 'drizzle-orm';
import { sourcePartner } from '../domain/resolve/memberships.js';
import { nameKey } from '../domain/resolve/normalize.js';
import { sourceCountry, type ResolvedSource, type Resolver } from '../domain/resolve/resolve.js';
import type { Db } from './client.js';
import { statements, writeSources } from './contributions.js';
import { CountChange, dropEmptyCounts } from './counts/upkeep.js';
import { OrganizationIds } from './organizations.js';
import { meta, organizationAliases, organizations } from './schema.js';
import { rebuildTdocSeats, reresolveOfficialPositions, type SeatKey } from './seats.js';

/**
 * Makes the organizations tables match the registry: every record upserted by slug (ids stay
 * stable), every lookup key replaced. Records that left the registry stay only while sources still
 * point at them; reresolveAll removes them afterwards.
 */
export function syncRegistry(db: Db, resolver: Resolver): void {
  const { registry } = resolver;
  const records = [...registry.organizations.values()].map((org) => ({
    slug: org.slug,
    name: org.name,
    kind: org.kind,
    country: org.country,
    notes: org.notes,
    parent: org.parent,
  }));
  const aliases = [...registry.organizations.values()].flatMap((org) => [org.name, ...org.aliases].map((alias) => [nameKey(alias), org.slug, alias]));
  // Set by set (the registry as one JSON parameter), not row by row: 1,700 organizations and 2,000
  // names, every start with a new registry and every test database.
  db.transaction((tx) => {
    tx.run(sql`insert into organizations (slug, name, kind, country, origin, notes)
      select value->>'slug', value->>'name', value->>'kind', value->>'country', 'registry', value->>'notes' from json_each(${JSON.stringify(records)}) where true
      on conflict (slug) do update set name = excluded.name, kind = excluded.kind, country = excluded.country, origin = 'registry', notes = excluded.notes`);
    tx.run(sql`create temp table if not exists registry_parents (slug text primary key, parent text)`);
    tx.run(sql`delete from temp.registry_parents`);
    tx.run(sql`insert into temp.registry_parents select value->>'slug', value->>'parent' from json_each(${JSON.stringify(records)})`);
    tx.run(sql`update organizations set parent_id = (select p.id from temp.registry_parents r join organizations p on p.slug = r.parent where r.slug = organizations.slug)
      where slug in (select slug from temp.registry_parents)`);
    tx.run(sql`delete from temp.registry_parents`);
    tx.delete(organizationAliases).run();
    tx.run(sql`insert or ignore into organization_aliases (key, organization_id, alias)
      select j.value->>0, o.id, j.value->>2 from json_each(${JSON.stringify(aliases)}) j join organizations o on o.slug = j.value->>1`);
  });
}

export const REGISTRY_HASH = 'registry_hash';

/** Whether what is stored was resolved with this registry (its hash is the one recorded). */
export function registryApplied(db: Db, resolver: Resolver): boolean {
  return db.select().from(meta).where(eq(meta.key, REGISTRY_HASH)).get()?.value === resolver.registry.hash;
}

/**
 * Applies the registry to everything stored: when its content changed since the last run, every
 * contribution's sources are recomputed from the raw source text. Returns whether anything was done.
 */

export function applyRegistry(db: Db, resolver: Resolver): boolean {
  if (registryApplied(db, resolver)) return false;
  syncRegistry(db, resolver);
  reresolveAll(db, resolver);
  db.insert(meta)
    .values({ key: REGISTRY_HASH, value: resolver.registry.hash })
    .onConflictDoUpdate({ target: meta.key, set: { value: resolver.registry.hash } })
    .run();
  return true;
}

/** What a source row says, for comparing a stored row with a new resolution (organizations by slug). */
function sourceSignature(raw: string, name: string, role: string | null, organization: string | null, parent: string | null,
  parentCountry: string | null, entityCountry: string | null, parentKind: string | null, partner: string | null,
  seatGroup: string | null, seatRole: string | null, share: number): string {
  return JSON.stringify([raw, name, role, organization, parent, parentCountry, entityCountry, parentKind, partner, seatGroup, seatRole, share]);
}

interface Reresolved {
  id: number;
  bodyId: string;
  sourceText: string;
  date: string | null;
}

/**
 * The contributions whose stored sources differ from what the resolver makes of their source cells
 * now (at their dates): one pass over the stored rows, each distinct cell resolved once. Also the seat
 * keys their stored rows name, for the seats to rebuild.
 */
function resolvingDifferently(db: Db, resolver: Resolver): { changed: Reresolved[]; seatKeys: SeatKey[] } {
  const resolvedByText = new Map<string, ResolvedSource[]>();
  const expectedBySources = new Map<ResolvedSource[], string>();
  const expected = (sourceText: string, date: string | null): string => {
    let resolved = resolvedByText.get(sourceText);
    if (!resolved) resolvedByText.set(sourceText, (resolved = resolver.sourcesOf(sourceText)));
    const sources = resolver.atDate(resolved, date); // the same array when no owner changed by then
    let signature = expectedBySources.get(sources);
    if (signature === undefined) {
      signature = sources
        .map((s) => sourceSignature(s.raw, s.name, s.role, s.organization?.slug ?? null, s.parent?.slug ?? null,
          s.parent?.country ?? null, sourceCountry(s, 'entity'), s.parent?.kind ?? null, sourcePartner(resolver.registry, s),
          s.seat?.group ?? null, s.seat?.role ?? null, s.share))
        .join('\n');
      expectedBySources.set(sources, signature);
    }
    return signature;
  };
  const changed: Reresolved[] = [];
  const seatKeys: SeatKey[] = [];
  type Current = Reresolved & { stored: string[]; seats: SeatKey[] };
  const finish = (c: Current | null) => {
    if (c && c.stored.join('\n') !== expected(c.sourceText, c.date)) {
      changed.push({ id: c.id, bodyId: c.bodyId, sourceText: c.sourceText, date: c.date });
      seatKeys.push(...c.seats);
    }
  };
  let current = null as Current | null;
  const rows = db.$client
    .prepare(`select c.id, c.body_id, c.source_text, c.date, s.raw, s.name, s.role, o.slug, p.slug,
        s.parent_country, s.entity_country, s.parent_kind, s.partner, s.seat_group, s.seat_role, s.share
      from contributions c
      left join contribution_sources s on s.contribution_id = c.id
      left join organizations o on o.id = s.organization_id
      left join organizations p on p.id = s.parent_id
      order by c.id, s.position`)
    .raw()
    .iterate() as IterableIterator<[number, string, string, string | null, string | null, string, string | null, string | null, string | null,
      string | null, string | null, string | null, string | null, string | null, string | null, number]>;
  for (const [id, bodyId, sourceText, date, raw, name, role, organization, parent, parentCountry, entityCountry, parentKind, partner, seatGroup, seatRole, share] of rows) {
    if (current?.id !== id) {
      finish(current);
      current = { id, bodyId, sourceText, date, stored: [], seats: [] };
    }
    if (raw === null) continue; // no source rows
    current.stored.push(sourceSignature(raw, name, role, organization, parent, parentCountry, entityCountry, parentKind, partner, seatGroup, seatRole, share));
    if (seatGroup !== null && seatRole !== null) current.seats.push({ bodyId, seatGroup, seatRole });
  }
  finish(current);
  return { changed, seatKeys };
}

/**
 * Brings every contribution's sources in line with the resolver: those whose source cell resolves
 * differently now (compared row by row with what is stored, organizations by slug) are rewritten, the
 * others left as they are, so a registry edit costs what it changes. Then removes organizations that
 * left the registry and nothing points at, re-resolves the officer-page seats, rebuilds the seats the
 * rewritten sources name (before and after) and brings their report counts in step. Returns how many
 * contributions' sources were rewritten.
 */
export function reresolveAll(db: Db, resolver: Resolver): number {
  let count = 0;
  const prepared = statements(db);
  db.transaction((tx) => {
    const txDb = tx as unknown as Db;
    const ids = new OrganizationIds(db.$client, resolver);
    const { changed, seatKeys } = resolvingDifferently(db, resolver);
    const counts = new CountChange(db);
    counts.before(changed.map((row) => row.id));
    const cache = new Map<string, ResolvedSource[]>();
    for (const row of changed) {
      let resolved = cache.get(row.sourceText);
      if (!resolved) cache.set(row.sourceText, (resolved = resolver.sourcesOf(row.sourceText)));
      const sources = resolver.atDate(resolved, row.date);
      writeSources(prepared, ids, row.id, sources);
      for (const s of sources) if (s.seat) seatKeys.push({ bodyId: row.bodyId, seatGroup: s.seat.group, seatRole: s.seat.role });
      count++;
    }
    // Organizations that left the registry and that nothing points at any more.
    tx.run(sql`delete from organizations where origin = 'registry' and slug not in (${sql.join(
      [...resolver.registry.organizations.keys()].map((s) => sql`${s}`),
      sql`, `,
    )}) and id not in (select organization_id from contribution_sources where organization_id is not null)
      and id not in (select parent_id from contribution_sources where parent_id is not null)
      and id not in (select parent_id from organizations where parent_id is not null)
      and id not in (select organization_id from positions where organization_id is not null)`);
    reresolveOfficialPositions(txDb, ids, resolver);
    if (seatKeys.length > 0) rebuildTdocSeats(txDb, seatKeys);
    counts.after();
    if (changed.length > 0) dropEmptyCounts(txDb);
  });
  return count;
}
