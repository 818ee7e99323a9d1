#!/usr/bin/env bash
# Run htx's test suites against a throwaway cluster (test/pgenv.sh), after
# "make install":
#   pg_regress  sql/*.sql against expected/*.out   (exact output)
#   pg_prove    test/pgtap/*.sql                    (behaviour, pgTAP)
#   prove       test/tap/*.sh                       (shell-level: dump/restore, roles)
# pg_regress and pg_prove run twice: on a fresh install, and on a database
# that installed the frozen 1.0 and was then updated (ALTER EXTENSION htx
# UPDATE), where they must pass alike.
# With arguments, runs only the named test files (and pg_regress only when
# one of them is "regress").  Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != --inside ]; then
	exec bash test/pgenv.sh bash test/run.sh --inside "$@"
fi
shift

failed=0
regress=yes pgtap=(test/pgtap/*.sql) tap=(test/tap/*.sh)
if [ $# -gt 0 ]; then
	regress=no pgtap=() tap=()
	for f in "$@"; do
		case "$f" in
			regress) regress=yes ;;
			*.sql) pgtap+=("$f") ;;
			*.sh) tap+=("$f") ;;
			*) echo "run.sh: do not know how to run $f" >&2; exit 2 ;;
		esac
	done
fi

# a database with htx 1.0 installed and updated to the current version
upgraded_db() {
	dropdb --if-exists "$1" 2>/dev/null
	createdb "$1" &&
		psql -q -X -v ON_ERROR_STOP=1 -d "$1" -c "CREATE EXTENSION htx VERSION '1.0'" -c 'ALTER EXTENSION htx UPDATE' >/dev/null
}

if [ $regress = yes ]; then
	echo "== pg_regress"
	if ! make -s installcheck; then
		failed=1
		[ -f regression.diffs ] && cat regression.diffs
	fi
	echo "== pg_regress, on htx updated from 1.0"
	upgraded_db htx_regress_upgraded || exit 1
	if ! make -s installcheck EXTRA_REGRESS_OPTS="--use-existing --dbname=htx_regress_upgraded"; then
		failed=1
		[ -f regression.diffs ] && cat regression.diffs
	fi
	dropdb --if-exists htx_regress_upgraded
fi

# A database with pgTAP and htx installed, with the warehouse; each suite
# runs in a transaction that it rolls back.
export PGDATABASE=htx_test
dropdb --if-exists htx_test 2>/dev/null
createdb htx_test
psql -q -X -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION pgtap; CREATE EXTENSION htx; SELECT htx_create_warehouse();' >/dev/null || exit 1

if [ ${#pgtap[@]} -gt 0 ] && [ -e "${pgtap[0]}" ]; then
	echo "== pg_prove"
	pg_prove --ext .sql -d htx_test "${pgtap[@]}" || failed=1
	echo "== pg_prove, on htx updated from 1.0"
	upgraded_db htx_test_upgraded || exit 1
	psql -q -X -v ON_ERROR_STOP=1 -d htx_test_upgraded -c 'CREATE EXTENSION pgtap; SELECT htx_create_warehouse();' >/dev/null || exit 1
	pg_prove --ext .sql -d htx_test_upgraded "${pgtap[@]}" || failed=1
	dropdb --if-exists htx_test_upgraded
fi
if [ ${#tap[@]} -gt 0 ] && [ -e "${tap[0]}" ]; then
	echo "== prove"
	prove "${tap[@]}" || failed=1
fi

exit $failed
