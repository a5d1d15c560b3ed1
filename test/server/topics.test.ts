// Topics (domain/topics.yaml) on the weekly test database: titles and groups from the table in
// test/support/weekly.ts.
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { topicCondition } from '../../db/topics.js';
import { loadTopics } from '../../domain/topics.js';
import { FilterError, parseTopic } from '../../server/reports/filters.js';
import { contributions, groups } from '../../db/schema.js';
import { weeklyApp } from '../support/weekly.js';
import type { TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(() => {
  app = weeklyApp();
});

function refs(db: TestApp['db'], topic: string): string[] {
  return db
    .all<{ ref: string }>(sql`select ${contributions.ref} as ref from ${contributions} join ${groups} on ${groups.id} = ${contributions.groupId}
      where ${topicCondition(topic)} order by ref`)
    .map((r) => r.ref);
}

describe('topics', () => {
  it('reads the reviewed topics file', () => {
    expect(Object.keys(loadTopics())).toEqual(['iot', '5g', 'security']);
    expect(parseTopic('IoT')).toBe('iot');
    expect(() => parseTopic('6g')).toThrow(FilterError);
  });

  it('puts a contribution in IoT by its title keywords', () => {
    // "NB-IoT coverage enhancement", "RedCap power saving", "Ambient IoT study", "Security of IoT devices".
    expect(refs(app.db, 'iot')).toEqual(['RP-250001', 'RP-250002', 'RP-250011', 'S2-250001']);
    expect(refs(app.db, 'security')).toEqual(['S2-250001']);
  });

  it('and by a work item code holding a listed fragment', () => {
    const own = weeklyApp();
    // A real code from the snapshot: NR_redcap_enh-Core ("redcap").
    own.db.$client.prepare("update contributions set work_items = 'NR_redcap_enh-Core' where ref = 'RP-250030'").run();
    expect(refs(own.db, 'iot')).toContain('RP-250030');
  });

  it('narrows the API and the search page', async () => {
    const web = createApp(app);
    const api = await request(web).get('/api/contributions?topic=iot&format=ndjson').expect(200);
    expect(api.text.trim().split('\n').map((l) => JSON.parse(l).ref)).toEqual(['RP-250001', 'RP-250002', 'RP-250011', 'S2-250001']);
    const page = await request(web).get('/api/contributions?topic=iot&limit=1').expect(200);
    expect(page.body.meta.filters).toEqual({ topic: 'iot' });
    expect(page.body.next).toMatch(/topic=iot/);
    const bad = await request(web).get('/api/contributions?topic=6g').expect(400);
    expect(bad.body.error.message).toBe('topic: must be one of iot, 5g, security');
    // "iot" in IoT: four; with "security" as topic only S2-250001 is left.
    const search = await request(web).get('/search.json?q=iot&topic=security').expect(200);
    expect(search.body.data.results.map((r: { ref: string }) => r.ref)).toEqual(['S2-250001']);
  });

  it('narrows every report: the country report for China and for Sweden on IoT', async () => {
    const web = createApp(app);
    // IoT: RP-250001 (Huawei, HiSilicon), RP-250002 (Ericsson), RP-250011 (Ericsson, Nokia), S2-250001 (ZTE).
    const cn = await request(web).get('/countries/CN.json?topic=iot').expect(200);
    expect(cn.body.data.totals).toMatchObject({ contributions: 2, fractional: 2, allContributions: 4 });
    const se = await request(web).get('/countries/SE.json?topic=iot').expect(200);
    expect(se.body.data.totals).toMatchObject({ contributions: 2, fractional: 1.5 });
    const html = await request(web).get('/countries/CN?topic=iot').expect(200);
    expect(html.text).toContain('<option value="iot" selected>');
    await request(web).get('/countries/CN.json?topic=6g').expect(400);
  });
});
