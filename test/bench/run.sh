#!/usr/bin/env bash
# Benchmark, not a test: htx_evaluate against a count(*) scan (the floor) and
# against the equivalent hand-written SQL (count(*) FILTER, sum, avg, ratios),
# on BENCH_ROWS deterministic cooperative-years (default 10 million; 9
# districts, years 2020-2025, NULLs in every column), in a throwaway cluster
# (test/pgenv.sh).  Every query runs once to warm up, then BENCH_RUNS times
# (default 3); the best time counts.  Serial (no workers) and parallel (2
# workers), with JIT off and on.  Prints the machine, the plans' worker
# counts, a table of times and the ratios the targets are stated in:
#   htx_evaluate <= 1.5 x count(*)      and      hand-written >= 2 x htx_evaluate
# Run after "make install" (make bench does both).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${1:-}" != --inside ]; then
	exec bash test/pgenv.sh bash test/bench/run.sh --inside "$@"
fi

rows=${BENCH_ROWS:-10000000}
runs=${BENCH_RUNS:-3}
case "$rows$runs" in *[!0-9]*) echo "BENCH_ROWS and BENCH_RUNS must be integers" >&2; exit 2 ;; esac

psql -X -q -v ON_ERROR_STOP=1 -d postgres -c 'CREATE DATABASE htx_bench' >/dev/null
export PGDATABASE=htx_bench
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

echo "== machine"
echo "nproc: $(nproc)"
lscpu | head -n 15 | sed 's/^/  /'
q -c 'SELECT version()'
q -c "SELECT 'shared_buffers=' || current_setting('shared_buffers') || ' work_mem=' || current_setting('work_mem')
	|| ' max_parallel_workers=' || current_setting('max_parallel_workers')
	|| ' jit available=' || pg_jit_available()"

echo "== data: $rows rows"
start=$(date +%s)
q <<SQL
CREATE EXTENSION htx;
-- h(i, k): a deterministic 31-bit hash (no random(): the same rows every run)
CREATE FUNCTION h(i bigint, k int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS \$\$ SELECT hashint8(i * 31 + k) & 2147483647 \$\$;
CREATE TABLE coop (
	district int NOT NULL, year int NOT NULL, rating htx_rating, revenue_vnd bigint,
	members int, applies_tech bool, managers int, managers_trained int, is_model bool);
INSERT INTO coop
SELECT 1 + i % 9, 2020 + (i / 9) % 6,
	CASE WHEN h(i, 1) % 13 = 0 THEN NULL ELSE (h(i, 1) % 5)::htx_rating END,
	CASE WHEN h(i, 2) % 17 = 0 THEN NULL ELSE (h(i, 2) % 20000)::bigint * 1000003 END,
	CASE WHEN h(i, 3) % 19 = 0 THEN NULL ELSE h(i, 3) % 300 END,
	CASE WHEN h(i, 4) % 23 = 0 THEN NULL ELSE h(i, 4) % 3 = 0 END,
	m,
	CASE WHEN h(i, 6) % 7 = 0 THEN NULL
	     WHEN m IS NULL THEN h(i, 6) % 5
	     ELSE h(i, 6) % (m + 1) END,
	CASE WHEN h(i, 7) % 29 = 0 THEN NULL ELSE h(i, 7) % 10 = 0 END
FROM generate_series(1, $rows::bigint) AS i,
	LATERAL (SELECT CASE WHEN h(i, 5) % 11 = 0 THEN NULL ELSE h(i, 5) % 8 END) AS x(m);
VACUUM ANALYZE coop;
SQL
echo "loaded in $(( $(date +%s) - start )) s; table $(q -c "SELECT pg_size_pretty(pg_table_size('coop'))")"

# the queries --------------------------------------------------------------
declare -A sql
names=(count count_by_group deform_by_group htx handwritten)
sql[count]='SELECT count(*) FROM coop'
sql[count_by_group]='SELECT district, year, count(*) FROM coop GROUP BY district, year'
# every column deformed, one cheap aggregate: what reading the row costs
sql[deform_by_group]='SELECT district, year, count(is_model) FROM coop GROUP BY district, year'
sql[htx]='SELECT district, year, (htx_evaluate(rating, revenue_vnd, members, applies_tech,
	managers, managers_trained, is_model)).* FROM coop GROUP BY district, year'
