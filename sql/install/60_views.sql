-- ---------------------------------------------------------------------------
-- Views for BI tools
-- ---------------------------------------------------------------------------
--
-- Plain column types only (text, integer, bigint, numeric, boolean, double
-- precision): drivers map nothing else.  htx_rating is cast to text, the
-- htx_evaluation composite is flattened, names are snake_case.  The views run
-- with their owner's rights on the tables, so a reader role needs SELECT on
-- the views and nothing on the tables (htx_grant_reader); the functions they
-- call read no table, since a function runs with the caller's rights.
-- Operators are written OPERATOR(pg_catalog.x): views are parsed here, under
-- CREATE EXTENSION's search_path, and must not pick up look-alikes.

-- District x year, with a province total row ------------------------------------

CREATE VIEW @extschema@.htx_district_year_report AS
WITH data AS (
	SELECT c.district_code, cy.*
	FROM @extschema@.htx_cooperative_year cy
	JOIN @extschema@.htx_cooperative c ON c.cooperative_id OPERATOR(pg_catalog.=) cy.cooperative_id
),
years AS (
	SELECT DISTINCT data.year FROM data
),
keys AS (
	-- every district valid in a year that has data, and every district that has data
	SELECT d.district_code, y.year
	FROM @extschema@.htx_district d CROSS JOIN years y
	WHERE (d.valid_from IS NULL OR d.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(y.year, 12, 31))
	  AND (d.valid_to IS NULL OR d.valid_to OPERATOR(pg_catalog.>=) pg_catalog.make_date(y.year, 1, 1))
	UNION
	SELECT data.district_code, data.year FROM data
),
dim AS (
	SELECT k.district_code, k.year, d.name, d.province_code,
		COALESCE((SELECT dk.kind FROM @extschema@.htx_district_kind dk
			WHERE dk.district_code OPERATOR(pg_catalog.=) d.district_code
			  AND (dk.valid_from IS NULL OR dk.valid_from OPERATOR(pg_catalog.<=) rf.ref)
			  AND (dk.valid_to IS NULL OR dk.valid_to OPERATOR(pg_catalog.>=) rf.ref)
			ORDER BY dk.valid_from DESC NULLS LAST LIMIT 1), d.kind) AS kind,
		(d.valid_from IS NULL OR d.valid_from OPERATOR(pg_catalog.<=) pg_catalog.make_date(k.year, 12, 31))
		  AND (d.valid_to IS NULL OR d.valid_to OPERATOR(pg_catalog.>=) pg_catalog.make_date(k.year, 1, 1)) AS valid
	FROM keys k
	JOIN @extschema@.htx_district d ON d.district_code OPERATOR(pg_catalog.=) k.district_code
	CROSS JOIN LATERAL (SELECT LEAST(pg_catalog.make_date(k.year, 12, 31), d.valid_to) AS ref) AS rf
),
agg AS (
	SELECT dim.province_code, dim.year, dim.district_code, dim.name, dim.kind, dim.valid,
		GROUPING(dim.district_code) AS grp,
		@extschema@.htx_evaluate(data.rating, data.revenue_vnd, data.members, data.applies_tech,
			data.managers, data.managers_trained, data.is_model) FILTER (WHERE data.cooperative_id IS NOT NULL) AS e,
		pg_catalog.sum(data.young_members) AS young_members_total,
		pg_catalog.count(*) FILTER (WHERE data.fined) AS fined_count,
		pg_catalog.count(*) FILTER (WHERE data.vietgap_certified) AS vietgap_count,
		pg_catalog.count(*) FILTER (WHERE data.globalgap_certified) AS globalgap_count,
		pg_catalog.count(*) FILTER (WHERE data.organic_certified) AS organic_count,
		pg_catalog.count(*) FILTER (WHERE data.ocop_stars IS NOT NULL) AS ocop_count,
		pg_catalog.round(pg_catalog.avg(data.score), 2) AS avg_score
	FROM dim
	LEFT JOIN data ON data.district_code OPERATOR(pg_catalog.=) dim.district_code
		AND data.year OPERATOR(pg_catalog.=) dim.year
	GROUP BY GROUPING SETS ((dim.province_code, dim.year, dim.district_code, dim.name, dim.kind, dim.valid),
		(dim.province_code, dim.year))
)
SELECT
	(CASE WHEN agg.grp OPERATOR(pg_catalog.=) 0 THEN 'district' ELSE 'province' END)::pg_catalog.text AS area_level,
	agg.grp OPERATOR(pg_catalog.<>) 0 AS is_province_total,
	agg.province_code,
	agg.district_code,
	agg.name AS district_name,
	agg.kind AS district_kind,
	agg.valid AS district_valid,
	COALESCE(agg.name, 'Toàn tỉnh')::pg_catalog.text AS area_name,
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
	agg.avg_score
