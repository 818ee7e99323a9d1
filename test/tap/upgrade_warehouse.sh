#!/usr/bin/env bash
# What ALTER EXTENSION htx UPDATE does with a 1.0 warehouse (the tables and
# views the 1.0 script made as extension members): one that is exactly what
# CREATE EXTENSION made -- empty, no grants, nothing built on it -- is
# dropped, as a fresh 1.1 has none until htx_create_warehouse(); anything
# else is handed to the DBA whole: rows, grants, views and indexes of theirs.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/tap/lib.bash

db=htx_tap_upgrade_wh_$$ role=htx_tap_upgrade_wh_role_$$
trap 'dropdb --if-exists $db >/dev/null 2>&1; psql -X -q -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1' EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# a new 1.0 database; then run SQL; then update
case_db() {
	dropdb --if-exists "$db" >/dev/null 2>&1
	createdb "$db" && q -c "CREATE EXTENSION htx VERSION '1.0'" && q -c "$1" >/dev/null && q -c 'ALTER EXTENSION htx UPDATE'
}
warehouse="SELECT count(*) FROM pg_class WHERE relname IN ('htx_cooperative', 'htx_cooperative_year',
	'htx_district_year_report', 'htx_target_progress', 'htx_rating_trend', 'htx_data_quality')"
members="SELECT count(*) FROM pg_depend WHERE deptype = 'e' AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'htx')
	AND objid IN (SELECT oid FROM pg_class WHERE relname IN ('htx_cooperative', 'htx_cooperative_year',
	'htx_district_year_report', 'htx_target_progress', 'htx_rating_trend', 'htx_data_quality'))"
config="SELECT count(*) FROM pg_extension e, unnest(e.extconfig) t WHERE e.extname = 'htx'
	AND t::regclass::text IN ('htx_cooperative', 'htx_cooperative_year')"

echo "1..13"
psql -X -q -c "CREATE ROLE $role" || exit 1

case_db "SELECT 1" || exit 1
is "$(q -c "$warehouse")" "0" "an untouched, empty 1.0 warehouse is dropped by the update: 1.1 starts without one"
is "$(q -c "$config")" "0" "and leaves no dangling entry in the extension's configuration"
is "$(q -c "SELECT count(*) FROM htx_create_warehouse()")" "9" "htx_create_warehouse() then makes the 1.1 one (two tables, seven views)"

case_db "CREATE VIEW my_coops AS SELECT cooperative_id, name FROM htx_cooperative" || exit 1
is "$(q -c "$warehouse"),$(q -c "$members")" "6,0" "an empty 1.0 warehouse with a view of the DBA's on it is kept, no longer as members"
is "$(q -c "SELECT count(*) FROM my_coops")" "0" "and the DBA's view still works"

case_db "GRANT SELECT ON htx_district_year_report TO $role" || exit 1
is "$(q -c "$warehouse"),$(q -c "$members")" "6,0" "an empty 1.0 warehouse with a grant on it is kept"
is "$(q -c "SELECT has_table_privilege('$role', 'htx_district_year_report', 'SELECT')")" "t" "with the grant"

case_db "CREATE INDEX my_coop_names ON htx_cooperative (name)" || exit 1
is "$(q -c "$warehouse"),$(q -c "SELECT count(*) FROM pg_class WHERE relname = 'my_coop_names'")" "6,1" \
	"an empty 1.0 warehouse with an index of the DBA's is kept, with the index"

case_db "SELECT htx_generate_sample(20, 2)" || exit 1
is "$(q -c "$warehouse"),$(q -c "$members"),$(q -c "$config")" "6,0,0" \
	"a 1.0 warehouse with rows is kept, neither members nor extension configuration"
is "$(q -c "SELECT count(*) > 0 FROM htx_cooperative_year")" "t" "with its rows"
is "$(q -c "SELECT count(*) FROM htx_create_warehouse()")" "0" "htx_create_warehouse() finds it complete"
q -c "SELECT htx_generate_sample(5)" 2>/dev/null
is "$?" "1" "htx_generate_sample still refuses to fill a warehouse that holds rows"
is "$(q -c "SELECT count(*) FROM pg_depend d JOIN pg_class c ON c.oid = d.objid WHERE d.deptype = 'e'
	AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'htx') AND c.relkind = 'v'")" \
	"$(q -c "SELECT count(*) FROM pg_class WHERE relkind = 'v' AND relname IN ('htx_agency_spelling', 'htx_task_assignments', 'htx_task_matrix', 'htx_agency_chain', 'htx_area', 'htx_commune_crosswalk', 'htx_commune_former_district')")" \
	"the plan and territory views stay members of the extension"

exit $failed
