-- A warning is per indicator now (its causes are a column), so (indicator, cause) is no longer unique.
CREATE INDEX ix_warning_indicator ON early_warning (indicator_id);
ALTER TABLE early_warning DROP CONSTRAINT uk_warning_cause;
