-- API tokens for scripts and other systems (Authorization: Bearer ...). Only the SHA-256 of the
-- secret is kept; the secret is shown once when the office creates the token. A token acts as an
-- account (username) or as a department (department_id, seeing and submitting only its data).
CREATE TABLE api_token (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL,
    username      VARCHAR(64),
    department_id BIGINT,
    created_by    VARCHAR(100) NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    revoked_by    VARCHAR(100),
    revoked_at    DATETIME(3),
    CONSTRAINT uk_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_token_department FOREIGN KEY (department_id) REFERENCES department (id)
);
