// The researcher's table of TSG RAN and RAN working-group chairs 1999–2023 (a secondary source,
// test/fixtures/3gpp/SOURCES.md): read row by row against the workbook (values checked by hand in the
// sheet XML; Excel serial dates converted by hand), and checked against 3GPP's own election articles.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChairsTable } from '../../../scrapers/3gpp/parse-chairs-table.js';
import { CHAIRS_TABLE_BASIS } from '../../../domain/seat-bases.js';
import { parseElectionNews } from '../../../scrapers/3gpp/parse-elections.js';
import { importFile } from '../../../scrapers/pipeline/import.js';
import { seatTable } from '../../../server/reports/leadership.js';
import { fixture, testApp } from '../../support/app.js';

const TABLE = fixture('3gpp', 'researcher_RAN_chairs_list_2023-07.xlsx');
const roster = parseChairsTable(fs.readFileSync(TABLE), { url: 'file:researcher_RAN_chairs_list_2023-07.xlsx' });
const terms = (group: string) => roster.positions.filter((p) => p.group.code === group).map((p) => [p.from, p.to, p.sourceText, p.partner]);

describe("the researcher's table of RAN chairs", () => {
  it('reads its 72 terms as chair seats of a secondary source, with company and Organizational Partner apart', () => {
    expect(roster).toMatchObject({ body: '3gpp', format: '3gpp-chairs-table', basis: CHAIRS_TABLE_BASIS, scope: 'chairs-table:researcher_RAN_chairs_list_2023-07' });
    // 72 rows, and two earlier terms its remarks date (below).
    expect(roster.positions).toHaveLength(74);
    expect(roster.positions.every((p) => p.role === 'chair')).toBe(true);
    expect([...new Set(roster.positions.map((p) => p.group.code))]).toEqual(['RAN', 'RAN1', 'RAN2', 'RAN3', 'RAN4', 'RAN5', 'RAN6']);
    // Rows 2–14 (RP): serials 36220 … 45044, "(current)" for the last.
    expect(terms('RAN')).toEqual([
      ['1999-03-01', '2001-03-14', 'NEC Corporation', 'ETSI'],
      ['2001-03-14', '2003-03-11', 'Alcatel-Lucent', 'ETSI'],
      ['2003-03-11', '2005-03-11', 'Alcatel-Lucent', 'ETSI'],
      ['2005-03-11', '2007-03-07', 'Alcatel-Lucent', 'ETSI'],
      // Row 6 ends "6/3/09" (serial 39967, 3 June) though the next term began on 3/6/09 (6 March): it
      // ends when the next begins.
      ['2007-03-07', '2009-03-06', 'Alcatel-Lucent', 'ETSI'],
      ['2009-03-06', '2011-03-18', 'NTT DOCOMO INC..', 'ARIB'],
      ['2011-03-18', '2013-04-03', 'NTT DOCOMO INC..', 'ARIB'],
      ['2013-04-03', '2015-04-28', 'Qualcomm Incorporated', 'ATIS'],
      ['2015-04-28', '2017-03-10', 'Qualcomm Incorporated', 'ATIS'],
      ['2017-03-10', '2019-03-21', 'Nokia Corporation', 'ETSI'],
      // Row 12 ends 4/27/21, the next begins 4/28/21: an inclusive end, ending when the next begins.
      ['2019-03-21', '2021-04-28', 'Nokia Corporation', 'ETSI'],
      ['2021-04-28', '2023-04-28', 'Qualcomm Incorporated', 'ATIS'],
      ['2023-04-28', null, 'Qualcomm Incorporated', 'ATIS'],
    ]);
    expect(roster.warnings).toEqual([
      'row 6: the RAN term ending 2009-06-03 overlaps the next (row 7, from 2009-03-06); it ends when the next begins',
      "row 17: the RAN1 term ending 2005-03-11 and the same chair's next (row 18, from 2005-08-31) are taken as one tenure",
      "row 28: the RAN2 term ending 2003-02-17 and the same chair's next (row 29, from 2005-09-02) are taken as one tenure",
      "row 39: the RAN3 term ending 2005-03-11 and the same chair's next (row 40, from 2005-09-02) are taken as one tenure",
      "row 50: the RAN4 term ending 2005-03-11 and the same chair's next (row 51, from 2005-08-22) are taken as one tenure",
      'row 55: the RAN4 term ending 2013-11-15 overlaps the next (row 56, from 2013-11-05); it ends when the next begins',
    ]);
  });

  it('dates a first term from a remark, bridges a gap between two terms of one chair, and keeps a gap between two chairs', () => {
    // Row 28: RAN2, elected 2001-02-19, remark "elected at RAN2#2 08-11/03/99"; the same chair's term
    // ends 2003-02-17 and his next (row 29) begins 2005-09-02: one tenure. No row covers 2013-08-23
    // (Wiemann's end, row 32) to 2015-08-28 (Burbidge's start, row 33): two chairs, the gap stays.
    expect(terms('RAN2').slice(0, 3)).toEqual([
      ['1999-03-08', '2001-02-19', 'Alcatel-Lucent', 'ETSI'],
      ['2001-02-19', '2005-09-02', 'Alcatel-Lucent', 'ETSI'],
      ['2005-09-02', '2007-08-24', 'Alcatel-Lucent', 'ETSI'],
    ]);
    expect(terms('RAN2').slice(5, 7)).toEqual([
      ['2011-08-28', '2013-08-23', 'Ericsson LM', 'ETSI'],
      ['2015-08-28', '2017-08-21', 'Intel', 'ATIS'],
    ]);
    // Row 50: RAN4, elected 2001-02-19, "elected at RAN4#2 15-19/02/99 to 2001/02/18 and re…".
    expect(terms('RAN4')[0]).toEqual(['1999-02-15', '2001-02-19', 'Motorola Solutions UK Ltd.', 'ETSI']);
    // Rows 50–51: its term ends 2005-03-11, the same chair re-elected 2005-08-22 ("re-elected at R4#36").
    expect(terms('RAN4')[1]).toEqual(['2001-02-19', '2005-08-22', 'Motorola Solutions UK Ltd.', 'ETSI']);
    // Row 16: RAN1, "elected at RAN1#2 22-25/02/99", already the first row's term (from 1999-02-26): nothing added.
    expect(terms('RAN1')[0]).toEqual(['1999-02-26', '2001-03-01', 'Nokia Networks Oy', 'ETSI']);
    // Rows 59–60: RAN4's chair elected 23.11.2019 for Futurewei, with Apple from 2 October 2020.
    expect(terms('RAN4').slice(10, 12)).toEqual([
      ['2019-11-23', '2020-10-02', 'Futurewei', 'ETSI'],
      ['2020-10-02', '2021-04-22', 'Apple (UK) Limited', 'ETSI'],
    ]);
    // Rows 72–73: R6 is RAN WG6 (2016–2020).
    expect(terms('RAN6')).toEqual([
      ['2016-11-18', '2018-11-16', 'Nokia Networks', 'ETSI'],
      ['2018-11-16', '2020-08-10', 'Nokia Germany', 'ETSI'],
    ]);
  });

  it('agrees with 3GPP\'s election articles on every RAN chair they name — company and partner — and differs on the day', () => {
    const app = testApp();
    const news = 'https://www.3gpp.org/news-events/3gpp-news';
    const articles = ['new-ran-chairman-elected', 'ran-chair-2017', 'tsg-ran-election'].map((name) =>
      parseElectionNews(fs.readFileSync(fixture('3gpp', `news_${name}.reconstructed.html`)), { url: `${news}/${name}` }).positions.find((p) => p.group.code === 'RAN' && p.role === 'chair')!,
    );
    const slug = (text: string, day: string) => app.resolver.resolveSourceText(text, day).find((s) => s.organization)?.parent?.slug;
    const compared = articles.map((elected) => {
      // The table's term that began within 60 days after the article's day.
      const term = roster.positions.find((p) => p.group.code === 'RAN' && p.from! >= elected.from! && Date.parse(p.from!) - Date.parse(elected.from!) <= 60 * 86_400_000)!;
      return { article: elected.from, table: term.from, same: slug(elected.sourceText, elected.from!) === slug(term.sourceText, term.from!), partners: [elected.partner ?? null, term.partner] };
    });
    // 2009: NTT DoCoMo (the article names no partner; the table ARIB); 2017: Nokia Corporation (ETSI in
    // the table, none in the article); 2023: Qualcomm Incorporated, ATIS in both. The table's days are
    // 2, 2 and 39 days after the elections the articles report.
    expect(compared).toEqual([
      { article: '2009-03-04', table: '2009-03-06', same: true, partners: [null, 'ARIB'] },
      { article: '2017-03-08', table: '2017-03-10', same: true, partners: [null, 'ETSI'] },
      { article: '2023-03-20', table: '2023-04-28', same: true, partners: ['ATIS', 'ATIS'] },
    ]);
  });
});

