// `stdwatch resolve [--json] [--stdin] [RAW…]`: split raw source strings and resolve each part.
import readline from 'node:readline';
import { loadRegistry } from '../../scrapers/resolve/registry.js';
import { createResolver, toSourceRecord, type Resolver } from '../../scrapers/resolve/resolve.js';
import { write } from '../common.js';

function describe(resolver: Resolver, raw: string): string {
  const lines = [raw];
  for (const source of resolver.resolveSourceText(raw)) {
    const record = toSourceRecord(source);
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

export async function resolve(raws: string[], options: { json?: boolean; stdin?: boolean }): Promise<void> {
  if (!options.stdin && raws.length === 0) throw new Error('give raw strings as arguments, or --stdin');
  const resolver = createResolver(loadRegistry());
  const emit = (raw: string) =>
    write(options.json ? `${JSON.stringify({ input: raw, sources: resolver.resolveSourceText(raw).map(toSourceRecord) })}\n` : `${describe(resolver, raw)}\n`);
  for (const raw of raws) await emit(raw);
  if (options.stdin) {
    for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) await emit(line);
  }
}
