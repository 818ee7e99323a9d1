-- Targets judged as the plans word them (1.1): the good/fair denominator, the
-- model cooperatives' average revenue, "about" above and below its figure,
-- "no data" for empty groups, bad input to htx_target_met, Decision 340,
-- the size classes of Decree 113/2024, previous-year columns and the report
-- for the Provincial People's Committee.
BEGIN;
SELECT plan(52);

-- A group from rows: g(rating, revenue, model); e = all of it, m = its models.
CREATE TEMP TABLE g (grp text, rating htx_rating, revenue bigint, model bool);
CREATE TEMP VIEW ev AS
SELECT grp, htx_evaluate(rating, revenue, NULL, NULL, NULL, NULL, model) AS e,
	htx_evaluate(rating, revenue, NULL, NULL, NULL, NULL, model) FILTER (WHERE model) AS m
FROM g GROUP BY grp;
CREATE TEMP VIEW chk AS
SELECT ev.grp, t.* FROM ev, htx_check_targets(ev.e, ev.m) t;

-- ---- Plan 42 II.2: "đạt loại tốt, khá chiếm từ 60% trở lên" -------------------------
-- a: 10 reporting, 6 tốt/khá, 1 không xếp loại: 60% of all (meets), 66.67% of the rated
INSERT INTO g SELECT 'a', (ARRAY['tốt','tốt','khá','khá','khá','khá','trung bình','trung bình','yếu','không xếp loại'])[i]::htx_rating, 1, false
FROM generate_series(1, 10) i;
-- b: the same but one tốt/khá fewer: 50% of all, 55.56% of the rated: neither meets
INSERT INTO g SELECT 'b', (ARRAY['tốt','khá','khá','khá','khá','trung bình','trung bình','trung bình','yếu','không xếp loại'])[i]::htx_rating, 1, false
FROM generate_series(1, 10) i;
-- c: 6 of 10 tốt/khá, 1 not rated and 1 not reported: 60% of all, 75% of the rated
INSERT INTO g SELECT 'c', (ARRAY['tốt','tốt','tốt','khá','khá','khá','trung bình','yếu','không xếp loại',NULL])[i]::htx_rating, 1, false
FROM generate_series(1, 10) i;
-- d: 61 of 102 rated are tốt/khá (59.80% of all 102, 61.0% of the 100 rated): the denominator decides
INSERT INTO g SELECT 'd', CASE WHEN i <= 61 THEN 'khá' WHEN i <= 100 THEN 'yếu' ELSE 'không xếp loại' END::htx_rating, 1, false
FROM generate_series(1, 102) i;

SELECT is((SELECT denominator FROM htx_target WHERE plan_code = 'TN-42/KH-UBND' AND target_code = 'GOOD_FAIR_60' AND scope = 'province'),
	'all', 'the shipped good/fair target counts every HTX NN reporting (the plan''s literal reading)');
SELECT matches((SELECT note FROM htx_target WHERE plan_code = 'TN-42/KH-UBND' AND target_code = 'GOOD_FAIR_60' AND scope = 'province'),
	'trên địa bàn tỉnh', 'and its note says why, quoting the plan');
SELECT results_eq($$SELECT grp, round(measured, 4), met, round(measured_of_rated, 4), round(measured_of_all, 4), status FROM chk WHERE target_code = 'GOOD_FAIR_60' ORDER BY grp$$,
	$$VALUES ('a', 60.0000, true, 66.6667, 60.0000, 'met'),
	         ('b', 50.0000, false, 55.5556, 50.0000, 'not met'),
	         ('c', 60.0000, true, 75.0000, 60.0000, 'met'),
	         ('d', 59.8039, false, 61.0000, 59.8039, 'not met')$$,
	'exactly 60% of all meets ">= 60%", below it does not; both shares are reported side by side');

