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

  it.each<[string, string, string, string, string]>([
    // Nokia owned Alcatel-Lucent from the settlement of its exchange offer (2016-01-07), a week before
    // the two began to work as one group (2016-01-14).
    ['Alcatel-Lucent', '2016-01-06', 'Alcatel-Lucent', 'Alcatel-Lucent', 'FR'],
    ['Alcatel-Lucent', '2016-01-07', 'Alcatel-Lucent', 'Nokia', 'FI'],
    ['Alcatel Bell', '2005-03-01', 'Nokia Bell', 'Alcatel', 'FR'],
    ['Bell Labs', '2005-01-01', 'Nokia Bell Labs', 'Lucent Technologies', 'US'],
    ['Lucent Technologies Bell Labs', '2004-01-01', 'Nokia Bell Labs', 'Lucent Technologies', 'US'],
    ['Alcatel-Lucent Bell Labs', '2010-05-10', 'Nokia Bell Labs', 'Alcatel-Lucent', 'FR'],
    ['Motorola Mobility', '2010-09-01', 'Motorola Mobility', 'Motorola', 'US'],
    // Bare "T-Mobile" was Deutsche Telekom's mobile arm before T-Mobile USA had that name (2002).
    ['T-Mobile', '2000-12-01', 'T-Mobile International', 'Deutsche Telekom', 'DE'],
    ['T-Mobile', '2010-06-10', 'T-Mobile International', 'Deutsche Telekom', 'DE'],
    ['One2One', '2000-07-24', 'T-Mobile UK', 'Deutsche Telekom', 'DE'],
    ['T-Mobile UK', '2008-02-11', 'T-Mobile UK', 'Deutsche Telekom', 'DE'],
    ['T-Mobile UK', '2012-05-21', 'T-Mobile UK', 'EE', 'GB'],
    ['Orange UK', '2005-03-01', 'Orange UK', 'Orange', 'FR'],
    ['Orange UK', '2016-06-01', 'Orange UK', 'BT', 'GB'],
    ['T-Mobile Netherlands', '2015-03-09', 'Odido', 'Deutsche Telekom', 'DE'],
    ['O2 Germany', '2004-05-10', 'Telefónica Germany', 'O2', 'GB'],
    ['O2 Germany', '2023-06-01', 'Telefónica Germany', 'Telefónica', 'ES'],
    ['Mannesmann Mobilfunk', '2000-01-10', 'Vodafone Germany', 'Mannesmann', 'DE'],
    ['Mannesmann Mobilfunk', '2000-12-01', 'Vodafone Germany', 'Vodafone', 'GB'],
    ['Vodafone D2', '2005-03-01', 'Vodafone Germany', 'Vodafone', 'GB'],
    // SoftBank Corp. is the company that was J-Phone and Vodafone K.K.
    ['J-Phone', '2001-06-01', 'SoftBank', 'Japan Telecom', 'JP'],
    ['J-Phone', '2003-06-02', 'SoftBank', 'Vodafone', 'GB'],
    ['Vodafone K.K.', '2005-03-01', 'Vodafone', 'Vodafone', 'GB'],
    ['SoftBank Mobile', '2008-06-02', 'SoftBank', 'SoftBank Group', 'JP'],
    ['Japan Telecom', '2000-08-21', 'Japan Telecom', 'Japan Telecom', 'JP'],
    // IPWireless was based in San Bruno, California; NextWave's from 2007-05-11.
    ['IPWireless', '2005-03-01', 'IPWireless', 'IPWireless', 'US'],
    ['IPwireless', '2009-05-30', 'IPWireless', 'NextWave Wireless', 'US'],
    ['Flarion Technologies', '2005-06-01', 'Flarion Technologies', 'Flarion Technologies', 'US'],
    ['Flarion Technologies', '2006-06-01', 'Flarion Technologies', 'Qualcomm', 'US'],
    ['Sun', '2005-03-14', 'Sun Microsystems', 'Sun Microsystems', 'US'],
    ['Gemplus', '2003-12-05', 'Gemplus', 'Gemplus', 'FR'],
    ['Gemplus', '2007-01-01', 'Gemplus', 'Gemalto', 'NL'],
    ['Axalto', '2004-03-05', 'Gemalto', 'Schlumberger', 'US'],
    ['Axalto', '2005-01-10', 'Gemalto', 'Gemalto', 'NL'],
    ['Wind', '2008-06-02', 'Wind Tre', 'Wind Tre', 'IT'],
    ['Wind', '2013-01-28', 'Wind Tre', 'VEON', 'NL'],
    ['Dish Network', '2023-06-14', 'Dish Network', 'Dish Network', 'US'],
    ['Dish Network', '2024-06-10', 'Dish Network', 'EchoStar', 'US'],
    ['Boost Mobile', '2019-03-04', 'Boost Mobile', 'SoftBank Group', 'JP'],
    // Avago bought Broadcom on 2016-02-01 and, as Broadcom Limited, stayed in Singapore until 2018-04-04.
    ['Broadcom', '2012-05-21', 'Broadcom', 'Broadcom', 'US'],
    ['Broadcom', '2017-05-15', 'Broadcom', 'Avago Technologies', 'SG'],
    ['Broadcom', '2019-03-04', 'Broadcom', 'Broadcom', 'US'],
    ['CSR', '2012-05-21', 'CSR', 'CSR', 'GB'],
    ['LG-Ericsson', '2011-02-21', 'Ericsson-LG', 'Ericsson', 'SE'],
    // A joint venture no owner controlled alone (Siemens', then Nokia's 51 %, jointly run with Huawei).
    ['TD Tech', '2008-02-20', 'TD Tech', 'TD Tech', 'CN'],
  ])('%j on %s counts for %s, owned by %s (%s)', (raw, date, organization, parent, country) => {
    expect(on(raw, date)).toEqual([[organization, parent, country]]);
  });

  it('counts O2 Germany for Germany on the entity basis, and never for Virgin Media O2', () => {
    expect(on('O2 Germany', '2023-06-01', 'entity')).toEqual([['Telefónica Germany', 'Telefónica', 'DE']]);
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
