// Hostile input and the security of the web layer: every page shows titles, sources and errors as text
// and links only http(s) addresses; every query parameter is checked and a bad one named; requests that
// change state need the admin token; security headers, rate limits, no stack trace to users.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishRun, startRun } from '../../db/runs.js';
import { storeListing } from '../../db/contributions.js';
import { createApp } from '../../server/app.js';
import type { Source } from '../../scrapers/source.js';
import { closeDatabase } from '../../db/client.js';
import { testApp, type TestApp } from '../support/app.js';
import { seededApp } from '../support/seeded.js';
import { memoryLog } from '../support/log.js';

const SCRIPT = '<script>alert("x")</script>';
const EVENT = '<img src=x onerror=alert(2)>';

function storeHostile(app: TestApp): void {
  storeListing(
    app.db,
    app.resolver,
    {
      body: '3gpp',
      format: 'test',
      group: { code: 'RAN', name: 'TSG RAN' },
      meeting: { name: 'RAN#104', startDate: '2024-06-17', endDate: null, town: `Shanghai ${EVENT}`, folderUrl: null },
      contributions: [
        {
          ref: 'RP-249990',
          title: `${SCRIPT} ${EVENT}`,
          type: 'discussion',
          docFor: null,
          status: 'noted',
          date: '2024-06-10',
          agendaItem: null,
          release: null,
          workItems: null,
          // Huawei as RAN5 chair (resolved: appears on the CN and Huawei pages and in leadership, with
          // this document as evidence), next to a source name made of markup (unresolved).
          sourceText: `RAN5 Chair (Huawei), ${SCRIPT}, Evil <b onmouseover=alert(3)>Corp</b>`,
          url: 'javascript:alert(4)',
          revisionOf: null,
          revisedTo: null,
        },
      ],
      warnings: [],
    },
    { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' },
  );
  const run = startRun(app.db, '3gpp:tdocs', 'test');
  finishRun(app.db, run, { status: 'layout-changed', documentsFetched: 1, recordsSeen: 0, recordsNew: 0, recordsChanged: 0, error: `layout changed: ${SCRIPT}` });
}

describe('hostile titles, sources and links on every page', () => {
  let app: TestApp;
  let web: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = seededApp();
    storeHostile(app);
    web = createApp(app);
  });

  // Each page with the hostile datum it shows, as text: the meeting's town (markup), the run's error,
  // the unresolved source names, or the seat's evidence address (the country and company pages show
  // no title or source name, only the seat the document gives Huawei).
  const pages: [string, string][] = [
    ['/', '&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;'],
    ['/countries/CN', 'javascript:alert(4)'],
    ['/organizations/huawei', 'javascript:alert(4)'],
    ['/leadership', 'javascript:alert(4)'],
    ['/status', 'layout changed: &lt;script&gt;'],
    ['/unresolved', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ['/bodies/3gpp/groups/RAN', '&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;'],
  ];

  it.each(pages)('%s shows markup as text and never links a javascript: address', async (path, shown) => {
    const html = (await request(web).get(path).expect(200)).text;
    expect(html).toContain(shown);
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/<img|<b\b|onerror=|onmouseover=/);
    expect(html).not.toMatch(/href="\s*javascript:/i);
  });

  it('does show the hostile strings, escaped, where the data appears', async () => {
    const unresolved = (await request(web).get('/unresolved').expect(200)).text;
    expect(unresolved).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(unresolved).toContain('Evil &lt;b onmouseover&#x3D;alert(3)&gt;Corp&lt;/b&gt;');
    // The seat's evidence is the contribution's (javascript:) address: shown as text, not a link.
    const leadership = (await request(web).get('/leadership').expect(200)).text;
    expect(leadership).toContain('<td>javascript:alert(4)</td>');
    expect(leadership).toContain('href="https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/RP-240004.zip"');
    const status = (await request(web).get('/status').expect(200)).text;
    expect(status).toContain('layout changed: &lt;script&gt;');
  });

  it('keeps them intact in JSON and neutralises formulas in CSV', async () => {
    const json = await request(web).get('/api/contributions?format=ndjson').expect(200);
    const record = json.text.trim().split('\n').map((l) => JSON.parse(l) as { ref: string; title: string }).find((r) => r.ref === 'RP-249990')!;
    expect(record.title).toBe(`${SCRIPT} ${EVENT}`);
    storeListing(
      app.db,
      app.resolver,
      {
        body: '3gpp',
        format: 'test',
        group: { code: 'RAN', name: 'TSG RAN' },
        meeting: null,
        contributions: ['=1+1', '+cmd', '-2', '@SUM(A1)'].map((title, i) => ({
          ref: `RP-24998${i}`, title, type: null, docFor: null, status: null, date: '2024-06-11', agendaItem: null,
          release: null, workItems: null, sourceText: '=HYPERLINK("http://evil.example")', url: null, revisionOf: null, revisedTo: null,
        })),
        warnings: [],
      },
      { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' },
    );
    const csv = (await request(web).get('/api/contributions?format=csv').expect(200)).text;
    for (const cell of [`'=1+1`, `'+cmd`, `'-2`, `'@SUM(A1)`]) expect(csv).toContain(`,${cell},`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const unresolvedCsv = (await request(web).get('/unresolved.csv').expect(200)).text;
    expect(unresolvedCsv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });
});

describe('query parameters', () => {
  const web = createApp(seededApp());

  it.each([
    ['/api/contributions?limit=abc', 'limit'],
    ['/api/contributions?limit=0', 'limit'],
    ['/api/contributions?limit=501', 'limit'],
    ['/api/contributions?limit=1&limit=2', 'limit'],
    ['/api/contributions?after=-1', 'after'],
    ['/api/contributions?after=1e400', 'after'],
    ['/api/contributions?format=xml', 'format'],
    ['/api/contributions?to%5B%5D=x', 'to[]'],
    ['/api/contributions?from=2024-02-30', 'from'],
    ['/api/positions?from=2024-06-01&to=2024-01-01', 'from'],
    ['/api/positions?body=w3c', 'body'],
    [`/api/positions?group=${'A'.repeat(41)}`, 'group'],
    ['/countries/CN.json?group=%3Cscript%3E', 'group'],
    ['/countries/CN.json?from=2024-01-01&from=2024-02-01', 'from'],
    ['/leadership.json?to=tomorrow', 'to'],
    ['/index.json?body=3GPP%00', 'body'],
  ])('%s is refused with 400 naming %s', async (path, parameter) => {
    const res = await request(web).get(path).expect(400);
    expect(res.body.error.message.startsWith(`${parameter}: `)).toBe(true);
  });

  it('refuses an address longer than 2,048 characters before doing any work', async () => {
    const res = await request(web).get(`/api/contributions?group=${'R'.repeat(2100)}`).expect(414);
    expect(res.body.error.message).toBe('the address is longer than 2048 characters');
  });

  it('answers a malformed escape with 400, not an internal error', async () => {
    const res = await request(web).get('/countries/%E0%A4%A.json').expect(400);
    expect(res.body).toEqual({ error: { status: 400, message: 'the request is malformed' } });
  });

  it('never shows a stack trace: an internal failure is logged and answered with a plain message', async () => {
    const broken = testApp();
    const log = memoryLog();
    const brokenWeb = createApp({ ...broken, logger: log.logger });
    closeDatabase(broken.db);
    const json = await request(brokenWeb).get('/countries/CN.json').expect(500);
    expect(json.body).toEqual({ error: { status: 500, message: 'something went wrong on our side; it has been logged' } });
    const html = await request(brokenWeb).get('/leadership').expect(500);
    expect(html.text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
    const failures = log.lines.filter((line) => line.level === 'error');
    expect(failures.map((line) => line.msg)).toEqual(['GET /countries/CN.json failed', 'GET /leadership failed']);
    expect(failures[0]!.err!.stack).toMatch(/The database connection is not open\n\s+at /);
  });
});

describe('security headers', () => {
  it('sends a content security policy without inline scripts or styles, and the helmet headers', async () => {
    const res = await request(createApp(seededApp())).get('/').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('rate limit', () => {
  it('answers 429 in the shape the client asked for once the limit is reached, and is off by default', async () => {
    const app = seededApp();
    const limited = createApp({ ...app, rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) await request(limited).get('/api/positions').expect(200);
    const res = await request(limited).get('/api/positions').expect(429);
    expect(res.body.error.message).toMatch(/^more than 3 requests a minute/);
    expect(res.headers['ratelimit-policy']).toMatch(/; q=3; w=60/);
    await request(limited).get('/').expect(429).expect('content-type', /html/);
    const open = createApp(app);
    for (let i = 0; i < 10; i++) await request(open).get('/api/positions').expect(200);
  });
});

describe('POST /api/scrape', () => {
  const TOKEN = 'test-token-0123456789abcdef';
  const started: string[][] = [];
  const scrape = async (sources: Source[]) => {
    started.push(sources.map((s) => s.name));
  };

  it('does not exist when no admin token is configured', async () => {
    await request(createApp({ ...seededApp(), scrape })).post('/api/scrape').set('authorization', `Bearer ${TOKEN}`).expect(404);
    expect(started).toEqual([]);
  });

  it('needs the token, checks its parameter, and starts the scrape', async () => {
    const app = seededApp();
    const web = createApp({ ...app, adminToken: TOKEN, scrape });
    const missing = await request(web).post('/api/scrape').expect(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    await request(web).post('/api/scrape').set('authorization', `Bearer ${TOKEN}x`).expect(401);
    await request(web).post('/api/scrape').set('authorization', TOKEN).expect(401);
    await request(web).get('/api/scrape').set('authorization', `Bearer ${TOKEN}`).expect(404);
    const unknown = await request(web).post('/api/scrape?source=w3c').set('authorization', `Bearer ${TOKEN}`).expect(400);
    expect(unknown.body.error.message).toMatch(/^source: unknown source "w3c"/);
    const extra = await request(web).post('/api/scrape?since=2024-01-01').set('authorization', `Bearer ${TOKEN}`).expect(400);
    expect(extra.body.error.message).toBe('since: unknown parameter (known: source)');
    expect(started).toEqual([]);
    const ok = await request(web).post('/api/scrape?source=3gpp').set('authorization', `Bearer ${TOKEN}`).expect(202);
    expect(ok.body.data).toEqual({ status: 'started', sources: ['3gpp:tdocs', '3gpp:leadership', '3gpp:workplan'] });
    expect(ok.body.links.progress).toBe('/status');
    expect(started).toEqual([['3gpp:tdocs', '3gpp:leadership', '3gpp:workplan']]);
  });

  it('refuses with 409 while the source is running (here: a run of this live process in scrape_runs)', async () => {
    const app = seededApp();
    startRun(app.db, '3gpp:tdocs', 'cli');
    const res = await request(createApp({ ...app, adminToken: TOKEN, scrape })).post('/api/scrape').set('authorization', `Bearer ${TOKEN}`).expect(409);
    expect(res.body.error.message).toBe('already running: 3gpp:tdocs; see /status');
  });
});
