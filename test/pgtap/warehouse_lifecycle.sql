-- The warehouse belongs to the DBA, not to the extension (1.1): how it is
-- created, and what DROP EXTENSION htx does to it and to a province's own
-- rows in htx's tables.  Runs in htx_test, where test/run.sh has called
-- htx_create_warehouse(); everything is rolled back.
BEGIN;
SET LOCAL client_min_messages = error;
SELECT plan(30);

CREATE TEMP VIEW wh(relname) AS VALUES ('htx_cooperative'), ('htx_cooperative_year'),
	('htx_district_year_report'), ('htx_target_progress'), ('htx_rating_trend'), ('htx_data_quality');
CREATE TEMP VIEW members AS
	SELECT d.objid FROM pg_depend d
	WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'htx');

-- ---- created by htx_create_warehouse(), owned by the caller, not members
SELECT is((SELECT count(*)::int FROM wh JOIN pg_class c USING (relname)
	WHERE c.relnamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'htx')), 6,
	'the warehouse is there: two tables and four views in the extension''s schema');
SELECT is((SELECT count(*)::int FROM wh JOIN pg_class c USING (relname) WHERE c.oid IN (SELECT objid FROM members)), 0,
	'none of them is a member of the extension (DROP EXTENSION cannot take them)');
SELECT is((SELECT string_agg(DISTINCT pg_get_userbyid(c.relowner), ',') FROM wh JOIN pg_class c USING (relname)),
	current_user::text, 'they belong to the role that created them');
SELECT is((SELECT count(*)::int FROM pg_extension e, unnest(e.extconfig) AS x(t)
	WHERE e.extname = 'htx' AND x.t::regclass::text IN (SELECT relname FROM wh)), 0,
	'and are not registered as extension configuration (pg_dump dumps them as ordinary tables)');
SELECT is((SELECT count(*)::int FROM htx_create_warehouse()), 0, 'a second htx_create_warehouse() creates nothing');
SELECT is((SELECT count(*)::int FROM pg_class c WHERE c.relname = 'htx_data_quality'
	AND 'security_barrier=true' = ANY (c.reloptions)), 1, 'htx_data_quality is a security barrier, as in 1.0');
SELECT is((SELECT count(*)::int FROM pg_trigger WHERE tgrelid = 'htx_cooperative'::regclass AND NOT tgisinternal), 1,
	'htx_cooperative keeps its sector-normalising trigger');

DROP VIEW htx_rating_trend;
SELECT results_eq($$SELECT object_type, object_name FROM htx_create_warehouse()$$,
	$$VALUES ('view', 'public.htx_rating_trend')$$, 'it re-creates only what is missing, and says so');

SAVEPOINT incomplete;
DROP TABLE htx_cooperative_year CASCADE;
SELECT throws_ok($$SELECT htx_create_warehouse()$$, '55000',
	'the warehouse in schema public is incomplete: htx_cooperative exists without htx_cooperative_year',
	'an incomplete warehouse is an error, not a silent re-creation');
ROLLBACK TO SAVEPOINT incomplete;

SELECT is((SELECT array_agg(v::text ORDER BY v::text) FROM htx_reader_views() v),
	'{htx_agency_chain,htx_agency_spelling,htx_area,htx_commune_crosswalk,htx_commune_former_district,htx_cooperative_year_located,htx_data_quality,htx_district_year_report,htx_rating_trend,htx_target_progress,htx_task_assignments,htx_task_matrix,htx_territory_year_report,htx_year_summary}'::text[],
	'htx_reader_views() lists the extension''s views and the warehouse''s');

