-- The loader's functions (55_loader.sql): htx_input_error, htx_sector_resolve,
-- htx_commune_resolve, htx_load_stage / htx_load_check / htx_load_commit driven by INSERTs into
-- the staging view (what \copy does), and their errors.  test/tap/loader.sh
-- loads real files with \copy.
BEGIN;
SELECT plan(60);

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

-- htx_commune_resolve: a commune-level unit, by name or code, on a date
SELECT is(htx_commune_resolve('05443', '2024-12-31'), '05443', 'a code on its date: 05443 in 2024 (Phường Trưng Vương)');
SELECT is(htx_commune_resolve('05443', '2025-12-31'), '05443', 'the same code in 2025 (the new Phường Phan Đình Phùng)');
SELECT is(htx_commune_resolve('Phường Phan Đình Phùng', '2025-12-31'), '05443', 'a new unit''s name in 2025: the code it kept');
SELECT is(htx_commune_resolve('phuong phan dinh phung', '2024-12-31'), '05449', 'the same name in 2024 is the old ward, 05449');
SELECT is(htx_commune_resolve(normalize('Xã Đại Phúc', NFD), '2025-12-31'), '05488', 'NFD input');
SELECT is(htx_commune_resolve('Xa Dai Phuc', '2025-12-31'), '05488', 'without diacritics, with the kind word');
SELECT is(htx_commune_resolve('Đại Từ', '2025-12-31'), '05830', 'Đại Từ in 2025 is the new xã (districts ended on 2025-06-30)');
SELECT is(htx_commune_resolve('P. Tân Thịnh', '2024-12-31'), '05452', 'an abbreviated kind tells the phường from the xã');
SELECT throws_ok($$SELECT htx_commune_resolve('05449', '2025-12-31')$$, 'P0002',
	'no commune has code "05449" on 2025-12-31', 'an old unit''s code that was not reused, in a 2025 row: P0002');
SELECT throws_ok($$SELECT htx_commune_resolve('Xa Dai Phuc', '2023-12-31')$$, 'P0002',
	'unknown unit "Xa Dai Phuc" on 2023-12-31', 'a new unit''s name in a 2023 row: P0002');
SELECT throws_ok($$SELECT htx_commune_resolve('Tân Thịnh', '2024-12-31')$$, 'P0003',
	'commune name "Tân Thịnh" is ambiguous on 2024-12-31', 'a phường and a xã of one name: P0003');
SELECT throws_ok($$SELECT htx_commune_resolve('Đại Từ', '2024-12-31')$$, 'P0002',
	'no commune-level unit "Đại Từ" on 2024-12-31, only 171 Huyện Đại Từ (a district)', 'a district''s name given as a commune: P0002 naming it');
SELECT throws_ok($$SELECT htx_commune_resolve('Thái Nguyên', '2024-12-31')$$, 'P0002',
	'no commune-level unit "Thái Nguyên" on 2024-12-31, only 19 Tỉnh Thái Nguyên (a province), 164 Thành phố Thái Nguyên (a district)',
	'a name ambiguous between a province and a city, neither a commune: P0002, not P0003');
SELECT throws_ok($$SELECT htx_commune_resolve('Thái Nguyên', '2025-12-31')$$, 'P0002',
	'no commune-level unit "Thái Nguyên" on 2025-12-31, only 19 Tỉnh Thái Nguyên (a province)', 'a province''s name given as a commune: P0002');
SELECT throws_ok($$SELECT htx_commune_resolve('171', '2024-12-31')$$, 'P0002', NULL, 'a district''s code given as a commune: P0002');
SELECT throws_ok($$SELECT htx_commune_resolve(repeat('x', 1000000), '2025-12-31')$$, '22023', NULL, 'a 1 MB name: 22023 at once');
SELECT is(htx_commune_resolve(NULL, '2025-12-31'), NULL, 'NULL: NULL');

