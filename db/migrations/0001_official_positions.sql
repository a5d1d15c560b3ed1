ALTER TABLE `positions` ADD `scope` text;--> statement-breakpoint
ALTER TABLE `positions` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `positions` ADD `country` text;--> statement-breakpoint
ALTER TABLE `positions` ADD `raw_document_id` integer REFERENCES raw_documents(id);--> statement-breakpoint
CREATE INDEX `positions_basis_scope` ON `positions` (`basis`,`scope`);