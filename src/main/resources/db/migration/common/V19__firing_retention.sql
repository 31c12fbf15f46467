-- The firing log grows by about two rows per indicator per run (some 800,000 a day at national scale).
-- Older than duban.firings.retention, a run keeps only the firings behind a change of a warning; the
-- prune job marks each run it has thinned, so it never scans that run again and the firing log can
-- tell a reader that the rest is gone.
ALTER TABLE evaluation_run ADD COLUMN firings_pruned_at DATETIME(3);
-- the prune job's question: runs not yet thinned that started before the cut-off
CREATE INDEX ix_run_prune ON evaluation_run (firings_pruned_at, started_at);
-- GET /api/firings?asOf=… and the firings page's 评估日 filter
CREATE INDEX ix_run_as_of ON evaluation_run (as_of);

-- The firing log is read newest run first, in firing order within a run (ORDER BY run_id DESC, id):
-- each index ends in that order, so a page is read off the index instead of sorting millions of rows.
-- A run (the prune deletes by run; the foreign key to evaluation_run stands on this index too):
CREATE INDEX ix_firing_run_order ON rule_firing (run_id DESC, id);
-- an indicator, alone or within a run (the task page's "firings behind this warning"):
CREATE INDEX ix_firing_indicator ON rule_firing (indicator_code, run_id DESC, id);
-- a task:
CREATE INDEX ix_firing_task_run ON rule_firing (task_no, run_id DESC, id);
-- the single-column indexes of V1 are now prefixes of the above; keeping them would only slow the writes
ALTER TABLE rule_firing DROP INDEX ix_firing_run;
ALTER TABLE rule_firing DROP INDEX ix_firing_task;
