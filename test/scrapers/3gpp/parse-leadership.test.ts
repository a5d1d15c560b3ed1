// The leadership parsers on the reconstructed pages (real names, companies, partners and dates: see
// test/fixtures/3gpp/RECONSTRUCTED.md). Expected values are read off the captured excerpts by hand.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LayoutChangedError, UnreadableInputError } from '../../../scrapers/errors.js';
import { nextListingPage, parseElectionNews, parseNewsListing } from '../../../scrapers/3gpp/parse-elections.js';
import { parseOfficials } from '../../../scrapers/3gpp/parse-officials.js';
import { meetingOfFolder } from '../../../domain/groups/3gpp.js';
import { fixture } from '../../support/app.js';

const NEWS = 'https://www.3gpp.org/news-events/3gpp-news';
const read = (name: string) => fs.readFileSync(fixture('3gpp', name));
// The Organizational Partner is the seat's own field, apart from the company and from `detail` (the term).
const seats = (positions: { group: { code: string }; role: string; person: string | null; sourceText: string; from: string | null; detail: string | null; partner?: string | null }[]) =>
  positions.map((p) => [p.group.code, p.role, p.person, p.sourceText, p.from, p.partner ?? null, p.detail]);

describe('election news, "About the election" wording', () => {
  it('reads the RAN election of 20 March 2023: chair and three vice-chairs, partners kept apart from companies', () => {
    // news_tsg-ran-election.excerpt.txt: "Wanshi CHEN (Qualcomm Incorporated - ATIS) was re-elected Chair
    // (2nd term), Ronald BORSATO (AT&T - ATIS), Nan HU (CMCC - CCSA) and Axel KLATT (Deutsche Telekom AG -
    // ETSI) were re-elected Vice Chair (2nd term) of RAN by acclamation on 20.03.2023."
    const roster = parseElectionNews(read('news_tsg-ran-election.reconstructed.html'), { url: `${NEWS}/tsg-ran-election` });
    expect(roster).toMatchObject({ body: '3gpp', basis: '3gpp-elections', scope: 'news-events/3gpp-news/tsg-ran-election', warnings: [] });
    expect(seats(roster.positions)).toEqual([
      ['RAN', 'chair', 'Wanshi CHEN', 'Qualcomm Incorporated', '2023-03-20', 'ATIS', '2nd term'],
      ['RAN', 'vice-chair', 'Ronald BORSATO', 'AT&T', '2023-03-20', 'ATIS', '2nd term'],
      ['RAN', 'vice-chair', 'Nan HU', 'CMCC', '2023-03-20', 'CCSA', '2nd term'],
      ['RAN', 'vice-chair', 'Axel KLATT', 'Deutsche Telekom AG', '2023-03-20', 'ETSI', '2nd term'],
    ]);
    expect(roster.positions.every((p) => p.evidenceUrl === `${NEWS}/tsg-ran-election`)).toBe(true);
  });

  it('reads the SA election, dated by the article (22 March 2023) since the paragraph gives no day', () => {
    const roster = parseElectionNews(read('news_tsg-sa-election.reconstructed.html'), { url: `${NEWS}/tsg-sa-election` });
    expect(seats(roster.positions)).toEqual([
      ['SA', 'chair', 'Puneet Jain', 'Intel', '2023-03-22', 'ATIS', null],
      ['SA', 'vice-chair', 'Satoshi Nagata', 'NTT DOCOMO INC.', '2023-03-22', 'ARIB', '2nd term'],
      ['SA', 'vice-chair', 'Mark Younge', 'T-Mobile USA Inc.', '2023-03-22', 'ATIS', '2nd term'],
      ['SA', 'vice-chair', 'Mona Mustapha', 'Apple France', '2023-03-22', 'ETSI', '2nd term'],
    ]);
  });

  it('reads the CT election: a company name with commas, a new vice-chair after re-elected ones', () => {
    const roster = parseElectionNews(read('news_tsg-ct-election.reconstructed.html'), { url: `${NEWS}/tsg-ct-election` });
    expect(seats(roster.positions)).toEqual([
      ['CT', 'chair', 'Peter SCHMITT', 'HuaWei Technologies Co., Ltd', '2023-03-21', 'CCSA', null],
      ['CT', 'vice-chair', 'Atle Monrad', 'InterDigital Communications Corporation', '2023-03-21', 'ATIS', '2nd term'],
      ['CT', 'vice-chair', 'ChenHo Chin', 'Guangdong OPPO Mobile Telecommunications Corp.,Ltd.', '2023-03-21', 'ETSI', '2nd term'],
      ['CT', 'vice-chair', 'Biao Long', 'China Telecom Corporation Ltd.', '2023-03-21', 'CCSA', null],
    ]);
  });
});

