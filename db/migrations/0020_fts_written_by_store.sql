-- An index on sources' parent alone goes: sources_parent_contribution (parent, contribution, share)
-- serves every lookup by parent, and each index is one more write per source stored.
DROP INDEX `sources_parent`;
--> statement-breakpoint
-- New contributions are indexed for full-text search by the store itself, one statement per listing
-- (db/contributions.ts: insertContributions): FTS5 flushes its pending terms at the end of every
-- statement, so the insert trigger made a listing's rows cost one flush each. Deletes and changed
-- titles or source cells stay with their triggers.
DROP TRIGGER `contributions_fts_insert`;
