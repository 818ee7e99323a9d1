#!/usr/bin/env bash
# DROP EXTENSION htx on a loaded database, and how the extension is
# re-created there: a refused drop changes nothing; CASCADE (on a copy) says
# what it drops and keeps the warehouse's rows; a dump restored into a new
# database answers every view as before, with the province's own rows; and
# the rollback of docs/dba.md (a 1.0 backup restored over CREATE EXTENSION
# htx VERSION '1.0') gives 1.0 back with every row.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/tap/lib.bash

db=htx_tap_drop_$$
tmp=$(mktemp -d /tmp/htx-tap-drop.XXXXXX)
cleanup() {
	for d in "$db" "${db}_copy" "${db}_new" "${db}_10" "${db}_10_back"; do dropdb --if-exists "$d" >/dev/null 2>&1; done
	rm -rf "$tmp"
}
trap cleanup EXIT
q() { local d=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -d "$d" "$@"; }
# every view of the schema and every htx table, row by row
answers() {
	q "$1" <<'SQL'
SELECT format('SELECT %L || count(*) || ''|'' || md5(coalesce(string_agg(t::text, ''|'' ORDER BY t::text COLLATE "C"), '''')) FROM %I t',
	c.relname || '|', c.relname)
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v') AND c.relname ~ '^(htx_|my_)'
ORDER BY c.relname
\gexec
SQL
}
load() {
	q "$1" <<'SQL' >/dev/null
SELECT htx_generate_sample(120, 9);
INSERT INTO htx_target_tolerance (plan_code, target_code, scope, tolerance)
SELECT plan_code, target_code, scope, 1.5 FROM htx_target WHERE comparator = 'about' ORDER BY 1, 2, 3 LIMIT 1;
INSERT INTO htx_agency_alias (alias, agency_code)
SELECT 'Sở nông nghiệp của tỉnh', agency_code FROM htx_agency WHERE builtin ORDER BY agency_code LIMIT 1;
CREATE VIEW my_models AS SELECT cooperative_id, year FROM htx_cooperative_year WHERE is_model;
SQL
}

echo "1..14"
createdb "$db" && q "$db" -c 'CREATE EXTENSION htx' && load "$db" || exit 1
answers "$db" > "$tmp/before.txt"
check "the compared answers cover every view and table ($(wc -l < "$tmp/before.txt") of them)" test "$(wc -l < "$tmp/before.txt")" -gt 20

# ---- a refused drop changes nothing
q "$db" -c 'DROP EXTENSION htx' 2>"$tmp/drop.err"
is "$?" "1" "DROP EXTENSION htx is refused on a loaded database"
like "$(cat "$tmp/drop.err")" "cannot drop extension htx because" "with PostgreSQL's own message"
like "$(cat "$tmp/drop.err")" "htx_agency_alias: 1 row, htx_target_tolerance: 1 row" "naming the province's own rows in htx's tables (the warehouse's dependency on htx is refused too: warehouse_lifecycle.sql)"
answers "$db" > "$tmp/after_refused.txt"
check "every row and every view's answer is as before" cmp -s "$tmp/before.txt" "$tmp/after_refused.txt"

# ---- CASCADE, on a copy: what it says, what it drops, what stays
createdb -T "$db" "${db}_copy" || exit 1
coop_rows=$(q "$db" -c 'SELECT count(*) FROM htx_cooperative_year')
q "${db}_copy" -c 'DROP EXTENSION htx CASCADE' 2>"$tmp/cascade.err"
like "$(cat "$tmp/cascade.err")" "WARNING:  dropping extension htx drops the rows of the province's own in its tables" \
	"DROP EXTENSION htx CASCADE warns that the province's own rows in htx's tables go"
like "$(cat "$tmp/cascade.err")" "drop cascades to column rating of table htx_cooperative_year" "and PostgreSQL lists the warehouse's columns of htx types"
is "$(q "${db}_copy" -c 'SELECT count(*) FROM htx_cooperative_year')" "$coop_rows" "the warehouse tables and their rows stay"
is "$(q "${db}_copy" -c "SELECT count(*) FROM pg_attribute WHERE attrelid = 'htx_cooperative_year'::regclass AND attname IN ('rating', 'score') AND NOT attisdropped")" \
	"0" "without the columns of htx types (the documented loss)"

# ---- re-created through a dump, in a new database
pg_dump -Fc -f "$tmp/db.dump" "$db" || exit 1
createdb "${db}_new" && pg_restore --exit-on-error -d "${db}_new" "$tmp/db.dump" 2>"$tmp/restore.err"
is "$?:$(cat "$tmp/restore.err")" "0:" "the dump restores into a new database without an error"
answers "${db}_new" > "$tmp/new.txt"
check "and there every row and every view answers as before, the province's own rows and views included" \
	cmp -s "$tmp/before.txt" "$tmp/new.txt"
is "$(q "${db}_new" -c "SELECT table_name || '=' || own_rows FROM htx_own_rows() ORDER BY 1" | tr '\n' ' ')" \
	"htx_agency_alias=1 htx_target_tolerance=1 " "htx_own_rows() finds the province's rows again"

# ---- the rollback of docs/dba.md: a 1.0 backup back onto 1.0
createdb "${db}_10" && q "${db}_10" -c "CREATE EXTENSION htx VERSION '1.0'" && load "${db}_10" || exit 1
answers "${db}_10" > "$tmp/ten.txt"
pg_dump -Fc -f "$tmp/ten.dump" "${db}_10" || exit 1
createdb "${db}_10_back" && q "${db}_10_back" -c "CREATE EXTENSION htx VERSION '1.0'" &&
	pg_restore --exit-on-error -d "${db}_10_back" "$tmp/ten.dump" 2>"$tmp/ten.err"
is "$?:$(q "${db}_10_back" -c "SELECT extversion FROM pg_extension WHERE extname = 'htx'"):$(cat "$tmp/ten.err")" "0:1.0:" \
	"a 1.0 backup restores over CREATE EXTENSION htx VERSION '1.0' and stays 1.0"
answers "${db}_10_back" > "$tmp/ten_back.txt"
check "with every row and every view's answer of the backup" cmp -s "$tmp/ten.txt" "$tmp/ten_back.txt"

exit $failed
