// What the TDoc list parser does with what is not a TDoc list as published. The real lists themselves
// (RAN#90-e, #102, #104, RAN1#104-e) are read against their hand-checked records in
// test/fixtures/3gpp/*.expected.json (test/scrapers/fixtures.test.ts).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTdocList } from '../../../scrapers/3gpp/parse-tdoc-list.js';
import { LayoutChangedError, UnreadableInputError } from '../../../scrapers/errors.js';
import { fixture } from '../../support/app.js';
import { workbook } from '../../support/workbook.js';

const read = (name: string) => fs.readFileSync(fixture('3gpp', name));

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
