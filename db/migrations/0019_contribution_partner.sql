-- WITHOUT ROWID written by hand (drizzle cannot say it): the counts are stored in key order.
CREATE TABLE `counts_by_parent_partner` (
	`parent_id` integer NOT NULL,
	`partner` text NOT NULL,
	`topic` text NOT NULL,
	`level` text NOT NULL,
	`group_id` integer NOT NULL,
	`period` text NOT NULL,
	`meeting_id` integer NOT NULL,
	`accepted` integer NOT NULL,
	`noted` integer NOT NULL,
	`not_handled` integer NOT NULL,
	`pending` integer NOT NULL,
	`withdrawn` integer NOT NULL,
	`superseded` integer NOT NULL,
	`fractional` real NOT NULL,
	`withdrawn_fractional` real NOT NULL,
	`superseded_fractional` real NOT NULL,
	`sources` integer NOT NULL,
	`withdrawn_sources` integer NOT NULL,
	`superseded_sources` integer NOT NULL,
	PRIMARY KEY(`level`, `topic`, `parent_id`, `partner`, `group_id`, `period`, `meeting_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `counts_by_partner` (
	`partner` text NOT NULL,
	`topic` text NOT NULL,
	`level` text NOT NULL,
	`group_id` integer NOT NULL,
	`period` text NOT NULL,
	`meeting_id` integer NOT NULL,
	`accepted` integer NOT NULL,
	`noted` integer NOT NULL,
	`not_handled` integer NOT NULL,
	`pending` integer NOT NULL,
	`withdrawn` integer NOT NULL,
	`superseded` integer NOT NULL,
	`fractional` real NOT NULL,
	`withdrawn_fractional` real NOT NULL,
	`superseded_fractional` real NOT NULL,
	`sources` integer NOT NULL,
	`withdrawn_sources` integer NOT NULL,
	`superseded_sources` integer NOT NULL,
	PRIMARY KEY(`level`, `topic`, `partner`, `group_id`, `period`, `meeting_id`)
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `contribution_sources` ADD `partner` text;--> statement-breakpoint
-- Written by hand: the sources stored before have no partner. Forgetting the registry they were
-- resolved with has them re-resolved, partner included, when the database is next opened with one.
DELETE FROM `meta` WHERE `key` = 'registry_hash';