-- The warehouse model: shipped districts and sectors, every constraint
-- rejecting its kind of bad row with its name, sector spellings, and the
-- deterministic sample generator.
BEGIN;
SELECT plan(81);

-- ---- shipped reference rows ----------------------------------------------------
SELECT results_eq($$SELECT district_code || ' ' || name || ' (' || kind || ')' FROM htx_district ORDER BY district_code$$,
	ARRAY['164 Thái Nguyên (thành phố)', '165 Sông Công (thành phố)', '167 Định Hóa (huyện)', '168 Phú Lương (huyện)',
	      '169 Đồng Hỷ (huyện)', '170 Võ Nhai (huyện)', '171 Đại Từ (huyện)', '172 Phổ Yên (thành phố)', '173 Phú Bình (huyện)'],
	'the nine district-level units of Thái Nguyên, with GSO codes and their last kind');
SELECT is((SELECT string_agg(DISTINCT province_code || '|' || valid_to || '|' || builtin, ',') FROM htx_district),
	'19|2025-06-30|true', 'all in province 19, all ending on 2025-06-30, all builtin');
SELECT is((SELECT kind FROM htx_district_kind WHERE district_code = '172' AND '2022-04-09' BETWEEN coalesce(valid_from, '-infinity') AND valid_to),
	'thị xã', 'Phổ Yên was a thị xã on 2022-04-09');
SELECT is((SELECT kind FROM htx_district_kind WHERE district_code = '172' AND '2022-04-10' BETWEEN coalesce(valid_from, '-infinity') AND valid_to),
	'thành phố', 'and a thành phố from 2022-04-10');
SELECT is((SELECT count(*)::int FROM htx_district_kind WHERE district_code <> '172'), 8, 'one kind for each other unit');
SELECT results_eq($$SELECT article_item || ' ' || sector_code FROM htx_sector ORDER BY article_item$$,
	ARRAY['1 crop', '2 livestock', '3 forestry', '4 fishery', '5 salt', '6 rural_water', '7 general'],
	'the seven types of Circular 09/2017 Art. 3, in its order');

-- ---- districts reject impossible rows ---------------------------------------------
SELECT throws_ok($$INSERT INTO htx_district VALUES ('16', 'X', 'huyện', '19')$$, '23514',
	'new row for relation "htx_district" violates check constraint "htx_district_code_is_three_digits"', 'district code of two digits');
SELECT throws_ok($$INSERT INTO htx_district VALUES ('999', 'X', 'tỉnh', '19')$$, '23514',
	'new row for relation "htx_district" violates check constraint "htx_district_kind_known"', 'unknown district kind');
SELECT throws_ok($$INSERT INTO htx_district VALUES ('999', 'X', 'huyện', '19', '2025-01-01', '2024-01-01')$$, '23514',
	'new row for relation "htx_district" violates check constraint "htx_district_valid_to_not_before_valid_from"', 'validity ending before it starts');
SELECT throws_ok($$INSERT INTO htx_district VALUES ('999', ' ', 'huyện', '19')$$, '23514',
	'new row for relation "htx_district" violates check constraint "htx_district_name_not_blank"', 'blank district name');
SELECT throws_ok($$INSERT INTO htx_district VALUES ('999', 'X', 'huyện', '1')$$, '23514',
	'new row for relation "htx_district" violates check constraint "htx_district_province_code_is_two_digits"', 'bad province code');

-- ---- cooperatives -----------------------------------------------------------------
SELECT lives_ok($$INSERT INTO htx_cooperative VALUES
	(1, 'HTX Chè Tân Cương', '4600000001', '164', 'crop', '2015-01-01', NULL),
	(2, 'HTX Chăn nuôi', '4600000002', '173', 'HTX Chăn nuôi', '2016-01-01', '2023-06-30'),
	(3, 'HTX Cá', NULL, '171', 'Thuỷ sản', '2018-01-01', NULL),
	(4, 'HTX Tổng hợp', NULL, '171', '  NONG NGHIEP  tong-hop ', '2018-01-01', NULL),
	(5, 'HTX Nước', NULL, '170', 'clean water', NULL, NULL)$$, 'good cooperatives load, sectors in several spellings');
