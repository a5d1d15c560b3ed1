// Leadership seats: counts of current seats by country and company, and every seat with its dates.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Filters } from './filters.js';
import { seatCounts } from './overview.js';
import { seats } from './participation.js';

export function leadershipReport(db: Db, filters: Filters) {
  return {
    kind: 'leadership' as const,
    filters,
    counts: seatCounts(db, filters),
    seats: seats(db, sql`1 = 1`, filters),
  };
}

export type LeadershipReport = ReturnType<typeof leadershipReport>;
