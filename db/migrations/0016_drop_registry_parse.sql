-- Written by hand: the organization registry's parse is no longer kept in the database (the build keeps
-- it beside the compiled code: domain/resolve/registry.ts, loadRegistry). Databases opened by earlier
-- versions hold it in `meta` (about 270 kB); it is dropped.
DELETE FROM `meta` WHERE `key` = 'registry_parse';