-- ---- update scripts replace a changed view in place (htx_replace_warehouse_view)
CREATE ROLE htx_lifecycle_bi;
GRANT SELECT ON htx_rating_trend TO htx_lifecycle_bi;
CREATE VIEW my_trend AS SELECT year, area_name FROM htx_rating_trend;
SELECT is(htx_replace_warehouse_view('htx_rating_trend'), true, 'htx_replace_warehouse_view puts the definition in place');
SELECT ok(has_table_privilege('htx_lifecycle_bi', 'htx_rating_trend', 'SELECT'), 'the view keeps its grants');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relname = 'my_trend'), 1, 'and the DBA''s view on it');
SELECT is((SELECT count(*)::int FROM members WHERE objid = 'htx_rating_trend'::regclass), 0, 'and stays the DBA''s, not a member');
SELECT throws_ok($$SELECT htx_replace_warehouse_view('htx_no_such_view')$$, '42704', NULL, 'an unknown view name is an error');
DROP VIEW my_trend;
SAVEPOINT noview;
DROP VIEW htx_target_progress;
SELECT is(htx_replace_warehouse_view('htx_target_progress'), false, 'a missing view is left to htx_create_warehouse (false)');
ROLLBACK TO SAVEPOINT noview;

-- ---- the sample fills it; DROP EXTENSION is refused while it exists
SELECT lives_ok($$SELECT htx_generate_sample(30, 3)$$, 'htx_generate_sample fills the warehouse');
SELECT throws_ok($$DROP EXTENSION htx$$, '2BP01', 'cannot drop extension htx because other objects depend on it',
	'DROP EXTENSION htx is refused while the warehouse exists');
SELECT cmp_ok((SELECT count(*)::int FROM htx_cooperative_year), '>', 0, 'and every row is still there');
SELECT throws_ok($$DROP EXTENSION IF EXISTS no_such_extension, htx$$, '2BP01', NULL,
	'naming htx among others changes nothing');

-- ---- without the warehouse: the province's own rows in htx's tables
DROP VIEW htx_data_quality, htx_rating_trend, htx_target_progress, htx_district_year_report, htx_territory_year_report, htx_year_summary,
	htx_cooperative_year_located;
DROP TABLE htx_cooperative_year, htx_cooperative;
SELECT is((SELECT count(*)::int FROM htx_own_rows()), 0, 'a new install holds no row of the province''s own');
INSERT INTO htx_target_tolerance (plan_code, target_code, scope, tolerance)
SELECT plan_code, target_code, scope, 2 FROM htx_target WHERE comparator = 'about' ORDER BY 1, 2, 3 LIMIT 1;
INSERT INTO htx_agency_alias (alias, agency_code)
SELECT 'Sở nông nghiệp của tỉnh', agency_code FROM htx_agency WHERE builtin ORDER BY agency_code LIMIT 1;
SELECT results_eq($$SELECT table_name::text, own_rows FROM htx_own_rows() ORDER BY 1$$,
	$$VALUES ('htx_agency_alias', 1::bigint), ('htx_target_tolerance', 1::bigint)$$,
	'htx_own_rows() counts them table by table (the rows pg_dump keeps)');
SELECT throws_ok($$DROP EXTENSION htx$$, '2BP01',
	'cannot drop extension htx because its tables hold rows of the province''s own',
	'DROP EXTENSION htx is refused while they exist');
SELECT throws_ok($$DROP EXTENSION htx RESTRICT$$, '2BP01', NULL, 'RESTRICT too');
SELECT is((SELECT count(*)::int FROM htx_target_tolerance), 1, 'the rows are still there');
SELECT throws_ok($$SELECT htx_guard_drop_extension()$$, '39P03', NULL,
	'the event trigger function cannot be called directly');

SAVEPOINT cascade;
SELECT lives_ok($$DROP EXTENSION htx CASCADE$$, 'DROP EXTENSION htx CASCADE drops them with the extension');
SELECT is((SELECT count(*)::int FROM pg_extension WHERE extname = 'htx'), 0, 'the extension is gone');
ROLLBACK TO SAVEPOINT cascade;

DELETE FROM htx_target_tolerance;
DELETE FROM htx_agency_alias WHERE NOT builtin;
SELECT lives_ok($$DROP EXTENSION htx$$, 'with no warehouse and no row of the province''s, DROP EXTENSION htx goes through');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relname LIKE 'htx\_%'), 0, 'and leaves nothing behind');

SELECT * FROM finish();
ROLLBACK;
