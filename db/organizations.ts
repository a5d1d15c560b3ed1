// Organizations as the writers meet them: the id of each organization a resolved source names, the
// standards-body groups recognised by shape created on first use.
import type { Statement } from 'better-sqlite3';
import { sourcePartner } from '../domain/resolve/memberships.js';
import type { OrganizationRef, ResolvedSource, Resolver } from '../domain/resolve/resolve.js';
import type { Db } from './connection.js';

/** Organization ids by slug, creating pattern-made organizations (standards-body groups) on first use. */
export class OrganizationIds {
  private readonly ids = new Map<string, number>();
  private readonly upsert: Statement<[string, string, string, string | null, number | null, string], { id: number }>;
  /** `sqlite`: the connection of the writing transaction (a drizzle transaction has no $client). */
  constructor(
    sqlite: Db['$client'],
    private readonly resolver: Resolver,
  ) {
    for (const row of sqlite.prepare<[], { id: number; slug: string }>('select id, slug from organizations').all()) {
      this.ids.set(row.slug, row.id);
    }
    // On better-sqlite3 itself: a store meets a few new pattern-made organizations, each a query drizzle would build anew.
    this.upsert = sqlite.prepare(`insert into organizations (slug, name, kind, country, parent_id, origin) values (?, ?, ?, ?, ?, ?)
      on conflict (slug) do update set name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id returning id`);
  }

  idOf(org: OrganizationRef): number {
    const known = this.ids.get(org.slug);
    if (known !== undefined) return known;
    const parentId = org.parentSlug ? this.idOf(this.resolver.organization(org.parentSlug)!) : null;
    const row = this.upsert.get(org.slug, org.name, org.kind, org.country, parentId, org.origin)!;
    this.ids.set(org.slug, row.id);
    return row.id;
  }

  /** The Organizational Partner a source's organization is a member through (the registry's memberships); null when unresolved. */
  partnerOf(source: ResolvedSource): string | null {
    return sourcePartner(this.resolver.registry, source);
  }
}