FROM agg;

COMMENT ON VIEW @extschema@.htx_district_year_report IS
'báo cáo theo huyện và năm: every measure of htx_evaluate for each district-level unit and year, plus a province total row (is_province_total); districts valid in a year appear even with no data';
COMMENT ON COLUMN @extschema@.htx_district_year_report.area_level IS 'district (cấp huyện) or province (toàn tỉnh): the row''s level';
COMMENT ON COLUMN @extschema@.htx_district_year_report.is_province_total IS 'true on the province total row (district columns NULL)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.province_code IS 'GSO province code (Thái Nguyên: 19)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.district_code IS 'GSO district code; NULL on the province row';
COMMENT ON COLUMN @extschema@.htx_district_year_report.district_name IS 'district name (tên huyện/thành phố/thị xã); NULL on the province row';
COMMENT ON COLUMN @extschema@.htx_district_year_report.district_kind IS 'kind at the end of the year (or on its last day): thành phố, thị xã, huyện';
COMMENT ON COLUMN @extschema@.htx_district_year_report.district_valid IS 'whether the district existed in that year (false for data keyed by a district after 2025-06-30)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.area_name IS 'district name, or "Toàn tỉnh" on the province row (a label for charts)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.year IS 'year evaluated';
COMMENT ON COLUMN @extschema@.htx_district_year_report.cooperatives IS 'cooperative-year rows (số HTX báo cáo)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.rated IS 'rated: tốt + khá + trung bình + yếu';
COMMENT ON COLUMN @extschema@.htx_district_year_report.good IS 'tốt (good)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.fair IS 'khá (fair)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.average IS 'trung bình (average)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.weak IS 'yếu (weak)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.not_rated IS 'không xếp loại (not rated: under 12 months in business)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.rating_missing IS 'rows without a rating (not reported)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.good_fair_share IS '(tốt + khá) / rated, 0..1; NULL when none is rated';
COMMENT ON COLUMN @extschema@.htx_district_year_report.good_fair_pct IS 'good_fair_share in percent, 2 decimals (tỷ lệ HTX tốt, khá)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.revenue_reported IS 'rows that reported revenue';
COMMENT ON COLUMN @extschema@.htx_district_year_report.revenue_total_vnd IS 'total revenue in VND (tổng doanh thu), exact';
COMMENT ON COLUMN @extschema@.htx_district_year_report.avg_revenue_vnd IS 'average revenue per cooperative that reported it, VND (doanh thu bình quân/HTX)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.members_total IS 'members (tổng số thành viên)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.tech_reported IS 'rows that reported applies_tech';
COMMENT ON COLUMN @extschema@.htx_district_year_report.tech_count IS 'cooperatives applying technology (ứng dụng KHKT, công nghệ cao)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.tech_share IS 'tech_count / tech_reported, 0..1';
COMMENT ON COLUMN @extschema@.htx_district_year_report.tech_pct IS 'tech_share in percent, 2 decimals';
COMMENT ON COLUMN @extschema@.htx_district_year_report.managers_total IS 'managers (cán bộ quản lý)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.managers_trained_total IS 'managers trained (được đào tạo nghề giám đốc HTX)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.managers_trained_share IS 'trained / managers over rows reporting both, 0..1';
COMMENT ON COLUMN @extschema@.htx_district_year_report.managers_trained_pct IS 'managers_trained_share in percent, 2 decimals';
COMMENT ON COLUMN @extschema@.htx_district_year_report.model_count IS 'model cooperatives (mô hình HTX NN)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.young_members_total IS 'young members (thành viên trẻ)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.fined_count IS 'cooperatives fined that year (bị xử phạt)';
COMMENT ON COLUMN @extschema@.htx_district_year_report.vietgap_count IS 'cooperatives with a VietGAP certificate';
COMMENT ON COLUMN @extschema@.htx_district_year_report.globalgap_count IS 'cooperatives with a GlobalGAP certificate';
COMMENT ON COLUMN @extschema@.htx_district_year_report.organic_count IS 'cooperatives with an organic (hữu cơ) certificate';
COMMENT ON COLUMN @extschema@.htx_district_year_report.ocop_count IS 'cooperatives with an OCOP-rated product';
COMMENT ON COLUMN @extschema@.htx_district_year_report.avg_score IS 'average self-assessed score over scored rows, 2 decimals';

