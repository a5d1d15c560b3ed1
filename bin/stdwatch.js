#!/usr/bin/env node
// The `stdwatch` command. The sources are TypeScript (Node 20 cannot strip types itself) and a checkout
// runs without a build step: they are compiled on the fly into a cache the first time and after each
// change (bin/compiled.js), or, when that is not possible, run through tsx.
import { compiledEntry } from './compiled.js';

const compiled = await compiledEntry('cli/main.ts');
if (compiled) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
