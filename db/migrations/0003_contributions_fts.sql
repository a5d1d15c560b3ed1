-- Full-text search over contribution titles and source cells (FTS5, external content: the text lives
-- once, in contributions; the index is kept in step by the triggers below). Written by hand: drizzle
-- has no notion of virtual tables. Tokenizer: unicode61 with diacritics removed, so "Huawei" and
-- "huawei", "Télécom" and "telecom" match.
CREATE VIRTUAL TABLE `contributions_fts` USING fts5(title, source_text, content='contributions', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `contributions_fts`(`contributions_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_insert` AFTER INSERT ON `contributions` BEGIN
  INSERT INTO `contributions_fts`(rowid, title, source_text) VALUES (new.id, new.title, new.source_text);
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_delete` AFTER DELETE ON `contributions` BEGIN
  INSERT INTO `contributions_fts`(`contributions_fts`, rowid, title, source_text) VALUES ('delete', old.id, old.title, old.source_text);
END;
--> statement-breakpoint
-- Only a changed title or source cell touches the index: most updates (last seen, status) do not.
CREATE TRIGGER `contributions_fts_update` AFTER UPDATE OF title, source_text ON `contributions` BEGIN
  INSERT INTO `contributions_fts`(`contributions_fts`, rowid, title, source_text) VALUES ('delete', old.id, old.title, old.source_text);
  INSERT INTO `contributions_fts`(rowid, title, source_text) VALUES (new.id, new.title, new.source_text);
END;