-- Targets: district or province x year x target -----------------------------------

CREATE VIEW @extschema@.htx_target_progress AS
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
	(CASE
		WHEN t.measure IS NULL THEN 'not measurable'
		WHEN m.measured IS NULL THEN 'no data'
		WHEN t.comparator OPERATOR(pg_catalog.=) 'none' THEN 'no number'
		WHEN v.met IS NULL THEN 'no tolerance'
		WHEN v.met THEN 'met'
		ELSE 'not met'
	END)::pg_catalog.text AS status,
	t.deadline_year,
	t.clause,
	t.note
FROM @extschema@.htx_district_year_report r
JOIN @extschema@.htx_target t ON t.scope OPERATOR(pg_catalog.=) r.area_level
LEFT JOIN @extschema@.htx_target_tolerance o ON o.plan_code OPERATOR(pg_catalog.=) t.plan_code
	AND o.target_code OPERATOR(pg_catalog.=) t.target_code AND o.scope OPERATOR(pg_catalog.=) t.scope
CROSS JOIN LATERAL (
	-- measured and decided by the same functions as htx_check_targets
	SELECT COALESCE(o.tolerance, t.tolerance) AS tol,
		@extschema@.htx_target_measured(ROW(r.cooperatives, r.rated, r.good, r.fair, r.average, r.weak,
			r.not_rated, r.rating_missing, r.good_fair_share, r.revenue_reported, r.revenue_total_vnd,
			r.avg_revenue_vnd, r.members_total, r.tech_reported, r.tech_count, r.tech_share,
			r.managers_total, r.managers_trained_total, r.managers_trained_share,
			r.model_count)::@extschema@.htx_evaluation, t.measure) AS measured
) AS m
CROSS JOIN LATERAL (
	SELECT @extschema@.htx_target_met(m.measured, t.comparator, t.required, m.tol) AS met
) AS v;

COMMENT ON VIEW @extschema@.htx_target_progress IS
'tiến độ thực hiện chỉ tiêu: each plan target at province scope (province rows) or district scope (district rows), for every year: required, measured, met, gap; the same results as htx_check_targets on htx_evaluate';
COMMENT ON COLUMN @extschema@.htx_target_progress.plan_code IS 'the plan (e.g. TN-42/KH-UBND)';
COMMENT ON COLUMN @extschema@.htx_target_progress.area_level IS 'district or province; equals the target''s scope';
COMMENT ON COLUMN @extschema@.htx_target_progress.is_province_total IS 'true on province rows';
COMMENT ON COLUMN @extschema@.htx_target_progress.province_code IS 'GSO province code';
COMMENT ON COLUMN @extschema@.htx_target_progress.district_code IS 'GSO district code; NULL on province rows';
COMMENT ON COLUMN @extschema@.htx_target_progress.district_name IS 'district name; NULL on province rows';
COMMENT ON COLUMN @extschema@.htx_target_progress.area_name IS 'district name, or "Toàn tỉnh"';
COMMENT ON COLUMN @extschema@.htx_target_progress.year IS 'year evaluated (the targets are due in deadline_year)';
COMMENT ON COLUMN @extschema@.htx_target_progress.target_code IS 'short code of the target (chỉ tiêu)';
COMMENT ON COLUMN @extschema@.htx_target_progress.sort_order IS 'order of the target in its source';
COMMENT ON COLUMN @extschema@.htx_target_progress.indicator IS 'the indicator in Vietnamese, as the source words it';
COMMENT ON COLUMN @extschema@.htx_target_progress.indicator_en IS 'the indicator in English';
COMMENT ON COLUMN @extschema@.htx_target_progress.comparator IS '>=, >, about or none';
COMMENT ON COLUMN @extschema@.htx_target_progress.unit IS 'percent, count or vnd_per_year';
COMMENT ON COLUMN @extschema@.htx_target_progress.required IS 'the number required (chỉ tiêu); NULL when the source gives none';
COMMENT ON COLUMN @extschema@.htx_target_progress.tolerance IS 'tolerance of an "about" target (htx_target_tolerance); NULL when none is set';
COMMENT ON COLUMN @extschema@.htx_target_progress.measured IS 'the measured value (kết quả), shares in percent; NULL when no data or not measurable';
COMMENT ON COLUMN @extschema@.htx_target_progress.met IS 'true when met (đạt), false when not (chưa đạt), NULL when it cannot be decided (see status)';
COMMENT ON COLUMN @extschema@.htx_target_progress.gap IS 'measured - required, in the target''s unit (negative: short of the target)';
COMMENT ON COLUMN @extschema@.htx_target_progress.status IS 'met, not met, no data, no number, no tolerance, not measurable';
COMMENT ON COLUMN @extschema@.htx_target_progress.deadline_year IS 'year by which the target is due';
COMMENT ON COLUMN @extschema@.htx_target_progress.clause IS 'where in the source the target comes from';
COMMENT ON COLUMN @extschema@.htx_target_progress.note IS 'how htx reads the target';

