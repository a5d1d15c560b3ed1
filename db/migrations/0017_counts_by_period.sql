CREATE INDEX `counts_by_country_period` ON `counts_by_country` (`level`,`topic`,`period`);--> statement-breakpoint
CREATE INDEX `counts_by_kind_period` ON `counts_by_kind` (`level`,`topic`,`period`);--> statement-breakpoint
CREATE INDEX `counts_by_parent_period` ON `counts_by_parent` (`level`,`topic`,`period`);