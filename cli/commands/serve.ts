// `stdwatch serve [--port N]`: the web server and the scheduled scrapers (npm start).
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';

export async function serve(options: { port?: string }): Promise<void> {
  if (options.port !== undefined && !/^\d{1,5}$/.test(options.port)) throw new Error(`--port: "${options.port}" is not a port number`);
  const config = loadConfig();
  await startServer({ ...config, port: options.port === undefined ? config.port : Number(options.port) });
}