-- a province's own reading: the rated only
INSERT INTO htx_plan (plan_code, title_vi, title_en, issued_by) VALUES ('OWN', 'x', 'x', 'x');
INSERT INTO htx_target (plan_code, target_code, scope, indicator_vi, indicator_en, comparator, required, unit, measure, clause, denominator)
VALUES ('OWN', 'GF_RATED', 'province', 'x', 'x', '>=', 60, 'percent', 'good_fair_share', 'x', 'rated'),
       ('OWN', 'GF_DEFAULT', 'province', 'x', 'x', '>=', 60, 'percent', 'good_fair_share', 'x', NULL);
SELECT results_eq($$SELECT t.target_code, round(t.measured, 4), t.met FROM ev, htx_check_targets(ev.e, ev.m, 'OWN') t WHERE ev.grp = 'd' ORDER BY 1$$,
	$$VALUES ('GF_DEFAULT', 59.8039, false), ('GF_RATED', 61.0000, true)$$,
	'denominator rated counts the rated only (61% meets); NULL reads as all');
SELECT throws_ok($$INSERT INTO htx_target (plan_code, target_code, scope, indicator_vi, indicator_en, comparator, required, measure, clause, denominator)
	VALUES ('OWN', 'X', 'province', 'x', 'x', '>=', 5, 'model_count', 'x', 'rated')$$, '23514', NULL, 'a denominator only on the good/fair share');
SELECT throws_ok($$INSERT INTO htx_target (plan_code, target_code, scope, indicator_vi, indicator_en, comparator, required, measure, clause, denominator)
	VALUES ('OWN', 'X', 'province', 'x', 'x', '>=', 5, 'good_fair_share', 'x', 'reporting')$$, '23514', NULL, 'an unknown denominator is refused');
SELECT throws_ok($$SELECT htx_target_measured(NULL::htx_evaluation, 'good_fair_share', 'some', NULL)$$, '22023',
	'unknown target denominator "some"', 'htx_target_measured refuses an unknown denominator');
SELECT throws_ok($$SELECT htx_target_measured(NULL::htx_evaluation, 'nothing', NULL, NULL)$$, '22023',
	'unknown target measure "nothing"', 'and an unknown measure');

-- ---- Plan 42 II.2: "doanh thu bình quân/HTX NN đạt từ 05 tỷ đồng/năm trở lên" ---------
-- e: two models at 4 and 6 billion (average exactly 5), eight others at 1 billion
INSERT INTO g SELECT 'e', 'khá', CASE i WHEN 1 THEN 4000000000 WHEN 2 THEN 6000000000 ELSE 1000000000 END, i <= 2
FROM generate_series(1, 10) i;
-- f: models at 5 billion and 5 billion - 1 VND: average half a VND short
INSERT INTO g SELECT 'f', 'khá', CASE i WHEN 1 THEN 5000000000 WHEN 2 THEN 4999999999 ELSE 9000000000 END, i <= 2
FROM generate_series(1, 3) i;
-- h: no model cooperative at all
INSERT INTO g SELECT 'h', 'khá', 9000000000, false FROM generate_series(1, 3) i;

SELECT is((SELECT measure FROM htx_target WHERE plan_code = 'TN-42/KH-UBND' AND target_code = 'AVG_REVENUE_5BN' AND scope = 'province'),
	'model_avg_revenue_vnd', 'the 5 billion average is measured over the model cooperatives');
SELECT results_eq($$SELECT grp, measured, met, status FROM chk WHERE target_code = 'AVG_REVENUE_5BN' AND grp IN ('e', 'f', 'h') ORDER BY grp$$,
	$$VALUES ('e', 5000000000::numeric, true, 'met'), ('f', 4999999999.5, false, 'not met'), ('h', NULL, NULL, 'no data')$$,
	'models averaging exactly 5 billion meet it, half a VND short do not, no model is no data');
SELECT is((SELECT (e).avg_revenue_vnd FROM ev WHERE grp = 'e'), 1800000000::numeric,
	'the all-cooperative average (1.8 billion) stays a reported figure, not the measure');
SELECT matches((SELECT note FROM chk WHERE grp = 'h' AND target_code = 'AVG_REVENUE_5BN'), '^No data: no model cooperative reports revenue',
	'and the note says which data is missing');
