#!/usr/bin/env bash
# A BI tool's read-only role (htx_grant_reader): it reads every htx view and
# gets the same rows as the owner, cannot read the tables, cannot write, cannot
# run the generator; its own functions cannot peek below htx_data_quality's
# filters; htx_revoke_reader takes it all back.  Prints TAP; run by prove from
# test/run.sh against a throwaway cluster (PGHOST/PGPORT/PGUSER).
set -uo pipefail
. "$(dirname "$0")/lib.bash"

db=htx_tap_wh_reader_$$
role=htx_tap_reader_$$
cleanup() {
	dropdb --if-exists "$db" >/dev/null 2>&1
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1
}
trap cleanup EXIT

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
r() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$role" -d "$db" "$@"; }
# as the reader, expecting an error: print its SQLSTATE
r_state() { psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -U "$role" -d "$db" "$@" 2>&1 >/dev/null |
	sed -nE 's/^(psql:[^:]*:[0-9]+: )?ERROR:  ([0-9A-Z]{5}): .*$/\2/p' | head -n1; }

echo "1..23"
createdb "$db" || exit 1
q -c 'CREATE EXTENSION htx' || exit 1
q -c 'SELECT htx_generate_sample(120, 7)' >/dev/null || exit 1
q -c "CREATE ROLE $role LOGIN" || exit 1

granted=$(q -c "SELECT string_agg(privilege || ' ' || object_type, ',' ORDER BY privilege, object_name) FROM htx_grant_reader('$role')")
# every htx view of the schema: the extension's own and the warehouse's
# (which since 1.1 belong to the DBA, not to the extension)
views=$(q -c "SELECT string_agg(c.relname, ' ' ORDER BY c.relname) FROM pg_class c
	WHERE c.relnamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'htx')
	  AND c.relkind = 'v' AND c.relname LIKE 'htx\_%'")
nviews=$(wc -w <<<"$views")
is "$(grep -o 'SELECT view' <<<"$granted" | wc -l)" "$nviews" "htx_grant_reader grants SELECT on each of the $nviews htx views"
is "$(grep -o 'USAGE schema' <<<"$granted" | wc -l)" "1" "and USAGE on the schema"
is "$(grep -c 'htx_district_year_report\|htx_target_progress\|htx_rating_trend\|htx_data_quality' <<<"${views// /$'\n'}")" "4" \
	"the four warehouse views are among them"

# ---- reads every view, with the owner's results
bad="" why=""
for v in $views; do
	got=$(r -c "SELECT count(*) FROM $v" 2>&1)
	if [ "$got" != "$(q -c "SELECT count(*) FROM $v")" ]; then
		bad="$bad $v"
		why="$why$v: $(head -n2 <<<"$got" | tr '\n' ' ')"$'\n'
	fi
done
is "$bad" "" "the reader reads every htx view and counts the same rows as the owner"
# a view that calls a function reading a table fails here: functions run with
# the caller's rights, views with their owner's
[ -n "$why" ] && sed 's/^/#   /' <<<"$why"
report="SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM htx_district_year_report t"
is "$(r -c "$report")" "$(q -c "$report")" "htx_district_year_report has the same content for the reader"
progress="SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM htx_target_progress t"
is "$(r -c "$progress")" "$(q -c "$progress")" "htx_target_progress too"
is "$(q -c "SELECT count(*) FROM pg_class WHERE relname IN ('htx_district_year_report','htx_target_progress','htx_rating_trend','htx_data_quality')
	AND coalesce(array_to_string(reloptions, ','), '') LIKE '%security_invoker=true%'")" "0" \
	"no view runs with the reader's rights (security_invoker off): the tables stay closed"

# ---- cannot read the tables
for t in htx_cooperative htx_cooperative_year htx_district htx_sector; do
	is "$(r_state -c "SELECT count(*) FROM $t")" "42501" "the reader cannot read $t"
done

# ---- cannot write
is "$(r_state -c "INSERT INTO htx_cooperative_year (cooperative_id, year) VALUES (1, 2026)")" "42501" "cannot INSERT"
is "$(r_state -c "UPDATE htx_cooperative_year SET members = 0")" "42501" "cannot UPDATE"
is "$(r_state -c "DELETE FROM htx_cooperative")" "42501" "cannot DELETE"
is "$(r_state -c "TRUNCATE htx_cooperative_year")" "42501" "cannot TRUNCATE"
is "$(r_state -c "DELETE FROM htx_data_quality")" "55000" "cannot write through a view (the views are not updatable)"
is "$(q -c "SELECT count(*) FROM unnest(string_to_array('$views', ' ')) v, unnest('{INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER}'::text[]) p
	WHERE has_table_privilege('$role', v, p)")" "0" "and holds no privilege on the views but SELECT"
is "$(r_state -c "SELECT htx_generate_sample(5)")" "42501" "cannot run the sample generator"
is "$(r_state -c "SELECT htx_grant_reader('$role')")" "42501" "cannot grant itself more"
is "$(q -c "SELECT count(*) FROM htx_cooperative_year")" "$(q -c "SELECT count(*) FROM htx_cooperative_year WHERE year BETWEEN 2020 AND 2025")" \
	"the rows are still all there"

# ---- a leaky function of the reader's sees only the rows htx_data_quality shows
leak=$(r 2>&1 <<'SQL'
CREATE FUNCTION pg_temp.leak(text) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS
$$BEGIN RAISE NOTICE 'saw %', $1; RETURN true; END$$;
SELECT count(*) FROM htx_data_quality WHERE pg_temp.leak(cooperative_name);
SQL
)
shown=$(tail -n1 <<<"$leak")
is "$(grep -c 'saw' <<<"$leak")" "$shown" "a leaky function in a filter on htx_data_quality sees only its $shown rows (security barrier)"

# ---- a superuser cannot be a reader; revoke takes it back
is "$(psql -X -q -At -v VERBOSITY=verbose -d "$db" -c "SELECT htx_grant_reader(current_user::regrole)" 2>&1 |
	sed -nE 's/^ERROR:  ([0-9A-Z]{5}): .*$/\1/p')" "22023" "a superuser is refused as a read-only role"
q -c "SELECT htx_revoke_reader('$role')" >/dev/null
is "$(r_state -c "SELECT count(*) FROM htx_district_year_report")" "42501" "after htx_revoke_reader the views are closed again"

exit $failed
