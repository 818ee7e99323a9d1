#!/usr/bin/env bash
# The loader that lists every bad row (issue 12): test/data/loader_*.csv hold
# many kinds of bad rows (wrong types, a bad rating, a score that does not
# give its rating, negative numbers, unknown sector and district names,
# duplicate ids, a year of an unknown cooperative and one of a bad
# cooperative, empty required fields, communes read on the row's 31 December:
# ambiguous, a district, an old code in a 2026 row, and one not read because
# its year is bad), and the cooperative file has Excel's
# byte-order mark, CRLF line ends and a quoted field with a comma and a line
# break.  Checks the exact list htx_load_check() reports, that nothing
# reaches the warehouse until asked, and that clean_only loads exactly the
# good rows.  Prints TAP; run by prove from test/run.sh.
set -uo pipefail
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.."

db=htx_tap_loader_$$
tmp=$(mktemp -d /tmp/htx-tap-loader.XXXXXX)
role=htx_tap_loader_role_$$
trap 'dropdb --if-exists "$db" >/dev/null 2>&1; psql -X -q -d postgres -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
counts() { q -c "SELECT (SELECT count(*) FROM htx_cooperative) || '/' || (SELECT count(*) FROM htx_cooperative_year)"; }
# the \copy of a file into a staging view, naming the file's columns (from
# its header, without the byte-order mark), so that columns the warehouse
# gained since the file was written stay NULL
copy_cmd() {
	local cols
	cols=$(head -n1 "$2" | sed 's/^\xEF\xBB\xBF//' | tr -d '\r')
	printf "\\\\copy %s (%s) FROM '%s' WITH (FORMAT csv)\n" "$1" "$cols" "$2"
}
stage_both() {
	echo "SELECT htx_load_stage('htx_cooperative'), htx_load_stage('htx_cooperative_year') \\gset"
	copy_cmd htx_load_cooperative "${1:-test/data/loader_cooperative.csv}"
	copy_cmd htx_load_cooperative_year "${2:-test/data/loader_cooperative_year.csv}"
}

echo "1..18"
createdb "$db" || exit 1
q -c 'CREATE EXTENSION htx' -c 'SELECT htx_create_warehouse()' >/dev/null || exit 1
# the warehouse already holds the example cooperatives 101..105
q -c "\\copy htx_cooperative FROM 'test/data/htx_cooperative.csv' WITH (FORMAT csv, HEADER match)" || exit 1

check "the test file has a byte-order mark and CRLF line ends" \
	test "$(head -c3 test/data/loader_cooperative.csv | od -An -tx1 | tr -d ' ')" = efbbbf -a "$(grep -c $'\r$' test/data/loader_cooperative.csv)" = 13

