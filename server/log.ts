// The server's log (pino): one JSON object per line on stdout, with a level, the time and what happened
// — the requests (each with its id), the scheduler, the scrapers' progress, the background jobs.
// `STDWATCH_LOG_LEVEL` chooses how much; `STDWATCH_LOG_FORMAT=pretty` writes the same lines for a person
// reading a terminal. The command line's own messages (a command's one-line error, a scrape's summary)
// are its interface, not log lines: they stay on stderr as they are.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

declare global {
  namespace Express {
    interface Request {
      /** This request's id, also sent back as `X-Request-Id`. */
      id: string;
      /** The log with this request's id on every line. */
      log: Logger;
    }
  }
}

/** The log, writing to stdout unless told where (`out`: the tests' memory). */
export function createLogger(options: Config['log'] & { out?: DestinationStream }): Logger {
  const out = options.out ?? pino.destination({ fd: 1, sync: true });
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names rather than pino's numbers, so a line reads without a table.
      formatters: { level: (label) => ({ level: label }) },
    },
    options.format === 'pretty' ? prettyLines(out) : out,
  );
}

/** A log that writes nothing: createApp's default (the tests that do not look at the log). */
export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * The JSON lines as a person reads them: `07:00:00.123 INFO  request  method=GET url=/ status=200`,
 * an error's stack below its line. Small enough not to need pino-pretty (and its dependencies) at run time.
 */
function prettyLines(out: DestinationStream): DestinationStream {
  return {
    write(line: string) {
      // The process id is left out: one terminal shows one process.
      const { level, time, msg, err, pid: _pid, ...fields } = JSON.parse(line) as Record<string, unknown>;
      const stack = (err as { stack?: unknown } | undefined)?.stack;
      if (err !== undefined && typeof stack !== 'string') fields.err = err;
      const rest = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
      const head = `${String(time).slice(11, 23)} ${String(level).toUpperCase().padEnd(5)} ${String(msg ?? '')}`;
      out.write(`${[head, ...rest].join('  ')}\n${typeof stack === 'string' ? `${stack.replace(/^/gm, '    ')}\n` : ''}`);
    },
  };
}

/**
 * Gives every request an id (`req.id`, sent back as `X-Request-Id`) and a log carrying it (`req.log`),
 * and logs one line when its answer is complete (or the client went away first).
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    req.id = randomUUID();
    req.log = logger.child({ reqId: req.id });
    res.setHeader('X-Request-Id', req.id);
    res.once('close', () => {
      const line = { method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(performance.now() - started) };
      req.log.info(res.writableFinished ? line : { ...line, aborted: true }, 'request');
    });
    next();
  };
}
