#!/usr/bin/env bash
# A BI reader role (htx_grant_reader) calls every plan lookup and gets the
# owner's answers (issue 12): the lookups run with the caller's rights, so the
# reader is granted SELECT on the plan's reference tables (htx_reader_tables,
# public data) and never on the warehouse's.  A reader set up under 1.0 and
# carried through ALTER EXTENSION htx UPDATE gets exactly a fresh reader's
# rights.  Prints TAP; run by prove from test/run.sh.
set -uo pipefail
. "$(dirname "$0")/lib.bash"

db=htx_tap_plan_reader_$$ old=htx_tap_plan_reader_old_$$
role=htx_tap_plan_reader_$$ oldrole=htx_tap_plan_reader_old_$$
cleanup() {
	dropdb --if-exists "$db" >/dev/null 2>&1
	dropdb --if-exists "$old" >/dev/null 2>&1
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $role" -c "DROP ROLE IF EXISTS $oldrole" >/dev/null 2>&1
}
trap cleanup EXIT

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
r() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$role" -d "$db" "$@" 2>&1; }
r_state() { psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -U "$role" -d "$db" "$@" 2>&1 >/dev/null |
	sed -nE 's/^(psql:[^:]*:[0-9]+: )?ERROR:  ([0-9A-Z]{5}): .*$/\2/p' | head -n1; }

# every lookup a reader may call, each giving one line of text
lookups=(
	"SELECT htx_agency_resolve('Sở NN&PTNT')"
	"SELECT htx_agency_resolve('lien minh htx tinh')"
	"SELECT htx_task_resolve('iii.4.C')"
	"SELECT htx_task_resolve('Phụ lục row 3.2')"
	"SELECT htx_role_resolve('phối hợp')"
	"SELECT htx_agency_key('Sở Nông nghiệp và PTNT')"
	"SELECT htx_name_similarity('so nn ptnt', 'so nong nghiep')"
	"SELECT htx_agency_on('DARD', DATE '2025-07-01')"
	"SELECT string_agg(t::text, '|') FROM htx_task_agencies('III.2') t"
	"SELECT string_agg(t::text, '|') FROM htx_task_agencies('A3.1', DATE '2025-07-01') t"
	"SELECT htx_task_agency_codes('III.4.c', 'lead', DATE '2025-07-01')"
	"SELECT htx_lead_agencies('A5')"
	"SELECT htx_supporting_agencies('A5', DATE '2025-07-01')"
	"SELECT string_agg(t::text, '|') FROM htx_agency_tasks('DARD') t"
	"SELECT string_agg(t::text, '|') FROM htx_agency_tasks('Liên minh HTX tỉnh', 'chủ trì') t"
	"SELECT string_agg(t::text, '|') FROM htx_check_targets((SELECT htx_evaluate(r, 6000000000, 30, true, 4, 2, true) FROM (VALUES ('tốt'::htx_rating), ('khá'), ('yếu')) v(r))) t"
	"SELECT string_agg(t::text, '|') FROM htx_check_targets((SELECT htx_evaluate(r, 1, 1, false, 1, 0, false) FROM (VALUES ('tốt'::htx_rating)) v(r)), 'NQ-106/NQ-CP', 'national') t"
	"SELECT htx_rating_from_score(72, false, 'TT-09/2017/TT-BNNPTNT')"
)
search=("SELECT string_agg(t::text, '|') FROM htx_task_search('mo hinh') t"
	"SELECT string_agg(t::text, '|') FROM htx_task_search('MÔ HÌNH', DATE '2025-07-01') t")

echo "1..$(( ${#lookups[@]} + ${#search[@]} + 14 ))"
createdb "$db" || exit 1
q -c 'CREATE EXTENSION htx' -c 'SELECT htx_generate_sample(60, 3)' >/dev/null || exit 1
q -c "CREATE ROLE $role LOGIN" || exit 1
q -c "SELECT htx_grant_reader('$role')" >/dev/null || exit 1

# ---- every lookup, as the reader, answers as for the owner
for l in "${lookups[@]}" "${search[@]}"; do
	is "$(r -c "$l")" "$(q -c "$l")" "the reader calls: ${l:0:90}"
done

# ---- errors are the lookups' own, not permission errors
is "$(r_state -c "SELECT htx_agency_resolve('Sở không có')")" "P0002" "an unknown agency: P0002 for the reader too, not 42501"
is "$(r_state -c "SELECT htx_task_resolve(repeat('x', 1048576))")" "22001" "a 1 MB name: 22001 for the reader too"

