-- A warning's level drops only when a lower level (or none) is found again on a later as-of day:
-- the first lower finding is remembered here until a later run confirms or contradicts it.
ALTER TABLE early_warning ADD COLUMN pending_level VARCHAR(8);
ALTER TABLE early_warning ADD COLUMN pending_since DATE;
CREATE INDEX ix_warning_status ON early_warning (plan_id, status);
CREATE INDEX ix_event_warning ON warning_event (warning_id);
