// `stdwatch seed`: load the bundled snapshot of real public data (idempotent).
import type { Command } from 'commander';
import { loadSnapshot } from '../../scrapers/seed.js';
import { action, withApp, type ConfigLoader } from '../common.js';

export function seedCommand(program: Command, config: ConfigLoader): void {
  program
    .command('seed')
    .description('load the bundled snapshot of real public data into the database (loading it again changes nothing)')
    .action(
      action(async () => {
        await withApp(config, (app) => {
          loadSnapshot(app, {
            onFile: (r, i, total) =>
              process.stderr.write(`[${i + 1}/${total}] ${r.meeting ?? r.group}: ${r.seen} contributions (${r.new} new, ${r.changed} changed)\n`),
          });
        });
      }),
    );
}
