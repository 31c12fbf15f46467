-- A warning is per indicator now (its causes are a column), so (indicator, cause) is no longer unique.
-- The new index first: the foreign key on indicator_id needs one to stand on.
CREATE INDEX ix_warning_indicator ON early_warning (indicator_id);
ALTER TABLE early_warning DROP INDEX uk_warning_cause;
