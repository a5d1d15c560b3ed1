// IEEE Mentor as the IEEE source sees it: the 802.11 listing pages rebuilt from real rows (see
// test/fixtures/ieee/RECONSTRUCTED.md), served at their real URL paths. The same server also stands
// for www.ieee802.org: the working groups' pages with their officers tables (also reconstructed).
import { fixture } from './app.js';
import { startFixtureServer, type FixtureRoute, type FixtureServer } from './fixture-server.js';

export const IEEE_ROUTES: Record<string, FixtureRoute> = {
  '/802.11/documents?n=1': { file: fixture('ieee', 'mentor-802.11-documents-n1.reconstructed.html') },
  '/802.11/documents?n=2': { file: fixture('ieee', 'mentor-802.11-documents-n2.reconstructed.html') },
};

export const IEEE802_OFFICER_ROUTES: Record<string, FixtureRoute> = {
  '/11/': { file: fixture('ieee', 'ieee802-11-officers-2016-09-09.reconstructed.html') },
  '/15/': { file: fixture('ieee', 'ieee802-15-officers-2016-09-09.reconstructed.html') },
  '/1/': { file: fixture('ieee', 'ieee802-1-officers-2017-07-15.reconstructed.html') },
};

export function startIeeeSite(overrides: Record<string, FixtureRoute> = {}): Promise<FixtureServer> {
  return startFixtureServer({ ...IEEE_ROUTES, ...IEEE802_OFFICER_ROUTES, ...overrides });
}
