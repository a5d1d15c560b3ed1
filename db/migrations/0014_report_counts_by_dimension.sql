-- WITHOUT ROWID written by hand (drizzle cannot say it): the counts are stored in key order.
CREATE TABLE `contribution_topics` (
	`topic` text NOT NULL,
	`contribution_id` integer NOT NULL,
	PRIMARY KEY(`contribution_id`, `topic`),
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contribution_topics_topic` ON `contribution_topics` (`topic`,`contribution_id`);--> statement-breakpoint
CREATE TABLE `counts_by_country` (
	`basis` text NOT NULL,
	`country` text NOT NULL,
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
	PRIMARY KEY(`level`, `topic`, `basis`, `country`, `group_id`, `period`, `meeting_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `counts_by_entity` (
	`parent_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
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
	PRIMARY KEY(`level`, `topic`, `parent_id`, `organization_id`, `group_id`, `period`, `meeting_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `counts_by_kind` (
	`kind` text NOT NULL,
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
	PRIMARY KEY(`level`, `topic`, `kind`, `group_id`, `period`, `meeting_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `counts_by_parent` (
	`basis` text NOT NULL,
	`country` text NOT NULL,
	`parent_id` integer NOT NULL,
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
	PRIMARY KEY(`level`, `topic`, `basis`, `country`, `parent_id`, `group_id`, `period`, `meeting_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `counts_of_co_countries` (
	`basis` text NOT NULL,
	`country` text NOT NULL,
	`co_parent_id` integer NOT NULL,
	`topic` text NOT NULL,
	`level` text NOT NULL,
	`group_id` integer NOT NULL,
	`period` text NOT NULL,
	`meeting_id` integer NOT NULL,
	`contributions` integer NOT NULL,
	`withdrawn` integer NOT NULL,
	`superseded` integer NOT NULL,
	PRIMARY KEY(`level`, `topic`, `basis`, `country`, `co_parent_id`, `group_id`, `period`, `meeting_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `counts_of_co_parents` (
	`parent_id` integer NOT NULL,
	`co_parent_id` integer NOT NULL,
	`topic` text NOT NULL,
	`level` text NOT NULL,
	`group_id` integer NOT NULL,
	`period` text NOT NULL,
	`meeting_id` integer NOT NULL,
	`contributions` integer NOT NULL,
	`withdrawn` integer NOT NULL,
	`superseded` integer NOT NULL,
	PRIMARY KEY(`level`, `topic`, `parent_id`, `co_parent_id`, `group_id`, `period`, `meeting_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `counts_of_everyone` (
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
	PRIMARY KEY(`level`, `topic`, `group_id`, `period`, `meeting_id`)
) WITHOUT ROWID;