SELECT results_eq($$SELECT t.measured, t.met FROM ev, htx_check_targets(ev.e) t WHERE ev.grp = 'e' AND t.target_code = 'AVG_REVENUE_5BN'$$,
	$$VALUES (NULL::numeric, NULL::boolean)$$, '1.0''s form, without the models'' evaluation, does not judge it');
SELECT is((SELECT t.status FROM ev, htx_check_targets(ev.e, NULL::htx_evaluation) t WHERE ev.grp = 'e' AND t.target_code = 'AVG_REVENUE_5BN'),
	'not measurable', 'and says it is not measurable that way');

-- ---- Plan 42 II.2: "khoảng 30% cán bộ quản lý" (about) -------------------------------
SELECT results_eq(
	$$SELECT htx_target_met(m, 'about', 30, t) FROM (VALUES (30::numeric, NULL::numeric), (30.47, NULL), (45, NULL),
		(29.99, NULL), (30, 0), (29.99, 0), (28, 2), (27.99, 2), (31, 2)) AS v(m, t)$$,
	$$VALUES (true), (true), (true), (NULL::boolean), (true), (false), (true), (false), (true)$$,
	'"about 30%": at or above 30 meets whatever the tolerance; below, the tolerance decides, and without one it is undecided');
CREATE TEMP TABLE mg (managers int, trained int);
INSERT INTO mg VALUES (100, 31);
SELECT results_eq($$SELECT t.measured, t.met, t.status FROM (SELECT htx_evaluate(NULL, NULL, NULL, NULL, managers, trained, NULL) AS e FROM mg) s,
	htx_check_targets(s.e, NULL::htx_evaluation) t WHERE t.target_code = 'MANAGERS_TRAINED_30'$$,
	$$VALUES (31::numeric, true, 'met')$$, '31% of managers trained meets "about 30%" with no tolerance set');
UPDATE mg SET trained = 29;
SELECT results_eq($$SELECT t.measured, t.met, t.status FROM (SELECT htx_evaluate(NULL, NULL, NULL, NULL, managers, trained, NULL) AS e FROM mg) s,
	htx_check_targets(s.e, NULL::htx_evaluation) t WHERE t.target_code = 'MANAGERS_TRAINED_30'$$,
	$$VALUES (29::numeric, NULL::boolean, 'no tolerance')$$, '29% without a tolerance is undecided');
INSERT INTO htx_target_tolerance VALUES ('TN-42/KH-UBND', 'MANAGERS_TRAINED_30', 'province', 1);
SELECT is((SELECT t.status FROM (SELECT htx_evaluate(NULL, NULL, NULL, NULL, managers, trained, NULL) AS e FROM mg) s,
	htx_check_targets(s.e, NULL::htx_evaluation) t WHERE t.target_code = 'MANAGERS_TRAINED_30'), 'met', 'and met within a tolerance of 1');
UPDATE htx_target_tolerance SET tolerance = 0.99 WHERE target_code = 'MANAGERS_TRAINED_30';
SELECT is((SELECT t.status FROM (SELECT htx_evaluate(NULL, NULL, NULL, NULL, managers, trained, NULL) AS e FROM mg) s,
	htx_check_targets(s.e, NULL::htx_evaluation) t WHERE t.target_code = 'MANAGERS_TRAINED_30'), 'not met', 'not within 0.99');

-- ---- No data is not failure --------------------------------------------------------------
SELECT results_eq($$SELECT count(*)::int, count(*) FILTER (WHERE status = 'no data')::int, count(measured)::int, count(met)::int
	FROM htx_check_targets((SELECT htx_evaluate(rating, revenue, NULL, NULL, NULL, NULL, model) FROM g WHERE false),
		(SELECT htx_evaluate(rating, revenue, NULL, NULL, NULL, NULL, model) FROM g WHERE false))$$,
	$$VALUES (7, 7, 0, 0)$$, 'a group without rows: every target says "no data", none is measured or decided');
