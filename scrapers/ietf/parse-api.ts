// The Datatracker's JSON API (Django Tastypie, `/api/v1/…`): every list answers
// `{"meta": {"limit", "next", "offset", "previous", "total_count"}, "objects": [...]}`, and `meta.next`
// is the path of the following page or null. Related objects are URIs (`/api/v1/person/person/7/`).
import { z } from 'zod';
import { LayoutChangedError, UnreadableInputError } from '../errors.js';
import { countryCode, splitRevision, type IetfAuthor, type IetfDocument } from './document.js';

const pageSchema = z.object({
  meta: z.object({
    limit: z.number().int().nonnegative(),
    next: z.string().nullable(),
    offset: z.number().int().nonnegative(),
    total_count: z.number().int().nonnegative(),
  }),
  objects: z.array(z.record(z.string(), z.unknown())),
});

export type ApiPage = z.infer<typeof pageSchema>;

export function isApiPage(value: unknown): boolean {
  return pageSchema.safeParse(value).success;
}

export function parseApiPage(bytes: Uint8Array | string, what: string): ApiPage {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf-8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UnreadableInputError(`${what}: not JSON (truncated or not an API answer)`);
  }
  const page = pageSchema.safeParse(json);
  if (!page.success) {
    const issue = page.error.issues[0]!;
    throw new LayoutChangedError(`${what}: not a Datatracker API list (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  return page.data;
}

/** The last path segment of an API URI: `/api/v1/name/doctypename/draft/` → `draft`. */
export function uriKey(uri: string | null | undefined): string | null {
  return uri?.split('/').filter(Boolean).pop() ?? null;
}

const documentSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  rev: z.string(),
  title: z.string(),
  time: z.string(),
  type: z.string(),
  resource_uri: z.string(),
});

export interface ApiDocument {
  id: number;
  resourceUri: string;
  document: IetfDocument;
}

/** The drafts and RFCs of a documents page; other document types of a group (charters, slides) are skipped. */
export function readDocuments(page: ApiPage, group: string | null, warnings: string[]): ApiDocument[] {
  const documents: ApiDocument[] = [];
  for (const object of page.objects) {
    const parsed = documentSchema.safeParse(object);
    if (!parsed.success) throw new LayoutChangedError(`a document object lacks ${parsed.error.issues[0]!.path.join('.')}`);
    const d = parsed.data;
    const type = uriKey(d.type);
    if (type !== 'draft' && type !== 'rfc') {
      warnings.push(`${d.name}: document type ${type} is not a draft or an RFC; skipped`);
      continue;
    }
    const { name } = splitRevision(d.name);
    documents.push({
      id: d.id,
      resourceUri: d.resource_uri,
      document: {
        name,
        rev: type === 'draft' ? d.rev || null : null,
        title: d.title.replace(/\s+/g, ' ').trim(),
        type,
        group,
        date: /^\d{4}-\d{2}-\d{2}/.exec(d.time)?.[0] ?? null,
        authors: [],
      },
    });
  }
  return documents;
}

const authorSchema = z.object({
  document: z.string(),
  person: z.string().nullable(),
  affiliation: z.string(),
  country: z.string(),
  order: z.number().int(),
});

export interface ApiAuthor {
  documentUri: string;
  personUri: string | null;
  order: number;
  author: IetfAuthor;
}

/** A documentauthor page: each author's affiliation and country as the document gives them (e-mail is not read). */
export function readAuthors(page: ApiPage): ApiAuthor[] {
  return page.objects.map((object) => {
    const parsed = authorSchema.safeParse(object);
    if (!parsed.success) throw new LayoutChangedError(`a documentauthor object lacks ${parsed.error.issues[0]!.path.join('.')}`);
    const a = parsed.data;
    return {
      documentUri: a.document,
      personUri: a.person,
      order: a.order,
      author: { name: null, affiliation: a.affiliation.trim() || null, country: countryCode(a.country) },
    };
  });
}

const roleSchema = z.object({ name: z.string(), person: z.string(), group: z.string() });

/** A role page (`/api/v1/group/role/?group__acronym=core&name=chair`): who holds the role. */
export function readRoles(page: ApiPage): { role: string; personUri: string }[] {
  return page.objects.map((object) => {
    const parsed = roleSchema.safeParse(object);
    if (!parsed.success) throw new LayoutChangedError(`a role object lacks ${parsed.error.issues[0]!.path.join('.')}`);
    return { role: uriKey(parsed.data.name) ?? '', personUri: parsed.data.person };
  });
}

const personSchema = z.object({ name: z.string().min(1), resource_uri: z.string() });

/** A person object: the name only. */
export function readPerson(bytes: Uint8Array | string): { name: string; resourceUri: string } {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf-8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UnreadableInputError('person: not JSON');
  }
  const parsed = personSchema.safeParse(json);
  if (!parsed.success) throw new LayoutChangedError('a person object has no name');
  return { name: parsed.data.name, resourceUri: parsed.data.resource_uri };
}

const groupSchema = z.object({ acronym: z.string(), name: z.string() });

export function readGroups(page: ApiPage): { acronym: string; name: string }[] {
  return page.objects.flatMap((object) => {
    const parsed = groupSchema.safeParse(object);
    return parsed.success ? [parsed.data] : [];
  });
}
