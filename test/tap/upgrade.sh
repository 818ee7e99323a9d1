#!/usr/bin/env bash
# Upgrade from 1.0: install the frozen 1.0 script, use it as a province
# would (the sample warehouse, its own agency, target, tolerance, scheme,
# cooperatives, a view of its own, a BI reader role), ALTER EXTENSION htx
# UPDATE, and check that
#   (a) every object of the extension and of the warehouse is defined exactly
#       as in a fresh install that went through the same steps
#       (test/tap/describe_extension.sql, diffed line by line);
#   (b) no row of the province's is lost or changed;
#   (c) the reader role, the user's own view and DROP EXTENSION behave as in a
#       fresh install.
# (The pgTAP and pg_regress suites also run on an upgraded database: see
# test/run.sh.)  The model is postgresql-unit's and contrib's upgrade tests.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/tap/lib.bash

tmp=$(mktemp -d)
old=htx_upgrade_old fresh=htx_upgrade_fresh role=htx_upgrade_reader
trap 'dropdb --if-exists $old; dropdb --if-exists $fresh; psql -X -q -c "DROP ROLE IF EXISTS $role" 2>/dev/null; rm -rf "$tmp"' EXIT
q() { local db=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# same WANT HAVE DESCRIPTION: ok when the files are equal; else the diff, as TAP comments
same() {
	local d
	d=$(diff -u "$1" "$2")
	check "$3" test -z "$d"
	[ -z "$d" ] || head -n 60 <<<"$d" | sed 's/^/#   /'
}

# What a province does with htx: the same in both databases.  GEN is the
# call that makes 1.0's sample: htx_generate_sample in 1.0, renamed
# htx_generate_sample_thai_nguyen in 1.1 (whose htx_generate_sample builds the
# merged province).
# use_it DB GEN
use_it() {
	q "$1" -v gen="$2" <<'SQL'
SELECT :gen(80, 5);
INSERT INTO htx_agency (agency_code, name_vi, short_names, name_en, kind, valid_from, note)
VALUES ('CPC', 'Ủy ban nhân dân các xã, phường', '{"UBND các xã, phường"}', 'Commune and ward People''s Committees',
	'people_committee', '2025-07-01', 'added by the province');
INSERT INTO htx_plan (plan_code, title_vi, title_en, issued_by, issued_on)
VALUES ('KH-TN-2026', 'Kế hoạch phát triển HTX NN năm 2026', 'The province''s 2026 plan', 'UBND tỉnh Thái Nguyên', '2026-01-15');
INSERT INTO htx_target (plan_code, target_code, scope, sort_order, indicator_vi, indicator_en, comparator, required, unit, measure, deadline_year, clause)
VALUES ('KH-TN-2026', 'GOOD_FAIR_65', 'province', 1, 'Tỷ lệ HTX NN tốt, khá', 'good or fair share', '>=', 65, 'percent', 'good_fair_share', 2026, 'mục 1');
INSERT INTO htx_target_tolerance (plan_code, target_code, scope, tolerance)
SELECT t.plan_code, t.target_code, t.scope, 2 FROM htx_target t WHERE t.comparator = 'about' ORDER BY 1, 2, 3 LIMIT 1;
INSERT INTO htx_rating_scheme (scheme, title, max_score, good_min, fair_min, average_min, fined_is_weak, source)
VALUES ('TN-2026', 'Thái Nguyên, thử nghiệm 2026', 100, 85, 70, 50, true, 'Quyết định của tỉnh (ví dụ)');
INSERT INTO htx_cooperative (cooperative_id, name, registration_code, district_code, sector, founded_on)
VALUES (900001, 'HTX Chè Tân Cương', '4600123456', '164', 'Trồng trọt', '2015-03-02');
INSERT INTO htx_cooperative_year (cooperative_id, year, rating, score, fined, revenue_vnd, members, managers, managers_trained, applies_tech, is_model)
VALUES (900001, 2024, 'Tốt', 86, false, 7200000000, 61, 5, 3, true, true),
       (900001, 2025, 'kha', 78.5, false, 6900000000, 64, 5, 4, true, true);
CREATE VIEW my_2025_ratings AS
	SELECT c.name, y.rating::text AS rating FROM htx_cooperative c JOIN htx_cooperative_year y USING (cooperative_id) WHERE y.year = 2025;
SQL
}

# Every row a province holds, table by table: the warehouse whole, the
# extension's tables without their shipped rows.
user_rows() {
	q "$1" <<'SQL'
-- (the columns 1.1 adds are compared apart: NULL in a 1.0 database, set by
-- 1.1's sample or its reading of a province's own targets; htx_plan.province_code
-- is NULL for a province's own plan either way)
SELECT format('SELECT %L || count(*) || ''|'' || md5(coalesce(string_agg((to_jsonb(t) - ''{capital_vnd,denominator,commune_code' || CASE WHEN c.relname = 'htx_plan' THEN ',province_code' ELSE '' END || '}''::text[])::text, ''|'' ORDER BY (to_jsonb(t) - ''{capital_vnd,denominator,commune_code' || CASE WHEN c.relname = 'htx_plan' THEN ',province_code' ELSE '' END || '}''::text[])::text COLLATE "C"), '''')) FROM %I t %s',
	c.relname || '|', c.relname,
	CASE WHEN EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'builtin') THEN 'WHERE NOT t.builtin' ELSE '' END)
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname LIKE 'htx\_%'
ORDER BY c.relname
\gexec
SELECT 'my_2025_ratings|' || md5(string_agg(t::text, '|' ORDER BY t::text COLLATE "C")) FROM my_2025_ratings t;
SQL
}

echo "1..15"
psql -X -q -c "CREATE ROLE $role LOGIN" || exit 1

# ---- a 1.0 database, used, then updated
createdb "$old" || exit 1
q "$old" -c "CREATE EXTENSION htx VERSION '1.0'" || exit 1
use_it "$old" htx_generate_sample >/dev/null || exit 1
q "$old" -c "SELECT count(*) FROM htx_grant_reader('$role')" >/dev/null || exit 1
user_rows "$old" > "$tmp/rows.before"
is "$(q "$old" -c "SELECT count(*) FROM pg_depend WHERE refobjid = (SELECT oid FROM pg_extension WHERE extname = 'htx')
	AND deptype = 'e' AND objid IN ('htx_cooperative'::regclass, 'htx_cooperative_year'::regclass)")" "2" \
	"in 1.0 the warehouse tables are members of the extension"
q "$old" -c "ALTER EXTENSION htx UPDATE" 2>"$tmp/update.err"
is "$?:$(cat "$tmp/update.err")" "0:" "ALTER EXTENSION htx UPDATE runs without an error or warning"
is "$(q "$old" -c "SELECT extversion FROM pg_extension WHERE extname = 'htx'")" "1.1" "and the extension is 1.1"
user_rows "$old" > "$tmp/rows.after"
# the tables 1.0 had (tables 1.1 adds are compared with a fresh 1.1 below)
awk -F'|' 'NR == FNR { had[$1]; next } $1 in had' "$tmp/rows.before" "$tmp/rows.after" > "$tmp/rows.after.had"
same "$tmp/rows.before" "$tmp/rows.after.had" "no row of the province's is lost or changed by the update ($(wc -l < "$tmp/rows.before") tables and views)"
[ -s "$tmp/rows.before" ] || { echo "# no rows compared"; failed=1; }

# ---- a fresh 1.1 database, used the same way
createdb "$fresh" || exit 1
q "$fresh" -c "CREATE EXTENSION htx" || exit 1
use_it "$fresh" htx_generate_sample_thai_nguyen >/dev/null || exit 1
q "$fresh" -c "SELECT count(*) FROM htx_grant_reader('$role')" >/dev/null || exit 1
user_rows "$fresh" > "$tmp/rows.fresh"
same "$tmp/rows.fresh" "$tmp/rows.after" "the upgraded database holds the same rows as the fresh one"
is "$(q "$old" -c "SELECT denominator FROM htx_target WHERE target_code = 'GOOD_FAIR_65'")|$(q "$fresh" -c "SELECT coalesce(denominator, 'NULL') FROM htx_target WHERE target_code = 'GOOD_FAIR_65'")" \
	"rated|NULL" "the province's own good/fair target keeps 1.0's reading (rated) through the update; one made under 1.1 counts every cooperative"
is "$(q "$old" -c "SELECT count(capital_vnd) FROM htx_cooperative_year")" "0" "the kept 1.0 warehouse has the new capital column, empty"
is "$(q "$old" -c "SELECT count(*) FROM (
	(SELECT district_code, year, cooperatives, good, fair, average, weak, not_rated, rating_missing, good_fair_pct, revenue_total_vnd, model_count, district_kind, district_valid
	 FROM htx_territory_year_report WHERE area_level = 'district' AND year <= 2024
	 EXCEPT ALL
	 SELECT district_code, year, cooperatives, good, fair, average, weak, not_rated, rating_missing, good_fair_pct, revenue_total_vnd, model_count, district_kind, district_valid
	 FROM htx_district_year_report WHERE area_level = 'district' AND year <= 2024)
	UNION ALL
	(SELECT district_code, year, cooperatives, good, fair, average, weak, not_rated, rating_missing, good_fair_pct, revenue_total_vnd, model_count, district_kind, district_valid
	 FROM htx_district_year_report WHERE area_level = 'district' AND year <= 2024
	 EXCEPT ALL
	 SELECT district_code, year, cooperatives, good, fair, average, weak, not_rated, rating_missing, good_fair_pct, revenue_total_vnd, model_count, district_kind, district_valid
	 FROM htx_territory_year_report WHERE area_level = 'district' AND year <= 2024)) d")/$(q "$old" -c "SELECT count(*) FROM htx_cooperative_year_located WHERE located_by = 'district'")/$(q "$old" -c "SELECT count(*) FROM htx_cooperative_year")" \
	"0/$(q "$old" -c "SELECT count(*) FROM htx_cooperative_year")/$(q "$old" -c "SELECT count(*) FROM htx_cooperative_year")" \
	"the kept 1.0 warehouse, district-only rows: every row located by its district, and 2020-2024 by former district answer as htx_district_year_report"

# ---- (a) every definition equal
psql -X -q -d "$old" -f test/tap/describe_extension.sql > "$tmp/old.txt" 2>&1
psql -X -q -d "$fresh" -f test/tap/describe_extension.sql > "$tmp/fresh.txt" 2>&1
sed -i "s/$old/DB/g" "$tmp/old.txt"; sed -i "s/$fresh/DB/g" "$tmp/fresh.txt"
lines=$(wc -l < "$tmp/fresh.txt")
check "the catalog description is not trivially empty ($lines lines: functions, types, operators, tables, views, rows ...)" \
	test "$lines" -gt 500
same "$tmp/fresh.txt" "$tmp/old.txt" "every object is defined as in a fresh install (functions and labels, views, columns, constraints, indexes, triggers, comments, grants, shipped rows)"
is "$(grep -c '^ERROR\|^psql' "$tmp/old.txt" "$tmp/fresh.txt" | awk -F: '{s += $2} END {print s}')" "0" "the description ran without an error"
# the comparison itself notices a changed label
psql -X -q -d "$old" -c 'BEGIN' -c 'ALTER FUNCTION htx_rating_label(htx_rating, text) PARALLEL RESTRICTED' \
	-f test/tap/describe_extension.sql -c 'ROLLBACK' 2>&1 | sed "s/$old/DB/g" > "$tmp/mutated.txt"
is "$(diff "$tmp/fresh.txt" "$tmp/mutated.txt" | grep -c '^[<>] def|[a-z_.]*htx_rating_label(')" "2" \
	"the comparison notices a function whose PARALLEL label differs (it is not blind)"

# ---- (c) what users see
for db in "$old" "$fresh"; do
	r=$(psql -X -q -At -U "$role" -d "$db" -c "SELECT count(*) FROM htx_district_year_report" 2>&1)
	echo "$r" > "$tmp/reader.$db"
done
is "$(cat "$tmp/reader.$old")" "$(cat "$tmp/reader.$fresh")" "the BI reader reads the report in the upgraded database as in the fresh one"
q "$old" -c "DROP EXTENSION htx" 2>"$tmp/drop.err"
like "$(cat "$tmp/drop.err")" "cannot drop extension htx because" "DROP EXTENSION htx is refused in the upgraded database: the warehouse is the province's"
is "$(q "$old" -c "SELECT count(*) FROM htx_cooperative_year")" "$(q "$fresh" -c "SELECT count(*) FROM htx_cooperative_year")" \
	"and every yearly row is still there"

exit $failed
