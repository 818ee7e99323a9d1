-- The BI views against the aggregates and against plain SQL over the same
-- rows; plain column types; the province row; targets equal to
-- htx_check_targets; the rating trend; every data-quality check on rows made
-- to trip it.
BEGIN;
SELECT plan(33);

-- 1.0's sample, by district only: the views' district rows are plain SQL's GROUP BY district_code
SELECT htx_generate_sample_thai_nguyen(600, 42);
-- a province's own district with data after the district level ended
INSERT INTO htx_district VALUES ('901', 'Thử nghiệm', 'huyện', '19', '2023-01-01', '2025-06-30', false);

-- ---- plain types, comments ---------------------------------------------------------
SELECT is_empty($$
	SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
	FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
	WHERE c.relname IN ('htx_district_year_report', 'htx_target_progress', 'htx_rating_trend', 'htx_data_quality')
	  AND a.atttypid NOT IN ('text'::regtype, 'integer'::regtype, 'bigint'::regtype, 'numeric'::regtype,
		'boolean'::regtype, 'date'::regtype, 'double precision'::regtype)$$,
	'every column of the BI views has a plain type a driver maps');
SELECT is_empty($$
	SELECT c.relname || '.' || a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
	WHERE c.relname IN ('htx_district_year_report', 'htx_target_progress', 'htx_rating_trend', 'htx_data_quality')
	  AND (a.attname !~ '^[a-z][a-z0-9_]*$' OR col_description(c.oid, a.attnum) IS NULL)$$,
	'every column is snake_case and commented');

-- ---- htx_district_year_report ------------------------------------------------------------
CREATE TEMP TABLE rows AS
SELECT c.district_code, y.* FROM htx_cooperative_year y JOIN htx_cooperative c USING (cooperative_id);

SELECT is((SELECT count(*)::int FROM htx_district_year_report WHERE is_province_total), 6, 'one province row per year');
SELECT is((SELECT count(*)::int FROM htx_district_year_report WHERE NOT is_province_total), 9 * 6 + 3,
	'a row per district and year, the province''s own district for the three years it is valid');
SELECT is_empty($$SELECT 1 FROM htx_district_year_report WHERE is_province_total <> (district_code IS NULL)
	OR area_level <> CASE WHEN is_province_total THEN 'province' ELSE 'district' END
	OR area_name <> coalesce(district_name, 'Toàn tỉnh')$$, 'is_province_total, area_level and area_name agree');
SELECT is((SELECT cooperatives::int FROM htx_district_year_report WHERE district_code = '901' AND year = 2024), 0,
	'a district valid in a year with no cooperative shows 0 cooperatives');

SELECT is_empty($$
	SELECT district_code, year, cooperatives, rated, good, fair, average, weak, not_rated, rating_missing,
		revenue_reported, revenue_total_vnd, members_total, tech_reported, tech_count, managers_total,
		managers_trained_total, model_count, young_members_total, fined_count, vietgap_count, globalgap_count,
		organic_count, ocop_count, avg_score
	FROM htx_district_year_report WHERE cooperatives > 0
	EXCEPT
	SELECT district_code, year, count(*), count(*) FILTER (WHERE rating > 'không xếp loại'),
		count(*) FILTER (WHERE rating = 'tốt'), count(*) FILTER (WHERE rating = 'khá'),
		count(*) FILTER (WHERE rating = 'trung bình'), count(*) FILTER (WHERE rating = 'yếu'),
		count(*) FILTER (WHERE rating = 'không xếp loại'), count(*) FILTER (WHERE rating IS NULL),
		count(revenue_vnd), sum(revenue_vnd), sum(members), count(applies_tech), count(*) FILTER (WHERE applies_tech),
		sum(managers), sum(managers_trained), count(*) FILTER (WHERE is_model), sum(young_members),
		count(*) FILTER (WHERE fined), count(*) FILTER (WHERE vietgap_certified), count(*) FILTER (WHERE globalgap_certified),
		count(*) FILTER (WHERE organic_certified), count(ocop_stars), round(avg(score), 2)
	FROM rows GROUP BY GROUPING SETS ((district_code, year), (year))$$,
	'every count and sum of every district row and province row equals plain SQL over the same rows');
SELECT is((SELECT count(*)::int FROM htx_district_year_report WHERE cooperatives > 0),
	(SELECT count(*)::int FROM (SELECT 1 FROM rows GROUP BY GROUPING SETS ((district_code, year), (year))) x),
	'and no group is missing');

