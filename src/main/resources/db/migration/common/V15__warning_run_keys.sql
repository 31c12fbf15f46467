-- A warning and its events point at the runs that judged them: keys the database keeps, and an index
-- for the count of a run's events (read once per run).
CREATE INDEX ix_event_run ON warning_event (run_id);
ALTER TABLE early_warning ADD CONSTRAINT fk_warning_first_run FOREIGN KEY (first_run_id) REFERENCES evaluation_run (id);
ALTER TABLE early_warning ADD CONSTRAINT fk_warning_last_run FOREIGN KEY (last_run_id) REFERENCES evaluation_run (id);
ALTER TABLE warning_event ADD CONSTRAINT fk_event_run FOREIGN KEY (run_id) REFERENCES evaluation_run (id);
