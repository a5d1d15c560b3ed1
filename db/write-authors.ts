// The authors of contributions (contribution_authors): each author's affiliation and the country the
// document gives, in the document's order. Kept apart from the contributions' hot path in contributions.ts:
// only listings that give authors (IETF) do any work here.
import { and, eq } from 'drizzle-orm';
import { perConnection, type Db } from './client.js';
import { contributionAuthors, contributions } from './schema.js';
import type { ParsedAuthor, ParsedListing } from '../domain/types.js';

const sameAffiliation = (a: string | null, b: string | null): boolean =>
  (a ?? '').replace(/\s+/g, ' ').trim().toLowerCase() === (b ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The authors to store over the stored ones. The listing's list replaces the stored one, except that a
 * country it lacks for the same author (same position, same affiliation) keeps the stored country: a
 * document's own JSON (`doc.json`) gives no countries, and reading it after the API must not erase them.
 */
export function mergedAuthors(given: ParsedAuthor[], stored: ParsedAuthor[]): ParsedAuthor[] {
  const keepsStored = given.length === stored.length;
  return given.map((author, position) => {
    const before = stored[position];
    if (keepsStored && author.country === null && before && sameAffiliation(author.affiliation, before.affiliation)) {
      return { affiliation: author.affiliation, country: before.country };
    }
    return author;
  });
}

/**
 * Stores the authors of the listing's contributions that give them (run inside storeListing's
 * transaction, after the contributions are written). A contribution whose listing gives no authors
 * keeps what is stored. Returns how many contributions' authors changed.
 */
export function storeAuthors(db: Db, listing: ParsedListing): number {
  const withAuthors = listing.contributions.filter((c) => c.authors !== undefined);
  if (withAuthors.length === 0) return 0;
  let changed = 0;
  for (const parsed of withAuthors) {
    const row = db
      .select({ id: contributions.id })
      .from(contributions)
      .where(and(eq(contributions.bodyId, listing.body), eq(contributions.ref, parsed.ref)))
      .get();
    if (!row) continue;
    const stored = db
      .select({ affiliation: contributionAuthors.affiliation, country: contributionAuthors.country })
      .from(contributionAuthors)
      .where(eq(contributionAuthors.contributionId, row.id))
      .orderBy(contributionAuthors.position)
      .all();
    const authors = mergedAuthors(parsed.authors!, stored);
    if (JSON.stringify(authors) === JSON.stringify(stored)) continue;
    db.delete(contributionAuthors).where(eq(contributionAuthors.contributionId, row.id)).run();
    if (authors.length > 0) {
      db.insert(contributionAuthors)
        .values(authors.map((a, position) => ({ contributionId: row.id, position, affiliation: a.affiliation, country: a.country })))
        .run();
    }
    changed++;
  }
  return changed;
}

const authorsStatement = perConnection((db) =>
  db.$client.prepare<[string], { contributionId: number; affiliation: string | null; country: string | null }>(`
    select contribution_id as contributionId, affiliation, country from contribution_authors
    where contribution_id in (select value from json_each(?)) order by contribution_id, position`),
);

/** The stored authors of the given contributions, in document order, by contribution id. */
export function authorsOf(db: Db, ids: number[]): Map<number, ParsedAuthor[]> {
  const byContribution = new Map<number, ParsedAuthor[]>();
  if (ids.length === 0) return byContribution;
  // Prepared once per connection, the ids as one JSON array: read for every page of the API.
  for (const row of authorsStatement(db).all(JSON.stringify(ids))) {
    const list = byContribution.get(row.contributionId) ?? [];
    list.push({ affiliation: row.affiliation, country: row.country });
    byContribution.set(row.contributionId, list);
  }
  return byContribution;
}
