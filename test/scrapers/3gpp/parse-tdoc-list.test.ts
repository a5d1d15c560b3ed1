// The TDoc list workbooks of the RAN plenary, read as published. Expected values were read off the
// files independently (unzip + the sheet XML, outside this code) and checked by hand.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTdocList } from '../../../scrapers/3gpp/parse-tdoc-list.js';
import { LayoutChangedError, UnreadableInputError } from '../../../scrapers/errors.js';
import { fixture } from '../../support/app.js';
import { workbook } from '../../support/workbook.js';

const read = (name: string) => fs.readFileSync(fixture('3gpp', name));
const countBy = <T>(items: T[], key: (t: T) => string | null) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item) ?? 'null'] = (counts[key(item) ?? 'null'] ?? 0) + 1;
  return counts;
};

describe('TDoc list of RAN#104 (36-column generation, 2024)', () => {
  const listing = parseTdocList(read('TDoc_List_Meeting_RAN#104.xlsx'), { fileName: 'TDoc_List_Meeting_RAN#104.xlsx' });

  it('has every one of its 830 document rows', () => {
    expect(listing.contributions).toHaveLength(830);
    expect(listing.warnings).toEqual([]);
  });

  it('counts the statuses as the file does', () => {
    expect(countBy(listing.contributions, (c) => c.status)).toEqual({
      approved: 382,
      noted: 278,
      revised: 81,
      'not treated': 31,
      merged: 23,
      withdrawn: 18,
      'partially approved': 8,
      endorsed: 3,
      agreed: 2,
      'not pursued': 2,
      'replied to': 1,
      postponed: 1,
    });
  });

  it('knows the group and meeting from the document links, and the days and town from the agenda', () => {
    expect(listing.group.code).toBe('RAN');
    expect(listing.meeting).toEqual({
      name: 'RAN#104',
      startDate: '2024-06-17',
      endDate: '2024-06-20',
      town: 'Shanghai, China',
      folderUrl: 'https://www.3gpp.org/ftp/TSG_RAN/TSG_RAN/TSGR_104/',
    });
  });

  it('reads a row as published: Excel serial upload date, revision links, document link', () => {
    const agenda = listing.contributions.find((c) => c.ref === 'RP-241122');
    expect(agenda).toEqual({
      ref: 'RP-241122',
      title: 'Revised agenda for meeting RAN #104 held 17.06.-20.06.2024 in Shanghai, China',
      type: 'agenda',
      docFor: 'Approval',
      status: 'approved',
      date: '2024-06-05', // Uploaded 45448.887 (the reservation text says 05/06/2024: day first)
      agendaItem: '3',
      release: null,
      workItems: null,
      sourceText: 'RAN chair (Qualcomm)',
      url: 'https://www.3gpp.org/ftp/TSG_RAN/TSG_RAN/TSGR_104/Docs/RP-241122.zip',
      revisionOf: 'RP-240885',
      revisedTo: null,
    });
    const report = listing.contributions.find((c) => c.ref === 'RP-240863')!;
    expect(report.sourceText).toBe('RAN1 chair (Samsung)');
    expect(report.date).toBe('2024-06-12');
    expect(report.docFor).toBeNull();
  });
});

describe('TDoc list of RAN#90-e (31-column generation, 2020)', () => {
  const listing = parseTdocList(read('TDoc_List_Meeting_RAN#90-e.xlsx'), { fileName: 'TDoc_List_Meeting_RAN#90-e.xlsx' });

  it('matches the older columns by name', () => {
    expect(listing.contributions).toHaveLength(813);
    expect(countBy(listing.contributions, (c) => c.status)).toMatchObject({ noted: 363, approved: 270, revised: 95, withdrawn: 38, postponed: 15 });
  });

  it('names the e-meeting as 3GPP does, with its days', () => {
    expect(listing.meeting).toMatchObject({ name: 'RAN#90-e', startDate: '2020-12-07', endDate: '2020-12-11', town: null });
  });

  it('reads serial dates in both date columns', () => {
    const agenda = listing.contributions.find((c) => c.ref === 'RP-202123')!;
    expect(agenda.date).toBe('2020-11-16'); // Uploaded 44151.384
    expect(agenda.sourceText).toBe('RAN chairman (Nokia)');
    const draft = listing.contributions.find((c) => c.ref === 'RP-202124')!;
    expect(draft.revisedTo).toBe('RP-202823');
  });
});

describe('TDoc list of RAN#102, the largest', () => {
  it('has its 1,380 rows', () => {
    const listing = parseTdocList(read('TDoc_List_Meeting_RAN#102.xlsx'));
    expect(listing.contributions).toHaveLength(1380);
    expect(listing.meeting?.name).toBe('RAN#102');
    // Distinct refs: no row read twice.
    expect(new Set(listing.contributions.map((c) => c.ref)).size).toBe(1380);
  });
});

describe('input that is not a TDoc list', () => {
  it('refuses an empty file', () => {
    expect(() => parseTdocList(new Uint8Array())).toThrow(new UnreadableInputError('the file is empty'));
  });

  it('refuses a truncated workbook, saying so', () => {
    const whole = read('TDoc_List_Meeting_RAN#104.xlsx');
    expect(() => parseTdocList(whole.subarray(0, 200_000))).toThrow(/truncated/);
  });

  it('refuses a file that is not a workbook', () => {
    expect(() => parseTdocList(Buffer.from('TDoc,Title,Source\nRP-1,x,y\n'))).toThrow(UnreadableInputError);
  });

  it('reports a changed layout when the Source column is gone', () => {
    const bytes = workbook({
      TDoc_List: [
        ['TDoc', 'Title', 'Origin', 'TDoc Status'],
        ['RP-240001', 'A title', 'Huawei', 'noted'],
      ],
    });
    expect(() => parseTdocList(bytes)).toThrow(LayoutChangedError);
    expect(() => parseTdocList(bytes)).toThrow(/no "source" column/);
  });
});

describe('a list saved under another sheet name', () => {
  it('is read from the first sheet that has the columns of a document list', () => {
    const listing = parseTdocList(
      workbook({
        Info: [['About this export'], ['3GPP portal']],
        Export: [
          ['TDoc', 'Title', 'Source', 'TDoc Status'],
          ['RP-240863', 'Status Report RAN WG1', 'RAN1 chair (Samsung)', 'noted'],
        ],
      }),
    );
    expect(listing.contributions.map((c) => [c.ref, c.sourceText, c.status])).toEqual([['RP-240863', 'RAN1 chair (Samsung)', 'noted']]);
    expect(listing.warnings).toContain('no Parameters sheet: statuses not checked against the official vocabulary');
  });
});
