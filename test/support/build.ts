// The build (dist/) that bin/stdwatch.js runs, made with the command `npm run build` runs. The tests that
// spawn `stdwatch` need it as new as the sources (an older one is refused): vitest runs this once before
// any test file (globalSetup); the benchmarks that start the server call it too.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../domain/project.js';

export default function buildDist(): void {
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'build.js'), '--quiet'], { stdio: 'inherit' });
}