SELECT is_empty($$
	SELECT district_code, year, good_fair_share, avg_revenue_vnd, tech_share, managers_trained_share
	FROM htx_district_year_report WHERE cooperatives > 0
	EXCEPT
	SELECT district_code, year,
		(count(*) FILTER (WHERE rating >= 'khá'))::float8 / nullif(count(*) FILTER (WHERE rating > 'không xếp loại'), 0),
		avg(revenue_vnd),
		(count(*) FILTER (WHERE applies_tech))::float8 / nullif(count(applies_tech), 0),
		sum(managers_trained) FILTER (WHERE managers IS NOT NULL)::float8 / nullif(sum(managers) FILTER (WHERE managers_trained IS NOT NULL), 0)
	FROM rows GROUP BY GROUPING SETS ((district_code, year), (year))$$,
	'the shares and the average revenue equal plain SQL');

SELECT is_empty($$
	SELECT district_code, year, cooperatives, rated, good, fair, average, weak, not_rated, rating_missing,
		good_fair_share, revenue_reported, revenue_total_vnd, avg_revenue_vnd, members_total, tech_reported,
		tech_count, tech_share, managers_total, managers_trained_total, managers_trained_share, model_count
	FROM htx_district_year_report WHERE cooperatives > 0
	EXCEPT
	SELECT district_code, year, (e).*
	FROM (SELECT district_code, year, htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) AS e
		FROM rows GROUP BY GROUPING SETS ((district_code, year), (year))) x$$,
	'every field of htx_evaluate, flattened, for each district and the province');

SELECT is_empty($$
	SELECT p.year FROM htx_district_year_report p
	JOIN (SELECT year, sum(cooperatives) c, sum(good) g, sum(revenue_total_vnd) r, sum(model_count) m
		FROM htx_district_year_report WHERE NOT is_province_total GROUP BY year) d USING (year)
	WHERE p.is_province_total AND (p.cooperatives, p.good, p.revenue_total_vnd, p.model_count) <> (d.c, d.g, d.r, d.m)$$,
	'the province row is the sum of its districts');
SELECT is((SELECT string_agg(district_kind, ',' ORDER BY year) FROM htx_district_year_report WHERE district_code = '172'),
	'thị xã,thị xã,thành phố,thành phố,thành phố,thành phố', 'Phổ Yên: thị xã in 2020-2021, thành phố from 2022');
SELECT is((SELECT good_fair_pct FROM htx_district_year_report WHERE is_province_total AND year = 2025),
	round(((SELECT good_fair_share FROM htx_district_year_report WHERE is_province_total AND year = 2025) * 100)::numeric, 2),
	'good_fair_pct is good_fair_share in percent');

-- the same result in a parallel plan
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 4;
CREATE TEMP TABLE report_parallel AS SELECT * FROM htx_district_year_report;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size; RESET max_parallel_workers_per_gather;
SELECT is_empty($$(SELECT * FROM report_parallel EXCEPT ALL SELECT * FROM htx_district_year_report)
	UNION ALL (SELECT * FROM htx_district_year_report EXCEPT ALL SELECT * FROM report_parallel)$$,
	'the report is the same when the planner may go parallel');

-- ---- htx_target_progress --------------------------------------------------------------------
CREATE TEMP TABLE checked AS
SELECT p.plan_code, g.district_code, g.year, t.target_code, t.required, t.measured, t.met, t.gap, t.status, t.measured_of_rated, t.measured_of_all
FROM (SELECT district_code, year, htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) AS e,
		htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) FILTER (WHERE is_model) AS m
	FROM rows GROUP BY GROUPING SETS ((district_code, year), (year))) g
CROSS JOIN (SELECT DISTINCT plan_code FROM htx_target WHERE scope IN ('province', 'district')) p
CROSS JOIN LATERAL htx_check_targets(g.e, g.m, p.plan_code, CASE WHEN g.district_code IS NULL THEN 'province' ELSE 'district' END) t;

SELECT cmp_ok((SELECT count(*)::int FROM checked), '>', 300, 'htx_check_targets gives hundreds of rows to compare with');
SELECT is_empty($$
	(SELECT plan_code, district_code, year, target_code, required, measured, met, gap, status, measured_of_rated, measured_of_all FROM htx_target_progress
	 WHERE (district_code, year) IN (SELECT district_code, year FROM rows) OR (district_code IS NULL)
	 EXCEPT ALL SELECT * FROM checked)
	UNION ALL
	(SELECT * FROM checked EXCEPT ALL
	 SELECT plan_code, district_code, year, target_code, required, measured, met, gap, status, measured_of_rated, measured_of_all FROM htx_target_progress)$$,
	'htx_target_progress equals htx_check_targets(htx_evaluate(...), models) for every plan, area, year and target, status and both shares too');

