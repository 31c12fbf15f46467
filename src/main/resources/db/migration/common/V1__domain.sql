-- Duban's domain schema. Written in the SQL that both H2 (the embedded default) and MariaDB
-- accept, so one script serves both; Quartz's tables differ per vendor and live in V2 under
-- db/migration/{vendor}. Every row that belongs to a plan carries plan_id, so a second year's
-- plan (or a second region's) lives beside the first.

CREATE TABLE region (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(64)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    parent_name VARCHAR(100),
    CONSTRAINT uk_region_code UNIQUE (code)
);

CREATE TABLE department (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    region_id BIGINT       NOT NULL,
    code      VARCHAR(64)  NOT NULL,
    name      VARCHAR(100) NOT NULL,
    email     VARCHAR(200),
    contact   VARCHAR(200),
    CONSTRAINT uk_department_code UNIQUE (region_id, code),
    CONSTRAINT uk_department_name UNIQUE (region_id, name),
    CONSTRAINT fk_department_region FOREIGN KEY (region_id) REFERENCES region (id)
);

CREATE TABLE plan (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    region_id    BIGINT       NOT NULL,
    code         VARCHAR(64)  NOT NULL,
    name         VARCHAR(300) NOT NULL,
    plan_year    INT          NOT NULL,
    document     VARCHAR(100),
    published_on DATE,
    rules_folder VARCHAR(200) NOT NULL,
    source_file  VARCHAR(500) NOT NULL,
    source_hash  VARCHAR(64)  NOT NULL,
    loaded_at    DATETIME(3)  NOT NULL,
    CONSTRAINT uk_plan_code UNIQUE (code),
    CONSTRAINT fk_plan_region FOREIGN KEY (region_id) REFERENCES region (id)
);

CREATE TABLE plan_section (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id    BIGINT       NOT NULL,
    section_no INT          NOT NULL,
    title      VARCHAR(300) NOT NULL,
    CONSTRAINT uk_section_no UNIQUE (plan_id, section_no),
    CONSTRAINT fk_section_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
);

CREATE TABLE task (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id    BIGINT       NOT NULL,
    section_id BIGINT       NOT NULL,
    task_no    INT          NOT NULL,
    title      VARCHAR(300) NOT NULL,
    body       TEXT         NOT NULL,
    CONSTRAINT uk_task_no UNIQUE (plan_id, task_no),
    CONSTRAINT fk_task_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
    CONSTRAINT fk_task_section FOREIGN KEY (section_id) REFERENCES plan_section (id)
);

-- role: LEAD (牵头/负责) or CO (配合); position keeps the plan's order of names.
CREATE TABLE task_department (
    task_id       BIGINT     NOT NULL,
    department_id BIGINT     NOT NULL,
    role          VARCHAR(8) NOT NULL,
    position      INT        NOT NULL,
    CONSTRAINT pk_task_department PRIMARY KEY (task_id, department_id, role),
    CONSTRAINT fk_td_task FOREIGN KEY (task_id) REFERENCES task (id),
    CONSTRAINT fk_td_department FOREIGN KEY (department_id) REFERENCES department (id)
);

-- The structure of a target. Its comparator, value and deadline are not here: they live once,
-- in the task's DRL file under rules/.
CREATE TABLE indicator (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id   BIGINT       NOT NULL,
    task_id   BIGINT       NOT NULL,
    code      VARCHAR(32)  NOT NULL,
    name      VARCHAR(200) NOT NULL,
    unit      VARCHAR(32),
    kind      VARCHAR(16)  NOT NULL,
    frequency VARCHAR(16)  NOT NULL,
    position  INT          NOT NULL,
    CONSTRAINT uk_indicator_code UNIQUE (plan_id, code),
    CONSTRAINT fk_indicator_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
    CONSTRAINT fk_indicator_task FOREIGN KEY (task_id) REFERENCES task (id)
);

-- A reported value. A correction is a new row with the next revision; nothing is overwritten.
CREATE TABLE observation (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    indicator_id    BIGINT         NOT NULL,
    period_date     DATE           NOT NULL,
    revision        INT            NOT NULL,
    value_number    DECIMAL(20, 6),
    value_text      VARCHAR(64),
    reference_value DECIMAL(20, 6),
    note            VARCHAR(1000),
    channel         VARCHAR(16)    NOT NULL,
    source          VARCHAR(300),
    submitted_by    VARCHAR(100)   NOT NULL,
    submitted_at    DATETIME(3)    NOT NULL,
    CONSTRAINT uk_observation_revision UNIQUE (indicator_id, period_date, revision),
    CONSTRAINT fk_observation_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id)
);

