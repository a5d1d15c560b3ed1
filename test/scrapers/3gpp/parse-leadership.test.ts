// The leadership parsers on pages changed to be what they must refuse or must not keep: an article in
// an unknown wording, an annex with phone numbers in its cells or without its columns. What they read
// off the reconstructed pages themselves (real names, companies, partners and dates) is in the pages'
// expected files, test/fixtures/3gpp/news_*.expected.json and Report_Annexes_*.expected.json.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LayoutChangedError, UnreadableInputError } from '../../../scrapers/errors.js';
import { parseElectionNews } from '../../../scrapers/3gpp/parse-elections.js';
import { parseOfficials } from '../../../scrapers/3gpp/parse-officials.js';
import { meetingOfFolder } from '../../../domain/groups/3gpp.js';
import { fixture } from '../../support/app.js';

const NEWS = 'https://www.3gpp.org/news-events/3gpp-news';
const read = (name: string) => fs.readFileSync(fixture('3gpp', name));

describe('election news', () => {
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

describe('the officials annex of the SA#87-e report', () => {
  const annex = 'https://www.3gpp.org/ftp/tsg_sa/TSG_SA/TSGS_87E_Electronic/Report/Report_Annexes.htm';

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

describe('TSG meeting folders', () => {
  it('reads the plenary folder names of both eras as meetings', () => {
    // Real folder names: the SA#87-e annex's URL, WID links on a public work plan page.
    expect(meetingOfFolder('TSGS_87E_Electronic')?.meeting).toBe('SA#87-e');
    expect(meetingOfFolder('TSGC_101_Bangalore')?.meeting).toBe('CT#101');
    expect(meetingOfFolder('CT_109_Beijing-2025-09')?.meeting).toBe('CT#109');
    expect(meetingOfFolder('CT_Inbox')).toBeNull();
  });
});