INSERT INTO htx_target_tolerance VALUES ('TN-42/KH-UBND', 'MANAGERS_TRAINED_30', 'province', 5),
	('TN-42/KH-UBND', 'MANAGERS_TRAINED_30', 'district', 1);
SELECT is_empty($$
	SELECT p.year, p.district_code, p.met, p.status FROM htx_target_progress p
	WHERE p.target_code = 'MANAGERS_TRAINED_30' AND p.plan_code = 'TN-42/KH-UBND' AND p.measured IS NOT NULL
	EXCEPT
	SELECT g.year, g.district_code, t.met, CASE WHEN t.met THEN 'met' ELSE 'not met' END
	FROM (SELECT district_code, year, htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) AS e
		FROM rows GROUP BY GROUPING SETS ((district_code, year), (year))) g
	CROSS JOIN LATERAL htx_check_targets(g.e, 'TN-42/KH-UBND', CASE WHEN g.district_code IS NULL THEN 'province' ELSE 'district' END) t
	WHERE t.target_code = 'MANAGERS_TRAINED_30'$$,
	'with a province''s tolerance the "about" target is decided, as htx_check_targets decides it');
SELECT is((SELECT count(*)::int FROM htx_target_progress WHERE target_code = 'MANAGERS_TRAINED_30' AND plan_code = 'TN-42/KH-UBND' AND met IS NULL AND measured IS NOT NULL), 0,
	'no "about" target left undecided once a tolerance is set');
SELECT is((SELECT status FROM htx_target_progress WHERE plan_code = 'TN-42/KH-UBND' AND is_province_total AND year = 2025 AND target_code = 'EXTENSION_NETWORK'),
	'not measurable', 'a target htx cannot measure says so');
SELECT is((SELECT status FROM htx_target_progress WHERE plan_code = 'TN-42/KH-UBND' AND is_province_total AND year = 2025 AND target_code = 'MEMBERS_GROWTH'),
	'no number', 'a target without a number says so');
SELECT is((SELECT coalesce(met::text, '-') || ' ' || coalesce(measured::text, '-') || ' ' || status FROM htx_target_progress WHERE plan_code = 'TN-42/KH-UBND' AND district_code = '901' AND year = 2024 AND target_code = 'MODEL_PER_DISTRICT'),
	'- - no data', 'a district without rows has no data for MODEL_PER_DISTRICT (not "0, not met")');
SELECT is((SELECT count(*)::int FROM htx_target_progress WHERE NOT is_province_total AND target_code = 'MODEL_9'), 0,
	'province-only targets are not put on districts');

-- ---- htx_rating_trend -----------------------------------------------------------------------
SELECT is((SELECT count(*)::int FROM htx_rating_trend), 5 * (SELECT count(*)::int FROM htx_district_year_report), 'five levels for every report row');
SELECT is_empty($$
	SELECT district_code, year, rating, cooperatives FROM htx_rating_trend WHERE cooperatives > 0
	EXCEPT
	SELECT district_code, year, rating::text, count(*) FROM rows WHERE rating IS NOT NULL
	GROUP BY GROUPING SETS ((district_code, year, rating), (year, rating))$$,
	'counts per level equal plain SQL, for districts and the province');
SELECT is_empty($$
	SELECT t.year FROM htx_rating_trend t
	JOIN (SELECT year, htx_rating_counts(rating) rc FROM rows GROUP BY year) x USING (year)
	WHERE t.is_province_total AND t.cooperatives <> CASE t.rating_code WHEN 4 THEN (rc).good WHEN 3 THEN (rc).fair
		WHEN 2 THEN (rc).average WHEN 1 THEN (rc).weak ELSE (rc).not_rated END$$,
	'the province rows agree with htx_rating_counts');
SELECT is_empty($$
	SELECT 1 FROM htx_rating_trend t JOIN htx_district_year_report r USING (area_level, district_code, year)
	WHERE (t.share_of_rated IS DISTINCT FROM CASE WHEN t.rating_code > 0 AND r.rated > 0 THEN t.cooperatives::float8 / r.rated END)
	   OR t.share_of_reported IS DISTINCT FROM t.cooperatives::float8 / nullif(r.rated + r.not_rated, 0)$$,
	'shares of rated and of reported cooperatives');
