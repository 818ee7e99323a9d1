-- make demo: the extension on a throwaway cluster, a sample province, and the
-- reports a province would print.  Run by test/demo.sh through test/pgenv.sh.
\pset footer off
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION htx;

\echo '== htx_rating reads what spreadsheets contain'
SELECT s AS typed, s::htx_rating AS rating, htx_rating_label(s::htx_rating, 'en') AS english
FROM (VALUES ('Tốt'), ('KHA'), ('trung_binh'), ('TB'), ('yeu'), ('not rated'), ('Chưa xếp loại')) AS v(s)
ORDER BY s::htx_rating DESC;

\echo '== A sample province (htx_generate_sample(), the default): the merged Thái Nguyên, 2020-2025 (deterministic, seed 42): 600 cooperatives of Thái Nguyên cũ, 600 / 4 = 150 of Bắc Kạn cũ (an assumed count, a parameter); rows up to 2024 under old communes, 2025 under new ones'
SELECT * FROM htx_generate_sample();

\echo '== Plan 42/KH-UBND targets by district, 2025 (htx_district_year_report + htx_target_progress)'
WITH met AS (
	SELECT district_code, is_province_total,
		bool_or(met) FILTER (WHERE target_code = 'GOOD_FAIR_60') AS gf,
		bool_or(met) FILTER (WHERE target_code IN ('MODEL_PER_DISTRICT', 'MODEL_9')) AS model,
		bool_or(met) FILTER (WHERE target_code = 'AVG_REVENUE_5BN') AS rev,
		bool_or(met) FILTER (WHERE target_code = 'TECH_25') AS tech
	FROM htx_target_progress
	WHERE plan_code = 'TN-42/KH-UBND' AND year = 2025
	GROUP BY district_code, is_province_total
)
SELECT r.area_name AS "district",
	coalesce(r.district_kind, '') AS "kind",
	r.cooperatives AS "HTX",
	r.good_fair_pct_all || CASE WHEN m.gf THEN ' ok' ELSE ' --' END AS "tốt+khá % of all (>=60)",
	r.good_fair_pct AS "of rated",
	r.model_count || CASE WHEN m.model THEN ' ok' ELSE ' --' END AS "models (>=1, >=9)",
	to_char(r.model_avg_revenue_vnd / 1e9, 'FM990.00') || CASE WHEN m.rev THEN ' ok' ELSE ' --' END AS "models' avg rev. bn (>=5)",
	to_char(r.avg_revenue_vnd / 1e9, 'FM990.00') AS "all avg",
	r.tech_pct || CASE WHEN m.tech THEN ' ok' ELSE ' --' END AS "tech % (>25)",
	r.managers_trained_pct AS "trained % (~30)"
FROM htx_district_year_report r
JOIN met m ON m.district_code IS NOT DISTINCT FROM r.district_code AND m.is_province_total = r.is_province_total
WHERE r.year = 2025
ORDER BY r.is_province_total, r.district_code;

\echo '== Plan 42 on its own territory, 2025, by former district, from rows filed under the new communes (htx_territory_year_report)'
SELECT r.area_name AS "former district / province", r.cooperatives AS "HTX",
	r.rows_by_crosswalk AS "via crosswalk", r.rows_by_earlier_location AS "via earlier row",
	r.rows_district_undetermined AS "undetermined",
	r.good_fair_pct_all AS "tốt+khá % of all", r.model_count AS "models", r.tech_pct AS "tech %",
	r.prev_year_cooperatives AS "HTX 2024"
FROM htx_territory_year_report r
WHERE r.year = 2025 AND r.plan_territory
ORDER BY r.is_province_total, r.district_code;

\echo '== 2025 by former province and for the merged province (which territory each figure covers)'
SELECT area_name, cooperatives AS "HTX", good_fair_pct_all AS "tốt+khá % of all", model_count AS models,
	rows_district_undetermined AS "district undetermined", territory