describe('imported, with the election articles', () => {
  it('names one chair of RAN on each day: the articles where they hold it, else the table, and the table\'s terms end the older articles\' terms', () => {
    const app = testApp();
    for (const name of ['new-ran-chairman-elected', 'ran-chair-2017', 'tsg-ran-election']) {
      importFile(app, fixture('3gpp', `news_${name}.reconstructed.html`), { url: `https://www.3gpp.org/news-events/3gpp-news/${name}` });
    }
    const imported = importFile(app, TABLE, {});
    expect(imported).toMatchObject({ kind: 'seats', format: '3gpp-chairs-table', basis: CHAIRS_TABLE_BASIS, seen: 74, new: 74 });
    const chairOf = (day: string) => seatTable(app.db, day, { body: '3gpp' }, ['RAN']).seats.filter((s) => s.role === 'chair').map((s) => [s.parent, s.basis]);
    expect(chairOf('2000-06-01')).toEqual([['NEC', CHAIRS_TABLE_BASIS]]);
    // 2009-03-05: elected on the 3rd (article of the 4th), the table's term from the 6th.
    expect(chairOf('2009-03-05')).toEqual([['NTT', '3gpp-elections']]);
    expect(chairOf('2014-01-01')).toEqual([['Qualcomm', CHAIRS_TABLE_BASIS]]);
    // 2017-03-09: the article's Bertényi (8 March), not the table's Flore (to the 10th).
    expect(chairOf('2017-03-09')).toEqual([['Nokia', '3gpp-elections']]);
    // 2023-04-01: one holder read from both, the article shown.
    expect(chairOf('2023-04-01')).toEqual([['Qualcomm', '3gpp-elections']]);
    // The vice-chairs of the 2017 article stay until the 2023 one: the table has no vice-chairs.
    expect(seatTable(app.db, '2020-01-01', { body: '3gpp' }, ['RAN']).total).toEqual({ seats: 4, chairs: 1, viceChairs: 3 });
  });
});
