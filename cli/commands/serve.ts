// `stdwatch serve [--port N]`: the web server and the scheduled scrapers (npm start).
import type { Command } from 'commander';
import { startServer } from '../../server/main.js';
import { action, type ConfigLoader } from '../common.js';

export function serveCommand(program: Command, config: ConfigLoader): void {
  program
    .command('serve')
    .description('serve the reports and run the scheduled scrapers; an empty database is first loaded with the bundled snapshot')
    .option('--port <n>', 'port to listen on (default: PORT or 3000)')
    .action(
      action(async (options: { port?: string }) => {
        if (options.port !== undefined && !/^\d{1,5}$/.test(options.port)) throw new Error(`--port: "${options.port}" is not a port number`);
        const loaded = config();
        await startServer({ ...loaded, port: options.port === undefined ? loaded.port : Number(options.port) });
      }),
    );
}
