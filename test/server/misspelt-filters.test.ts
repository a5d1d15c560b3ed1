// A researcher who misspells a filter is told so, with the names to try, instead of reading an empty
// answer as "none". On the seeded database (test/support/seeded.ts: RAN#104 and RAN#106 of Huawei,
// Ericsson, ZTE, Nokia, Samsung, CMCC, Motorola Mobility …).
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { nearestNames } from '../../server/reports/suggest.js';
import { seededApp } from '../support/seeded.js';

let web: ReturnType<typeof createApp>;
beforeAll(() => {
  web = createApp(seededApp());
});

describe('a misspelt organization, meeting, body or date on the API and the document lists', () => {
  it('refuses an unknown parent with 400 naming the parameter, not an empty 200', async () => {
    const res = await request(web).get('/api/contributions?parent=nosuchco').expect(400);
    expect(res.body.error.status).toBe(400);
    expect(res.body.error.message).toMatch(/^parent: no organization "nosuchco" \(/);
  });

  it('suggests the nearest known slugs: huwaei → huawei, nokai → nokia', async () => {
    const huawei = await request(web).get('/api/contributions?organization=huwaei').expect(400);
    expect(huawei.body.error.message).toMatch(/^organization: no organization "huwaei" \(nearest known: huawei\b/);
    const nokia = await request(web).get('/contributions.json?parent=nokai').expect(400);
    expect(nokia.body.error.message).toMatch(/^parent: no organization "nokai" \(nearest known: nokia\b/);
  });

  it('refuses it on the seats behind a seat count and the positions API too, where it read "0 of 28 seats"', async () => {
    const seats = await request(web).get('/leadership/seats.json?parent=huwaei').expect(400);
    expect(seats.body.error).toMatchObject({ parameter: 'parent' });
    expect(seats.body.error.message).toMatch(/^parent: no organization "huwaei" \(nearest known: huawei\b/);
    await request(web).get('/leadership/seats?parent=huwaei').expect(400);
    await request(web).get('/leadership/seats.json?parent=huawei').expect(200);
    const positions = await request(web).get('/api/positions?organization=nokai').expect(400);
    expect(positions.body.error.message).toMatch(/^organization: no organization "nokai" \(nearest known: nokia\b/);
  });

  it("a company's page that does not exist names the nearest that do", async () => {
    const res = await request(web).get('/organizations/erricson.json').expect(404);
    expect(res.body.error.message).toBe('no organization "erricson" (nearest known: ericsson)');
  });

  it('still answers a known one', async () => {
    const res = await request(web).get('/api/contributions?parent=huawei').expect(200);
    expect(res.body.data.map((r: { ref: string }) => r.ref).sort()).toEqual(['RP-240001', 'RP-240002']);
  });

  it('refuses an unknown meeting, suggesting the ones on record', async () => {
    const res = await request(web).get('/api/contributions?meeting=RAN%23105').expect(400);
    expect(res.body.error.message).toBe('meeting: no meeting "RAN#105" (nearest known: RAN#104, RAN#106)');
  });

  it('takes body=ITU as body=itu, as group=ran is RAN', async () => {
    const res = await request(web).get('/api/contributions?body=3GPP&group=ran').expect(200);
    expect(res.body.meta.filters).toMatchObject({ body: '3gpp', group: 'RAN' });
    expect(res.body.data).toHaveLength(7);
    await request(web).get('/api/contributions?body=ITU').expect(200);
  });

  it('says that 2023-02-30 does not exist, and why', async () => {
    const res = await request(web).get('/api/contributions?from=2023-02-30').expect(400);
    expect(res.body.error.message).toBe('from: 2023-02-30 does not exist (February 2023 has 28 days)');
    const leap = await request(web).get('/countries/CN.json?to=2023-02-29').expect(400);
    expect(leap.body.error.message).toBe('to: 2023-02-29 does not exist (February 2023 has 28 days)');
    await request(web).get('/countries/CN.json?to=2024-02-29').expect(200);
    const month = await request(web).get('/api/contributions?to=2023-13-01').expect(400);
    expect(month.body.error.message).toBe('to: 2023-13-01 does not exist (there is no month 13)');
  });
});

describe('nearest names', () => {
  it('finds close spellings and shared beginnings, and nothing for a name far from all', () => {
    const known = ['huawei', 'hisilicon', 'nokia', 'nokia-shanghai-bell', 'ericsson', 'zte'];
    expect(nearestNames('huwaei', known)).toEqual(['huawei']);
    expect(nearestNames('nokia-sb', known)).toEqual(['nokia-shanghai-bell', 'nokia']);
    expect(nearestNames('erikson', known)).toEqual(['ericsson']);
    expect(nearestNames('qualcomm', known)).toEqual([]);
  });
});