# ---- one call lists every bad row
{ stage_both; echo "SELECT file, line, column_name, sqlstate, reason FROM htx_load_check();"; } > "$tmp/check.sql"
have=$(q -F'|' -f "$tmp/check.sql" 2>&1)
want='htx_cooperative|6|district_code|P0002|unknown unit "Hà Nội Mới" on 2025-06-30. Closest on that date: 02107 Xã Nông Hạ, 01897 Xã Hà Hiệu, 05968 Xã Hà Châu.
htx_cooperative|6|sector|23503|unknown cooperative sector "lúa nước"
htx_cooperative|6|founded_on|22008|date/time field value out of range: "2020-02-30"
htx_cooperative|7|name|23502|a value is required (NOT NULL)
htx_cooperative|8|cooperative_id|22P02|invalid input syntax for type integer: "2o6"
htx_cooperative|9|cooperative_id|23505|duplicate key (cooperative_id)=(202): line 3 has it too
htx_cooperative|10|founded_on,dissolved_on|23514|violates check constraint "htx_cooperative_dissolved_not_before_founded"
htx_cooperative|11|registration_code|23505|duplicate key (registration_code)=(4600000201): line 2 has it too
htx_cooperative|12|name|23514|violates check constraint "htx_cooperative_name_not_blank"
htx_cooperative|13|cooperative_id|23505|key (cooperative_id)=(101) is already in htx_cooperative
htx_cooperative|14|district_code|P0003|unit name "Thái Nguyên" is ambiguous on 2025-06-30: 19 Tỉnh Thái Nguyên, 164 Thành phố Thái Nguyên
htx_cooperative_year|5|rating|22P02|invalid input syntax for type htx_rating: "Tot lam"
htx_cooperative_year|6|rating,score,fined|23514|violates check constraint "htx_cooperative_year_rating_matches_score"
htx_cooperative_year|7|revenue_vnd|23514|violates check constraint "htx_cooperative_year_revenue_not_negative"
htx_cooperative_year|8|cooperative_id|23503|(cooperative_id)=(999) is neither in htx_cooperative nor among its staged rows (foreign key htx_cooperative_year_cooperative_known)
htx_cooperative_year|9|cooperative_id|23503|(cooperative_id)=(204) is staged on line 6 of the htx_cooperative file, which has errors
htx_cooperative_year|10|cooperative_id,year|23505|duplicate key (cooperative_id, year)=(201, 2024): line 2 has it too
htx_cooperative_year|11|members,young_members|23514|violates check constraint "htx_cooperative_year_young_members_le_members"
htx_cooperative_year|12|year|22P02|invalid input syntax for type integer: "20x5"
htx_cooperative_year|13|score|23514|value for domain htx_score violates check constraint "htx_score_range"
htx_cooperative_year|14|cooperative_id|23502|a value is required (NOT NULL)
htx_cooperative_year|15|managers_trained|23514|violates check constraint "htx_cooperative_year_trained_not_negative"
htx_cooperative_year|15|ocop_stars|23514|violates check constraint "htx_cooperative_year_ocop_stars_1_to_5"
htx_cooperative_year|15|is_model|22P02|invalid input syntax for type boolean: "maybe"
htx_cooperative_year|16|commune_code|P0003|commune name "Tân Thịnh" is ambiguous on 2021-12-31: 05452 Phường Tân Thịnh, 05548 Xã Tân Thịnh
htx_cooperative_year|17|commune_code|P0002|no commune-level unit "Đại Từ" on 2020-12-31, only 171 Huyện Đại Từ (a district)
htx_cooperative_year|18|commune_code|P0002|no commune has code "05449" on 2026-12-31. Code 05449 was: Phường Phan Đình Phùng from before 2025 to 2025-06-30.'
is "$have" "$want" "htx_load_check lists every bad cell and row: file, line (a quoted line break counts), column, SQLSTATE, reason"
is "$(counts)" "5/0" "checking loads nothing"

