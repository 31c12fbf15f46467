-- A warning waiting for a later day to confirm that its condition has cleared said so with the word NONE in
-- pending_level, a column of level names; now it is a flag of its own, and pending_level holds levels only.
ALTER TABLE early_warning ADD COLUMN pending_clear BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE early_warning SET pending_clear = TRUE, pending_level = NULL WHERE pending_level = 'NONE';
