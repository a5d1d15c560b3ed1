// A real RAN1 list, one the registry was not seeded from: RAN WG1's e-meeting #104-e (Jan-Feb 2021,
// 2,273 contributions; test/fixtures/3gpp/TDoc_List_TSGR1_104-e.xlsx), where moderators sign their
// summaries "Moderator (NTT DOCOMO, INC.)". Counts checked by hand against the file's Source column.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../scrapers/formats.js';
import { loadRegistry } from '../../../domain/resolve/registry.js';
import { createResolver } from '../../../domain/resolve/resolve.js';

const FILE = new URL('../../fixtures/3gpp/TDoc_List_TSGR1_104-e.xlsx', import.meta.url);
const { contributions } = parseFile(fs.readFileSync(FILE), { fileName: 'TDoc_List_TSGR1_104-e.xlsx' });
const resolver = createResolver(loadRegistry());
const sources = contributions.flatMap((c) => resolver.atDate(resolver.sourcesOf(c.sourceText), c.date));

describe('when the RAN1#104-e list is read', () => {
  it('has its 2,273 contributions', () => {
    expect(contributions).toHaveLength(2273);
  });

  it('attributes every source mention to an organization', () => {
    expect(sources.filter((s) => !s.organization).map((s) => s.name)).toEqual([]);
  });

  it('counts NTT DOCOMO once in each of the 72 cells that name it, the 13 moderator cells among them', () => {
    // 72 Source cells contain "DOCOMO"; 13 read "Moderator (NTT DOCOMO, INC.)" exactly.
    const docomo = sources.filter((s) => s.organization?.slug === 'ntt-docomo');
    expect(docomo).toHaveLength(72);
    expect(docomo.filter((s) => s.raw === 'Moderator (NTT DOCOMO, INC.)' && s.role === 'moderator')).toHaveLength(13);
    expect(sources.filter((s) => s.name.trim().toUpperCase() === 'INC.')).toEqual([]);
  });

  it("counts Chengdu TD Tech's 4 contributions for TD Tech, in China", () => {
    // TD Tech was Nokia's (51 %) and Huawei's joint venture, controlled by neither alone.
    const tdTech = sources.filter((s) => s.organization?.slug === 'chengdu-td-tech');
    expect(tdTech).toHaveLength(4);
    expect(tdTech.map((s) => [s.parent?.name, s.parent?.country])).toEqual(Array(4).fill(['TD Tech', 'CN']));
  });
});
