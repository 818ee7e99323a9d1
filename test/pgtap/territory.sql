-- Territory across the 2025 reorganisation (issue 9, first half): the units
-- as codes on dates, the crosswalk old -> new built from formed_from, the
-- crosswalk functions and htx_area_resolve's hard cases.
BEGIN;
SELECT plan(83);

CREATE FUNCTION pg_temp.err(q text) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text; hint text;
BEGIN
	EXECUTE q;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN ARRAY[st, msg, det, hint];
END $$;

-- Units ----------------------------------------------------------------------
SELECT results_eq($$SELECT province_code, valid_from, valid_to FROM htx_province ORDER BY 1, 2$$,
	$$VALUES ('06', '-infinity'::date, '2025-06-30'::date), ('19', '-infinity', '2025-06-30'), ('19', '2025-07-01', NULL)$$,
	'provinces: Bắc Kạn and Thái Nguyên until 2025-06-30, the merged Thái Nguyên (19) from 2025-07-01');
SELECT results_eq($$SELECT province_code, count(*) FROM htx_area WHERE level = 'district' GROUP BY 1 ORDER BY 1$$,
	$$VALUES ('06', 8::bigint), ('19', 9::bigint)$$, '17 districts: 8 of Bắc Kạn, 9 of Thái Nguyên');
SELECT is((SELECT count(*) FROM htx_district), 9::bigint, 'htx_district keeps 1.0''s nine (the 1.0 reports list every row)');
SELECT is((SELECT count(*) FROM htx_area WHERE level = 'district' AND valid_to IS DISTINCT FROM '2025-06-30'), 0::bigint,
	'every district ended on 2025-06-30');
SELECT results_eq($$SELECT district_code, name, kind FROM htx_district_other ORDER BY 1$$,
	$$VALUES ('058', 'Bắc Kạn', 'thành phố'), ('060', 'Pác Nặm', 'huyện'), ('061', 'Ba Bể', 'huyện'), ('062', 'Ngân Sơn', 'huyện'),
		('063', 'Bạch Thông', 'huyện'), ('064', 'Chợ Đồn', 'huyện'), ('065', 'Chợ Mới', 'huyện'), ('066', 'Na Rì', 'huyện')$$,
	'Bắc Kạn''s districts with their kinds (as DOMAIN.md lists them)');
SELECT results_eq($$SELECT province_code, count(*) FROM htx_commune WHERE valid_to = '2025-06-30' GROUP BY 1 ORDER BY 1$$,
	$$VALUES ('06', 108::bigint), ('19', 172::bigint)$$, '280 old units: 108 of Bắc Kạn, 172 of Thái Nguyên');
SELECT results_eq($$SELECT kind, count(*) FROM htx_commune WHERE valid_from = '2025-07-01' AND valid_to IS NULL GROUP BY 1 ORDER BY 1$$,
	$$VALUES ('phường', 15::bigint), ('xã', 77::bigint)$$, '92 new units from 2025-07-01: 77 xã, 15 phường');
SELECT is((SELECT count(*) FROM htx_commune), 372::bigint, 'no other commune rows');
SELECT is((SELECT count(*) FROM htx_commune WHERE valid_from = '-infinity' AND valid_to = '2025-06-30' AND district_code IS NOT NULL), 280::bigint,
	'old units: before the records start until 2025-06-30, each in a district');
SELECT is((SELECT count(*) FROM htx_commune WHERE valid_from = '2025-07-01' AND district_code IS NULL AND province_code = '19'), 92::bigint,
	'new units: in the province (19), no district');
SELECT is((SELECT count(*) FROM htx_commune WHERE kind = 'thị trấn' AND valid_from = '2025-07-01'), 0::bigint, 'no thị trấn after 2025-06-30');
SELECT is((SELECT count(*) FROM htx_commune c LEFT JOIN htx_area d ON d.level = 'district' AND d.area_code = c.district_code
	WHERE c.district_code IS NOT NULL AND (d.area_code IS NULL OR d.province_code <> c.province_code)), 0::bigint,
	'every old unit''s district exists and lies in the unit''s province');
SELECT results_eq($$SELECT district_code, count(*) FROM htx_commune WHERE district_code IN ('164', '171', '058') GROUP BY 1 ORDER BY 1$$,
	$$VALUES ('058', 8::bigint), ('164', 32::bigint), ('171', 27::bigint)$$, 'units per district (city of Bắc Kạn, city of Thái Nguyên, Đại Từ)');
