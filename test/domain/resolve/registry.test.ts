// The registry as data: the committed files load cleanly, and a broken record is refused with a reason.
import { describe, expect, it } from 'vitest';
import { RegistryError, buildRegistry, loadRegistry, ultimateParent } from '../../../domain/resolve/registry.js';

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

  // Closing dates of the acquisitions, as in the records' notes: Google bought Motorola Mobility on
  // 2012-05-22 and sold it to Lenovo on 2014-10-30; Viasat closed Inmarsat on 2023-05-30; SES closed
  // Intelsat on 2025-07-17; Nokia took Alcatel-Lucent (and with it Shanghai Bell) in January 2016.
  it.each<[string, string, string]>([
    ['motorola-mobility', '2012-05-21', 'motorola-mobility'],
    ['motorola-mobility', '2013-06-01', 'alphabet'],
    ['motorola-mobility', '2014-10-29', 'alphabet'],
    ['motorola-mobility', '2014-10-30', 'lenovo'],
    ['inmarsat', '2023-05-29', 'inmarsat'],
    ['inmarsat', '2023-05-30', 'viasat'],
    ['intelsat', '2024-01-01', 'intelsat'],
    ['intelsat', '2025-09-01', 'ses'],
    ['nokia-shanghai-bell', '2015-06-01', 'alcatel-lucent'],
    ['nokia-shanghai-bell', '2016-06-01', 'nokia'],
    ['sprint', '2015-01-01', 'softbank-group'],
    ['sprint', '2021-01-01', 'deutsche-telekom'],
  ])('dates ownership: %s on %s belongs to %s', (slug, date, owner) => {
    expect(ultimateParent(registry, slug, date).slug).toBe(owner);
  });

  it('uses today\'s owner when no date is given', () => {
    expect(ultimateParent(registry, 'motorola-mobility').slug).toBe('lenovo');
  });
});

describe('a registry with mistakes', () => {
  it('is refused when a record does not fit the schema, naming the file and the field', () => {
    const files = [{ name: 'bad.yaml', content: [{ slug: 'acme', name: 'Acme', kind: 'company', country: 'XX' }] }];
    expect(() => buildRegistry(files)).toThrow(RegistryError);
    expect(() => buildRegistry(files)).toThrow('bad.yaml: organizations.0.country: an ISO 3166-1 alpha-2 code');
  });

  it('names a former parent that does not exist, and a date that is not one', () => {
    const attempt = (content: unknown[]) => () => buildRegistry([{ name: 'r.yaml', content }]);
    expect(attempt([{ slug: 'acme', name: 'Acme', kind: 'company', formerParents: [{ parent: 'acme-holding', until: '2014-10-30' }] }])).toThrow(
      'acme: former parent "acme-holding" is not defined',
    );
    expect(attempt([{ slug: 'acme', name: 'Acme', kind: 'company', formerParents: [{ parent: null, until: '30.10.2014' }] }])).toThrow(
      'r.yaml: organizations.0.formerParents.0.until: must be a date YYYY-MM-DD',
    );
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