SELECT results_eq($$SELECT measured, met, status FROM htx_check_targets((SELECT htx_evaluate(rating, revenue, NULL, NULL, NULL, NULL, model) FROM g WHERE false), NULL::htx_evaluation)
	WHERE target_code = 'MODEL_9'$$, $$VALUES (NULL::numeric, NULL::boolean, 'no data')$$, 'MODEL_9 says no data, not "0, not met"');
SELECT results_eq($$SELECT measured, met, status FROM chk WHERE grp = 'h' AND target_code = 'MODEL_9'$$,
	$$VALUES (0::numeric, false, 'not met')$$, 'with cooperatives but no model, MODEL_9 is measured 0 and not met');

-- ---- Bad input (issue 13) -----------------------------------------------------------------
SELECT throws_ok($$SELECT htx_target_met('NaN', '>=', 60, NULL)$$, '22023', 'a target cannot be judged on NaN', 'a NaN measure meets nothing: 22023');
SELECT throws_ok($$SELECT htx_target_met(70, '>=', 'NaN', NULL)$$, '22023', NULL, 'nor a NaN requirement');
SELECT throws_ok($$SELECT htx_target_met(29, 'about', 30, 'NaN')$$, '22023', NULL, 'nor a NaN tolerance');
SELECT throws_ok($$SELECT htx_target_met(32, 'about', 30, -5)$$, '22023', 'tolerance of a target must not be negative, not -5',
	'a negative tolerance is refused');
SELECT throws_ok($$SELECT htx_target_met(32, '<', 30, NULL)$$, '22023', 'unknown target comparator "<"', 'an unknown comparator is an error, not NULL');
SELECT results_eq($$SELECT htx_target_met(NULL, '>=', 1, NULL), htx_target_met(1, NULL, 1, NULL), htx_target_met(1, 'none', NULL, NULL), htx_target_met(1, '>=', NULL, NULL)$$,
	$$VALUES (NULL::boolean, NULL::boolean, NULL::boolean, NULL::boolean)$$, 'NULLs stay undecided');
SELECT throws_ok($$SELECT * FROM htx_check_targets(ROW(10, 10, 3, 3, 2, 2, 0, 0, 'NaN', 0, NULL, NULL, NULL, 10, 3, 'NaN', NULL, NULL, NULL, 0)::htx_evaluation, NULL::htx_evaluation)$$,
	'22023', 'a target cannot be judged on NaN', 'htx_check_targets on an evaluation with NaN shares refuses it');
SELECT throws_ok($$SELECT * FROM htx_check_targets(ROW(10, 10, 3, 3, 2, 2, 0, 0, 'NaN', 0, NULL, NULL, NULL, 10, 3, 'NaN', NULL, NULL, NULL, 0)::htx_evaluation)$$,
	'22023', 'a target cannot be judged on NaN', 'in 1.0''s form too');

-- ---- Decision 340/QĐ-TTg -----------------------------------------------------------------
SELECT results_eq($$SELECT issued_on, builtin FROM htx_plan WHERE plan_code = 'QĐ-340/QĐ-TTg'$$,
	$$VALUES ('2021-03-12'::date, true)$$, 'Decision 340/QĐ-TTg is a shipped plan');
SELECT results_eq($$SELECT target_code, comparator, required, measure FROM htx_target WHERE plan_code = 'QĐ-340/QĐ-TTg' ORDER BY sort_order$$,
	$$VALUES ('COOP_GROUPS_140K', 'about', 140000::numeric, NULL::text), ('COOPS_45K', 'about', 45000, NULL), ('UNIONS_340', 'about', 340, NULL),
	         ('GOOD_FAIR_60_70', '>=', 60, 'good_fair_share'), ('MANAGERS_DEGREE_25', '>=', 25, NULL),
	         ('DIRECTORS_TRAINED_80', 'about', 80, NULL), ('TECH_5000', '>', 5000, 'tech_count'),
	         ('ENTERPRISE_LINKS_50', 'about', 50, NULL), ('REVENUE', 'none', NULL, NULL)$$,
	'its 2030 targets as summarised, the unmeasurable ones listed, no revenue number invented');
