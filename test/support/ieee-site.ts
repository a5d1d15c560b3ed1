// IEEE Mentor as the IEEE source sees it: the 802.11 listing pages rebuilt from real rows (see
// test/fixtures/ieee/RECONSTRUCTED.md), served at their real URL paths.
import { fixture } from './app.js';
import { startFixtureServer, type FixtureRoute, type FixtureServer } from './fixture-server.js';

export const IEEE_ROUTES: Record<string, FixtureRoute> = {
  '/802.11/documents?n=1': { file: fixture('ieee', 'mentor-802.11-documents-n1.reconstructed.html') },
  '/802.11/documents?n=2': { file: fixture('ieee', 'mentor-802.11-documents-n2.reconstructed.html') },
};

export function startIeeeSite(overrides: Record<string, FixtureRoute> = {}): Promise<FixtureServer> {
  return startFixtureServer({ ...IEEE_ROUTES, ...overrides });
}
