// The privacy scan the work plan's tests rely on (test/support/privacy-scan.ts) finds what it is
// meant to find: without this, a scan that found nothing would pass every "no address kept" test.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { personalDataKept } from '../support/privacy-scan.js';
import { testApp } from '../support/app.js';

describe('the privacy scan', () => {
  it('finds nothing where nothing was planted', () => {
    expect(personalDataKept(testApp(), ['Jane'])).toEqual([]);
  });

  it('finds an address in each spelling and a name, in a column, an archived text file and a workbook inside the archive', () => {
    const app = testApp();
    const planted = [
      'jane.roe@ericsson.com',
      'jane.roe%40ericsson.com',
      'jane.roe&#64;ericsson.com',
      'jane (at) chinamobile (dot) com',
      'jane.roe at huawei.com',
    ];
    app.db.$client.prepare('insert into meta (key, value) values (?, ?)').run('planted', planted.join(' | '));
    fs.mkdirSync(app.archive.dir, { recursive: true });
    fs.writeFileSync(path.join(app.archive.dir, 'page.htm'), '<td>Rapporteur: Jane Roe</td>');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['WI rapporteur e-mail'], ['jane[at]nokia.com']]), 'Sheet1');
    fs.writeFileSync(path.join(app.archive.dir, 'plan.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const found = personalDataKept(app, ['Jane']).map((f) => `${f.where.replace(/\[.*\]$/, '[…]')}: ${f.what}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'meta.value: address (@)',
        'meta.value: address (%40)',
        'meta.value: address (&#64;)',
        'meta.value: address ((at) [at] <at> {at})',
        'meta.value: address (x at y.z)',
        'meta.value: name Jane',
        'archive:page.htm: name Jane',
        'archive:plan.xlsx[…]: address ((at) [at] <at> {at})',
      ]),
    );
  });

  it('takes a name as a word: "Livia" is not found in "Bolivia"', () => {
    const app = testApp();
    app.db.$client.prepare('insert into meta (key, value) values (?, ?)').run('country', 'Bolivia');
    expect(personalDataKept(app, ['Livia'])).toEqual([]);
  });
});
