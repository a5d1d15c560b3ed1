// Storing listings: idempotent on (body, ref), status changes kept as history, nothing deleted when a
// later listing no longer shows a document, and sources re-resolved when the registry changes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contributionSources, contributionStatusHistory, contributions, organizations, positions, scrapeRuns } from '../../db/schema.js';
import { applyRegistry } from '../../db/registry.js';
import { closeInterruptedRuns, finishRun, startRun } from '../../db/runs.js';
import { storeListing } from '../../db/contributions.js';
import { matchCondition } from '../../db/fts.js';
import { parseFile } from '../../scrapers/formats.js';
import { buildRegistry, loadRegistry, readRegistryFiles } from '../../domain/resolve/registry.js';
import { createResolver } from '../../domain/resolve/resolve.js';
import type { ParsedContribution, ParsedListing } from '../../domain/types.js';
import { testApp } from '../support/app.js';

function contribution(ref: string, overrides: Partial<ParsedContribution> = {}): ParsedContribution {
  return {
    ref,
    title: `Title of ${ref}`,
    type: 'discussion',
    docFor: 'Decision',
    status: null,
    date: null,
    agendaItem: '9.1',
    release: null,
    workItems: null,
    sourceText: 'Huawei, HiSilicon',
    url: null,
    revisionOf: null,
    revisedTo: null,
    ...overrides,
  };
}

function listing(contributions: ParsedContribution[]): ParsedListing {
  return {
    body: '3gpp',
    format: 'test',
    group: { code: 'RAN', name: 'TSG RAN' },
    meeting: { name: 'RAN#104', startDate: '2024-06-17', endDate: '2024-06-20', town: 'Shanghai', folderUrl: null },
    contributions,
    warnings: [],
  };
}

