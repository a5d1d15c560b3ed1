// The server's log (server/log.ts): every request gets an id, sent back as X-Request-Id and written on
// its log line; an internal failure is logged as an error with its stack and the request's id, while the
// answer says only that something went wrong; STDWATCH_LOG_LEVEL and STDWATCH_LOG_FORMAT choose how much
// and in which form.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { closeDatabase } from '../../db/client.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/log.js';
import { testApp } from '../support/app.js';
import { memoryLog } from '../support/log.js';

describe('a request', () => {
  it('is answered with its id in X-Request-Id and logged once, on a line carrying that id', async () => {
    const log = memoryLog();
    const web = createApp({ ...testApp(), logger: log.logger });
    const first = await request(web).get('/api/contributions?limit=1').expect(200);
    const second = await request(web).get('/nothing-here').expect(404);
    const ids = [first.headers['x-request-id'], second.headers['x-request-id']];
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ids[1]).not.toBe(ids[0]);
    expect(log.lines).toMatchObject([
      { level: 'info', msg: 'request', reqId: ids[0], method: 'GET', url: '/api/contributions?limit=1', status: 200 },
      { level: 'info', msg: 'request', reqId: ids[1], method: 'GET', url: '/nothing-here', status: 404 },
    ]);
    expect(typeof log.lines[0]!.ms).toBe('number');
    expect(typeof log.lines[0]!.time).toBe('string');
  });

  it('that fails inside is logged as an error with the stack and the request id; the answer carries neither the stack nor the message', async () => {
    const log = memoryLog();
    const broken = testApp();
    const web = createApp({ ...broken, logger: log.logger });
    closeDatabase(broken.db);
    const res = await request(web).get('/countries/CN.json').expect(500);
    const id = res.headers['x-request-id'];
    expect(res.body).toEqual({ error: { status: 500, message: 'something went wrong on our side; it has been logged' } });
    expect(res.text).not.toContain('database connection');

    const [failure, line] = log.lines;
    expect(failure).toMatchObject({ level: 'error', reqId: id, msg: 'GET /countries/CN.json failed', err: { type: 'TypeError', message: 'The database connection is not open' } });
    expect(failure!.err!.stack).toMatch(/^TypeError: The database connection is not open\n\s+at /);
    expect(line).toMatchObject({ level: 'info', reqId: id, msg: 'request', status: 500 });
  });
});

describe('the log settings', () => {
  it('write only the levels asked for', () => {
    const log = memoryLog('warn');
    log.logger.info('an ordinary event');
    log.logger.warn('a source is backing off');
    expect(log.messages()).toEqual(['a source is backing off']);
  });

  it('are read and checked with the rest of the configuration', () => {
    expect(loadConfig({}).log).toEqual({ level: 'info', format: 'json' });
    expect(loadConfig({ STDWATCH_LOG_LEVEL: 'debug', STDWATCH_LOG_FORMAT: 'pretty' }).log).toEqual({ level: 'debug', format: 'pretty' });
    expect(() => loadConfig({ STDWATCH_LOG_LEVEL: 'loud' })).toThrow(/^configuration: STDWATCH_LOG_LEVEL: /);
    expect(() => loadConfig({ STDWATCH_LOG_FORMAT: 'xml' })).toThrow(/^configuration: STDWATCH_LOG_FORMAT: /);
  });

  it('in the pretty form give one line a person reads, with the stack below', () => {
    const written: string[] = [];
    const logger = createLogger({ level: 'info', format: 'pretty', out: { write: (text: string) => void written.push(text) } });
    logger.child({ reqId: 'r-1' }).info({ status: 200 }, 'request');
    logger.error({ err: new Error('boom') }, 'digest 2025-W07 failed');
    expect(written[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  request {2}reqId=r-1 {2}status=200\n$/);
    expect(written[1]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} ERROR digest 2025-W07 failed\n {4}Error: boom\n {8}at /);
  });
});
