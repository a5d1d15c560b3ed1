// One IETF document (an Internet-Draft or an RFC) as the Datatracker publishes it, whichever way it
// was read (the JSON API, a htmlized draft), and how it becomes a contribution.
import { countries } from '../../domain/resolve/country-data.js';
import type { ParsedAuthor, ParsedContribution, ParsedGroup, ParsedListing } from '../../domain/types.js';
import { documentUrl } from './urls.js';

export interface IetfAuthor {
  /** The author's name as the document gives it. Authors are kept only as authors of this document. */
  name: string | null;
  /** The affiliation as published (`Cisco Systems`, `Huawei Technologies`), or null when none is given. */
  affiliation: string | null;
  /** ISO 3166-1 alpha-2 of the country the document gives for the author, when it gives one. */
  country: string | null;
}

export interface IetfDocument {
  /** `draft-ietf-core-coap` (no revision) or `rfc7252`. */
  name: string;
  /** The latest revision (`02`), null for an RFC. */
  rev: string | null;
  title: string;
  type: 'draft' | 'rfc';
  /** The group's acronym (`idr`, `core`), null for individual submissions outside any group. */
  group: string | null;
  /** YYYY-MM-DD of the latest revision. */
  date: string | null;
  authors: IetfAuthor[];
}

/** `draft-ietf-idr-ts-flowspec-srv6-policy-03` → name and revision. */
export function splitRevision(fullName: string): { name: string; rev: string | null } {
  const m = /^(draft-.+)-(\d{2})$/.exec(fullName.trim());
  return m ? { name: m[1]!, rev: m[2]! } : { name: fullName.trim(), rev: null };
}

/** A country as a draft writes it (`United States of America`, `China`) or as the API gives it (`US`). */
export function countryCode(text: string | null | undefined): string | null {
  const value = text?.trim();
  if (!value) return null;
  if (/^[A-Za-z]{2}$/.test(value) && countries.isValid(value.toUpperCase())) return value.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(value)) return countries.alpha3ToAlpha2(value.toUpperCase()) ?? null;
  return countries.getAlpha2Code(value, 'en') ?? null;
}

/**
 * The document's affiliations as published, one per organization in author order, separated by "; ":
 * the splitter separates at semicolons, and a semicolon, unlike a comma, does not occur inside the
 * affiliations seen (`Huawei Technologies Co., Ltd.`).
 */
export function affiliationsText(authors: IetfAuthor[]): string {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const author of authors) {
    const affiliation = author.affiliation?.replace(/\s+/g, ' ').trim();
    if (!affiliation) continue;
    const key = affiliation.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(affiliation);
  }
  return names.join('; ');
}

export function toContribution(doc: IetfDocument, baseUrl?: string): ParsedContribution {
  return {
    ref: doc.name,
    title: doc.title,
    type: doc.type === 'rfc' ? 'rfc' : 'internet-draft',
    docFor: null,
    status: null,
    date: doc.date,
    agendaItem: null,
    release: null,
    workItems: null,
    sourceText: affiliationsText(doc.authors),
    url: documentUrl(doc, baseUrl),
    revisionOf: null,
    revisedTo: null,
    ...(doc.authors.length > 0 ? { authors: doc.authors.map(authorOf) } : {}),
  };
}

/** What is stored of an author: the affiliation (whitespace collapsed) and the country, never the name. */
function authorOf(author: IetfAuthor): ParsedAuthor {
  return { affiliation: author.affiliation?.replace(/\s+/g, ' ').trim() || null, country: author.country };
}

export function ietfGroup(acronym: string | null, name?: string | null): ParsedGroup {
  const code = acronym ?? 'none';
  return { code, name: name ?? (acronym ? code : 'Individual submissions') };
}

/** One listing per group: several revisions of a draft are one contribution, the latest revision. */
export function toListing(format: string, group: ParsedGroup, documents: IetfDocument[], warnings: string[] = []): ParsedListing {
  const latest = new Map<string, IetfDocument>();
  for (const doc of documents) {
    const known = latest.get(doc.name);
    if (!known || (doc.rev ?? '') > (known.rev ?? '')) latest.set(doc.name, doc);
  }
  return {
    body: 'ietf',
    format,
    group,
    meeting: null,
    contributions: [...latest.values()].map((d) => toContribution(d)),
    warnings,
  };
}
