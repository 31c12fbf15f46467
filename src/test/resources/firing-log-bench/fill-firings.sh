#!/bin/bash
# Fills rule_firing for days FROM..TO of fill.sql's runs: 400 plans x 141 indicators x 2 firings a day.
DB=${1:?database}; FROM=${2:-1}; TO=${3:-30}
for d in $(seq "$FROM" "$TO"); do mysql -uroot -h127.0.0.1 "$DB" -e "
INSERT INTO rule_firing (run_id, rule_name, rule_file, rule_set_version, task_no, indicator_code, facts, fired_at)
SELECT r.id, IF(k.seq = 1, '进度滞后：按滞后百分点分级', '预警等级：取各原因最高等级'), 'rules/common/judging.drl', 'v1',
       ((i.position - 1) % 65) + 1, i.code,
       CONCAT('Standing[indicator=', i.code, ', asOf=', r.as_of, ', actual=', i.position * 7, ', target=1000, timeProgress=74.8, completion=60.8, lag=14.0], Criterion[', i.code, ' atLeast 1000 by 2023-12-31]'),
       r.started_at
FROM evaluation_run r JOIN indicator i ON i.plan_id = r.plan_id JOIN seq_1_to_2 k
WHERE r.as_of = DATE_ADD('2023-01-01', INTERVAL $d DAY)
ORDER BY r.id, i.position, k.seq" || exit 1; done
