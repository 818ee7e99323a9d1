-- The warehouse's rules on one server, and the pieces that keep them on
-- Citus (75_citus.sql): htx_sector_code reads names exactly as the trigger
-- does, htx_is_sector_code refuses names with a hint, the tables
-- htx_distribute_warehouse() would make reference tables, and its refusal
-- without Citus.  make citus runs the same rules on a Citus cluster.
BEGIN;
SELECT plan(28);

-- ---- one server: the rules as in 1.0 ------------------------------------------------
SELECT has_trigger('htx_cooperative', 'htx_cooperative_sector_normalize', 'one server keeps the sector-normalising trigger');
SELECT lives_ok($$INSERT INTO htx_cooperative VALUES (9001, 'HTX A', 'REG-1', '164', 'Trồng trọt', '2015-01-01', NULL)$$,
	'a sector name is accepted on one server');
SELECT is((SELECT sector FROM htx_cooperative WHERE cooperative_id = 9001), 'crop', 'and stored as its code');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (9002, 'HTX B', 'REG-1', '164', 'crop', '2015-01-01', NULL)$$,
	'23505', NULL, 'a registration code is unique');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (9003, 'HTX C', NULL, '999', 'crop', '2015-01-01', NULL)$$,
	'23503', NULL, 'an unknown district is refused');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (9004, 'HTX D', NULL, '164', 'rice', '2015-01-01', NULL)$$,
	'23503', 'unknown cooperative sector "rice"', 'an unknown sector is refused');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (9001, 'HTX E', NULL, '164', 'crop', '2015-01-01', NULL)$$,
	'23505', NULL, 'a cooperative id is unique');
INSERT INTO htx_cooperative_year (cooperative_id, year) VALUES (9001, 2024);
SELECT throws_ok($$INSERT INTO htx_cooperative_year (cooperative_id, year) VALUES (9001, 2024)$$,
	'23505', NULL, 'one row per cooperative and year');
SELECT throws_ok($$INSERT INTO htx_cooperative_year (cooperative_id, year) VALUES (9999, 2024)$$,
	'23503', NULL, 'a year of an unknown cooperative is refused');

-- ---- htx_sector_code: the trigger's reading, as a function ----------------------------
-- every spelling the trigger accepts gives the same code through the function
CREATE TEMP TABLE spelling (n int, s text);
INSERT INTO spelling VALUES (1, 'crop'), (2, 'Trồng trọt'), (3, 'HTX Chăn nuôi'), (4, 'Thuỷ sản'),
	(5, '  NONG NGHIEP  tong-hop '), (6, 'General'), (7, 'nuoc sach'), (8, 'FORESTRY'), (9, 'Diêm nghiệp'),
	(10, 'aquaculture'), (11, 'htx lam nghiep');
INSERT INTO htx_cooperative (cooperative_id, name, district_code, sector)
SELECT 9100 + n, 'HTX ' || n, '165', s FROM spelling;
SELECT is((SELECT count(*)::int FROM spelling p JOIN htx_cooperative c ON c.cooperative_id = 9100 + p.n
		WHERE c.sector IS DISTINCT FROM htx_sector_code(p.s)), 0,
	'htx_sector_code gives the code the trigger stores, for every spelling');
SELECT results_eq($$SELECT htx_sector_code(s) FROM spelling ORDER BY n$$,
	ARRAY['crop', 'crop', 'livestock', 'fishery', 'general', 'general', 'rural_water', 'forestry', 'salt', 'fishery', 'forestry'],
	'the codes themselves');
SELECT is(htx_sector_code(NULL), NULL, 'NULL stays NULL');
SELECT throws_ok($$SELECT htx_sector_code('rice')$$, '23503', 'unknown cooperative sector "rice"', 'an unknown sector is an error');
-- a sector a province adds is read too
INSERT INTO htx_sector (sector_code, name_vi, name_en, aliases) VALUES ('medicinal', 'dược liệu', 'medicinal herbs', '{"htx duoc lieu"}');
SELECT is(htx_sector_code('HTX Dược liệu'), 'medicinal', 'a sector the province added, by its alias');