# ---- which tables the reader reads: the plan's reference tables, nothing else
readable=$(q -c "SELECT string_agg(c.relname, ' ' ORDER BY c.relname) FROM pg_class c
	WHERE c.relkind IN ('r', 'p') AND c.relnamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'htx')
	  AND has_table_privilege('$role', c.oid, 'SELECT')")
is "$readable" "htx_agency htx_agency_alias htx_agency_succession htx_assignment htx_plan htx_rating_scheme htx_target htx_target_tolerance htx_task" \
	"the reader may SELECT exactly the plan's reference tables"
is "$(q -c "SELECT string_agg(t::text, ' ' ORDER BY t::text) FROM htx_reader_tables() t")" "$readable" "as htx_reader_tables() lists them"
for t in htx_cooperative htx_cooperative_year htx_district htx_sector; do
	is "$(r_state -c "SELECT count(*) FROM $t")" "42501" "the warehouse and territory stay closed: $t"
done
is "$(q -c "SELECT count(*) FROM htx_reader_tables() t, unnest('{INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER}'::text[]) p
	WHERE has_table_privilege('$role', t, p)")" "0" "and holds nothing on the plan tables but SELECT"
is "$(r_state -c "DELETE FROM htx_task WHERE NOT builtin")" "42501" "cannot change the plan"
# every row of the plan tables is one the plan views show
is "$(q -c "SELECT (SELECT count(*) FROM htx_task t WHERE t.task_code NOT IN (SELECT task_code FROM htx_task_matrix))
	+ (SELECT count(*) FROM htx_agency a WHERE a.agency_code NOT IN (SELECT agency_code FROM htx_agency_spelling WHERE spelling_kind = 'code'))
	+ (SELECT count(*) FROM htx_agency_alias a WHERE (a.agency_code, a.alias) NOT IN (SELECT agency_code, spelling FROM htx_agency_spelling WHERE spelling_kind = 'alias'))
	+ (SELECT count(*) FROM htx_agency_succession s WHERE (s.agency_code, s.successor_code) NOT IN (SELECT agency_code, holder_code FROM htx_agency_chain WHERE depth = 1))
	+ (SELECT count(*) FROM htx_assignment x WHERE (x.task_code, x.agency_code, x.role) NOT IN (SELECT task_code, agency_code, role FROM htx_task_assignments))")" "0" \
	"every task, agency, alias, succession and assignment the reader reads is also in a plan view"

# ---- revoke takes the tables back
q -c "SELECT htx_revoke_reader('$role')" >/dev/null
is "$(r_state -c "SELECT count(*) FROM htx_task")" "42501" "after htx_revoke_reader the plan tables are closed again"

# ---- a reader set up under 1.0, updated, has a fresh reader's rights
rights() { psql -X -q -At -d "$1" -c "SELECT string_agg(x, ' ' ORDER BY x) FROM (
	SELECT 'table:' || c.relname AS x FROM pg_class c WHERE c.relnamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'htx')
		AND c.relname LIKE 'htx\_%' AND has_table_privilege('$2', c.oid, 'SELECT')
	UNION ALL
	SELECT 'function:' || f::text FROM htx_reader_functions() f WHERE has_function_privilege('$2', f, 'EXECUTE')) s"; }
createdb "$old" || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d "$old" -c "CREATE EXTENSION htx VERSION '1.0'" -c "SELECT htx_generate_sample(60, 3)" \
	-c "CREATE ROLE $oldrole LOGIN" -c "SELECT htx_grant_reader('$oldrole')" -c "ALTER EXTENSION htx UPDATE" >/dev/null || exit 1
q -c "SELECT htx_grant_reader('$role')" >/dev/null
is "$(rights "$old" "$oldrole")" "$(rights "$db" "$role")" "a 1.0 reader, after ALTER EXTENSION htx UPDATE, has a fresh 1.1 reader's rights"
is "$(psql -X -q -At -U "$oldrole" -d "$old" -c "SELECT string_agg(t::text, '|') FROM htx_task_agencies('III.2') t" 2>&1)" \
	"$(q -c "SELECT string_agg(t::text, '|') FROM htx_task_agencies('III.2') t")" "and calls the lookups"

exit $failed
