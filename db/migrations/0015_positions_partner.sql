ALTER TABLE `positions` ADD `partner` text;--> statement-breakpoint
-- Written by hand: official 3GPP seats stored before this migration kept the Organizational Partner in
-- `detail` ("Organizational Partner: ATIS" or "Organizational Partner: ATIS; 2nd term"). It moves to
-- `partner`; what followed it stays in `detail`, as the parsers now write it (so a scrape after this
-- migration finds the same seats again instead of adding them a second time).
UPDATE `positions`
SET `partner` = trim(CASE WHEN instr(`detail`, ';') > 0 THEN substr(`detail`, 25, instr(`detail`, ';') - 25) ELSE substr(`detail`, 25) END),
	`detail` = CASE WHEN instr(`detail`, ';') > 0 THEN nullif(trim(substr(`detail`, instr(`detail`, ';') + 1)), '') ELSE NULL END
WHERE `detail` LIKE 'Organizational Partner: %';
