#!/usr/bin/env bash
# The rows htx ships (builtin) in a fresh install equal sql/data/*.csv exactly,
# every column and every row: 1.0's rows still come from its frozen script, so
# this keeps the data files from drifting from it (and from what 1.1 changes).
# Every extension table with a builtin column has its file, and no file is
# left over.  Prints TAP; run by prove from test/run.sh against a throwaway
# cluster (PGHOST/PGPORT/PGUSER).
set -uo pipefail
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.."

db=htx_tap_shipped_csv_$$
tmp=$(mktemp -d /tmp/htx-tap-shipped-csv.XXXXXX)
cleanup() {
	dropdb --if-exists "$db" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

files=(sql/data/*.csv)
echo "1..$((${#files[@]} + 3))"
createdb "$db" || exit 1
q -c 'CREATE EXTENSION htx' || exit 1

# the tables that ship rows: extension members with a builtin column
shipped=$(q -c "SELECT string_agg(c.relname, ' ' ORDER BY c.relname)
	FROM pg_depend d JOIN pg_class c ON c.oid = d.objid AND d.classid = 'pg_class'::regclass
	JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'builtin' AND NOT a.attisdropped
	WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'htx') AND d.deptype = 'e' AND c.relkind = 'r'")
have=$(for f in "${files[@]}"; do basename "$f" .csv; done | sort | tr '\n' ' ')
is "$have" "$shipped " "one CSV file in sql/data for each table that ships rows"

PGDATABASE=$db bash sql/data/dump-csv "$tmp" || exit 1
dumped=$(cd "$tmp" && ls -- *.csv | sort | tr '\n' ' ')
is "$dumped" "$(cd sql/data && ls -- *.csv | sort | tr '\n' ' ')" "sql/data/dump-csv writes exactly those files"

for f in "${files[@]}"; do
	t=$(basename "$f" .csv)
	d=$(diff "$f" "$tmp/$t.csv" 2>&1 | head -n 20)
	is "$d" "" "$t: the shipped rows of a fresh install equal $f ($(q -c "SELECT count(*) FROM $t WHERE builtin") rows)"
done

# and the check can fail: a changed shipped value shows up in the diff
# (user triggers off: 1.1 may refuse edits of shipped rows)
q -c "ALTER TABLE htx_agency DISABLE TRIGGER USER" -c "UPDATE htx_agency SET name_en = name_en || '!' WHERE agency_code = 'DAE'" >/dev/null
PGDATABASE=$db bash sql/data/dump-csv "$tmp" || exit 1
like "$(diff sql/data/htx_agency.csv "$tmp/htx_agency.csv")" "Department of Agriculture and Environment!" \
	"a changed shipped row makes the comparison fail"

exit $failed