SELECT matches((SELECT note FROM htx_target WHERE plan_code = 'QĐ-340/QĐ-TTg' AND target_code = 'GOOD_FAIR_60_70'), '70% as the upper aim',
	'"60-70%" is read as >= 60% with 70% as the upper aim, and says so');
SELECT matches((SELECT note FROM htx_target WHERE plan_code = 'QĐ-340/QĐ-TTg' AND target_code = 'REVENUE'), 'not verified',
	'the unverified revenue target says it is unverified');
SELECT results_eq($$SELECT t.target_code, t.status FROM ev, htx_check_targets(ev.e, ev.m, 'QĐ-340/QĐ-TTg', 'national') t
	WHERE ev.grp = 'a' AND t.status <> 'not measurable' ORDER BY t.target_code$$,
	$$VALUES ('GOOD_FAIR_60_70', 'met'), ('TECH_5000', 'not met')$$,
	'htx_check_targets evaluates it');
SELECT is((SELECT count(*)::int FROM htx_target WHERE plan_code = 'QĐ-340/QĐ-TTg' AND scope = 'national' AND deadline_year = 2030 AND builtin), 9,
	'nine national targets due in 2030');

-- ---- Size classes of Decree 113/2024/NĐ-CP -------------------------------------------------
SELECT results_eq(
	$$SELECT htx_size_class(m, r, c) FROM (VALUES
		(300, 50000000000::int8, NULL::int8), (300, NULL, 10000000000), (300, 49999999999, 9999999999),
		(299, 50000000000, 10000000000), (200, 10000000000, NULL), (200, 9999999999, 5000000000), (200, 9999999999, 4999999999),
		(50, 2000000000, NULL), (50, 1999999999, 1000000000), (50, 1999999999, 999999999), (49, 1000000000000, 1000000000000),
		(0, 0, 0), (10, NULL, NULL), (60, NULL, NULL), (NULL, 1, 1), (60, 1, NULL)) AS v(m, r, c)$$,
	$$VALUES ('lớn'), ('lớn'), ('vừa'), ('vừa'), ('vừa'), ('vừa'), ('nhỏ'), ('nhỏ'), ('nhỏ'), ('siêu nhỏ'), ('siêu nhỏ'),
		('siêu nhỏ'), ('siêu nhỏ'), (NULL), ('siêu nhỏ'), (NULL)$$,
	'size class: members AND (revenue OR capital) at each threshold; undecided only when missing figures would decide (members unknown but revenue and capital too small for any class: siêu nhỏ)');
SELECT throws_ok($$SELECT htx_size_class(-1, 0, 0)$$, '22023', NULL, 'negative figures are refused');
SELECT throws_ok($$SELECT htx_size_class(1, 0, 0, 'industry')$$, '22023', 'unknown sector group "industry"', 'an unknown sector group is refused');
SELECT results_eq($$SELECT size_class, min_members, min_revenue_vnd, min_capital_vnd FROM htx_size_threshold WHERE sector_group = 'agriculture' ORDER BY size_rank DESC$$,
	$$VALUES ('lớn', 300, 50000000000::int8, 10000000000::int8), ('vừa', 200, 10000000000, 5000000000), ('nhỏ', 50, 2000000000, 1000000000),
	         ('siêu nhỏ', NULL, NULL, NULL)$$, 'the agricultural thresholds of Decree 113/2024 as data');
INSERT INTO htx_size_threshold (sector_group, size_class, size_rank, min_members, min_revenue_vnd, min_capital_vnd, source)
VALUES ('mine', 'big', 1, 10, 10, 10, 'own'), ('mine', 'other', 0, NULL, NULL, NULL, 'own');
SELECT is(htx_size_class(10, 10, NULL, 'mine'), 'big', 'a province''s own thresholds classify too');