describe('election news, the older wording', () => {
  it('reads the RAN election at RAN#75 (8 March 2017); the predecessor it names holds no new seat', () => {
    // news_ran-chair-2017.excerpt.txt: Bertényi of Nokia Corporation elected; "He succeeds Dino Flore of
    // Qualcomm Inc." (not a seat of this election); vice-chairs Spatafora (AT&T) ATIS, Xu (China Mobile
    // Com. Corp.) CCSA, Nagata (NTT DOCOMO INC.) ARIB.
    const roster = parseElectionNews(read('news_ran-chair-2017.reconstructed.html'), { url: `${NEWS}/ran-chair-2017` });
    expect(seats(roster.positions)).toEqual([
      ['RAN', 'chair', 'Balázs Bertényi', 'Nokia Corporation', '2017-03-08', null, null],
      ['RAN', 'vice-chair', 'Vince Spatafora', 'AT&T', '2017-03-08', 'ATIS', null],
      ['RAN', 'vice-chair', 'Xiaodong Xu', 'China Mobile Com. Corp.', '2017-03-08', 'CCSA', null],
      ['RAN', 'vice-chair', 'Satoshi Nagata', 'NTT DOCOMO INC.', '2017-03-08', 'ARIB', null],
    ]);
  });

  it('reads the 2009 RAN election: the chair in a sentence, the vice-chairs in a "Company / Partner" table', () => {
    // news_new-ran-chairman-elected_2009.excerpt.txt: Takehiro Nakamura (NTT DoCoMo Inc.) chair; vice-chairs
    // Mr Marc GRANT AT&T / ATIS, Mr Han VAN BUSSEL T-Mobile International AG / ETSI, Mr Hai TANG China Mobile/ CCSA.
    // No numeric day in the text: the article's date (Mar 04, 2009).
    const roster = parseElectionNews(read('news_new-ran-chairman-elected.reconstructed.html'), { url: `${NEWS}/new-ran-chairman-elected` });
    expect(seats(roster.positions)).toEqual([
      ['RAN', 'chair', 'Takehiro Nakamura', 'NTT DoCoMo Inc.', '2009-03-04', null, null],
      ['RAN', 'vice-chair', 'Marc GRANT', 'AT&T', '2009-03-04', 'ATIS', null],
      ['RAN', 'vice-chair', 'Han VAN BUSSEL', 'T-Mobile International AG', '2009-03-04', 'ETSI', null],
      ['RAN', 'vice-chair', 'Hai TANG', 'China Mobile', '2009-03-04', 'CCSA', null],
    ]);
  });

  it('calls an election article in an unknown wording a layout change', () => {
    const html = read('news_tsg-ran-election.reconstructed.html')
      .toString('utf8')
      .replace(/<h3>About the election<\/h3>\s*<p>[^]*?<\/p>/, '<p>The results are in the attached table.</p>');
    expect(() => parseElectionNews(Buffer.from(html), { url: `${NEWS}/tsg-ran-election` })).toThrow(LayoutChangedError);
  });

  it('calls a page without an article body a layout change', () => {
    expect(() => parseElectionNews(Buffer.from('<html><body><p>Not found</p></body></html>'), { url: `${NEWS}/x` })).toThrow(
      /no article body/,
    );
  });
});

describe('the news listing', () => {
  it('links the election articles, newest first, with their dates', () => {
    const links = parseNewsListing(read('news_3gpp-news_listing.reconstructed.html'), { url: NEWS });
    expect(links.map((l) => [l.url.replace(NEWS, ''), l.date])).toEqual([
      ['/tsg-sa-election', '2023-03-22'],
      ['/tsg-ct-election', '2023-03-21'],
      ['/tsg-ran-election', '2023-03-20'],
      ['/ran-chair-2017', '2017-03-08'],
      ['/new-ran-chairman-elected', '2009-03-04'],
    ]);
  });
});