describe('storing a listing', () => {
  it('is idempotent: the same listing from the same raw document changes nothing', () => {
    const app = testApp();
    const raw = app.archive.store(Buffer.from('listing v1'), { url: 'https://example.invalid/list' });
    const first = storeListing(app.db, app.resolver, listing([contribution('RP-240001'), contribution('RP-240002')]), { rawDocumentId: raw.id, seenAt: '2024-06-01T00:00:00Z' });
    expect(first).toEqual({ seen: 2, new: 2, changed: 0 });
    const before = app.db.select().from(contributions).all();
    const again = storeListing(app.db, app.resolver, listing([contribution('RP-240001'), contribution('RP-240002')]), { rawDocumentId: raw.id, seenAt: '2024-06-02T00:00:00Z' });
    expect(again).toEqual({ seen: 2, new: 0, changed: 0 });
    expect(app.db.select().from(contributions).all()).toEqual(before);
  });

  it('dates a contribution without its own date by the meeting\'s first day', () => {
    const app = testApp();
    storeListing(app.db, app.resolver, listing([contribution('RP-240001')]), { rawDocumentId: null, seenAt: '2024-06-01T00:00:00Z' });
    expect(app.db.select({ date: contributions.date }).from(contributions).get()?.date).toBe('2024-06-17');
  });

  it('keeps a changed status as history and never deletes what a later listing omits', () => {
    const app = testApp();
    const v1 = app.archive.store(Buffer.from('v1'), { url: 'https://example.invalid/list' });
    const v2 = app.archive.store(Buffer.from('v2'), { url: 'https://example.invalid/list' });
    storeListing(app.db, app.resolver, listing([contribution('RP-240001', { status: 'available' }), contribution('RP-240002')]), {
      rawDocumentId: v1.id,
      seenAt: '2024-06-10T00:00:00Z',
    });
    const result = storeListing(app.db, app.resolver, listing([contribution('RP-240001', { status: 'agreed' })]), {
      rawDocumentId: v2.id,
      seenAt: '2024-06-20T00:00:00Z',
    });
    expect(result).toEqual({ seen: 1, new: 0, changed: 1 });
    expect(app.db.select({ ref: contributions.ref }).from(contributions).all().map((r) => r.ref)).toEqual(['RP-240001', 'RP-240002']);
    const agreed = app.db.select().from(contributions).where(eq(contributions.ref, 'RP-240001')).get()!;
    expect(agreed).toMatchObject({ status: 'agreed', outcome: 'accepted', rawDocumentId: v2.id, lastSeenAt: '2024-06-20T00:00:00Z' });
    const history = app.db
      .select({ status: contributionStatusHistory.status, seenAt: contributionStatusHistory.seenAt })
      .from(contributionStatusHistory)
      .where(eq(contributionStatusHistory.contributionId, agreed.id))
      .all();
    expect(history).toEqual([
      { status: 'available', seenAt: '2024-06-10T00:00:00Z' },
      { status: 'agreed', seenAt: '2024-06-20T00:00:00Z' },
    ]);
  });

  it('does not let an earlier capture without outcomes erase a known outcome', () => {
    const app = testApp();
    storeListing(app.db, app.resolver, listing([contribution('RP-240001', { status: 'approved' })]), { rawDocumentId: null, seenAt: '2024-06-21T00:00:00Z' });
    storeListing(app.db, app.resolver, listing([contribution('RP-240001', { status: null })]), { rawDocumentId: null, seenAt: '2024-06-22T00:00:00Z' });
    expect(app.db.select({ status: contributions.status }).from(contributions).get()?.status).toBe('approved');
  });

  it('stores sources in order with their shares and derives the seats they reveal', () => {
    const app = testApp();
    storeListing(
      app.db,
      app.resolver,
      listing([
        contribution('RP-240001', { sourceText: 'RAN1 chair (Samsung)', date: '2024-05-01' }),
        contribution('RP-240002', { sourceText: 'RAN1 Chair (Samsung), RAN2 Chair (MediaTek)', date: '2024-06-01' }),
      ]),
      { rawDocumentId: null, seenAt: '2024-06-01T00:00:00Z' },
    );
    const sources = app.db
      .select({ raw: contributionSources.raw, share: contributionSources.share, seat: contributionSources.seatGroup, org: organizations.name })
      .from(contributionSources)
      .innerJoin(organizations, eq(organizations.id, contributionSources.organizationId))
      .orderBy(contributionSources.contributionId, contributionSources.position)
      .all();
    expect(sources).toEqual([
      { raw: 'RAN1 chair (Samsung)', share: 1, seat: 'RAN1', org: 'Samsung' },
      { raw: 'RAN1 Chair (Samsung)', share: 0.5, seat: 'RAN1', org: 'Samsung' },
      { raw: 'RAN2 Chair (MediaTek)', share: 0.5, seat: 'RAN2', org: 'MediaTek' },
    ]);
    const seats = app.db.all<{ role: string; org: string; fromDate: string; toDate: string | null }>(sql`
      select p.role, o.name as org, p.from_date as fromDate, p.to_date as toDate
      from ${positions} p join ${organizations} o on o.id = p.organization_id order by o.name`);
    expect(seats).toEqual([
      { role: 'chair', org: 'MediaTek', fromDate: '2024-06-01', toDate: null },
      { role: 'chair', org: 'Samsung', fromDate: '2024-05-01', toDate: null },
    ]);
  });
});

