// Saved Datatracker JSON given to `stdwatch import`. The API spreads a document over two resources —
// the document (`/api/v1/doc/document/`: name, revision, title, date) and its documentauthor records
// (`/api/v1/doc/documentauthor/`: each author's affiliation and country) — so the files of one saved run
// are read together: documents and author records are paired by the document's resource URI, in
// whatever order and however many pages were given. The document's own JSON (`/doc/<name>/doc.json`)
// holds both and is whole by itself. What the scraper does is done here with its own functions
// (readDocuments, readAuthors, toListing), so the same answers give the same contributions.
//
// A documents answer without the author records of every document is refused, naming what is
// missing: storing it would record the documents with no source at all (and overwrite the
// affiliations a scrape stored for them with nothing) — an import that loses data quietly.
import { z } from 'zod';
import { UnreadableInputError } from '../errors.js';
import type { ParsedListing } from '../../domain/types.js';
import { ietfGroup, splitRevision, toListing, type IetfAuthor, type IetfDocument } from './document.js';
import { isApiPage, readAuthors, readDocuments, type ApiAuthor, type ApiPage } from './parse-api.js';
import { redactAddresses } from '../redact.js';
import { redactionNote } from '../redaction.js';
import type { Redaction } from '../../domain/types.js';

export interface JsonFile {
  /** The name shown in messages. */
  name: string;
  bytes: Buffer;
}

export interface ReadJsonFiles {
  listings: ParsedListing[];
  /** Each file as it is to be archived: e-mail addresses removed, as the scraper archives answers. */
  archived: { bytes: Buffer; redaction: Redaction | null }[];
  /** For each listing (same index), the index of the first file that gave one of its documents. */
  listingFiles: number[];
}

