#!/usr/bin/env bash
# Loading the warehouse from CSV files as a province exports them (\copy):
# the example files in test/data load, sector names and rating spellings are
# read, and a bad line stops the load with the line and the reason and leaves
# nothing behind.  Prints TAP; run by prove from test/run.sh against a
# throwaway cluster (PGHOST/PGPORT/PGUSER).
set -uo pipefail
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.."

db=htx_tap_wh_csv_$$
tmp=$(mktemp -d /tmp/htx-tap-csv.XXXXXX)
cleanup() { dropdb --if-exists "$db" >/dev/null 2>&1; rm -rf "$tmp"; }
trap cleanup EXIT

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# run a psql script in one transaction expecting an error; print all its error output
load_err() { psql -X -q -At -v ON_ERROR_STOP=1 --single-transaction -d "$db" "$@" 2>&1 >/dev/null; }
counts() { q -c "SELECT (SELECT count(*) FROM htx_cooperative) || '/' || (SELECT count(*) FROM htx_cooperative_year)"; }
empty() { q -c 'TRUNCATE htx_cooperative_year, htx_cooperative'; }

coops="\\copy htx_cooperative FROM 'test/data/htx_cooperative.csv' WITH (FORMAT csv, HEADER match)"
years="\\copy htx_cooperative_year FROM 'test/data/htx_cooperative_year.csv' WITH (FORMAT csv, HEADER match)"
bad_years="\\copy htx_cooperative_year FROM 'test/data/htx_cooperative_year_bad.csv' WITH (FORMAT csv, HEADER match)"

echo "1..17"
createdb "$db" || exit 1
q -c 'CREATE EXTENSION htx' || exit 1
q -c 'SELECT htx_create_warehouse()' >/dev/null || exit 1

# ---- the example files load
printf '%s\n%s\n' "$coops" "$years" > "$tmp/load.sql"
psql -X -q -v ON_ERROR_STOP=1 --single-transaction -d "$db" -f "$tmp/load.sql" >/dev/null 2>"$tmp/err"
is "$?:$(cat "$tmp/err")" "0:" "the example CSV files load in one transaction"
is "$(counts)" "5/9" "5 cooperatives and 9 cooperative-years loaded"
is "$(q -c "SELECT string_agg(cooperative_id || '=' || sector, ',' ORDER BY cooperative_id) FROM htx_cooperative")" \
	"101=crop,102=livestock,103=general,104=crop,105=rural_water" \
	"sectors written as Vietnamese or English names (with or without diacritics) are stored as codes"
is "$(q -c "SELECT string_agg(rating::text, ',' ORDER BY cooperative_id, year) FROM htx_cooperative_year")" \
	"tốt,tốt,khá,khá,trung bình,yếu,không xếp loại,trung bình,yếu" \
	"rating spellings from the field are read (Tốt, kha, KHÁ, trung binh, yeu ...)"
is "$(q -c "SELECT count(*) FROM htx_data_quality")" "0" "the example data has nothing for htx_data_quality"
is "$(q -c "SELECT cooperatives || ',' || good || ',' || fair || ',' || revenue_total_vnd FROM htx_district_year_report WHERE is_province_total AND year = 2024")" \
	"4,1,1,13350000000" "the province row for 2024 counts what was loaded"

# ---- a bad line stops the load; nothing half-loaded remains
empty
printf '%s\n%s\n' "$coops" "$bad_years" > "$tmp/bad.sql"
out=$(load_err -f "$tmp/bad.sql")
like "$out" 'violates check constraint "htx_cooperative_year_trained_le_managers"' "the error names the broken rule"
like "$out" 'COPY htx_cooperative_year, line 4' "the error names the line of the file"
like "$out" '102,2023,kha,71,false,3100000000,28,9,4,6' "the error shows the row"
is "$(counts)" "0/0" "nothing remains: not the cooperatives loaded before, not the good lines"

# COPY alone is atomic too: the good lines before the bad one are not kept
empty
q -c "$coops"
out=$(psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "$bad_years" 2>&1 >/dev/null)
is "$(counts)" "5/0" "a single \\copy with a bad line keeps none of its lines"

# ---- other kinds of bad lines
empty
sed '3s/,173,chan nuoi,/,173,rice,/' test/data/htx_cooperative.csv > "$tmp/c_sector.csv"
out=$(load_err -c "\\copy htx_cooperative FROM '$tmp/c_sector.csv' WITH (FORMAT csv, HEADER match)")
like "$out" 'unknown cooperative sector "rice"' "an unknown sector is rejected by name"
like "$out" 'line 3' "with its line"
sed '3s/,173,chan nuoi,/,999,chan nuoi,/' test/data/htx_cooperative.csv > "$tmp/c_district.csv"
out=$(load_err -c "\\copy htx_cooperative FROM '$tmp/c_district.csv' WITH (FORMAT csv, HEADER match)")
like "$out" 'htx_cooperative_district_known' "an unknown district code is rejected"
q -c "$coops"
sed '2s/,Tốt,86.5,/,Tot lam,86.5,/' test/data/htx_cooperative_year.csv > "$tmp/y_rating.csv"
out=$(load_err -c "\\copy htx_cooperative_year FROM '$tmp/y_rating.csv' WITH (FORMAT csv, HEADER match)")
like "$out" 'line 2, column rating' "a misspelt rating is rejected with its line and column"
sed '1s/managers_trained/trained/' test/data/htx_cooperative_year.csv > "$tmp/y_header.csv"
out=$(load_err -c "\\copy htx_cooperative_year FROM '$tmp/y_header.csv' WITH (FORMAT csv, HEADER match)")
like "$out" 'column name mismatch in header line field 10' "HEADER match catches a file whose columns moved"
is "$(counts)" "5/0" "none of the rejected files left a row"

exit $failed
