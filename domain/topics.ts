// Topics (`?topic=iot|5g|security`): reviewed data in topics.yaml, per body — groups, work item code
// fragments, keywords. Which contributions are in each is worked out by db/topics.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type YAMLModule from 'yaml';
import { z } from 'zod';
import { projectPath } from './project.js';
import { BODY_IDS } from './types.js';

/** Whether a keyword can be searched for: it needs a letter or a digit (db/fts.ts quotes each word). */
const searchable = (keyword: string) => /[\p{L}\p{N}]/u.test(keyword);

const TOPICS_FILE = projectPath('domain', 'topics.yaml');

const ruleSchema = z
  .object({
    groups: z.array(z.string().min(1)).default([]),
    workItems: z.array(z.string().min(2)).default([]),
    keywords: z.array(z.string().min(1).refine(searchable, 'a keyword needs a letter or digit')).default([]),
  })
  .strict();

const topicsSchema = z.record(
  z.string().regex(/^[a-z0-9-]+$/),
  z.object({ name: z.string().min(1), bodies: z.partialRecord(z.enum(BODY_IDS), ruleSchema) }).strict(),
);

export type Topics = z.infer<typeof topicsSchema>;

let loaded: Topics | undefined;

/** The topics file, read and checked once (a malformed file stops with the reason). */
export function loadTopics(file: string = TOPICS_FILE): Topics {
  if (file === TOPICS_FILE && loaded) return loaded;
  // The YAML parser is loaded here, on first use, not with the server (its Node entry is CommonJS).
  const YAML = createRequire(import.meta.url)('yaml') as typeof YAMLModule;
  const parsed = topicsSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  if (file === TOPICS_FILE) loaded = parsed.data;
  return parsed.data;
}

/** The topics file's fingerprint: its definitions as read. */
export function topicsFingerprint(topics: Topics = loadTopics()): string {
  return createHash('sha256').update(JSON.stringify(topics)).digest('hex').slice(0, 16);
}