/** A file whose content is JSON (an object or an array), whatever its name. */
export function looksLikeJson(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('utf-8').replace(/^\uFEFF/, '');
  return /^\s*[{[]/.test(head);
}

type Resource = 'document' | 'documentauthor' | 'group' | 'other';

function resourceOf(object: Record<string, unknown>): Resource {
  const uri = typeof object['resource_uri'] === 'string' ? object['resource_uri'] : '';
  if (uri.startsWith('/api/v1/doc/document/')) return 'document';
  if (uri.startsWith('/api/v1/doc/documentauthor/')) return 'documentauthor';
  if (uri.startsWith('/api/v1/group/group/')) return 'group';
  return 'other';
}

/** `/doc/<name>/doc.json` (ietf/doc/views_doc.py document_json): the document with its authors' affiliations. */
const docJsonSchema = z.object({
  name: z.string().min(1),
  rev: z.string().nullable(),
  time: z.string(),
  title: z.string(),
  group: z.object({ acronym: z.string(), name: z.string() }).nullable(),
  authors: z.array(z.object({ name: z.string().nullable().optional(), affiliation: z.string().nullable().optional() })),
});

const groupSchema = z.object({ acronym: z.string().min(1), name: z.string(), resource_uri: z.string() });
const documentGroupSchema = z.object({ resource_uri: z.string(), group: z.string().nullable().optional() });

interface Page {
  file: number;
  page: ApiPage;
}

/** A list page's place in its query: the query without `offset`, and the offset. */
function pageKey(path: string, offset: number): string {
  const url = new URL(path, 'https://datatracker.ietf.org');
  url.searchParams.delete('offset');
  url.searchParams.sort();
  return `${url.pathname}?${url.searchParams.toString()}#${offset}`;
}

function offsetOf(path: string): number {
  return Number(new URL(path, 'https://datatracker.ietf.org').searchParams.get('offset') ?? 0);
}

/**
 * Every page a given page links to (`meta.next`, `meta.previous`) must be among the files: otherwise
 * the documents or authors on it would be missing without a word.
 */
function missingPages(pages: Page[]): string[] {
  const have = new Set<string>();
  for (const { page } of pages) {
    const link = page.meta.next ?? (page as { meta: { previous?: string | null } }).meta.previous ?? null;
    if (link) have.add(pageKey(link, page.meta.offset));
  }
  const missing: string[] = [];
  for (const { page } of pages) {
    const previous = (page as { meta: { previous?: string | null } }).meta.previous ?? null;
    for (const link of [page.meta.next, previous]) {
      if (link && !have.has(pageKey(link, offsetOf(link)))) missing.push(link);
    }
  }
  return [...new Set(missing)];
}

/**
 * A document's group acronym: from a saved group answer among the files when one lists the group,
 * else from the name of a working-group draft of the same group (`draft-ietf-<wg>-…`,
 * `draft-irtf-<rg>-…`, the IETF's naming rule for adopted drafts), which the API answers keep.
 */
function groupAcronyms(
  documentGroups: Map<string, string | null>,
  groupsByUri: Map<string, { acronym: string; name: string }>,
): Map<string, { acronym: string; name: string | null } | null> {
  const byGroupUri = new Map<string, { acronym: string; name: string | null } | null>();
  for (const [uri, group] of groupsByUri) byGroupUri.set(uri, group);
  for (const [documentUri, groupUri] of documentGroups) {
    if (!groupUri || byGroupUri.has(groupUri)) continue;
    const name = documentUri.split('/').filter(Boolean).pop() ?? '';
    const m = /^draft-(?:ietf|irtf)-([a-z0-9]+)-/.exec(name);
    if (m) byGroupUri.set(groupUri, { acronym: m[1]!, name: null });
  }
  return byGroupUri;
}

/** Reads the JSON files of one saved run into one listing per group. Refuses the set whole, with every reason. */
export function readIetfJsonFiles(files: JsonFile[]): ReadJsonFiles {
  const archived = files.map((f) => {
    const copy = redactAddresses(f.bytes);
    return { bytes: copy?.bytes ?? f.bytes, redaction: copy ? redactionNote(f.bytes, copy) : null };
  });
  const problems: string[] = [];
  const documentPages: Page[] = [];
  const authorPages: Page[] = [];
  const allPages: Page[] = [];
  const groupsByUri = new Map<string, { acronym: string; name: string }>();
  const docJson: { file: number; document: IetfDocument; group: { acronym: string; name: string } | null }[] = [];

  archived.forEach(({ bytes }, file) => {
    const name = files[file]!.name;
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf-8').replace(/^\uFEFF/, ''));
    } catch {
      problems.push(`${name}: a JSON file that does not parse (truncated?)`);
      return;
    }
    if (isApiPage(json)) {
      const page = json as ApiPage;
      allPages.push({ file, page });
      const kinds = new Set(page.objects.map(resourceOf));
      if (kinds.size > 1) problems.push(`${name}: a Datatracker API answer mixing several resources`);
      else if (kinds.has('document')) documentPages.push({ file, page });
      else if (kinds.has('documentauthor')) authorPages.push({ file, page });
      else if (kinds.has('group')) {
        for (const object of page.objects) {
          const group = groupSchema.safeParse(object);
          if (group.success) groupsByUri.set(group.data.resource_uri, { acronym: group.data.acronym, name: group.data.name });
        }
      } else if (kinds.has('other')) {
        problems.push(
          `${name}: a Datatracker API answer of ${String(page.objects[0]?.['resource_uri'] ?? 'unknown objects')}, which holds no documents or authors ` +
            '(import /api/v1/doc/document/ and /api/v1/doc/documentauthor/ answers; chairs are read by `stdwatch scrape ietf`)',
        );
      }
      return;
    }
    const doc = docJsonSchema.safeParse(json);
    if (doc.success) {
      const d = doc.data;
      const { name: docName, rev } = splitRevision(d.name);
      const type = /^rfc\d+$/i.test(docName) ? 'rfc' : docName.startsWith('draft-') ? 'draft' : null;
      if (!type) {
        problems.push(`${name}: ${docName} is not an Internet-Draft or an RFC`);
        return;
      }
      const authors: IetfAuthor[] = d.authors.map((a) => ({ name: null, affiliation: a.affiliation?.trim() || null, country: null }));
      docJson.push({
        file,
        group: d.group,
        document: {
          name: docName.toLowerCase(),
          rev: type === 'draft' ? d.rev || rev : null,
          title: d.title.replace(/\s+/g, ' ').trim(),
          type,
          group: d.group?.acronym ?? null,
          date: /^\d{4}-\d{2}-\d{2}/.exec(d.time)?.[0] ?? null,
          authors,
        },
      });
      return;
    }
    problems.push(`${name}: a JSON file, but not a Datatracker API answer nor a document's doc.json`);
  });

  for (const link of missingPages(allPages)) problems.push(`the page ${link} is not among the files (an answer given links to it)`);

  // Documents, each once (the same page given twice is read once).
  const warnings: string[] = [];
  const documents = new Map<string, { file: number; id: number; document: IetfDocument }>();
  const documentGroups = new Map<string, string | null>();
  for (const { file, page } of documentPages) {
    for (const object of page.objects) {
      const parsed = documentGroupSchema.safeParse(object);
      if (parsed.success) documentGroups.set(parsed.data.resource_uri, parsed.data.group ?? null);
    }
    for (const d of readDocuments(page, null, warnings)) if (!documents.has(d.resourceUri)) documents.set(d.resourceUri, { file, id: d.id, document: d.document });
  }

  // Authors, paired with their documents by the document's resource URI.
  const authorsOf = new Map<string, Map<number, ApiAuthor>>();
  for (const { page } of authorPages) {
    for (const author of readAuthors(page)) {
      const known = authorsOf.get(author.documentUri) ?? new Map<number, ApiAuthor>();
      known.set(author.order, author);
      authorsOf.set(author.documentUri, known);
    }
  }
  if (documentPages.length > 0 || authorPages.length > 0) {
    if (documents.size === 0 && authorsOf.size > 0 && docJson.length === 0) {
      problems.push(
        'documentauthor records without their documents: add the /api/v1/doc/document/ answer(s) of the same run ' +
          '(they give each document its name, revision, title and date)',
      );
    }
    const withoutAuthors = [...documents].filter(([uri]) => !authorsOf.has(uri));
    if (withoutAuthors.length > 0) {
      problems.push(
        `documents without their authors' affiliations: ${withoutAuthors
          .map(([, d]) => `${d.document.name} (/api/v1/doc/documentauthor/?document=${d.id})`)
          .join(', ')}; add those documentauthor answers (an import without them would store the documents with no source)`,
      );
    }
    const strays = [...authorsOf.keys()].filter((uri) => !documents.has(uri)).length;
    if (strays > 0 && documents.size > 0) warnings.push(`documentauthor records of ${strays} document(s) not among the files were left out`);
  }

  const groupOf = groupAcronyms(documentGroups, groupsByUri);
  for (const [uri, d] of documents) {
    const groupUri = documentGroups.get(uri) ?? null;
    const group = groupUri ? groupOf.get(groupUri) : null;
    if (groupUri && !group) {
      problems.push(
        `${d.document.name}: its group ${groupUri} is not named by any file; add the saved /api/v1/group/group/ answer that lists it`,
      );
    }
    d.document.group = group?.acronym ?? null;
  }

  if (problems.length > 0) throw new UnreadableInputError(problems.join('; '));
  if (documents.size === 0 && docJson.length === 0) throw new UnreadableInputError('no Datatracker documents among the files');

  // One listing per group, as the scraper makes one per group it reads.
  const byGroup = new Map<string, { group: { acronym: string | null; name: string | null }; file: number; documents: IetfDocument[] }>();
  const add = (acronym: string | null, name: string | null, file: number, document: IetfDocument): void => {
    const key = acronym ?? '';
    const entry = byGroup.get(key) ?? { group: { acronym, name }, file, documents: [] };
    entry.documents.push(document);
    byGroup.set(key, entry);
  };
  for (const [uri, d] of documents) {
    d.document.authors = [...(authorsOf.get(uri)?.values() ?? [])].sort((a, b) => a.order - b.order).map((a) => a.author);
    const groupUri = documentGroups.get(uri) ?? null;
    add(d.document.group, (groupUri && groupOf.get(groupUri)?.name) || null, d.file, d.document);
  }
  for (const d of docJson) add(d.document.group, d.group?.name ?? null, d.file, d.document);

  const listings: ParsedListing[] = [];
  const listingFiles: number[] = [];
  for (const { group, file, documents: docs } of byGroup.values()) {
    const groupWarnings = [...warnings];
    for (const doc of docs) if (doc.authors.every((a) => !a.affiliation)) groupWarnings.push(`${doc.name}: no author gives an affiliation`);
    listings.push(toListing('ietf-api', ietfGroup(group.acronym, group.name), docs, groupWarnings));
    listingFiles.push(file);
  }
  return { listings, archived, listingFiles };
}

/** `stdwatch import` is given Datatracker JSON through the one-file path (seed, tests): say how it is imported. */
export function ietfJsonRefusal(text: string): never {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UnreadableInputError('a JSON file that does not parse (truncated?)');
  }
  if (!isApiPage(json) && !docJsonSchema.safeParse(json).success) throw new UnreadableInputError('a JSON file, but not a Datatracker API answer');
  throw new UnreadableInputError(
    'Datatracker JSON is imported as a set: give the documents and documentauthor answers of one run together to `stdwatch import`',
  );
}
