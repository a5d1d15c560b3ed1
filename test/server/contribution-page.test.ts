// /api/contributions pages filtered by group start at the group's first matching id (a bound read off
// the (group, date) index) and keep their keyset paging: the refs below are the table of
// test/support/weekly.ts, RAN stored first (ids 1–14 in table order), then SA2 (id 15).
import { describe, expect, it } from 'vitest';
import { contributionPage } from '../../server/reports/contributions.js';
import { weeklyApp } from '../support/weekly.js';

describe('a filtered contributions page', () => {
  const app = weeklyApp();

  it('pages through a group since a date in id order, 2 at a time', () => {
    const pages: string[][] = [];
    let after: number | undefined;
    for (;;) {
      const page = contributionPage(app.db, { group: 'RAN', from: '2025-02-10' }, { after, limit: 2 });
      pages.push(page.items.map((i) => i.ref));
      if (page.next === null) break;
      after = page.next;
    }
    // RAN rows dated 10 Feb 2025 or later, in table order; the two after RP-250005 (RP-250010, -011)
    // and the five baseline rows are earlier, RP-250030 (17 Feb) is last.
    expect(pages).toEqual([['RP-250001', 'RP-250002'], ['RP-250003', 'RP-250004'], ['RP-250005', 'RP-250030'], []]);
  });

  it('finds a group whose rows all come after the other groups\', and nothing past them', () => {
    expect(contributionPage(app.db, { group: 'SA2' }, { limit: 10 }).items.map((i) => i.ref)).toEqual(['S2-250001']);
    const last = contributionPage(app.db, { group: 'SA2' }, { limit: 10 }).ids[0]!;
    expect(contributionPage(app.db, { group: 'SA2' }, { after: last, limit: 10 }).items).toEqual([]);
    expect(contributionPage(app.db, { group: 'SA2', from: '2025-03-01' }, { limit: 10 }).items).toEqual([]);
    // RAN up to 30 Nov 2024: RP-250021 (18 Nov) and RP-250022 (17 Nov), ids 9 and 10.
    expect(contributionPage(app.db, { group: 'RAN', to: '2024-11-30' }, { after: 3, limit: 10 }).items.map((i) => i.ref)).toEqual(['RP-250021', 'RP-250022']);
    expect(contributionPage(app.db, { group: 'RAN', to: '2024-11-30' }, { after: 9, limit: 10 }).items.map((i) => i.ref)).toEqual(['RP-250022']);
  });
});
