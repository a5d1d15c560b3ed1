// Full-text matching over contribution titles and source cells, through the FTS5 index
// `contributions_fts` (db/migrations/0003_contributions_fts.sql, filled by the store as it
// inserts contributions, kept in step by triggers when one changes or goes).
//
// What a user types is never handed to FTS5 as query syntax (an unbalanced quote or a bare `AND`
// would be an SQL error): each whitespace-separated term becomes a quoted phrase, all terms must
// match, and a term ending in `*` matches as a prefix (`posit*`).
import { sql, type SQL } from 'drizzle-orm';
import { contributions } from './schema.js';

/** The FTS5 query for what the user typed, or null when it holds no searchable term. */
export function ftsQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map((term) => {
      const prefix = /\*+$/.test(term);
      const word = term.replace(/\*+$/, '').replace(/"/g, '');
      // A term without a letter or digit (`-`, `&`) would be an empty phrase: leave it out.
      if (!/[\p{L}\p{N}]/u.test(word)) return null;
      return `"${word}"${prefix ? '*' : ''}`;
    })
    .filter((t): t is string => t !== null);
  return terms.length === 0 ? null : terms.join(' ');
}

/**
 * The condition on `contributions` that their title or source cell matches the text. `checked`: the
 * matches are a set each contribution walked is checked against (the unary + keeps the planner from
 * starting at the full-text index and sorting every match).
 */
export function matchCondition(text: string, options: { checked?: boolean } = {}): SQL {
  const query = ftsQuery(text);
  if (query === null) return sql`0 = 1`;
  const id = options.checked ? sql`+${contributions.id}` : sql`${contributions.id}`;
  return sql`${id} in (select rowid from contributions_fts where contributions_fts match ${query})`;
}