-- ---- The warehouse: previous year, both shares, size counts, no data ------------------------
DELETE FROM htx_target_tolerance WHERE target_code = 'MANAGERS_TRAINED_30';
TRUNCATE htx_cooperative_year, htx_cooperative;
INSERT INTO htx_cooperative (cooperative_id, name, district_code, sector, founded_on)
SELECT i, 'HTX ' || i, CASE WHEN i <= 8 THEN '164' ELSE '171' END, 'crop', '2010-01-01' FROM generate_series(1, 10) i;
INSERT INTO htx_cooperative_year (cooperative_id, year, rating, revenue_vnd, members, capital_vnd, managers, managers_trained, is_model)
SELECT i, y,
	CASE WHEN y = 2024 THEN CASE WHEN i <= 4 THEN 'khá' ELSE 'yếu' END
	     ELSE CASE WHEN i <= 6 THEN 'khá' WHEN i = 7 THEN 'không xếp loại' ELSE 'yếu' END END::htx_rating,
	CASE WHEN i = 1 THEN 6000000000 ELSE 1000000000 END, CASE WHEN i = 1 THEN 60 ELSE 20 END,
	CASE WHEN i = 2 THEN 1000000000 END, 10, CASE WHEN y = 2024 THEN 2 ELSE 3 END, i = 1
FROM generate_series(1, 10) i CROSS JOIN (VALUES (2024), (2025)) AS yy(y);
UPDATE htx_cooperative_year SET members = 55 WHERE cooperative_id = 2;
UPDATE htx_cooperative_year SET members = NULL WHERE cooperative_id = 3 AND year = 2025;

SELECT results_eq($$SELECT cooperatives, good_fair_pct, good_fair_pct_all, prev_year_good_fair_pct_all, good_fair_pct_all_change,
		model_avg_revenue_vnd, avg_revenue_vnd, size_micro, size_small, size_medium, size_large, size_unknown
	FROM htx_district_year_report WHERE is_province_total AND year = 2025$$,
	$$VALUES (10::int8, 66.67, 60.00, 40.00, 20.00, 6000000000::numeric, 1500000000::numeric, 7::int8, 2::int8, 0::int8, 0::int8, 1::int8)$$,
	'the province row: both shares, last year''s and the change in points, the models'' average beside everyone''s, size counts');
SELECT results_eq($$SELECT target_code, round(measured, 2), met, round(prev_year_measured, 2), round(change_from_prev_year, 2), prev_year_met, prev_year_status,
		round(measured_of_rated, 2), round(measured_of_all, 2)
	FROM htx_target_progress WHERE plan_code = 'TN-42/KH-UBND' AND is_province_total AND year = 2025 AND target_code IN ('GOOD_FAIR_60', 'MANAGERS_TRAINED_30')
	ORDER BY sort_order$$,
	$$VALUES ('GOOD_FAIR_60', 60.00, true, 40.00, 20.00, false, 'not met', 66.67, 60.00),
	         ('MANAGERS_TRAINED_30', 30.00, true, 20.00, 10.00, NULL, 'no tolerance', NULL, NULL)$$,
	'htx_target_progress: this year, last year, the change, whether it was met, both shares');
SELECT is((SELECT count(*)::int FROM htx_target_progress WHERE year = 2024 AND prev_year_status IS NOT NULL), 0,
	'the first year has no previous year');
INSERT INTO htx_cooperative (cooperative_id, name, district_code, sector, founded_on) VALUES (11, 'HTX 11', '167', 'crop', '2010-01-01');
INSERT INTO htx_cooperative_year (cooperative_id, year, rating) VALUES (11, 2024, 'tốt');
SELECT results_eq($$SELECT DISTINCT status FROM htx_target_progress WHERE district_code = '167' AND year = 2025$$,
	$$VALUES ('no data')$$, 'a district without rows in a year: every target says "no data"');
SELECT results_eq($$SELECT DISTINCT status FROM htx_target_progress WHERE district_code = '168' AND year = 2025$$,
	$$VALUES ('no data')$$, 'also one that never had rows (MODEL_PER_DISTRICT is not "0, not met")');
