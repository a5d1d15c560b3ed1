// Storing officer pages: seats matched per (basis, scope), dates filled in but never erased, seats a
// current-holders page no longer shows closed rather than deleted, and holders re-resolved with the
// registry. Names and affiliations from 3GPP's RAN#99 election news (March 2023).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organizations, positions } from '../../db/schema.js';
import { storeRoster } from '../../db/seats.js';
import type { ParsedPosition, ParsedRoster } from '../../domain/types.js';
import { testApp } from '../support/app.js';

const RAN = { code: 'RAN', name: 'TSG RAN' };
const EVIDENCE = 'https://www.3gpp.org/news-events/3gpp-news/ran-elections';

function seat(person: string, sourceText: string, role: ParsedPosition['role'], from: string | null = '2023-03-20'): ParsedPosition {
  return { group: RAN, role, person, sourceText, country: null, from, to: null, detail: null, evidenceUrl: EVIDENCE };
}

function roster(positionsShown: ParsedPosition[], scope = 'RAN'): ParsedRoster {
  return { body: '3gpp', format: 'test', basis: 'test-officers', scope, positions: positionsShown, warnings: [] };
}

const RAN_99 = [
  seat('Wanshi CHEN', 'Qualcomm Incorporated', 'chair'),
  seat('Ronald BORSATO', 'AT&T', 'vice-chair'),
  seat('Nan HU', 'CMCC', 'vice-chair'),
  seat('Axel KLATT', 'Deutsche Telekom AG', 'vice-chair'),
];

function storedSeats(app: ReturnType<typeof testApp>) {
  return app.db
    .select({ person: positions.person, role: positions.role, from: positions.fromDate, to: positions.toDate, parent: organizations.slug })
    .from(positions)
    .leftJoin(organizations, eq(organizations.id, positions.parentId))
    .where(and(eq(positions.basis, 'test-officers')))
    .orderBy(positions.id)
    .all();
}

describe('storing an officer page', () => {
  it('stores each seat with its resolved holder, and storing it again changes nothing', () => {
    const app = testApp();
    expect(storeRoster(app.db, app.resolver, roster(RAN_99), { rawDocumentId: null, seenDate: '2023-03-21' })).toEqual({ seen: 4, new: 4, changed: 0 });
    expect(storedSeats(app)).toEqual([
      { person: 'Wanshi CHEN', role: 'chair', from: '2023-03-20', to: null, parent: 'qualcomm' },
      { person: 'Ronald BORSATO', role: 'vice-chair', from: '2023-03-20', to: null, parent: 'at-and-t' },
      { person: 'Nan HU', role: 'vice-chair', from: '2023-03-20', to: null, parent: 'china-mobile' },
      { person: 'Axel KLATT', role: 'vice-chair', from: '2023-03-20', to: null, parent: 'deutsche-telekom' },
    ]);
    expect(storeRoster(app.db, app.resolver, roster(RAN_99), { rawDocumentId: null, seenDate: '2023-04-01' })).toEqual({ seen: 4, new: 0, changed: 0 });
    expect(storedSeats(app)).toHaveLength(4);
  });

  it('keeps a known start date when a later page does not give one', () => {
    const app = testApp();
    storeRoster(app.db, app.resolver, roster(RAN_99), { rawDocumentId: null, seenDate: '2023-03-21' });
    storeRoster(app.db, app.resolver, roster(RAN_99.map((p) => ({ ...p, from: null }))), { rawDocumentId: null, seenDate: '2023-05-01' });
    expect(storedSeats(app).map((s) => s.from)).toEqual(['2023-03-20', '2023-03-20', '2023-03-20', '2023-03-20']);
  });

  it('closes, and never deletes, a seat a current-holders page stops showing', () => {
    const app = testApp();
    storeRoster(app.db, app.resolver, roster(RAN_99), { rawDocumentId: null, seenDate: '2023-03-21' });
    const withoutKlatt = RAN_99.filter((p) => p.person !== 'Axel KLATT');
    expect(storeRoster(app.db, app.resolver, roster(withoutKlatt), { rawDocumentId: null, seenDate: '2024-01-10', closeMissing: true }))
      .toEqual({ seen: 3, new: 0, changed: 1 });
    expect(storedSeats(app).find((s) => s.person === 'Axel KLATT')).toMatchObject({ to: '2024-01-10', parent: 'deutsche-telekom' });
    expect(storedSeats(app).filter((s) => s.to === null)).toHaveLength(3);
  });

  it('leaves the seats of another scope alone', () => {
    const app = testApp();
    storeRoster(app.db, app.resolver, roster(RAN_99), { rawDocumentId: null, seenDate: '2023-03-21' });
    storeRoster(app.db, app.resolver, roster([], 'SA'), { rawDocumentId: null, seenDate: '2023-03-22', closeMissing: true });
    expect(storedSeats(app).filter((s) => s.to === null)).toHaveLength(4);
  });
});
