-- Every rule set that went into force, per plan: who activated it, when, why (a load in live mode, an
-- activation of the staged folder, a rollback), the version before it and a diff to it, and the files
-- themselves, so that a rollback can restore them. evaluation_run.rule_set_version names the same version.
CREATE TABLE rule_activation (
    id               BIGINT       AUTO_INCREMENT PRIMARY KEY,
    plan_code        VARCHAR(100) NOT NULL,
    version          VARCHAR(64)  NOT NULL,
    activated_by     VARCHAR(200) NOT NULL,
    activated_at     TIMESTAMP    NOT NULL,
    reason           VARCHAR(20)  NOT NULL,
    previous_version VARCHAR(64),
    diff             MEDIUMTEXT   NOT NULL
);
CREATE INDEX ix_rule_activation_plan ON rule_activation (plan_code, id);

CREATE TABLE rule_activation_file (
    activation_id BIGINT       NOT NULL,
    path          VARCHAR(500) NOT NULL,
    content       MEDIUMTEXT   NOT NULL,
    CONSTRAINT pk_rule_activation_file PRIMARY KEY (activation_id, path),
    CONSTRAINT fk_rule_activation_file FOREIGN KEY (activation_id) REFERENCES rule_activation (id)
);
