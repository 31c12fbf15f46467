-- Every execution of a scheduled job, on whichever instance ran it, with its outcome.
CREATE TABLE job_run (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_name    VARCHAR(64)   NOT NULL,
    fire_id     VARCHAR(120)  NOT NULL,
    instance    VARCHAR(200),
    started_at  DATETIME(3)   NOT NULL,
    finished_at DATETIME(3),
    outcome     VARCHAR(16)   NOT NULL,
    message     VARCHAR(2000),
    CONSTRAINT uk_job_run_fire UNIQUE (fire_id)
);
CREATE INDEX ix_job_run_name ON job_run (job_name, id);
