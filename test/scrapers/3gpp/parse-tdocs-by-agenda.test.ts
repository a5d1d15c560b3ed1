// What the TdocsByAgenda parser does with pages that are not one, or are cut short. The real SA2 pages
// (Word-made HTML in windows-1252, one re-saved by a browser, headers that changed across years) are
// read against their hand-checked records in test/fixtures/3gpp/*.expected.json.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTdocsByAgenda } from '../../../scrapers/3gpp/parse-tdocs-by-agenda.js';
import { LayoutChangedError } from '../../../scrapers/errors.js';
import { fixture } from '../../support/app.js';

const read = (name: string) => fs.readFileSync(fixture('3gpp', name));

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

describe('a page cut short', () => {
  it('is refused as truncated rather than read in part', () => {
    const whole = read('sa2_TdocsByAgenda_SA2-164_2024-08-19.htm');
    expect(() => parseTdocsByAgenda(whole.subarray(0, Math.floor(whole.length * 0.6)))).toThrow(/the file is truncated/);
  });
});
