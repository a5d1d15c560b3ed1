// Where the project's own files are: templates, migrations, the registry, the topics, the snapshot and
// the default database are read from the checkout, whether the code runs as TypeScript (tsx, vitest) or
// as the build's JavaScript in dist/ (bin/build.js keeps the folders' layout under dist/). Every other
// module asks here instead of counting folders from its own address.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether this process runs the build's JavaScript (dist/) rather than the TypeScript sources. */
export const RUNS_BUILD = import.meta.url.endsWith('.js');

/** The checkout: this file is domain/project.ts there, and dist/domain/project.js in the build. */
export const PROJECT_ROOT = path.resolve(fileURLToPath(new URL(RUNS_BUILD ? '../..' : '..', import.meta.url)));

/** A file or folder of the checkout, by its path from the checkout's root. */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
