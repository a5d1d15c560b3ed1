// The researcher's table of TSG RAN and RAN working-group chairs 1999–2023 (a secondary source,
// test/fixtures/3gpp/SOURCES.md), checked against 3GPP's own election articles and imported with them.
// What the parser reads off it, row by row, is in researcher_RAN_chairs_list_2023-07.expected.json.
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

describe("the researcher's table of RAN chairs", () => {
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
