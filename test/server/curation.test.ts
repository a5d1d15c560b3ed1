// The /unresolved pages on a real list, read with a copy of the registry that lacks one real alias:
// "CMCC" (China Mobile), named in 26 of RAN#104's Source cells (counted by hand in the file), beside
// "Swifts" (RP-241094), the list's one name nobody knows. Where attribution is weak, the candidates for
// each name, and accepting one from the page's form (only with the admin token).
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyRegistry } from '../../db/registry.js';
import { importFile } from '../../scrapers/pipeline/import.js';
import { acceptAlias } from '../../domain/resolve/registry-edit.js';
import { REGISTRY_DIR, loadRegistry } from '../../domain/resolve/registry.js';
import { createResolver } from '../../domain/resolve/resolve.js';
import { createApp } from '../../server/app.js';
import { fixture, tempDir, testApp, type TestApp } from '../support/app.js';

let app: TestApp;
let registry: string;
let web: ReturnType<typeof createApp>;

beforeAll(() => {
  registry = tempDir('stdwatch-registry-');
  fs.cpSync(REGISTRY_DIR, registry, { recursive: true });
  const file = path.join(registry, 'organizations.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('    - CMCC\n', ''));
  app = testApp(loadRegistry(registry));
  importFile(app, fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'));
  web = createApp({
    ...app,
    adminToken: 'a-token-of-sixteen',
    // As the server does it (server/main.ts), with the re-resolution in the request: the database is small.
    curation: {
      accept: (name, organization) => {
        const accepted = acceptAlias(registry, name, organization);
        applyRegistry(app.db, createResolver(loadRegistry(registry)));
        return accepted;
      },
    },
  });
});

describe('the unresolved names of RAN#104, with a registry that does not know "CMCC"', () => {
  it('shows the coverage per group and per year on /unresolved, and per group and year on its own page', async () => {
    const page = await request(web).get('/unresolved.json').expect(200);
    expect(page.body.data.byGroup).toEqual([expect.objectContaining({ body: '3gpp', group: 'RAN', unresolved: 27 })]);
    expect(page.body.data.byYear).toEqual([expect.objectContaining({ body: '3gpp', year: '2024', unresolved: 27 })]);
    const html = await request(web).get('/unresolved').expect(200);
    expect(html.text).toContain('Coverage per group and per year');
    const csv = await request(web).get('/unresolved/coverage.csv').expect(200).expect('content-type', /text\/csv/);
    expect(csv.text.split('\n')[0]).toBe('body,group,year,occurrences,resolved,unresolved,resolvedShare,withoutCountry');
    expect(csv.text).toMatch(/^3gpp,RAN,2024,\d+,\d+,27,0\.9\d+,\d+$/m);
  });

  it('lists China Mobile as the candidate for "CMCC", with the evidence', async () => {
    const json = await request(web).get('/unresolved/suggestions.json').expect(200);
    const cmcc = json.body.data.suggestions.find((s: { name: string }) => s.name === 'CMCC');
    expect(cmcc).toMatchObject({ occurrences: 26, candidates: [expect.objectContaining({ slug: 'china-mobile' })] });
    const html = await request(web).get('/unresolved/suggestions').expect(200);
    expect(html.text).toContain('&quot;CMCC&quot; are the initials of its name');
    expect(html.text).toContain('<form class="accept" method="post" action="/unresolved/accept">');
  });

  it('accepts nothing without the admin token', async () => {
    await request(web).post('/unresolved/accept').type('form').send({ name: 'CMCC', organization: 'china-mobile' }).expect(403);
    await request(web).post('/unresolved/accept').type('form').send({ name: 'CMCC', organization: 'china-mobile', token: 'wrong' }).expect(403);
    const off = createApp(app);
    await request(off).post('/unresolved/accept').type('form').send({ name: 'CMCC', organization: 'china-mobile' }).expect(404);
    expect((await request(off).get('/unresolved/suggestions').expect(200)).text).toContain('Accepting a candidate on this page is off');
  });

  it('accepts "CMCC" for China Mobile from the form: the alias is written and the 26 mentions count for China Mobile', async () => {
    const refused = await request(web).post('/unresolved/accept').type('form').send({ name: 'CMCC', organization: 'no-such-organization', token: 'a-token-of-sixteen' }).expect(400);
    expect(refused.text).toContain('is no organization of the registry');
    const res = await request(web).post('/unresolved/accept').type('form').send({ name: 'CMCC', organization: 'china-mobile', token: 'a-token-of-sixteen' }).expect(200);
    expect(res.text).toContain('is now a name of <a href="/organizations/china-mobile">China Mobile</a>');
    expect(fs.readFileSync(path.join(registry, 'organizations.yaml'), 'utf8')).toContain('    - CMCC\n');
    const page = await request(web).get('/unresolved.json').expect(200);
    expect(page.body.data.names).toEqual([{ name: 'Swifts', occurrences: 1, example: '3gpp RP-241094' }]);
  });
});
