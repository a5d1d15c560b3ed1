// The SA2 TdocsByAgenda pages: Word-made HTML in windows-1252, one re-saved by a browser, headers that
// changed across years. Counts were taken from the files independently and checked by hand.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTdocsByAgenda } from '../../../scrapers/3gpp/parse-tdocs-by-agenda.js';
import { LayoutChangedError } from '../../../scrapers/errors.js';
import { fixture } from '../../support/app.js';

const read = (name: string) => fs.readFileSync(fixture('3gpp', name));
const statuses = (listing: ReturnType<typeof parseTdocsByAgenda>) => {
  const counts: Record<string, number> = {};
  for (const c of listing.contributions) counts[c.status ?? 'null'] = (counts[c.status ?? 'null'] ?? 0) + 1;
  return counts;
};

describe('SA2#137-e (2020, end-of-meeting results, "Comments" header)', () => {
  const url = 'https://www.3gpp.org/ftp/tsg_sa/WG2_Arch/TSGS2_137e_Electronic/TdocsByAgenda.htm';
  const listing = parseTdocsByAgenda(read('sa2_TdocsByAgenda_SA2-137e_2020-02-29.htm'), { url });

  it('has all 713 documents with their results, lower-cased', () => {
    expect(listing.contributions).toHaveLength(713);
    expect(statuses(listing)).toEqual({
      noted: 203,
      agreed: 200,
      revised: 173, // 172 "Revised" + 1 "revised"
      postponed: 65,
      withdrawn: 28,
      approved: 20,
      merged: 15,
      'not handled': 6,
      'conditionally agreed': 1,
      'replied to': 1,
      endorsed: 1,
    });
  });

  it('names the meeting from the page and links documents from the page address', () => {
    expect(listing.group.code).toBe('SA2');
    expect(listing.meeting?.name).toBe('SA2#137-e');
    const agenda = listing.contributions.find((c) => c.ref === 'S2-2002313')!;
    expect(agenda).toMatchObject({
      title: 'SA WG2 #137 Meeting Agenda',
      type: 'AGENDA',
      docFor: 'Approval',
      status: 'approved',
      sourceText: 'SA WG2 Chairman',
      revisionOf: 'S2-2001774',
      url: 'https://www.3gpp.org/ftp/tsg_sa/WG2_Arch/TSGS2_137e_Electronic/Docs/S2-2002313.zip',
    });
    expect(listing.contributions.find((c) => c.ref === 'S2-2001774')!.revisedTo).toBe('S2-2002313');
  });

  it('decodes windows-1252 (the ellipsis of a cut-short source list)', () => {
    const sources = listing.contributions.map((c) => c.sourceText);
    expect(sources).toContain('Qualcomm Incorporated, Charter Communications, Ericsson, …');
  });
});

describe('SA2#155 (2023, re-saved by a browser: lower-case tags, quoted attributes)', () => {
  const listing = parseTdocsByAgenda(read('sa2_TdocsByAgenda_SA2-155_2023-02-14_browser-saved.htm'));

  it('has all 991 documents; most have no result yet', () => {
    expect(listing.contributions).toHaveLength(991);
    expect(statuses(listing)).toEqual({ null: 952, withdrawn: 36, revised: 3 });
  });

  it("takes the page address from the browser's 'saved from' note", () => {
    expect(listing.meeting).toMatchObject({
      name: 'SA2#155',
      folderUrl: 'https://www.3gpp.org/ftp/tsg_sa/WG2_Arch/TSGS2_155_Athens_2023-02/',
    });
    expect(listing.contributions.find((c) => c.ref === 'S2-2302173')).toMatchObject({
      title: 'Draft Report of SA WG2 meeting #154AH-e',
      sourceText: 'SA WG2 Secretary',
      url: 'https://www.3gpp.org/ftp/tsg_sa/WG2_Arch/TSGS2_155_Athens_2023-02/Docs/S2-2302173.zip',
    });
  });

  it('keeps typographic quotes and dashes', () => {
    expect(listing.contributions.map((c) => c.title)).toContain(
      'LS from SA WG6: LS on the consent of draft new Recommendation ITU-T Q.3647 “Signalling requirements for emergency service in IMS roaming environment”',
    );
  });
});

