ALTER TABLE `raw_documents` ADD `redaction` text;--> statement-breakpoint
ALTER TABLE `raw_documents` ADD `published_sha256` text;--> statement-breakpoint
ALTER TABLE `raw_documents` ADD `published_size` integer;