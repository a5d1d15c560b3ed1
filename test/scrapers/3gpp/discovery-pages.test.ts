// The pages discovery walks: meeting index → folder listings (two styles). The listing fixtures are real
// captures; the meeting index is reconstructed from real values (see test/fixtures/3gpp/RECONSTRUCTED.md).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meetingName, meetingOfFolder, meetingOfUrl, groupCodeOfName, groupOfRef } from '../../../domain/groups/3gpp.js';
import { parseDirectoryListing } from '../../../scrapers/3gpp/parse-directory-listing.js';
import { fileServerUrl, parseMeetingIndex } from '../../../scrapers/3gpp/parse-meeting-index.js';
import { LayoutChangedError } from '../../../scrapers/errors.js';
import { fixture } from '../../support/app.js';

const read = (name: string) => fs.readFileSync(fixture('3gpp', name));

describe('3GPP directory listings', () => {
  it('reads the ASP.NET style (SA2#137-e meeting folder, 2020)', () => {
    const listing = parseDirectoryListing(
      read('ftp_listing_2020_tsg_sa_WG2_Arch_TSGS2_137e_Electronic.htm'),
      'https://www.3gpp.org/ftp/tsg_sa/WG2_Arch/TSGS2_137e_Electronic/',
    );
    expect(listing.style).toBe('aspnet');
    expect(listing.entries.map((e) => e.name)).toEqual([
      'Agenda',
      'Docs',
      'Inbox',
      'Invitation',
      'Report',
      'S2-137E_Agenda.htm',
      'SA2-137E_Index_2020.zip',
      'TdocsByAgenda.htm',
      'TdocsByAgenda_02-24-0000.doc',
    ]);
    expect(listing.entries.filter((e) => e.isDirectory).map((e) => e.name)).toEqual(['Agenda', 'Docs', 'Inbox', 'Invitation', 'Report']);
    expect(listing.entries.find((e) => e.name === 'TdocsByAgenda.htm')).toEqual({
      name: 'TdocsByAgenda.htm',
      url: 'https://www.3gpp.org/ftp/tsg_sa/WG2_Arch/TSGS2_137e_Electronic/TdocsByAgenda.htm',
      isDirectory: false,
      modified: '2020-02-24T05:49',
      size: Math.round(851.3 * 1024), // "851,3 KB"
    });
  });

  it('reads the IIS <pre> style with directories (Specs/latest/Rel-16, 2019)', () => {
    const listing = parseDirectoryListing(read('ftp_listing_2019_iis_Specs_latest_Rel-16.htm'), 'https://www.3gpp.org/ftp/Specs/latest/Rel-16/');
    expect(listing.style).toBe('iis');
    expect(listing.entries).toHaveLength(32);
    expect(listing.entries[0]).toEqual({
      name: '21_series',
      url: 'https://www.3gpp.org/ftp/Specs/latest/Rel-16/21_series/',
      isDirectory: true,
      modified: '2019-03-29T14:19',
      size: null,
    });
  });

  it('reads the IIS <pre> style with files and relative links (36 series, 120 files)', () => {
    const listing = parseDirectoryListing(
      read('ftp_listing_2019_iis_Specs_latest_Rel-13_36_series.html'),
      'https://www.3gpp.org/ftp/Specs/latest/Rel-13/36_series/',
    );
    expect(listing.entries).toHaveLength(120);
    expect(listing.entries[0]).toEqual({
      name: '36101-de0.zip',
      url: 'https://www.3gpp.org/ftp/Specs/latest/Rel-13/36_series/36101-de0.zip',
      isDirectory: false,
      modified: '2019-01-16T17:06',
      size: 4606170,
    });
  });

  it('says so when a page is not a listing at all', () => {
    expect(() => parseDirectoryListing(Buffer.from('<html><title>Login</title><body>Sign in</body></html>'), 'https://www.3gpp.org/ftp/')).toThrow(
      LayoutChangedError,
    );
  });
});

describe('the meeting index (reconstructed)', () => {
  const url = 'https://www.3gpp.org/dynareport?code=Meetings-RP.htm';
  const meetings = parseMeetingIndex(read('dynareport_Meetings-RP.reconstructed.htm'), url);

  it('reads each meeting with its days, town and folder', () => {
    expect(meetings.map((m) => m.name)).toEqual(['RAN#110', 'RAN#108', 'RAN#106', 'RAN#104', 'RAN#90-e']);
    expect(meetings.find((m) => m.name === 'RAN#104')).toEqual({
      group: { code: 'RAN', name: 'TSG RAN' },
      code: 'RP-104',
      name: 'RAN#104',
      startDate: '2024-06-17',
      endDate: '2024-06-20',
      town: 'Shanghai',
      folderUrl: 'https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_104/',
    });
  });

  it('turns the backslashed links into file-server URLs', () => {
    expect(fileServerUrl('/../../../\\ftp\\TSG_SA\\TSG_SA\\TSGS_102_Edinburgh_2023-12\\\\docs\\', url)).toBe(
      'https://www.3gpp.org/ftp/TSG_SA/TSG_SA/TSGS_102_Edinburgh_2023-12/docs/',
    );
  });

  it('reports a changed layout when no row has a meeting and two days', () => {
    expect(() => parseMeetingIndex(Buffer.from('<table><tr><td>RP-104</td><td>soon</td></tr></table>'), url)).toThrow(LayoutChangedError);
  });
});

describe("3GPP's naming", () => {
  it.each([
    ['RAN', '104', 'RAN#104'],
    ['RAN', '90e', 'RAN#90-e'],
    ['RAN', '90-e', 'RAN#90-e'],
    ['SA2', '137E', 'SA2#137-e'],
    ['SA2', '137e_Electronic', 'SA2#137-e'],
    ['SA2', '155_Athens_2023-02', 'SA2#155'],
    ['RAN1', '116b', 'RAN1#116-bis'],
    ['RAN1', '116bis', 'RAN1#116-bis'],
    ['RAN1', '104b-e', 'RAN1#104-bis-e'],
  ])('%s meeting "%s" is %s', (group, label, name) => {
    expect(meetingName(group, label)).toBe(name);
  });

  it('reads group and meeting off folders and URLs', () => {
    expect(meetingOfFolder('TSGR1_116b')).toEqual({ group: { code: 'RAN1', name: 'RAN WG1 (radio layer 1)' }, meeting: 'RAN1#116-bis' });
    expect(meetingOfFolder('Docs')).toBeNull();
    expect(meetingOfUrl('https://www.3gpp.org/ftp/TSG_RAN/TSG_RAN/TSGR_104/Docs/RP-240861.zip')).toMatchObject({
      meeting: 'RAN#104',
      folderUrl: 'https://www.3gpp.org/ftp/TSG_RAN/TSG_RAN/TSGR_104/',
    });
  });

  it('reads the group of a document number and of a group name in a source', () => {
    expect(groupOfRef('S2-2001774')?.code).toBe('SA2');
    expect(groupOfRef('RP-240861')?.code).toBe('RAN');
    expect(groupOfRef('XX-240861')).toBeNull();
    expect(['RAN4', 'RAN WG4', 'TSG RAN', 'SA WG2', 'TSG SA WG2', 'CT', 'ct1'].map(groupCodeOfName)).toEqual(['RAN4', 'RAN4', 'RAN', 'SA2', 'SA2', 'CT', 'CT1']);
    expect(['RAN ITU-R AH', 'Samsung', 'RAN6'].map(groupCodeOfName)).toEqual([null, null, null]);
  });
});