describe('SA2#164 (2024, first meeting day, "Comment" header)', () => {
  const listing = parseTdocsByAgenda(read('sa2_TdocsByAgenda_SA2-164_2024-08-19.htm'));

  it('has all 1,374 documents, open ones included', () => {
    expect(listing.contributions).toHaveLength(1374);
    expect(statuses(listing)).toEqual({
      null: 1081,
      revised: 76,
      open: 71,
      withdrawn: 48,
      merged: 43,
      noted: 29,
      'reply open': 12,
      'block approve?': 8,
      approved: 2,
      agreed: 2,
      endorsed: 1,
      postponed: 1,
    });
    expect(listing.meeting?.name).toBe('SA2#164');
  });

  it('reads "Revision of postponed S2-… from S2#163" as a revision', () => {
    expect(listing.contributions.find((c) => c.ref === 'S2-2407394')).toMatchObject({
      type: 'LS In',
      sourceText: 'CT WG4 (C4-241547)',
      status: 'postponed',
      revisionOf: 'S2-2405868',
      release: 'Rel-18',
      workItems: 'TEI18, 5GS_Ph1',
      url: null, // no page address known: links are not guessed
    });
  });
});

describe('pages that are not a TdocsByAgenda list', () => {
  it('reports a changed layout for a page without the document table', () => {
    const page = Buffer.from('<html><body><table><tr><td>AI</td><td>Subject</td></tr></table></body></html>');
    expect(() => parseTdocsByAgenda(page)).toThrow(LayoutChangedError);
  });

  it('reports a changed layout when the Source column is gone', () => {
    const page = Buffer.from(
      '<table><tr><td>AI</td><td>TD#</td><td>Subject</td><td>Result</td></tr><tr><td>2</td><td>S2-2400001</td><td>x</td><td>Noted</td></tr></table>',
    );
    expect(() => parseTdocsByAgenda(page)).toThrow(/no "source" column/);
  });
});

describe('SA2#128 (2018: <TH> headers, "Title", the meeting named only above the table; excerpt)', () => {
  const listing = parseTdocsByAgenda(read('sa2_TdocsByAgenda_SA2-128_2018-07-13.excerpt.htm'));

  it('reads the rows and names the meeting from the heading', () => {
    expect(listing.meeting?.name).toBe('SA2#128');
    expect(listing.contributions.map((c) => [c.ref, c.status, c.revisionOf, c.revisedTo])).toEqual([
      ['S2-186305', 'approved', null, null],
      ['S2-186306', 'revised', null, 'S2-187293'],
      ['S2-187293', 'approved', 'S2-186306', null],
      ['S2-186368', 'noted', null, null],
    ]);
    expect(listing.contributions[3]).toMatchObject({ title: expect.stringMatching(/^LS from ETSI NTECH: /), sourceText: 'ETSI NTECH (NTECH(18)000006)', type: 'LS IN' });
  });
});

describe('a page cut short', () => {
  it('is refused as truncated rather than read in part', () => {
    const whole = read('sa2_TdocsByAgenda_SA2-164_2024-08-19.htm');
    expect(() => parseTdocsByAgenda(whole.subarray(0, Math.floor(whole.length * 0.6)))).toThrow(/the file is truncated/);
  });

  it('agrees with the total the page states at its end', () => {
    for (const name of ['sa2_TdocsByAgenda_SA2-137e_2020-02-29.htm', 'sa2_TdocsByAgenda_SA2-155_2023-02-14_browser-saved.htm', 'sa2_TdocsByAgenda_SA2-164_2024-08-19.htm']) {
      expect(parseTdocsByAgenda(read(name)).warnings).toEqual([]);
    }
  });
});