CREATE TABLE evaluation_run (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id           BIGINT       NOT NULL,
    as_of             DATE         NOT NULL,
    started_at        DATETIME(3)  NOT NULL,
    finished_at       DATETIME(3),
    rule_set_version  VARCHAR(64),
    outcome           VARCHAR(16)  NOT NULL,
    triggered_by      VARCHAR(100) NOT NULL,
    firings           INT,
    warnings_open     INT,
    warnings_raised   INT,
    warnings_resolved INT,
    error_message     TEXT,
    CONSTRAINT fk_run_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
);

-- One row per indicator and cause; re-evaluation updates it, never duplicates it.
CREATE TABLE early_warning (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id            BIGINT        NOT NULL,
    task_id            BIGINT        NOT NULL,
    indicator_id       BIGINT        NOT NULL,
    cause              VARCHAR(32)   NOT NULL,
    warning_level      VARCHAR(8)    NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    rule_name          VARCHAR(300)  NOT NULL,
    message            VARCHAR(1000) NOT NULL,
    first_run_id       BIGINT        NOT NULL,
    last_run_id        BIGINT        NOT NULL,
    raised_at          DATETIME(3)   NOT NULL,
    updated_at         DATETIME(3)   NOT NULL,
    acknowledged_by    VARCHAR(100),
    acknowledged_at    DATETIME(3),
    explanation        VARCHAR(2000),
    promised_date      DATE,
    resolved_by        VARCHAR(100),
    resolved_at        DATETIME(3),
    resolution_comment VARCHAR(2000),
    CONSTRAINT uk_warning_cause UNIQUE (indicator_id, cause),
    CONSTRAINT fk_warning_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
    CONSTRAINT fk_warning_task FOREIGN KEY (task_id) REFERENCES task (id),
    CONSTRAINT fk_warning_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id)
);

-- Every change of a warning's level or status, with who and why.
CREATE TABLE warning_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    warning_id  BIGINT        NOT NULL,
    run_id      BIGINT,
    happened_at DATETIME(3)   NOT NULL,
    event       VARCHAR(16)   NOT NULL,
    from_level  VARCHAR(8),
    to_level    VARCHAR(8),
    from_status VARCHAR(16),
    to_status   VARCHAR(16),
    actor       VARCHAR(100),
    comment     VARCHAR(2000),
    message     VARCHAR(1000),
    CONSTRAINT fk_event_warning FOREIGN KEY (warning_id) REFERENCES early_warning (id)
);

CREATE TABLE rule_firing (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id           BIGINT       NOT NULL,
    rule_name        VARCHAR(300) NOT NULL,
    rule_file        VARCHAR(300),
    rule_set_version VARCHAR(64)  NOT NULL,
    task_no          INT,
    indicator_code   VARCHAR(32),
    facts            TEXT,
    fired_at         DATETIME(3)  NOT NULL,
    CONSTRAINT fk_firing_run FOREIGN KEY (run_id) REFERENCES evaluation_run (id)
);
CREATE INDEX ix_firing_run ON rule_firing (run_id);
CREATE INDEX ix_firing_task ON rule_firing (task_no);

-- Mail is decided and written here in one transaction; a sender delivers it later.
CREATE TABLE mail_outbox (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    department_id   BIGINT        NOT NULL,
    digest_key      VARCHAR(64)   NOT NULL,
    to_addresses    VARCHAR(2000) NOT NULL,
    cc_addresses    VARCHAR(2000),
    subject         VARCHAR(500)  NOT NULL,
    html_body       MEDIUMTEXT    NOT NULL,
    text_body       MEDIUMTEXT    NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(3)   NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    sent_at         DATETIME(3),
    last_error      VARCHAR(2000),
    CONSTRAINT uk_outbox_digest UNIQUE (department_id, digest_key),
    CONSTRAINT fk_outbox_department FOREIGN KEY (department_id) REFERENCES department (id)
);

-- Accounts. roles is a comma-separated list (OFFICE, RULE_AUTHOR, DEPARTMENT); a department
-- account is bound to its department and sees only that department's data.
CREATE TABLE app_user (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    department_id BIGINT,
    enabled       BOOLEAN      NOT NULL,
    CONSTRAINT uk_user_name UNIQUE (username),
    CONSTRAINT fk_user_department FOREIGN KEY (department_id) REFERENCES department (id)
);
