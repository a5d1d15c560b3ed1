#!/usr/bin/env node
// The `stdwatch` command. The sources are TypeScript; tsx compiles them on the fly (Node 20 cannot
// strip types itself), so a checkout runs without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
