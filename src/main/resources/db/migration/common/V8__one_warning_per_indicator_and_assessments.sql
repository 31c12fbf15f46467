-- Every run stores how it judged every indicator, warned or quiet, with the numbers and the reason in
-- Chinese, so a quiet indicator can explain why it is quiet (GET /api/assessments).
CREATE TABLE assessment (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id         BIGINT         NOT NULL,
    task_no        INT            NOT NULL,
    indicator_code VARCHAR(32)    NOT NULL,
    judged_at      DATE,
    actual         VARCHAR(100)   NOT NULL,
    target         VARCHAR(200)   NOT NULL,
    time_progress  DECIMAL(7, 2)  NOT NULL,
    completion     DECIMAL(12, 2),
    lag_points     DECIMAL(12, 2),
    projected      DECIMAL(24, 4),
    missed_periods INT            NOT NULL,
    met            BOOLEAN        NOT NULL,
    warning_level  VARCHAR(8),
    causes         VARCHAR(200),
    fired_rules    VARCHAR(2000),
    explanation    VARCHAR(2000)  NOT NULL,
    CONSTRAINT fk_assessment_run FOREIGN KEY (run_id) REFERENCES evaluation_run (id)
);
CREATE INDEX ix_assessment_run ON assessment (run_id, indicator_code);

-- One open warning per indicator: its level is the highest of its findings, its causes are listed.
-- Where an indicator had several open warnings (one per cause), the newest stays and the others are
-- resolved with a note in their history, nothing deleted.
ALTER TABLE early_warning ADD COLUMN causes VARCHAR(200);
UPDATE early_warning SET causes = cause;
ALTER TABLE warning_event ADD COLUMN causes VARCHAR(200);

INSERT INTO warning_event (warning_id, run_id, happened_at, event, from_level, to_level, from_status, to_status, actor, comment)
SELECT w.id, NULL, CURRENT_TIMESTAMP, 'RESOLVED', w.warning_level, w.warning_level, w.status, 'RESOLVED', '系统',
       '每个指标只保留一条预警，本条并入同一指标的最新预警'
FROM early_warning w
WHERE w.status <> 'RESOLVED'
  AND w.id NOT IN (SELECT keep.id FROM (SELECT MAX(id) AS id FROM early_warning WHERE status <> 'RESOLVED' GROUP BY indicator_id) keep);

UPDATE early_warning SET status = 'RESOLVED', resolved_by = '系统', resolved_at = CURRENT_TIMESTAMP,
       resolution_comment = '每个指标只保留一条预警，本条并入同一指标的最新预警'
WHERE status <> 'RESOLVED'
  AND id NOT IN (SELECT keep.id FROM (SELECT MAX(id) AS id FROM early_warning WHERE status <> 'RESOLVED' GROUP BY indicator_id) keep);
