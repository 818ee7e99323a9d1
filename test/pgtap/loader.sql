-- The loader's functions (55_loader.sql): htx_input_error, htx_sector_resolve,
-- htx_load_stage / htx_load_check / htx_load_commit driven by INSERTs into
-- the staging view (what \copy does), and their errors.  test/tap/loader.sh
-- loads real files with \copy.
BEGIN;
SELECT plan(29);

-- htx_input_error: the type's own error, NULLs when valid
SELECT is((htx_input_error('12', 'int4')).sqlstate, NULL, 'a valid integer: no error');
SELECT is(ROW((htx_input_error('1x', 'int4')).*)::text, '(22P02,"invalid input syntax for type integer: ""1x""")', 'an invalid integer: 22P02 and the message');
SELECT is((htx_input_error('kha', 'htx_rating')).sqlstate, NULL, 'a rating as the field writes it is valid');
SELECT is((htx_input_error('Tot lam', 'htx_rating')).sqlstate, '22P02', 'a misspelt rating: 22P02');
SELECT is((htx_input_error('150', 'htx_score')).sqlstate, '23514', 'a domain check counts: score 150 is 23514');
SELECT is((htx_input_error('abcdef', 'varchar', 7)).sqlstate, '22001', 'the typmod counts: varchar(3) refuses 6 characters');
SELECT is((htx_input_error('2020-02-30', 'date')).sqlstate, '22008', 'an impossible date: 22008');
SELECT is((htx_input_error(NULL, 'int4')).sqlstate, NULL, 'NULL is not an error');
SELECT throws_ok($$SELECT htx_input_error('1', 0::regtype)$$, '42704', NULL, 'an unknown type is raised, not reported');
SELECT is((SELECT count(*) FROM generate_series(1, 2000) i, htx_input_error(i::text || CASE WHEN i % 2 = 0 THEN 'x' ELSE '' END, 'int8') e
	WHERE e.sqlstate IS NOT NULL), 1000::bigint, 'many values in one query: the subtransactions do not leak');

-- htx_sector_resolve: the trigger's matching
SELECT is(htx_sector_resolve('crop'), 'crop', 'a code');
SELECT is(htx_sector_resolve('HTX Chăn nuôi'), 'livestock', 'a name with HTX');
SELECT is(htx_sector_resolve('nong nghiep tong hop'), 'general', 'a name without diacritics');
SELECT is(htx_sector_resolve('rice'), NULL, 'unknown: NULL');

-- staging
SELECT throws_ok($$SELECT htx_load_stage('htx_district')$$, '22023', NULL, 'only the two warehouse tables are loaded');
SELECT is(htx_load_stage('htx_cooperative')::text, 'htx_load_cooperative', 'htx_load_stage returns the TEMP view');
SELECT is(htx_load_stage('htx_cooperative_year')::text, 'htx_load_cooperative_year', 'one for the yearly rows');
SELECT is((SELECT c.relpersistence FROM pg_class c WHERE c.oid = 'htx_load_cooperative'::regclass), 't', 'the staging view is temporary');
SELECT is((SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'htx_load_cooperative'::regclass AND attnum > 0),
	(SELECT array_agg(column_name::text ORDER BY attnum) FROM htx_load_columns('htx_cooperative')), 'its columns are the table''s, from the catalog');

INSERT INTO htx_load_cooperative (cooperative_id, name, registration_code, district_code, sector, founded_on, dissolved_on) VALUES
	(U&'\FEFFcooperative_id', 'name', 'registration_code', 'district_code', 'sector', 'founded_on', 'dissolved_on'),
	('9001', 'HTX Một', NULL, 'Võ Nhai', 'thuỷ sản', '2020-01-01', NULL),
	('9002', 'HTX Hai', NULL, '170', 'rice', '2020-01-01', NULL);
INSERT INTO htx_load_cooperative_year (cooperative_id, year, rating, score) VALUES
	('cooperative_id', 'year', 'rating', 'score'),
	('9001', '2024', 'khá', '70'),
	('9002', '2024', 'khá', '70'),
	('9003', '2024', 'khá', '70');
SELECT results_eq($$SELECT file, line, column_name, value, sqlstate FROM htx_load_check()$$,
	$$VALUES ('htx_cooperative', 3::int8, 'sector', 'rice', '23503'),
		('htx_cooperative_year', 3::int8, 'cooperative_id', '9002', '23503'),
		('htx_cooperative_year', 4::int8, 'cooperative_id', '9003', '23503')$$,
	'htx_load_check: the unknown sector, the year of that cooperative, the year of an unknown one');
SELECT is((SELECT count(*) FROM htx_cooperative WHERE cooperative_id > 9000), 0::bigint, 'the check loads nothing');
SELECT throws_ok($$SELECT * FROM htx_load_commit()$$, '22000',
	'the staged files have 3 bad rows (3 errors); nothing was loaded', 'htx_load_commit refuses a load with bad rows');
SELECT throws_ok($$SELECT * FROM htx_load_commit(NULL)$$, '22004', NULL, 'clean_only must not be NULL');
SELECT results_eq($$SELECT file, staged_rows, loaded_rows, rejected_rows FROM htx_load_commit(true)$$,
	$$VALUES ('htx_cooperative', 2::int8, 1::int8, 1::int8), ('htx_cooperative_year', 3::int8, 1::int8, 2::int8)$$,
	'clean_only loads the clean rows and counts the rest');
SELECT results_eq($$SELECT c.district_code, c.sector, y.rating::text FROM htx_cooperative c JOIN htx_cooperative_year y USING (cooperative_id) WHERE c.cooperative_id > 9000$$,
	$$VALUES ('170', 'fishery', 'khá')$$, 'the district name and the sector name were resolved');
SELECT is((SELECT count(*) FROM htx_load_check()), 0::bigint, 'after the commit nothing is staged');

-- every loader object is documented
SELECT is((SELECT count(*) FROM pg_proc p WHERE p.proname IN ('htx_input_error', 'htx_sector_resolve', 'htx_sector_hint', 'htx_load_targets',
		'htx_load_columns', 'htx_load_stage_row', 'htx_load_stage', 'htx_load_validate', 'htx_load_check', 'htx_load_commit')
	AND obj_description(p.oid, 'pg_proc') IS NOT NULL), 10::bigint, 'every loader function has a comment');
SELECT is((SELECT proparallel FROM pg_proc WHERE proname = 'htx_input_error'), 'u', 'htx_input_error starts subtransactions: PARALLEL UNSAFE');
SELECT is((SELECT count(*) FROM htx_load_targets()), 2::bigint, 'both warehouse tables are targets');

SELECT * FROM finish();
ROLLBACK;