-- Ratings per level and year ------------------------------------------------------

CREATE VIEW @extschema@.htx_rating_trend AS
SELECT
	r.area_level,
	r.is_province_total,
	r.province_code,
	r.district_code,
	r.district_name,
	r.area_name,
	r.year,
	l.rating_code,
	@extschema@.htx_rating_label(l.rating_code::@extschema@.htx_rating, 'vi') AS rating,
	@extschema@.htx_rating_label(l.rating_code::@extschema@.htx_rating, 'en') AS rating_en,
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
FROM @extschema@.htx_district_year_report r
CROSS JOIN LATERAL (VALUES (4, r.good), (3, r.fair), (2, r.average), (1, r.weak), (0, r.not_rated)) AS l(rating_code, n)
WINDOW w AS (PARTITION BY r.area_level, r.province_code, r.district_code, l.rating_code ORDER BY r.year);

COMMENT ON VIEW @extschema@.htx_rating_trend IS
'kết quả xếp loại theo năm: cooperatives per rating level, year and district (and province rows), with shares and the change from the previous year';
COMMENT ON COLUMN @extschema@.htx_rating_trend.area_level IS 'district or province';
COMMENT ON COLUMN @extschema@.htx_rating_trend.is_province_total IS 'true on province rows';
COMMENT ON COLUMN @extschema@.htx_rating_trend.province_code IS 'GSO province code';
COMMENT ON COLUMN @extschema@.htx_rating_trend.district_code IS 'GSO district code; NULL on province rows';
COMMENT ON COLUMN @extschema@.htx_rating_trend.district_name IS 'district name; NULL on province rows';
COMMENT ON COLUMN @extschema@.htx_rating_trend.area_name IS 'district name, or "Toàn tỉnh"';
COMMENT ON COLUMN @extschema@.htx_rating_trend.year IS 'year evaluated';
COMMENT ON COLUMN @extschema@.htx_rating_trend.rating_code IS 'rating as a number for sorting: 4 tốt, 3 khá, 2 trung bình, 1 yếu, 0 không xếp loại';
COMMENT ON COLUMN @extschema@.htx_rating_trend.rating IS 'rating level in Vietnamese (mức xếp loại)';
COMMENT ON COLUMN @extschema@.htx_rating_trend.rating_en IS 'rating level in English';
COMMENT ON COLUMN @extschema@.htx_rating_trend.cooperatives IS 'cooperatives at this level';
COMMENT ON COLUMN @extschema@.htx_rating_trend.share_of_reported IS 'share of all cooperatives with a rating (the five levels), 0..1';
COMMENT ON COLUMN @extschema@.htx_rating_trend.share_of_rated IS 'share of rated cooperatives (không xếp loại excluded), 0..1; NULL for không xếp loại';
COMMENT ON COLUMN @extschema@.htx_rating_trend.prev_year_cooperatives IS 'cooperatives at this level the year before; NULL when that year has no row';
COMMENT ON COLUMN @extschema@.htx_rating_trend.change_from_prev_year IS 'cooperatives - prev_year_cooperatives';

