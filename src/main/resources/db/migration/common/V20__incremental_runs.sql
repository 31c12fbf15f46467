-- An evaluation judges either a whole plan (FULL: the daily run, POST /api/evaluations) or only the
-- indicators that newly reported values touched (INCREMENTAL: after the intake stored them). Pages that
-- show a plan as a whole read full runs; an indicator's current judgement is its newest one.
ALTER TABLE evaluation_run ADD COLUMN kind VARCHAR(16) DEFAULT 'FULL' NOT NULL;
-- the latest full run of a plan, and the runs after it, are looked up on every page and mail
CREATE INDEX ix_run_plan_kind ON evaluation_run (plan_id, kind, outcome);

-- One row per plan, locked (SELECT … FOR UPDATE) by each run's writing transaction: a plan's warnings
-- follow one run at a time across instances too. Scheduled runs are kept apart by Quartz, but an
-- incremental run starts on whichever instance the values reached. Rows are added on first use.
CREATE TABLE evaluation_lock (
    plan_id BIGINT PRIMARY KEY
);
