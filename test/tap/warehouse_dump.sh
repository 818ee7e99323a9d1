#!/usr/bin/env bash
# pg_dump and restore of a loaded warehouse: the province's rows (cooperatives,
# their years, a district, a kind change and a sector it added, a target
# tolerance) come back once, the builtin rows are not doubled, and every
# report view gives identical output.  Custom format through pg_restore, and
# plain SQL through psql.  Prints TAP; run by prove from test/run.sh against
# a throwaway cluster (PGHOST/PGPORT/PGUSER).
set -uo pipefail
. "$(dirname "$0")/lib.bash"

db=htx_tap_wh_dump_$$
db_custom=${db}_custom
db_plain=${db}_plain
tmp=$(mktemp -d /tmp/htx-tap-dump.XXXXXX)
cleanup() {
	for d in "$db" "$db_custom" "$db_plain"; do dropdb --if-exists "$d" >/dev/null 2>&1; done
	rm -rf "$tmp"
}
trap cleanup EXIT

q() { local d=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -d "$d" "$@"; }
# every report, in a fixed order, with every column
reports() {
	q "$1" <<'SQL'
SELECT t::text FROM htx_district_year_report t ORDER BY t::text;
SELECT t::text FROM htx_target_progress t ORDER BY t::text;
SELECT t::text FROM htx_rating_trend t ORDER BY t::text;
SELECT t::text FROM htx_data_quality t ORDER BY t::text;
SELECT t::text FROM htx_cooperative t ORDER BY cooperative_id;
SQL
}
tables="SELECT (SELECT count(*) FROM htx_district) || ',' || (SELECT count(*) FROM htx_district_kind) || ',' ||
	(SELECT count(*) FROM htx_sector) || ',' || (SELECT count(*) FROM htx_cooperative) || ',' ||
	(SELECT count(*) FROM htx_cooperative_year) || ',' || (SELECT count(*) FROM htx_target_tolerance)"

echo "1..10"
createdb "$db" || exit 1
q "$db" <<'SQL' >/dev/null || exit 1
CREATE EXTENSION htx;
-- the merged province: 300 cooperatives of Thái Nguyên cũ, 300 / 4 of Bắc Kạn
-- cũ, rows filed under old and new communes
SELECT htx_generate_sample(300, 11);
-- what a province adds to the shipped reference rows
INSERT INTO htx_district (district_code, name, kind, province_code, valid_from, valid_to)
VALUES ('058', 'Bạch Thông', 'huyện', '06', NULL, '2025-06-30');
INSERT INTO htx_district_kind (district_code, kind, valid_from, valid_to) VALUES ('058', 'huyện', NULL, '2025-06-30');
INSERT INTO htx_sector (sector_code, name_vi, name_en) VALUES ('medicinal', 'dược liệu', 'medicinal plants');
INSERT INTO htx_cooperative VALUES (100001, 'HTX Dược liệu Bạch Thông', NULL, '058', 'dược liệu', '2019-02-01', NULL);
INSERT INTO htx_cooperative_year (cooperative_id, year, rating, score, revenue_vnd, members, managers, managers_trained)
VALUES (100001, 2024, 'khá', 70, 2500000000, 30, 4, 2), (100001, 2025, 'tốt', 81, 2900000000, 33, 4, 3);
INSERT INTO htx_target_tolerance VALUES ('TN-42/KH-UBND', 'MANAGERS_TRAINED_30', 'province', 2);
SQL
reports "$db" > "$tmp/before.txt"
before_tables=$(q "$db" -c "$tables")
is "$before_tables" "10,11,8,$((300 + 300 / 4 + 1)),$(q "$db" -c 'SELECT count(*) FROM htx_cooperative_year'),1" "the source database holds the sample and the province's own rows"

# ---- custom format through pg_restore
pg_dump -Fc -f "$tmp/dump.custom" "$db" 2>"$tmp/dump.err"
is "$?:$(grep -ci 'error' "$tmp/dump.err")" "0:0" "pg_dump -Fc runs without an error"
[ -s "$tmp/dump.err" ] && sed 's/^/# pg_dump said: /' "$tmp/dump.err"
createdb "$db_custom"
pg_restore --exit-on-error -d "$db_custom" "$tmp/dump.custom" 2>"$tmp/restore.err"
is "$?:$(cat "$tmp/restore.err")" "0:" "pg_restore runs without an error (no builtin row collides)"
is "$(q "$db_custom" -c "$tables")" "$before_tables" "every table has the same number of rows: builtin rows once, the province's back"
reports "$db_custom" > "$tmp/custom.txt"
is "$(cmp -s "$tmp/before.txt" "$tmp/custom.txt" && echo same || diff "$tmp/before.txt" "$tmp/custom.txt" | head -5)" "same" \
	"every report view gives identical output after pg_restore"
is "$(q "$db_custom" -c "SELECT status FROM htx_target_progress WHERE is_province_total AND year = 2025 AND target_code = 'MANAGERS_TRAINED_30'")" \
	"$(q "$db" -c "SELECT status FROM htx_target_progress WHERE is_province_total AND year = 2025 AND target_code = 'MANAGERS_TRAINED_30'")" \
	"the province's tolerance still decides its \"about\" target"
is "$(wc -l < "$tmp/before.txt" | tr -d ' ')" "$(($(q "$db" -c "SELECT (SELECT count(*) FROM htx_district_year_report) + (SELECT count(*) FROM htx_target_progress) + (SELECT count(*) FROM htx_rating_trend) + (SELECT count(*) FROM htx_data_quality) + (SELECT count(*) FROM htx_cooperative)")))" \
	"the compared output is not empty: it has every row of every report"

# ---- plain SQL through psql
pg_dump -f "$tmp/dump.sql" "$db" 2>"$tmp/dump_plain.err"
createdb "$db_plain"
psql -X -q -v ON_ERROR_STOP=1 -d "$db_plain" -f "$tmp/dump.sql" >/dev/null 2>"$tmp/plain.err"
is "$?:$(grep -v '^$' "$tmp/plain.err")" "0:" "a plain pg_dump restores through psql without an error"
is "$(q "$db_plain" -c "$tables")" "$before_tables" "with the same rows"
reports "$db_plain" > "$tmp/plain.txt"
is "$(cmp -s "$tmp/before.txt" "$tmp/plain.txt" && echo same || diff "$tmp/before.txt" "$tmp/plain.txt" | head -5)" "same" \
	"and identical report output"

exit $failed
