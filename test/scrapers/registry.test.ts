// The registry as data: the committed files load cleanly, and a broken record is refused with a reason.
import { describe, expect, it } from 'vitest';
import { RegistryError, buildRegistry, loadRegistry, ultimateParent } from '../../scrapers/resolve/registry.js';

describe('the committed registry', () => {
  const registry = loadRegistry();

  it('loads: every parent defined, no loops, no name claimed by two organizations, valid countries', () => {
    expect(registry.organizations.size).toBeGreaterThan(350);
  });

  it('rolls subsidiaries up to their ultimate parent', () => {
    const top = (slug: string) => ultimateParent(registry, slug).slug;
    expect(['hisilicon', 'futurewei'].map(top)).toEqual(['huawei', 'huawei']);
    expect(top('sanechips')).toBe('zte');
    expect(top('motorola-mobility')).toBe('lenovo');
    expect(top('nokia-shanghai-bell')).toBe('nokia');
    expect(registry.organizations.get('nokia-shanghai-bell')?.country).toBe('CN'); // its own country
  });
});

describe('a registry with mistakes', () => {
  it('is refused when a record does not fit the schema, naming the file and the field', () => {
    const files = [{ name: 'bad.yaml', content: [{ slug: 'acme', name: 'Acme', kind: 'company', country: 'XX' }] }];
    expect(() => buildRegistry(files)).toThrow(RegistryError);
    expect(() => buildRegistry(files)).toThrow('bad.yaml: organizations.0.country: an ISO 3166-1 alpha-2 code');
  });

  it('names a parent that does not exist, a loop, and a name claimed twice', () => {
    const attempt = (content: unknown[]) => () => buildRegistry([{ name: 'r.yaml', content }]);
    expect(attempt([{ slug: 'acme-labs', name: 'Acme Labs', kind: 'company', parent: 'acme-group' }])).toThrow('acme-labs: parent "acme-group" is not defined');
    expect(
      attempt([
        { slug: 'loop-a', name: 'Loop A', kind: 'company', parent: 'loop-b' },
        { slug: 'loop-b', name: 'Loop B', kind: 'company', parent: 'loop-a' },
      ]),
    ).toThrow(/parent chain loops/);
    expect(
      attempt([
        { slug: 'intel', name: 'Intel', kind: 'company' },
        { slug: 'intelsat', name: 'Intelsat', kind: 'company', aliases: ['Intel Corporation'] },
      ]),
    ).toThrow('"Intel Corporation" (key "intel") names both intel and intelsat');
  });
});
