// Files other than the work plan may name addresses too (a researcher's roster of officers, a Word-made
// listing's properties): they are archived without them, saying so, and no seat or run keeps one. The
// officers are those of the 2023 election articles (roster-example_tsg-officers_2023.csv); their
// addresses are made up, in spellings the published files use.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { positions, rawDocuments, scrapeRuns } from '../../db/schema.js';
import { importFile, recordImportRun } from '../../scrapers/pipeline/import.js';
import { fixture, tempDir, testApp, type TestApp } from '../support/app.js';
import { personalDataKept } from '../support/privacy-scan.js';
import { workbook } from '../support/workbook.js';

const EVIDENCE = 'https://www.3gpp.org/news-events/3gpp-news/tsg-ran-election';
const HEADER = 'group,role,name,organization,Organizational Partner,from,to,evidence';

function saved(name: string, bytes: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

const archivedOf = (app: TestApp) => {
  const [doc] = app.db.select().from(rawDocuments).all();
  return { doc: doc!, bytes: app.archive.read(doc!.storagePath) };
};

describe('a roster that gives its officers’ addresses', () => {
  const csv = [
    HEADER,
    `RAN,chair,Wanshi CHEN <wanshi.chen@qti.qualcomm.com>,Qualcomm Incorporated,ATIS,2023-03-20,,${EVIDENCE}`,
    `RAN,vice-chair,Nan HU,CMCC (nan.hu at chinamobile.com),CCSA,2023-03-20,,${EVIDENCE}`,
    '',
  ].join('\n');

  it('stores the seats with the officers and companies, and no address', () => {
    const app = testApp();
    importFile(app, saved('ran-officers.csv', csv), {});
    const seats = app.db.select({ person: positions.person, holder: positions.sourceRaw, evidence: positions.evidenceUrl }).from(positions).orderBy(positions.role).all();
    expect(seats).toEqual([
      { person: 'Wanshi CHEN', holder: 'Qualcomm Incorporated', evidence: EVIDENCE },
      { person: 'Nan HU', holder: 'CMCC', evidence: EVIDENCE },
    ]);
    expect(personalDataKept(app, [])).toEqual([]);
  });

  it('archives the file with each address replaced, every other byte as published, and the published sha256 and size', () => {
    const app = testApp();
    importFile(app, saved('ran-officers.csv', csv), {});
    const { doc, bytes } = archivedOf(app);
    expect(bytes.toString('utf-8')).toBe(csv.replace('wanshi.chen@qti.qualcomm.com', 'e-mail-removed').replace('nan.hu at chinamobile.com', 'e-mail-removed'));
    expect(doc).toMatchObject({
      redaction: 'e-mail addresses removed (each replaced by "e-mail-removed")',
      publishedSha256: crypto.createHash('sha256').update(csv).digest('hex'),
      publishedSize: Buffer.byteLength(csv),
    });
  });

  it('in a workbook: archives a new workbook of its values, without the address', () => {
    const app = testApp();
    const book = workbook({
      Officers: [
        ['Working group', 'Position', 'Name', 'Organisation', 'OP', 'Since', 'Until', 'Source'],
        ['TSG RAN', 'Chairman', 'Wanshi CHEN', 'Qualcomm Incorporated', 'ATIS', '2023-03-20', '', EVIDENCE],
        ['TSG RAN', 'Vice Chairman', 'Nan HU, nan.hu(at)chinamobile.com', 'CMCC', 'CCSA', '2023-03-20', '', EVIDENCE],
      ],
    });
    importFile(app, saved('ran-officers.xlsx', book), {});
    expect(app.db.select({ person: positions.person }).from(positions).orderBy(positions.role).all()).toEqual([{ person: 'Wanshi CHEN' }, { person: 'Nan HU' }]);
    const { doc } = archivedOf(app);
    expect(doc.redaction).toBe('e-mail addresses removed (each replaced by "e-mail-removed"); the workbook written anew with its sheets\' values only');
    expect(doc.publishedSha256).toBe(crypto.createHash('sha256').update(book).digest('hex'));
    expect(personalDataKept(app, [])).toEqual([]);
  });

  it('without an address, is archived as published', () => {
    const app = testApp();
    const example = fixture('3gpp', 'roster-example_tsg-officers_2023.csv');
    importFile(app, example, {});
    const { doc, bytes } = archivedOf(app);
    expect(bytes.equals(fs.readFileSync(example))).toBe(true);
    expect(doc).toMatchObject({ redaction: null, publishedSha256: null, publishedSize: null });
  });
});

describe('a contribution listing', () => {
  it("is archived without the address a Word-made page gives in its properties, and reads as the file does", () => {
    const app = testApp();
    const file = fixture('3gpp', 'sa2_TdocsByAgenda_SA2-137e_2020-02-29.htm');
    const result = importFile(app, file, { url: 'https://www.3gpp.org/ftp/tsg_sa/WG2_Arch/TSGS2_137e_Electronic/TdocsByAgenda.htm' });
    // 713 documents, as the page's "Total documents: 713" says (its expected file).
    expect(result.seen).toBe(713);
    const { doc, bytes } = archivedOf(app);
    // The page's one address is its last author's, in the document properties (<o:LastAuthor>).
    const published = fs.readFileSync(file, 'latin1');
    expect(bytes.toString('latin1')).toBe(published.replace('johannes.achter@magenta.at', 'e-mail-removed'));
    expect(doc.redaction).toBe('e-mail addresses removed (each replaced by "e-mail-removed")');
  });
});

describe('what a run records', () => {
  it('keeps no address that an error or a warning quotes', () => {
    const app = testApp();
    recordImportRun(app.db, {
      source: 'import',
      trigger: 'import',
      startedAt: '2026-01-05T10:00:00.000Z',
      files: 1,
      status: 'failed',
      error: 'roster.csv: row 2: group "jane.roe@ericsson.com" is not a 3GPP group stdwatch knows',
      documents: [{ url: 'file:roster.csv', records: 0, warnings: ['row 3: organization "Jane Roe (jane dot roe at nokia dot com)"'] }],
    });
    const [run] = app.db.select().from(scrapeRuns).where(eq(scrapeRuns.source, 'import')).all();
    expect(run!.error).toBe('roster.csv: row 2: group "e-mail-removed" is not a 3GPP group stdwatch knows');
    expect(JSON.parse(run!.details!).documents[0].warnings).toEqual(['row 3: organization "Jane Roe (e-mail-removed)"']);
  });
});