-- Rows a province should fix ------------------------------------------------------

CREATE VIEW @extschema@.htx_data_quality AS
WITH yr AS (
	SELECT cy.*, c.name, c.registration_code, c.district_code, c.founded_on, c.dissolved_on,
		pg_catalog.make_date(cy.year, 1, 1) AS y_start, pg_catalog.make_date(cy.year, 12, 31) AS y_end
	FROM @extschema@.htx_cooperative_year cy
	JOIN @extschema@.htx_cooperative c ON c.cooperative_id OPERATOR(pg_catalog.=) cy.cooperative_id
),
span AS (
	SELECT pg_catalog.min(cy.year) AS first_year, pg_catalog.max(cy.year) AS last_year
	FROM @extschema@.htx_cooperative_year cy
),
issues AS (
	SELECT 'rating_missing'::pg_catalog.text AS check_code, 'error'::pg_catalog.text AS severity,
		yr.cooperative_id, yr.year, 'chưa có kết quả xếp loại'::pg_catalog.text AS issue_vi,
		'no rating reported for the year'::pg_catalog.text AS detail
	FROM yr WHERE yr.rating IS NULL
	UNION ALL
	SELECT 'score_rating_mismatch', 'error', yr.cooperative_id, yr.year, 'xếp loại không khớp với điểm',
		pg_catalog.format('score %s%s gives %s, the row says %s', yr.score,
			CASE WHEN yr.fined THEN ' (fined)' ELSE '' END,
			@extschema@.htx_rating_from_score(yr.score, COALESCE(yr.fined, false)), COALESCE(yr.rating::pg_catalog.text, 'nothing'))
	FROM yr WHERE yr.score IS NOT NULL
	  AND NOT (yr.rating IS NOT NULL AND
		yr.rating OPERATOR(@extschema@.=) @extschema@.htx_rating_from_score(yr.score, COALESCE(yr.fined, false)))
	UNION ALL
	SELECT 'year_after_dissolution', 'error', yr.cooperative_id, yr.year, 'có số liệu sau khi giải thể',
		pg_catalog.format('dissolved on %s', yr.dissolved_on)
	FROM yr WHERE yr.dissolved_on OPERATOR(pg_catalog.<) yr.y_start
	UNION ALL
	SELECT 'year_before_founding', 'error', yr.cooperative_id, yr.year, 'có số liệu trước khi thành lập',
		pg_catalog.format('founded on %s', yr.founded_on)
	FROM yr WHERE yr.founded_on OPERATOR(pg_catalog.>) yr.y_end
	UNION ALL
	SELECT 'district_not_valid', 'error', yr.cooperative_id, yr.year, 'đơn vị cấp huyện không còn tồn tại',
		pg_catalog.format('district %s existed %s .. %s; key later data by commune through an explicit crosswalk',
			d.district_code, COALESCE(d.valid_from::pg_catalog.text, '?'), COALESCE(d.valid_to::pg_catalog.text, '?'))
	FROM yr JOIN @extschema@.htx_district d ON d.district_code OPERATOR(pg_catalog.=) yr.district_code
	WHERE d.valid_to OPERATOR(pg_catalog.<) yr.y_start OR d.valid_from OPERATOR(pg_catalog.>) yr.y_end
	UNION ALL
	SELECT 'rated_under_12_months', 'warning', yr.cooperative_id, yr.year, 'HTX hoạt động chưa đủ 12 tháng nhưng được xếp loại',
		pg_catalog.format('founded on %s, rated %s; under 12 months in business it is không xếp loại', yr.founded_on, yr.rating)
	FROM yr WHERE yr.founded_on OPERATOR(pg_catalog.>) yr.y_start AND yr.founded_on OPERATOR(pg_catalog.<=) yr.y_end
	  AND @extschema@.htx_is_rated(yr.rating) AND yr.fined IS NOT TRUE
	UNION ALL
	SELECT 'not_rated_full_year', 'warning', yr.cooperative_id, yr.year, 'HTX hoạt động đủ năm nhưng không xếp loại',
		pg_catalog.format('founded on %s and active all year, yet không xếp loại (fine only if it stopped operating for a while)', yr.founded_on)
	FROM yr WHERE yr.founded_on OPERATOR(pg_catalog.<=) yr.y_start
	  AND (yr.dissolved_on IS NULL OR yr.dissolved_on OPERATOR(pg_catalog.>) yr.y_end)
	  AND yr.rating OPERATOR(@extschema@.=) 'not rated'::@extschema@.htx_rating
	UNION ALL
	SELECT 'revenue_missing', 'warning', yr.cooperative_id, yr.year, 'thiếu doanh thu',
		'rated, but no revenue reported'
	FROM yr WHERE yr.revenue_vnd IS NULL AND @extschema@.htx_is_rated(yr.rating)
	UNION ALL
	SELECT 'managers_missing', 'warning', yr.cooperative_id, yr.year, 'thiếu số cán bộ quản lý',
		pg_catalog.format('%s managers trained, but no managers reported', yr.managers_trained)
	FROM yr WHERE yr.managers IS NULL AND yr.managers_trained IS NOT NULL
	UNION ALL
	-- a cooperative that existed in a reporting year but has no row for it
	SELECT 'year_missing', 'error', c.cooperative_id, y.year, 'thiếu số liệu năm',
		pg_catalog.format('existed in %s (founded %s%s) but has no row for it', y.year, c.founded_on,
			CASE WHEN c.dissolved_on IS NULL THEN '' ELSE pg_catalog.format(', dissolved %s', c.dissolved_on) END)
	FROM @extschema@.htx_cooperative c
	CROSS JOIN span
	CROSS JOIN LATERAL pg_catalog.generate_series(span.first_year, span.last_year) AS y(year)
	WHERE c.founded_on OPERATOR(pg_catalog.<=) pg_catalog.make_date(y.year, 12, 31)
	  AND (c.dissolved_on IS NULL OR c.dissolved_on OPERATOR(pg_catalog.>) pg_catalog.make_date(y.year, 12, 31))
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.htx_cooperative_year cy
		WHERE cy.cooperative_id OPERATOR(pg_catalog.=) c.cooperative_id AND cy.year OPERATOR(pg_catalog.=) y.year)
	UNION ALL
	SELECT 'founded_on_missing', 'warning', c.cooperative_id, NULL::pg_catalog.int4, 'thiếu ngày thành lập',
		'no founding date: years before founding and missing years cannot be checked'
	FROM @extschema@.htx_cooperative c WHERE c.founded_on IS NULL
)
SELECT i.check_code, i.severity, i.cooperative_id, c.name AS cooperative_name, c.registration_code,
	c.district_code, d.name AS district_name, i.year, i.issue_vi, i.detail
