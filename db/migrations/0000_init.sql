CREATE TABLE `bodies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contribution_sources` (
	`contribution_id` integer NOT NULL,
	`position` integer NOT NULL,
	`raw` text NOT NULL,
	`name` text NOT NULL,
	`role` text,
	`organization_id` integer,
	`parent_id` integer,
	`seat_group` text,
	`seat_role` text,
	`share` real NOT NULL,
	PRIMARY KEY(`contribution_id`, `position`),
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sources_parent` ON `contribution_sources` (`parent_id`);--> statement-breakpoint
CREATE INDEX `sources_organization` ON `contribution_sources` (`organization_id`);--> statement-breakpoint
CREATE INDEX `sources_unresolved` ON `contribution_sources` (`name`) WHERE "contribution_sources"."organization_id" is null;--> statement-breakpoint
CREATE INDEX `sources_seat` ON `contribution_sources` (`seat_group`) WHERE "contribution_sources"."seat_group" is not null;--> statement-breakpoint
CREATE TABLE `contribution_status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contribution_id` integer NOT NULL,
	`status` text,
	`seen_at` text NOT NULL,
	`raw_document_id` integer,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raw_document_id`) REFERENCES `raw_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_history_contribution` ON `contribution_status_history` (`contribution_id`);--> statement-breakpoint
CREATE TABLE `contributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` text NOT NULL,
	`group_id` integer NOT NULL,
	`meeting_id` integer,
	`ref` text NOT NULL,
	`title` text NOT NULL,
	`type` text,
	`doc_for` text,
	`status` text,
	`outcome` text NOT NULL,
	`date` text,
	`agenda_item` text,
	`release` text,
	`work_items` text,
	`source_text` text NOT NULL,
	`url` text,
	`revision_of` text,
	`revised_to` text,
	`raw_document_id` integer,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raw_document_id`) REFERENCES `raw_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contributions_body_ref` ON `contributions` (`body_id`,`ref`);--> statement-breakpoint
CREATE INDEX `contributions_group_date` ON `contributions` (`group_id`,`date`);--> statement-breakpoint
CREATE INDEX `contributions_meeting` ON `contributions` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `contributions_date` ON `contributions` (`date`);--> statement-breakpoint
CREATE TABLE `groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `groups_body_code` ON `groups` (`body_id`,`code`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` text NOT NULL,
	`group_id` integer NOT NULL,
	`name` text NOT NULL,
	`start_date` text,
	`end_date` text,
	`town` text,
	`folder_url` text,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_body_name` ON `meetings` (`body_id`,`name`);--> statement-breakpoint
CREATE INDEX `meetings_group` ON `meetings` (`group_id`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organization_aliases` (
	`key` text PRIMARY KEY NOT NULL,
	`organization_id` integer NOT NULL,
	`alias` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`country` text,
	`parent_id` integer,
	`origin` text NOT NULL,
	`notes` text,
	FOREIGN KEY (`parent_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_slug` ON `organizations` (`slug`);--> statement-breakpoint
CREATE INDEX `organizations_parent` ON `organizations` (`parent_id`);--> statement-breakpoint
CREATE TABLE `positions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` text NOT NULL,
	`group_id` integer NOT NULL,
	`role` text NOT NULL,
	`person` text,
	`organization_id` integer,
	`parent_id` integer,
	`source_raw` text NOT NULL,
	`from_date` text,
	`to_date` text,
	`last_seen_date` text,
	`evidence_url` text,
	`basis` text NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `positions_group` ON `positions` (`group_id`);--> statement-breakpoint
CREATE INDEX `positions_organization` ON `positions` (`organization_id`);--> statement-breakpoint
CREATE TABLE `raw_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`fetched_at` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`content_type` text,
	`http_status` integer,
	`etag` text,
	`last_modified` text,
	`storage_path` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `raw_documents_url_sha` ON `raw_documents` (`url`,`sha256`);--> statement-breakpoint
CREATE INDEX `raw_documents_sha` ON `raw_documents` (`sha256`);--> statement-breakpoint
CREATE TABLE `scrape_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`trigger` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`status` text NOT NULL,
	`pid` integer,
	`documents_fetched` integer DEFAULT 0 NOT NULL,
	`records_seen` integer DEFAULT 0 NOT NULL,
	`records_new` integer DEFAULT 0 NOT NULL,
	`records_changed` integer DEFAULT 0 NOT NULL,
	`error` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `scrape_runs_source` ON `scrape_runs` (`source`,`started_at`);