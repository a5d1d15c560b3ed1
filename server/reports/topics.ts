// The `topic` filter's values: the topics of db/topics.yaml (see db/topics.ts).
import { loadTopics, type Topics } from '../../db/topics.js';
import { FilterError } from './filters.js';

/** Validates a `topic` value against the topics file; throws FilterError naming it. */
export function parseTopic(value: unknown, topics: Topics = loadTopics()): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !(value.toLowerCase() in topics)) {
    throw new FilterError('topic', `must be one of ${Object.keys(topics).join(', ')}`);
  }
  return value.toLowerCase();
}

