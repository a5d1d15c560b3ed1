// The official chairs the bundled snapshot gives the seat table: the election articles, the SA#87-e
// annex and the researcher's table of RAN chairs (data/snapshot, loaded as `stdwatch seed` loads it).
// Every expected holder was read off the table by hand (test/fixtures/3gpp/researcher_RAN_chairs_list_2023-07.xlsx,
// its row in the comment) or the election article named; countries are the registry's for that
// company: the ultimate parent's (`parent`) and the named entity's own (`entity`).
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { importFile } from '../../scrapers/pipeline/import.js';
import { SNAPSHOT_DIR, snapshotManifest } from '../../scrapers/pipeline/seed.js';
import { testApp } from '../support/app.js';

// [group, day, organization, parent, country (parent), country (entity), Organizational Partner]
const CHAIRS: [string, string, string, string, string, string, string][] = [
  ['RAN', '1999-06-01', 'NEC', 'NEC', 'JP', 'JP', 'ETSI'], // row 2, NEC Corporation
  ['RAN', '2004-01-01', 'Alcatel-Lucent', 'Alcatel-Lucent', 'FR', 'FR', 'ETSI'], // row 4
  ['RAN', '2010-01-01', 'NTT DOCOMO', 'NTT', 'JP', 'JP', 'ARIB'], // 2009 article; the partner from row 7
  ['RAN', '2014-01-01', 'Qualcomm', 'Qualcomm', 'US', 'US', 'ATIS'], // row 9
  ['RAN', '2018-01-01', 'Nokia', 'Nokia', 'FI', 'FI', 'ETSI'], // 2017 article, row 11
  ['RAN', '2022-01-01', 'Qualcomm', 'Qualcomm', 'US', 'US', 'ATIS'], // row 13
  ['RAN1', '2002-06-01', 'Nokia', 'Nokia', 'FI', 'FI', 'ETSI'], // row 16, Nokia Corporation
  ['RAN1', '2006-01-01', 'Ericsson', 'Ericsson', 'SE', 'SE', 'ETSI'], // row 18, Ericsson LM
  ['RAN1', '2010-01-01', 'Alcatel-Lucent', 'Alcatel-Lucent', 'FR', 'FR', 'ETSI'], // row 20
  ['RAN1', '2014-01-01', 'NTT DOCOMO', 'NTT', 'JP', 'JP', 'ARIB'], // row 22
  ['RAN1', '2018-01-01', 'Qualcomm', 'Qualcomm', 'US', 'US', 'ATIS'], // row 24
  ['RAN1', '2022-01-01', 'Samsung', 'Samsung', 'KR', 'KR', 'TTA'], // row 26
  ['RAN2', '2000-06-01', 'Alcatel-Lucent', 'Alcatel-Lucent', 'FR', 'FR', 'ETSI'], // row 28's remark: elected at RAN2#2, March 1999
  ['RAN2', '2008-01-01', 'Samsung R&D Institute UK', 'Samsung', 'KR', 'GB', 'ETSI'], // row 30
  ['RAN2', '2012-06-01', 'Ericsson', 'Ericsson', 'SE', 'SE', 'ETSI'], // row 32
  ['RAN2', '2016-01-01', 'Intel', 'Intel', 'US', 'US', 'ATIS'], // row 33
  ['RAN3', '2000-06-01', 'Ericsson', 'Ericsson', 'SE', 'SE', 'ETSI'], // row 37
  ['RAN3', '2004-01-01', 'Siemens', 'Siemens', 'DE', 'DE', 'ETSI'], // row 39, Siemens AG
  ['RAN3', '2010-01-01', 'Qualcomm', 'Qualcomm', 'US', 'US', 'ATIS'], // row 42
  ['RAN3', '2014-01-01', 'Huawei', 'Huawei', 'CN', 'CN', 'CCSA'], // row 44
  ['RAN3', '2018-01-01', 'Ericsson', 'Ericsson', 'SE', 'SE', 'ETSI'], // row 46
  ['RAN3', '2022-01-01', 'ZTE', 'ZTE', 'CN', 'CN', 'CCSA'], // row 48
  ['RAN4', '2000-06-01', 'Motorola Solutions', 'Motorola Solutions', 'US', 'US', 'ETSI'], // row 50's remark: elected at RAN4#2, Feb 1999
  ['RAN4', '2008-01-01', 'Fujitsu', 'Fujitsu', 'JP', 'JP', 'ARIB'], // row 52
  ['RAN4', '2016-01-01', 'Samsung', 'Samsung', 'KR', 'KR', 'TTA'], // row 57
  ['RAN4', '2020-06-01', 'Futurewei', 'Huawei', 'CN', 'US', 'ETSI'], // row 59: Huawei's US company
  ['RAN4', '2022-01-01', 'Huawei', 'Huawei', 'CN', 'CN', 'CCSA'], // row 61
];

describe('the official chairs of TSG RAN and RAN1–RAN4 in the bundled snapshot', () => {
  let web: ReturnType<typeof createApp>;
  beforeAll(() => {
    const app = testApp();
    // The snapshot's seat files, as `stdwatch seed` imports them (the contribution lists and the work
    // plan add no chair of these groups).
    for (const entry of snapshotManifest().files.filter((f) => !/TDoc_List|TdocsByAgenda|Work_plan/.test(f.file))) {
      importFile(app, path.join(SNAPSHOT_DIR, entry.file), { url: entry.url, urlIsExact: entry.urlIsExact, trigger: 'seed' });
    }
    web = createApp(app);
  });

  it.each(CHAIRS)('%s on %s: %s', async (group, day, organization, parent, country, entityCountry, partner) => {
    const onParent = await request(web).get(`/leadership.json?at=${day}&groups=${group}`).expect(200);
    const chairs = onParent.body.data.table.seats.filter((s: { role: string }) => s.role === 'chair');
    expect(chairs).toHaveLength(1);
    expect(chairs[0]).toMatchObject({ group, organization, parent, country, entityCountry, partner });
    const onEntity = await request(web).get(`/leadership.json?at=${day}&groups=${group}&basis=entity`).expect(200);
    expect(onEntity.body.data.table.seats.find((s: { role: string }) => s.role === 'chair')).toMatchObject({ organization, country: entityCountry });
    expect(onEntity.body.data.basis).toBe('entity');
  });

  it('marks the seats of the researcher\'s table as a secondary source in the seat lists', async () => {
    const list = await request(web).get('/leadership/seats.csv?at=2014-01-01&groups=RAN1').expect(200);
    expect(list.text.split('\n')[0]).toBe('body,group,role,organization,parent,country,entityCountry,partner,from,to,basis,evidence');
    expect(list.text).toContain('3gpp,RAN1,chair,NTT DOCOMO,NTT,JP,JP,ARIB,2013-08-24,2015-08-28,secondary-chairs-table,');
    const page = await request(web).get('/leadership?at=2014-01-01&groups=RAN1').expect(200);
    expect(page.text).toContain('<td>secondary-chairs-table</td>');
  });
});
