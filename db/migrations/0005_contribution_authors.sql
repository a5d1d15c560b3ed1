CREATE TABLE `contribution_authors` (
	`contribution_id` integer NOT NULL,
	`position` integer NOT NULL,
	`affiliation` text,
	`country` text,
	PRIMARY KEY(`contribution_id`, `position`),
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade
);
