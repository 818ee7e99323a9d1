#!/usr/bin/env bash
# test/sqlsmith/run.sh [SECONDS]: random queries from SQLsmith against htx.
#
# Run "make install" first ("make sqlsmith SQLSMITH_SECONDS=N" does both).
# Installs the Debian package sqlsmith when it is missing, starts a throwaway
# cluster (test/pgenv.sh), loads test/sqlsmith/setup.sql (htx, sample data,
# tables of edge-case htx values, the role "smith") and runs sqlsmith as that
# unprivileged role for SECONDS in all (default 300), split evenly over the
# seeds.  Runs alternate between default planner settings and cheap parallel
# plans with partitionwise aggregation, which exercise the aggregates'
# combine function and the types' transfer between processes.
#
# Environment:
#   SQLSMITH_SEEDS        seeds, one run each (default "1 2 3 4")
#   SQLSMITH_MAX_QUERIES  also stop each run after this many queries
#   SQLSMITH_OUT          where each run's sqlsmith output and the server log
#                         are kept (default test/sqlsmith/out)
#
# Prints, per run and in total, the queries sent and sqlsmith's own error
# table, then from the server log the errors by SQLSTATE, internal errors
# (XX000 and friends) with a query for each, the errors htx raised, and any
# crash with the query that caused it.  Exits 1 if the server crashed.
set -uo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-300}
case "$seconds" in
	'' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

if [ "${2:-}" != --inside ]; then
	if ! command -v sqlsmith >/dev/null 2>&1; then
		runner=()
		[ "$(id -u)" = 0 ] || runner=(sudo)
		if ! apt-cache policy sqlsmith 2>/dev/null | grep -q 'Candidate: [0-9]'; then
			"${runner[@]}" apt-get update -q || exit 1
		fi
		"${runner[@]}" env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -q --no-install-recommends sqlsmith || exit 1
	fi
	exec bash test/pgenv.sh bash "$0" "$seconds" --inside
fi

read -r -a seeds <<<"${SQLSMITH_SEEDS:-1 2 3 4}"
[ ${#seeds[@]} -gt 0 ] || { echo "sqlsmith: SQLSMITH_SEEDS is empty" >&2; exit 2; }
out=${SQLSMITH_OUT:-test/sqlsmith/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
db=htx_smith

# The SQLSTATE of every logged error, for the report.  Errors keep their
# statement in the log (log_min_error_statement = error, the default).
psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "ALTER SYSTEM SET log_line_prefix = '%m [%p] %e '" \
	-c "SELECT pg_reload_conf()" >/dev/null || exit 1
sleep 1
createdb "$db" || exit 1
psql -X -q -d "$db" -f test/sqlsmith/setup.sql >"$out/setup.log" 2>&1 ||
	{ cat "$out/setup.log" >&2; exit 1; }

echo "sqlsmith: $(sqlsmith --version 2>&1 | head -n1); $(psql -X -At -d "$db" -c 'SELECT version()')"
echo "sqlsmith: ${#seeds[@]} runs of $((seconds / ${#seeds[@]}))s as role smith on database $db; output in $out"

log_start=$(stat -c %s "$HTX_PG_LOG")
per=$((seconds / ${#seeds[@]}))
[ "$per" -gt 0 ] || per=1
max=()
[ -n "${SQLSMITH_MAX_QUERIES:-}" ] && max=(--max-queries="$SQLSMITH_MAX_QUERIES")
# Parallel plans wherever a table of schema smith is scanned (setup.sql gives
# those tables parallel_workers), partitionwise aggregation and joins.  Not
# force_parallel_mode: a Gather on each of SQLsmith's many catalog queries
# at startup would take minutes.
parallel="options='-c parallel_setup_cost=0 -c parallel_tuple_cost=0 -c enable_partitionwise_aggregate=on -c enable_partitionwise_join=on'"

total_queries=0 total_seconds=0 crashed=0 i=0
for seed in "${seeds[@]}"; do
	mode=default extra=
	if [ $((i % 2)) = 1 ]; then
		mode=parallel extra=" $parallel"
	fi
	i=$((i + 1))
	before=$(stat -c %s "$HTX_PG_LOG")
	t0=$(date +%s)
	echo
	echo "== seed $seed, $mode plans, ${per}s${max:+, ${max[0]}}"
	timeout --signal=INT --kill-after=30 "$per" \
		sqlsmith --target="host=$PGHOST port=$PGPORT dbname=$db user=smith$extra" \
		--seed="$seed" --verbose --exclude-catalog "${max[@]}" \
		>"$out/seed-$seed.queries" 2>"$out/seed-$seed.log"
	rc=$?
	t1=$(date +%s)
	# 124: stopped by timeout (SIGINT, after which sqlsmith prints its report)
	if [ $rc != 0 ] && [ $rc != 124 ]; then
		echo "sqlsmith exited with status $rc:"
		tail -n 20 "$out/seed-$seed.log"
	fi
	progress=$(grep -E '^[.a-zA-Z]+$' "$out/seed-$seed.log" | tr -d '\n')
	queries=${#progress}
	ok=$(tr -cd . <<<"$progress" | wc -c)
	errs=$(tr -cd e <<<"$progress" | wc -c)
	timeouts=$(tr -cd t <<<"$progress" | wc -c)
	lost=$(tr -cd C <<<"$progress" | wc -c)
	echo "queries: $queries in $((t1 - t0))s: $ok ok, $errs errors, $timeouts timeouts, $lost connections lost"
	echo "sqlsmith's error table (top 15):"
	awk '/^queries: /{n=NR} {l[NR]=$0} END {for (k=n+1; k<=NR; k++) if (l[k] ~ /^[0-9]+\t/) print l[k]}' \
		"$out/seed-$seed.log" | sort -t$'\t' -k1,1nr | head -n 15 | sed 's/^/  /'
	if tail -c +$((before + 1)) "$HTX_PG_LOG" |
		grep -Eq 'terminated by (signal|exception)|PANIC:'; then
		echo "SERVER CRASHED during seed $seed"
		crashed=1
	fi
	total_queries=$((total_queries + queries))
	total_seconds=$((total_seconds + t1 - t0))
done

tail -c +$((log_start + 1)) "$HTX_PG_LOG" >"$out/server.log"
echo
echo "== total: $total_queries queries in ${total_seconds}s, seeds ${seeds[*]}"
awk -f test/sqlsmith/report.awk "$out/server.log"

# The server must still answer, and htx still work, after the run.
if ! psql -X -At -d "$db" -c "SELECT htx_rating_label('tốt', 'en')" >/dev/null; then
	echo "server does not answer after the run"
	crashed=1
fi
if [ $crashed = 1 ]; then
	echo "sqlsmith: FAILED, the server crashed (queries above; server log in $out/server.log)"
	exit 1
fi
echo "sqlsmith: no crash"