describe('a registry change reaches stored sources without a re-scrape', () => {
  it('re-resolves every source when the registry content changes', () => {
    const registry = loadRegistry();
    const app = testApp(registry);
    storeListing(app.db, app.resolver, listing([contribution('RP-240001', { sourceText: 'Fainity Innovation, CATT' })]), { rawDocumentId: null, seenAt: '2024-06-01T00:00:00Z' });
    const names = () =>
      app.db
        .select({ name: contributionSources.name, org: organizations.name })
        .from(contributionSources)
        .leftJoin(organizations, eq(organizations.id, contributionSources.organizationId))
        .orderBy(contributionSources.position)
        .all();
    expect(names()).toEqual([
      { name: 'Fainity Innovation', org: null },
      { name: 'CATT', org: 'CATT' },
    ]);

    // A reviewer adds the organization to the registry's data; on the next start it is applied.
    const files = readRegistryFiles().map((file) =>
      file.name === 'organizations.yaml'
        ? { ...file, content: [...(file.content as object[]), { slug: 'fainity-innovation', name: 'Fainity Innovation', kind: 'company' }] }
        : file,
    );
    const edited = buildRegistry(files);
    const resolver = createResolver(edited);
    expect(applyRegistry(app.db, resolver)).toBe(true);
    expect(names()).toEqual([
      { name: 'Fainity Innovation', org: 'Fainity Innovation' },
      { name: 'CATT', org: 'CATT' },
    ]);
    expect(applyRegistry(app.db, resolver)).toBe(false); // unchanged registry: nothing to do
  });

  it('rewrites only the sources that resolve differently, ending as a store under the new registry would', () => {
    const cells = [
      contribution('RP-240001', { sourceText: 'Fainity Innovation, CATT', date: '2024-06-03' }),
      contribution('RP-240002', { sourceText: 'Huawei, HiSilicon', date: '2024-06-03' }),
      // Dated ownership (Google's parent in 2013, Lenovo's in 2015): unchanged by the edit below.
      contribution('RP-130001', { sourceText: 'Motorola Mobility', date: '2013-06-03' }),
      contribution('RP-150001', { sourceText: 'Motorola Mobility', date: '2015-03-09' }),
    ];
    const app = testApp(loadRegistry());
    storeListing(app.db, app.resolver, listing(cells), { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' });
    const rows = (db: typeof app.db) =>
      db.all<{ ref: string; position: number; name: string; org: string | null; parent: string | null; share: number; rowid: number }>(sql`
        select c.ref, s.position, s.name, o.slug as org, p.slug as parent, s.share, s.rowid as rowid
        from contribution_sources s join contributions c on c.id = s.contribution_id
        left join organizations o on o.id = s.organization_id left join organizations p on p.id = s.parent_id
        order by c.ref, s.position`);
    const before = rows(app.db);

    const files = readRegistryFiles().map((file) =>
      file.name === 'organizations.yaml'
        ? { ...file, content: [...(file.content as object[]), { slug: 'fainity-innovation', name: 'Fainity Innovation', kind: 'company' }] }
        : file,
    );
    const edited = buildRegistry(files);
    expect(applyRegistry(app.db, createResolver(edited))).toBe(true);
    const after = rows(app.db);

    // Only RP-240001's cell resolves differently: its rows are written again (new rowids), the others stay.
    const rewritten = after.filter((row) => !before.some((b) => b.rowid === row.rowid)).map((row) => row.ref);
    expect(new Set(rewritten)).toEqual(new Set(['RP-240001']));
    expect(after.find((row) => row.ref === 'RP-240001' && row.position === 0)).toMatchObject({ org: 'fainity-innovation', parent: 'fainity-innovation' });
    expect(after.filter((row) => row.ref.startsWith('RP-1')).map((row) => row.parent)).toEqual(['alphabet', 'lenovo']);
    // The same sources as the listing stored afresh under the edited registry.
    const fresh = testApp(edited);
    storeListing(fresh.db, fresh.resolver, listing(cells), { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' });
    const withoutRowid = (list: typeof after) => list.map(({ rowid: _rowid, ...row }) => row);
    expect(withoutRowid(after)).toEqual(withoutRowid(rows(fresh.db)));
  });
});

describe('owners at the contribution\'s date', () => {
  it('attributes a Motorola Mobility contribution of 2013 to Google\'s parent and one of 2015 to Lenovo', () => {
    const app = testApp();
    storeListing(
      app.db,
      app.resolver,
      listing([contribution('RP-130001', { sourceText: 'Motorola Mobility', date: '2013-06-03' }), contribution('RP-150001', { sourceText: 'Motorola Mobility', date: '2015-03-09' })]),
      { rawDocumentId: null, seenAt: '2015-03-20T00:00:00Z' },
    );
    const parents = app.db
      .select({ ref: contributions.ref, parent: organizations.slug })
      .from(contributionSources)
      .innerJoin(contributions, eq(contributions.id, contributionSources.contributionId))
      .innerJoin(organizations, eq(organizations.id, contributionSources.parentId))
      .orderBy(contributions.ref)
      .all();
    expect(parents).toEqual([
      { ref: 'RP-130001', parent: 'alphabet' },
      { ref: 'RP-150001', parent: 'lenovo' },
    ]);
  });
});

describe('runs interrupted by a stopped process', () => {
  it('are closed as failed on the next start; finished and live runs are left alone', () => {
    const app = testApp();
    const finished = startRun(app.db, '3gpp:tdocs', 'test');
    finishRun(app.db, finished, { status: 'ok', documentsFetched: 1, recordsSeen: 1, recordsNew: 1, recordsChanged: 0 });
    const live = startRun(app.db, '3gpp:tdocs', 'test'); // this process: still alive
    const orphan = startRun(app.db, '3gpp:tdocs', 'test');
    app.db.update(scrapeRuns).set({ pid: 2 ** 22 + 12345 }).where(eq(scrapeRuns.id, orphan)).run(); // no such process
    expect(closeInterruptedRuns(app.db)).toBe(1);
    const status = (id: number) => app.db.select().from(scrapeRuns).where(eq(scrapeRuns.id, id)).get();
    expect(status(finished)?.status).toBe('ok');
    expect(status(live)?.status).toBe('running');
    expect(status(orphan)).toMatchObject({ status: 'failed', error: 'interrupted: the process stopped before the run finished' });
  });
});

describe('seats read off source cells', () => {
  it('ends a chair\'s term when another holder is shown, and opens a new one when it returns', () => {
    const app = testApp();
    const meeting = (name: string, startDate: string, sourceText: string, ref: string) =>
      storeListing(
        app.db,
        app.resolver,
        { ...listing([contribution(ref, { sourceText, date: startDate })]), meeting: { name, startDate, endDate: null, town: null, folderUrl: null } },
        { rawDocumentId: null, seenAt: `${startDate}T00:00:00Z` },
      );
    meeting('RAN#90-e', '2020-12-07', 'RAN4 Chair (Apple)', 'RP-202001');
    meeting('RAN#92-e', '2021-06-14', 'RAN4 Chair (Huawei)', 'RP-211001');
    meeting('RAN#104', '2024-06-17', 'RAN4 Chair (Huawei), RAN1 vice-chair (Ericsson)', 'RP-241001');
    meeting('RAN#108', '2025-06-09', 'RAN4 Chair (Apple), RAN1 vice-chair (Huawei)', 'RP-251001');
    const seats = app.db.all<{ role: string; org: string; fromDate: string; toDate: string | null }>(sql`
      select p.role, o.name as org, p.from_date as fromDate, p.to_date as toDate
      from ${positions} p join ${organizations} o on o.id = p.organization_id order by p.role, p.from_date`);
    expect(seats).toEqual([
      { role: 'chair', org: 'Apple', fromDate: '2020-12-07', toDate: '2020-12-07' },
      { role: 'chair', org: 'Huawei', fromDate: '2021-06-14', toDate: '2024-06-17' },
      { role: 'chair', org: 'Apple', fromDate: '2025-06-09', toDate: null },
      // Vice-chairs sit side by side: Ericsson's term is not ended by Huawei's.
      { role: 'vice-chair', org: 'Ericsson', fromDate: '2024-06-17', toDate: '2024-06-17' },
      { role: 'vice-chair', org: 'Huawei', fromDate: '2025-06-09', toDate: null },
    ]);
  });
});

describe('the full-text index of stored contributions', () => {
  // No trigger indexes an insert (migration 0020): the store indexes a listing's new rows itself.
  it('holds every new row of a real listing, and a changed title, as a rebuild would', () => {
    const app = testApp();
    const file = path.join(fileURLToPath(new URL('../fixtures/3gpp/', import.meta.url)), 'TDoc_List_Meeting_RAN#102.xlsx');
    const parsed = parseFile(fs.readFileSync(file), { fileName: path.basename(file) });
    storeListing(app.db, app.resolver, parsed, { rawDocumentId: null, seenAt: '2023-12-01T00:00:00Z' });
    const matching = (text: string) => app.db.select({ ref: contributions.ref }).from(contributions).where(matchCondition(text)).all().map((r) => r.ref).sort();
    // Read off the list by hand: the one title with these words.
    expect(matching('Ambient IoT Devices Complexity')).toEqual(['RP-232867']);
    const renamed = { ...parsed, contributions: parsed.contributions.map((c) => (c.ref === 'RP-232867' ? { ...c, title: 'Zero-energy devices compared' } : c)) };
    storeListing(app.db, app.resolver, renamed, { rawDocumentId: null, seenAt: '2023-12-02T00:00:00Z' });
    expect(matching('Ambient IoT Devices Complexity')).toEqual([]);
    expect(matching('zero-energy')).toEqual(['RP-232867']);
    // FTS5's own check of an external-content index against its table: throws when they differ.
    expect(() => app.db.$client.exec("insert into contributions_fts (contributions_fts) values ('integrity-check')")).not.toThrow();
    expect(app.db.$client.prepare('select count(*) from contributions_fts').pluck().get()).toBe(1380);
  });
});