-- the hint of an unknown sector lists the accepted ones, as the trigger's does
CREATE FUNCTION pg_temp.error_hint(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE h text;
BEGIN
	EXECUTE q;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
	RETURN h;
END $$;
SELECT alike(pg_temp.error_hint($$SELECT htx_sector_code('rice')$$),
	'Use a code or a name of htx_sector: crop (trồng trọt), livestock (chăn nuôi), %general (nông nghiệp tổng hợp)%',
	'the hint lists the sectors');

-- ---- htx_is_sector_code: the CHECK of a distributed warehouse --------------------------
SELECT ok(htx_is_sector_code('crop') AND htx_is_sector_code('rural_water') AND htx_is_sector_code(NULL),
	'codes and NULL pass');
SELECT throws_ok($$SELECT htx_is_sector_code('Trồng trọt')$$, '23514', 'sector "Trồng trọt" is a name, not a sector code',
	'a name is refused');
SELECT alike(pg_temp.error_hint($$SELECT htx_is_sector_code('Crop')$$), 'Translate names in the load with htx_sector_code()%',
	'with a hint to translate it in the load');
SELECT is((SELECT provolatile FROM pg_proc WHERE oid = 'htx_is_sector_code(text)'::regprocedure), 'i',
	'immutable, as a CHECK needs');
-- as a CHECK beside the trigger: the trigger runs first, so one server would see no change
CREATE TEMP TABLE checked (sector text CHECK (htx_is_sector_code(sector)));
SELECT throws_ok($$INSERT INTO checked VALUES ('HTX chăn nuôi')$$, '23514', NULL, 'as a CHECK, it refuses a name');
SELECT lives_ok($$INSERT INTO checked VALUES (htx_sector_code('HTX chăn nuôi'))$$, 'and takes the translated name');

-- ---- what would become reference tables -------------------------------------------------
SELECT ok((SELECT array_agg(table_name::text) FROM htx_warehouse_reference_tables())
		@> '{htx_district,htx_district_kind,htx_sector,htx_plan,htx_target,htx_target_tolerance}',
	'the dimensions: districts, their kinds, sectors, the plan catalogue');
SELECT ok(NOT EXISTS (SELECT 1 FROM htx_warehouse_reference_tables()
		WHERE table_name IN ('htx_cooperative'::regclass, 'htx_cooperative_year'::regclass)),
	'not the fact tables');
SELECT ok((SELECT bool_and(a.level < b.level) FROM htx_warehouse_reference_tables() a
		JOIN pg_constraint c ON c.contype = 'f' AND c.confrelid = a.table_name AND c.conrelid <> c.confrelid
		JOIN htx_warehouse_reference_tables() b ON b.table_name = c.conrelid),
	'a referenced table comes before the tables referencing it');
-- Citus converts a local table joined by a key to a Citus table (and fails
-- on htx's own tables): every key of a reference table joins it to another
-- reference table or to a fact table
SELECT is((SELECT count(*)::int FROM pg_constraint c
		WHERE c.contype = 'f'
		  AND (c.conrelid IN (SELECT table_name FROM htx_warehouse_reference_tables())
			OR c.confrelid IN (SELECT table_name FROM htx_warehouse_reference_tables()))
		  AND NOT (c.conrelid IN (SELECT table_name FROM htx_warehouse_reference_tables()
				UNION ALL SELECT 'htx_cooperative'::regclass UNION ALL SELECT 'htx_cooperative_year'::regclass)
			AND c.confrelid IN (SELECT table_name FROM htx_warehouse_reference_tables()
				UNION ALL SELECT 'htx_cooperative'::regclass))), 0,
	'the reference tables are closed under foreign keys');

-- ---- htx_distribute_warehouse without Citus -------------------------------------------------
SELECT throws_ok($$SELECT htx_distribute_warehouse()$$, '55000',
	'Citus is not installed in database ' || current_database(), 'without Citus: 55000, saying so');
SELECT alike(pg_temp.error_hint($$SELECT htx_distribute_warehouse()$$), 'Build and install Citus (docs/scaling.md)%',
	'with how to get it');
SELECT has_trigger('htx_cooperative', 'htx_cooperative_sector_normalize', 'and the warehouse is untouched');

SELECT * FROM finish();
ROLLBACK;