SELECT is((SELECT count(*) FROM htx_area a JOIN htx_area b ON a.area_code = b.area_code AND a.level = b.level
	AND (a.valid_from, a.valid_to) IS DISTINCT FROM (b.valid_from, b.valid_to)
	WHERE a.valid_from < b.valid_from AND COALESCE(a.valid_to, 'infinity') >= b.valid_from), 0::bigint,
	'no code names two units on the same day');
-- a unit is a code on a date
SELECT results_eq($$SELECT valid_from, kind, name FROM htx_commune WHERE commune_code = '05443' ORDER BY 1$$,
	$$VALUES ('-infinity'::date, 'phường', 'Trưng Vương'), ('2025-07-01', 'phường', 'Phan Đình Phùng')$$,
	'05443: Phường Trưng Vương until 2025-06-30, Phường Phan Đình Phùng from 2025-07-01');
SELECT is((SELECT commune_code FROM htx_commune WHERE name = 'Phan Đình Phùng' AND valid_to = '2025-06-30'), '05449', 'the old Phường Phan Đình Phùng was 05449');
SELECT results_eq($$SELECT name FROM htx_commune WHERE commune_code = '01843' ORDER BY valid_from$$,
	$$VALUES ('Phùng Chí Kiên'), ('Bắc Kạn')$$, '01843: Phường Phùng Chí Kiên, then Phường Bắc Kạn');
SELECT is((SELECT parent_code FROM htx_area WHERE area_code = '05443' AND valid_from = '-infinity'), '164', 'an old unit''s parent is its district');
SELECT is((SELECT parent_level || ' ' || parent_code FROM htx_area WHERE area_code = '05443' AND valid_from = '2025-07-01'), 'province 19', 'a new unit''s parent is the province');
SELECT is((SELECT kinds FROM htx_area WHERE area_code = '172'), '{thành phố,thị xã}'::text[], 'Phổ Yên''s kinds, from htx_district_kind');
SELECT is((SELECT full_name FROM htx_area WHERE area_code = '01888'), 'Thị trấn Chợ Rã', 'full_name: kind and name');

-- Shipped rows ------------------------------------------------------------------
SELECT is((pg_temp.err($$UPDATE htx_commune SET name = 'x' WHERE commune_code = '05443' AND valid_from = '2025-07-01'$$))[1], '42501', 'a shipped unit is not edited');
SELECT is((pg_temp.err($$DELETE FROM htx_commune_succession WHERE old_code = '05443'$$))[1], '42501', 'a shipped pair is not deleted');
SELECT is((pg_temp.err($$TRUNCATE htx_province CASCADE$$))[1], '42501', 'TRUNCATE is refused');
SELECT lives_ok($$INSERT INTO htx_commune (commune_code, valid_from, name, kind, province_code) VALUES ('05443', '2030-01-01', 'Thử', 'phường', '19')$$,
	'a later unit of one''s own under a reused code');
SELECT is((SELECT array_agg(c.relname::text || ' ' || x.cond ORDER BY c.relname) FROM pg_extension e,
	unnest(e.extconfig, e.extcondition) AS x(rel, cond) JOIN pg_class c ON c.oid = x.rel
	WHERE e.extname = 'htx' AND c.relname IN ('htx_province', 'htx_district_other', 'htx_commune', 'htx_commune_succession')),
	'{"htx_commune WHERE NOT builtin","htx_commune_succession WHERE NOT builtin","htx_district_other WHERE NOT builtin","htx_province WHERE NOT builtin"}',
	'pg_dump keeps the rows a province adds to the territory tables, not the shipped ones');
SELECT ok((SELECT bool_and(t::regclass::oid = ANY (e.extconfig)) FROM pg_extension e,
	unnest('{htx_province,htx_district_other,htx_commune,htx_commune_succession}'::text[]) AS t WHERE e.extname = 'htx'),
	'the territory tables are registered with pg_extension_config_dump');

-- The crosswalk ----------------------------------------------------------------------
SELECT is((SELECT count(*) FROM htx_commune o WHERE o.valid_to = '2025-06-30'
	AND NOT EXISTS (SELECT 1 FROM htx_commune_crosswalk x WHERE x.old_code = o.commune_code AND x.old_valid_from = o.valid_from)), 0::bigint,
	'every one of the 280 old units maps to a new unit');