sql[handwritten]="SELECT district, year,
	count(*) AS cooperatives,
	count(*) FILTER (WHERE rating IN ('tốt', 'khá', 'trung bình', 'yếu')) AS rated,
	count(*) FILTER (WHERE rating = 'tốt') AS good,
	count(*) FILTER (WHERE rating = 'khá') AS fair,
	count(*) FILTER (WHERE rating = 'trung bình') AS average,
	count(*) FILTER (WHERE rating = 'yếu') AS weak,
	count(*) FILTER (WHERE rating = 'không xếp loại') AS not_rated,
	count(*) FILTER (WHERE rating IS NULL) AS rating_missing,
	count(*) FILTER (WHERE rating IN ('tốt', 'khá'))::float8
		/ nullif(count(*) FILTER (WHERE rating IN ('tốt', 'khá', 'trung bình', 'yếu')), 0)::float8 AS good_fair_share,
	count(revenue_vnd) AS revenue_reported,
	sum(revenue_vnd)::bigint AS revenue_total_vnd,
	avg(revenue_vnd) AS avg_revenue_vnd,
	sum(members)::bigint AS members_total,
	count(applies_tech) AS tech_reported,
	count(*) FILTER (WHERE applies_tech) AS tech_count,
	count(*) FILTER (WHERE applies_tech)::float8 / nullif(count(applies_tech), 0)::float8 AS tech_share,
	sum(managers)::bigint AS managers_total,
	sum(managers_trained)::bigint AS managers_trained_total,
	sum(managers_trained) FILTER (WHERE managers IS NOT NULL)::float8
		/ nullif(sum(managers) FILTER (WHERE managers_trained IS NOT NULL), 0)::float8 AS managers_trained_share,
	count(*) FILTER (WHERE is_model) AS model_count
FROM coop GROUP BY district, year"

# the two must agree before their times mean anything
if [ -n "$(q -c "SELECT 1 FROM ((${sql[htx]}) EXCEPT ALL (${sql[handwritten]})) d LIMIT 1")" ]; then
	echo "htx_evaluate and the hand-written SQL disagree: no benchmark" >&2
	exit 1
fi
echo "htx_evaluate and the hand-written SQL return the same $(q -c "SELECT count(*) FROM (${sql[htx]}) s") rows"

settings() {	# settings MODE JIT
	local workers=0
	[ "$1" = parallel ] && workers=2
	echo "SET max_parallel_workers_per_gather = $workers; SET jit = $2;"
}

# best_ms MODE JIT NAME: the best of $runs timed runs after one warm-up
best_ms() {
	local script i
	script="$(settings "$1" "$2")"$'\n''\o /dev/null'$'\n''\timing on'
	for i in $(seq 0 "$runs"); do
		script+=$'\n'"${sql[$3]};"
	done
	q <<<"$script" | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | tail -n +2 | sort -g | head -n1
}

# workers MODE JIT NAME: workers launched in the plan actually run
workers() {
	q <<<"$(settings "$1" "$2")"$'\n'"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${sql[$3]};" |
		sed -nE 's/.*Workers Launched: ([0-9]+).*/\1/p' | head -n1 | grep . || echo 0
}

declare -A t
echo "== times: best of $runs, ms"
printf '%-5s %-9s %-16s %10s %8s %9s\n' jit mode query best_ms workers x_count
for jit in off on; do
	for mode in serial parallel; do
		for name in "${names[@]}"; do
			t[$jit,$mode,$name]=$(best_ms "$mode" "$jit" "$name")
			printf '%-5s %-9s %-16s %10.1f %8s %9.2f\n' "$jit" "$mode" "$name" "${t[$jit,$mode,$name]}" \
				"$(workers "$mode" "$jit" "$name")" \
				"$(echo "${t[$jit,$mode,$name]} / ${t[$jit,$mode,count]}" | bc -l)"
		done
	done
done

echo "== targets: htx/count <= 1.5, handwritten/htx >= 2"
printf '%-5s %-9s %12s %16s %18s\n' jit mode htx/count htx/count_by_grp handwritten/htx
for jit in off on; do
	for mode in serial parallel; do
		printf '%-5s %-9s %12.2f %16.2f %18.2f\n' "$jit" "$mode" \
			"$(echo "${t[$jit,$mode,htx]} / ${t[$jit,$mode,count]}" | bc -l)" \
			"$(echo "${t[$jit,$mode,htx]} / ${t[$jit,$mode,count_by_group]}" | bc -l)" \
			"$(echo "${t[$jit,$mode,handwritten]} / ${t[$jit,$mode,htx]}" | bc -l)"
	done
done
