// The membership basis (/partners, `stdwatch report partners`): 3GPP seats by the Organizational
// Partner their source gives, and contributions by the partner their sources' organizations are
// members through, on real files.
//
// Seats: the 2023 TSG officers of test/fixtures/3gpp/roster-example_tsg-officers_2023.csv (real values
// of the three March 2023 election articles) and the researcher's table of RAN chairs
// (researcher_RAN_chairs_list_2023-07.xlsx, its rows in the comments), read by hand.
// Contributions: the real RAN#104 list (TDoc_List_Meeting_RAN#104.xlsx, 830 contributions), counted
// by hand with sqlite3 over its stored source cells: the cells naming Samsung, HiSilicon, Huawei; the
// organizations through TTA alone (LG Electronics, SK Telecom, ETRI, Qualcomm Korea: the BigBang
// table's rows "LG Electronics Inc.", "SK TELECOM", "Electronics & Telecommunications Research
// Institute (ETRI)", "Qualcomm Korea", all Korea, TTA).
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyRegistry } from '../../db/registry.js';
import { buildRegistry, readRegistryFiles } from '../../domain/resolve/registry.js';
import { createResolver } from '../../domain/resolve/resolve.js';
import { importFile } from '../../scrapers/pipeline/import.js';
import { createApp } from '../../server/app.js';
import { fixture, testApp, type TestApp } from '../support/app.js';
import { cli } from '../support/cli.js';

const ROSTER = fixture('3gpp', 'roster-example_tsg-officers_2023.csv');
const CHAIRS_TABLE = fixture('3gpp', 'researcher_RAN_chairs_list_2023-07.xlsx');
const RAN104 = fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx');

type Row = { partner: string | null; seats: number; chairs: number; viceChairs: number };
const seatsOf = (rows: Row[]) => Object.fromEntries(rows.filter((r) => r.seats > 0).map((r) => [r.partner ?? 'unknown', r.seats]));

describe('3GPP seats by Organizational Partner', () => {
  let web: ReturnType<typeof createApp>;
  beforeAll(() => {
    const app = testApp();
    importFile(app, ROSTER);
    importFile(app, CHAIRS_TABLE);
    web = createApp(app);
  });

  it('counts the RAN chairs of the chairs table on 1 January 2020 by the partner each row gives', async () => {
    // RAN Nokia ETSI (row 12), RAN1 Qualcomm ATIS (25), RAN2 MediaTek Beijing CCSA (35), RAN3 Ericsson ETSI (47),
    // RAN4 Futurewei ETSI (59), RAN5 Motorola Mobility ETSI (70), RAN6 Nokia Germany ETSI (73).
    const data = (await request(web).get('/partners.json?at=2020-01-01').expect(200)).body.data;
    expect(data.seats.total).toEqual({ seats: 7, chairs: 7, viceChairs: 0 });
    expect(seatsOf(data.seats.byPartner)).toEqual({ ETSI: 5, ATIS: 1, CCSA: 1 });
    expect(data.partners.find((p: { partner: string }) => p.partner === 'ETSI')).toMatchObject({ seats: 5, chairs: 5, seatShare: 5 / 7, seatLabel: '5 of 7 seats' });
  });

  it('puts the 2023 TSG officers beside the working-group chairs: 17 seats, every one with its partner', async () => {
    // Roster: ATIS RAN chair Qualcomm, RAN VC AT&T, SA chair Intel, SA VC T-Mobile USA, CT VC InterDigital;
    // CCSA RAN VC CMCC, CT chair Huawei, CT VC China Telecom; ETSI RAN VC Deutsche Telekom, SA VC Apple
    // France, CT VC OPPO; ARIB SA VC NTT DOCOMO. Chairs table on 1 June 2023: RAN1 Samsung TTA (row 27),
    // RAN2 MediaTek CCSA (36), RAN3 ZTE CCSA (49), RAN4 Huawei CCSA (62), RAN5 Motorola Mobility ETSI (71);
    // its RAN chair (row 14, Qualcomm, ATIS) is the roster's, one seat.
    const data = (await request(web).get('/partners.json?at=2023-06-01').expect(200)).body.data;
    expect(data.seats.total).toEqual({ seats: 17, chairs: 8, viceChairs: 9 });
    expect(seatsOf(data.seats.byPartner)).toEqual({ ATIS: 5, CCSA: 6, ETSI: 4, ARIB: 1, TTA: 1 });
    expect(data.seats.unknown).toEqual({ seats: 0, share: 0 });
    // The two bases apart: MediaTek is Taiwan's and chairs RAN2 through CCSA; OPPO is China's and sits through ETSI.
    expect(data.seats.held).toContainEqual(expect.objectContaining({ group: 'RAN2', organization: 'MediaTek (Beijing)', country: 'TW', partner: 'CCSA' }));
    expect(data.seats.held).toContainEqual(expect.objectContaining({ group: 'CT', role: 'vice-chair', country: 'CN', partner: 'ETSI' }));
  });

  it('narrows the seats to a set of groups, and links each count to the seats behind it', async () => {
    const tsgs = (await request(web).get('/partners.json?at=2023-06-01&set=3gpp-tsgs').expect(200)).body.data;
    expect(seatsOf(tsgs.seats.byPartner)).toEqual({ ATIS: 5, CCSA: 3, ETSI: 3, ARIB: 1 });
    const ccsa = (await request(web).get('/leadership/seats.json?body=3gpp&at=2023-06-01&partner=CCSA').expect(200)).body.data;
    expect(ccsa.seats.map((s: { group: string; role: string }) => `${s.group} ${s.role}`).sort()).toEqual(['CT chair', 'CT vice-chair', 'RAN vice-chair', 'RAN2 chair', 'RAN3 chair', 'RAN4 chair']);
    const page = (await request(web).get('/partners?at=2023-06-01').expect(200)).text;
    expect(page).toContain('href="/leadership/seats?body&#x3D;3gpp&amp;at&#x3D;2023-06-01&amp;partner&#x3D;CCSA">6 of 17 seats</a>');
  });

  it("shows a country's seats by the partner its holders sit through", async () => {
    // China on 1 June 2023: CMCC, Huawei (twice: CT, RAN4), China Telecom, ZTE through CCSA; OPPO, and
    // Motorola Mobility (Lenovo's since 2014: RAN5, row 71), through ETSI.
    const cn = (await request(web).get('/countries/CN.json?to=2023-06-01').expect(200)).body.data;
    expect(cn.partnerSeats).toMatchObject({ at: '2023-06-01', of: 17, total: 7 });
    expect(seatsOf(cn.partnerSeats.byPartner)).toEqual({ CCSA: 5, ETSI: 2 });
  });
});