SELECT is((SELECT string_agg(sector, ',' ORDER BY cooperative_id) FROM htx_cooperative),
	'crop,livestock,fishery,general,rural_water', 'sector spellings are stored as codes (thủy/thuỷ, case, spaces, English)');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (9, 'X', NULL, '164', 'rice', NULL, NULL)$$, '23503',
	'unknown cooperative sector "rice"', 'unknown sector');
SELECT throws_ok($$UPDATE htx_cooperative SET sector = 'rice' WHERE cooperative_id = 1$$, '23503',
	'unknown cooperative sector "rice"', 'unknown sector on update too');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (9, 'X', NULL, '999', 'crop', NULL, NULL)$$, '23503',
	'insert or update on table "htx_cooperative" violates foreign key constraint "htx_cooperative_district_known"', 'unknown district');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (0, 'X', NULL, '164', 'crop', NULL, NULL)$$, '23514',
	'new row for relation "htx_cooperative" violates check constraint "htx_cooperative_id_positive"', 'id 0');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (9, '', NULL, '164', 'crop', NULL, NULL)$$, '23514',
	'new row for relation "htx_cooperative" violates check constraint "htx_cooperative_name_not_blank"', 'blank name');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (9, 'X', '4600000001', '164', 'crop', NULL, NULL)$$, '23505',
	'duplicate key value violates unique constraint "htx_cooperative_registration_code_unique"', 'registration code used twice');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (9, 'X', NULL, '164', 'crop', '2020-01-01', '2019-12-31')$$, '23514',
	'new row for relation "htx_cooperative" violates check constraint "htx_cooperative_dissolved_not_before_founded"', 'dissolved before founded');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (9, 'X', NULL, '164', 'crop', '1900-01-01', NULL)$$, '23514',
	'new row for relation "htx_cooperative" violates check constraint "htx_cooperative_founded_in_1950_2100"', 'founded in 1900');
SELECT throws_ok($$INSERT INTO htx_cooperative VALUES (1, 'X', NULL, '164', 'crop', NULL, NULL)$$, '23505', NULL, 'id used twice');

-- ---- cooperative-years: good rows -----------------------------------------------------
SELECT lives_ok($$INSERT INTO htx_cooperative_year (cooperative_id, year, rating, score, fined) VALUES
	(1, 2020, 'tốt', 80, false), (1, 2021, 'khá', 79.99, NULL), (1, 2022, 'trung bình', 50, false),
	(1, 2023, 'yếu', 49.5, false), (1, 2024, 'yếu', 95, true), (1, 2025, 'yếu', NULL, true),
	(3, 2020, 'không xếp loại', NULL, false), (3, 2021, NULL, NULL, NULL), (3, 2022, 'khá', NULL, NULL)$$,
	'ratings that agree with the score (or have none), fined rows that are yếu, unrated and unreported rows');
SELECT lives_ok($$INSERT INTO htx_cooperative_year VALUES
	(4, 2000, 'tốt', 90, false, 0, 0, 0, 0, 0, true, true, true, true, 1, true),
	(4, 2100, NULL, NULL, NULL, 9223372036854775807, 2147483647, 2147483647, 5, 5, NULL, NULL, NULL, NULL, 5, NULL)$$,
	'the edges: years 2000 and 2100, zero and the largest figures, 1 and 5 OCOP stars');

