-- Which instance (Quartz scheduler instance id) runs an evaluation, so that at start-up the runs left
-- RUNNING by an instance that died can be told from those another live instance is still running.
ALTER TABLE evaluation_run ADD COLUMN instance_id VARCHAR(200);