describe('3GPP contributions by Organizational Partner, on the RAN#104 list', () => {
  let app: TestApp;
  let web: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = testApp();
    importFile(app, RAN104);
    web = createApp(app);
  });

  it('counts the sources of organizations that joined through one partner under it', async () => {
    const data = (await request(web).get('/partners.json?at=2024-06-01').expect(200)).body.data;
    expect(data.contributions.allContributions).toBe(830);
    // TTA alone: RP-240934 (SK Telecom), RP-241088, -241096, -241235 (LG Electronics), RP-241153 (Qualcomm
    // Korea), RP-241324 (SK Telecom, ETRI), and LG Electronics beside others in RP-241189, -241190, -241609
    // (1/3 each) and RP-241338 (1/7): 10 contributions, 7 + 1/7 fractionally.
    const tta = data.partners.find((p: { partner: string }) => p.partner === 'TTA');
    expect(tta).toMatchObject({ contributions: 10 });
    expect(tta.fractional).toBeCloseTo(7 + 1 / 7, 9);
    const listed = (await request(web).get('/contributions.json?body=3gpp&partner=TTA').expect(200)).body.data.items.map((c: { ref: string }) => c.ref);
    expect(listed.sort()).toEqual(['RP-240934', 'RP-241088', 'RP-241096', 'RP-241153', 'RP-241189', 'RP-241190', 'RP-241235', 'RP-241324', 'RP-241338', 'RP-241609']);
  });

  it('counts an organization that joined through several partners under all of them together, never split', async () => {
    const data = (await request(web).get('/partners.json?at=2024-06-01').expect(200)).body.data;
    // The 28 cells naming Samsung (ETSI and TTA in the table); Huawei's 56 of its 57 cells (one names
    // only Huawei Technologies UK).
    expect(data.contributions.byPartner).toContainEqual(expect.objectContaining({ partner: 'ETSI+TTA', class: 'several', partners: ['ETSI', 'TTA'], contributions: 28 }));
    expect(data.contributions.byPartner).toContainEqual(expect.objectContaining({ partner: 'ARIB+CCSA+ETSI+TSDSI+TTA+TTC', contributions: 56 }));
    const tta = data.partners.find((p: { partner: string }) => p.partner === 'TTA');
    expect(tta.amongSeveral.fractional).toBeGreaterThan(0);
    // The classes add up to the whole: every source is through one partner, several, none, or unresolved.
    const { one, several, none, unresolved } = data.contributions.shares;
    const fractional = data.contributions.byPartner.reduce((sum: number, r: { fractional: number }) => sum + r.fractional, 0);
    expect(one + several + none + unresolved).toBeCloseTo(fractional / 830, 12);
  });

  it("gives a company's contributions by the partner each entity it is named as takes part through", async () => {
    // Huawei's cells: 34 name HiSilicon (CCSA), 56 Huawei (six partners), one Futurewei (ATIS and ETSI),
    // one Huawei Technologies UK (ETSI).
    const huawei = (await request(web).get('/organizations/huawei.json').expect(200)).body.data;
    expect(Object.fromEntries(huawei.partners.byPartner.map((r: { partner: string; contributions: number }) => [r.partner, r.contributions]))).toEqual({
      CCSA: 34,
      ETSI: 1,
      'ARIB+CCSA+ETSI+TSDSI+TTA+TTC': 56,
      'ATIS+ETSI': 1,
    });
    expect(huawei.entities).toContainEqual(expect.objectContaining({ slug: 'hisilicon', partner: 'CCSA', contributions: 34 }));
    expect(huawei.partners.memberships.map((m: { partner: string }) => m.partner)).toEqual(['ARIB', 'CCSA', 'ETSI', 'TSDSI', 'TTA', 'TTC']);
  });

  it('follows a change to the memberships: the sources are re-resolved and re-counted', async () => {
    const files = readRegistryFiles().map((file) => {
      if (file.name !== 'memberships.yaml') return file;
      const content = file.content as { memberships: { members: { organization: string }[] } };
      // An edit for the test, not a fact: Samsung's memberships taken out of the file.
      return { ...file, content: { memberships: { ...content.memberships, members: content.memberships.members.filter((m) => m.organization !== 'samsung') } } };
    });
    const edited = testApp();
    importFile(edited, RAN104);
    expect(applyRegistry(edited.db, createResolver(buildRegistry(files)))).toBe(true);
    const data = (await request(createApp(edited)).get('/partners.json?at=2024-06-01').expect(200)).body.data;
    const before = (await request(web).get('/partners.json?at=2024-06-01').expect(200)).body.data;
    const count = (d: typeof data, partner: string) => d.contributions.byPartner.find((r: { partner: string }) => r.partner === partner)?.contributions ?? 0;
    expect(count(data, 'ETSI+TTA')).toBe(0);
    // The 28 Samsung cells now count with no membership on record: 27 more there, the 28th (RP-241517,
    // Samsung among FirstNet, UIC, the UK Home Office…) already counted there once.
    expect(count(data, 'none') - count(before, 'none')).toBe(27);
    expect(edited.db.$client.prepare("select count(*) as n from contribution_sources s join organizations o on o.id = s.organization_id where o.slug = 'samsung' and s.partner = 'none'").get()).toEqual({ n: 28 });
  });

  it('answers as CSV and HTML, and refuses another body and a partner that is none of the seven', async () => {
    const csv = (await request(web).get('/partners.csv?at=2024-06-01').expect(200).expect('content-type', /text\/csv/)).text.split('\n');
    expect(csv[0]).toBe('section,key,name,contributions,fractional,share,severalFractional,severalShare,seats,chairs,viceChairs,seatShare,detail');
    expect(csv).toContainEqual(expect.stringMatching(/^partner,TTA,South Korea,10,7\.142857,/));
    const html = (await request(web).get('/partners?at=2024-06-01').expect(200)).text;
    expect(html).toContain('<a href="/contributions?body&#x3D;3gpp&amp;partner&#x3D;TTA">10</a>');
    const refused = await request(web).get('/partners.json?body=itu').expect(400);
    expect(refused.body.error).toMatchObject({ parameter: 'body' });
    const badPartner = await request(web).get('/contributions.json?partner=IEEE').expect(400);
    expect(badPartner.body.error.message).toMatch(/^partner: an Organizational Partner/);
  });
});

