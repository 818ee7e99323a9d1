#!/usr/bin/env bash
# pg_dump and restore of a database where a province added its own agency
# (with an alias and a succession for the abolished district committees), its
# own task under a shipped one, and assignments: they come back once, the
# shipped plan rows are not doubled, and the functions and views answer as
# before.  Custom format through pg_restore, and plain SQL through psql.
# Prints TAP; run by prove from test/run.sh against a throwaway cluster
# (PGHOST/PGPORT/PGUSER).
set -uo pipefail
. "$(dirname "$0")/lib.bash"

db=htx_tap_plan_dump_$$
db_custom=${db}_custom
db_plain=${db}_plain
tmp=$(mktemp -d /tmp/htx-tap-plan-dump.XXXXXX)
cleanup() {
	for d in "$db" "$db_custom" "$db_plain"; do dropdb --if-exists "$d" >/dev/null 2>&1; done
	rm -rf "$tmp"
}
trap cleanup EXIT

q() { local d=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -d "$d" "$@"; }

counts="SELECT concat_ws(',',
	(SELECT count(*) FROM htx_agency), (SELECT count(*) FROM htx_agency WHERE builtin),
	(SELECT count(*) FROM htx_agency_alias), (SELECT count(*) FROM htx_agency_succession),
	(SELECT count(*) FROM htx_task), (SELECT count(*) FROM htx_task WHERE builtin),
	(SELECT count(*) FROM htx_assignment), (SELECT count(*) FROM htx_assignment WHERE builtin))"
# what the province's rows look like, and what the functions and views answer
answers() {
	q "$1" <<'SQL'
SELECT t::text FROM htx_agency t WHERE NOT builtin ORDER BY agency_code;
SELECT t::text FROM htx_agency_alias t WHERE NOT builtin ORDER BY alias;
SELECT t::text FROM htx_agency_succession t WHERE NOT builtin ORDER BY agency_code;
SELECT t::text FROM htx_task t WHERE NOT builtin ORDER BY task_code;
SELECT t::text FROM htx_assignment t WHERE NOT builtin ORDER BY task_code, agency_code;
SELECT htx_agency_resolve('UBND xã');
SELECT htx_lead_agencies('A6', '2025-07-01');
SELECT t::text FROM htx_task_agencies('TN-2025.1', '2025-07-01') t;
-- one line per row: titles may hold a line break
SELECT replace(t::text, E'\n', '\n') FROM htx_agency_tasks('Ủy ban nhân dân các xã, phường') t;
SELECT replace(t::text, E'\n', '\n') FROM htx_task_matrix t ORDER BY task_code;
SELECT replace(t::text, E'\n', '\n') FROM htx_task_assignments t ORDER BY task_code, agency_code, role;
SQL
}

echo "1..12"
createdb "$db" || exit 1
q "$db" <<'SQL' >/dev/null || exit 1
CREATE EXTENSION htx;
-- the province's own rows
INSERT INTO htx_agency (agency_code, name_vi, short_names, name_en, kind, valid_from, note)
VALUES ('CPC', 'Ủy ban nhân dân các xã, phường', '{"UBND các xã, phường"}', 'Commune and ward People''s Committees',
	'people_committee', '2025-07-01', 'added by the province');
INSERT INTO htx_agency_alias (alias, agency_code) VALUES ('UBND xã', 'CPC');
INSERT INTO htx_agency_succession (agency_code, successor_code, source)
VALUES ('DPC', 'CPC', 'Luật Tổ chức chính quyền địa phương 2025');
INSERT INTO htx_task (task_code, parent_code, part, title_vi, title_en, clause)
VALUES ('TN-2025', NULL, 'local', 'Kế hoạch của tỉnh năm 2025', 'The province''s 2025 plan', 'KH 2025'),
       ('TN-2025.1', 'TN-2025', 'local', 'Chọn mô hình HTX NN cấp xã', 'Commune model cooperatives', 'KH 2025, mục 1');
INSERT INTO htx_assignment (task_code, agency_code, role, source, listed_as)
VALUES ('TN-2025.1', 'CPC', 'lead', 'KH 2025, mục 1', 'UBND các xã, phường'),
       ('TN-2025.1', 'DAE', 'support', 'KH 2025, mục 1', 'Sở Nông nghiệp và Môi trường'),
       ('III.2', 'CPC', 'support', 'KH 2025, mục 1', 'UBND các xã, phường');
SQL
before_counts=$(q "$db" -c "$counts")
answers "$db" > "$tmp/before.txt"
is "$before_counts" "22,21,36,5,51,49,93,90" "the source database holds the shipped plan and the province's own rows"

# ---- custom format through pg_restore
pg_dump -Fc -f "$tmp/dump.custom" "$db" 2>"$tmp/dump.err"
is "$?:$(cat "$tmp/dump.err")" "0:" "pg_dump -Fc runs without a warning"
createdb "$db_custom"
pg_restore --exit-on-error -d "$db_custom" "$tmp/dump.custom" 2>"$tmp/restore.err"
is "$?:$(cat "$tmp/restore.err")" "0:" "pg_restore into a fresh database runs without an error (no shipped row collides)"
is "$(q "$db_custom" -c "$counts")" "$before_counts" "every plan table has the same rows: shipped ones once, the province's back"
is "$(q "$db_custom" -c "SELECT name_vi FROM htx_agency WHERE agency_code = 'CPC'")" "Ủy ban nhân dân các xã, phường" \
	"the province's agency is back"
is "$(q "$db_custom" -c "SELECT htx_lead_agencies('TN-2025.1')::text || ' ' || htx_supporting_agencies('TN-2025.1')::text")" \
	"{CPC} {DAE}" "its task and assignments are back"
is "$(q "$db_custom" -c "SELECT htx_lead_agencies('A6', '2025-07-01')::text")" "{DAE,CPC}" \
	"its succession for the district committees is followed after restore"
answers "$db_custom" > "$tmp/custom.txt"
is "$(cmp -s "$tmp/before.txt" "$tmp/custom.txt" && echo same || diff "$tmp/before.txt" "$tmp/custom.txt" | head -5)" "same" \
	"the functions and views answer as before"
is "$(wc -l < "$tmp/before.txt" | tr -d ' ')" "$(q "$db" -c "SELECT 1 + 1 + 1 + 2 + 3 + 1 + 1
	+ (SELECT count(*) FROM htx_task_agencies('TN-2025.1', '2025-07-01')) + (SELECT count(*) FROM htx_agency_tasks('CPC'))
	+ (SELECT count(*) FROM htx_task_matrix) + (SELECT count(*) FROM htx_task_assignments)")" \
	"the compared output is not empty: every row of it is there"

# ---- plain SQL through psql
pg_dump -f "$tmp/dump.sql" "$db"
createdb "$db_plain"
psql -X -q -v ON_ERROR_STOP=1 -d "$db_plain" -f "$tmp/dump.sql" >/dev/null 2>"$tmp/plain.err"
is "$?:$(grep -v '^$' "$tmp/plain.err")" "0:" "a plain pg_dump restores through psql without an error"
is "$(q "$db_plain" -c "$counts")" "$before_counts" "with the same rows"
answers "$db_plain" > "$tmp/plain.txt"
is "$(cmp -s "$tmp/before.txt" "$tmp/plain.txt" && echo same || diff "$tmp/before.txt" "$tmp/plain.txt" | head -5)" "same" \
	"and the same answers"

exit $failed
