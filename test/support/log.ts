// The server's real logger (server/log.ts) writing its JSON lines into memory, for tests that read the log.
import type { Config } from '../../server/config.js';
import { createLogger, type Logger } from '../../server/log.js';

export interface LogLine {
  level: string;
  msg: string;
  reqId?: string;
  err?: { type: string; message: string; stack: string };
  [field: string]: unknown;
}

export function memoryLog(level: Config['log']['level'] = 'info'): { logger: Logger; lines: LogLine[]; messages: () => string[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({ level, format: 'json', out: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } });
  return { logger, lines, messages: () => lines.map((line) => line.msg) };
}