SELECT is((SELECT count(*) FROM htx_commune n WHERE n.valid_from = '2025-07-01'
	AND NOT EXISTS (SELECT 1 FROM htx_commune_crosswalk x WHERE x.new_code = n.commune_code AND x.new_valid_from = n.valid_from)), 0::bigint,
	'every new unit has old parts');
SELECT is((SELECT count(*) FROM htx_commune_crosswalk), 283::bigint, '283 pairs: 280 old units, three of them in two new units');
SELECT results_eq($$SELECT old_code, old_name, new_code, new_name FROM htx_commune_crosswalk WHERE split ORDER BY 1, 3$$,
	$$VALUES ('05461', 'Gia Sàng', '05443', 'Phan Đình Phùng'), ('05461', 'Gia Sàng', '05467', 'Gia Sàng'),
		('05467', 'Cam Giá', '05467', 'Gia Sàng'), ('05467', 'Cam Giá', '05500', 'Tích Lương'),
		('05932', 'Thượng Đình', '05908', 'Phú Bình'), ('05932', 'Thượng Đình', '05941', 'Điềm Thụy')$$,
	'the split units: Gia Sàng, Cam Giá, Thượng Đình, each in the two new units that list it');
SELECT is((SELECT count(*) FROM htx_commune_crosswalk WHERE new_province_code <> '19'), 0::bigint,
	'every new unit lies in the merged province');
SELECT is((SELECT count(DISTINCT new_code) FROM htx_commune_crosswalk WHERE keeps_code), 92::bigint, 'every new unit keeps the code of one of its parts');
SELECT is((SELECT count(*) FROM (SELECT new_code FROM htx_commune_crosswalk GROUP BY new_code HAVING count(DISTINCT old_province_code) > 1) s), 0::bigint,
	'no new unit joins parts of both former provinces');
SELECT results_eq($$SELECT old_province_code, count(DISTINCT new_code) FROM htx_commune_crosswalk GROUP BY 1 ORDER BY 1$$,
	$$VALUES ('06', 37::bigint), ('19', 55::bigint)$$, 'Bắc Kạn''s 108 units became 37, Thái Nguyên''s 172 became 55');
SELECT results_eq($$SELECT listed_as, old_code FROM htx_commune_crosswalk WHERE listed_as <> initcap(old_kind) || ' ' || old_name AND old_kind <> 'thị trấn' ORDER BY 2$$,
	$$VALUES ('Xã Trung Hòa', '01948'), ('giữ nguyên', '01957'), ('Xã Sỹ Bình', '01978'), ('Xã Hòa Mục', '02098'), ('Xã Liêm Thủy', '02197'),
		('Phường Quan Triều', '05431'), ('Phường Trung Thành (thành phố Thái Nguyên)', '05476'), ('giữ nguyên', '05719'),
		('Xã Đắc Sơn', '05875'), ('Phường Trung Thành (thành phố Phổ Yên)', '05899')$$,
	'the pairs matched across spellings: tone placement, Sĩ/Sỹ, Quán/Quan, xã that became phường, the bracketed district, giữ nguyên');
SELECT results_eq($$SELECT old_kind || ' ' || old_name, old_district_code FROM htx_commune_crosswalk WHERE new_code = '05488' ORDER BY 2, 1$$,
	$$VALUES ('xã Phúc Trìu', '164'), ('xã Phúc Xuân', '164'), ('thị trấn Hùng Sơn', '171'), ('xã Tân Thái', '171'), ('xã Phúc Tân', '172')$$,
	'Xã Đại Phúc: Hùng Sơn (Đại Từ), Phúc Xuân and Phúc Trìu (city), Tân Thái, Phúc Tân');
SELECT ok(NOT EXISTS (SELECT 1 FROM htx_commune_crosswalk WHERE new_code = '05830' AND old_name = 'Hùng Sơn'),
	'the new Xã Đại Từ does not hold the old district town');
SELECT is((SELECT count(*) FROM htx_commune_crosswalk WHERE new_straddles AND new_code = '05488'), 5::bigint, 'Xã Đại Phúc straddles former districts');

