// The reconstructed ITU pages (test/fixtures/itu/RECONSTRUCTED.md), served at their real URL paths.
// Groups the excerpts hold no values for get ITU's empty listing and officer pages.
import { fixture } from './app.js';
import { startFixtureServer, type FixtureRoute, type FixtureServer } from './fixture-server.js';

const itu = (name: string): FixtureRoute => ({ file: fixture('itu', name) });

const GROUPS = { '17': [2, 3, 5, 9, 11, 12, 13, 15, 16, 17, 20], '22': [2, 3, 5, 9, 11, 12, 13, 15, 16, 17, 20] };

export function ituRoutes(): Record<string, FixtureRoute> {
  const routes: Record<string, FixtureRoute> = {
    '/en/ITU-T/studygroups/2017-2020/Pages/default.aspx': itu('studygroups_2017-2020.reconstructed.html'),
    '/en/ITU-T/studygroups/2022-2024/Pages/default.aspx': itu('studygroups_2022-2024.reconstructed.html'),
  };
  for (const [period, numbers] of Object.entries(GROUPS)) {
    for (const folder of [...numbers.map((n) => `SG${n}`), 'TSAG']) {
      for (const kind of ['C', 'TD']) routes[`/md/meetingdoc.asp?lang=en&parent=T${period}-${folder}-${kind}`] = itu('meetingdoc_empty.reconstructed.html');
    }
    for (const n of numbers) {
      routes[`/net4/ITU-T/lists/mgmt.aspx?Group=${n}&Period=${period}`] = itu('mgmt_empty.reconstructed.html');
      routes[`/net4/ITU-T/lists/loqr.aspx?Group=${n}&Period=${period}`] = itu('loqr_empty.reconstructed.html');
    }
  }
  routes['/md/meetingdoc.asp?lang=en&parent=R19-WP5D-C'] = itu('meetingdoc_R19-WP5D-C.reconstructed.html');
  routes['/md/meetingdoc.asp?lang=en&parent=T17-SG20-TD'] = itu('meetingdoc_T17-SG20-TD.reconstructed.html');
  routes['/md/meetingdoc.asp?lang=en&parent=T17-TSAG-TD'] = itu('meetingdoc_T17-TSAG-TD.reconstructed.html');
  routes['/md/meetingdoc.asp?lang=en&parent=T22-TSAG-TD'] = itu('meetingdoc_T22-TSAG-TD.reconstructed.html');
  routes['/md/meetingdoc.asp?lang=en&parent=T22-SG17-C'] = itu('meetingdoc_T22-SG17-C.reconstructed.html');
  routes['/net4/ITU-T/lists/mgmt.aspx?Group=20&Period=17'] = itu('mgmt_Group20_Period17.reconstructed.html');
  return routes;
}

export function startItuSite(overrides: Record<string, FixtureRoute> = {}): Promise<FixtureServer> {
  return startFixtureServer({ ...ituRoutes(), ...overrides });
}
