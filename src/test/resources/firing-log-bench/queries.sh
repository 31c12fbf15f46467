#!/bin/bash
# Times the firing log's queries (the shapes FiringLog.find sends) on a database filled by fill.sql and
# fill-firings.sh: median of 3, milliseconds, the mysql client's ~10 ms included.
DB=${1:-duban_retention_bench}
COLS="id, run_id, rule_name, rule_file, rule_set_version, task_no, indicator_code, facts, fired_at"
declare -A W
W[all]="WHERE 1 = 1"
W[run]="WHERE 1 = 1 AND run_id = 11607"
W[run+indicator]="WHERE 1 = 1 AND run_id = 11607 AND indicator_code = 'T27-1'"
W[indicator]="WHERE 1 = 1 AND indicator_code = 'T27-1'"
W[task]="WHERE 1 = 1 AND task_no = 27"
# a plan or as-of filter names its runs one by one, as FiringLog.find does
DAY=$(mysql -uroot -h127.0.0.1 $DB -N -e "SELECT GROUP_CONCAT(id ORDER BY id DESC) FROM evaluation_run WHERE as_of = '2023-01-15'")
PLAN=$(mysql -uroot -h127.0.0.1 $DB -N -e "SELECT GROUP_CONCAT(id ORDER BY id DESC) FROM evaluation_run WHERE plan_id = 7")
W[asOf]="WHERE 1 = 1 AND run_id IN ($DAY)"
W[plan]="WHERE 1 = 1 AND run_id IN ($PLAN)"
W[plan+indicator]="WHERE 1 = 1 AND run_id IN ($PLAN) AND indicator_code = 'T27-1'"
ms() { local best=(); for k in 1 2 3; do local s=$(date +%s%N); mysql -uroot -h127.0.0.1 $DB -N -e "$1" > /dev/null; local e=$(date +%s%N); best+=($(( (e - s) / 1000000 ))); done; printf '%s\n' "${best[@]}" | sort -n | sed -n 2p; }
printf '%-16s %10s %10s %10s\n' filter count_ms page0_ms page50_ms
for f in all run run+indicator indicator task asOf plan plan+indicator; do
  c=$(ms "SELECT COUNT(*) FROM (SELECT 1 FROM rule_firing ${W[$f]} LIMIT 100001) firings")
  p=$(ms "SELECT $COLS FROM rule_firing ${W[$f]} ORDER BY run_id DESC, id LIMIT 100 OFFSET 0")
  q=$(ms "SELECT $COLS FROM rule_firing ${W[$f]} ORDER BY run_id DESC, id LIMIT 100 OFFSET 5000")
  printf '%-16s %10s %10s %10s\n' "$f" "$c" "$p" "$q"
done
