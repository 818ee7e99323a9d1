#!/usr/bin/env bash
# test/valgrind/run.sh: htx's tests with the server under valgrind memcheck.
# Run it with "make valgrind" (which builds and installs htx first).
#
# A throwaway cluster, as test/pgenv.sh makes one, but with the postmaster,
# and so every backend and parallel worker it forks, under memcheck.  Runs
# the pg_regress suite and the pgTAP suites that drive the C code hardest
# (test/pgtap/rating*.sql, test/pgtap/aggregates*.sql) and the shell TAP
# scripts for binary COPY and other encodings, stops the server so
# that every process writes its log, then scans the logs
# (test/valgrind/scan.awk): every error with htx code in its stacks is
# printed, and any such error fails the run.  Errors elsewhere (PostgreSQL,
# libc) are counted and listed in errors-other.txt, but do not fail it.
#
# Debian's server is not built with USE_VALGRIND: memcheck cannot see
# misuse of palloc'd memory inside a memory context (a palloc chunk is just
# bytes of a malloc'd block to it).  It does see uninitialised bytes reaching
# a branch, a syscall (disk, wire) or a CRC, accesses outside any malloc'd
# block or mapping, and use of freed malloc memory.
#
# Environment:
#   VALGRIND_LOGDIR      where the logs go (default: a new /tmp/htx-valgrind.*,
#                        kept afterwards)
#   VALGRIND_TIMEOUT     seconds allowed for the test suites (default 1500)
#   VALGRIND_PGTAP       the pgTAP suites to run (default: as above)
#   VALGRIND_TAP         the test/tap scripts to run (default: as above)
#   VALGRIND_EXTRA       more valgrind options, e.g. --gen-suppressions=all
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
here=$root/test/valgrind
started=$SECONDS

# --- valgrind itself --------------------------------------------------------
if ! command -v valgrind >/dev/null 2>&1; then
	echo "== installing valgrind"
	install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends valgrind)
	bash test/sudo.sh "${install[@]}" ||
		{ bash test/sudo.sh apt-get update -q && bash test/sudo.sh "${install[@]}"; } ||
		{ echo "valgrind: cannot install valgrind" >&2; exit 2; }
fi

bindir=$(pg_config --bindir)
tmp=$(mktemp -d /tmp/htx-pg-valgrind.XXXXXX)
logs=${VALGRIND_LOGDIR:-$(mktemp -d /tmp/htx-valgrind.XXXXXX)}
mkdir -p "$logs"
rm -f "$logs"/valgrind.*.log
as_owner=()
if [ "$(id -u)" = 0 ]; then
	chown postgres: "$tmp" "$logs"
	as_owner=(runuser -u postgres --)
fi

