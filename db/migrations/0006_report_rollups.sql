CREATE TABLE `report_rollup` (
	`dim` text NOT NULL,
	`body_id` text NOT NULL,
	`group_id` integer NOT NULL,
	`day` text,
	`meeting_id` integer,
	`outcome` text NOT NULL,
	`a` integer,
	`b` integer,
	`country` text,
	`kind` text,
	`contributions` integer NOT NULL,
	`fractional` real NOT NULL,
	`sources` integer NOT NULL,
	`resolved` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_rollup_bucket` ON `report_rollup` (`group_id`,`day`);--> statement-breakpoint
CREATE INDEX `report_rollup_dim_day` ON `report_rollup` (`dim`,`day`);--> statement-breakpoint
CREATE INDEX `report_rollup_dim_a` ON `report_rollup` (`dim`,`a`);--> statement-breakpoint
CREATE INDEX `report_rollup_dim_country` ON `report_rollup` (`dim`,`country`);--> statement-breakpoint
CREATE TABLE `report_rollup_dirty` (
	`group_id` integer NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`group_id`, `day`)
);
--> statement-breakpoint
-- Written by hand (drizzle-kit does not know triggers): the writes that change a report count mark
-- the (group, day) buckets to recompute, in the writing transaction. db/rollup.ts recomputes them.
CREATE TRIGGER `report_rollup_contribution_insert` AFTER INSERT ON `contributions` BEGIN
	INSERT OR IGNORE INTO `report_rollup_dirty` (`group_id`, `day`) VALUES (new.`group_id`, coalesce(new.`date`, ''));
END;--> statement-breakpoint
CREATE TRIGGER `report_rollup_contribution_delete` AFTER DELETE ON `contributions` BEGIN
	INSERT OR IGNORE INTO `report_rollup_dirty` (`group_id`, `day`) VALUES (old.`group_id`, coalesce(old.`date`, ''));
END;--> statement-breakpoint
CREATE TRIGGER `report_rollup_contribution_update` AFTER UPDATE ON `contributions`
WHEN old.`group_id` IS NOT new.`group_id` OR old.`date` IS NOT new.`date` OR old.`meeting_id` IS NOT new.`meeting_id`
	OR old.`outcome` IS NOT new.`outcome` OR old.`body_id` IS NOT new.`body_id` BEGIN
	INSERT OR IGNORE INTO `report_rollup_dirty` (`group_id`, `day`) VALUES (old.`group_id`, coalesce(old.`date`, '')), (new.`group_id`, coalesce(new.`date`, ''));
END;--> statement-breakpoint
CREATE TRIGGER `report_rollup_source_insert` AFTER INSERT ON `contribution_sources` BEGIN
	INSERT OR IGNORE INTO `report_rollup_dirty` (`group_id`, `day`) SELECT `group_id`, coalesce(`date`, '') FROM `contributions` WHERE `id` = new.`contribution_id`;
END;--> statement-breakpoint
CREATE TRIGGER `report_rollup_source_delete` AFTER DELETE ON `contribution_sources` BEGIN
	INSERT OR IGNORE INTO `report_rollup_dirty` (`group_id`, `day`) SELECT `group_id`, coalesce(`date`, '') FROM `contributions` WHERE `id` = old.`contribution_id`;
END;--> statement-breakpoint
CREATE TRIGGER `report_rollup_source_update` AFTER UPDATE ON `contribution_sources` BEGIN
	INSERT OR IGNORE INTO `report_rollup_dirty` (`group_id`, `day`) SELECT `group_id`, coalesce(`date`, '') FROM `contributions` WHERE `id` IN (old.`contribution_id`, new.`contribution_id`);
END;--> statement-breakpoint
CREATE TRIGGER `report_rollup_organization_update` AFTER UPDATE ON `organizations`
WHEN old.`country` IS NOT new.`country` OR old.`kind` IS NOT new.`kind` BEGIN
	INSERT OR IGNORE INTO `report_rollup_dirty` (`group_id`, `day`) VALUES (-1, '*');
END;--> statement-breakpoint
-- An existing database: everything to compute, which openDatabase does right after the migrations.
INSERT INTO `report_rollup_dirty` (`group_id`, `day`) VALUES (-1, '*');