SELECT is((SELECT sum(share_of_rated) FILTER (WHERE rating_code > 0) FROM htx_rating_trend WHERE is_province_total AND year = 2023)::numeric(10,9), 1::numeric(10,9),
	'shares of rated add up to 1');
SELECT is_empty($$
	SELECT 1 FROM htx_rating_trend a JOIN htx_rating_trend b ON b.area_level = a.area_level
		AND b.district_code IS NOT DISTINCT FROM a.district_code AND b.rating_code = a.rating_code AND b.year = a.year - 1
	WHERE a.prev_year_cooperatives IS DISTINCT FROM b.cooperatives OR a.change_from_prev_year IS DISTINCT FROM a.cooperatives - b.cooperatives$$,
	'the previous year''s count and the change');
SELECT is((SELECT count(*)::int FROM htx_rating_trend WHERE year = 2020 AND prev_year_cooperatives IS NOT NULL), 0, 'no previous year for the first');

-- ---- htx_data_quality: a small province with one of each problem -------------------------------
TRUNCATE htx_cooperative_year, htx_cooperative;
ALTER TABLE htx_cooperative_year DROP CONSTRAINT htx_cooperative_year_rating_matches_score;  -- as rows loaded before the rule
INSERT INTO htx_cooperative VALUES
	(1, 'HTX Một', NULL, '164', 'crop', '2015-01-01', NULL),
	(2, 'HTX Hai', NULL, '164', 'crop', '2015-01-01', '2022-06-30'),
	(3, 'HTX Ba', NULL, '171', 'crop', '2023-06-01', NULL),
	(4, 'HTX Bốn', NULL, '171', 'crop', NULL, NULL),
	(5, 'HTX Năm', NULL, '901', 'crop', '2023-01-01', NULL);
INSERT INTO htx_cooperative_year (cooperative_id, year, rating, score, revenue_vnd, managers, managers_trained) VALUES
	(1, 2021, 'tốt', 85, 1, 5, 1), (1, 2022, NULL, NULL, 1, 5, 1), (1, 2023, 'khá', 90, 1, 5, 1),  -- 2024 missing
	(1, 2025, 'không xếp loại', NULL, 1, NULL, 2),
	(2, 2021, 'khá', 70, 1, 5, 1), (2, 2023, 'khá', 70, 1, 5, 1),
	(3, 2022, 'khá', 70, 1, 5, 1), (3, 2023, 'khá', 70, NULL, 5, 1),
	(4, 2023, 'khá', 70, 1, 5, 1),
	(5, 2023, 'khá', 70, 1, 5, 1), (5, 2024, 'khá', 70, 1, 5, 1), (5, 2025, 'khá', 70, 1, 5, 1);
UPDATE htx_district SET valid_to = '2024-12-31' WHERE district_code = '901';
SELECT results_eq($$SELECT check_code || ' ' || cooperative_id || ' ' || coalesce(year::text, '-') || ' ' || severity
	FROM htx_data_quality ORDER BY cooperative_id, year NULLS FIRST, check_code$$,
	ARRAY['rating_missing 1 2022 error',
	      'score_rating_mismatch 1 2023 error',
	      'year_missing 1 2024 error',
	      'managers_missing 1 2025 warning',
	      'not_rated_full_year 1 2025 warning',
	      'year_after_dissolution 2 2023 error',
	      'year_before_founding 3 2022 error',
	      'rated_under_12_months 3 2023 warning',
	      'revenue_missing 3 2023 warning',
	      'year_missing 3 2024 error',
	      'year_missing 3 2025 error',
	      'founded_on_missing 4 - warning',
	      'district_not_valid 5 2025 error'],
	'htx_data_quality finds each planted problem, and nothing else');
SELECT is((SELECT detail FROM htx_data_quality WHERE check_code = 'score_rating_mismatch'), 'score 90.00 gives tốt, the row says khá',
	'the detail gives the values');
SELECT is((SELECT cooperative_name || ' / ' || district_name FROM htx_data_quality WHERE check_code = 'year_after_dissolution'), 'HTX Hai / Thái Nguyên',
	'rows name the cooperative and its district');
SELECT is((SELECT district_valid::text FROM htx_district_year_report WHERE district_code = '901' AND year = 2025), 'false',
	'the report keeps data keyed by a district that no longer exists, and flags it');

SELECT * FROM finish();
ROLLBACK;