-- ---- cooperative-years: each kind of bad row, with its rule's name ------------------------
CREATE FUNCTION pg_temp.bad_year(cols text, vals text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('INSERT INTO htx_cooperative_year (cooperative_id, year, %s) VALUES (1, 2030, %s)', cols, vals);
	RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || coalesce(nullif((SELECT string_agg(x, '') FROM regexp_matches(SQLERRM, '"(htx_[a-z_0-9]+)"$') AS m(y), unnest(y) AS x), ''), SQLERRM);
END $$;

SELECT is(pg_temp.bad_year('revenue_vnd', '-1'), '23514 htx_cooperative_year_revenue_not_negative', 'negative revenue');
SELECT is(pg_temp.bad_year('members', '-1'), '23514 htx_cooperative_year_members_not_negative', 'negative members');
SELECT is(pg_temp.bad_year('young_members', '-1'), '23514 htx_cooperative_year_young_members_not_negative', 'negative young members');
SELECT is(pg_temp.bad_year('members, young_members', '10, 11'), '23514 htx_cooperative_year_young_members_le_members', 'more young members than members');
SELECT is(pg_temp.bad_year('managers', '-1'), '23514 htx_cooperative_year_managers_not_negative', 'negative managers');
SELECT is(pg_temp.bad_year('managers_trained', '-1'), '23514 htx_cooperative_year_trained_not_negative', 'negative trained managers');
SELECT is(pg_temp.bad_year('managers, managers_trained', '3, 4'), '23514 htx_cooperative_year_trained_le_managers', 'more trained managers than managers');
SELECT is(pg_temp.bad_year('ocop_stars', '0'), '23514 htx_cooperative_year_ocop_stars_1_to_5', '0 OCOP stars');
SELECT is(pg_temp.bad_year('ocop_stars', '6'), '23514 htx_cooperative_year_ocop_stars_1_to_5', '6 OCOP stars');
SELECT is(pg_temp.bad_year('rating, score', $q$'tốt', 79.99$q$), '23514 htx_cooperative_year_rating_matches_score', 'tốt with a khá score');
SELECT is(pg_temp.bad_year('rating, score', $q$'khá', 80$q$), '23514 htx_cooperative_year_rating_matches_score', 'khá with a tốt score');
SELECT is(pg_temp.bad_year('rating, score', $q$'trung bình', 49.99$q$), '23514 htx_cooperative_year_rating_matches_score', 'trung bình with a yếu score');
SELECT is(pg_temp.bad_year('rating, score', $q$'không xếp loại', 70$q$), '23514 htx_cooperative_year_rating_matches_score', 'không xếp loại with a score');
SELECT is(pg_temp.bad_year('rating, score', 'NULL, 70'), '23514 htx_cooperative_year_rating_matches_score', 'a score without a rating');
SELECT is(pg_temp.bad_year('rating, fined', $q$'khá', true$q$), '23514 htx_cooperative_year_fined_means_weak', 'fined but not yếu');
SELECT is(pg_temp.bad_year('rating, fined', $q$'không xếp loại', true$q$), '23514 htx_cooperative_year_fined_means_weak', 'fined but not rated');
SELECT is(pg_temp.bad_year('score', '100.01'), '23514 htx_score_range', 'a score over 100 (the htx_score domain)');
SELECT is(pg_temp.bad_year('score', '-1'), '23514 htx_score_range', 'a negative score');
SELECT is(pg_temp.bad_year('rating', $q$'excellent'$q$), '22P02 invalid input syntax for type htx_rating: "excellent"', 'an unknown rating');
SELECT throws_ok($$INSERT INTO htx_cooperative_year (cooperative_id, year) VALUES (1, 1999)$$, '23514',
	'new row for relation "htx_cooperative_year" violates check constraint "htx_cooperative_year_year_in_2000_2100"', 'year 1999');
SELECT throws_ok($$INSERT INTO htx_cooperative_year (cooperative_id, year) VALUES (1, 2101)$$, '23514',
	'new row for relation "htx_cooperative_year" violates check constraint "htx_cooperative_year_year_in_2000_2100"', 'year 2101');
SELECT throws_ok($$INSERT INTO htx_cooperative_year (cooperative_id, year) VALUES (77, 2020)$$, '23503',
	'insert or update on table "htx_cooperative_year" violates foreign key constraint "htx_cooperative_year_cooperative_known"', 'unknown cooperative');
SELECT throws_ok($$INSERT INTO htx_cooperative_year (cooperative_id, year) VALUES (1, 2020)$$, '23505', NULL, 'a year twice');
SELECT throws_ok($$UPDATE htx_cooperative_year SET score = 10 WHERE cooperative_id = 1 AND year = 2020$$, '23514',
	'new row for relation "htx_cooperative_year" violates check constraint "htx_cooperative_year_rating_matches_score"', 'an update that breaks the rule');
SELECT throws_ok($$DELETE FROM htx_cooperative WHERE cooperative_id = 1$$, '23503', NULL, 'a cooperative with years cannot be deleted');
SELECT is((SELECT count(*)::int FROM htx_cooperative_year), 11, 'no rejected row stayed');

-- ---- the sample generator ------------------------------------------------------------
SELECT is(htx_sample_hash(1, 2, 3, 4), 2293859149::bigint, 'htx_sample_hash matches an independent implementation (1,2,3,4)');
SELECT is(htx_sample_hash(42, 0, 0, 0), 649371440::bigint, '(42,0,0,0)');
SELECT is(htx_sample_hash(-1, -2, 0, 7), 3096124869::bigint, 'negative inputs use their 32-bit pattern');
SELECT is((SELECT count(*)::int FROM generate_series(1, 10000) i WHERE htx_sample_uniform(3, i, 0, 0) < 0 OR htx_sample_uniform(3, i, 0, 0) >= 1), 0,
	'uniforms are in [0, 1)');
SELECT cmp_ok((SELECT abs(avg(htx_sample_uniform(3, i, 0, 0)) - 0.5) FROM generate_series(1, 10000) i), '<', 0.01::float8,
	'and average about 1/2');
SELECT cmp_ok((SELECT abs(stddev(htx_sample_normal(3, i, 0, 0)) - 1) FROM generate_series(1, 10000) i), '<', 0.03::float8,
	'normals have a standard deviation about 1');

SELECT throws_ok($$SELECT htx_generate_sample()$$, '55000',
	'htx_generate_sample fills empty tables, and htx_cooperative is not empty', 'the generator refuses to mix with loaded rows');
TRUNCATE htx_cooperative_year, htx_cooperative;
SELECT throws_ok($$SELECT htx_generate_sample(0)$$, '22023', NULL, 'a size of 0 is refused');
-- 1.0's sample, pinned: 1.1 keeps it as htx_generate_sample_thai_nguyen (the
-- merged province's sample is territory_warehouse.sql's)
SELECT is((SELECT row(c.*)::text FROM htx_generate_sample_thai_nguyen() c), '(600,2703)', '1.0''s default sample: 600 cooperatives, 2703 cooperative-years');
SELECT is((SELECT md5(string_agg(t::text, '|' ORDER BY cooperative_id)) FROM htx_cooperative t), '1bd92f6664660526924c2b45af66e419',
	'the cooperatives are exactly the pinned ones (seed 42)');