-- each new unit's parts are those its text lists (formed_from, in the shipped source file)
CREATE TEMP TABLE src (code text, name text, kind text, formed_from text);
\copy src FROM 'sql/data/source/territory/post2025_communes_19.csv' (FORMAT csv, HEADER)
SELECT is((SELECT count(*) FROM src), 92::bigint, 'the source lists 92 new units');
SELECT is((SELECT count(*) FROM src s WHERE
	(SELECT count(*) FROM htx_commune_crosswalk x WHERE x.new_code = s.code)
	<> CASE WHEN s.formed_from = 'giữ nguyên' THEN 1 ELSE cardinality(regexp_split_to_array(s.formed_from, ',\s*')) END), 0::bigint,
	'each new unit has as many parts as its formed_from lists, no pair invented');
SELECT is((SELECT count(*) FROM htx_commune_crosswalk x JOIN src s ON s.code = x.new_code
	WHERE x.listed_as <> 'giữ nguyên' AND NOT x.listed_as = ANY (regexp_split_to_array(normalize(s.formed_from, NFC), ',\s*'))), 0::bigint,
	'each pair names its old unit as formed_from writes it');
SELECT is((SELECT count(*) FROM htx_commune_crosswalk x WHERE x.listed_as = 'giữ nguyên' AND NOT x.keeps_code), 0::bigint,
	'an unchanged unit is its own predecessor');

-- Crosswalk functions ------------------------------------------------------------------
SELECT results_eq($$SELECT new_code, split FROM htx_commune_successors('05467', '2025-06-30')$$,
	$$VALUES ('05467', true), ('05500', true)$$, 'htx_commune_successors: the old Cam Giá went to Gia Sàng and Tích Lương');
SELECT results_eq($$SELECT new_code, new_name FROM htx_commune_successors('05449', '2020-01-01')$$,
	$$VALUES ('05443', 'Phan Đình Phùng')$$, 'the old Phan Đình Phùng (05449) is in the new one (05443)');
SELECT is((SELECT count(*) FROM htx_commune_successors('05443', '2026-01-01')), 0::bigint, 'a new unit has no successor');
SELECT is((SELECT array_agg(old_code ORDER BY old_code) FROM htx_commune_predecessors('05443', '2026-01-01')),
	'{05437,05440,05443,05446,05449,05452,05458,05461}', 'htx_commune_predecessors: the parts of the new Phan Đình Phùng');
SELECT results_eq($$SELECT district_code, old_units, straddles FROM htx_commune_former_districts('05488', '2026-01-01')$$,
	$$VALUES ('164', 2, true), ('171', 2, true), ('172', 1, true)$$, 'htx_commune_former_districts: Xã Đại Phúc straddles three former districts');
SELECT results_eq($$SELECT district_code, province_code, straddles FROM htx_commune_former_districts('05830', '2026-01-01')$$,
	$$VALUES ('171', '19', false)$$, 'the new Xã Đại Từ lies in the former district of Đại Từ');
SELECT results_eq($$SELECT district_code, province_code FROM htx_commune_former_districts('05443', '2024-05-01')$$,
	$$VALUES ('164', '19')$$, 'an old unit''s former district is its own');
SELECT results_eq($$SELECT district_code, split_units FROM htx_commune_former_districts('05941', '2026-01-01')$$,
	$$VALUES ('173', 1)$$, 'Xã Điềm Thụy: one part shared with Xã Phú Bình');
SELECT is((SELECT count(DISTINCT province_code) FROM htx_commune_former_districts('02020', '2026-01-01')), 1::bigint, 'a Bắc Kạn unit: Bắc Kạn''s district');
SELECT is((pg_temp.err($$SELECT * FROM htx_commune_successors('05443', '1999-13-01')$$))[1], '22008', 'a bad date is the date type''s error');
SELECT is((pg_temp.err($$SELECT * FROM htx_commune_predecessors('05461', '2026-01-01')$$))[1:3],
	ARRAY['P0002', 'no commune has code "05461" on 2026-01-01', 'Code 05461 was: Phường Gia Sàng from before 2025 to 2025-06-30.'],
	'a code not valid on the date: P0002 naming when it was');
SELECT is((pg_temp.err($$SELECT * FROM htx_commune_predecessors('05443', NULL)$$))[1], '22004', 'a NULL date is refused');

