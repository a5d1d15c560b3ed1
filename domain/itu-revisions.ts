// ITU documents and their revisions. ITU revises a document under its own number: `C 102 (Rev.1)` is
// the store id `T22-SG17-C-0102` at revision 1, and a listing shows it at its latest revision. Like an
// IEEE 802 document (scrapers/ieee/parse-mentor-listing.ts), an ITU document is one contribution:
// ref = the store id without the revision, with the title, sources, date and link of its latest
// revision, `revisionOf` naming the revision that one replaces — the original (`T22-SG17-C-0102`, ITU
// gives it no suffix) for Rev.1, `T22-SG17-C-0102-R1` for Rev.2.

/** A revision's name: the store id for the original (revision 0), `…-R2` for Rev.2. */
export function revisionName(documentRef: string, revision: number): string {
  return revision > 0 ? `${documentRef}-R${revision}` : documentRef;
}

/**
 * The document ref of a contribution stored under a revision's name by stdwatch before refs dropped the
 * revision (`T22-SG17-C-0102-R1` → `T22-SG17-C-0102`); null for a ref that names no revision. ITU store
 * ids end in the document's digits (`…-C-0102`, `…-TD-GEN-0011`), so an `-R<n>` ending is only ever
 * the revision suffix that stdwatch itself appended.
 */
export function documentRefOfRevision(storedRef: string): string | null {
  return /^(.+-\d{3,4})-R(\d+)$/.exec(storedRef)?.[1] ?? null;
}

export interface ListedRevision<T> {
  /** The store id without revision. */
  documentRef: string;
  /** 0 for the original. */
  revision: number;
  row: T;
}

export interface LatestRevision<T> {
  documentRef: string;
  revision: number;
  row: T;
  /** The revision the latest one replaces, by name; null for an original. */
  revisionOf: string | null;
}

/**
 * One entry per document, in the order documents are first listed, at its highest revision. The
 * revision it replaces is the next lower one the listing shows, else the one just below it (ITU
 * numbers revisions one by one; a listing usually shows only the latest).
 */
export function latestRevisions<T>(listed: ListedRevision<T>[]): LatestRevision<T>[] {
  const byDocument = new Map<string, ListedRevision<T>[]>();
  for (const entry of listed) byDocument.set(entry.documentRef, [...(byDocument.get(entry.documentRef) ?? []), entry]);
  return [...byDocument.values()].map((all) => {
    // Stable: among equal revisions the first listed wins.
    const sorted = [...all].sort((a, b) => b.revision - a.revision);
    const latest = sorted[0]!;
    const previous = sorted.find((r) => r.revision < latest.revision);
    const replaced = previous ? previous.revision : latest.revision - 1;
    return {
      documentRef: latest.documentRef,
      revision: latest.revision,
      row: latest.row,
      revisionOf: latest.revision > 0 ? revisionName(latest.documentRef, replaced) : null,
    };
  });
}

/**
 * The contributions stdwatch stored once per revision, before one contribution per document: stored
 * refs matching `glob` (a candidate filter for SQLite's GLOB) are folded into the document's row by
 * db/contributions.ts (foldFormerRefs) when a listing shows the document again.
 */
export const ITU_FORMER_REVISION_REFS = { glob: '*-R[0-9]*', currentRefOf: documentRefOfRevision };