SELECT is((SELECT md5(string_agg(t::text, '|' ORDER BY cooperative_id, year)) FROM (SELECT cooperative_id, year, rating, score, fined,
	revenue_vnd, members, young_members, managers, managers_trained, applies_tech, vietgap_certified, globalgap_certified,
	organic_certified, ocop_stars, is_model FROM htx_cooperative_year) t), '75fd510c6b0e4096de601fe93c0c2edf',
	'and so are their years (1.0''s columns as 1.0 made them)');
SELECT is((SELECT md5(string_agg(cooperative_id || ',' || year || ',' || coalesce(capital_vnd::text, ''), '|' ORDER BY cooperative_id, year))
	FROM htx_cooperative_year), '70d26572213be9b3a63486f8a45727cc',
	'and their capital (1.1''s column: 2,622 of the 2,703 rows report one) is the pinned one');
CREATE TEMP TABLE first_run AS SELECT * FROM htx_cooperative_year;

SELECT is((SELECT count(DISTINCT district_code)::int FROM htx_cooperative), 9, 'every district has cooperatives');
SELECT results_eq($$SELECT DISTINCT year FROM htx_cooperative_year ORDER BY 1$$, ARRAY[2020, 2021, 2022, 2023, 2024, 2025], 'years 2020..2025');
SELECT ok((SELECT count(*) FROM htx_cooperative_year WHERE year = 2025) BETWEEN 540 AND 660, 'about 600 cooperatives report for 2025');
SELECT ok((SELECT count(*) FROM htx_cooperative_year WHERE year = 2020) < (SELECT count(*) FROM htx_cooperative_year WHERE year = 2025) * 0.7,
	'the count grows a lot from 2020');