FROM htx_territory_year_report
WHERE year = 2025 AND area_level IN ('province', 'merged province')
ORDER BY area_level DESC, province_code DESC;

\echo '== 2025 by new commune of the merged province: the ten with most cooperatives, of how many with any'
SELECT area_name AS "commune (from 2025-07-01)", commune_code, cooperatives AS "HTX", good_fair_pct_all AS "tốt+khá % of all",
	model_count AS models, count(*) OVER () AS "communes with HTX"
FROM htx_territory_year_report
WHERE year = 2025 AND area_level = 'commune'
ORDER BY cooperatives DESC, commune_code
LIMIT 10;

\echo '== Province targets, 2025, beside 2024 (the good/fair share counts every HTX NN; the 5 bn average is the models''; "about 30%" is met at or above 30)'
SELECT target_code, comparator, required, round(measured, 2) AS measured, gap::numeric(20,2) AS gap, status,
	round(prev_year_measured, 2) AS "2024", round(change_from_prev_year, 2) AS change, prev_year_status AS "2024 status"
FROM htx_target_progress
WHERE plan_code = 'TN-42/KH-UBND' AND is_province_total AND year = 2025
ORDER BY sort_order;

\echo '== Báo cáo gửi UBND tỉnh, 2025 (htx_ppc_report; export: docs/analyst.md)'
SELECT "Đơn vị", "Số HTX", "Tốt", "Khá", "Trung bình", "Yếu", "Không xếp loại", "Tỷ lệ tốt, khá (%)", "Đạt/Chưa đạt",
	"Số mô hình HTX" AS "Mô hình", "Đạt/Chưa đạt (doanh thu)" AS "Doanh thu", "Siêu nhỏ", "Nhỏ", "Vừa", "Lớn"
FROM htx_ppc_report(2025);

\echo '== National strategy to 2030 (Decision 340/QĐ-TTg), the province in 2025'
SELECT t.target_code, t.comparator, t.required, round(t.measured, 2) AS measured, t.status
FROM (SELECT htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) AS e,
		htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) FILTER (WHERE is_model) AS m
	FROM htx_cooperative_year WHERE year = 2025) s,
	htx_check_targets(s.e, s.m, 'QĐ-340/QĐ-TTg', 'national') t;

\echo '== Ratings in the province by year (htx_rating_trend)'
SELECT year,
	sum(cooperatives) FILTER (WHERE rating_code = 4) AS "tốt",
	sum(cooperatives) FILTER (WHERE rating_code = 3) AS "khá",
	sum(cooperatives) FILTER (WHERE rating_code = 2) AS "trung bình",
	sum(cooperatives) FILTER (WHERE rating_code = 1) AS "yếu",
	sum(cooperatives) FILTER (WHERE rating_code = 0) AS "không xếp loại",
	round((100 * sum(share_of_rated) FILTER (WHERE rating_code >= 3))::numeric, 1) AS "tốt+khá %"
FROM htx_rating_trend
WHERE is_province_total
GROUP BY year ORDER BY year;

\echo '== What the province should fix (htx_data_quality)'
SELECT check_code, severity, count(*) AS rows, min(issue_vi) AS "vấn đề"
FROM htx_data_quality GROUP BY check_code, severity ORDER BY severity, check_code;

\echo '== Who does what: task -> agency matrix (htx_task_matrix)'
SELECT pg_catalog.to_regclass('htx_task_matrix') IS NOT NULL AS has_matrix \gset
\if :has_matrix
\pset format wrapped
\pset columns 150
SELECT task_code AS task, lead_agencies AS "lead (chủ trì)", supporting_agencies AS "support (phối hợp)"
FROM htx_task_matrix
WHERE coalesce(lead_agencies, '') <> '' OR coalesce(supporting_agencies, '') <> ''
ORDER BY task_sort_order;
\else
\echo '(htx_task_matrix is not in this build)'
\endif
