CREATE TABLE `digests` (
	`week` text PRIMARY KEY NOT NULL,
	`generated_at` text NOT NULL,
	`json` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `watchlist_items` (
	`watchlist_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`watchlist_id`, `kind`, `value`),
	FOREIGN KEY (`watchlist_id`) REFERENCES `watchlists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `watchlists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watchlists_slug` ON `watchlists` (`slug`);