vg_pid=
cleanup() {
	if [ -n "$vg_pid" ] && kill -0 "$vg_pid" 2>/dev/null; then
		"${as_owner[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
		wait "$vg_pid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset PGSERVICE PGSERVICEFILE PGOPTIONS PGPASSWORD PGHOSTADDR

# initdb runs natively: it is PostgreSQL's code, not ours, and slow under valgrind
"${as_owner[@]}" "$bindir/initdb" -D "$tmp/data" -U postgres -A trust \
	--encoding=UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 ||
	{ cat "$tmp/initdb.log" >&2; exit 1; }

# --- the server under memcheck ------------------------------------------
#
# --error-exitcode=1: a process that had an error exits with 1, and the
# scan below fails the run on the logs, not on exit codes.  Not 128: the
# postmaster takes any backend exit but 0 and 1 for a crash and resets every
# session, so one benign PostgreSQL error (WAL padding, say) aborted the
# suites half-way.  Leak checking is off: backends free by memory context,
# and exit without freeing what lives until exit.  --read-inline-info names
# inlined functions in stacks, --read-var-info the variable an address is in.
#
# Settings: small shared memory (memcheck shadows every byte of it), no JIT
# (LLVM compiling under valgrind takes minutes per query), no autovacuum
# (the suites ANALYZE what they plan on), fsync off (throwaway).  Parallel
# query stays as test/pgenv.sh has it: rating_plans.sql checks that workers
# ran, and workers are forked children, traced like backends.
vg=(valgrind --tool=memcheck --trace-children=yes --track-origins=yes
	--read-inline-info=yes --read-var-info=yes --error-exitcode=1 --leak-check=no
	--num-callers=30 --suppressions="$here/postgres.supp"
	--log-file="$logs/valgrind.%p.log")
# shellcheck disable=SC2206
vg+=(${VALGRIND_EXTRA:-})
pg_opts=(-D "$tmp/data" -k "$tmp" -p 5432
	-c listen_addresses= -c max_connections=20 -c shared_buffers=16MB
	-c huge_pages=off -c max_worker_processes=16 -c max_parallel_workers=8
	-c max_parallel_workers_per_gather=2 -c jit=off -c autovacuum=off
	-c fsync=off -c synchronous_commit=off -c full_page_writes=off
	-c authentication_timeout=600s -c checkpoint_timeout=1h)

echo "== starting postgres under valgrind (logs in $logs)"
"${as_owner[@]}" "${vg[@]}" "$bindir/postgres" "${pg_opts[@]}" \
	>"$tmp/server.log" 2>&1 &
vg_pid=$!

export PGHOST=$tmp PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
export PGCONNECT_TIMEOUT=600
ready=no
for _ in $(seq 1 600); do
	if "$bindir/pg_isready" -q -t 5 2>/dev/null; then ready=yes; break; fi
	kill -0 "$vg_pid" 2>/dev/null || break
	sleep 1
done
if [ $ready = no ]; then
	echo "valgrind: the server did not start" >&2
	cat "$tmp/server.log" >&2
	exit 1
fi
echo "   ready after $((SECONDS - started)) s"

# --- the suites -----------------------------------------------------------
budget=${VALGRIND_TIMEOUT:-1500}
deadline=$((SECONDS + budget))
remaining() { local r=$((deadline - SECONDS)); [ $r -gt 10 ] && echo $r || echo 10; }

failed=0
echo "== pg_regress"
t=$SECONDS
if ! timeout "$(remaining)" make -s installcheck; then
	failed=1
	[ -f regression.diffs ] && head -n 200 regression.diffs
fi
echo "   pg_regress: $((SECONDS - t)) s"

if [ -n "${VALGRIND_PGTAP:-}" ]; then
	read -r -a pgtap <<<"$VALGRIND_PGTAP"
else
	pgtap=(test/pgtap/rating*.sql test/pgtap/aggregates*.sql)
fi
echo "== pg_prove ${pgtap[*]}"
t=$SECONDS
export PGDATABASE=htx_valgrind
if createdb htx_valgrind &&
	psql -q -X -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION pgtap; CREATE EXTENSION htx; SELECT htx_create_warehouse();' >/dev/null; then
	timeout "$(remaining)" pg_prove --ext .sql -d htx_valgrind "${pgtap[@]}" || failed=1
else
	failed=1
fi
echo "   pg_prove: $((SECONDS - t)) s"

# shell TAP scripts for the paths the pgTAP suites leave to them: binary
# COPY in (both receive functions) and databases in LATIN1 and SQL_ASCII
# (conversions, malformed UTF-8 through the fold)
if [ -n "${VALGRIND_TAP:-}" ]; then
	read -r -a tap <<<"$VALGRIND_TAP"
else
	tap=(test/tap/rating_copy.sh test/tap/rating_encoding.sh test/tap/aggregates_state_binary.sh)
fi
if [ ${#tap[@]} -gt 0 ]; then
	echo "== prove ${tap[*]}"
	t=$SECONDS
	timeout "$(remaining)" prove "${tap[@]}" || failed=1
	echo "   prove: $((SECONDS - t)) s"
fi

# --- stop, so that every process finishes its log -------------------------
"${as_owner[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m fast -w -t 600 stop >/dev/null ||
	echo "valgrind: the server did not stop cleanly" >&2
wait "$vg_pid"
vg_status=$?
vg_pid=
cp "$tmp/server.log" "$logs/server.log"
# exit code 1 is a backend's or worker's ordinary exit after an error
crashed='terminated by signal|terminated by exception|exited with exit code ([2-9]|[1-9][0-9])'
if grep -Eq "$crashed" "$logs/server.log"; then
	echo "== server processes that crashed (see $logs/server.log):"
	grep -E "$crashed" "$logs/server.log" | head -n 20
	failed=1
fi

# --- the logs -----------------------------------------------------------------
# htx code: a frame in htx.so, in one of src/*.c, or a function defined there
srcs=$(cd src && ls ./*.c | sed 's|^\./||; s/\.c$//' | paste -sd'|' -)
# (definitions start a line in PostgreSQL style; a macro's continued lines end in '\')
funcs=$(grep -hE '^[a-z_][a-z0-9_]*\(' src/*.c | grep -v '\\$' | grep -oE '^[a-z_][a-z0-9_]*' |
	sort -u | paste -sd'|' -)
echo "== valgrind logs"
awk -v srcs="$srcs" -v funcs="$funcs" -v other="$logs/errors-other.txt" \
	-f "$here/scan.awk" "$logs"/valgrind.*.log
scan_status=$?

echo "== valgrind: $((SECONDS - started)) s in all, postmaster exit code $vg_status, logs in $logs"
if [ $scan_status -ne 0 ]; then
	echo "valgrind: FAILED: memcheck errors in htx code" >&2
	exit 1
fi
if [ $failed -ne 0 ]; then
	echo "valgrind: FAILED: a test suite failed under valgrind" >&2
	exit 1
fi
echo "valgrind: ok, no memcheck errors in htx code"