FROM issues i
JOIN @extschema@.htx_cooperative c ON c.cooperative_id OPERATOR(pg_catalog.=) i.cooperative_id
LEFT JOIN @extschema@.htx_district d ON d.district_code OPERATOR(pg_catalog.=) c.district_code;

COMMENT ON VIEW @extschema@.htx_data_quality IS
'số liệu cần rà soát: rows a province should fix, one per problem: missing ratings or years, ratings that disagree with the score, years before founding or after dissolution, districts that no longer existed, ratings that disagree with the time in business, missing figures';
COMMENT ON COLUMN @extschema@.htx_data_quality.check_code IS 'rating_missing, score_rating_mismatch, year_after_dissolution, year_before_founding, district_not_valid, year_missing (errors); rated_under_12_months, not_rated_full_year, revenue_missing, managers_missing, founded_on_missing (warnings)';
COMMENT ON COLUMN @extschema@.htx_data_quality.severity IS 'error (the report is wrong until fixed) or warning (worth a look)';
COMMENT ON COLUMN @extschema@.htx_data_quality.cooperative_id IS 'the cooperative';
COMMENT ON COLUMN @extschema@.htx_data_quality.cooperative_name IS 'its name';
COMMENT ON COLUMN @extschema@.htx_data_quality.registration_code IS 'its registration code';
COMMENT ON COLUMN @extschema@.htx_data_quality.district_code IS 'its district';
COMMENT ON COLUMN @extschema@.htx_data_quality.district_name IS 'its district''s name';
COMMENT ON COLUMN @extschema@.htx_data_quality.year IS 'the year concerned; NULL for problems of the cooperative itself';
COMMENT ON COLUMN @extschema@.htx_data_quality.issue_vi IS 'the problem in Vietnamese';
COMMENT ON COLUMN @extschema@.htx_data_quality.detail IS 'the problem in English, with the values involved';
