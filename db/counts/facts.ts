// The contributions as the counts count them (definitions.ts: CountedContribution), read from what is
// stored: their bucket, outcome, topics and resolved sources.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { eachRowArray } from '../rows.js';
import type { CountedContribution } from './definitions.js';

type FactRow = [
  id: number,
  groupId: number,
  meetingId: number,
  date: string | null,
  outcome: string,
  topics: string | null,
  parentId: number | null,
  organizationId: number | null,
  share: number | null,
  parentCountry: string | null,
  entityCountry: string | null,
  parentKind: string | null,
  partner: string | null,
];

/**
 * Every contribution `where` selects (a condition on `contributions` joined with `groups`), as counted,
 * handed to `each` one at a time in id order (sources in their cell's order).
 */
export function eachCounted(db: Db, where: SQL, each: (contribution: CountedContribution, id: number) => void): void {
  const rows = eachRowArray<FactRow>(db, sql`
    select contributions.id, contributions.group_id, coalesce(contributions.meeting_id, 0), contributions.date, contributions.outcome,
      (select group_concat(t.topic, ',') from contribution_topics t where t.contribution_id = contributions.id),
      s.parent_id, s.organization_id, s.share, s.parent_country, s.entity_country, s.parent_kind, s.partner
    from contributions join groups on groups.id = contributions.group_id
    left join contribution_sources s on s.contribution_id = contributions.id
    where ${where}
    order by contributions.id, s.position`);
  let current: CountedContribution | null = null;
  let currentId = -1;
  for (const row of rows) {
    const [id, groupId, meetingId, date, outcome, topics, parentId, organizationId, share, parentCountry, entityCountry, parentKind, partner] = row;
    if (id !== currentId) {
      if (current) each(current, currentId);
      current = { groupId, meetingId, date, outcome, topics: topics ? topics.split(',') : [], sources: [] };
      currentId = id;
    }
    if (share === null) continue; // a contribution without sources
    current!.sources.push({
      parentId: parentId ?? 0,
      organizationId,
      share,
      parentCountry: parentCountry ?? '',
      entityCountry: entityCountry ?? '',
      parentKind: parentKind ?? 'unknown',
      partner: partner ?? '',
    });
  }
  if (current) each(current, currentId);
}
