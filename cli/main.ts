// The `stdwatch` command line (CONTRACT.md, "Command line"). Every command prints --help, exits 0 on
// success, and on failure exits non-zero with a one-line reason on stderr.
import { Command } from 'commander';
import { loadConfig } from '../server/config.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { reportCommand } from './commands/report.js';
import { resolveCommand } from './commands/resolve.js';
import { scrapeCommand } from './commands/scrape.js';
import { seedCommand } from './commands/seed.js';
import { serveCommand } from './commands/serve.js';

export function buildProgram(): Command {
  const program = new Command('stdwatch')
    .description('Who takes part in international technical standards bodies: contributions, sources and leadership seats, per country and per company.')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  const config = () => loadConfig();
  serveCommand(program, config);
  seedCommand(program, config);
  scrapeCommand(program, config);
  importCommand(program, config);
  resolveCommand(program);
  exportCommand(program, config);
  reportCommand(program, config);
  return program;
}

// A reader that goes away (`stdwatch export … | head`) ends the command quietly, as with other tools.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await buildProgram().parseAsync(process.argv);