describe('stdwatch report partners', () => {
  it('prints the partners side by side, and refuses another body in one line', async () => {
    const run = cli();
    expect((await run.run(['import', ROSTER])).code).toBe(0);
    const text = await run.run(['report', 'partners', '--at', '2023-06-01']);
    expect(text.code).toBe(0);
    // The roster's twelve officers, no contribution stored.
    expect(text.stdout).toContain('Contributions: none under these filters.\nSeats: 12 chairs and vice-chairs; 0 (0.0 %) with no partner given.');
    expect(text.stdout).toMatch(/^ATIS +North America +0 +0\.0 +– +– +5 of 12 seats +41\.7 %$/m);
    const json = JSON.parse((await run.run(['report', 'partners', '--at', '2023-06-01', '--set', '3gpp-tsgs', '--format', 'json'])).stdout);
    expect(json.meta.filters).toEqual({ body: '3gpp', at: '2023-06-01', groups: ['RAN', 'SA', 'CT'] });
    expect(json.links.self).toBe('/partners.json?body=3gpp&at=2023-06-01&groups=RAN%2CSA%2CCT');
    const refused = await run.run(['report', 'partners', '--body', 'ieee']);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe("stdwatch: --body: the Organizational Partners are 3GPP's: this counts 3GPP only (leave body out, or 3gpp)\n");
  }, 120_000);
});