-- the loader reads commune_code on 31 December of the row's year
SELECT ok(htx_load_stage('htx_cooperative') IS NOT NULL AND htx_load_stage('htx_cooperative_year') IS NOT NULL, 'staged again');
INSERT INTO htx_load_cooperative (cooperative_id, name, district_code, sector, founded_on) VALUES
	('cooperative_id', 'name', 'district_code', 'sector', 'founded_on'),
	('9101', 'HTX Xã Khôi Kỳ', 'Đại Từ', 'crop', '2010-01-01'),
	('9102', 'HTX Trưng Vương', '164', 'crop', '2010-01-01'),
	('9103', 'HTX Hùng Sơn', NULL, 'crop', '2010-01-01'),
	('9104', 'HTX Phú Bình', '173', 'crop', '2010-01-01');
INSERT INTO htx_load_cooperative_year (cooperative_id, year, rating, commune_code) VALUES
	('cooperative_id', 'year', 'rating', 'commune_code'),
	('9101', '2023', 'khá', 'Xa Dai Phuc'),          -- 2: a new unit's name in 2023
	('9102', '2023', 'khá', 'Tân Thịnh'),            -- 3: ambiguous
	('9103', '2023', 'khá', 'Đại Từ'),               -- 4: a district
	('9104', '2025', 'khá', '05449'),                -- 5: an old code in 2025
	('9104', '2022', 'khá', 'Hà Nội Mới'),           -- 6: unknown
	('9104', '2021', 'khá', 'Thái Nguyên'),          -- 7: a province and a city
	('9104', '2020', 'khá', '5443'),                 -- 8: a code that lost its zero
	('9103', '20x1', 'khá', 'Nowhere'),              -- 9: no year to read it on: the year is reported
	('9104', '2019', 'khá', repeat('x', 300));       -- 10: too long
SELECT results_eq($$SELECT line, column_name, value, sqlstate FROM htx_load_check()$$,
	$$VALUES (2::int8, 'commune_code', 'Xa Dai Phuc', 'P0002'), (3, 'commune_code', 'Tân Thịnh', 'P0003'),
		(4, 'commune_code', 'Đại Từ', 'P0002'), (5, 'commune_code', '05449', 'P0002'), (6, 'commune_code', 'Hà Nội Mới', 'P0002'),
		(7, 'commune_code', 'Thái Nguyên', 'P0002'), (8, 'commune_code', '5443', 'P0002'), (9, 'year', '20x1', '22P02'),
		(10, 'commune_code', repeat('x', 64) || '...', '22023')$$,
	'htx_load_check: each bad commune cell, with its line and SQLSTATE; none for a row whose year is bad');
SELECT is((SELECT reason FROM htx_load_check() WHERE line = 2),
	'unknown unit "Xa Dai Phuc" on 2023-12-31. Units of that name on other dates: 05488 Xã Đại Phúc (2025-07-01 to today).',
	'unknown on the row''s date: the reason says when the name existed');
SELECT is((SELECT reason FROM htx_load_check() WHERE line = 3),
	'commune name "Tân Thịnh" is ambiguous on 2023-12-31: 05452 Phường Tân Thịnh, 05548 Xã Tân Thịnh',
	'ambiguous: the reason lists the candidates');
SELECT is((SELECT reason FROM htx_load_check() WHERE line = 4),
	'no commune-level unit "Đại Từ" on 2023-12-31, only 171 Huyện Đại Từ (a district)', 'a district: the reason says so');
SELECT is((SELECT reason FROM htx_load_check() WHERE line = 5),
	'no commune has code "05449" on 2025-12-31. Code 05449 was: Phường Phan Đình Phùng from before 2025 to 2025-06-30.',
	'an old code in a 2025 row: the reason gives the code''s dates');
SELECT alike((SELECT reason FROM htx_load_check() WHERE line = 8), '%05443 is Phường Trưng Vương on that date: did a spreadsheet drop its leading zero?',
	'a four-digit code: the reason suggests the five-digit one');
SELECT results_eq($$SELECT file, staged_rows, loaded_rows, rejected_rows FROM htx_load_commit(true)$$,
	$$VALUES ('htx_cooperative', 4::int8, 4::int8, 0::int8), ('htx_cooperative_year', 9::int8, 0::int8, 9::int8)$$,
	'clean_only: no row with a bad commune is loaded');