-- Names people type ---------------------------------------------------------------------
SELECT is(htx_area_resolve('Dai Tu', '2024-01-01'), '171', 'Dai Tu in 2024: the district');
SELECT is(htx_area_resolve('huyện Đại Từ', '2024-01-01'), '171', 'huyện Đại Từ');
SELECT is(htx_area_resolve('TP Thái Nguyên', '2024-01-01'), '164', 'TP Thái Nguyên: the city');
SELECT is(htx_area_resolve('Thành phố Thái Nguyên', '2024-01-01'), '164', 'Thành phố Thái Nguyên');
SELECT is(htx_area_resolve('tỉnh Thái Nguyên', '2024-01-01'), '19', 'tỉnh Thái Nguyên');
SELECT is(htx_area_resolve('Thái Nguyên', '2026-01-01'), '19', 'Thái Nguyên in 2026: only the province');
SELECT is(htx_area_resolve(normalize('Xã Văn Lang', NFD), '2026-01-01'), '02143', 'NFD input, and Văn Lang is not Văn Lăng');
SELECT is(htx_area_resolve('xã văn lăng', '2026-01-01'), '05665', 'Văn Lăng');
SELECT is(htx_area_resolve('Xã Trung Hoà', '2024-01-01'), '01948', 'old tone placement');
SELECT is(htx_area_resolve('XÃ TRUNG HÒA', '2024-01-01'), '01948', 'new tone placement, upper case');
SELECT is(htx_area_resolve('Sĩ Bình', '2024-01-01'), '01978', 'Sĩ');
SELECT is(htx_area_resolve('xa sy binh', '2024-01-01'), '01978', 'Sỹ without diacritics');
SELECT is(htx_area_resolve('Phan Đình Phùng', '2025-06-30'), '05449', 'Phan Đình Phùng on 2025-06-30: the old ward');
SELECT is(htx_area_resolve('Phan Đình Phùng', '2025-07-01'), '05443', 'Phan Đình Phùng on 2025-07-01: the new ward, code of Trưng Vương');
SELECT is(htx_area_resolve('05443', '2026-01-01'), '05443', 'a code valid on the date');
SELECT is(htx_area_resolve('Đại Từ', '2026-01-01'), '05830', 'Đại Từ in 2026: only the new Xã Đại Từ');
SELECT is(htx_area_resolve('Quan Triều', '2024-01-01'), '05431', 'Quan Triều in 2024: the old Quán Triều (htx_fold)');
SELECT is(htx_area_resolve('P. Quan Triều', '2026-01-01'), '05482', 'P. for phường');
SELECT is((pg_temp.err($$SELECT htx_area_resolve('Bắc Kạn', '2024-01-01')$$))[1:2],
	ARRAY['P0003', 'unit name "Bắc Kạn" is ambiguous on 2024-01-01'], 'Bắc Kạn in 2024: province or its city');
SELECT alike((pg_temp.err($$SELECT htx_area_resolve('Bắc Kạn', '2024-01-01')$$))[4], '%06 Tỉnh Bắc Kạn, 058 Thành phố Bắc Kạn%', 'the hint lists both');
SELECT is(htx_area_resolve('Bắc Kạn', '2026-01-01'), '01843', 'Bắc Kạn in 2026: only the new ward');
SELECT is((pg_temp.err($$SELECT htx_area_resolve('Trung Thành', '2024-01-01')$$))[1], 'P0003', 'two old wards named Trung Thành');
SELECT is((pg_temp.err($$SELECT htx_area_resolve('Van Lang', '2026-01-01')$$))[1], 'P0003', 'Van Lang without diacritics: Văn Lang or Văn Lăng');
SELECT is((pg_temp.err($$SELECT htx_area_resolve('huyện Đại Từ', '2026-01-01')$$))[1:3],
	ARRAY['P0002', 'unknown unit "huyện Đại Từ" on 2026-01-01', 'Units of that name on other dates: 171 Huyện Đại Từ (before 2025 to 2025-06-30).'],
	'the district on a date after districts: P0002, saying when it existed');
SELECT alike((pg_temp.err($$SELECT htx_area_resolve('Dai Tuu', '2024-01-01')$$))[4], 'Closest on that date: 171 Huyện Đại Từ%', 'a misspelling: the nearest candidates');
SELECT is((pg_temp.err($$SELECT htx_area_resolve(repeat('Thái Nguyên ', 100000), '2024-01-01')$$))[1], '22023', 'an absurd length is refused at once');
SELECT is(htx_area_resolve('Thái Nguyên', NULL), NULL, 'STRICT: a NULL date gives NULL');
SELECT is((pg_temp.err($$SELECT htx_area_resolve('', '2024-01-01')$$))[1], 'P0002', 'an empty name');

SELECT * FROM finish();
ROLLBACK;
