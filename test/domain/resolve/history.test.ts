// The organizations of earlier years and who owned them then: a contribution counts for the owner at
// its own date, on the parent basis, and for the named entity's own country on the entity basis. The
// dates are those of registry/history.yaml and organizations.yaml (the day the acquisition closed or the
// joint venture was formed), checked by hand against the companies' public histories.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../domain/resolve/registry.js';
import { createResolver, sourceRecordOn } from '../../../domain/resolve/resolve.js';

const resolver = createResolver(loadRegistry());
const on = (raw: string, date: string, basis: 'parent' | 'entity' = 'parent') =>
  resolver.resolveSourceText(raw, date).map(sourceRecordOn(basis)).map((s) => [s.organization, s.parent, s.country]);

describe('ownership at the contribution date', () => {
  it.each<[string, string, string, string, string]>([
    // [raw, date, organization, ultimate parent that day, its country]
    ['Sierra Wireless, S.A.', '2018-06-01', 'Sierra Wireless', 'Sierra Wireless', 'CA'],
    ['Sierra Wireless, S.A.', '2023-01-11', 'Sierra Wireless', 'Sierra Wireless', 'CA'],
    ['Sierra Wireless, S.A.', '2023-01-12', 'Sierra Wireless', 'Semtech', 'US'],
    ['Sierra Wireless', '2024-03-01', 'Sierra Wireless', 'Semtech', 'US'],
    ['Nokia Siemens Networks', '2010-05-10', 'Nokia Solutions and Networks', 'Nokia', 'FI'],
    ['NSN', '2014-02-10', 'Nokia Solutions and Networks', 'Nokia', 'FI'],
    ['Alcatel-Lucent Shanghai Bell', '2014-05-19', 'Alcatel-Lucent Shanghai Bell', 'Alcatel-Lucent', 'FR'],
    ['Alcatel-Lucent Shanghai Bell', '2016-06-01', 'Alcatel-Lucent Shanghai Bell', 'Nokia', 'FI'],
    ['Alcatel Shanghai Bell', '2005-03-01', 'Alcatel-Lucent Shanghai Bell', 'Alcatel', 'FR'],
    ['Alcatel', '2005-03-01', 'Alcatel', 'Alcatel', 'FR'],
    ['Alcatel-Lucent', '2015-11-16', 'Alcatel-Lucent', 'Alcatel-Lucent', 'FR'],
    ['Alcatel-Lucent', '2016-01-14', 'Alcatel-Lucent', 'Nokia', 'FI'],
    ['Lucent Technologies', '2005-03-01', 'Lucent Technologies', 'Lucent Technologies', 'US'],
    ['Lucent Technologies', '2007-03-01', 'Lucent Technologies', 'Alcatel-Lucent', 'FR'],
    ['Nokia Shanghai Bell', '2019-01-21', 'Nokia Shanghai Bell', 'Nokia', 'FI'],
    ['Motorola', '2008-02-11', 'Motorola', 'Motorola', 'US'],
    // Google before Alphabet existed (2015) is Alphabet here: the registry keeps Google's group as one.
    ['Motorola Mobility', '2013-04-15', 'Motorola Mobility', 'Alphabet', 'US'],
    ['Motorola Mobility', '2015-02-09', 'Motorola Mobility', 'Lenovo', 'CN'],
    ['Freescale Semiconductor', '2003-05-12', 'Freescale Semiconductor', 'Motorola', 'US'],
    ['Freescale Semiconductor', '2010-05-10', 'Freescale Semiconductor', 'Freescale Semiconductor', 'US'],
    ['Sony Ericsson', '2008-02-11', 'Sony Ericsson', 'Sony Ericsson', 'SE'],
    ['Sony Ericsson', '2012-05-21', 'Sony Ericsson', 'Sony', 'JP'],
    ['ST-Ericsson', '2011-02-21', 'ST-Ericsson', 'ST-Ericsson', 'CH'],
    ['Infineon Technologies', '2009-05-04', 'Infineon', 'Infineon', 'DE'],
    ['Intel Mobile Communications', '2013-01-28', 'Intel Mobile Communications', 'Intel', 'US'],
    ['Intel Mobile Communications', '2020-02-24', 'Intel Mobile Communications', 'Apple', 'US'],
    ['Neul', '2013-11-11', 'Neul', 'Neul', 'GB'],
    ['Neul', '2015-03-09', 'Neul', 'Huawei', 'CN'],
    ['Straight Path Communications', '2017-05-15', 'Straight Path Communications', 'Straight Path Communications', 'US'],
    ['Straight Path Communications', '2018-05-21', 'Straight Path Communications', 'Verizon', 'US'],
    ['Clearwire', '2008-05-05', 'Clearwire', 'Clearwire', 'US'],
    ['Clearwire', '2010-05-10', 'Clearwire', 'Sprint', 'US'],
    ['Clearwire', '2015-03-09', 'Clearwire', 'SoftBank Group', 'JP'],
    ['Sprint', '2012-05-21', 'Sprint', 'Sprint', 'US'],
    ['Sprint', '2019-03-04', 'Sprint', 'SoftBank Group', 'JP'],
    ['Sprint', '2020-05-25', 'Sprint', 'Deutsche Telekom', 'DE'],
    ['LG-Nortel', '2008-02-11', 'LG-Nortel', 'Nortel', 'CA'],
    ['Ericsson-LG', '2012-05-21', 'Ericsson-LG', 'Ericsson', 'SE'],
    ['Spreadtrum Communications', '2012-05-21', 'Spreadtrum', 'Spreadtrum', 'CN'],
    ['Spreadtrum Communications', '2015-03-09', 'Spreadtrum', 'UNISOC', 'CN'],
    ['Continental Automotive', '2022-11-14', 'AUMOVIO', 'Continental', 'DE'],
    ['Continental Automotive', '2025-11-17', 'AUMOVIO', 'AUMOVIO', 'DE'],
    ['Honor', '2020-05-25', 'Honor', 'Huawei', 'CN'],
    ['Honor', '2022-05-09', 'Honor', 'Honor', 'CN'],
    ['Philips Semiconductors', '2005-03-01', 'NXP', 'Philips', 'NL'],
    ['Cingular Wireless', '2005-03-01', 'Cingular Wireless', 'AT&T', 'US'],
    ['Siemens', '2005-03-01', 'Siemens', 'Siemens', 'DE'],
    ['Nortel Networks', '2005-03-01', 'Nortel', 'Nortel', 'CA'],
  ])('%j on %s counts for %s, owned by %s (%s)', (raw, date, organization, parent, country) => {
    expect(on(raw, date)).toEqual([[organization, parent, country]]);
  });

  it('counts a 2014 Alcatel-Lucent Shanghai Bell contribution for France on the parent basis, China on the entity basis', () => {
    expect(on('Alcatel-Lucent Shanghai Bell', '2014-05-19', 'entity')).toEqual([['Alcatel-Lucent Shanghai Bell', 'Alcatel-Lucent', 'CN']]);
  });

  it('leaves a bare "Motorola" unresolved from the 2011 split on: it could be either successor', () => {
    expect(on('Motorola', '2011-01-04')).toEqual([[null, null, null]]);
    expect(on('Motorola', '2021-08-16')).toEqual([[null, null, null]]);
    expect(on('Motorola Solutions', '2021-08-16')).toEqual([['Motorola Solutions', 'Motorola Solutions', 'US']]);
  });

  it('keeps an undated mention of a name that stopped designating one organization', () => {
    const undated = resolver.atDate(resolver.sourcesOf('Motorola'), null);
    expect(undated.map((s) => s.organization?.name)).toEqual(['Motorola']);
  });
});
