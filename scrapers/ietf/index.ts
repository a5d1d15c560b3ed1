// The IETF sources, through the Datatracker's JSON API: each configured group's drafts and RFCs with
// every author's affiliation and country (`ietf:documents`), and its chairs (`ietf:leadership`). Pages
// are followed through `meta.next`; every answer goes through the polite, caching HTTP client.
import { LayoutChangedError, RetryableFetchError, errorMessage } from '../errors.js';
import { emptyOutcome, type ScrapeContext, type Source, type SourceOutcome } from '../source.js';
import type { ParsedPosition, ParsedRoster } from '../../domain/types.js';
import { countryCode, ietfGroup, toListing } from './document.js';
import { parseApiPage, readAuthors, readDocuments, readGroups, readPerson, readRoles, uriKey, type ApiPage } from './parse-api.js';
import { redactAddresses } from '../redact.js';
import { DEFAULT_GROUPS, apiUrl, authorsApiUrl, chairsApiUrl, documentsApiUrl, groupAboutUrl, groupsApiUrl, publicUrl } from './urls.js';

interface FetchedPage {
  page: ApiPage;
  rawDocumentId: number | null;
  url: string;
}

/** Every page of an API list, following `meta.next`; a `next` that repeats a page ends the walk. */
async function allPages(context: ScrapeContext, firstUrl: string, what: string, outcome: SourceOutcome): Promise<FetchedPage[]> {
  const base = context.baseUrls.ietf;
  const pages: FetchedPage[] = [];
  const seen = new Set<string>();
  let url: string | null = firstUrl;
  while (url && !seen.has(url)) {
    seen.add(url);
    const answer = await context.http.get(url, { redact: redactAddresses });
    outcome.documentsFetched++;
    const page = parseApiPage(answer.body, what);
    pages.push({ page, rawDocumentId: answer.rawDocumentId, url: publicUrl(answer.url, base) });
    url = page.meta.next ? apiUrl(base, page.meta.next) : null;
  }
  return pages;
}

/** `STDWATCH_IETF_GROUPS=all`: every active working and research group the API lists. */
async function groupsToScrape(context: ScrapeContext, outcome: SourceOutcome): Promise<{ acronym: string; name: string | null }[]> {
  const configured = context.ietfGroups ?? DEFAULT_GROUPS;
  if (!configured.includes('all')) return configured.map((acronym) => ({ acronym, name: null }));
  const pages = await allPages(context, groupsApiUrl(context.baseUrls.ietf, context.ietfPageSize), 'groups', outcome);
  return pages.flatMap((p) => readGroups(p.page));
}

function unreachable(error: unknown): boolean {
  return error instanceof RetryableFetchError && error.status === undefined;
}

// The window: documents changed since the scrape's first day (`--since`, by default the lookback).
async function scrapeGroupDocuments(context: ScrapeContext, group: { acronym: string; name: string | null }, outcome: SourceOutcome): Promise<void> {
  const base = context.baseUrls.ietf;
  const warnings: string[] = [];
  const pages = await allPages(context, documentsApiUrl(base, group.acronym, context.since, context.ietfPageSize), `${group.acronym} documents`, outcome);
  const documents = pages.flatMap((p) => readDocuments(p.page, group.acronym, warnings));
  for (const doc of documents) {
    const authorPages = await allPages(context, authorsApiUrl(base, doc.id, context.ietfPageSize), `${doc.document.name} authors`, outcome);
    doc.document.authors = authorPages
      .flatMap((p) => readAuthors(p.page))
      .sort((a, b) => a.order - b.order)
      .map((a) => a.author);
    if (doc.document.authors.every((a) => !a.affiliation)) warnings.push(`${doc.document.name}: no author gives an affiliation`);
  }
  const listing = toListing('ietf-api', ietfGroup(group.acronym, group.name), documents.map((d) => d.document), warnings);
  outcome.recordsSeen += listing.contributions.length;
  outcome.documents.push({ url: pages[0]!.url, records: listing.contributions.length, warnings });
  if (context.dryRun) return;
  const stored = context.store.listing(listing, pages[0]!.rawDocumentId);
  outcome.recordsNew += stored.new;
  outcome.recordsChanged += stored.changed;
  context.log(`ietf ${group.acronym}: ${listing.contributions.length} documents (${stored.new} new, ${stored.changed} changed)`);
}

