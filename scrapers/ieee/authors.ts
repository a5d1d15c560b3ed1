// The "Author (Affiliation)" cell of a Mentor listing, as published. Real cells (802.11, Oct 2021):
//   `Alfred Asterjadhi (Qualcomm Inc.)`     one author, one affiliation
//   `Jay Yang(Nokia)`                       no space before the parenthesis
//   `laurent cariou (Intel)`                names as typed, lower case kept
//   `Mark Hamilton (Ruckus/CommScope)`      one affiliation naming a unit and its parent
//   `Ronny Yongho Kim`                      no affiliation at all
// Several authors are separated by commas or semicolons outside parentheses (`A (X), B (Y)`).
import { splitTopLevel } from '../../domain/resolve/split.js';

export interface MentorAuthor {
  /** The author's name as published; kept only as the author of this document. */
  name: string;
  /** The affiliation as published, or null when the cell gives none. */
  affiliation: string | null;
}

export function parseAuthorsCell(cell: string): MentorAuthor[] {
  return splitTopLevel(cell, /[,;]/).map((entry) => {
    const m = /^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(entry);
    if (!m) return { name: entry, affiliation: null };
    const affiliation = m[2]!.replace(/\s+/g, ' ').trim();
    return { name: m[1]!.trim(), affiliation: affiliation || null };
  });
}

/** The affiliations of a document's authors, each once, in order, separated by "; " (see ietf/document.ts). */
export function mentorSourceText(authors: MentorAuthor[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { affiliation } of authors) {
    if (!affiliation || seen.has(affiliation.toLowerCase())) continue;
    seen.add(affiliation.toLowerCase());
    out.push(affiliation);
  }
  return out.join('; ');
}
