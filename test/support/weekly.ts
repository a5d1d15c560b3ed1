// A small database spread over weeks, for the digest, watchlist, feed and search tests. Every figure
// the tests expect is worked out by hand from this table (ISO weeks: 2025-W07 is Mon 10 – Sun 16 Feb
// 2025; W06 is 3–9 Feb; the 12-week baseline before W07 is 2024-W47 to 2025-W06, 18 Nov 2024 – 9 Feb 2025):
//
//   ref        group date        source cell              title
//   RP-250001  RAN   2025-02-10  Huawei, HiSilicon        NB-IoT coverage enhancement           W07
//   RP-250002  RAN   2025-02-12  Ericsson                 RedCap power saving                   W07
//   RP-250003  RAN   2025-02-16  Huawei, Nokia            <script>alert("x")</script> & NR positioning   W07
//   RP-250004  RAN   2025-02-14  Fainity Innovation (unresolved)     Discussion on network energy saving   W07
//   RP-250005  RAN   2025-02-13  RAN4 Chair (Apple)       Status report of RAN4                 W07
//   S2-250001  SA2   2025-02-11  ZTE                      Security of IoT devices               W07
//   RP-250010  RAN   2025-02-03  Ericsson                 NR-NTN mobility                       W06
//   RP-250011  RAN   2025-02-09  Ericsson, Nokia          Ambient IoT study                     W06
//   RP-250020  RAN   2024-12-02  Ericsson                 Positioning accuracy                  W49 (baseline)
//   RP-250021  RAN   2024-11-18  Huawei                   XR capacity                           W47 (baseline, first day)
//   RP-250022  RAN   2024-11-17  Huawei                   XR power                              W46 (before the baseline)
//   RP-250023  RAN   2025-01-06  Samsung                  AI/ML beam management                 W02 (baseline)
//   RP-250024  RAN   2025-01-07  Samsung                  AI/ML positioning                     W02 (baseline)
//   RP-250030  RAN   2025-02-17  Ericsson                 Later work                            W08 (after)
import { storeListing } from '../../db/contributions.js';
import { scrapeRuns } from '../../db/schema.js';
import type { ParsedContribution, ParsedListing } from '../../domain/types.js';
import type { Db } from '../../db/client.js';
import type { Resolver } from '../../domain/resolve/resolve.js';
import { testApp, type TestApp } from './app.js';

export type Row = [ref: string, date: string, sourceText: string, title: string];

const RAN: Row[] = [
  ['RP-250001', '2025-02-10', 'Huawei, HiSilicon', 'NB-IoT coverage enhancement'],
  ['RP-250002', '2025-02-12', 'Ericsson', 'RedCap power saving'],
  ['RP-250003', '2025-02-16', 'Huawei, Nokia', '<script>alert("x")</script> & NR positioning'],
  ['RP-250004', '2025-02-14', 'Fainity Innovation', 'Discussion on network energy saving'],
  ['RP-250005', '2025-02-13', 'RAN4 Chair (Apple)', 'Status report of RAN4'],
  ['RP-250010', '2025-02-03', 'Ericsson', 'NR-NTN mobility'],
  ['RP-250011', '2025-02-09', 'Ericsson, Nokia', 'Ambient IoT study'],
  ['RP-250020', '2024-12-02', 'Ericsson', 'Positioning accuracy'],
  ['RP-250021', '2024-11-18', 'Huawei', 'XR capacity'],
  ['RP-250022', '2024-11-17', 'Huawei', 'XR power'],
  ['RP-250023', '2025-01-06', 'Samsung', 'AI/ML beam management'],
  ['RP-250024', '2025-01-07', 'Samsung', 'AI/ML positioning'],
  ['RP-250030', '2025-02-17', 'Ericsson', 'Later work'],
];
const SA2: Row[] = [['S2-250001', '2025-02-11', 'ZTE', 'Security of IoT devices']];

export function weeklyContribution([ref, date, sourceText, title]: Row): ParsedContribution {
  return {
    ref,
    title,
    type: 'discussion',
    docFor: 'Decision',
    status: 'noted',
    date,
    agendaItem: '9',
    release: null,
    workItems: null,
    sourceText,
    url: `https://www.3gpp.org/ftp/Docs/${ref}.zip`,
    revisionOf: null,
    revisedTo: null,
  };
}

export function weeklyListing(code: string, name: string, rows: Row[]): ParsedListing {
  return { body: '3gpp', format: 'test', group: { code, name }, meeting: null, contributions: rows.map(weeklyContribution), warnings: [] };
}

export function weeklyApp(): TestApp {
  const app = testApp();
  fillWeekly(app.db, app.resolver);
  return app;
}

/** Stores the table above (and three runs) into any database: the CLI tests use a file. */
export function fillWeekly(db: Db, resolver: Resolver): void {
  const app = { db, resolver };
  const options = { rawDocumentId: null, seenAt: '2025-02-18T00:00:00Z' };
  storeListing(app.db, app.resolver, weeklyListing('RAN', 'TSG RAN', RAN), options);
  storeListing(app.db, app.resolver, weeklyListing('SA2', 'SA WG2', SA2), options);
  // Runs of W07: one fine, one failed (Sunday night); the Monday after is outside the week.
  const run = (startedAt: string, status: 'ok' | 'failed', error: string | null) =>
    app.db.insert(scrapeRuns).values({ source: '3gpp:tdocs', trigger: 'schedule', startedAt, finishedAt: startedAt, status, error }).run();
  run('2025-02-10T06:00:00.000Z', 'ok', null);
  run('2025-02-16T23:00:00.000Z', 'failed', 'www.3gpp.org could not be reached');
  run('2025-02-17T06:00:00.000Z', 'ok', null);
}