describe('the officials annex of the SA#87-e report', () => {
  const annex = 'https://www.3gpp.org/ftp/tsg_sa/TSG_SA/TSGS_87E_Electronic/Report/Report_Annexes.htm';

  it('reads every chair and vice-chair with company, partner and date appointed; secretaries hold no seat', () => {
    // sa87e_Report_Annexes_officials.excerpt.txt: 20 rows, of which 5 SECRETARY (3GPP Support).
    const roster = parseOfficials(read('Report_Annexes_SA87e_officials.reconstructed.htm'), { url: annex, meeting: 'SA#87-e' });
    expect(roster).toMatchObject({ basis: '3gpp-officials', scope: 'SA#87-e', warnings: [] });
    expect(roster.positions).toHaveLength(15);
    expect(seats(roster.positions.slice(0, 4))).toEqual([
      ['SA', 'chair', null, 'Huawei Technologies Co. Ltd.', '2019-03-22', 'ETSI', null],
      ['SA', 'vice-chair', null, 'Sprint Corporation', '2019-03-22', 'ATIS', null],
      ['SA', 'vice-chair', null, 'LG Electronics Inc.', '2019-03-22', 'TTA', null],
      ['SA', 'vice-chair', null, 'KDDI Corporation', '2019-03-22', 'ARIB', null],
    ]);
    expect(seats(roster.positions.filter((p) => p.group.code === 'SA2'))).toEqual([
      ['SA2', 'chair', null, 'Intel', '2019-05-18', 'ATIS', null],
      ['SA2', 'vice-chair', null, 'Samsung R&D Institute UK', '2019-05-18', 'ETSI', null],
      ['SA2', 'vice-chair', null, 'China Mobile Com. Corporation', '2019-05-18', 'CCSA', null],
    ]);
  });

  it('keeps no phone number anywhere in what it returns, even one standing in the name column', () => {
    // Every empty cell (the phone columns and the names, blank in the excerpt) gets a number.
    const withPhones = read('Report_Annexes_SA87e_officials.reconstructed.htm')
      .toString('latin1')
      .replace(/(<td[^>]*>\s*<p[^>]*><span[^>]*>)&nbsp;(<\/span><\/p>\s*<\/td>)/g, '$1+33 4 92 94 42 59$2');
    const roster = parseOfficials(Buffer.from(withPhones, 'latin1'), { url: annex, meeting: 'SA#87-e' });
    expect(JSON.stringify(roster.positions)).not.toMatch(/\+33|92 94/);
    expect(roster.positions).toHaveLength(15);
    expect(roster.warnings[0]).toBe('row 2: the name cell holds digits, not stored');
  });

  it('calls a table without its "Position" column a layout change, and a page without the annex too', () => {
    const renamed = read('Report_Annexes_SA87e_officials.reconstructed.htm').toString('latin1').replace('>Position<', '>Role<').replace('>appointed<', '>since<');
    expect(() => parseOfficials(Buffer.from(renamed, 'latin1'), { url: annex, meeting: 'SA#87-e' })).toThrow(LayoutChangedError);
    expect(() => parseOfficials(Buffer.from('<html><body><table><tr><td>x</td></tr></table></body></html>'), { url: annex, meeting: 'x' })).toThrow(
      /no "Co-ordinates of TSG and WG Officials" annex/,
    );
    expect(() => parseOfficials(new Uint8Array(), { url: annex, meeting: 'x' })).toThrow(UnreadableInputError);
  });
});

describe('the 2011 wording and the listing\'s paging', () => {
  it('reads the 2011 SA article: the chair from "with the election of …, to the top position", not again as a vice-chair from the table', () => {
    // news_sa-election-2011.excerpt.txt: the first table, captioned "Vice Chairmanship" like the second,
    // lists the chair the first sentence names.
    const url = 'https://www.3gpp.org/news-events/1346-SA-Election-completes-3GPP-line-up';
    const roster = parseElectionNews(read('news_sa-election-2011.reconstructed.html'), { url });
    expect(roster.scope).toBe('news-events/1346-SA-Election-completes-3GPP-line-up');
    expect(seats(roster.positions)).toEqual([
      ['SA', 'chair', 'Balazs Bertenyi', 'Nokia Siemens Networks', '2011-03-22', null, null],
      ['SA', 'vice-chair', 'Akishige NODA', 'Fujitsu Limited', '2011-03-22', 'TTC', null],
      ['SA', 'vice-chair', 'Sungho CHOI', 'Samsung Electronics Co., Ltd', '2011-03-22', 'TTA', null],
      ['SA', 'vice-chair', 'Gary JONES', 'T-Mobile USA Inc.', '2011-03-22', 'ATIS', null],
    ]);
  });

  it('follows the listing\'s "next page" link, and stops on the last page', () => {
    expect(nextListingPage(read('news_3gpp-news_listing.reconstructed.html'), { url: NEWS })).toBe(`${NEWS}?start=5`);
    const page2 = read('news_3gpp-news_listing_page2.reconstructed.html');
    expect(nextListingPage(page2, { url: `${NEWS}?start=5` })).toBeNull();
    // Page 2 also lists "Progress in TSG SA (Post SA#87-e)", which is no election.
    expect(parseNewsListing(page2, { url: `${NEWS}?start=5` }).map((l) => l.url)).toEqual(['https://www.3gpp.org/news-events/1346-SA-Election-completes-3GPP-line-up']);
  });
});

describe('TSG meeting folders', () => {
  it('reads the plenary folder names of both eras as meetings', () => {
    // Real folder names: the SA#87-e annex's URL, WID links on a public work plan page.
    expect(meetingOfFolder('TSGS_87E_Electronic')?.meeting).toBe('SA#87-e');
    expect(meetingOfFolder('TSGC_101_Bangalore')?.meeting).toBe('CT#101');
    expect(meetingOfFolder('CT_109_Beijing-2025-09')?.meeting).toBe('CT#109');
    expect(meetingOfFolder('CT_Inbox')).toBeNull();
  });
});
