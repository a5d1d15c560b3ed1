// E-mail addresses in the spellings the published files use (the 3GPP work plan writes them all; the
// people here are made up, the spellings are the file's), and the words that only look like them.
import { describe, expect, it } from 'vitest';
import { ADDRESS_REMOVED, findAddresses, hasAddress, removeAddresses, withoutAddresses } from '../../domain/email-addresses.js';

describe('an e-mail address, however it is written', () => {
  it.each<[string, string, string]>([
    // [text, the address as written, its domain]
    ['jane.roe@ericsson.com', 'jane.roe@ericsson.com', 'ericsson.com'],
    ['Jane Roe (jane.roe@qti.qualcomm.com)', 'jane.roe@qti.qualcomm.com', 'qti.qualcomm.com'],
    ['john.doe @ericsson.com', 'john.doe @ericsson.com', 'ericsson.com'],
    ['jane.roe at huawei.com', 'jane.roe at huawei.com', 'huawei.com'],
    ['jane.roe(at)huawei.com', 'jane.roe(at)huawei.com', 'huawei.com'],
    ['jane (at) chinamobile (dot) com', 'jane (at) chinamobile (dot) com', 'chinamobile.com'],
    ['jane[dot]roe[at]ericsson[dot]com', 'jane[dot]roe[at]ericsson[dot]com', 'ericsson.com'],
    ['jane.roe [at] intel dot com', 'jane.roe [at] intel dot com', 'intel.com'],
    ['jane <dot> roe <at> ericsson <dot> com', 'jane <dot> roe <at> ericsson <dot> com', 'ericsson.com'],
    ['jane.roe<AT>alcatel-lucent<DOT>com', 'jane.roe<AT>alcatel-lucent<DOT>com', 'alcatel-lucent.com'],
    ['jane dot roe at zte dot com dot cn', 'jane dot roe at zte dot com dot cn', 'zte.com.cn'],
    // The work plan's rows 699 and 1165 (e-mail column): the domain's dot between spaces.
    ['redacted@ericsson . com ', 'redacted@ericsson . com', 'ericsson.com'],
    ['Jane Roe (jane.roe@chinamobile . com . cn)', 'jane.roe@chinamobile . com . cn', 'chinamobile.com.cn'],
    // A sentence's end is no spaced dot.
    ['mail jane.roe@nokia.com . Then call', 'jane.roe@nokia.com', 'nokia.com'],
    // HTML and URLs: `&lt;at&gt;`, `&#64;`, `%40`.
    ['jane &lt;dot&gt; roe &lt;at&gt; nokia &lt;dot&gt; com', 'jane &lt;dot&gt; roe &lt;at&gt; nokia &lt;dot&gt; com', 'nokia.com'],
    ['<a href="mailto:jane&#64;nokia.com">', 'jane&#64;nokia.com', 'nokia.com'],
    ['/api/v1/person/email/jane%40example.org/', 'jane%40example.org', 'example.org'],
    // Run on into the next note, or cut short by the file.
    ['Rap eMail: ->jane dot roe at mediatek dot com13/7/22: ...', 'jane dot roe at mediatek dot com13', 'mediatek.com13'],
    ['Rap eMail: ->jane.roe@thalesaleniaspace....', 'jane.roe@thalesaleniaspace', 'thalesaleniaspace'],
    ['Josée Rö <josée.rö@orange.fr>', 'josée.rö@orange.fr', 'orange.fr'],
  ])('%s', (text, written, domain) => {
    expect(findAddresses(text)).toEqual([{ written, domain }]);
  });

  it.each<[string, string[]]>([
    // A spaced dot never carries one address into the next.
    ['x@foo . Jane.Doe@ericsson.com', ['foo', 'ericsson.com']],
    ['a@b . John.Smith at nokia.com', ['b', 'nokia.com']],
    ['x (at) foo . Jane.Doe (at) ericsson.com', ['foo', 'ericsson.com']],
    ['x@foo . jane (at) ericsson.com', ['foo', 'ericsson.com']],
    ['jane@ericsson.com . bob.jones@nokia.com', ['ericsson.com', 'nokia.com']],
    // Nor a domain written with a tight dot into the words after it.
    ['redacted@ericsson.com . see note 3', ['ericsson.com']],
    ['x@huawei.com . 请联系', ['huawei.com']],
  ])('%s: each address apart', (text, domains) => {
    expect(findAddresses(text).map((a) => a.domain)).toEqual(domains);
    expect(removeAddresses(removeAddresses(text))).toBe(removeAddresses(text));
    expect(removeAddresses(text)).not.toMatch(/@|\(at\)| at /);
  });

  it('finds every address of a cell that names several', () => {
    expect(findAddresses('jane.roe[at]mediatek.com, john.doe[at]qti.qualcomm.com,jo.ro[at]vivo.com').map((a) => a.domain)).toEqual([
      'mediatek.com',
      'qti.qualcomm.com',
      'vivo.com',
    ]);
  });
});

describe('words that only look like an address', () => {
  it.each([
    'stopped at SA#77',
    'approved at TP-11.',
    'Stopped at 0% completion',
    'Define new AT cmd for URI addresses',
    'Val Oprescu, AT&T',
    'downlink interruption for NR and EN-DC band combinations at dynamic Tx Switching',
    'SIPTO at the Local Network',
    'completed at RAN #75',
    'information can be found at: http://www.infopro.or.jp',
    'meeting at www.3gpp.org',
    '@font-face { font-family: Wingdings }',
    'follow @3GPPLive',
    'completed at RAN . next meeting',
  ])('%s', (text) => {
    expect(findAddresses(text)).toEqual([]);
    expect(hasAddress(text)).toBe(false);
    expect(removeAddresses(text)).toBe(text);
  });
});

describe('taking addresses out', () => {
  it('replaces each address by a mark in a document, and keeps every other character', () => {
    expect(removeAddresses('mail jane.roe@nokia . com . Then call john (at) zte . com')).toBe(`mail ${ADDRESS_REMOVED} . Then call ${ADDRESS_REMOVED}`);
    expect(removeAddresses('redacted@ericsson.com . see note 3')).toBe(`${ADDRESS_REMOVED} . see note 3`);
    expect(removeAddresses('Rapporteur: Thales->Jane Roe, Thales; Rap eMail: ->jane.roe@thalesaleniaspace.com; 9/12/22')).toBe(
      `Rapporteur: Thales->Jane Roe, Thales; Rap eMail: ->${ADDRESS_REMOVED}; 9/12/22`,
    );
  });

  it('leaves a value to store without the address, the mark of one, or the brackets they leave', () => {
    expect(withoutAddresses('Doe, John <john.doe@huawei.com>')).toBe('Doe, John');
    expect(withoutAddresses('Jane Roe (mailto:jane.roe@ericsson.com), Ericsson')).toBe('Jane Roe, Ericsson');
    expect(withoutAddresses(`Jane Roe (${ADDRESS_REMOVED})`)).toBe('Jane Roe');
    expect(withoutAddresses('Jane Roe, jane.roe(at)chinamobile.com')).toBe('Jane Roe');
    expect(withoutAddresses('Huawei Technologies Co., Ltd')).toBe('Huawei Technologies Co., Ltd');
  });
});
