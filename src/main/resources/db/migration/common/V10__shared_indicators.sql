-- An indicator that measures two tasks of the plan (淦河治理 21 公里 under tasks 34 and 38) belongs to one
-- task and is shared with the other: the sharing task's departments see it, report it and are told of it.
CREATE TABLE task_shared_indicator (
    task_id      BIGINT NOT NULL,
    indicator_id BIGINT NOT NULL,
    CONSTRAINT pk_task_shared_indicator PRIMARY KEY (task_id, indicator_id),
    CONSTRAINT fk_shared_task FOREIGN KEY (task_id) REFERENCES task (id),
    CONSTRAINT fk_shared_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id)
);
