-- Mail per plan and region: a message names the plans it speaks of (comma-separated codes; a
-- department in two plans gets one digest with a section each), so the outbox can be listed by
-- plan, and the sender it was written with (its region's mail.from), so it goes out as written
-- even if the region's file changes before delivery. Older rows have neither: they are listed
-- under no plan and sent from duban.notification.from, as before.
ALTER TABLE mail_outbox ADD COLUMN plan_codes VARCHAR(1000);
ALTER TABLE mail_outbox ADD COLUMN from_address VARCHAR(320);

-- Which red spell (red_since: when the warning last turned RED) of a warning each department's
-- escalation told the leaders of. An escalation is one mail per department listing all its overdue
-- RED warnings, plan by plan, so the outbox key no longer names the warning; this keeps each spell
-- escalated once.
CREATE TABLE escalation_notice (
    warning_id    BIGINT      NOT NULL,
    department_id BIGINT      NOT NULL,
    red_since     DATETIME(3) NOT NULL,
    outbox_key    VARCHAR(64) NOT NULL,
    CONSTRAINT pk_escalation_notice PRIMARY KEY (warning_id, department_id, red_since),
    CONSTRAINT fk_escalation_warning FOREIGN KEY (warning_id) REFERENCES early_warning (id),
    CONSTRAINT fk_escalation_department FOREIGN KEY (department_id) REFERENCES department (id)
);
