// Which contributions are in each topic (domain/topics.yaml: groups, work item code fragments,
// keywords per body). A contribution's topics are worked out when it is stored (contribution_topics,
// by topicCondition: the definition) so that reports count a topic from the kept counts like any other
// scope, and made again for everything when the file changes (its fingerprint is part of the count
// definitions, db/counts/definitions.ts).
import { sql, type SQL } from 'drizzle-orm';
import { loadTopics, type Topics } from '../domain/topics.js';
import type { Db } from './connection.js';
import { matchCondition } from './fts.js';
import { contributions, groups, positions } from './schema.js';

/** The condition on `contributions` joined with `groups` that a contribution is in the topic. */
export function topicCondition(topic: string, topics: Topics = loadTopics()): SQL {
  const definition = topics[topic];
  if (!definition) throw new Error(`no topic "${topic}" (known: ${Object.keys(topics).join(', ')})`);
  const perBody = Object.entries(definition.bodies).map(([body, rule]) => {
    const any: SQL[] = [];
    // `+` on the body below: with an index on it, SQLite would answer the OR by walking every
    // contribution of the body, where a store asks only about the few it is writing.
    if (rule.groups.length > 0) any.push(sql`upper(${groups.code}) in (${sql.join(rule.groups.map((g) => sql`${g.toUpperCase()}`), sql`, `)})`);
    // Work item codes are identifiers (NR_redcap_enh-Core): a fragment is looked for inside them.
    for (const fragment of rule.workItems) any.push(sql`instr(lower(coalesce(${contributions.workItems}, '')), ${fragment.toLowerCase()}) > 0`);
    for (const keyword of rule.keywords) any.push(matchCondition(keyword));
    return any.length === 0 ? sql`0 = 1` : sql`(+${contributions.bodyId} = ${body} and (${sql.join(any, sql` or `)}))`;
  });
  return perBody.length === 0 ? sql`0 = 1` : sql`(${sql.join(perBody, sql` or `)})`;
}

/**
 * The condition on `positions` that a seat is in one of the topic's groups. Topics that a body defines
 * only by work items or keywords have no seats there: a seat belongs to a group, not to a subject.
 */
export function topicSeatCondition(topic: string, topics: Topics = loadTopics()): SQL {
  const definition = topics[topic];
  if (!definition) throw new Error(`no topic "${topic}" (known: ${Object.keys(topics).join(', ')})`);
  const perBody = Object.entries(definition.bodies)
    .filter(([, rule]) => rule.groups.length > 0)
    .map(
      ([body, rule]) => sql`(${positions.bodyId} = ${body} and ${positions.groupId} in (select ${groups.id} from ${groups}
        where upper(${groups.code}) in (${sql.join(rule.groups.map((g) => sql`${g.toUpperCase()}`), sql`, `)})))`,
    );
  return perBody.length === 0 ? sql`0 = 1` : sql`(${sql.join(perBody, sql` or `)})`;
}


/** The condition on `contributions` that a contribution is in the topic, as worked out when it was stored. */
export function inTopic(topic: string): SQL {
  return sql`${contributions.id} in (select contribution_id from contribution_topics where topic = ${topic})`;
}

/**
 * Works out again which topics the contributions `where` selects (a condition on `contributions`
 * joined with `groups`) are in. In the writing transaction, after the contributions are written (the
 * full-text index already holds a new title: the store indexes new rows as it inserts them, triggers keep
 * changed ones).
 */
export function refreshTopics(db: Db, where: SQL, topics: Topics = loadTopics()): void {
  db.run(sql`delete from contribution_topics where contribution_id in (select ${contributions.id} from ${contributions}
    join ${groups} on ${groups.id} = ${contributions.groupId} where ${where})`);
  for (const topic of Object.keys(topics)) {
    db.run(sql`insert into contribution_topics (topic, contribution_id) select ${topic}, ${contributions.id}
      from ${contributions} join ${groups} on ${groups.id} = ${contributions.groupId} where (${where}) and ${topicCondition(topic, topics)}`);
  }
}
