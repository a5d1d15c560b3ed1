CREATE TABLE `table_changes` (
	`name` text PRIMARY KEY NOT NULL,
	`changes` integer NOT NULL
);--> statement-breakpoint
-- Written by hand (drizzle-kit does not know triggers): every write to meetings or groups counts once
-- under 'meetings' (server/reports/rollup.ts keeps their names and dates while the count is the same).
INSERT INTO `table_changes` (`name`, `changes`) VALUES ('meetings', 0);--> statement-breakpoint
CREATE TRIGGER `table_changes_meetings_insert` AFTER INSERT ON `meetings` BEGIN
	UPDATE `table_changes` SET `changes` = `changes` + 1 WHERE `name` = 'meetings';
END;--> statement-breakpoint
CREATE TRIGGER `table_changes_meetings_update` AFTER UPDATE ON `meetings` BEGIN
	UPDATE `table_changes` SET `changes` = `changes` + 1 WHERE `name` = 'meetings';
END;--> statement-breakpoint
CREATE TRIGGER `table_changes_meetings_delete` AFTER DELETE ON `meetings` BEGIN
	UPDATE `table_changes` SET `changes` = `changes` + 1 WHERE `name` = 'meetings';
END;--> statement-breakpoint
CREATE TRIGGER `table_changes_groups_insert` AFTER INSERT ON `groups` BEGIN
	UPDATE `table_changes` SET `changes` = `changes` + 1 WHERE `name` = 'meetings';
END;--> statement-breakpoint
CREATE TRIGGER `table_changes_groups_update` AFTER UPDATE ON `groups` BEGIN
	UPDATE `table_changes` SET `changes` = `changes` + 1 WHERE `name` = 'meetings';
END;--> statement-breakpoint
CREATE TRIGGER `table_changes_groups_delete` AFTER DELETE ON `groups` BEGIN
	UPDATE `table_changes` SET `changes` = `changes` + 1 WHERE `name` = 'meetings';
END;
