// `stdwatch resolve [--json] [--stdin] [RAW…]`: split raw source strings and resolve each part.
import readline from 'node:readline';
import { loadConfig } from '../../server/config.js';
import { loadRegistry } from '../../domain/resolve/registry.js';
import { createResolver, sourceRecordOn, type CountryBasis, type Resolver } from '../../domain/resolve/resolve.js';
import { dateOption, write } from '../common.js';

interface ResolveOptions {
  json?: boolean;
  stdin?: boolean;
  date?: string;
  basis?: CountryBasis;
}

function describe(resolver: Resolver, raw: string, options: ResolveOptions): string {
  const lines = [raw];
  for (const source of resolver.resolveSourceText(raw, options.date)) {
    const record = sourceRecordOn(options.basis ?? 'parent')(source);
    const role = record.role ? ` [${record.role}]` : '';
    const seat = source.seat ? ` seat: ${source.seat.group} ${source.seat.role}` : '';
    const person = source.person ? ` person: ${source.person}` : '';
    lines.push(
      record.organization
        ? `  ${source.name} → ${record.organization}${record.parent !== record.organization ? ` (part of ${record.parent})` : ''}, ${record.country ?? 'no country'}, ${record.kind}${role}${seat}${person}`
        : `  ${source.name} → unresolved${role}`,
    );
  }
  return lines.join('\n');
}

export async function resolve(raws: string[], options: ResolveOptions): Promise<void> {
  if (!options.stdin && raws.length === 0) throw new Error('give raw strings as arguments, or --stdin');
  dateOption('date', options.date);
  const resolver = createResolver(loadRegistry(loadConfig().registryDir));
  const record = (raw: string) => ({
    input: raw,
    sources: resolver.resolveSourceText(raw, options.date).map(sourceRecordOn(options.basis ?? 'parent')),
  });
  const emit = (raw: string) => write(options.json ? `${JSON.stringify(record(raw))}\n` : `${describe(resolver, raw, options)}\n`);
  for (const raw of raws) await emit(raw);
  if (options.stdin) {
    for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) await emit(line);
  }
}
