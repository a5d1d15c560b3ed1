// `stdwatch resolve [--json] [--stdin] [RAW…]`: split raw source strings and resolve each part.
import readline from 'node:readline';
import type { Command } from 'commander';
import { loadRegistry } from '../../scrapers/resolve/registry.js';
import { createResolver, toSourceRecord, type Resolver } from '../../scrapers/resolve/resolve.js';
import { action, write } from '../common.js';

function describe(resolver: Resolver, raw: string): string {
  const lines = [raw];
  for (const source of resolver.resolveSourceText(raw)) {
    const record = toSourceRecord(source);
    const role = record.role ? ` [${record.role}]` : '';
    const seat = source.seat ? ` seat: ${source.seat.group} ${source.seat.role}` : '';
    lines.push(
      record.organization
        ? `  ${source.name} → ${record.organization}${record.parent !== record.organization ? ` (part of ${record.parent})` : ''}, ${record.country ?? 'no country'}, ${record.kind}${role}${seat}`
        : `  ${source.name} → unresolved${role}`,
    );
  }
  return lines.join('\n');
}

export function resolveCommand(program: Command): void {
  program
    .command('resolve')
    .description('split raw source/affiliation strings and resolve each part to organization, ultimate parent, country and kind')
    .argument('[raw...]', 'raw source strings, e.g. "Huawei, HiSilicon"')
    .option('--json', 'one JSON object per input: {"input": RAW, "sources": [...]}')
    .option('--stdin', 'read one raw string per line from standard input')
    .action(
      action(async (raws: string[], options: { json?: boolean; stdin?: boolean }) => {
        if (!options.stdin && raws.length === 0) throw new Error('give raw strings as arguments, or --stdin');
        const resolver = createResolver(loadRegistry());
        const emit = async (raw: string) => {
          if (options.json) {
            const sources = resolver.resolveSourceText(raw).map(toSourceRecord);
            await write(`${JSON.stringify({ input: raw, sources })}\n`);
          } else {
            await write(`${describe(resolver, raw)}\n`);
          }
        };
        for (const raw of raws) await emit(raw);
        if (options.stdin) {
          const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
          for await (const line of lines) await emit(line);
        }
      }),
    );
}
