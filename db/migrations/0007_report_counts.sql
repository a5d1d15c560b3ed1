CREATE TABLE `report_counts` (
	`dim` text NOT NULL,
	`level` text NOT NULL,
	`grain` text NOT NULL,
	`s` text NOT NULL,
	`a` integer NOT NULL,
	`group_id` integer NOT NULL,
	`body_id` text NOT NULL,
	`period` text NOT NULL,
	`b` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`contributions` integer NOT NULL,
	`fractional` real NOT NULL,
	`sources` integer NOT NULL,
	`resolved` integer NOT NULL,
	`first_day` text,
	`last_day` text,
	PRIMARY KEY(`dim`, `level`, `grain`, `s`, `a`, `group_id`, `body_id`, `period`, `b`, `meeting_id`, `outcome`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `report_counts_bucket` ON `report_counts` (`group_id`,`period`,`body_id`);--> statement-breakpoint
-- Written by hand: WITHOUT ROWID above (drizzle-kit does not write it) stores the rows in key order, so a
-- subject's counts are read from one contiguous range. The triggers of migration 0006 keep marking the
-- (group, day) buckets that writes touch; an existing database has everything to compute, which
-- openDatabase does right after the migrations.
INSERT OR IGNORE INTO `report_rollup_dirty` (`group_id`, `day`) VALUES (-1, '*');
