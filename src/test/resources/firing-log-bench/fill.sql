SET @P = 400; SET @D = 30; SET @I = 141;
INSERT INTO region (id, code, name) VALUES (1, 'bench', '基准地区');
INSERT INTO plan (id, region_id, code, name, plan_year, rules_folder, source_file, source_hash, loaded_at)
  SELECT seq, 1, CONCAT('bench-', seq), CONCAT('基准计划 ', seq), 2023, 'tasks', 'bench.yaml', 'x', NOW() FROM seq_1_to_400;
INSERT INTO plan_section (id, plan_id, section_no, title) SELECT seq, seq, 1, '一' FROM seq_1_to_400;
INSERT INTO task (id, plan_id, section_id, task_no, title, body)
  SELECT (p.seq - 1) * 65 + t.seq, p.seq, p.seq, t.seq, '任务', '任务' FROM seq_1_to_400 p JOIN seq_1_to_65 t;
INSERT INTO indicator (id, plan_id, task_id, code, name, kind, frequency, position)
  SELECT (p.seq - 1) * 141 + i.seq, p.seq, (p.seq - 1) * 65 + ((i.seq - 1) % 65) + 1,
         CONCAT('T', LPAD(((i.seq - 1) % 65) + 1, 2, '0'), '-', ((i.seq - 1) DIV 65) + 1), '指标', 'ADDITION', 'MONTHLY', i.seq
  FROM seq_1_to_400 p JOIN seq_1_to_141 i;
INSERT INTO evaluation_run (id, plan_id, as_of, started_at, finished_at, rule_set_version, outcome, triggered_by, firings)
  SELECT (d.seq - 1) * 400 + p.seq, p.seq, DATE_ADD('2023-01-01', INTERVAL d.seq DAY),
         TIMESTAMPADD(MINUTE, p.seq DIV 10, DATE_ADD('2023-01-01 06:00:00', INTERVAL d.seq DAY)),
         TIMESTAMPADD(MINUTE, p.seq DIV 10 + 1, DATE_ADD('2023-01-01 06:00:00', INTERVAL d.seq DAY)), 'v1', 'SUCCEEDED', '定时任务', 282
  FROM seq_1_to_30 d JOIN seq_1_to_400 p;
-- 30% of indicators warned: raised on day 1, resting on day 30; every 20th escalated on a day between 2 and 29
INSERT INTO early_warning (plan_id, task_id, indicator_id, cause, causes, warning_level, status, rule_name, message, first_run_id, last_run_id, raised_at, updated_at)
  SELECT i.plan_id, i.task_id, i.id, 'LAG', 'LAG', 'YELLOW', 'OPEN', '进度滞后', '滞后', i.plan_id, 29 * 400 + i.plan_id, NOW(), NOW()
  FROM indicator i WHERE i.position % 10 < 3;
INSERT INTO warning_event (warning_id, run_id, happened_at, event, to_level, to_status)
  SELECT w.id, w.first_run_id, NOW(), 'RAISED', 'YELLOW', 'OPEN' FROM early_warning w;
INSERT INTO warning_event (warning_id, run_id, happened_at, event, from_level, to_level, to_status)
  SELECT w.id, ((i.position % 28) + 1) * 400 + w.plan_id, NOW(), 'ESCALATED', 'YELLOW', 'ORANGE', 'OPEN'
  FROM early_warning w JOIN indicator i ON i.id = w.indicator_id WHERE i.position % 20 = 0;