-- a good file: 2024 rows under old units, 2025 rows under new ones, typed as people type
SELECT ok(htx_load_stage('htx_cooperative_year') IS NOT NULL, 'the yearly rows staged again');
INSERT INTO htx_load_cooperative_year (cooperative_id, year, rating, commune_code) VALUES
	('cooperative_id', 'year', 'rating', 'commune_code'),
	('9101', '2024', 'khá', 'Xã Khôi Kỳ'),
	('9101', '2025', 'khá', 'Đại Từ'),
	('9102', '2024', 'khá', '05443'),
	('9102', '2025', 'khá', 'phuong phan dinh phung'),
	('9103', '2024', 'khá', 'thi tran hung son'),
	('9103', '2025', 'khá', normalize('Xã Đại Phúc', NFD)),
	('9104', '2024', 'khá', NULL),
	('9104', '2025', 'khá', '  ');
SELECT is((SELECT count(*) FROM htx_load_check()), 0::bigint, 'a file of old units in 2024 and new ones in 2025: no error');
SELECT results_eq($$SELECT file, loaded_rows FROM htx_load_commit()$$, $$VALUES ('htx_cooperative_year', 8::int8)$$, 'it commits');
SELECT results_eq($$SELECT cooperative_id, year, commune_code FROM htx_cooperative_year WHERE cooperative_id > 9100 ORDER BY 1, 2$$,
	$$VALUES (9101, 2024, '05821'), (9101, 2025, '05830'), (9102, 2024, '05443'), (9102, 2025, '05443'),
		(9103, 2024, '05761'), (9103, 2025, '05488'), (9104, 2024, NULL), (9104, 2025, NULL)$$,
	'the codes are stored; an empty cell (or spaces) stays NULL');
SELECT results_eq($$SELECT cooperative_id, year, commune_full_name, former_district_code, located_by
		FROM htx_cooperative_year_located WHERE cooperative_id > 9100 ORDER BY 1, 2$$,
	$$VALUES (9101, 2024, 'Xã Khôi Kỳ', '171', 'old commune'), (9101, 2025, 'Xã Đại Từ', '171', 'crosswalk'),
		(9102, 2024, 'Phường Trưng Vương', '164', 'old commune'), (9102, 2025, 'Phường Phan Đình Phùng', '164', 'crosswalk'),
		(9103, 2024, 'Thị trấn Hùng Sơn', '171', 'old commune'), (9103, 2025, 'Xã Đại Phúc', '171', 'earlier commune'),
		(9104, 2024, NULL, '173', 'district'), (9104, 2025, NULL, '173', 'district')$$,
	'htx_cooperative_year_located puts each row in its former district: directly, through the crosswalk, through the earlier row in a straddling unit, or by the district');

-- every loader object is documented
SELECT is((SELECT count(*) FROM pg_proc p WHERE p.proname IN ('htx_input_error', 'htx_sector_resolve', 'htx_sector_hint', 'htx_load_targets',
		'htx_load_columns', 'htx_load_stage_row', 'htx_load_stage', 'htx_load_validate', 'htx_load_check', 'htx_load_commit', 'htx_commune_resolve')
	AND obj_description(p.oid, 'pg_proc') IS NOT NULL), 11::bigint, 'every loader function has a comment');
SELECT is((SELECT proparallel FROM pg_proc WHERE proname = 'htx_input_error'), 'u', 'htx_input_error starts subtransactions: PARALLEL UNSAFE');
SELECT is((SELECT proparallel::text || provolatile::text FROM pg_proc WHERE proname = 'htx_commune_resolve'), 'ss', 'htx_commune_resolve reads htx_area_matches, no subtransaction: STABLE, PARALLEL SAFE');
SELECT is((SELECT count(*) FROM htx_load_targets()), 2::bigint, 'both warehouse tables are targets');

SELECT * FROM finish();
ROLLBACK;
