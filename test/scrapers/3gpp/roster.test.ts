// Rosters researchers hold, imported as official seats: the example roster of the 2023 TSG officers
// (real values from the three 2023 election articles; what the parser reads off it is in
// roster-example_tsg-officers_2023.expected.json), the same in a workbook with other header spellings,
// and files with bad rows, which are refused whole.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { positions } from '../../../db/schema.js';
import { ROSTER_BASIS } from '../../../domain/seat-bases.js';
import { parseRoster } from '../../../scrapers/3gpp/parse-roster.js';
import { detectFormat } from '../../../scrapers/formats.js';
import { importFile } from '../../../scrapers/pipeline/import.js';
import { seatTable } from '../../../server/reports/leadership.js';
import { fixture, testApp } from '../../support/app.js';
import { workbook } from '../../support/workbook.js';

const EXAMPLE = fixture('3gpp', 'roster-example_tsg-officers_2023.csv');

describe('a roster of officers', () => {
  it('imports into the seat table: the TSG plenaries on 2024-01-01 as the 2023 elections left them', () => {
    const app = testApp();
    const result = importFile(app, EXAMPLE, {});
    expect(result).toMatchObject({ kind: 'seats', format: 'roster', basis: ROSTER_BASIS, seen: 12, new: 12, changed: 0 });
    const table = seatTable(app.db, '2024-01-01', { body: '3gpp' }, ['RAN', 'SA', 'CT']);
    expect(table.total).toEqual({ seats: 12, chairs: 3, viceChairs: 9 });
    // US: Qualcomm, Intel (chairs), AT&T, Apple France, InterDigital; CN: Huawei (chair), CMCC, OPPO,
    // China Telecom; DE: Deutsche Telekom and T-Mobile USA (whose parent is Deutsche Telekom); JP: NTT DOCOMO.
    expect(table.byCountry.map((c) => [c.country, c.seats])).toEqual([['US', 5], ['CN', 4], ['DE', 2], ['JP', 1]]);
    expect(table.seats.every((s) => s.basis === ROSTER_BASIS && s.partner !== null)).toBe(true);
    // On the entity basis T-Mobile USA counts for the US (Apple France is Apple's: the registry has no
    // French entity of its own).
    expect(seatTable(app.db, '2024-01-01', { body: '3gpp', basis: 'entity' }, ['RAN', 'SA', 'CT']).byCountry.map((c) => [c.country, c.seats])).toEqual([
      ['US', 6], ['CN', 4], ['DE', 1], ['JP', 1],
    ]);
    expect(importFile(app, EXAMPLE, {})).toMatchObject({ new: 0, changed: 0 });
  });

  it('reads a workbook with other spellings of the columns and Excel dates', () => {
    const bytes = workbook({
      Officers: [
        ['Working group', 'Position', 'Organisation', 'OP', 'Since', 'Until', 'Source'],
        ['RAN WG1', 'Chairman', 'Samsung Electronics Co., Ltd', 'TTA', 44327, '(current)', 'https://www.3gpp.org/dynareport?code=TSG-WG--R1--officials.htm'],
      ],
    });
    // The sheet's header row names group, role and organization: a roster, not a TDoc list.
    expect(detectFormat(bytes)).toBe('roster');
    const app = testApp();
    const file = path.join(app.dir, 'ran1-officers.xlsx');
    fs.writeFileSync(file, bytes);
    importFile(app, file, {});
    const [seat] = app.db.select().from(positions).where(eq(positions.basis, ROSTER_BASIS)).all();
    // 44327 is 2021-05-11.
    expect(seat).toMatchObject({ role: 'chair', sourceRaw: 'Samsung Electronics Co., Ltd', partner: 'TTA', fromDate: '2021-05-11', toDate: null, scope: 'roster:ran1-officers.xlsx' });
  });

  it('refuses a file with bad rows whole, naming each row and why, and stores nothing', () => {
    const app = testApp();
    const file = path.join(app.dir, 'bad-roster.csv');
    fs.writeFileSync(
      file,
      [
        'group;role;organization;Organizational Partner;from;to;evidence',
        'RAN;chair;Qualcomm Incorporated;ATIS;2023-03-20;;https://www.3gpp.org/news-events/3gpp-news/tsg-ran-election',
        'RAN9;secretary;Acme;XYZ;20/03/2023;;',
        'SA2;vice-chair;Intel;ATIS;2023-05-22;2021-01-01;minutes of SA2#157',
      ].join('\n'),
    );
    expect(() => importFile(app, file, {})).toThrow(
      'bad-roster.csv: 2 bad row(s), so no row of the roster was stored: row 3: group "RAN9" is not a 3GPP group stdwatch knows; role "secretary" is not chair or vice-chair; "XYZ" is not an Organizational Partner (ARIB, ATIS, CCSA, ETSI, TSDSI, TTA, TTC); from "20/03/2023" is not a date YYYY-MM-DD; no evidence (a public page or document that shows the seat); row 4: to 2021-01-01 is before from 2023-05-22; nothing was imported from it',
    );
    expect(app.db.select().from(positions).all()).toHaveLength(0);
  });

  it('refuses a roster without its required columns, saying which', () => {
    expect(() => parseRoster(Buffer.from('group,role,organization\nRAN,chair,Qualcomm\n'), { url: 'file:x.csv' })).toThrow(
      'the roster has no "from", "evidence" column (columns: group, role, organization)',
    );
  });
});
