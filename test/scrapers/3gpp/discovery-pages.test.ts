// The pages discovery walks: meeting index → folder listings (two styles), and 3GPP's naming of groups
// and meetings. What the parsers read off the real listings and the reconstructed meeting indexes is in
// their expected files (test/fixtures/3gpp/*.expected.json); here, what is not a page of theirs.
import { describe, expect, it } from 'vitest';
import { meetingName, meetingOfFolder, meetingOfUrl, groupCodeOfName, groupOfRef } from '../../../domain/groups/3gpp.js';
import { parseDirectoryListing } from '../../../scrapers/3gpp/parse-directory-listing.js';
import { fileServerUrl, parseMeetingIndex } from '../../../scrapers/3gpp/parse-meeting-index.js';
import { LayoutChangedError } from '../../../scrapers/errors.js';

describe('3GPP directory listings', () => {
  it('says so when a page is not a listing at all', () => {
    expect(() => parseDirectoryListing(Buffer.from('<html><title>Login</title><body>Sign in</body></html>'), 'https://www.3gpp.org/ftp/')).toThrow(
      LayoutChangedError,
    );
  });
});

describe('the meeting index', () => {
  const url = 'https://www.3gpp.org/dynareport?code=Meetings-RP.htm';

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
