// Accepting a reviewed alias into the registry's YAML: `stdwatch orgs accept NAME ORG` and the form on
// /unresolved. The record is found with the yaml package's Document API (node positions), and the alias
// is written into the text at that place, so that comments, order and layout stay as they are and the
// change is a one-line diff to review. Nothing is written that the registry would then refuse.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type YAMLModule from 'yaml';
import type { Document, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { isLegalForm, isPlaceName, nameKey } from './normalize.js';
import { buildRegistry, readRegistryTexts, type Registry } from './registry.js';
import { createResolver } from './resolve.js';

const require = createRequire(import.meta.url);
/** The YAML package, loaded when an alias is accepted: a started server loads it only then. */
function yaml(): typeof YAMLModule {
  return require('yaml') as typeof YAMLModule;
}

export class AliasError extends Error {
  override readonly name = 'AliasError';
}

export interface AcceptedAlias {
  name: string;
  slug: string;
  organization: string;
  /** The registry file written, relative to the registry folder. */
  file: string;
  /** The line of the file the alias is on (1-based). */
  line: number;
}

interface RegistryText {
  name: string;
  text: string;
}

function build(texts: RegistryText[]): Registry {
  return buildRegistry(texts.map(({ name, text }) => ({ name, content: yaml().parse(text) as unknown })));
}

/** The organization an ORG argument names: a slug, else a name or alias the registry knows. */
function findOrganization(registry: Registry, org: string): string {
  const wanted = org.trim();
  if (registry.organizations.has(wanted)) return wanted;
  const slug = registry.byKey.get(nameKey(wanted));
  if (slug) return slug;
  throw new AliasError(`"${org}" is no organization of the registry (give its slug, e.g. huawei, or a name it knows)`);
}

/** A YAML scalar for the alias: plain when that is safe everywhere (in a flow list too), else double-quoted. */
function scalar(name: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} .()&+/'’-]*[\p{L}\p{N}.)]$|^[\p{L}\p{N}]$/u.test(name) && !/ ['’]| -/.test(name) ? name : JSON.stringify(name);
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end + 1;
}

/** The record of `slug` in a parsed registry file (a bare list, or `organizations:`), or null. */
function recordOf(doc: Document.Parsed, slug: string): YAMLMap | null {
  const { isMap, isSeq } = yaml();
  const contents = doc.contents;
  const list = isSeq(contents) ? contents : isMap(contents) ? contents.get('organizations', true) : null;
  if (!isSeq(list)) return null;
  for (const item of (list as YAMLSeq).items) {
    if (isMap(item) && item.get('slug') === slug) return item;
  }
  return null;
}

/** The file's text with `alias` added to the aliases of `record`, and where it went. */
function withAlias(text: string, record: YAMLMap, alias: string): { text: string; at: number } {
  const { isScalar, isSeq } = yaml();
  const value = scalar(alias);
  const aliases = record.get('aliases', true);
  if (isSeq(aliases) && aliases.flow) {
    // `aliases: [A, B]`: before the closing bracket.
    let close = aliases.range![1] - 1;
    while (close > 0 && text[close] !== ']') close--;
    let end = close;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    const insert = aliases.items.length > 0 ? `, ${value}` : value;
    return { text: text.slice(0, end) + insert + text.slice(end), at: end };
  }
  if (isSeq(aliases) && aliases.items.length > 0) {
    // A block list: one more `- item` line after the last one, at its indentation.
    const last = aliases.items[aliases.items.length - 1] as { range?: [number, number, number] };
    const dash = text.lastIndexOf('-', last.range![0]);
    const indent = text.slice(lineStart(text, dash), dash);
    const at = lineEnd(text, last.range![1]);
    return { text: `${text.slice(0, at)}${indent}- ${value}\n${text.slice(at)}`, at };
  }
  if (record.flow) {
    // `{ slug: x, name: X }`: before the closing brace.
    let close = record.range![1] - 1;
    while (close > 0 && text[close] !== '}') close--;
    let end = close;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    return { text: `${text.slice(0, end)}, aliases: [${value}]${text.slice(end)}`, at: end };
  }
  // A block record without aliases: a line of its own, before `notes` when there is one.
  const pairs = record.items as Pair[];
  const keyStart = (pair: Pair) => (isScalar(pair.key) ? pair.key.range![0] : record.range![0]);
  const first = pairs[0]!;
  const indent = text.slice(lineStart(text, keyStart(first)), keyStart(first)).replace(/-/, ' ');
  const notes = pairs.find((p) => isScalar(p.key) && p.key.value === 'notes');
  const at = notes ? lineStart(text, keyStart(notes)) : lineEnd(text, record.range![1] - 1);
  return { text: `${text.slice(0, at)}${indent}aliases: [${value}]\n${text.slice(at)}`, at };
}

/**
 * Adds NAME as an alias of ORG in the registry folder `dir`. Refused, with the reason and nothing
 * written: an unknown ORG, a name that already resolves (to it or to anyone), a legal form or a place
 * (never an organization's name), a name that reads as several sources, or anything the registry would
 * then refuse (a key two organizations share).
 */
export function acceptAlias(dir: string, name: string, org: string): AcceptedAlias {
  const alias = name.replace(/\s+/g, ' ').trim();
  if (!alias) throw new AliasError('the name is empty');
  const texts = readRegistryTexts(dir);
  const registry = build(texts);
  const slug = findOrganization(registry, org);
  const organization = registry.organizations.get(slug)!;
  if (isLegalForm(alias)) throw new AliasError(`"${alias}" is a legal form, not an organization's name`);
  if (isPlaceName(alias)) throw new AliasError(`"${alias}" is a place: the rules read it as a qualifier of a name, never as one`);
  const resolver = createResolver(registry);
  const parts = resolver.sourcesOf(alias);
  if (parts.length !== 1) throw new AliasError(`"${alias}" reads as ${parts.length} sources (${parts.map((p) => p.name).join('; ')}), not one name`);
  const already = parts[0]!.organization;
  if (already) {
    throw new AliasError(
      already.slug === slug
        ? `"${alias}" already resolves to ${already.name}: nothing to add`
        : `"${alias}" already resolves to ${already.name} (${already.slug}); change or remove that first`,
    );
  }
  for (const file of texts) {
    const doc = yaml().parseDocument(file.text);
    const record = recordOf(doc, slug);
    if (!record) continue;
    const edited = withAlias(file.text, record, alias);
    const after = texts.map((t) => (t === file ? { name: t.name, text: edited.text } : t));
    try {
      const rebuilt = build(after);
      if (rebuilt.byKey.get(nameKey(alias)) !== slug) throw new AliasError(`the edit of ${file.name} did not give ${slug} the name "${alias}"`);
    } catch (error) {
      if (error instanceof AliasError) throw error;
      throw new AliasError(`the registry would refuse it: ${(error instanceof Error ? error.message : String(error)).replace(/\n\s*/g, ' ')}`);
    }
    fs.writeFileSync(path.join(dir, file.name), edited.text);
    return { name: alias, slug, organization: organization.name, file: file.name, line: edited.text.slice(0, edited.at).split('\n').length };
  }
  throw new AliasError(`the record of ${slug} was not found in ${dir}`);
}