/**
 * The affiliation a person last gave as an author (the highest documentauthor id: the newest record).
 * The roles API publishes none; null when the person wrote no document with one.
 */
async function lastAffiliation(context: ScrapeContext, personUri: string, outcome: SourceOutcome): Promise<{ affiliation: string; country: string | null } | null> {
  const id = uriKey(personUri);
  const url = apiUrl(context.baseUrls.ietf, `/api/v1/doc/documentauthor/?person=${id}&limit=${context.ietfPageSize ?? 100}`);
  const pages = await allPages(context, url, `person ${id} authorships`, outcome);
  const records = pages.flatMap((p) =>
    p.page.objects.map((o) => ({ id: Number(o['id']), affiliation: String(o['affiliation'] ?? '').trim(), country: String(o['country'] ?? '') })),
  );
  const latest = records.filter((r) => r.affiliation).sort((a, b) => b.id - a.id)[0];
  return latest ? { affiliation: latest.affiliation, country: countryCode(latest.country) } : null;
}

async function scrapeGroupChairs(context: ScrapeContext, group: { acronym: string; name: string | null }, outcome: SourceOutcome): Promise<void> {
  const base = context.baseUrls.ietf;
  const pages = await allPages(context, chairsApiUrl(base, group.acronym), `${group.acronym} chairs`, outcome);
  const positions: ParsedPosition[] = [];
  const warnings: string[] = [];
  for (const role of pages.flatMap((p) => readRoles(p.page))) {
    if (role.role !== 'chair') continue;
    const person = await context.http.get(apiUrl(base, role.personUri), { redact: redactAddresses });
    outcome.documentsFetched++;
    const { name } = readPerson(person.body);
    const known = await lastAffiliation(context, role.personUri, outcome);
    if (!known) warnings.push(`${group.acronym} chair ${name}: no affiliation published in any document`);
    positions.push({
      group: ietfGroup(group.acronym, group.name),
      role: 'chair',
      person: name,
      sourceText: known?.affiliation ?? '',
      country: known?.country ?? null,
      from: null,
      to: null,
      detail: null,
      evidenceUrl: groupAboutUrl(group.acronym),
    });
  }
  const roster: ParsedRoster = { body: 'ietf', format: 'ietf-api-roles', basis: 'ietf-roles', scope: group.acronym, positions, warnings };
  outcome.recordsSeen += positions.length;
  outcome.documents.push({ url: pages[0]!.url, records: positions.length, warnings });
  if (context.dryRun) return;
  // The API lists the current holders only: a chair no longer listed is closed today.
  const stored = context.store.roster(roster, {
    rawDocumentId: pages[0]!.rawDocumentId,
    seenDate: new Date().toISOString().slice(0, 10),
    closeMissing: true,
  });
  outcome.recordsNew += stored.new;
  outcome.recordsChanged += stored.changed;
}

function perGroupSource(
  name: string,
  description: string,
  scrape: (context: ScrapeContext, group: { acronym: string; name: string | null }, outcome: SourceOutcome) => Promise<void>,
): Source {
  return {
    name,
    body: 'ietf',
    description,
    async run(context) {
      const outcome = emptyOutcome();
      const groups = await groupsToScrape(context, outcome);
      let done = 0;
      for (const group of groups) {
        context.progress?.({ source: name, done, total: groups.length, label: group.acronym });
        try {
          await scrape(context, group, outcome);
        } catch (error) {
          if (error instanceof LayoutChangedError) throw new LayoutChangedError(`${group.acronym}: ${error.message}`);
          if (unreachable(error)) throw new Error(`the Datatracker cannot be reached (${group.acronym}: ${errorMessage(error)}); nothing was changed`);
          outcome.errors.push(`${group.acronym}: ${errorMessage(error)}`);
        }
        done++;
      }
      context.progress?.({ source: name, done, total: groups.length, label: 'done' });
      return outcome;
    },
  };
}

export const ietfDocuments = perGroupSource(
  'ietf:documents',
  "IETF drafts and RFCs of the configured groups with their authors' affiliations (Datatracker API)",
  scrapeGroupDocuments,
);

export const ietfLeadership = perGroupSource('ietf:leadership', 'IETF working-group chairs (Datatracker roles API)', scrapeGroupChairs);