# ---- all or nothing: a load with bad rows loads nothing
{ stage_both; echo "SELECT * FROM htx_load_commit();"; } > "$tmp/commit.sql"
out=$(psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$db" -f "$tmp/commit.sql" 2>&1 >/dev/null)
like "$out" 'ERROR:  22000: the staged files have 23 bad rows (27 errors); nothing was loaded' "htx_load_commit() refuses a load with bad rows (22000), counting them"
like "$out" 'First: htx_cooperative line 6, district_code: unknown unit' "and names the first errors"
is "$(counts)" "5/0" "nothing reached the warehouse"

# ---- clean_only: exactly the good rows
{ stage_both; echo "SELECT file, staged_rows, loaded_rows, rejected_rows FROM htx_load_commit(clean_only => true);"
  echo "SELECT count(*) FROM htx_load_rows;"; } > "$tmp/clean.sql"
q -F'|' -f "$tmp/clean.sql" > "$tmp/clean.out" 2>&1
is "$(head -n2 "$tmp/clean.out")" "htx_cooperative|12|3|9
htx_cooperative_year|17|3|14" "clean_only loads 3 of 12 cooperatives and 3 of 17 years, and says so"
is "$(q -c "SELECT string_agg(format('%s|%s|%s|%s|%s', cooperative_id, district_code, sector, registration_code, replace(name, E'\n', '\\n')), E'\n' ORDER BY cooperative_id) FROM htx_cooperative WHERE cooperative_id > 105")" \
	'201|164|crop|4600000201|HTX Chè Tân Cương 2
202|173|livestock|4600000202|HTX Chè, Rau an toàn\nxóm Đồng Tâm
203|171|general|4600000203|HTX Dịch vụ Đại Từ' \
	"the good cooperatives, with district and sector names resolved to codes and the quoted comma and line break kept"
is "$(q -c "SELECT string_agg(format('%s|%s|%s|%s|%s', cooperative_id, year, rating, score, commune_code), ',' ORDER BY cooperative_id, year) FROM htx_cooperative_year")" \
	"101|2025|trung bình|55.00|05443,201|2024|tốt|86.50|05503,202|2024|khá|71.00|" \
	"the good years: of a cooperative already in the warehouse, and of two loaded with them; commune names stored as the codes of their year's units, an empty cell as NULL"
is "$(tail -n1 "$tmp/clean.out")" "0" "the staging is emptied after the commit"

# ---- a clean load loads everything, in one commit
q -c 'TRUNCATE htx_cooperative_year, htx_cooperative'
{ stage_both test/data/htx_cooperative.csv test/data/htx_cooperative_year.csv
  echo "SELECT count(*) FROM htx_load_check();"
  echo "SELECT file, staged_rows, loaded_rows, rejected_rows FROM htx_load_commit();"; } > "$tmp/good.sql"
is "$(q -F'|' -f "$tmp/good.sql" 2>&1)" "0
htx_cooperative|5|5|0
htx_cooperative_year|9|9|0" "the clean example files: no error, everything loaded"
is "$(q -c "SELECT string_agg(cooperative_id || '=' || sector, ',' ORDER BY cooperative_id) FROM htx_cooperative")" \
	"101=crop,102=livestock,103=general,104=crop,105=rural_water" "sector names stored as codes, as the trigger does"

# ---- the header: byte-order mark, order, unknown and missing columns
printf '\xef\xbb\xbfyear,cooperative_id,rating,colour\n2023,103,khá,red\n' > "$tmp/hdr.csv"
{ echo "SELECT htx_load_stage('htx_cooperative_year') \\gset"
  echo "\\copy htx_load_cooperative_year (cooperative_id, year, rating, score) FROM '$tmp/hdr.csv' CSV"
  echo "SELECT line, column_name, sqlstate, reason FROM htx_load_check();"; } > "$tmp/hdr.sql"
is "$(q -F'|' -f "$tmp/hdr.sql" 2>&1)" '1|colour|42703|htx_cooperative_year has no column "colour"' \
	"an unknown header name is reported on line 1; the BOM before the first name is not"
printf '\xef\xbb\xbfyear,rating,cooperative_id\r\n2021,khá,103\r\n2022,yeu,104\r\n' > "$tmp/order.csv"
{ echo "SELECT htx_load_stage('htx_cooperative_year') \\gset"
  echo "\\copy htx_load_cooperative_year (cooperative_id, year, rating) FROM '$tmp/order.csv' CSV"
  echo "SELECT * FROM htx_load_commit();"
  echo "SELECT string_agg(format('%s/%s/%s', cooperative_id, year, rating), ',' ORDER BY 1) FROM htx_cooperative_year WHERE year < 2023;"; } > "$tmp/order.sql"
is "$(q -F'|' -f "$tmp/order.sql" 2>&1 | tail -n1)" "103/2021/khá,104/2022/yếu" \
	"columns are matched by their header names, whatever the order the \\copy gives them"
printf 'cooperative_id,rating\n103,khá\n' > "$tmp/missing.csv"
{ echo "SELECT htx_load_stage('htx_cooperative_year') \\gset"
  echo "\\copy htx_load_cooperative_year (cooperative_id, rating) FROM '$tmp/missing.csv' CSV"
  echo "SELECT line, column_name, sqlstate FROM htx_load_check();"; } > "$tmp/missing.sql"
is "$(q -F'|' -f "$tmp/missing.sql" 2>&1)" "1|year|23502" "a required column missing from the header is reported"

# ---- a column the DBA adds is loaded and checked, read from the catalog
q -c 'ALTER TABLE htx_cooperative_year ADD COLUMN loader_test_extra_vnd int8 CONSTRAINT loader_test_extra_not_negative CHECK (loader_test_extra_vnd >= 0)'
printf 'cooperative_id,year,loader_test_extra_vnd\n105,2024,-3\n105,2025,12\n105,2026,x\n' > "$tmp/extra.csv"
{ echo "SELECT htx_load_stage('htx_cooperative_year') \\gset"
  copy_cmd htx_load_cooperative_year "$tmp/extra.csv"
  echo "SELECT line, column_name, sqlstate, reason FROM htx_load_check();"
  echo "SELECT loaded_rows FROM htx_load_commit(true);"
  echo "SELECT loader_test_extra_vnd FROM htx_cooperative_year WHERE cooperative_id = 105 AND year = 2025;"; } > "$tmp/extra.sql"
is "$(q -F'|' -f "$tmp/extra.sql" 2>&1)" '2|loader_test_extra_vnd|23514|violates check constraint "loader_test_extra_not_negative"
4|loader_test_extra_vnd|22P02|invalid input syntax for type bigint: "x"
1
12' "a column added after the loader was written: its type and CHECK are checked and it loads"

# ---- bounded: a 1 MB value is reported by its first 64 characters
python3 -c "print('cooperative_id,year,rating'); print('106,2024,' + 'x' * 1000000)" > "$tmp/big.csv"
{ echo "SELECT htx_load_stage('htx_cooperative_year') \\gset"
  copy_cmd htx_load_cooperative_year "$tmp/big.csv"
  echo "SELECT line, column_name, length(value), length(reason) <= 201, sqlstate FROM htx_load_check();"; } > "$tmp/big.sql"
is "$(q -F'|' -f "$tmp/big.sql" 2>&1)" "2|cooperative_id|3|t|23503
2|rating|67|t|22P02" "a 1 MB value: the report quotes 64 characters and bounds the reason"

# ---- a loading role with the grants docs/dba.md gives (no superuser): names
# of districts and communes are read with its rights
grants=$(sed -n '/^CREATE ROLE htx_loader /,/^```/p' docs/dba.md | grep '^GRANT' | sed "s/htx_loader/$role/g")
q -c "CREATE ROLE $role LOGIN" -c "$grants" -c "GRANT TEMP ON DATABASE $db TO $role" >/dev/null
printf 'cooperative_id,name,district_code,sector,founded_on\n301,HTX Khôi Kỳ,huyện Đại Từ,crop,2012-01-01\n' > "$tmp/role_c.csv"
printf 'cooperative_id,year,rating,commune_code\n301,2024,khá,Xã Khôi Kỳ\n301,2025,khá,Đại Từ\n' > "$tmp/role_y.csv"
{ echo "SELECT htx_load_stage('htx_cooperative'), htx_load_stage('htx_cooperative_year') \\gset"
  copy_cmd htx_load_cooperative "$tmp/role_c.csv"
  copy_cmd htx_load_cooperative_year "$tmp/role_y.csv"
  echo "SELECT file, loaded_rows FROM htx_load_commit();"; } > "$tmp/role.sql"
psql -X -q -At -v ON_ERROR_STOP=1 -U "$role" -d "$db" -F'|' -f "$tmp/role.sql" > "$tmp/role.out" 2>&1
q -c "DROP OWNED BY $role" >/dev/null
is "$(cat "$tmp/role.out"; q -c "SELECT string_agg(format('%s/%s', year, commune_code), ',' ORDER BY year) FROM htx_cooperative_year WHERE cooperative_id = 301")" "htx_cooperative|1
htx_cooperative_year|2
2024/05821,2025/05830" "a role with the DBA guide's grants loads district and commune names"

exit $failed
