// A small database with hand-made contributions, for report tests whose expectations are computed by
// hand (see the comments in test/server/reports.test.ts).
import { storeListing } from '../../db/contributions.js';
import type { ParsedContribution, ParsedListing } from '../../domain/types.js';
import { testApp, type TestApp } from './app.js';

const c = seededContribution;
const listing = seededListing;

/** A hand-made RAN contribution (the seeded database's, and other tests' stores over it). */
export function seededContribution(ref: string, sourceText: string, status: string | null, date: string | null): ParsedContribution {
  return {
    ref,
    title: `Contribution ${ref}`,
    type: 'discussion',
    docFor: 'Decision',
    status,
    date,
    agendaItem: '9',
    release: null,
    workItems: null,
    sourceText,
    url: `https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/${ref}.zip`,
    revisionOf: null,
    revisedTo: null,
  };
}

/** A hand-made TSG RAN listing of one meeting. */
export function seededListing(meeting: string, startDate: string | null, contributions: ParsedContribution[]): ParsedListing {
  return {
    body: '3gpp',
    format: 'test',
    group: { code: 'RAN', name: 'TSG RAN' },
    meeting: { name: meeting, startDate, endDate: null, town: null, folderUrl: null },
    contributions,
    warnings: [],
  };
}

export function seededApp(): TestApp {
  const app = testApp();
  storeListing(
    app.db,
    app.resolver,
    listing('RAN#104', '2024-06-17', [
      c('RP-240001', 'Huawei, HiSilicon', 'approved', '2024-06-01'),
      c('RP-240002', 'Huawei, Ericsson', 'noted', '2024-06-02'),
      c('RP-240003', 'ZTE, Sanechips, Nokia, Nokia Shanghai Bell', 'withdrawn', '2024-06-03'),
      c('RP-240004', 'RAN1 Chair (Samsung)', 'agreed', '2024-06-04'),
      c('RP-240005', 'CMCC', 'revised', '2024-06-05'),
      c('RP-240007', 'Fainity Innovation', 'noted', '2024-06-07'), // a real name from RP-250898, not in the registry
    ]),
    { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' },
  );
  storeListing(app.db, app.resolver, listing('RAN#106', '2024-12-09', [c('RP-240006', 'Motorola Mobility', 'not treated', '2024-12-01')]), {
    rawDocumentId: null,
    seenAt: '2024-12-20T00:00:00Z',
  });
  return app;
}
