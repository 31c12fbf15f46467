-- What each department was last told about each warning, so a digest carries only what is new,
-- escalated, due for repeating, or resolved (once).
CREATE TABLE notification_state (
    warning_id      BIGINT      NOT NULL,
    department_id   BIGINT      NOT NULL,
    notified_level  VARCHAR(8)  NOT NULL,
    notified_status VARCHAR(16) NOT NULL,
    notified_at     DATETIME(3) NOT NULL,
    CONSTRAINT pk_notification_state PRIMARY KEY (warning_id, department_id),
    CONSTRAINT fk_state_warning FOREIGN KEY (warning_id) REFERENCES early_warning (id),
    CONSTRAINT fk_state_department FOREIGN KEY (department_id) REFERENCES department (id)
);

-- kind: DIGEST, REMINDER or ESCALATION; file: where the .eml went when no SMTP server is set.
ALTER TABLE mail_outbox ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'DIGEST';
ALTER TABLE mail_outbox ADD COLUMN file_path VARCHAR(500);
CREATE INDEX ix_outbox_due ON mail_outbox (status, next_attempt_at);

-- The firing time a job run belongs to, to show that a cluster runs each firing once.
ALTER TABLE job_run ADD COLUMN scheduled_for DATETIME(3);
