// Watchlists: named lists of organizations, groups and keywords a user follows, stored in the database
// and created from the web form or the CLI. A contribution is on a watchlist when it names one of its
// organizations (or a subsidiary of one), belongs to one of its groups, or matches one of its keywords
// (full text over title and source, as /search).
import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { groups, organizations, watchlistItems, watchlists } from '../../db/schema.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import { NotFoundError } from './country.js';
import type { Filters } from './filters.js';
import { groupCondition, organizationCondition, recentContributions } from './recent.js';
import { ftsQuery, matchCondition } from '../../db/fts.js';

export type WatchKind = 'organization' | 'group' | 'keyword';

export interface WatchlistInput {
  name: string;
  organizations?: string[];
  groups?: string[];
  keywords?: string[];
}

export interface Watchlist {
  slug: string;
  name: string;
  createdAt: string;
  organizations: { slug: string; name: string }[];
  groups: string[];
  keywords: string[];
}

/** A watchlist, an item or a name that cannot be taken, with the reason. */
export class WatchlistError extends Error {
  override readonly name = 'WatchlistError';
}

export function watchlistSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** An organization by slug or by any name the registry knows, as its own slug (not its parent's). */
function organizationSlug(db: Db, resolver: Resolver, value: string): string {
  const bySlug = db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.slug, value.toLowerCase())).get();
  const slug = bySlug?.slug ?? resolver.resolveName(value)?.slug;
  if (!slug || !db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)).get()) {
    throw new WatchlistError(`no organization "${value}" (try a slug such as huawei or china-mobile)`);
  }
  return slug;
}

function groupCode(db: Db, value: string): string {
  const code = value.trim().toUpperCase();
  if (!db.select({ id: groups.id }).from(groups).where(eq(groups.code, code)).get()) {
    const known = db.selectDistinct({ code: groups.code }).from(groups).orderBy(groups.code).all().map((g) => g.code);
    throw new WatchlistError(`no group "${value}" (known: ${known.join(', ') || 'none yet'})`);
  }
  return code;
}

function keyword(value: string): string {
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length > 100) throw new WatchlistError('a keyword has at most 100 characters');
  if (ftsQuery(text) === null) throw new WatchlistError(`the keyword "${text}" has no letter or digit to search for`);
  return text;
}

/** The items of an input, checked: every organization and group must exist, every keyword be searchable. */
function checkedItems(db: Db, resolver: Resolver, input: Omit<WatchlistInput, 'name'>): { kind: WatchKind; value: string }[] {
  const clean = (values: string[] | undefined) => (values ?? []).map((v) => v.trim()).filter(Boolean);
  return [
    ...clean(input.organizations).map((v) => ({ kind: 'organization' as const, value: organizationSlug(db, resolver, v) })),
    ...clean(input.groups).map((v) => ({ kind: 'group' as const, value: groupCode(db, v) })),
    ...clean(input.keywords).map((v) => ({ kind: 'keyword' as const, value: keyword(v) })),
  ];
}

/**
 * Creates the watchlist, or adds the items to the one of that name. Nothing is stored when one item is
 * refused. Returns the watchlist as stored.
 */
export function saveWatchlist(db: Db, resolver: Resolver, input: WatchlistInput, now: Date = new Date()): Watchlist {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const slug = watchlistSlug(name);
  if (!slug || name.length > 80) throw new WatchlistError('a watchlist needs a name of 1 to 80 characters with a letter or digit');
  const items = checkedItems(db, resolver, input);
  db.transaction((tx) => {
    const existing = tx.select({ id: watchlists.id }).from(watchlists).where(eq(watchlists.slug, slug)).get();
    if (!existing && items.length === 0) throw new WatchlistError('a new watchlist needs at least one organization, group or keyword');
    const id = existing?.id ?? tx.insert(watchlists).values({ slug, name, createdAt: now.toISOString() }).returning({ id: watchlists.id }).get().id;
    for (const item of items) tx.insert(watchlistItems).values({ watchlistId: id, ...item }).onConflictDoNothing().run();
  });
  return getWatchlist(db, slug);
}

export function getWatchlist(db: Db, slug: string): Watchlist {
  const list = db.select().from(watchlists).where(eq(watchlists.slug, slug)).get();
  if (!list) throw new NotFoundError(`no watchlist "${slug}"`);
  const items = db.select().from(watchlistItems).where(eq(watchlistItems.watchlistId, list.id)).orderBy(watchlistItems.kind, watchlistItems.value).all();
  const values = (kind: WatchKind) => items.filter((i) => i.kind === kind).map((i) => i.value);
  const orgSlugs = values('organization');
  const names = new Map(
    orgSlugs.length === 0
      ? []
      : db
          .select({ slug: organizations.slug, name: organizations.name })
          .from(organizations)
          .where(or(...orgSlugs.map((s) => eq(organizations.slug, s))))
          .all()
          .map((o) => [o.slug, o.name]),
  );
  return {
    slug: list.slug,
    name: list.name,
    createdAt: list.createdAt,
    organizations: orgSlugs.map((s) => ({ slug: s, name: names.get(s) ?? s })),
    groups: values('group'),
    keywords: values('keyword'),
  };
}

export function listWatchlists(db: Db): Watchlist[] {
  return db
    .select({ slug: watchlists.slug })
    .from(watchlists)
    .orderBy(watchlists.name)
    .all()
    .map((w) => getWatchlist(db, w.slug));
}

export function removeWatchlist(db: Db, slug: string): void {
  const list = db.select({ id: watchlists.id }).from(watchlists).where(eq(watchlists.slug, slug)).get();
  if (!list) throw new NotFoundError(`no watchlist "${slug}"`);
  db.transaction((tx) => {
    tx.delete(watchlistItems).where(eq(watchlistItems.watchlistId, list.id)).run();
    tx.delete(watchlists).where(eq(watchlists.id, list.id)).run();
  });
}

/** The condition a contribution meets to be on the watchlist: any of its items. */
export function watchlistCondition(list: Watchlist, db?: Db): SQL {
  const conditions: SQL[] = [];
  if (list.organizations.length > 0) conditions.push(organizationCondition(list.organizations.map((o) => o.slug), db));
  if (list.groups.length > 0) conditions.push(groupCondition(list.groups));
  for (const k of list.keywords) conditions.push(matchCondition(k));
  return conditions.length === 0 ? sql`0 = 1` : sql`(${sql.join(conditions, sql` or `)})`;
}

/**
 * What is on the watchlist under the filters (`from`: new since that date): the `limit` newest, and
 * how many there are up to `countCap` (`totalExact` false past it; with `count: false`, not counted:
 * `total` is then the number shown).
 */
export function watchlistReport(db: Db, slug: string, filters: Filters, options: { limit?: number; count?: boolean; countCap?: number | null } = {}) {
  const { limit = 200, count = true, countCap } = options;
  const watchlist = getWatchlist(db, slug);
  const recent = recentContributions(db, watchlistCondition(watchlist, db), filters, limit, { count, countCap });
  return {
    kind: 'watchlist' as const,
    watchlist,
    filters,
    since: filters.from ?? null,
    total: recent.total ?? recent.items.length,
    totalExact: recent.totalExact ?? false,
    latest: recent.latest,
    contributions: recent.items,
  };
}

export type WatchlistReport = ReturnType<typeof watchlistReport>;
