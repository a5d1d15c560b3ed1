-- Written by hand around what drizzle-kit generated: the triggers that marked report_rollup_dirty and
-- counted table_changes go first (drizzle-kit does not know triggers), then their tables.
DROP TRIGGER IF EXISTS `report_rollup_contribution_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_rollup_contribution_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_rollup_contribution_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_rollup_source_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_rollup_source_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_rollup_source_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_rollup_organization_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `table_changes_meetings_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `table_changes_meetings_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `table_changes_meetings_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `table_changes_groups_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `table_changes_groups_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `table_changes_groups_delete`;--> statement-breakpoint
DROP TABLE `report_counts`;--> statement-breakpoint
DROP TABLE `report_rollup_dirty`;--> statement-breakpoint
DROP TABLE `table_changes`;--> statement-breakpoint
ALTER TABLE `contribution_sources` ADD `parent_country` text;--> statement-breakpoint
ALTER TABLE `contribution_sources` ADD `entity_country` text;--> statement-breakpoint
ALTER TABLE `contribution_sources` ADD `parent_kind` text;--> statement-breakpoint
-- Filled from the organizations the sources name (written by hand).
UPDATE `contribution_sources` SET
	`parent_country` = (SELECT `country` FROM `organizations` WHERE `id` = `contribution_sources`.`parent_id`),
	`parent_kind` = (SELECT `kind` FROM `organizations` WHERE `id` = `contribution_sources`.`parent_id`),
	`entity_country` = coalesce(
		(SELECT `country` FROM `organizations` WHERE `id` = `contribution_sources`.`organization_id`),
		(SELECT `country` FROM `organizations` WHERE `id` = `contribution_sources`.`parent_id`))
	WHERE `parent_id` IS NOT NULL;