SELECT ok((SELECT array_agg(s ORDER BY year) FROM (SELECT year, htx_good_fair_share(rating) s FROM htx_cooperative_year GROUP BY year) x)
	= (SELECT array_agg(s ORDER BY s) FROM (SELECT year, htx_good_fair_share(rating) s FROM htx_cooperative_year GROUP BY year) x),
	'the share rated tốt or khá rises every year');
SELECT ok((SELECT htx_good_fair_share(rating) FROM htx_cooperative_year WHERE year = 2020) BETWEEN 0.25 AND 0.5
	AND (SELECT htx_good_fair_share(rating) FROM htx_cooperative_year WHERE year = 2025) BETWEEN 0.55 AND 0.75,
	'from about a third in 2020 to about 60% in 2025');
SELECT ok((SELECT avg(revenue_vnd) FROM htx_cooperative_year WHERE year = 2025) BETWEEN 2.5e9 AND 6e9
	AND (SELECT avg(revenue_vnd) FROM htx_cooperative_year WHERE year = 2020) < (SELECT avg(revenue_vnd) FROM htx_cooperative_year WHERE year = 2025),
	'average revenue of a few billion VND, growing');
SELECT ok((SELECT sum(managers_trained)::float8 / sum(managers) FROM htx_cooperative_year WHERE year = 2025) BETWEEN 0.2 AND 0.4
	AND (SELECT sum(managers_trained)::float8 / sum(managers) FROM htx_cooperative_year WHERE year = 2020) < 0.2,
	'managers trained: under 20% in 2020, about 30% in 2025');
SELECT is((SELECT count(DISTINCT c.district_code)::int FROM htx_cooperative_year y JOIN htx_cooperative c USING (cooperative_id) WHERE y.is_model AND y.year = 2024),
	9, 'a model cooperative in every district from 2024 (Plan 42 III.2)');
SELECT is((SELECT count(*)::int FROM htx_cooperative_year WHERE is_model AND year < 2024), 0, 'none before');
SELECT is((SELECT count(*)::int FROM htx_cooperative_year y JOIN htx_cooperative c USING (cooperative_id)
	WHERE y.managers_trained > (SELECT y0.managers_trained FROM htx_cooperative_year y0 WHERE y0.cooperative_id = y.cooperative_id AND y0.year = y.year + 1)), 0,
	'a trained manager stays trained');
SELECT is((SELECT count(*)::int FROM htx_cooperative_year y JOIN htx_cooperative c USING (cooperative_id)
	WHERE y.year = extract(year FROM c.founded_on) AND c.founded_on > make_date(y.year, 1, 1) AND y.rating <> 'không xếp loại' AND NOT y.fined), 0,
	'a cooperative in business under 12 months is không xếp loại');
SELECT is((SELECT string_agg(DISTINCT check_code, ',') FROM htx_data_quality WHERE severity = 'error'), 'rating_missing',
	'the only errors the sample has on purpose are a few missing ratings');
SELECT ok((SELECT count(*) FROM htx_data_quality WHERE check_code = 'rating_missing') BETWEEN 5 AND 60, 'a few');
SELECT is((SELECT count(*)::int FROM htx_cooperative c WHERE c.dissolved_on IS NOT NULL), 22, 'some cooperatives dissolve');

TRUNCATE htx_cooperative_year, htx_cooperative;
SELECT is((SELECT row(c.*)::text FROM htx_generate_sample_thai_nguyen(600, 42) c), '(600,2703)', 'a second run');
SELECT is_empty($$(SELECT * FROM htx_cooperative_year EXCEPT ALL SELECT * FROM first_run) UNION ALL
	(SELECT * FROM first_run EXCEPT ALL SELECT * FROM htx_cooperative_year)$$, 'gives the same rows');
TRUNCATE htx_cooperative_year, htx_cooperative;
SELECT is((SELECT cooperatives_created FROM htx_generate_sample_thai_nguyen(50, 7)), 50::bigint, 'the size parameter sets the number of cooperatives');
SELECT isnt((SELECT md5(string_agg(t::text, '|' ORDER BY cooperative_id, year)) FROM htx_cooperative_year t),
	(SELECT md5(string_agg(t::text, '|' ORDER BY cooperative_id, year)) FROM first_run t WHERE cooperative_id <= 50),
	'another seed gives other rows');

SELECT * FROM finish();
ROLLBACK;