SELECT is_empty($$SELECT 1 FROM htx_cooperative_year y JOIN htx_cooperative c USING (cooperative_id)
	GROUP BY c.district_code, y.year
	HAVING count(*) FILTER (WHERE htx_size_class(y.members, y.revenue_vnd, y.capital_vnd) = 'nhỏ')
		<> (SELECT r.size_small FROM htx_district_year_report r WHERE r.district_code = c.district_code AND r.year = y.year)
	    OR count(*) FILTER (WHERE htx_size_class(y.members, y.revenue_vnd, y.capital_vnd) IS NULL)
		<> (SELECT r.size_unknown FROM htx_district_year_report r WHERE r.district_code = c.district_code AND r.year = y.year)$$,
	'the report''s size counts agree with htx_size_class');

-- ---- The report for the Provincial People's Committee -------------------------------------
SELECT has_function('htx_ppc_report', ARRAY['integer', 'text'], 'htx_ppc_report(year, plan) exists');
SELECT is((SELECT string_agg(x, ' | ') FROM unnest((SELECT p.proargnames[3:11] FROM pg_proc p WHERE p.proname = 'htx_ppc_report')) AS x),
	'Đơn vị | Số HTX | Tốt | Khá | Trung bình | Yếu | Không xếp loại | Chưa báo cáo xếp loại | Tỷ lệ tốt, khá (%)',
	'the columns are headed as the PPC reads them');
SELECT results_eq($$SELECT "Đơn vị", "Số HTX", "Tốt", "Khá", "Trung bình", "Yếu", "Không xếp loại", "Tỷ lệ tốt, khá (%)", "Đạt/Chưa đạt",
		"Số mô hình HTX", "Đạt/Chưa đạt (mô hình)", "Doanh thu bình quân HTX mô hình (tỷ đồng)", "Đạt/Chưa đạt (doanh thu)", "Nhỏ"
	FROM htx_ppc_report(2025)$$,
	$$VALUES ('Thái Nguyên', 8::int8, 0::int8, 6::int8, 0::int8, 1::int8, 1::int8, 75.00, 'Đạt', 1::int8, 'Đạt', 6.00, 'Đạt', 2::int8),
	         ('Sông Công', 0, 0, 0, 0, 0, 0, NULL, 'Không có số liệu', 0, 'Không có số liệu', NULL, 'Không có số liệu', 0),
	         ('Định Hóa', 0, 0, 0, 0, 0, 0, NULL, 'Không có số liệu', 0, 'Không có số liệu', NULL, 'Không có số liệu', 0),
	         ('Phú Lương', 0, 0, 0, 0, 0, 0, NULL, 'Không có số liệu', 0, 'Không có số liệu', NULL, 'Không có số liệu', 0),
	         ('Đồng Hỷ', 0, 0, 0, 0, 0, 0, NULL, 'Không có số liệu', 0, 'Không có số liệu', NULL, 'Không có số liệu', 0),
	         ('Võ Nhai', 0, 0, 0, 0, 0, 0, NULL, 'Không có số liệu', 0, 'Không có số liệu', NULL, 'Không có số liệu', 0),
	         ('Đại Từ', 2, 0, 0, 0, 2, 0, 0.00, 'Chưa đạt', 0, 'Chưa đạt', NULL, 'Không có số liệu', 0),
	         ('Phổ Yên', 0, 0, 0, 0, 0, 0, NULL, 'Không có số liệu', 0, 'Không có số liệu', NULL, 'Không có số liệu', 0),
	         ('Phú Bình', 0, 0, 0, 0, 0, 0, NULL, 'Không có số liệu', 0, 'Không có số liệu', NULL, 'Không có số liệu', 0),
	         ('Toàn tỉnh', 10, 0, 6, 0, 3, 1, 60.00, 'Đạt', 1, 'Chưa đạt', 6.00, 'Đạt', 2)$$,
	'htx_ppc_report: a row per district and Toàn tỉnh, each target as Đạt / Chưa đạt / Không có số liệu');
SELECT throws_ok($$SELECT * FROM htx_ppc_report(2025, 'NO-PLAN')$$, '22023', 'unknown plan "NO-PLAN"', 'an unknown plan is refused');
SELECT throws_ok($$SELECT * FROM htx_ppc_report(NULL)$$, '22004', NULL, 'a NULL year is refused');

SELECT * FROM finish();
ROLLBACK;
