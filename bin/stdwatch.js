#!/usr/bin/env node
// The `stdwatch` command: the build's JavaScript (dist/, made by `npm run build`; `npm install` and
// `npm start` make it too), run by Node alone. A build older than the sources is refused with the
// reason rather than run: what would run is not the code in the checkout. `npm run dev` runs the
// TypeScript sources through tsx, without a build.
import { staleness } from './build.js';

const stale = staleness();
if (stale) {
  process.stderr.write(`stdwatch: ${stale}: run \`npm run build\` first (or \`npm run dev\` to run the sources through tsx)\n`);
  process.exit(1);
}
await import('../dist/cli/main.js');
