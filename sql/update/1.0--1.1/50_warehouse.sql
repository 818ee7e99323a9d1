-- ---------------------------------------------------------------------------
-- The warehouse belongs to the province, not to the extension
-- ---------------------------------------------------------------------------
--
-- In 1.0 the fact tables (htx_cooperative, htx_cooperative_year) and the BI
-- views over them were members of the extension: DROP EXTENSION htx took the
-- province's only copy of its data with it, Citus could not distribute them,
-- and every change to them had to be an extension script.  From 1.1 they are
-- ordinary objects of the DBA who creates them, the PostGIS way: the
-- extension owns types, functions and its shipped reference data; the
-- warehouse depends on them, so DROP EXTENSION htx refuses while it exists
-- (PostgreSQL's own "other objects depend on it", SQLSTATE 2BP01), and only
-- DROP EXTENSION htx CASCADE removes what depends on htx.  pg_dump dumps
-- them as ordinary tables and views.
--
-- htx_create_warehouse() creates them (htx_generate_sample() calls it when
-- they are missing).  Their definitions are 1.0's, byte for byte, so a 1.0
-- warehouse kept by the update and a new one are the same.  The DDL runs
-- through format() with the extension's schema looked up at run time, never
-- spliced into a quoted string by the script.

-- Each warehouse view's definition, once: htx_create_warehouse() creates a
-- missing view from it, and htx_replace_warehouse_view() (for update scripts)
-- puts a changed definition in place of the DBA's existing view.
CREATE FUNCTION @extschema@.htx_warehouse_view_sql(view_name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s name;
	aggs text;
	thresholds text;
BEGIN
	SELECT n.nspname INTO s
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'htx';
	CASE view_name
	WHEN 'htx_year_summary' THEN
		-- the thresholds of Decree 113/2024's classes above siêu nhỏ (htx_size_
		-- threshold's agriculture rows), largest first, as htx_size_tally takes
		-- them: an uncorrelated scalar subquery, so an InitPlan computed once
		-- per query and read as a parameter by each row's call.  (Joined as a
		-- one-row subquery, it cost a nested loop step per row: a third of the
		-- summary's time over the bare htx_evaluate.  Citus computes it once
		-- as a subplan and each worker's task reads it once.)
		thresholds := format($z$(SELECT ARRAY[
			pg_catalog.max(st.min_members) FILTER (WHERE st.size_class OPERATOR(pg_catalog.=) 'lớn'),
			pg_catalog.max(st.min_revenue_vnd) FILTER (WHERE st.size_class OPERATOR(pg_catalog.=) 'lớn'),
			pg_catalog.max(st.min_capital_vnd) FILTER (WHERE st.size_class OPERATOR(pg_catalog.=) 'lớn'),
			pg_catalog.max(st.min_members) FILTER (WHERE st.size_class OPERATOR(pg_catalog.=) 'vừa'),
			pg_catalog.max(st.min_revenue_vnd) FILTER (WHERE st.size_class OPERATOR(pg_catalog.=) 'vừa'),
			pg_catalog.max(st.min_capital_vnd) FILTER (WHERE st.size_class OPERATOR(pg_catalog.=) 'vừa'),
			pg_catalog.max(st.min_members) FILTER (WHERE st.size_class OPERATOR(pg_catalog.=) 'nhỏ'),
			pg_catalog.max(st.min_revenue_vnd) FILTER (WHERE st.size_class OPERATOR(pg_catalog.=) 'nhỏ'),
			pg_catalog.max(st.min_capital_vnd) FILTER (WHERE st.size_class OPERATOR(pg_catalog.=) 'nhỏ')]::pg_catalog.int8[]
			FROM %1$I.htx_size_threshold st
			WHERE st.sector_group OPERATOR(pg_catalog.=) 'agriculture')$z$, s);
		-- the per-row work every branch below does, written once: one
		-- htx_year_tally call (htx_evaluate_state of the rows and of the
		-- model rows, the size classes, the counts, the scores' count and sum
		-- in hundredths of a point; read below).  (The score's sum and count
		-- as two aggregates of their own cost a tenth of the pass.)
		aggs := format($a$%1$I.htx_year_tally(r.rating, r.revenue_vnd, r.members, r.applies_tech,
			r.managers, r.managers_trained, r.is_model, r.capital_vnd, r.young_members, r.fined,
			r.vietgap_certified, r.globalgap_certified, r.organic_certified, r.ocop_stars, r.score,
			%2$s) AS t$a$, s, thresholds);
		RETURN format($ddl$
CREATE OR REPLACE VIEW %1$I.htx_year_summary AS
WITH cell AS (
	-- rows filed without a commune: located by their cooperative's district, as in 1.0
	SELECT 'district'::pg_catalog.text AS part, r.district_code AS former_district_code, NULL::pg_catalog.text AS commune_code,
		r.year, NULL::pg_catalog.text AS located_by,
		%2$s
	FROM (SELECT c.district_code, cy.*
		FROM %1$I.htx_cooperative_year cy
		JOIN %1$I.htx_cooperative c ON c.cooperative_id OPERATOR(pg_catalog.=) cy.cooperative_id
		WHERE cy.commune_code IS NULL ) AS r
	GROUP BY r.district_code, r.year
	UNION ALL
	-- rows filed under a commune: by commune and year, located below as a group
	SELECT 'commune', NULL, r.commune_code, r.year, NULL,
		%2$s
	FROM %1$I.htx_cooperative_year r
	WHERE r.commune_code IS NOT NULL
	GROUP BY r.commune_code, r.year
	UNION ALL
	-- rows under a new unit that straddles former districts: one by one, by the
	-- cooperative's latest earlier row under an old unit of one of those
	-- districts, else its registered district when it is one of them
	-- (htx_cooperative_year_located says the same of each row); LEFT JOIN
	-- LATERALs without OFFSET 0, so that Citus pushes the branch down whole
	-- (it refuses OFFSET in a lateral subquery, ships a fenced subquery's rows)
	SELECT 'straddling', r.former_district_code, r.commune_code, r.year, r.located_by,
		%2$s
	FROM (SELECT cy.*,
			COALESCE(x.earlier, CASE WHEN c.district_code OPERATOR(pg_catalog.=) ANY (u.candidate_district_codes) THEN c.district_code END) AS former_district_code,
			CASE WHEN x.earlier IS NOT NULL THEN 'earlier commune'
				WHEN c.district_code OPERATOR(pg_catalog.=) ANY (u.candidate_district_codes) THEN 'registered district' END AS located_by
		FROM %1$I.htx_commune_former_district u
		JOIN %1$I.htx_cooperative_year cy ON cy.commune_code OPERATOR(pg_catalog.=) u.commune_code
			AND u.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(cy.year, 12, 31)
			AND COALESCE(u.valid_to, 'infinity'::pg_catalog.date) OPERATOR(pg_catalog.>=) pg_catalog.make_date(cy.year, 12, 31)
		LEFT JOIN LATERAL (SELECT o.district_code AS earlier
			FROM %1$I.htx_cooperative_year e
			JOIN %1$I.htx_commune o ON o.commune_code OPERATOR(pg_catalog.=) e.commune_code
				AND o.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(e.year, 12, 31)
				AND COALESCE(o.valid_to, 'infinity'::pg_catalog.date) OPERATOR(pg_catalog.>=) pg_catalog.make_date(e.year, 12, 31)
			WHERE e.cooperative_id OPERATOR(pg_catalog.=) cy.cooperative_id AND e.year OPERATOR(pg_catalog.<) cy.year
			  AND o.district_code OPERATOR(pg_catalog.=) ANY (u.candidate_district_codes)
			ORDER BY e.year DESC LIMIT 1) AS x ON true
		-- the registered district, read only for a row without an earlier
		-- one (LIMIT 1 keeps the subquery whole, so that its WHERE gates the
		-- read: at 300,000 cooperatives, 45 ms of the branch's 225)
		LEFT JOIN LATERAL (SELECT c1.district_code
			FROM %1$I.htx_cooperative c1
			WHERE x.earlier IS NULL AND c1.cooperative_id OPERATOR(pg_catalog.=) cy.cooperative_id
			LIMIT 1) AS c ON true
		WHERE u.straddles) AS r
	GROUP BY r.former_district_code, r.commune_code, r.year, r.located_by
),
dist AS (
	SELECT d1.district_code, d1.province_code FROM %1$I.htx_district d1
	UNION ALL
	SELECT d2.district_code, d2.province_code FROM %1$I.htx_district_other d2
)
SELECT k.year,
	COALESCE(k.former_district_code, u.former_district_code) AS former_district_code,
	COALESCE(d.province_code, u.former_province_code) AS former_province_code,
	k.commune_code,
	u.valid_from AS commune_valid_from,
	COALESCE(u.is_new, false) AS commune_is_new,
	(CASE k.part WHEN 'district' THEN CASE WHEN k.former_district_code IS NOT NULL THEN 'district' END
		WHEN 'commune' THEN u.located_by ELSE k.located_by END)::pg_catalog.text AS located_by,
	-- htx_year_tally's counters (its comment gives the layout)
	k.t[1] AS row_count,
	%1$I.htx_year_tally_evaluation(k.t, false) AS e,
	%1$I.htx_year_tally_evaluation(k.t, true) AS em,
	k.t[41] AS size_micro, k.t[42] AS size_small, k.t[43] AS size_medium,
	k.t[44] AS size_large, k.t[45] AS size_unknown,
	CASE WHEN k.t[46] OPERATOR(pg_catalog.>) 0 THEN k.t[47] END AS young_members,
	k.t[48] AS fined_count, k.t[49] AS vietgap_count, k.t[50] AS globalgap_count,
	k.t[51] AS organic_count, k.t[52] AS ocop_count,
	-- the scores' sum as numeric's sum of htx_score gives it (two decimals;
	-- NULL when no row reports one), and their count
	CASE WHEN k.t[53] OPERATOR(pg_catalog.>) 0
		THEN pg_catalog.round(k.t[54]::pg_catalog.numeric OPERATOR(pg_catalog./) 100::pg_catalog.numeric, 2) END AS score_sum,
	k.t[53] AS score_count
FROM cell k
LEFT JOIN %1$I.htx_commune_former_district u ON k.commune_code IS NOT NULL
	AND u.commune_code OPERATOR(pg_catalog.=) k.commune_code
	AND u.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(k.year, 12, 31)
	AND COALESCE(u.valid_to, 'infinity'::pg_catalog.date) OPERATOR(pg_catalog.>=) pg_catalog.make_date(k.year, 12, 31)
LEFT JOIN dist d ON d.district_code OPERATOR(pg_catalog.=) COALESCE(k.former_district_code, u.former_district_code)
-- a straddling unit's rows are counted by the third branch, one by one
WHERE NOT (k.part OPERATOR(pg_catalog.=) 'commune' AND COALESCE(u.straddles, false));

COMMENT ON VIEW %1$I.htx_year_summary IS
'the one pass over htx_cooperative_year that the report views roll up: per year and location (former district, former province, commune-level unit and how the rows were located, as htx_cooperative_year_located locates each row), the number of rows, htx_evaluate_state of all of them and of the model cooperatives, and the counts and sums the reports show; combine e and em with htx_evaluate_merge';
COMMENT ON COLUMN %1$I.htx_year_summary.year IS 'year of the rows';
COMMENT ON COLUMN %1$I.htx_year_summary.former_district_code IS 'the former district (htx_district or htx_district_other) the rows are attributed to; NULL when undetermined';
COMMENT ON COLUMN %1$I.htx_year_summary.former_province_code IS 'the former province (19 Thái Nguyên cũ, 06 Bắc Kạn cũ); NULL when undetermined';
COMMENT ON COLUMN %1$I.htx_year_summary.commune_code IS 'the commune code the rows are filed under; NULL for rows located by their cooperative''s district';
COMMENT ON COLUMN %1$I.htx_year_summary.commune_valid_from IS 'valid_from of the unit of that code on the year''s reporting date (31 December); NULL when no unit has the code then';
COMMENT ON COLUMN %1$I.htx_year_summary.commune_is_new IS 'true when that unit is one of the 2025-07-01 reorganisation';
COMMENT ON COLUMN %1$I.htx_year_summary.located_by IS 'as htx_cooperative_year_located.located_by: district, old commune, crosswalk, earlier commune, registered district; NULL when undetermined';
COMMENT ON COLUMN %1$I.htx_year_summary.row_count IS 'cooperative-year rows';
COMMENT ON COLUMN %1$I.htx_year_summary.e IS 'htx_evaluate_state of the rows (htx_evaluate_merge gives the evaluation)';
COMMENT ON COLUMN %1$I.htx_year_summary.em IS 'htx_evaluate_state of the model cooperatives'' rows';
COMMENT ON COLUMN %1$I.htx_year_summary.size_micro IS 'rows of size siêu nhỏ (Decree 113/2024/NĐ-CP, htx_size_threshold)';
COMMENT ON COLUMN %1$I.htx_year_summary.size_small IS 'rows of size nhỏ';
COMMENT ON COLUMN %1$I.htx_year_summary.size_medium IS 'rows of size vừa';
COMMENT ON COLUMN %1$I.htx_year_summary.size_large IS 'rows of size lớn';
COMMENT ON COLUMN %1$I.htx_year_summary.size_unknown IS 'rows whose size class cannot be decided';
COMMENT ON COLUMN %1$I.htx_year_summary.young_members IS 'sum of young_members; NULL when no row reports it';
COMMENT ON COLUMN %1$I.htx_year_summary.fined_count IS 'rows fined';
COMMENT ON COLUMN %1$I.htx_year_summary.vietgap_count IS 'rows with a VietGAP certificate';
COMMENT ON COLUMN %1$I.htx_year_summary.globalgap_count IS 'rows with a GlobalGAP certificate';
COMMENT ON COLUMN %1$I.htx_year_summary.organic_count IS 'rows with an organic certificate';
COMMENT ON COLUMN %1$I.htx_year_summary.ocop_count IS 'rows with an OCOP-rated product';
COMMENT ON COLUMN %1$I.htx_year_summary.score_sum IS 'sum of the scores reported';
COMMENT ON COLUMN %1$I.htx_year_summary.score_count IS 'rows reporting a score';
$ddl$, s, aggs);
	WHEN 'htx_district_year_report' THEN RETURN format($ddl$
CREATE OR REPLACE VIEW %1$I.htx_district_year_report AS
WITH s AS (
	SELECT * FROM %1$I.htx_year_summary
),
dist AS (
	-- the former district-level units: the plan's own (htx_district) and others (htx_district_other)
	SELECT d1.district_code, d1.name, d1.kind, d1.province_code, d1.valid_from, d1.valid_to, true AS own FROM %1$I.htx_district d1
	UNION ALL
	SELECT d2.district_code, d2.name, d2.kind, d2.province_code, d2.valid_from, d2.valid_to, false FROM %1$I.htx_district_other d2
),
roll AS (
	-- the summary rolled up to former districts (grp 0) and former provinces
	-- (grp 1): one pass over the rows, htx_year_summary
	SELECT k.grp, k.area_key, k.year,
		%1$I.htx_evaluate_merge(k.e) AS e, %1$I.htx_evaluate_merge(k.em) AS em,
		pg_catalog.sum(k.size_micro)::pg_catalog.int8 AS size_micro, pg_catalog.sum(k.size_small)::pg_catalog.int8 AS size_small,
		pg_catalog.sum(k.size_medium)::pg_catalog.int8 AS size_medium, pg_catalog.sum(k.size_large)::pg_catalog.int8 AS size_large,
		pg_catalog.sum(k.size_unknown)::pg_catalog.int8 AS size_unknown, pg_catalog.sum(k.young_members)::pg_catalog.int8 AS young_members,
		pg_catalog.sum(k.fined_count)::pg_catalog.int8 AS fined_count, pg_catalog.sum(k.vietgap_count)::pg_catalog.int8 AS vietgap_count,
		pg_catalog.sum(k.globalgap_count)::pg_catalog.int8 AS globalgap_count, pg_catalog.sum(k.organic_count)::pg_catalog.int8 AS organic_count,
		pg_catalog.sum(k.ocop_count)::pg_catalog.int8 AS ocop_count, pg_catalog.sum(k.score_sum) AS score_sum, pg_catalog.sum(k.score_count) AS score_count
	FROM (SELECT 0 AS grp, s.former_district_code AS area_key, s.* FROM s WHERE s.former_district_code IS NOT NULL
		UNION ALL
		SELECT 1, s.former_province_code, s.* FROM s WHERE s.former_province_code IS NOT NULL) AS k
	GROUP BY k.grp, k.area_key, k.year
),
years AS (
	SELECT DISTINCT s.year FROM s
),
keys AS (
	-- every district of htx_district valid in a year that has data, and its
	-- province; every former district and province that has data
	SELECT 0 AS grp, d.district_code AS area_key, y.year
	FROM %1$I.htx_district d CROSS JOIN years y
	WHERE (d.valid_from IS NULL OR d.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(y.year, 12, 31))
	  AND (d.valid_to IS NULL OR d.valid_to OPERATOR(pg_catalog.>=) pg_catalog.make_date(y.year, 1, 1))
	UNION
	SELECT 1, d.province_code, y.year
	FROM %1$I.htx_district d CROSS JOIN years y
	WHERE (d.valid_from IS NULL OR d.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(y.year, 12, 31))
	  AND (d.valid_to IS NULL OR d.valid_to OPERATOR(pg_catalog.>=) pg_catalog.make_date(y.year, 1, 1))
	UNION
	SELECT roll.grp, roll.area_key, roll.year FROM roll
),
agg AS (
	SELECT k.grp, k.year,
		CASE WHEN k.grp OPERATOR(pg_catalog.=) 0 THEN d.province_code ELSE k.area_key END AS province_code,
		d.district_code, d.name,
		CASE WHEN d.district_code IS NOT NULL THEN COALESCE(dk.kind, d.kind) END AS kind,
		CASE WHEN d.district_code IS NOT NULL THEN
			(d.valid_from IS NULL OR d.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(k.year, 12, 31))
			AND (d.valid_to IS NULL OR d.valid_to OPERATOR(pg_catalog.>=) pg_catalog.make_date(k.year, 1, 1)) END AS valid,
		-- the plan's own province is "Toàn tỉnh", as in 1.0; another is named as it was (Bắc Kạn cũ)
		CASE WHEN k.grp OPERATOR(pg_catalog.=) 1 AND NOT EXISTS (SELECT 1 FROM %1$I.htx_district o
				WHERE o.province_code OPERATOR(pg_catalog.=) k.area_key)
			THEN COALESCE((SELECT pv.name OPERATOR(pg_catalog.||) ' cũ' FROM %1$I.htx_province pv
				WHERE pv.province_code OPERATOR(pg_catalog.=) k.area_key AND pv.valid_to IS NOT NULL
				ORDER BY pv.valid_to DESC LIMIT 1), k.area_key) END AS other_province_name,
		COALESCE(r.e, %1$I.htx_evaluate_final('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::%1$I.htx_evaluation_state)) AS e,
		COALESCE(r.em, %1$I.htx_evaluate_final('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::%1$I.htx_evaluation_state)) AS em,
		COALESCE(r.size_micro, 0) AS size_micro, COALESCE(r.size_small, 0) AS size_small,
		COALESCE(r.size_medium, 0) AS size_medium, COALESCE(r.size_large, 0) AS size_large,
		COALESCE(r.size_unknown, 0) AS size_unknown,
		r.young_members AS young_members_total,
		COALESCE(r.fined_count, 0) AS fined_count, COALESCE(r.vietgap_count, 0) AS vietgap_count,
		COALESCE(r.globalgap_count, 0) AS globalgap_count, COALESCE(r.organic_count, 0) AS organic_count,
		COALESCE(r.ocop_count, 0) AS ocop_count,
		pg_catalog.round(r.score_sum OPERATOR(pg_catalog./) NULLIF(r.score_count, 0)::pg_catalog.numeric, 2) AS avg_score
	FROM keys k
	LEFT JOIN roll r ON r.grp OPERATOR(pg_catalog.=) k.grp AND r.area_key OPERATOR(pg_catalog.=) k.area_key
		AND r.year OPERATOR(pg_catalog.=) k.year
	LEFT JOIN dist d ON k.grp OPERATOR(pg_catalog.=) 0 AND d.district_code OPERATOR(pg_catalog.=) k.area_key
	LEFT JOIN LATERAL (SELECT dk1.kind FROM %1$I.htx_district_kind dk1
		WHERE d.own AND dk1.district_code OPERATOR(pg_catalog.=) d.district_code
		  AND (dk1.valid_from IS NULL OR dk1.valid_from OPERATOR(pg_catalog.<=) LEAST(pg_catalog.make_date(k.year, 12, 31), d.valid_to))
		  AND (dk1.valid_to IS NULL OR dk1.valid_to OPERATOR(pg_catalog.>=) LEAST(pg_catalog.make_date(k.year, 12, 31), d.valid_to))
		ORDER BY dk1.valid_from DESC NULLS LAST LIMIT 1) AS dk ON true
)
SELECT
	(CASE WHEN agg.grp OPERATOR(pg_catalog.=) 0 THEN 'district' ELSE 'province' END)::pg_catalog.text AS area_level,
	agg.grp OPERATOR(pg_catalog.<>) 0 AS is_province_total,
	agg.province_code,
	agg.district_code,
	agg.name AS district_name,
	agg.kind AS district_kind,
	agg.valid AS district_valid,
	COALESCE(agg.name, agg.other_province_name, 'Toàn tỉnh')::pg_catalog.text AS area_name,
	agg.year,
	(agg.e).cooperatives,
	(agg.e).rated,
	(agg.e).good,
	(agg.e).fair,
	(agg.e).average,
	(agg.e).weak,
	(agg.e).not_rated,
	(agg.e).rating_missing,
	(agg.e).good_fair_share,
	pg_catalog.round(((agg.e).good_fair_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS good_fair_pct,
	(agg.e).revenue_reported,
	(agg.e).revenue_total_vnd,
	(agg.e).avg_revenue_vnd,
	(agg.e).members_total,
	(agg.e).tech_reported,
	(agg.e).tech_count,
	(agg.e).tech_share,
	pg_catalog.round(((agg.e).tech_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS tech_pct,
	(agg.e).managers_total,
	(agg.e).managers_trained_total,
	(agg.e).managers_trained_share,
	pg_catalog.round(((agg.e).managers_trained_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS managers_trained_pct,
	(agg.e).model_count,
	agg.young_members_total,
	agg.fined_count,
	agg.vietgap_count,
	agg.globalgap_count,
	agg.organic_count,
	agg.ocop_count,
	agg.avg_score,
	-- 1.1: appended (CREATE OR REPLACE VIEW only appends)
	cur.good_fair_share_all,
	pg_catalog.round((cur.good_fair_share_all OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS good_fair_pct_all,
	(agg.em).revenue_reported AS model_revenue_reported,
	(agg.em).avg_revenue_vnd AS model_avg_revenue_vnd,
	agg.size_micro,
	agg.size_small,
	agg.size_medium,
	agg.size_large,
	agg.size_unknown,
	(p.e).cooperatives AS prev_year_cooperatives,
	pg_catalog.round(((p.e).good_fair_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS prev_year_good_fair_pct,
	pg_catalog.round((prev.good_fair_share_all OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS prev_year_good_fair_pct_all,
	pg_catalog.round((cur.good_fair_share_all OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2)
		OPERATOR(pg_catalog.-) pg_catalog.round((prev.good_fair_share_all OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS good_fair_pct_all_change,
	(p.e).model_count AS prev_year_model_count,
	(p.em).avg_revenue_vnd AS prev_year_model_avg_revenue_vnd,
	pg_catalog.round(((p.e).tech_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS prev_year_tech_pct,
	pg_catalog.round(((p.e).managers_trained_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS prev_year_managers_trained_pct
FROM agg
LEFT JOIN agg p ON p.year OPERATOR(pg_catalog.=) (agg.year OPERATOR(pg_catalog.-) 1)
	AND p.grp OPERATOR(pg_catalog.=) agg.grp
	AND (p.district_code OPERATOR(pg_catalog.=) agg.district_code OR (p.district_code IS NULL AND agg.district_code IS NULL))
	AND p.province_code OPERATOR(pg_catalog.=) agg.province_code
-- tốt + khá over every cooperative reporting (the plan's literal reading, htx_target.denominator 'all')
CROSS JOIN LATERAL (SELECT ((agg.e).good OPERATOR(pg_catalog.+) (agg.e).fair)::pg_catalog.float8
	OPERATOR(pg_catalog./) NULLIF((agg.e).cooperatives, 0)::pg_catalog.float8 AS good_fair_share_all) AS cur
CROSS JOIN LATERAL (SELECT ((p.e).good OPERATOR(pg_catalog.+) (p.e).fair)::pg_catalog.float8
	OPERATOR(pg_catalog./) NULLIF((p.e).cooperatives, 0)::pg_catalog.float8 AS good_fair_share_all) AS prev;

COMMENT ON VIEW %1$I.htx_district_year_report IS
'báo cáo theo huyện và năm: every measure of htx_evaluate for each district-level unit and year, plus a province total row (is_province_total); districts valid in a year appear even with no data';
COMMENT ON COLUMN %1$I.htx_district_year_report.area_level IS 'district (cấp huyện) or province (toàn tỉnh): the row''s level';
COMMENT ON COLUMN %1$I.htx_district_year_report.is_province_total IS 'true on the province total row (district columns NULL)';
COMMENT ON COLUMN %1$I.htx_district_year_report.province_code IS 'GSO province code (Thái Nguyên: 19)';
COMMENT ON COLUMN %1$I.htx_district_year_report.district_code IS 'GSO district code; NULL on the province row';
COMMENT ON COLUMN %1$I.htx_district_year_report.district_name IS 'district name (tên huyện/thành phố/thị xã); NULL on the province row';
COMMENT ON COLUMN %1$I.htx_district_year_report.district_kind IS 'kind at the end of the year (or on its last day): thành phố, thị xã, huyện';
COMMENT ON COLUMN %1$I.htx_district_year_report.district_valid IS 'whether the district existed in that year (false for data keyed by a district after 2025-06-30)';
COMMENT ON COLUMN %1$I.htx_district_year_report.area_name IS 'district name, or "Toàn tỉnh" on the province row (a label for charts)';
COMMENT ON COLUMN %1$I.htx_district_year_report.year IS 'year evaluated';
COMMENT ON COLUMN %1$I.htx_district_year_report.cooperatives IS 'cooperative-year rows (số HTX báo cáo)';
COMMENT ON COLUMN %1$I.htx_district_year_report.rated IS 'rated: tốt + khá + trung bình + yếu';
COMMENT ON COLUMN %1$I.htx_district_year_report.good IS 'tốt (good)';
COMMENT ON COLUMN %1$I.htx_district_year_report.fair IS 'khá (fair)';
COMMENT ON COLUMN %1$I.htx_district_year_report.average IS 'trung bình (average)';
COMMENT ON COLUMN %1$I.htx_district_year_report.weak IS 'yếu (weak)';
COMMENT ON COLUMN %1$I.htx_district_year_report.not_rated IS 'không xếp loại (not rated: under 12 months in business)';
COMMENT ON COLUMN %1$I.htx_district_year_report.rating_missing IS 'rows without a rating (not reported)';
COMMENT ON COLUMN %1$I.htx_district_year_report.good_fair_share IS '(tốt + khá) / rated, 0..1; NULL when none is rated';
COMMENT ON COLUMN %1$I.htx_district_year_report.good_fair_pct IS 'good_fair_share in percent, 2 decimals (tỷ lệ HTX tốt, khá)';
COMMENT ON COLUMN %1$I.htx_district_year_report.revenue_reported IS 'rows that reported revenue';
COMMENT ON COLUMN %1$I.htx_district_year_report.revenue_total_vnd IS 'total revenue in VND (tổng doanh thu), exact';
COMMENT ON COLUMN %1$I.htx_district_year_report.avg_revenue_vnd IS 'average revenue per cooperative that reported it, VND (doanh thu bình quân/HTX)';
COMMENT ON COLUMN %1$I.htx_district_year_report.members_total IS 'members (tổng số thành viên)';
COMMENT ON COLUMN %1$I.htx_district_year_report.tech_reported IS 'rows that reported applies_tech';
COMMENT ON COLUMN %1$I.htx_district_year_report.tech_count IS 'cooperatives applying technology (ứng dụng KHKT, công nghệ cao)';
COMMENT ON COLUMN %1$I.htx_district_year_report.tech_share IS 'tech_count / tech_reported, 0..1';
COMMENT ON COLUMN %1$I.htx_district_year_report.tech_pct IS 'tech_share in percent, 2 decimals';
COMMENT ON COLUMN %1$I.htx_district_year_report.managers_total IS 'managers (cán bộ quản lý)';
COMMENT ON COLUMN %1$I.htx_district_year_report.managers_trained_total IS 'managers trained (được đào tạo nghề giám đốc HTX)';
COMMENT ON COLUMN %1$I.htx_district_year_report.managers_trained_share IS 'trained / managers over rows reporting both, 0..1';
COMMENT ON COLUMN %1$I.htx_district_year_report.managers_trained_pct IS 'managers_trained_share in percent, 2 decimals';
COMMENT ON COLUMN %1$I.htx_district_year_report.model_count IS 'model cooperatives (mô hình HTX NN)';
COMMENT ON COLUMN %1$I.htx_district_year_report.young_members_total IS 'young members (thành viên trẻ)';
COMMENT ON COLUMN %1$I.htx_district_year_report.fined_count IS 'cooperatives fined that year (bị xử phạt)';
COMMENT ON COLUMN %1$I.htx_district_year_report.vietgap_count IS 'cooperatives with a VietGAP certificate';
COMMENT ON COLUMN %1$I.htx_district_year_report.globalgap_count IS 'cooperatives with a GlobalGAP certificate';
COMMENT ON COLUMN %1$I.htx_district_year_report.organic_count IS 'cooperatives with an organic (hữu cơ) certificate';
COMMENT ON COLUMN %1$I.htx_district_year_report.ocop_count IS 'cooperatives with an OCOP-rated product';
COMMENT ON COLUMN %1$I.htx_district_year_report.avg_score IS 'average self-assessed score over scored rows, 2 decimals';
COMMENT ON COLUMN %1$I.htx_district_year_report.good_fair_share_all IS '(tốt + khá) / every cooperative reporting (cooperatives), 0..1: the plan''s literal reading (htx_target.denominator all); NULL when none reports';
COMMENT ON COLUMN %1$I.htx_district_year_report.good_fair_pct_all IS 'good_fair_share_all in percent, 2 decimals (beside good_fair_pct, the share of rated cooperatives)';
COMMENT ON COLUMN %1$I.htx_district_year_report.model_revenue_reported IS 'model cooperatives that reported revenue';
COMMENT ON COLUMN %1$I.htx_district_year_report.model_avg_revenue_vnd IS 'average revenue per model cooperative that reported it, VND (doanh thu bình quân/HTX mô hình): the measure of the 5 billion target';
COMMENT ON COLUMN %1$I.htx_district_year_report.size_micro IS 'cooperatives of size siêu nhỏ (micro), Decree 113/2024/NĐ-CP';
COMMENT ON COLUMN %1$I.htx_district_year_report.size_small IS 'cooperatives of size nhỏ (small), Decree 113/2024/NĐ-CP';
COMMENT ON COLUMN %1$I.htx_district_year_report.size_medium IS 'cooperatives of size vừa (medium), Decree 113/2024/NĐ-CP';
COMMENT ON COLUMN %1$I.htx_district_year_report.size_large IS 'cooperatives of size lớn (large), Decree 113/2024/NĐ-CP';
COMMENT ON COLUMN %1$I.htx_district_year_report.size_unknown IS 'cooperatives whose size class cannot be decided (members, or both revenue and capital, not reported)';
COMMENT ON COLUMN %1$I.htx_district_year_report.prev_year_cooperatives IS 'cooperatives the year before (same area); NULL when the year before is not in the report';
COMMENT ON COLUMN %1$I.htx_district_year_report.prev_year_good_fair_pct IS 'good_fair_pct the year before';
COMMENT ON COLUMN %1$I.htx_district_year_report.prev_year_good_fair_pct_all IS 'good_fair_pct_all the year before';
COMMENT ON COLUMN %1$I.htx_district_year_report.good_fair_pct_all_change IS 'good_fair_pct_all minus the year before, in percentage points';
COMMENT ON COLUMN %1$I.htx_district_year_report.prev_year_model_count IS 'model_count the year before';
COMMENT ON COLUMN %1$I.htx_district_year_report.prev_year_model_avg_revenue_vnd IS 'model_avg_revenue_vnd the year before';
COMMENT ON COLUMN %1$I.htx_district_year_report.prev_year_tech_pct IS 'tech_pct the year before';
COMMENT ON COLUMN %1$I.htx_district_year_report.prev_year_managers_trained_pct IS 'managers_trained_pct the year before';

-- Targets: district or province x year x target -----------------------------------
$ddl$, s);
	WHEN 'htx_target_progress' THEN RETURN format($ddl$
CREATE OR REPLACE VIEW %1$I.htx_target_progress AS
WITH cur AS (
	SELECT
		t.plan_code,
		r.area_level,
		r.is_province_total,
		r.province_code,
		r.district_code,
		r.district_name,
		r.area_name,
		r.year,
		t.target_code,
		t.sort_order,
		t.indicator_vi AS indicator,
		t.indicator_en,
		t.comparator,
		t.unit,
		t.required,
		m.tol AS tolerance,
		m.measured,
		v.met,
		m.measured OPERATOR(pg_catalog.-) t.required AS gap,
		%1$I.htx_target_status(COALESCE(r.cooperatives, 0) OPERATOR(pg_catalog.>) 0, t.measure IS NOT NULL,
			m.measured, t.comparator, v.met) AS status,
		t.deadline_year,
		t.clause,
		t.note,
		t.denominator,
		m.of_rated,
		m.of_all,
		t.measure
	FROM %1$I.htx_district_year_report r
	JOIN %1$I.htx_target t ON t.scope OPERATOR(pg_catalog.=) r.area_level
	-- a province's plan is judged on its own territory (htx_plan.province_code):
	-- Plan 42 on Thái Nguyên cũ and its districts, not on Bắc Kạn cũ
	JOIN %1$I.htx_plan pl ON pl.plan_code OPERATOR(pg_catalog.=) t.plan_code
		AND (pl.province_code IS NULL OR pl.province_code OPERATOR(pg_catalog.=) r.province_code)
	LEFT JOIN %1$I.htx_target_tolerance o ON o.plan_code OPERATOR(pg_catalog.=) t.plan_code
		AND o.target_code OPERATOR(pg_catalog.=) t.target_code AND o.scope OPERATOR(pg_catalog.=) t.scope
	CROSS JOIN LATERAL (
		SELECT ROW(r.cooperatives, r.rated, r.good, r.fair, r.average, r.weak,
				r.not_rated, r.rating_missing, r.good_fair_share, r.revenue_reported, r.revenue_total_vnd,
				r.avg_revenue_vnd, r.members_total, r.tech_reported, r.tech_count, r.tech_share,
				r.managers_total, r.managers_trained_total, r.managers_trained_share,
				r.model_count)::%1$I.htx_evaluation AS e,
			-- the model cooperatives' evaluation, as far as the report carries it
			ROW(r.model_count, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, r.model_revenue_reported, NULL,
				r.model_avg_revenue_vnd, NULL, NULL, NULL, NULL, NULL, NULL, NULL, r.model_count)::%1$I.htx_evaluation AS em
	) AS ev
	CROSS JOIN LATERAL (
		-- measured and decided by the same functions as htx_check_targets
		SELECT COALESCE(o.tolerance, t.tolerance) AS tol,
			-- the measures of 1.0 through 1.0's function (as htx_target_measured
			-- with four arguments does), the others through the new one
			CASE WHEN COALESCE(r.cooperatives, 0) OPERATOR(pg_catalog.>) 0
					AND t.measure OPERATOR(pg_catalog.<>) ALL ('{good_fair_share,model_avg_revenue_vnd}'::pg_catalog.text[])
				THEN %1$I.htx_target_measured(ev.e, t.measure)
				ELSE %1$I.htx_target_measured(ev.e, t.measure, t.denominator, ev.em) END AS measured,
			CASE WHEN t.measure OPERATOR(pg_catalog.=) 'good_fair_share'
				THEN %1$I.htx_target_measured(ev.e, t.measure, 'rated', ev.em) END AS of_rated,
			CASE WHEN t.measure OPERATOR(pg_catalog.=) 'good_fair_share'
				THEN %1$I.htx_target_measured(ev.e, t.measure, 'all', ev.em) END AS of_all
	) AS m
	CROSS JOIN LATERAL (
		SELECT %1$I.htx_target_met(m.measured, t.comparator, t.required, m.tol) AS met
	) AS v
)
SELECT
	cur.plan_code, cur.area_level, cur.is_province_total, cur.province_code, cur.district_code,
	cur.district_name, cur.area_name, cur.year, cur.target_code, cur.sort_order, cur.indicator,
	cur.indicator_en, cur.comparator, cur.unit, cur.required, cur.tolerance, cur.measured, cur.met,
	cur.gap, cur.status, cur.deadline_year, cur.clause, cur.note,
	-- 1.1: appended (CREATE OR REPLACE VIEW only appends)
	cur.denominator,
	cur.of_rated AS measured_of_rated,
	cur.of_all AS measured_of_all,
	prev.measured AS prev_year_measured,
	cur.measured OPERATOR(pg_catalog.-) prev.measured AS change_from_prev_year,
	prev.met AS prev_year_met,
	prev.status AS prev_year_status,
	cur.measure
FROM cur
LEFT JOIN cur prev ON prev.plan_code OPERATOR(pg_catalog.=) cur.plan_code
	AND prev.target_code OPERATOR(pg_catalog.=) cur.target_code
	AND prev.area_level OPERATOR(pg_catalog.=) cur.area_level
	AND (prev.district_code OPERATOR(pg_catalog.=) cur.district_code OR (prev.district_code IS NULL AND cur.district_code IS NULL))
	AND (prev.province_code OPERATOR(pg_catalog.=) cur.province_code OR (prev.province_code IS NULL AND cur.province_code IS NULL))
	AND prev.year OPERATOR(pg_catalog.=) (cur.year OPERATOR(pg_catalog.-) 1);

COMMENT ON VIEW %1$I.htx_target_progress IS
'tiến độ thực hiện chỉ tiêu: each plan target at province scope (province rows) or district scope (district rows), for every year: required, measured, met, gap; the same results as htx_check_targets on htx_evaluate';
COMMENT ON COLUMN %1$I.htx_target_progress.plan_code IS 'the plan (e.g. TN-42/KH-UBND)';
COMMENT ON COLUMN %1$I.htx_target_progress.area_level IS 'district or province; equals the target''s scope';
COMMENT ON COLUMN %1$I.htx_target_progress.is_province_total IS 'true on province rows';
COMMENT ON COLUMN %1$I.htx_target_progress.province_code IS 'GSO province code';
COMMENT ON COLUMN %1$I.htx_target_progress.district_code IS 'GSO district code; NULL on province rows';
COMMENT ON COLUMN %1$I.htx_target_progress.district_name IS 'district name; NULL on province rows';
COMMENT ON COLUMN %1$I.htx_target_progress.area_name IS 'district name, or "Toàn tỉnh"';
COMMENT ON COLUMN %1$I.htx_target_progress.year IS 'year evaluated (the targets are due in deadline_year)';
COMMENT ON COLUMN %1$I.htx_target_progress.target_code IS 'short code of the target (chỉ tiêu)';
COMMENT ON COLUMN %1$I.htx_target_progress.sort_order IS 'order of the target in its source';
COMMENT ON COLUMN %1$I.htx_target_progress.indicator IS 'the indicator in Vietnamese, as the source words it';
COMMENT ON COLUMN %1$I.htx_target_progress.indicator_en IS 'the indicator in English';
COMMENT ON COLUMN %1$I.htx_target_progress.comparator IS '>=, >, about or none';
COMMENT ON COLUMN %1$I.htx_target_progress.unit IS 'percent, count or vnd_per_year';
COMMENT ON COLUMN %1$I.htx_target_progress.required IS 'the number required (chỉ tiêu); NULL when the source gives none';
COMMENT ON COLUMN %1$I.htx_target_progress.tolerance IS 'tolerance of an "about" target (htx_target_tolerance); NULL when none is set';
COMMENT ON COLUMN %1$I.htx_target_progress.measured IS 'the measured value (kết quả), shares in percent; NULL when no data or not measurable';
COMMENT ON COLUMN %1$I.htx_target_progress.met IS 'true when met (đạt), false when not (chưa đạt), NULL when it cannot be decided (see status)';
COMMENT ON COLUMN %1$I.htx_target_progress.gap IS 'measured - required, in the target''s unit (negative: short of the target)';
COMMENT ON COLUMN %1$I.htx_target_progress.status IS 'met, not met, no data (no cooperative in the area that year, or none reports the measure), no number, no tolerance (an "about" target measured below its figure without a tolerance), not measurable (htx_target_status)';
COMMENT ON COLUMN %1$I.htx_target_progress.deadline_year IS 'year by which the target is due';
COMMENT ON COLUMN %1$I.htx_target_progress.clause IS 'where in the source the target comes from';
COMMENT ON COLUMN %1$I.htx_target_progress.note IS 'how htx reads the target';
COMMENT ON COLUMN %1$I.htx_target_progress.denominator IS 'for the good/fair share: which cooperatives it counts (all: every one reporting, the plan''s literal reading; rated: the rated only); NULL for other targets';
COMMENT ON COLUMN %1$I.htx_target_progress.measured_of_rated IS 'good/fair targets: the share of rated cooperatives, in percent (beside measured_of_all, whatever the target''s denominator)';
COMMENT ON COLUMN %1$I.htx_target_progress.measured_of_all IS 'good/fair targets: the share of every cooperative reporting, in percent';
COMMENT ON COLUMN %1$I.htx_target_progress.prev_year_measured IS 'measured the year before, same area and target; NULL when that year is not in the report or had no data';
COMMENT ON COLUMN %1$I.htx_target_progress.change_from_prev_year IS 'measured minus the year before, in the target''s unit (percentage points for shares)';
COMMENT ON COLUMN %1$I.htx_target_progress.prev_year_met IS 'met the year before (NULL when undecided or not in the report)';
COMMENT ON COLUMN %1$I.htx_target_progress.prev_year_status IS 'status the year before';
COMMENT ON COLUMN %1$I.htx_target_progress.measure IS 'what measures the target (htx_target.measure): a field of htx_evaluation or model_avg_revenue_vnd; NULL when htx cannot measure it';

-- Ratings per level and year ------------------------------------------------------
$ddl$, s);
	WHEN 'htx_rating_trend' THEN RETURN format($ddl$
CREATE OR REPLACE VIEW %1$I.htx_rating_trend AS
SELECT
	r.area_level,
	r.is_province_total,
	r.province_code,
	r.district_code,
	r.district_name,
	r.area_name,
	r.year,
	l.rating_code,
	%1$I.htx_rating_label(l.rating_code::%1$I.htx_rating, 'vi') AS rating,
	%1$I.htx_rating_label(l.rating_code::%1$I.htx_rating, 'en') AS rating_en,
	l.n AS cooperatives,
	l.n::pg_catalog.float8 OPERATOR(pg_catalog./)
		(CASE WHEN r.rated OPERATOR(pg_catalog.+) r.not_rated OPERATOR(pg_catalog.>) 0
			THEN r.rated OPERATOR(pg_catalog.+) r.not_rated END)::pg_catalog.float8 AS share_of_reported,
	CASE WHEN l.rating_code OPERATOR(pg_catalog.<>) 0
		 AND r.rated OPERATOR(pg_catalog.>) 0
		THEN l.n::pg_catalog.float8 OPERATOR(pg_catalog./) r.rated::pg_catalog.float8 END AS share_of_rated,
	CASE WHEN pg_catalog.lag(r.year) OVER w OPERATOR(pg_catalog.=) (r.year OPERATOR(pg_catalog.-) 1)
		THEN pg_catalog.lag(l.n) OVER w END AS prev_year_cooperatives,
	CASE WHEN pg_catalog.lag(r.year) OVER w OPERATOR(pg_catalog.=) (r.year OPERATOR(pg_catalog.-) 1)
		THEN l.n OPERATOR(pg_catalog.-) pg_catalog.lag(l.n) OVER w END AS change_from_prev_year
FROM %1$I.htx_district_year_report r
CROSS JOIN LATERAL (VALUES (4, r.good), (3, r.fair), (2, r.average), (1, r.weak), (0, r.not_rated)) AS l(rating_code, n)
WINDOW w AS (PARTITION BY r.area_level, r.province_code, r.district_code, l.rating_code ORDER BY r.year);

COMMENT ON VIEW %1$I.htx_rating_trend IS
'kết quả xếp loại theo năm: cooperatives per rating level, year and district (and province rows), with shares and the change from the previous year';
COMMENT ON COLUMN %1$I.htx_rating_trend.area_level IS 'district or province';
COMMENT ON COLUMN %1$I.htx_rating_trend.is_province_total IS 'true on province rows';
COMMENT ON COLUMN %1$I.htx_rating_trend.province_code IS 'GSO province code';
COMMENT ON COLUMN %1$I.htx_rating_trend.district_code IS 'GSO district code; NULL on province rows';
COMMENT ON COLUMN %1$I.htx_rating_trend.district_name IS 'district name; NULL on province rows';
COMMENT ON COLUMN %1$I.htx_rating_trend.area_name IS 'district name, or "Toàn tỉnh"';
COMMENT ON COLUMN %1$I.htx_rating_trend.year IS 'year evaluated';
COMMENT ON COLUMN %1$I.htx_rating_trend.rating_code IS 'rating as a number for sorting: 4 tốt, 3 khá, 2 trung bình, 1 yếu, 0 không xếp loại';
COMMENT ON COLUMN %1$I.htx_rating_trend.rating IS 'rating level in Vietnamese (mức xếp loại)';
COMMENT ON COLUMN %1$I.htx_rating_trend.rating_en IS 'rating level in English';
COMMENT ON COLUMN %1$I.htx_rating_trend.cooperatives IS 'cooperatives at this level';
COMMENT ON COLUMN %1$I.htx_rating_trend.share_of_reported IS 'share of all cooperatives with a rating (the five levels), 0..1';
COMMENT ON COLUMN %1$I.htx_rating_trend.share_of_rated IS 'share of rated cooperatives (không xếp loại excluded), 0..1; NULL for không xếp loại';
COMMENT ON COLUMN %1$I.htx_rating_trend.prev_year_cooperatives IS 'cooperatives at this level the year before; NULL when that year has no row';
COMMENT ON COLUMN %1$I.htx_rating_trend.change_from_prev_year IS 'cooperatives - prev_year_cooperatives';

-- Rows a province should fix ------------------------------------------------------
$ddl$, s);
	WHEN 'htx_data_quality' THEN RETURN format($ddl$
CREATE OR REPLACE VIEW %1$I.htx_data_quality AS
-- The checks of a row in one pass over the yearly rows (f): each row is read
-- once, with its cooperative and its commune code's units; the few with a
-- problem are kept with the list of their problems, and give a row per
-- problem.  The other checks read little: former_district_undetermined the
-- rows filed under the units in no one former district (a handful, through
-- the commune index); year_missing first counts (counted: the rows up to
-- the current year against the years each cooperative existed in) and only when a year
-- is missing somewhere reads a row per cooperative (a), its number of rows
-- and first and last year against the years it existed.  Most filters
-- are written as a comparison with a constant, which the planner estimates at
-- a few rows, as there are: written plainly, it estimates nearly every row
-- (an OR of comparisons between columns), and plans for a million rows,
-- without parallel workers and above jit_above_cost (compiling took seconds).
WITH known AS MATERIALIZED (
	-- what the checks take as given, worked out once: the current year, and
	-- whether the rules that make a check needless hold (validated).  Read
	-- as InitPlans over this CTE, (SELECT known.x FROM known): their values
	-- go to the parallel workers as parameters, and the InitPlans stay out
	-- of the workers (each worker initializes, and with JIT compiles, every
	-- parallel-safe subplan of the whole query; a plan that reads a CTE is
	-- not one).  This CTE's own plan, one catalog join, still goes to each
	-- worker: once, where the three checks it replaces went each
	SELECT EXTRACT(YEAR FROM CURRENT_DATE)::pg_catalog.int4 AS this_year,
		-- the rating agrees with the score in every row
		COALESCE(pg_catalog.bool_or(k.conname OPERATOR(pg_catalog.=) 'htx_cooperative_year_rating_matches_score'
			AND k.contype OPERATOR(pg_catalog.=) 'c'), false) AS score_rule,
		-- a row per cooperative and year, each of a known cooperative
		pg_catalog.count(*) FILTER (WHERE (k.conname OPERATOR(pg_catalog.=) 'htx_cooperative_year_pkey' AND k.contype OPERATOR(pg_catalog.=) 'p')
			OR (k.conname OPERATOR(pg_catalog.=) 'htx_cooperative_year_cooperative_known' AND k.contype OPERATOR(pg_catalog.=) 'f'))
			OPERATOR(pg_catalog.=) 2 AS keys_hold
	FROM pg_catalog.pg_namespace n
	JOIN pg_catalog.pg_class r ON r.relnamespace OPERATOR(pg_catalog.=) n.oid
		AND r.relname OPERATOR(pg_catalog.=) 'htx_cooperative_year'
	JOIN pg_catalog.pg_constraint k ON k.conrelid OPERATOR(pg_catalog.=) r.oid AND k.convalidated
	WHERE n.nspname OPERATOR(pg_catalog.=) %1$L
),
a AS MATERIALIZED (
	-- each cooperative's rows: how many, the first and last year
	SELECT cy.cooperative_id, pg_catalog.count(*) AS n, pg_catalog.min(cy.year) AS lo, pg_catalog.max(cy.year) AS hi
	FROM %1$I.htx_cooperative_year cy GROUP BY cy.cooperative_id
	ORDER BY cy.cooperative_id	-- read in the order of the primary key: no hash table
),
seen AS (
	-- the rows: their first and last year, and how many are not after the
	-- current year (one row, not a count per year: no hash table)
	SELECT pg_catalog.min(cy.year) AS first_year, pg_catalog.max(cy.year) AS last_year,
		pg_catalog.count(*) FILTER (WHERE cy.year OPERATOR(pg_catalog.<=) (SELECT known.this_year FROM known)) AS n_to_date
	FROM %1$I.htx_cooperative_year cy
),
span AS (
	-- the years to fill in: from the first year of any row to the last, but
	-- not after the current one (later rows are year_in_future)
	SELECT pg_catalog.min(y.year) AS first_year, pg_catalog.max(y.year) AS last_year,
		pg_catalog.array_agg(y.year ORDER BY y.year) AS years
	FROM (SELECT seen.first_year,
			LEAST(seen.last_year, (SELECT known.this_year FROM known)) AS last_year
		FROM seen) AS s
	CROSS JOIN LATERAL pg_catalog.generate_series(s.first_year, s.last_year) AS y(year)
),
unfounded AS MATERIALIZED (
	-- the cooperatives without a founding date, read once for the two parts
	-- that need them
	SELECT c.cooperative_id, c.name, c.registration_code, c.district_code
	FROM %1$I.htx_cooperative c
	WHERE c.founded_on IS NULL
),
f AS MATERIALIZED (
	SELECT cy.cooperative_id, cy.year, cy.rating, cy.score, cy.fined, cy.managers_trained, cy.commune_code,
		c.district_code, c.founded_on, c.dissolved_on, p.periods,
		-- the checks the row fails (district_not_valid below, with the
		-- district): those of the row and its cooperative's dates in one
		-- call, then the commune code's; NULL when none
		pg_catalog.array_cat(%1$I.htx_year_row_checks(cy.year, cy.rating, cy.score, cy.fined, cy.revenue_vnd,
				cy.managers, cy.managers_trained, c.founded_on, c.dissolved_on,
				(SELECT known.this_year FROM known), (SELECT NOT known.score_rule FROM known)),
			-- 1.1: a commune code no unit has on the year's reporting date
			CASE WHEN cy.commune_code IS NOT NULL
				AND NOT COALESCE(pg_catalog.make_date(cy.year, 12, 31) OPERATOR(pg_catalog.<@) p.valid_on, false)
				THEN '{commune_unknown}'::pg_catalog.text[] END) AS problems
	FROM %1$I.htx_cooperative_year cy
	JOIN %1$I.htx_cooperative c ON c.cooperative_id OPERATOR(pg_catalog.=) cy.cooperative_id
	-- each commune code once: the dates a unit has it (valid_on: from
	-- first_day to before after_last_day when they are one period) and its
	-- units in words
	LEFT JOIN (SELECT v.commune_code, v.valid_on, v.periods,
			-- the first and last year whose reporting date a unit has the
			-- code on, when its units' dates are one period (else NULL: the
			-- rows are looked at closer), for the rows to be compared with
			-- as integers; as a CASE (not strict), each is computed once per
			-- code, not for every row the join gives (a placeholder)
			CASE WHEN NOT v.one_period THEN NULL
				WHEN pg_catalog.isfinite(v.first_day) THEN pg_catalog.date_part('year', v.first_day)::pg_catalog.int4
				WHEN v.first_day OPERATOR(pg_catalog.<) '2000-01-01'::pg_catalog.date THEN -2147483648 ELSE 2147483647 END AS first_year,
			CASE WHEN NOT v.one_period THEN NULL
				WHEN pg_catalog.isfinite(v.after_last_day) THEN pg_catalog.date_part('year', v.after_last_day)::pg_catalog.int4 OPERATOR(pg_catalog.-) 1
				WHEN v.after_last_day OPERATOR(pg_catalog.<) '2000-01-01'::pg_catalog.date THEN -2147483648 ELSE 2147483647 END AS last_year
		FROM (SELECT v.commune_code, v.valid_on, v.periods,
				pg_catalog.lower(pg_catalog.range_merge(v.valid_on)) AS first_day,
				COALESCE(pg_catalog.upper(pg_catalog.range_merge(v.valid_on)), 'infinity'::pg_catalog.date) AS after_last_day,
				v.valid_on OPERATOR(pg_catalog.=) pg_catalog.datemultirange(pg_catalog.range_merge(v.valid_on)) AS one_period
			FROM (SELECT cm.commune_code,
				pg_catalog.range_agg(pg_catalog.daterange(cm.valid_from, cm.valid_to, '[]'))
					FILTER (WHERE cm.valid_to IS NULL OR cm.valid_to OPERATOR(pg_catalog.>=) cm.valid_from) AS valid_on,
				pg_catalog.string_agg(pg_catalog.format('%%s %%s from %%s to %%s', cm.kind, cm.name,
					CASE WHEN cm.valid_from OPERATOR(pg_catalog.=) '-infinity'::pg_catalog.date THEN 'before 2025' ELSE cm.valid_from::pg_catalog.text END,
					COALESCE(cm.valid_to::pg_catalog.text, 'today')), ', ' ORDER BY cm.valid_from) AS periods
			FROM %1$I.htx_commune cm GROUP BY cm.commune_code) AS v) AS v) AS p
		ON p.commune_code OPERATOR(pg_catalog.=) cy.commune_code
	-- the rows that fail a check, and every row of a year its cooperative
	-- was dissolved in or before (for counted): the row's own checks in one
	-- call (as a dozen SQL conditions per row, compiled by JIT into every
	-- worker, they cost 140-200 ms more at 300,000 cooperatives), then the
	-- district's and the commune code's
	WHERE CASE WHEN %1$I.htx_year_row_checks(cy.year, cy.rating, cy.score, cy.fined, cy.revenue_vnd,
			cy.managers, cy.managers_trained, c.founded_on, c.dissolved_on,
			(SELECT known.this_year FROM known), (SELECT NOT known.score_rule FROM known)) IS NOT NULL
		OR (c.dissolved_on IS NOT NULL AND c.dissolved_on OPERATOR(pg_catalog.<=) pg_catalog.make_date(cy.year, 12, 31))
		-- a row located by its district (no commune) in a year its district
		-- did not exist all of: the districts and the years they existed in
		-- are a small hash table (the years a row can have, 2000 to 2100;
		-- a row of another year is looked at closer anyway)
		OR (cy.commune_code IS NULL AND cy.year OPERATOR(pg_catalog.<=) (SELECT known.this_year FROM known)
			AND NOT COALESCE((c.district_code, cy.year) IN (SELECT dv.district_code, y.year
				FROM %1$I.htx_district dv CROSS JOIN pg_catalog.generate_series(2000, 2100) AS y(year)
				WHERE NOT COALESCE(dv.valid_to OPERATOR(pg_catalog.<) pg_catalog.make_date(y.year, 1, 1), false)
				  AND NOT COALESCE(dv.valid_from OPERATOR(pg_catalog.>) pg_catalog.make_date(y.year, 12, 31), false)), false))
		OR (cy.commune_code IS NOT NULL
			AND NOT COALESCE(cy.year OPERATOR(pg_catalog.>=) p.first_year AND cy.year OPERATOR(pg_catalog.<=) p.last_year, false))
		THEN 1 END OPERATOR(pg_catalog.=) 1
),
counted AS (
	-- complete: every cooperative with a founding date has a row for each
	-- year of the span it existed in, told from counts, without reading a
	-- row per cooperative: the years of the span each cooperative existed in
	-- (e.n, from htx_cooperative alone) against the rows of the span less
	-- those of a cooperative without a founding date and those of a year it
	-- did not exist in (before the year it was founded, or in or after the
	-- year it was dissolved: all kept in f).  As a cooperative has at most
	-- one row a year (the primary key) and every row has its cooperative (the
	-- foreign key), the two are equal only when no year is missing, and
	-- year_missing then reads nothing more; while either key is missing or
	-- not valid, the counts prove nothing and complete is false.
	SELECT s.first_year IS NULL OR ((SELECT known.keys_hold FROM known)
		AND e.n OPERATOR(pg_catalog.=) (r.n OPERATOR(pg_catalog.-) nf.n OPERATOR(pg_catalog.-) fc.n)) AS complete
	FROM span s
	-- the years of the span each cooperative existed in (at the end of): from
	-- the year it was founded to the year before it was dissolved
	CROSS JOIN (SELECT pg_catalog.sum(GREATEST(0,
			CASE WHEN c.dissolved_on IS NULL OR c.dissolved_on OPERATOR(pg_catalog.>) pg_catalog.make_date(s.last_year, 12, 31) THEN s.last_year
				WHEN c.dissolved_on OPERATOR(pg_catalog.<=) pg_catalog.make_date(s.first_year, 12, 31) THEN s.first_year OPERATOR(pg_catalog.-) 1
				ELSE pg_catalog.date_part('year', c.dissolved_on)::pg_catalog.int4 OPERATOR(pg_catalog.-) 1 END
			OPERATOR(pg_catalog.-)
			CASE WHEN c.founded_on OPERATOR(pg_catalog.<=) pg_catalog.make_date(s.first_year, 12, 31) THEN s.first_year
				WHEN c.founded_on OPERATOR(pg_catalog.>) pg_catalog.make_date(s.last_year, 12, 31) THEN s.last_year OPERATOR(pg_catalog.+) 1
				ELSE pg_catalog.date_part('year', c.founded_on)::pg_catalog.int4 END
			OPERATOR(pg_catalog.+) 1)) AS n
		FROM %1$I.htx_cooperative c
		-- joined to the CTE, the sum runs in the leader: its parallel
		-- workers (the span's ends as InitPlans) each JIT-compiled the
		-- query's parallel-safe subplans first, which at 300,000
		-- cooperatives cost more than they saved (without JIT the serial
		-- sum is some 30 ms slower)
		CROSS JOIN span s
		WHERE c.founded_on IS NOT NULL) AS e
	-- the rows of the span: those not after the current year (none is
	-- before its first year)
	CROSS JOIN (SELECT seen.n_to_date AS n FROM seen) AS r
	-- those of the cooperatives without a founding date
	CROSS JOIN (SELECT pg_catalog.count(*) AS n FROM unfounded c
		JOIN %1$I.htx_cooperative_year cy ON cy.cooperative_id OPERATOR(pg_catalog.=) c.cooperative_id
		CROSS JOIN span s
		WHERE cy.year OPERATOR(pg_catalog.>=) s.first_year AND cy.year OPERATOR(pg_catalog.<=) s.last_year) AS nf
	-- those of a year their cooperative did not exist at the end of
	CROSS JOIN (SELECT pg_catalog.count(*) AS n FROM f CROSS JOIN span s
		WHERE f.founded_on IS NOT NULL AND f.year OPERATOR(pg_catalog.>=) s.first_year AND f.year OPERATOR(pg_catalog.<=) s.last_year
		  AND (f.founded_on OPERATOR(pg_catalog.>) pg_catalog.make_date(f.year, 12, 31)
			OR f.dissolved_on OPERATOR(pg_catalog.<=) pg_catalog.make_date(f.year, 12, 31))) AS fc
),
issues AS (
	SELECT k.check_code, k.severity, fp.cooperative_id, fp.cooperative_name, fp.registration_code, fp.district_code,
		fp.year, k.issue_vi,
		CASE k.check_code
			WHEN 'rating_missing' THEN 'no rating reported for the year'
			WHEN 'score_rating_mismatch' THEN pg_catalog.format('score %%s%%s gives %%s, the row says %%s', fp.score,
				CASE WHEN fp.fined THEN ' (fined)' ELSE '' END,
				%1$I.htx_rating_from_score(fp.score::pg_catalog.numeric, COALESCE(fp.fined, false)), COALESCE(fp.rating::pg_catalog.text, 'nothing'))
			WHEN 'year_after_dissolution' THEN pg_catalog.format('dissolved on %%s', fp.dissolved_on)
			WHEN 'year_before_founding' THEN pg_catalog.format('founded on %%s', fp.founded_on)
			WHEN 'district_not_valid' THEN pg_catalog.format('district %%s existed %%s .. %%s; key later data by commune through an explicit crosswalk',
				fp.district_code, COALESCE(fp.district_valid_from::pg_catalog.text, '?'), COALESCE(fp.district_valid_to::pg_catalog.text, '?'))
			WHEN 'year_in_future' THEN pg_catalog.format('year %%s is after the current year %%s', fp.year, (SELECT known.this_year FROM known))
			WHEN 'rated_under_12_months' THEN pg_catalog.format('founded on %%s, rated %%s; under 12 months in business it is không xếp loại', fp.founded_on, fp.rating)
			WHEN 'not_rated_full_year' THEN pg_catalog.format('founded on %%s and active all year, yet không xếp loại (fine only if it stopped operating for a while)', fp.founded_on)
			WHEN 'revenue_missing' THEN 'rated, but no revenue reported'
			WHEN 'managers_missing' THEN pg_catalog.format('%%s managers trained, but no managers reported', fp.managers_trained)
			WHEN 'commune_unknown' THEN pg_catalog.format('no commune has code %%s on %%s (the reporting date of %%s)%%s; fill in htx_cooperative_year.commune_code with the unit valid then: old units up to 2024, new ones from 2025 (htx_commune_successors)',
				fp.commune_code, pg_catalog.make_date(fp.year, 12, 31), fp.year,
				CASE WHEN fp.periods IS NULL THEN '' ELSE pg_catalog.format('; code %%s was %%s', fp.commune_code, fp.periods) END)
		END AS detail
	FROM (SELECT f.*, cn.name AS cooperative_name, cn.registration_code,
			d.valid_from AS district_valid_from, d.valid_to AS district_valid_to,
			-- a row per problem, from the select list (a ProjectSet: a
			-- function scan per row cost half as much again)
			pg_catalog.unnest(f.problems OPERATOR(pg_catalog.||)
			-- 1.1: a row filed under a commune is located by it
			CASE WHEN f.commune_code IS NULL
				AND (d.valid_to OPERATOR(pg_catalog.<) pg_catalog.make_date(f.year, 1, 1) OR d.valid_from OPERATOR(pg_catalog.>) pg_catalog.make_date(f.year, 12, 31))
				AND f.year OPERATOR(pg_catalog.<=) (SELECT known.this_year FROM known)
				THEN '{district_not_valid}'::pg_catalog.text[] END) AS check_code
		FROM f
		-- the name and registration code of the rows kept, once the pass is
		-- done: at 300,000 cooperatives a merge join along the primary key
		-- (probed row by row in the pass, they cost 250 ms; carried through
		-- the pass's hash of every cooperative, they made it spill to disk)
		JOIN %1$I.htx_cooperative cn ON cn.cooperative_id OPERATOR(pg_catalog.=) f.cooperative_id
		LEFT JOIN %1$I.htx_district d ON d.district_code OPERATOR(pg_catalog.=) f.district_code) AS fp
	JOIN (VALUES
		('rating_missing'::pg_catalog.text, 'error'::pg_catalog.text, 'chưa có kết quả xếp loại'::pg_catalog.text),
		('score_rating_mismatch', 'error', 'xếp loại không khớp với điểm'),
		('year_after_dissolution', 'error', 'có số liệu sau khi giải thể'),
		('year_before_founding', 'error', 'có số liệu trước khi thành lập'),
		('district_not_valid', 'error', 'đơn vị cấp huyện không còn tồn tại'),
		('year_in_future', 'error', 'số liệu cho năm chưa đến'),
		('rated_under_12_months', 'warning', 'HTX hoạt động chưa đủ 12 tháng nhưng được xếp loại'),
		('not_rated_full_year', 'warning', 'HTX hoạt động đủ năm nhưng không xếp loại'),
		('revenue_missing', 'warning', 'thiếu doanh thu'),
		('managers_missing', 'warning', 'thiếu số cán bộ quản lý'),
		('commune_unknown', 'error', 'mã xã không tồn tại vào năm báo cáo')
	) AS k(check_code, severity, issue_vi) ON k.check_code OPERATOR(pg_catalog.=) fp.check_code
	UNION ALL
	-- 1.1: a row filed under a unit that straddles former districts, with no
	-- earlier location of the cooperative's to tell which (as
	-- htx_cooperative_year_located finds it: the unit's district, its
	-- cooperative's latest earlier row under an old unit of one of the unit's
	-- districts, or its registered district, one of them)
	SELECT 'former_district_undetermined', 'error', cy.cooperative_id, c.name, c.registration_code, c.district_code,
		cy.year, 'không xác định được huyện cũ',
		pg_catalog.format('filed under %%s (%%s), formed from units of the former districts %%s; fill in the commune (an old unit) of an earlier year''s row, or htx_cooperative.district_code, so the row counts in its former district',
			u.full_name, cy.commune_code, u.candidate_districts)
	FROM %1$I.htx_commune_former_district u
	JOIN %1$I.htx_cooperative_year cy ON cy.commune_code OPERATOR(pg_catalog.=) u.commune_code
		AND u.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(cy.year, 12, 31)
		AND COALESCE(u.valid_to, 'infinity'::pg_catalog.date) OPERATOR(pg_catalog.>=) pg_catalog.make_date(cy.year, 12, 31)
	JOIN %1$I.htx_cooperative c ON c.cooperative_id OPERATOR(pg_catalog.=) cy.cooperative_id
	LEFT JOIN LATERAL (SELECT o.district_code
		FROM %1$I.htx_cooperative_year e1
		JOIN %1$I.htx_commune o ON o.commune_code OPERATOR(pg_catalog.=) e1.commune_code
			AND o.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(e1.year, 12, 31)
			AND COALESCE(o.valid_to, 'infinity'::pg_catalog.date) OPERATOR(pg_catalog.>=) pg_catalog.make_date(e1.year, 12, 31)
		WHERE u.straddles AND e1.cooperative_id OPERATOR(pg_catalog.=) cy.cooperative_id AND e1.year OPERATOR(pg_catalog.<) cy.year
		  AND o.district_code OPERATOR(pg_catalog.=) ANY (u.candidate_district_codes)
		ORDER BY e1.year DESC LIMIT 1) AS e ON true
	WHERE u.former_district_code IS NULL
	  AND e.district_code IS NULL
	  AND (c.district_code OPERATOR(pg_catalog.=) ANY (u.candidate_district_codes)) IS NOT TRUE
	UNION ALL
	-- a cooperative that existed in a reporting year but has no row for it: its
	-- rows are counted once (a row per cooperative: how many, the first and last
	-- year); only a cooperative whose rows are not one run of years covering the
	-- years it existed in the span is looked at year by year
	SELECT 'year_missing', 'error', c.cooperative_id, c.name, c.registration_code, c.district_code,
		y.year, 'thiếu số liệu năm',
		pg_catalog.format('existed in %%s (founded %%s%%s) but has no row for it', y.year, c.founded_on,
			CASE WHEN c.dissolved_on IS NULL THEN '' ELSE pg_catalog.format(', dissolved %%s', c.dissolved_on) END)
	FROM %1$I.htx_cooperative c
	CROSS JOIN span
	LEFT JOIN a ON a.cooperative_id OPERATOR(pg_catalog.=) c.cooperative_id
	CROSS JOIN LATERAL pg_catalog.unnest(span.years) AS y(year)
	WHERE NOT (SELECT k.complete FROM counted k)
	  AND c.founded_on IS NOT NULL
	  -- complete: its rows are one run of years (as many as from the first to
	  -- the last), starting at the first year of the span or in a year it was
	  -- founded in or before, and ending at the last year of the span or at
	  -- most a year before it was dissolved
	  AND CASE WHEN a.n OPERATOR(pg_catalog.=) (a.hi OPERATOR(pg_catalog.-) a.lo OPERATOR(pg_catalog.+) 1)
			AND (a.lo OPERATOR(pg_catalog.<=) span.first_year OR c.founded_on OPERATOR(pg_catalog.>=) pg_catalog.make_date(a.lo, 1, 1))
			AND (a.hi OPERATOR(pg_catalog.>=) span.last_year
				OR c.dissolved_on OPERATOR(pg_catalog.<=) (pg_catalog.make_date(a.hi, 12, 31) OPERATOR(pg_catalog.+) 365))
		THEN 0 ELSE 1 END OPERATOR(pg_catalog.=) 1
	  AND c.founded_on OPERATOR(pg_catalog.<=) pg_catalog.make_date(y.year, 12, 31)
	  AND (c.dissolved_on IS NULL OR c.dissolved_on OPERATOR(pg_catalog.>) pg_catalog.make_date(y.year, 12, 31))
	  AND NOT EXISTS (SELECT 1 FROM %1$I.htx_cooperative_year cy
		WHERE cy.cooperative_id OPERATOR(pg_catalog.=) c.cooperative_id AND cy.year OPERATOR(pg_catalog.=) y.year)
	UNION ALL
	SELECT 'founded_on_missing', 'warning', c.cooperative_id, c.name, c.registration_code, c.district_code,
		NULL::pg_catalog.int4, 'thiếu ngày thành lập',
		'no founding date: years before founding and missing years cannot be checked'
	FROM unfounded c
)
-- each part carries its cooperative's name and district from the join it
-- already makes (joined again here, all the cooperatives were hashed for a
-- few of them: at 300,000 cooperatives a tenth of the view's time)
SELECT i.check_code, i.severity, i.cooperative_id, i.cooperative_name, i.registration_code,
	i.district_code, d.name AS district_name, i.year, i.issue_vi, i.detail
FROM issues i
LEFT JOIN %1$I.htx_district d ON d.district_code OPERATOR(pg_catalog.=) i.district_code;

COMMENT ON VIEW %1$I.htx_data_quality IS
'số liệu cần rà soát: rows a province should fix, one per problem: missing ratings or years, ratings that disagree with the score, years before founding or after dissolution or after the current year, districts that no longer existed, ratings that disagree with the time in business, missing figures';
COMMENT ON COLUMN %1$I.htx_data_quality.check_code IS 'rating_missing, score_rating_mismatch, year_after_dissolution, year_before_founding, year_in_future, district_not_valid, year_missing, commune_unknown, former_district_undetermined (errors; the last two from 1.1); rated_under_12_months, not_rated_full_year, revenue_missing, managers_missing, founded_on_missing (warnings)';
COMMENT ON COLUMN %1$I.htx_data_quality.severity IS 'error (the report is wrong until fixed) or warning (worth a look)';
COMMENT ON COLUMN %1$I.htx_data_quality.cooperative_id IS 'the cooperative';
COMMENT ON COLUMN %1$I.htx_data_quality.cooperative_name IS 'its name';
COMMENT ON COLUMN %1$I.htx_data_quality.registration_code IS 'its registration code';
COMMENT ON COLUMN %1$I.htx_data_quality.district_code IS 'its district';
COMMENT ON COLUMN %1$I.htx_data_quality.district_name IS 'its district''s name';
COMMENT ON COLUMN %1$I.htx_data_quality.year IS 'the year concerned; NULL for problems of the cooperative itself';
COMMENT ON COLUMN %1$I.htx_data_quality.issue_vi IS 'the problem in Vietnamese';
COMMENT ON COLUMN %1$I.htx_data_quality.detail IS 'the problem in English, with the values involved';

ALTER VIEW %1$I.htx_data_quality SET (security_barrier = true);
$ddl$, s);
	WHEN 'htx_cooperative_year_located' THEN RETURN format($ddl$
CREATE OR REPLACE VIEW %1$I.htx_cooperative_year_located AS
WITH dist AS (
	-- every former district-level unit: Thái Nguyên cũ's nine and Bắc Kạn cũ's eight
	SELECT d1.district_code, d1.name, d1.province_code, d1.valid_to FROM %1$I.htx_district d1
	UNION ALL
	SELECT d2.district_code, d2.name, d2.province_code, d2.valid_to FROM %1$I.htx_district_other d2
),
r AS (
	-- each row with the unit of its commune code on the reporting date, and
	-- where that unit lies (htx_commune_former_district)
	SELECT cy.cooperative_id, cy.year, pg_catalog.make_date(cy.year, 12, 31) AS reporting_date,
		cy.commune_code, c.district_code AS registered_district_code,
		u.valid_from AS commune_valid_from, u.name AS commune_name, u.kind AS commune_kind, u.full_name AS commune_full_name,
		u.is_new, u.former_district_code AS unit_district, u.located_by AS unit_located_by, u.straddles,
		u.candidate_district_codes, u.candidate_districts, u.former_province_code AS unit_province
	FROM %1$I.htx_cooperative_year cy
	JOIN %1$I.htx_cooperative c ON c.cooperative_id OPERATOR(pg_catalog.=) cy.cooperative_id
	LEFT JOIN %1$I.htx_commune_former_district u ON u.commune_code OPERATOR(pg_catalog.=) cy.commune_code
		AND u.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(cy.year, 12, 31)
		AND COALESCE(u.valid_to, 'infinity'::pg_catalog.date) OPERATOR(pg_catalog.>=) pg_catalog.make_date(cy.year, 12, 31)
),
located AS (
	SELECT r.*,
		CASE WHEN r.commune_code IS NULL THEN r.registered_district_code
			ELSE COALESCE(r.unit_district, e.district_code,
				CASE WHEN r.registered_district_code OPERATOR(pg_catalog.=) ANY (r.candidate_district_codes) THEN r.registered_district_code END) END AS former_district_code,
		CASE WHEN r.commune_code IS NULL THEN CASE WHEN r.registered_district_code IS NOT NULL THEN 'district' END
			ELSE COALESCE(r.unit_located_by,
				CASE WHEN e.district_code IS NOT NULL THEN 'earlier commune'
					WHEN r.registered_district_code OPERATOR(pg_catalog.=) ANY (r.candidate_district_codes) THEN 'registered district' END) END AS located_by,
		e.from_year
	FROM r
	-- a row in a unit that straddles former districts: the cooperative's
	-- latest earlier row under an old unit of one of them (a lateral lookup,
	-- not a self-join of r: r is read once, and Citus pushes the view down)
	LEFT JOIN LATERAL (SELECT o.district_code, e1.year AS from_year
		FROM %1$I.htx_cooperative_year e1
		JOIN %1$I.htx_commune o ON o.commune_code OPERATOR(pg_catalog.=) e1.commune_code
			AND o.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(e1.year, 12, 31)
			AND COALESCE(o.valid_to, 'infinity'::pg_catalog.date) OPERATOR(pg_catalog.>=) pg_catalog.make_date(e1.year, 12, 31)
		WHERE r.straddles AND e1.cooperative_id OPERATOR(pg_catalog.=) r.cooperative_id AND e1.year OPERATOR(pg_catalog.<) r.year
		  AND o.district_code OPERATOR(pg_catalog.=) ANY (r.candidate_district_codes)
		ORDER BY e1.year DESC LIMIT 1) AS e ON true
)
SELECT l.cooperative_id,
	l.year,
	l.reporting_date,
	l.commune_code,
	l.commune_valid_from,
	l.commune_name,
	l.commune_kind,
	l.commune_full_name,
	COALESCE(l.is_new, false) AS commune_is_new,
	l.former_district_code,
	d.name AS former_district_name,
	COALESCE(d.province_code, l.unit_province) AS former_province_code,
	(p.name OPERATOR(pg_catalog.||) CASE WHEN p.valid_to IS NOT NULL THEN ' cũ' ELSE '' END)::pg_catalog.text AS former_province_name,
	l.located_by::pg_catalog.text AS located_by,
	l.from_year AS located_from_year,
	COALESCE(l.straddles, false) AS commune_straddles,
	CASE WHEN l.former_district_code IS NULL THEN l.candidate_districts END AS candidate_districts,
	COALESCE(COALESCE(d.province_code, l.unit_province) OPERATOR(pg_catalog.=) '19', false) AS plan_territory,
	l.registered_district_code
FROM located l
LEFT JOIN dist d ON d.district_code OPERATOR(pg_catalog.=) l.former_district_code
LEFT JOIN %1$I.htx_province p ON p.province_code OPERATOR(pg_catalog.=) COALESCE(d.province_code, l.unit_province)
	AND LEAST(COALESCE(d.valid_to, l.reporting_date), l.reporting_date, '2025-06-30'::pg_catalog.date) OPERATOR(pg_catalog.>=) p.valid_from
	AND LEAST(COALESCE(d.valid_to, l.reporting_date), l.reporting_date, '2025-06-30'::pg_catalog.date) OPERATOR(pg_catalog.<=) COALESCE(p.valid_to, 'infinity'::pg_catalog.date);

COMMENT ON VIEW %1$I.htx_cooperative_year_located IS
'where each cooperative-year row lies across the 2025 reorganisation: the commune it is filed under (the unit of its code on 31 December of the year), and its former district and former province (Thái Nguyên cũ, Bắc Kạn cũ): directly for an old unit, through the crosswalk for a new unit formed from one former district, through the cooperative''s own earlier row (or its registered district) for a new unit that straddles several; NULL former district when undetermined (htx_data_quality: former_district_undetermined)';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.cooperative_id IS 'the cooperative';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.year IS 'the year of the row';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.reporting_date IS 'the date the row''s commune code is read on: 31 December of the year (a 2024 row names an old unit, a 2025 row a new one)';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.commune_code IS 'the commune code the row is filed under; NULL for a row located by its cooperative''s district alone (1.0)';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.commune_valid_from IS 'valid_from of the unit of that code on the reporting date (with the code, its key in htx_commune); NULL when no unit has the code then';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.commune_name IS 'the unit''s name without its kind';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.commune_kind IS 'xã, phường or thị trấn';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.commune_full_name IS 'kind and name, e.g. Xã Đại Phúc';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.commune_is_new IS 'true when the unit lies directly in the province (a unit of the 2025-07-01 reorganisation)';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.former_district_code IS 'the former district (huyện cũ) the row is attributed to: htx_district or htx_district_other; NULL when undetermined';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.former_district_name IS 'its name without its kind';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.former_province_code IS 'the former province: 19 Thái Nguyên cũ, 06 Bắc Kạn cũ; known even without the district when every candidate district lies in one province';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.former_province_name IS 'Thái Nguyên cũ or Bắc Kạn cũ (the province''s name, with cũ when it ended)';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.located_by IS 'how the former district was found: district (no commune: the cooperative''s district, as 1.0), old commune (the unit''s own district), crosswalk (a new unit formed from one former district), earlier commune (a straddling new unit: the cooperative''s latest earlier row under an old unit in one of its districts), registered district (a straddling new unit: htx_cooperative.district_code, one of its districts); NULL when undetermined';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.located_from_year IS 'for located_by = earlier commune: the year of the row it was read from';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.commune_straddles IS 'true when the row''s new unit was formed from units of several former districts';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.candidate_districts IS 'when the former district is undetermined: the districts the unit was formed from (code and name)';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.plan_territory IS 'true when the row lies in Thái Nguyên cũ, the territory Plan 42 is judged on';
COMMENT ON COLUMN %1$I.htx_cooperative_year_located.registered_district_code IS 'htx_cooperative.district_code (1.0''s location of the cooperative)';

-- Reports across the 2025 reorganisation -------------------------------------------
$ddl$, s);
	WHEN 'htx_territory_year_report' THEN RETURN format($ddl$
CREATE OR REPLACE VIEW %1$I.htx_territory_year_report AS
WITH s AS (
	SELECT * FROM %1$I.htx_year_summary
),
keyed AS (
	-- each summary row once at each level it counts in, with that level's
	-- key (NULL: not at that level), and only the columns the levels add up
	-- (a copy of every column cost more than the adding)
	SELECT l.lvl, l.area_key, s.year, s.e, s.em,
		s.size_micro, s.size_small, s.size_medium, s.size_large, s.size_unknown, s.young_members,
		s.fined_count, s.vietgap_count, s.globalgap_count, s.organic_count, s.ocop_count, s.score_sum, s.score_count,
		s.row_count, s.commune_code, s.located_by, s.former_district_code
	FROM s
	CROSS JOIN LATERAL (VALUES
		('district'::pg_catalog.text, s.former_district_code),
		('province', s.former_province_code),
		('merged province', ''),
		('commune', CASE WHEN s.commune_is_new
			THEN s.commune_code OPERATOR(pg_catalog.||) '@' OPERATOR(pg_catalog.||) s.commune_valid_from::pg_catalog.text END)
	) AS l(lvl, area_key)
	WHERE l.area_key IS NOT NULL
),
rolled AS (
	-- the levels that have data, added up once
	SELECT k.lvl, k.area_key, k.year,
		%1$I.htx_evaluate_merge(k.e) AS e,
		%1$I.htx_evaluate_merge(k.em) AS em,
		pg_catalog.sum(k.size_micro) AS size_micro, pg_catalog.sum(k.size_small) AS size_small,
		pg_catalog.sum(k.size_medium) AS size_medium, pg_catalog.sum(k.size_large) AS size_large,
		pg_catalog.sum(k.size_unknown) AS size_unknown, pg_catalog.sum(k.young_members) AS young_members,
		pg_catalog.sum(k.fined_count) AS fined_count, pg_catalog.sum(k.vietgap_count) AS vietgap_count,
		pg_catalog.sum(k.globalgap_count) AS globalgap_count, pg_catalog.sum(k.organic_count) AS organic_count,
		pg_catalog.sum(k.ocop_count) AS ocop_count, pg_catalog.sum(k.score_sum) AS score_sum, pg_catalog.sum(k.score_count) AS score_count,
		pg_catalog.sum(k.row_count) FILTER (WHERE k.commune_code IS NOT NULL) AS rows_with_commune,
		pg_catalog.sum(k.row_count) FILTER (WHERE k.located_by OPERATOR(pg_catalog.=) 'crosswalk') AS rows_by_crosswalk,
		pg_catalog.sum(k.row_count) FILTER (WHERE k.located_by OPERATOR(pg_catalog.=) ANY ('{earlier commune,registered district}'::pg_catalog.text[])) AS rows_by_earlier_location,
		pg_catalog.sum(k.row_count) FILTER (WHERE k.former_district_code IS NULL) AS rows_district_undetermined
	FROM keyed k
	GROUP BY k.lvl, k.area_key, k.year
),
years AS (
	SELECT DISTINCT s.year FROM s
),
dist AS (
	SELECT d1.district_code, d1.name, d1.kind, d1.province_code, d1.valid_from, d1.valid_to, true AS own FROM %1$I.htx_district d1
	UNION ALL
	SELECT d2.district_code, d2.name, d2.kind, d2.province_code, d2.valid_from, d2.valid_to, false FROM %1$I.htx_district_other d2
),
units AS (
	-- Thái Nguyên cũ's nine districts, Thái Nguyên cũ and the merged province
	-- in every year that has data; other districts, provinces and new communes
	-- where they have data
	SELECT 'district'::pg_catalog.text AS lvl, d.district_code AS area_key, y.year FROM %1$I.htx_district d CROSS JOIN years y
	UNION SELECT 'province', '19', y.year FROM years y
	UNION SELECT 'merged province', '', y.year FROM years y
	UNION SELECT r.lvl, r.area_key, r.year FROM rolled r
),
agg AS (
	-- every unit, with zeros where it has no data
	SELECT u.lvl, u.area_key, u.year,
		COALESCE(r.e, %1$I.htx_evaluate_final('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::%1$I.htx_evaluation_state)) AS e,
		COALESCE(r.em, %1$I.htx_evaluate_final('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::%1$I.htx_evaluation_state)) AS em,
		COALESCE(r.size_micro, 0)::pg_catalog.int8 AS size_micro,
		COALESCE(r.size_small, 0)::pg_catalog.int8 AS size_small,
		COALESCE(r.size_medium, 0)::pg_catalog.int8 AS size_medium,
		COALESCE(r.size_large, 0)::pg_catalog.int8 AS size_large,
		COALESCE(r.size_unknown, 0)::pg_catalog.int8 AS size_unknown,
		r.young_members::pg_catalog.int8 AS young_members_total,
		COALESCE(r.fined_count, 0)::pg_catalog.int8 AS fined_count,
		COALESCE(r.vietgap_count, 0)::pg_catalog.int8 AS vietgap_count,
		COALESCE(r.globalgap_count, 0)::pg_catalog.int8 AS globalgap_count,
		COALESCE(r.organic_count, 0)::pg_catalog.int8 AS organic_count,
		COALESCE(r.ocop_count, 0)::pg_catalog.int8 AS ocop_count,
		pg_catalog.round(r.score_sum OPERATOR(pg_catalog./) NULLIF(r.score_count, 0)::pg_catalog.numeric, 2) AS avg_score,
		COALESCE(r.rows_with_commune, 0)::pg_catalog.int8 AS rows_with_commune,
		COALESCE(r.rows_by_crosswalk, 0)::pg_catalog.int8 AS rows_by_crosswalk,
		COALESCE(r.rows_by_earlier_location, 0)::pg_catalog.int8 AS rows_by_earlier_location,
		COALESCE(r.rows_district_undetermined, 0)::pg_catalog.int8 AS rows_district_undetermined
	FROM units u
	LEFT JOIN rolled r ON r.lvl OPERATOR(pg_catalog.=) u.lvl AND r.area_key OPERATOR(pg_catalog.=) u.area_key
		AND r.year OPERATOR(pg_catalog.=) u.year
),
named AS (
	SELECT agg.*,
		CASE agg.lvl WHEN 'district' THEN d.province_code WHEN 'province' THEN agg.area_key
			WHEN 'merged province' THEN '19' ELSE cm.province_code END AS province_code,
		d.district_code, d.name AS district_name,
		CASE WHEN d.district_code IS NOT NULL THEN COALESCE(dk.kind, d.kind) END AS district_kind,
		CASE WHEN d.district_code IS NOT NULL THEN
			(d.valid_from IS NULL OR d.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(agg.year, 12, 31))
			AND (d.valid_to IS NULL OR d.valid_to OPERATOR(pg_catalog.>=) pg_catalog.make_date(agg.year, 1, 1)) END AS district_valid,
		cm.commune_code, cm.valid_from AS commune_valid_from,
		CASE WHEN cm.commune_code IS NOT NULL THEN pg_catalog.upper(pg_catalog.left(cm.kind, 1)) OPERATOR(pg_catalog.||)
			pg_catalog.substr(cm.kind, 2) OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) cm.name END AS commune_name,
		pv.name AS province_name,
		COALESCE(d.province_code OPERATOR(pg_catalog.=) '19', agg.lvl OPERATOR(pg_catalog.=) 'province' AND agg.area_key OPERATOR(pg_catalog.=) '19') AS plan_territory
	FROM agg
	LEFT JOIN dist d ON agg.lvl OPERATOR(pg_catalog.=) 'district' AND d.district_code OPERATOR(pg_catalog.=) agg.area_key
	LEFT JOIN LATERAL (SELECT dk.kind FROM %1$I.htx_district_kind dk
		WHERE dk.district_code OPERATOR(pg_catalog.=) d.district_code
		  AND (dk.valid_from IS NULL OR dk.valid_from OPERATOR(pg_catalog.<=) LEAST(pg_catalog.make_date(agg.year, 12, 31), d.valid_to))
		  AND (dk.valid_to IS NULL OR dk.valid_to OPERATOR(pg_catalog.>=) LEAST(pg_catalog.make_date(agg.year, 12, 31), d.valid_to))
		ORDER BY dk.valid_from DESC NULLS LAST LIMIT 1) AS dk ON true
	LEFT JOIN %1$I.htx_commune cm ON agg.lvl OPERATOR(pg_catalog.=) 'commune'
		AND cm.commune_code OPERATOR(pg_catalog.=) pg_catalog.split_part(agg.area_key, '@', 1)
		AND cm.valid_from::pg_catalog.text OPERATOR(pg_catalog.=) pg_catalog.split_part(agg.area_key, '@', 2)
	LEFT JOIN %1$I.htx_province pv ON agg.lvl OPERATOR(pg_catalog.=) 'province' AND pv.province_code OPERATOR(pg_catalog.=) agg.area_key
		AND '2025-06-30'::pg_catalog.date OPERATOR(pg_catalog.>=) pv.valid_from
		AND '2025-06-30'::pg_catalog.date OPERATOR(pg_catalog.<=) COALESCE(pv.valid_to, 'infinity'::pg_catalog.date)
)
SELECT
	agg.lvl AS area_level,
	agg.lvl OPERATOR(pg_catalog.=) ANY ('{province,merged province}'::pg_catalog.text[]) AS is_province_total,
	agg.province_code,
	agg.district_code,
	agg.district_name,
	agg.district_kind,
	agg.district_valid,
	(CASE agg.lvl WHEN 'district' THEN agg.district_name
		WHEN 'province' THEN COALESCE(agg.province_name, agg.area_key) OPERATOR(pg_catalog.||) ' cũ'
		WHEN 'merged province' THEN 'Thái Nguyên (tỉnh mới)'
		ELSE agg.commune_name END)::pg_catalog.text AS area_name,
	agg.year,
	(agg.e).cooperatives,
	(agg.e).rated,
	(agg.e).good,
	(agg.e).fair,
	(agg.e).average,
	(agg.e).weak,
	(agg.e).not_rated,
	(agg.e).rating_missing,
	(agg.e).good_fair_share,
	pg_catalog.round(((agg.e).good_fair_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS good_fair_pct,
	(agg.e).revenue_reported,
	(agg.e).revenue_total_vnd,
	(agg.e).avg_revenue_vnd,
	(agg.e).members_total,
	(agg.e).tech_reported,
	(agg.e).tech_count,
	(agg.e).tech_share,
	pg_catalog.round(((agg.e).tech_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS tech_pct,
	(agg.e).managers_total,
	(agg.e).managers_trained_total,
	(agg.e).managers_trained_share,
	pg_catalog.round(((agg.e).managers_trained_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS managers_trained_pct,
	(agg.e).model_count,
	agg.young_members_total,
	agg.fined_count,
	agg.vietgap_count,
	agg.globalgap_count,
	agg.organic_count,
	agg.ocop_count,
	agg.avg_score,
	cur.good_fair_share_all,
	pg_catalog.round((cur.good_fair_share_all OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS good_fair_pct_all,
	(agg.em).revenue_reported AS model_revenue_reported,
	(agg.em).avg_revenue_vnd AS model_avg_revenue_vnd,
	agg.size_micro,
	agg.size_small,
	agg.size_medium,
	agg.size_large,
	agg.size_unknown,
	(p.e).cooperatives AS prev_year_cooperatives,
	pg_catalog.round(((p.e).good_fair_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS prev_year_good_fair_pct,
	pg_catalog.round((prev.good_fair_share_all OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS prev_year_good_fair_pct_all,
	pg_catalog.round((cur.good_fair_share_all OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2)
		OPERATOR(pg_catalog.-) pg_catalog.round((prev.good_fair_share_all OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS good_fair_pct_all_change,
	(p.e).model_count AS prev_year_model_count,
	(p.em).avg_revenue_vnd AS prev_year_model_avg_revenue_vnd,
	pg_catalog.round(((p.e).tech_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS prev_year_tech_pct,
	pg_catalog.round(((p.e).managers_trained_share OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric, 2) AS prev_year_managers_trained_pct,
	-- the territory each figure covers
	(CASE agg.lvl
		WHEN 'district' THEN pg_catalog.format('former %%s %%s of %%s cũ: its own rows up to 2024-12-31, then the rows of the communes attributed to it',
			agg.district_kind, agg.district_name, COALESCE((SELECT x.name FROM %1$I.htx_province x
				WHERE x.province_code OPERATOR(pg_catalog.=) agg.province_code AND x.valid_to OPERATOR(pg_catalog.=) '2025-06-30'::pg_catalog.date), agg.province_code))
		WHEN 'province' THEN pg_catalog.format('former province %%s cũ (until 2025-06-30), and the rows attributed to it after', COALESCE(agg.province_name, agg.area_key))
		WHEN 'merged province' THEN 'the merged province of Thái Nguyên (from 2025-07-01): Thái Nguyên cũ and Bắc Kạn cũ, whichever years'
		ELSE 'a commune-level unit of the merged province (from 2025-07-01)' END)::pg_catalog.text AS territory,
	agg.plan_territory,
	agg.commune_code,
	agg.commune_valid_from,
	agg.commune_name,
	agg.rows_with_commune,
	agg.rows_by_crosswalk,
	agg.rows_by_earlier_location,
	agg.rows_district_undetermined
FROM named agg
LEFT JOIN agg p ON p.lvl OPERATOR(pg_catalog.=) agg.lvl AND p.area_key OPERATOR(pg_catalog.=) agg.area_key
	AND p.year OPERATOR(pg_catalog.=) (agg.year OPERATOR(pg_catalog.-) 1)
CROSS JOIN LATERAL (SELECT ((agg.e).good OPERATOR(pg_catalog.+) (agg.e).fair)::pg_catalog.float8
	OPERATOR(pg_catalog./) NULLIF((agg.e).cooperatives, 0)::pg_catalog.float8 AS good_fair_share_all) AS cur
CROSS JOIN LATERAL (SELECT ((p.e).good OPERATOR(pg_catalog.+) (p.e).fair)::pg_catalog.float8
	OPERATOR(pg_catalog./) NULLIF((p.e).cooperatives, 0)::pg_catalog.float8 AS good_fair_share_all) AS prev;

COMMENT ON VIEW %1$I.htx_territory_year_report IS
'báo cáo theo địa bàn qua sắp xếp 2025: the measures of htx_district_year_report (same columns first) for each year at four levels (area_level): district = former district (huyện cũ; rows up to 2024 by their own unit, rows from 2025 through htx_cooperative_year_located), province = former province (Thái Nguyên cũ, Bắc Kạn cũ), merged province = the province since 2025-07-01, commune = new commune-level unit (from 2025); Thái Nguyên cũ, its nine districts and the merged province appear in every year with data, Bắc Kạn cũ''s only where data exists; territory says what each row covers, plan_territory marks Plan 42''s own (Thái Nguyên cũ)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.area_level IS 'district (former district), province (former province), merged province, commune (new unit)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.is_province_total IS 'true on former-province and merged-province rows';
COMMENT ON COLUMN %1$I.htx_territory_year_report.province_code IS 'GSO province code: the former province (19 Thái Nguyên cũ, 06 Bắc Kạn cũ) on district and province rows, 19 on merged-province and commune rows';
COMMENT ON COLUMN %1$I.htx_territory_year_report.district_code IS 'former district''s GSO code on district rows; NULL otherwise';
COMMENT ON COLUMN %1$I.htx_territory_year_report.district_name IS 'former district''s name; NULL otherwise';
COMMENT ON COLUMN %1$I.htx_territory_year_report.district_kind IS 'former district''s kind at the end of the year (or on its last day)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.district_valid IS 'whether the district existed in that year (false from 2026: the row is its former territory)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.area_name IS 'district name, "Thái Nguyên cũ"/"Bắc Kạn cũ", "Thái Nguyên (tỉnh mới)", or the commune''s kind and name';
COMMENT ON COLUMN %1$I.htx_territory_year_report.year IS 'year evaluated';
COMMENT ON COLUMN %1$I.htx_territory_year_report.cooperatives IS 'cooperative-year rows (số HTX báo cáo)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.rated IS 'rated: tốt + khá + trung bình + yếu';
COMMENT ON COLUMN %1$I.htx_territory_year_report.good IS 'tốt (good)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.fair IS 'khá (fair)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.average IS 'trung bình (average)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.weak IS 'yếu (weak)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.not_rated IS 'không xếp loại (not rated)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.rating_missing IS 'rows without a rating';
COMMENT ON COLUMN %1$I.htx_territory_year_report.good_fair_share IS '(tốt + khá) / rated, 0..1';
COMMENT ON COLUMN %1$I.htx_territory_year_report.good_fair_pct IS 'good_fair_share in percent, 2 decimals';
COMMENT ON COLUMN %1$I.htx_territory_year_report.revenue_reported IS 'rows that reported revenue';
COMMENT ON COLUMN %1$I.htx_territory_year_report.revenue_total_vnd IS 'total revenue in VND, exact';
COMMENT ON COLUMN %1$I.htx_territory_year_report.avg_revenue_vnd IS 'average revenue per cooperative that reported it, VND';
COMMENT ON COLUMN %1$I.htx_territory_year_report.members_total IS 'members';
COMMENT ON COLUMN %1$I.htx_territory_year_report.tech_reported IS 'rows that reported applies_tech';
COMMENT ON COLUMN %1$I.htx_territory_year_report.tech_count IS 'cooperatives applying technology';
COMMENT ON COLUMN %1$I.htx_territory_year_report.tech_share IS 'tech_count / tech_reported, 0..1';
COMMENT ON COLUMN %1$I.htx_territory_year_report.tech_pct IS 'tech_share in percent, 2 decimals';
COMMENT ON COLUMN %1$I.htx_territory_year_report.managers_total IS 'managers';
COMMENT ON COLUMN %1$I.htx_territory_year_report.managers_trained_total IS 'managers trained';
COMMENT ON COLUMN %1$I.htx_territory_year_report.managers_trained_share IS 'trained / managers over rows reporting both, 0..1';
COMMENT ON COLUMN %1$I.htx_territory_year_report.managers_trained_pct IS 'managers_trained_share in percent, 2 decimals';
COMMENT ON COLUMN %1$I.htx_territory_year_report.model_count IS 'model cooperatives (mô hình HTX NN)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.young_members_total IS 'young members';
COMMENT ON COLUMN %1$I.htx_territory_year_report.fined_count IS 'cooperatives fined that year';
COMMENT ON COLUMN %1$I.htx_territory_year_report.vietgap_count IS 'cooperatives with a VietGAP certificate';
COMMENT ON COLUMN %1$I.htx_territory_year_report.globalgap_count IS 'cooperatives with a GlobalGAP certificate';
COMMENT ON COLUMN %1$I.htx_territory_year_report.organic_count IS 'cooperatives with an organic certificate';
COMMENT ON COLUMN %1$I.htx_territory_year_report.ocop_count IS 'cooperatives with an OCOP-rated product';
COMMENT ON COLUMN %1$I.htx_territory_year_report.avg_score IS 'average score over scored rows, 2 decimals';
COMMENT ON COLUMN %1$I.htx_territory_year_report.good_fair_share_all IS '(tốt + khá) / every cooperative reporting, 0..1';
COMMENT ON COLUMN %1$I.htx_territory_year_report.good_fair_pct_all IS 'good_fair_share_all in percent, 2 decimals';
COMMENT ON COLUMN %1$I.htx_territory_year_report.model_revenue_reported IS 'model cooperatives that reported revenue';
COMMENT ON COLUMN %1$I.htx_territory_year_report.model_avg_revenue_vnd IS 'average revenue per model cooperative, VND';
COMMENT ON COLUMN %1$I.htx_territory_year_report.size_micro IS 'cooperatives of size siêu nhỏ, Decree 113/2024/NĐ-CP';
COMMENT ON COLUMN %1$I.htx_territory_year_report.size_small IS 'cooperatives of size nhỏ';
COMMENT ON COLUMN %1$I.htx_territory_year_report.size_medium IS 'cooperatives of size vừa';
COMMENT ON COLUMN %1$I.htx_territory_year_report.size_large IS 'cooperatives of size lớn';
COMMENT ON COLUMN %1$I.htx_territory_year_report.size_unknown IS 'cooperatives whose size class cannot be decided';
COMMENT ON COLUMN %1$I.htx_territory_year_report.prev_year_cooperatives IS 'cooperatives the year before (same area and level)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.prev_year_good_fair_pct IS 'good_fair_pct the year before';
COMMENT ON COLUMN %1$I.htx_territory_year_report.prev_year_good_fair_pct_all IS 'good_fair_pct_all the year before';
COMMENT ON COLUMN %1$I.htx_territory_year_report.good_fair_pct_all_change IS 'good_fair_pct_all minus the year before, percentage points';
COMMENT ON COLUMN %1$I.htx_territory_year_report.prev_year_model_count IS 'model_count the year before';
COMMENT ON COLUMN %1$I.htx_territory_year_report.prev_year_model_avg_revenue_vnd IS 'model_avg_revenue_vnd the year before';
COMMENT ON COLUMN %1$I.htx_territory_year_report.prev_year_tech_pct IS 'tech_pct the year before';
COMMENT ON COLUMN %1$I.htx_territory_year_report.prev_year_managers_trained_pct IS 'managers_trained_pct the year before';
COMMENT ON COLUMN %1$I.htx_territory_year_report.territory IS 'the territory the row''s figures cover, in words';
COMMENT ON COLUMN %1$I.htx_territory_year_report.plan_territory IS 'true for Thái Nguyên cũ and its nine former districts: the territory Plan 42 is judged on';
COMMENT ON COLUMN %1$I.htx_territory_year_report.commune_code IS 'the new unit''s GSO code on commune rows; NULL otherwise';
COMMENT ON COLUMN %1$I.htx_territory_year_report.commune_valid_from IS 'the new unit''s valid_from (with commune_code, its key in htx_commune)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.commune_name IS 'the new unit''s kind and name, e.g. Xã Đại Phúc';
COMMENT ON COLUMN %1$I.htx_territory_year_report.rows_with_commune IS 'rows filed under a commune code (the others are located by their cooperative''s district, as in 1.0)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.rows_by_crosswalk IS 'rows attributed through the crosswalk (a new unit formed from one former district)';
COMMENT ON COLUMN %1$I.htx_territory_year_report.rows_by_earlier_location IS 'rows in a new unit straddling former districts, attributed by the cooperative''s earlier location';
COMMENT ON COLUMN %1$I.htx_territory_year_report.rows_district_undetermined IS 'rows counted in this province or commune whose former district is undetermined (htx_data_quality: former_district_undetermined); 0 on district rows';
$ddl$, s);
	ELSE
		-- quoted as htx_excerpt() does, which is not on this search_path
		RAISE EXCEPTION 'htx has no warehouse view named %', CASE WHEN length(view_name) <= 64 THEN view_name
			ELSE left(view_name, 64) || '...' END
			USING ERRCODE = 'undefined_object',
				  HINT = 'The warehouse views are htx_cooperative_year_located, htx_year_summary, htx_district_year_report, htx_target_progress, htx_rating_trend, htx_data_quality and htx_territory_year_report.';
	END CASE;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_warehouse_view_sql(pg_catalog.text) IS
'the SQL (CREATE OR REPLACE VIEW and its comments) of one warehouse view of this htx version, for the extension''s schema; used by htx_create_warehouse() and htx_replace_warehouse_view()';
REVOKE ALL ON FUNCTION @extschema@.htx_warehouse_view_sql(pg_catalog.text) FROM PUBLIC;

-- An update script cannot CREATE OR REPLACE an object the extension does not
-- own (PostgreSQL refuses, since CVE-2022-2625).  A changed warehouse view is
-- therefore adopted for the moment of the replacement and handed back: its
-- grants, owner and the DBA's views on it stay.  CREATE OR REPLACE VIEW only
-- appends columns, so 1.0's columns keep their names and types.
CREATE FUNCTION @extschema@.htx_replace_warehouse_view(view_name pg_catalog.text)
RETURNS pg_catalog.bool
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s name;
	ext oid;
	v regclass;
	ddl text;
	member boolean;
BEGIN
	SELECT e.oid, n.nspname INTO ext, s
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'htx';
	-- the name as a parameter, not spliced: an error's context would repeat it
	EXECUTE format('SELECT %I.htx_warehouse_view_sql($1)', s) INTO ddl USING view_name;
	v := to_regclass(format('%I.%I', s, view_name));
	IF v IS NULL THEN
		RETURN false;		-- no warehouse: htx_create_warehouse() will make it
	END IF;
	member := EXISTS (SELECT 1 FROM pg_depend d
		WHERE d.classid = 'pg_class'::regclass AND d.objid = v
		  AND d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext AND d.deptype = 'e');
	IF NOT member THEN
		EXECUTE format('ALTER EXTENSION htx ADD VIEW %s', v);
	END IF;
	EXECUTE ddl;
	IF NOT member THEN
		EXECUTE format('ALTER EXTENSION htx DROP VIEW %s', v);
	END IF;
	RETURN true;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_replace_warehouse_view(pg_catalog.text) IS
'for update scripts: puts this version''s definition of a warehouse view in place of the existing one (CREATE OR REPLACE VIEW), keeping its owner, grants and dependent views; false when the view does not exist';
REVOKE ALL ON FUNCTION @extschema@.htx_replace_warehouse_view(pg_catalog.text) FROM PUBLIC;

CREATE FUNCTION @extschema@.htx_create_warehouse()
RETURNS TABLE (object_type pg_catalog.text, object_name pg_catalog.text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s name;
	have_coop boolean;
	have_year boolean;
	vname text;
	v text;
	ddl text;
BEGIN
	SELECT n.nspname INTO s
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'htx';
	have_coop := to_regclass(format('%I.htx_cooperative', s)) IS NOT NULL;
	have_year := to_regclass(format('%I.htx_cooperative_year', s)) IS NOT NULL;
	IF have_coop <> have_year THEN
		RAISE EXCEPTION 'the warehouse in schema % is incomplete: % exists without %', s,
			CASE WHEN have_coop THEN 'htx_cooperative' ELSE 'htx_cooperative_year' END,
			CASE WHEN have_coop THEN 'htx_cooperative_year' ELSE 'htx_cooperative' END
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Restore the missing table from your backup; htx_create_warehouse() does not touch a table that holds data.';
	END IF;
	IF NOT have_coop THEN
		EXECUTE format($ddl$
CREATE TABLE %1$I.htx_cooperative (
	cooperative_id pg_catalog.int4 PRIMARY KEY
		CONSTRAINT htx_cooperative_id_positive CHECK (cooperative_id OPERATOR(pg_catalog.>) 0),
	name pg_catalog.text NOT NULL
		CONSTRAINT htx_cooperative_name_not_blank CHECK (pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) ''),
	registration_code pg_catalog.text
		CONSTRAINT htx_cooperative_registration_code_unique UNIQUE
		CONSTRAINT htx_cooperative_registration_code_not_blank CHECK (pg_catalog.btrim(registration_code) OPERATOR(pg_catalog.<>) ''),
	district_code pg_catalog.text
		CONSTRAINT htx_cooperative_district_known REFERENCES %1$I.htx_district ON UPDATE CASCADE,
	sector pg_catalog.text NOT NULL
		CONSTRAINT htx_cooperative_sector_known REFERENCES %1$I.htx_sector ON UPDATE CASCADE,
	founded_on pg_catalog.date
		CONSTRAINT htx_cooperative_founded_in_1950_2100 CHECK (founded_on OPERATOR(pg_catalog.>=) '1950-01-01'::pg_catalog.date AND founded_on OPERATOR(pg_catalog.<=) '2100-12-31'::pg_catalog.date),
	dissolved_on pg_catalog.date,
	CONSTRAINT htx_cooperative_dissolved_not_before_founded CHECK (dissolved_on OPERATOR(pg_catalog.>=) founded_on)
);
COMMENT ON TABLE %1$I.htx_cooperative IS
'agricultural cooperatives (hợp tác xã nông nghiệp) of the province, one row each; ids are the province''s own';
COMMENT ON COLUMN %1$I.htx_cooperative.cooperative_id IS 'the province''s id for the cooperative, a positive integer (no sequence: the loader supplies it)';
COMMENT ON COLUMN %1$I.htx_cooperative.name IS 'registered name (tên HTX)';
COMMENT ON COLUMN %1$I.htx_cooperative.registration_code IS 'registration code (mã số HTX / mã số thuế), unique when given';
COMMENT ON COLUMN %1$I.htx_cooperative.district_code IS 'GSO code of the district-level unit of Thái Nguyên cũ it is registered in (htx_district); NULL for a cooperative located only by the communes of its yearly rows (htx_cooperative_year.commune_code: Bắc Kạn cũ, or founded after 2025-06-30); 1.0 required it';
COMMENT ON COLUMN %1$I.htx_cooperative.sector IS 'type (loại hình) of Circular 09/2017 Art. 3, a code of htx_sector; on load the Vietnamese or English name is accepted too';
COMMENT ON COLUMN %1$I.htx_cooperative.founded_on IS 'date of registration (ngày thành lập); NULL when unknown (htx_data_quality lists it)';
COMMENT ON COLUMN %1$I.htx_cooperative.dissolved_on IS 'date of dissolution (giải thể) or of stopping operation; NULL while active';

-- Sector spellings from the field: "Trồng trọt", "HTX chăn nuôi", "General" ...

CREATE TRIGGER htx_cooperative_sector_normalize
BEFORE INSERT OR UPDATE OF sector ON %1$I.htx_cooperative
FOR EACH ROW EXECUTE FUNCTION %1$I.htx_cooperative_sector_normalize();
COMMENT ON TRIGGER htx_cooperative_sector_normalize ON %1$I.htx_cooperative IS
'accept sector names as provinces export them; store the code';

-- One row per cooperative and year ---------------------------------------------

CREATE TABLE %1$I.htx_cooperative_year (
	cooperative_id pg_catalog.int4 NOT NULL
		CONSTRAINT htx_cooperative_year_cooperative_known REFERENCES %1$I.htx_cooperative ON UPDATE CASCADE,
	year pg_catalog.int4 NOT NULL
		CONSTRAINT htx_cooperative_year_year_in_2000_2100 CHECK (year OPERATOR(pg_catalog.>=) 2000 AND year OPERATOR(pg_catalog.<=) 2100),
	rating %1$I.htx_rating,
	score %1$I.htx_score,
	fined pg_catalog.bool,
	revenue_vnd pg_catalog.int8
		CONSTRAINT htx_cooperative_year_revenue_not_negative CHECK (revenue_vnd OPERATOR(pg_catalog.>=) 0),
	members pg_catalog.int4
		CONSTRAINT htx_cooperative_year_members_not_negative CHECK (members OPERATOR(pg_catalog.>=) 0),
	young_members pg_catalog.int4
		CONSTRAINT htx_cooperative_year_young_members_not_negative CHECK (young_members OPERATOR(pg_catalog.>=) 0),
	managers pg_catalog.int4
		CONSTRAINT htx_cooperative_year_managers_not_negative CHECK (managers OPERATOR(pg_catalog.>=) 0),
	managers_trained pg_catalog.int4
		CONSTRAINT htx_cooperative_year_trained_not_negative CHECK (managers_trained OPERATOR(pg_catalog.>=) 0),
	applies_tech pg_catalog.bool,
	vietgap_certified pg_catalog.bool,
	globalgap_certified pg_catalog.bool,
	organic_certified pg_catalog.bool,
	ocop_stars pg_catalog.int4
		CONSTRAINT htx_cooperative_year_ocop_stars_1_to_5 CHECK (ocop_stars OPERATOR(pg_catalog.>=) 1 AND ocop_stars OPERATOR(pg_catalog.<=) 5),
	is_model pg_catalog.bool,
	capital_vnd pg_catalog.int8
		CONSTRAINT htx_cooperative_year_capital_not_negative CHECK (capital_vnd OPERATOR(pg_catalog.>=) 0),
	commune_code pg_catalog.text
		CONSTRAINT htx_cooperative_year_commune_code_is_five_digits CHECK (commune_code OPERATOR(pg_catalog.~) '^[0-9]{5}$'),
	PRIMARY KEY (cooperative_id, year),
	CONSTRAINT htx_cooperative_year_young_members_le_members CHECK (young_members OPERATOR(pg_catalog.<=) members),
	CONSTRAINT htx_cooperative_year_trained_le_managers CHECK (managers_trained OPERATOR(pg_catalog.<=) managers),
	CONSTRAINT htx_cooperative_year_rating_matches_score CHECK (score IS NULL OR (rating IS NOT NULL AND
		rating OPERATOR(%1$I.=) %1$I.htx_rating_from_score(score::pg_catalog.numeric, COALESCE(fined, false)))),
	CONSTRAINT htx_cooperative_year_fined_means_weak CHECK (fined IS NOT TRUE OR rating IS NULL OR
		rating OPERATOR(%1$I.=) 'weak'::%1$I.htx_rating)
);
COMMENT ON TABLE %1$I.htx_cooperative_year IS
'one row per cooperative and year: its rating (xếp loại) and the figures the plan''s targets need; NULL means "not reported"';
COMMENT ON COLUMN %1$I.htx_cooperative_year.cooperative_id IS 'the cooperative (htx_cooperative)';
COMMENT ON COLUMN %1$I.htx_cooperative_year.year IS 'the year evaluated (năm đánh giá), 2000..2100';
COMMENT ON COLUMN %1$I.htx_cooperative_year.rating IS 'rating for the year (tốt, khá, trung bình, yếu, không xếp loại); NULL when not reported; must agree with score and fined';
COMMENT ON COLUMN %1$I.htx_cooperative_year.score IS 'self-assessed score 0..100 (điểm tự đánh giá); NULL when not scored (không xếp loại) or not reported';
COMMENT ON COLUMN %1$I.htx_cooperative_year.fined IS 'fined for an administrative violation in its cooperative activity that year (bị xử phạt vi phạm hành chính): forces yếu; NULL read as false';
COMMENT ON COLUMN %1$I.htx_cooperative_year.revenue_vnd IS 'revenue of the year in VND (doanh thu), whole đồng';
COMMENT ON COLUMN %1$I.htx_cooperative_year.members IS 'members at the end of the year (thành viên)';
COMMENT ON COLUMN %1$I.htx_cooperative_year.young_members IS 'young members (thành viên trẻ) as the province counts them; at most members';
COMMENT ON COLUMN %1$I.htx_cooperative_year.managers IS 'managers (cán bộ quản lý): board, director, accountant, supervisors';
COMMENT ON COLUMN %1$I.htx_cooperative_year.managers_trained IS 'managers trained in the cooperative director programme (được đào tạo nghề giám đốc HTX); at most managers';
COMMENT ON COLUMN %1$I.htx_cooperative_year.applies_tech IS 'applies technical progress or high-tech machinery in production (ứng dụng tiến bộ KHKT, công nghệ cao)';
COMMENT ON COLUMN %1$I.htx_cooperative_year.vietgap_certified IS 'holds a VietGAP certificate';
COMMENT ON COLUMN %1$I.htx_cooperative_year.globalgap_certified IS 'holds a GlobalGAP (or other international GAP) certificate';
COMMENT ON COLUMN %1$I.htx_cooperative_year.organic_certified IS 'holds an organic (hữu cơ) certificate';
COMMENT ON COLUMN %1$I.htx_cooperative_year.ocop_stars IS 'highest OCOP star rating (1..5) of its products; NULL when none';
COMMENT ON COLUMN %1$I.htx_cooperative_year.is_model IS 'selected as a model cooperative (mô hình HTX NN, Plan 42/KH-UBND III.2)';
COMMENT ON COLUMN %1$I.htx_cooperative_year.capital_vnd IS 'total capital (tổng nguồn vốn) at the end of the year, VND; with members and revenue it gives the size class of Decree 113/2024/NĐ-CP (htx_size_class); added in 1.1';
COMMENT ON COLUMN %1$I.htx_cooperative_year.commune_code IS 'GSO code of the commune-level unit the row is filed under, the unit of that code valid on the year''s reporting date, 31 December of the year (up to 2024 an old xã/phường/thị trấn, from 2025 a new unit); NULL: located by htx_cooperative.district_code alone, as in 1.0; htx_data_quality lists codes no unit has on that date (commune_unknown); added in 1.1';
CREATE INDEX htx_cooperative_year_commune_code_idx ON %1$I.htx_cooperative_year (commune_code);
COMMENT ON INDEX %1$I.htx_cooperative_year_commune_code_idx IS 'the rows filed under a commune, and those under none: htx_year_summary reads each kind, and a straddling unit''s rows, without scanning the others';
$ddl$, s);
		object_type := 'table'; object_name := format('%I.htx_cooperative', s); RETURN NEXT;
		object_type := 'table'; object_name := format('%I.htx_cooperative_year', s); RETURN NEXT;
	END IF;

	-- the views: each one that is missing
	FOREACH vname IN ARRAY '{htx_cooperative_year_located,htx_year_summary,htx_district_year_report,htx_target_progress,htx_rating_trend,htx_data_quality,htx_territory_year_report}'::text[] LOOP
		v := format('%I.%I', s, vname);
		IF to_regclass(v) IS NULL THEN
			EXECUTE format('SELECT %I.htx_warehouse_view_sql(%L)', s, vname) INTO ddl;
			EXECUTE ddl;
			object_type := 'view'; object_name := v; RETURN NEXT;
		END IF;
	END LOOP;




END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_create_warehouse() IS
'creates the warehouse in the extension''s schema, owned by the caller and not by the extension: the tables htx_cooperative and htx_cooperative_year and the BI views htx_cooperative_year_located, htx_year_summary, htx_district_year_report, htx_target_progress, htx_rating_trend, htx_data_quality, htx_territory_year_report; creates only what is missing and returns it; DROP EXTENSION htx refuses while they exist';
REVOKE ALL ON FUNCTION @extschema@.htx_create_warehouse() FROM PUBLIC;

-- A 1.0 database: its warehouse was created by the 1.0 script as members of
-- the extension.  When it is exactly what CREATE EXTENSION made -- empty, no
-- grants, nothing of the DBA's built on it -- it is dropped, as a new 1.1
-- database has none until htx_create_warehouse() (so a fresh install, which
-- runs 1.0 and then this script, ends without one).  Otherwise the tables and
-- views, with every row, grant and dependent object, are handed to the DBA:
-- they stop being members, so DROP EXTENSION no longer takes them.
CREATE FUNCTION @extschema@.htx_release_warehouse_1_0()
RETURNS pg_catalog.void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s name;
	rels regclass[];
	r regclass;
	pristine boolean;
	kind text;
BEGIN
	SELECT n.nspname INTO s
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'htx';
	SELECT array_agg(format('%I.%I', s, x.relname)::regclass ORDER BY x.ord) INTO rels
	FROM unnest('{htx_data_quality,htx_rating_trend,htx_target_progress,htx_district_year_report,htx_cooperative_year,htx_cooperative}'::name[])
		WITH ORDINALITY AS x(relname, ord);

	EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM %1$I.htx_cooperative) AND NOT EXISTS (SELECT 1 FROM %1$I.htx_cooperative_year)', s)
		INTO pristine;
	pristine := pristine
		-- no grants on the relations or their columns
		AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = ANY (rels) AND (c.relacl IS NOT NULL OR c.relrowsecurity))
		AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = ANY (rels) AND a.attacl IS NOT NULL)
		-- nothing else depends on them: every dependent object belongs to one of
		-- them (an index of the DBA's, not backing a constraint, counts as theirs)
		AND NOT EXISTS (
			SELECT 1 FROM pg_depend d
			WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = ANY (rels)
			  AND d.deptype IN ('n', 'a')
			  AND COALESCE(
					CASE d.classid
						WHEN 'pg_rewrite'::regclass THEN (SELECT rw.ev_class FROM pg_rewrite rw WHERE rw.oid = d.objid)
						WHEN 'pg_constraint'::regclass THEN (SELECT co.conrelid FROM pg_constraint co WHERE co.oid = d.objid)
						WHEN 'pg_trigger'::regclass THEN (SELECT t.tgrelid FROM pg_trigger t WHERE t.oid = d.objid)
						WHEN 'pg_class'::regclass THEN (SELECT i.indrelid FROM pg_index i WHERE i.indexrelid = d.objid
							AND i.indexrelid IN (SELECT co.conindid FROM pg_constraint co WHERE co.conrelid = ANY (rels)))
					END, 0) <> ALL (rels::oid[]))
		-- no trigger but 1.0's, no publication
		AND (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = ANY (rels) AND NOT t.tgisinternal) = 1
		AND NOT EXISTS (SELECT 1 FROM pg_publication_rel p WHERE p.prrelid = ANY (rels));

	FOREACH r IN ARRAY rels LOOP
		kind := CASE (SELECT c.relkind FROM pg_class c WHERE c.oid = r) WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END;
		-- detach first: a member table dropped as such would stay behind in
		-- pg_extension.extconfig as a dangling oid
		EXECUTE format('ALTER EXTENSION htx DROP %s %s', kind, r);
		IF pristine THEN
			EXECUTE format('DROP %s %s', kind, r);
		END IF;
	END LOOP;
END
$fn$;
SELECT @extschema@.htx_release_warehouse_1_0();
DROP FUNCTION @extschema@.htx_release_warehouse_1_0();

CREATE OR REPLACE FUNCTION @extschema@.htx_generate_sample(cooperatives pg_catalog.int4 DEFAULT 600, seed pg_catalog.int4 DEFAULT 42,
	OUT cooperatives_created pg_catalog.int8, OUT cooperative_years_created pg_catalog.int8)
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
-- CTEs are MATERIALIZED so that each draw is computed once, not once per
-- reference.  Streams of the hash (the third argument): 1 district, 2 sector, 3 founding
-- year, 4 founding day, 5 dissolution, 6 dissolution year, 7 dissolution day,
-- 10 quality, 11 revenue level, 12 members, 13 managers, 14 tech, 15 VietGAP,
-- 16 GlobalGAP, 17 organic, 18 OCOP, 19 OCOP stars, 20 product word,
-- 21.. per year: 21 score noise, 22 fined, 23 missing rating, 24 revenue noise,
-- 25 revenue missing, 26 young members, 27 capital; 30+k manager k trained.
DECLARE
	n_coops bigint;
	n_years bigint;
BEGIN
	IF cooperatives IS NULL OR cooperatives < 1 OR cooperatives > 10000000 THEN
		RAISE EXCEPTION 'sample size must be between 1 and 10000000 cooperatives, not %', cooperatives
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF seed IS NULL THEN
		RAISE EXCEPTION 'seed must not be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	-- 1.1: the warehouse is the province's, created on first use
	PERFORM htx_create_warehouse();
	IF EXISTS (SELECT 1 FROM htx_cooperative) OR EXISTS (SELECT 1 FROM htx_cooperative_year) THEN
		RAISE EXCEPTION 'htx_generate_sample fills empty tables, and htx_cooperative is not empty'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Use a fresh database, or TRUNCATE htx_cooperative_year, htx_cooperative first.';
	END IF;

	-- Districts weighted like Thái Nguyên's cooperatives (2017 counts, with the
	-- rural districts' later growth); sectors like its 2024 mix.
	INSERT INTO htx_cooperative (cooperative_id, name, registration_code, district_code, sector, founded_on, dissolved_on)
	SELECT i,
		'HTX ' || w.word || ' ' || d.name || ' ' || i::text,
		'MAU-' || d.district_code || '-' || lpad(i::text, 6, '0'),
		d.district_code, s.sector_code, f.founded_on,
		CASE WHEN f.founded_on < date '2022-01-01' AND htx_sample_uniform(seed, i, 5, 0) < 0.05::float8
			THEN greatest(f.founded_on + 400,
				make_date(2020 + floor(htx_sample_uniform(seed, i, 6, 0) * 5::float8)::int4, 1, 1) + floor(htx_sample_uniform(seed, i, 7, 0) * 364::float8)::int4)
		END
	FROM generate_series(1, cooperatives) AS i
	CROSS JOIN LATERAL (
		SELECT dw.code FROM (VALUES ('164', 0, 48), ('165', 48, 56), ('167', 56, 76), ('168', 76, 98),
			('169', 98, 120), ('170', 120, 137), ('171', 137, 169), ('172', 169, 199), ('173', 199, 227))
			AS dw(code, lo, hi)
		WHERE htx_sample_uniform(seed, i, 1, 0) * 227::float8 >= dw.lo::float8 AND htx_sample_uniform(seed, i, 1, 0) * 227::float8 < dw.hi::float8
	) AS dc
	JOIN htx_district d ON d.district_code = dc.code
	CROSS JOIN LATERAL (
		SELECT sw.code FROM (VALUES ('general', 0, 430), ('crop', 430, 840), ('livestock', 840, 970),
			('forestry', 970, 985), ('fishery', 985, 995), ('rural_water', 995, 1000)) AS sw(code, lo, hi)
		WHERE htx_sample_uniform(seed, i, 2, 0) * 1000::float8 >= sw.lo::float8 AND htx_sample_uniform(seed, i, 2, 0) * 1000::float8 < sw.hi::float8
	) AS sc
	JOIN htx_sector s ON s.sector_code = sc.code
	CROSS JOIN LATERAL (
		-- share of the 2025 count founded by the end of each year
		SELECT CASE
			WHEN u < 0.35::float8 THEN 2000 + floor(u / 0.35::float8 * 18::float8)::int4
			WHEN u < 0.40::float8 THEN 2018 WHEN u < 0.46::float8 THEN 2019 WHEN u < 0.54::float8 THEN 2020
			WHEN u < 0.62::float8 THEN 2021 WHEN u < 0.71::float8 THEN 2022 WHEN u < 0.81::float8 THEN 2023
			WHEN u < 0.93::float8 THEN 2024 ELSE 2025 END AS fy
		FROM (SELECT htx_sample_uniform(seed, i, 3, 0) AS u OFFSET 0) AS x
	) AS fyr
	CROSS JOIN LATERAL (
		SELECT make_date(least(fyr.fy, 2025), 1, 1)
			+ CASE WHEN htx_sample_uniform(seed, i, 4, 0) < 0.08::float8 THEN 0
				ELSE floor(htx_sample_uniform(seed, i, 4, 1) * (CASE WHEN fyr.fy = 2025 THEN 150 ELSE 364 END)::float8)::int4 END
			AS founded_on
	) AS f
	CROSS JOIN LATERAL (
		SELECT x.words[1 + floor(htx_sample_uniform(seed, i, 20, 0) * pg_catalog.cardinality(x.words)::float8)::int4] AS word
		FROM (SELECT CASE s.sector_code
			WHEN 'crop' THEN '{Chè,Rau an toàn,Lúa chất lượng cao,Cây ăn quả,Na,Nấm,Chè hữu cơ}'::text[]
			WHEN 'livestock' THEN '{Chăn nuôi lợn,Gà đồi,Chăn nuôi bò,Chăn nuôi dê,Ong mật}'::text[]
			WHEN 'forestry' THEN '{Lâm nghiệp,Trồng rừng,Quế}'::text[]
			WHEN 'fishery' THEN '{Thủy sản,Nuôi cá}'::text[]
			WHEN 'rural_water' THEN '{Nước sạch}'::text[]
			ELSE '{Dịch vụ nông nghiệp,Nông nghiệp tổng hợp,Dịch vụ tổng hợp,Chè và dịch vụ}'::text[] END AS words) AS x
	) AS w;
	GET DIAGNOSTICS n_coops = ROW_COUNT;

	-- One row per year 2020..2025 while the cooperative exists (the founding
	-- year included, the dissolution year not).
	INSERT INTO htx_cooperative_year (cooperative_id, year, rating, score, fined, revenue_vnd, members,
		young_members, managers, managers_trained, applies_tech, vietgap_certified, globalgap_certified,
		organic_certified, ocop_stars, is_model, capital_vnd)
	WITH coop AS MATERIALIZED (
		SELECT c.*,
			extract(year FROM c.founded_on)::int4 AS fy,
			-- latent quality: district and sector effects, a cooperative effect
			59::float8 + 12::float8 * htx_sample_normal(seed, c.cooperative_id, 10, 0)
				+ CASE c.district_code WHEN '164' THEN 3 WHEN '165' THEN 2 WHEN '172' THEN 2
					WHEN '170' THEN -4 WHEN '167' THEN -3 ELSE 0 END::float8
				+ CASE c.sector WHEN 'general' THEN -2 WHEN 'crop' THEN 1 ELSE 0 END::float8 AS q,
			3 + floor(htx_sample_uniform(seed, c.cooperative_id, 13, 0) * 4::float8)::int4 AS mgrs
		FROM htx_cooperative c
	),
	ranked AS MATERIALIZED (
		-- model cooperatives: the best established one of every district from
		-- 2024 (Plan 42 III.2), and a second one in the three largest in 2025
		SELECT coop.*,
			CASE WHEN coop.fy <= 2022 AND (coop.dissolved_on IS NULL OR coop.dissolved_on > date '2025-12-31')
				THEN row_number() OVER (PARTITION BY coop.district_code,
					coop.fy <= 2022 AND (coop.dissolved_on IS NULL OR coop.dissolved_on > date '2025-12-31')
					ORDER BY coop.q DESC, coop.cooperative_id) END AS model_rank
		FROM coop
	),
	yr AS MATERIALIZED (
		-- each year's chances and trends, the same expressions computed once
		-- a year instead of once a row (eight numeric computations and casts
		-- to float8 a row, each a string conversion)
		SELECT y,
			(2.0 * (y - 2020)::numeric)::float8 AS score_trend,
			(0.07 * (y - 2020)::numeric)::float8 AS revenue_trend,
			(0.10 + 0.04 * (y - 2020)::numeric)::float8 AS trained_base,
			(0.14 + 0.03 * (y - 2020)::numeric)::float8 AS tech_base,
			(0.07 + 0.02 * (y - 2020)::numeric)::float8 AS vietgap_chance,
			(0.015 + 0.005 * (y - 2020)::numeric)::float8 AS organic_chance,
			(0.05 + 0.025 * (y - 2020)::numeric)::float8 AS ocop_chance,
			(0.05 + 0.025 * (y - 2020)::numeric + 0.5)::float8 AS ocop_chance_model
		FROM generate_series(2020, 2025) AS y
	),
	cy AS MATERIALIZED (
		SELECT r.*, yr.*,
			(r.model_rank = 1 AND y >= 2024) OR (r.model_rank = 2 AND y = 2025 AND r.district_code IN ('164', '171', '172')) AS model,
			(y = r.fy AND r.founded_on > make_date(y, 1, 1)) AS under_12_months,
			htx_sample_uniform(seed, r.cooperative_id, 23, y) < 0.012::float8 AS missing,
			htx_sample_uniform(seed, r.cooperative_id, 22, y) < 0.015::float8 AS was_fined
		FROM ranked r
		CROSS JOIN yr
		WHERE r.fy <= y AND (r.dissolved_on IS NULL OR extract(year FROM r.dissolved_on) > y::numeric)
	),
	scored AS MATERIALIZED (
		SELECT cy.*,
			CASE WHEN cy.missing OR cy.under_12_months THEN NULL
				ELSE round(least(100, greatest(0,
					cy.q + cy.score_trend + 5::float8 * htx_sample_normal(seed, cy.cooperative_id, 21, y)
					- CASE WHEN y - cy.fy <= 1 THEN 4 ELSE 0 END::float8
					+ CASE WHEN cy.model THEN 8 ELSE 0 END::float8))::numeric * 2::numeric) / 2::numeric END AS sc,
			-- revenue: lognormal around a sector median, growing 7% a year
			CASE WHEN htx_sample_uniform(seed, cy.cooperative_id, 25, y) < 0.03::float8 THEN NULL
			ELSE round(
				(CASE cy.sector WHEN 'livestock' THEN 3000 WHEN 'crop' THEN 1800 WHEN 'general' THEN 1600
					WHEN 'rural_water' THEN 900 ELSE 1200 END)::numeric * 1000000::numeric
				* exp((0.8::float8 * htx_sample_normal(seed, cy.cooperative_id, 11, 0)
					+ 0.2::float8 * htx_sample_normal(seed, cy.cooperative_id, 24, y)
					+ 0.02::float8 * (cy.q - 59::float8)
					+ cy.revenue_trend)::numeric)
				* CASE WHEN cy.model THEN 2.5 WHEN cy.under_12_months THEN 0.4 ELSE 1 END, -6)::int8
			END AS rev,
			greatest(7, round((7::numeric + 18::numeric * exp((0.7::float8 * htx_sample_normal(seed, cy.cooperative_id, 12, 0))::numeric))
				* (1::numeric + 0.04 * (y - greatest(cy.fy, 2019))::numeric))::int4) AS mem,
			-- the chance that a manager is trained that year
			cy.trained_base + 0.004::float8 * (cy.q - 59::float8) + CASE WHEN cy.model THEN 0.3 ELSE 0 END::float8 AS trained_chance
		FROM cy
	)
	SELECT s.cooperative_id, s.y,
		CASE WHEN s.missing THEN NULL
			WHEN s.under_12_months AND NOT s.was_fined THEN htx_rating_from_score(NULL::numeric, false)
			ELSE htx_rating_from_score(s.sc, s.was_fined) END,
		s.sc::htx_score,
		CASE WHEN s.missing THEN NULL ELSE s.was_fined END,
		s.rev,
		s.mem,
		floor(s.mem::float8 * (0.12::float8 + 0.2::float8 * htx_sample_uniform(seed, s.cooperative_id, 26, s.y)))::int4,
		s.mgrs,
		-- managers trained: manager k (1..mgrs, 3 to 6) is when its draw is
		-- under the year's chance; a CASE per manager, not a subquery per row
		-- (generate_series and count: 1.0 s of the 5.1 its rows took to
		-- compute at 30,000)
		(CASE WHEN htx_sample_uniform(seed, s.cooperative_id, 31, 0) < s.trained_chance THEN 1 ELSE 0 END
			+ CASE WHEN htx_sample_uniform(seed, s.cooperative_id, 32, 0) < s.trained_chance THEN 1 ELSE 0 END
			+ CASE WHEN htx_sample_uniform(seed, s.cooperative_id, 33, 0) < s.trained_chance THEN 1 ELSE 0 END
			+ CASE WHEN s.mgrs >= 4 AND htx_sample_uniform(seed, s.cooperative_id, 34, 0) < s.trained_chance THEN 1 ELSE 0 END
			+ CASE WHEN s.mgrs >= 5 AND htx_sample_uniform(seed, s.cooperative_id, 35, 0) < s.trained_chance THEN 1 ELSE 0 END
			+ CASE WHEN s.mgrs >= 6 AND htx_sample_uniform(seed, s.cooperative_id, 36, 0) < s.trained_chance THEN 1 ELSE 0 END)::int4,
		htx_sample_uniform(seed, s.cooperative_id, 14, 0) < s.tech_base + 0.004::float8 * (s.q - 59::float8)
			+ CASE WHEN s.model THEN 0.5 ELSE 0 END::float8,
		s.sector IN ('crop', 'livestock', 'general')
			AND htx_sample_uniform(seed, s.cooperative_id, 15, 0) < s.vietgap_chance,
		htx_sample_uniform(seed, s.cooperative_id, 16, 0) < 0.01::float8,
		htx_sample_uniform(seed, s.cooperative_id, 17, 0) < s.organic_chance,
		CASE WHEN htx_sample_uniform(seed, s.cooperative_id, 18, 0) < CASE WHEN s.model THEN s.ocop_chance_model ELSE s.ocop_chance END
			THEN CASE WHEN htx_sample_uniform(seed, s.cooperative_id, 19, 0) < 0.7::float8 THEN 3
				WHEN htx_sample_uniform(seed, s.cooperative_id, 19, 0) < 0.97::float8 THEN 4 ELSE 5 END END,
		s.model,
		-- 1.1: capital, 0.3 to 1.5 times the year's revenue (stream 27); not
		-- reported where revenue is not
		CASE WHEN s.rev IS NOT NULL
			THEN round(s.rev::numeric * (0.3::float8 + 1.2::float8 * htx_sample_uniform(seed, s.cooperative_id, 27, 0))::numeric, -6)::int8 END
	FROM scored s;
	GET DIAGNOSTICS n_years = ROW_COUNT;

	cooperatives_created := n_coops;
	cooperative_years_created := n_years;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_generate_sample(pg_catalog.int4, pg_catalog.int4) IS
'fills the empty warehouse tables with a deterministic sample province (creating the warehouse first with htx_create_warehouse() when it is missing): about the given number of cooperatives by 2025 in the nine districts of Thái Nguyên, with their years 2020..2025 (ratings, revenue, members, training moving plausibly); the same seed gives the same rows everywhere';
REVOKE ALL ON FUNCTION @extschema@.htx_generate_sample(pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
