-- Before every partition's evaluation Duban looks for runs left RUNNING by a dead instance, and the
-- assessments page asks for a plan's latest SUCCEEDED run: with a run per plan per day (3,000 plans
-- make a million runs a year) both would otherwise read the whole table.
CREATE INDEX ix_run_outcome ON evaluation_run (outcome, plan_id);
