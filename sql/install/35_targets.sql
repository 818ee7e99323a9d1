-- ---------------------------------------------------------------------------
-- Plans and their quantified targets, and htx_check_targets
-- ---------------------------------------------------------------------------

CREATE TABLE @extschema@.htx_plan (
	plan_code pg_catalog.text PRIMARY KEY,
	title_vi pg_catalog.text NOT NULL,
	title_en pg_catalog.text NOT NULL,
	issued_by pg_catalog.text NOT NULL,
	issued_on pg_catalog.date,
	builtin pg_catalog.bool NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.htx_plan IS 'plans whose targets htx evaluates; rows a province adds survive pg_dump';
COMMENT ON COLUMN @extschema@.htx_plan.plan_code IS 'short stable code, e.g. TN-42/KH-UBND';
COMMENT ON COLUMN @extschema@.htx_plan.title_vi IS 'title in Vietnamese, as issued';
COMMENT ON COLUMN @extschema@.htx_plan.title_en IS 'title in English';
COMMENT ON COLUMN @extschema@.htx_plan.issued_by IS 'issuing body';
COMMENT ON COLUMN @extschema@.htx_plan.issued_on IS 'date of issue';
COMMENT ON COLUMN @extschema@.htx_plan.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.htx_target (
	plan_code pg_catalog.text NOT NULL REFERENCES @extschema@.htx_plan ON UPDATE CASCADE,
	target_code pg_catalog.text NOT NULL,
	scope pg_catalog.text NOT NULL
		CONSTRAINT htx_target_scope_known CHECK (scope IN ('national', 'province', 'district')),
	sort_order pg_catalog.int4 NOT NULL DEFAULT 0,
	indicator_vi pg_catalog.text NOT NULL,
	indicator_en pg_catalog.text NOT NULL,
	comparator pg_catalog.text NOT NULL
		CONSTRAINT htx_target_comparator_known CHECK (comparator IN ('>=', '>', 'about', 'none')),
	required pg_catalog.numeric,
	tolerance pg_catalog.numeric
		CONSTRAINT htx_target_tolerance_only_about CHECK (tolerance IS NULL OR (comparator = 'about' AND tolerance >= 0)),
	unit pg_catalog.text
		CONSTRAINT htx_target_unit_known CHECK (unit IN ('percent', 'count', 'vnd_per_year')),
	measure pg_catalog.text
		CONSTRAINT htx_target_measure_known CHECK (measure IN ('good_fair_share', 'model_count',
			'avg_revenue_vnd', 'tech_share', 'tech_count', 'members_total', 'managers_trained_share')),
	deadline_year pg_catalog.int4,
	clause pg_catalog.text NOT NULL,
	note pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	PRIMARY KEY (plan_code, target_code, scope),
	CONSTRAINT htx_target_number_iff_comparator CHECK ((comparator = 'none') = (required IS NULL))
);
COMMENT ON TABLE @extschema@.htx_target IS 'quantified (and unquantified) targets of each plan, as worded in the source; rows a province adds survive pg_dump';
COMMENT ON COLUMN @extschema@.htx_target.plan_code IS 'the plan (htx_plan)';
COMMENT ON COLUMN @extschema@.htx_target.target_code IS 'short code of the target within its plan';
COMMENT ON COLUMN @extschema@.htx_target.scope IS 'level the target is evaluated at: national, province or district';
COMMENT ON COLUMN @extschema@.htx_target.sort_order IS 'order in reports (the order of the source)';
COMMENT ON COLUMN @extschema@.htx_target.indicator_vi IS 'the indicator in Vietnamese, as the source words it';
COMMENT ON COLUMN @extschema@.htx_target.indicator_en IS 'the indicator in English';
COMMENT ON COLUMN @extschema@.htx_target.comparator IS '>= ("từ ... trở lên", "ít nhất"), > ("trên"), about ("khoảng": met within tolerance), none (no number)';
COMMENT ON COLUMN @extschema@.htx_target.required IS 'the number the source gives; NULL when it gives none';
COMMENT ON COLUMN @extschema@.htx_target.tolerance IS 'for "about" targets: how far below required still counts as met; the sources give none, so it ships NULL (see htx_target_tolerance)';
COMMENT ON COLUMN @extschema@.htx_target.unit IS 'percent, count or vnd_per_year';
COMMENT ON COLUMN @extschema@.htx_target.measure IS 'the htx_evaluation field that measures it (shares as percent); NULL when htx cannot measure it';
COMMENT ON COLUMN @extschema@.htx_target.deadline_year IS 'year by which the target is due';
COMMENT ON COLUMN @extschema@.htx_target.clause IS 'where in the source the target comes from';
COMMENT ON COLUMN @extschema@.htx_target.note IS 'how htx reads the target where the source leaves room';
COMMENT ON COLUMN @extschema@.htx_target.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.htx_target_tolerance (
	plan_code pg_catalog.text NOT NULL,
	target_code pg_catalog.text NOT NULL,
	scope pg_catalog.text NOT NULL,
	tolerance pg_catalog.numeric NOT NULL CONSTRAINT htx_target_tolerance_nonnegative CHECK (tolerance >= 0),
	PRIMARY KEY (plan_code, target_code, scope),
	FOREIGN KEY (plan_code, target_code, scope) REFERENCES @extschema@.htx_target ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.htx_target_tolerance IS 'a province''s tolerance for "about" targets (e.g. "khoảng 30%"); kept apart from the shipped targets so it survives pg_dump';
COMMENT ON COLUMN @extschema@.htx_target_tolerance.plan_code IS 'the plan';
COMMENT ON COLUMN @extschema@.htx_target_tolerance.target_code IS 'the target';
COMMENT ON COLUMN @extschema@.htx_target_tolerance.scope IS 'the scope of the target';
COMMENT ON COLUMN @extschema@.htx_target_tolerance.tolerance IS 'in the target''s unit: met when measured >= required - tolerance';

SELECT pg_catalog.pg_extension_config_dump('htx_plan', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('htx_target', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('htx_target_tolerance', '');

INSERT INTO @extschema@.htx_plan (plan_code, title_vi, title_en, issued_by, issued_on, builtin) VALUES
('TN-42/KH-UBND',
 'Kế hoạch phát triển hợp tác xã nông nghiệp trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới trên địa bàn tỉnh Thái Nguyên',
 'Plan for developing agricultural cooperatives in restructuring agriculture and building new rural areas in Thái Nguyên province',
 'Ủy ban nhân dân tỉnh Thái Nguyên', '2024-03-14', true),
('NQ-106/NQ-CP',
 'Nghị quyết về phát triển hợp tác xã nông nghiệp trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới',
 'Government Resolution on developing agricultural cooperatives in restructuring agriculture and building new rural areas',
 'Chính phủ', '2023-07-18', true);

-- Plan 42/KH-UBND, section II.2 (targets to 2025), and III.2 (a model per
-- district).  Province-wide targets are repeated at district scope as
-- benchmarks, and say so in their note.
INSERT INTO @extschema@.htx_target (plan_code, target_code, scope, sort_order, indicator_vi, indicator_en,
	comparator, required, unit, measure, deadline_year, clause, note, builtin)
SELECT 'TN-42/KH-UBND', t.code, s.scope, t.ord, t.vi, t.en, t.cmp, t.req, t.unit, t.measure, 2025, t.clause,
	CASE WHEN s.scope = 'district' AND t.code <> 'MODEL_PER_DISTRICT'
		THEN pg_catalog.concat_ws(' ', t.note, 'The plan sets this target for the province; at district scope it is a benchmark.')
		ELSE t.note END,
	true
FROM (VALUES
	(1, 'GOOD_FAIR_60',
	 'Số lượng HTX NN trên địa bàn tỉnh hoạt động đạt loại tốt, khá chiếm từ 60% trở lên',
	 'Agricultural cooperatives rated good or fair: 60% or more',
	 '>=', 60::pg_catalog.numeric, 'percent', 'good_fair_share', 'II.2, first item',
	 'Share of rated cooperatives (không xếp loại excluded), as Circular 09/2017 reports count them.'),
	(2, 'MODEL_9',
	 'Xây dựng ít nhất 09 mô hình HTX NN phát triển bền vững, hoạt động hiệu quả',
	 'At least 9 model cooperatives, sustainable and effective',
	 '>=', 9, 'count', 'model_count', 'II.2, second item', NULL),
	(3, 'AVG_REVENUE_5BN',
	 'Doanh thu bình quân/HTX NN đạt từ 05 tỷ đồng/năm trở lên',
	 'Average revenue per cooperative: 5 billion VND a year or more',
	 '>=', 5000000000, 'vnd_per_year', 'avg_revenue_vnd', 'II.2, second item',
	 'The sentence follows the model cooperatives (Resolution 106/NQ-CP ties the 5 billion average to them); htx measures the average over every cooperative in the group that reported revenue.'),
	(4, 'TECH_25',
	 'Có trên 25% HTX NN ứng dụng tiến bộ khoa học kỹ thuật, máy móc công nghệ cao trong sản xuất',
	 'More than 25% of cooperatives apply technical progress and high-tech machinery in production',
	 '>', 25, 'percent', 'tech_share', 'II.2, third item', 'Strictly more than 25% ("trên 25%").'),
	(5, 'MEMBERS_GROWTH',
	 'Mở rộng số lượng thành viên, quy mô kinh doanh',
	 'Expand membership and business scale',
	 'none', NULL, NULL, 'members_total', 'II.2, fourth item',
	 'The plan gives no number: measured shows the members total for reference.'),
	(6, 'MANAGERS_TRAINED_30',
	 'Có khoảng 30% cán bộ quản lý HTX NN được đào tạo nghề giám đốc HTX NN',
	 'About 30% of cooperative managers trained in the cooperative director programme',
	 'about', 30, 'percent', 'managers_trained_share', 'II.2, fifth item',
	 '"Khoảng" (about): the plan gives no tolerance; set one in htx_target_tolerance to evaluate.'),
	(7, 'EXTENSION_NETWORK',
	 'Hình thành mạng lưới khuyến nông, tổ khuyến nông cộng đồng',
	 'Form an agricultural extension network and community extension groups',
	 'none', NULL, NULL, NULL, 'II.2, sixth item', 'The plan gives no number and htx has no measure for it.'),
	(8, 'MODEL_PER_DISTRICT',
	 'Mỗi huyện, thành phố lựa chọn, xây dựng tối thiểu 01 mô hình hợp tác xã nông nghiệp',
	 'Every district-level unit selects and builds at least 1 model cooperative',
	 '>=', 1, 'count', 'model_count', 'III.2', 'District-level units ended on 2025-07-01.')
) AS t(ord, code, vi, en, cmp, req, unit, measure, clause, note)
CROSS JOIN (VALUES ('province'), ('district')) AS s(scope)
WHERE (s.scope = 'district' AND t.code NOT IN ('MODEL_9', 'EXTENSION_NETWORK', 'MEMBERS_GROWTH'))
   OR (s.scope = 'province' AND t.code <> 'MODEL_PER_DISTRICT');

-- Resolution 106/NQ-CP, national targets to 2025 (as summarised in the
-- project's DOMAIN.md; the resolution's own text is not shipped, so the
-- Vietnamese indicators are short paraphrases).
INSERT INTO @extschema@.htx_target (plan_code, target_code, scope, sort_order, indicator_vi, indicator_en,
	comparator, required, unit, measure, deadline_year, clause, note, builtin)
VALUES
('NQ-106/NQ-CP', 'GOOD_FAIR_60', 'national', 1,
 'Từ 60% HTX NN trở lên đạt loại tốt, khá', 'Agricultural cooperatives rated good or fair: 60% or more',
 '>=', 60, 'percent', 'good_fair_share', 2025, 'Mục tiêu đến năm 2025', 'Paraphrased.', true),
('NQ-106/NQ-CP', 'MODEL_300', 'national', 2,
 'Ít nhất 300 mô hình HTX NN hiệu quả', 'At least 300 model cooperatives nationally',
 '>=', 300, 'count', 'model_count', 2025, 'Mục tiêu đến năm 2025', 'Paraphrased.', true),
('NQ-106/NQ-CP', 'MODEL_5_PER_PROVINCE', 'province', 3,
 'Mỗi tỉnh xây dựng ít nhất 05 mô hình HTX NN', 'Each province builds at least 5 model cooperatives',
 '>=', 5, 'count', 'model_count', 2025, 'Mục tiêu đến năm 2025', 'Paraphrased.', true),
('NQ-106/NQ-CP', 'AVG_REVENUE_5BN', 'national', 4,
 'Doanh thu bình quân của mô hình HTX NN từ 05 tỷ đồng/năm trở lên', 'Model cooperatives average 5 billion VND revenue a year or more',
 '>=', 5000000000, 'vnd_per_year', 'avg_revenue_vnd', 2025, 'Mục tiêu đến năm 2025',
 'Paraphrased. The resolution sets it for the model cooperatives; filter the group to them (is_model) to measure it as worded.', true),
('NQ-106/NQ-CP', 'TECH_3000', 'national', 5,
 'Trên 3.000 HTX NN ứng dụng công nghệ cao, thực hành nông nghiệp tốt, kinh tế xanh, tuần hoàn',
 'More than 3,000 cooperatives applying high technology, GAP, green or circular practices',
 '>', 3000, 'count', 'tech_count', 2025, 'Mục tiêu đến năm 2025', 'Paraphrased.', true),
('NQ-106/NQ-CP', 'MANAGERS_TRAINED_30', 'national', 6,
 'Khoảng 30% cán bộ quản lý HTX NN được đào tạo', 'About 30% of cooperative managers trained',
 'about', 30, 'percent', 'managers_trained_share', 2025, 'Mục tiêu đến năm 2025',
 'Paraphrased. "About": set a tolerance in htx_target_tolerance to evaluate.', true),
('NQ-106/NQ-CP', 'HOUSEHOLDS_MEMBERS_40', 'national', 7,
 'Khoảng 40-45% hộ nông dân là thành viên HTX NN', 'About 40-45% of farm households are cooperative members',
 '>=', 40, 'percent', NULL, 2025, 'Mục tiêu đến năm 2025',
 'Paraphrased; the range is 40-45%. Farm households are not in htx_evaluation, so htx cannot measure it.', true),
('NQ-106/NQ-CP', 'BUSINESS_LINKS_30', 'national', 8,
 'Khoảng 30% HTX NN liên kết với doanh nghiệp', 'About 30% of cooperatives linked with businesses',
 'about', 30, 'percent', NULL, 2025, 'Mục tiêu đến năm 2025',
 'Paraphrased. Business links are not in htx_evaluation, so htx cannot measure it.', true);

-- How a target is measured and decided: pure functions, shared by
-- htx_check_targets and the htx_target_progress view (which a BI role reads
-- without rights on the tables, so the logic must not read any).

CREATE FUNCTION @extschema@.htx_target_measured(e @extschema@.htx_evaluation, measure pg_catalog.text)
RETURNS pg_catalog.numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN measure OPERATOR(pg_catalog.=) 'good_fair_share' THEN (e).good_fair_share::pg_catalog.numeric OPERATOR(pg_catalog.*) 100
	WHEN measure OPERATOR(pg_catalog.=) 'tech_share' THEN (e).tech_share::pg_catalog.numeric OPERATOR(pg_catalog.*) 100
	WHEN measure OPERATOR(pg_catalog.=) 'managers_trained_share' THEN (e).managers_trained_share::pg_catalog.numeric OPERATOR(pg_catalog.*) 100
	WHEN measure OPERATOR(pg_catalog.=) 'model_count' THEN (e).model_count::pg_catalog.numeric
	WHEN measure OPERATOR(pg_catalog.=) 'tech_count' THEN (e).tech_count::pg_catalog.numeric
	WHEN measure OPERATOR(pg_catalog.=) 'avg_revenue_vnd' THEN (e).avg_revenue_vnd
	WHEN measure OPERATOR(pg_catalog.=) 'members_total' THEN (e).members_total::pg_catalog.numeric
END;
COMMENT ON FUNCTION @extschema@.htx_target_measured(@extschema@.htx_evaluation, pg_catalog.text) IS
'the value of a target measure (htx_target.measure) in an evaluation, shares in percent; NULL for an unknown measure or missing data';

CREATE FUNCTION @extschema@.htx_target_met(measured pg_catalog.numeric, comparator pg_catalog.text,
		required pg_catalog.numeric, tolerance pg_catalog.numeric)
RETURNS pg_catalog.bool
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN measured IS NULL OR comparator OPERATOR(pg_catalog.=) 'none' THEN NULL
	WHEN comparator OPERATOR(pg_catalog.=) '>=' THEN measured OPERATOR(pg_catalog.>=) required
	WHEN comparator OPERATOR(pg_catalog.=) '>' THEN measured OPERATOR(pg_catalog.>) required
	WHEN comparator OPERATOR(pg_catalog.=) 'about' AND tolerance IS NOT NULL
		THEN measured OPERATOR(pg_catalog.>=) (required OPERATOR(pg_catalog.-) tolerance)
END;
COMMENT ON FUNCTION @extschema@.htx_target_met(pg_catalog.numeric, pg_catalog.text, pg_catalog.numeric, pg_catalog.numeric) IS
'whether a measured value meets a target: >= and > as worded, about when within tolerance below required; NULL when it cannot be decided (no value, no number, no tolerance)';

-- htx_check_targets ------------------------------------------------------------

CREATE FUNCTION @extschema@.htx_check_targets(e @extschema@.htx_evaluation,
		plan pg_catalog.text DEFAULT 'TN-42/KH-UBND', scope pg_catalog.text DEFAULT 'province')
RETURNS TABLE (target_code pg_catalog.text, indicator pg_catalog.text, comparator pg_catalog.text,
	required pg_catalog.numeric, measured pg_catalog.numeric, met pg_catalog.bool, gap pg_catalog.numeric,
	unit pg_catalog.text, note pg_catalog.text, clause pg_catalog.text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
BEGIN
	IF plan IS NULL OR NOT EXISTS (SELECT 1 FROM htx_plan p WHERE p.plan_code = plan) THEN
		RAISE EXCEPTION 'unknown plan "%"', plan
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Known plans: ' || (SELECT string_agg(p.plan_code, ', ' ORDER BY p.plan_code) FROM htx_plan p) || '.';
	END IF;
	IF scope IS NULL OR scope NOT IN ('national', 'province', 'district') THEN
		RAISE EXCEPTION 'unknown target scope "%"', scope
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use national, province or district.';
	END IF;

	RETURN QUERY
	WITH m AS (
		SELECT t.*,
			COALESCE(o.tolerance, t.tolerance) AS tol,
			htx_target_measured(e, t.measure) AS val
		FROM htx_target t
		LEFT JOIN htx_target_tolerance o USING (plan_code, target_code, scope)
		WHERE t.plan_code = plan AND t.scope = htx_check_targets.scope
	)
	SELECT m.target_code, m.indicator_vi, m.comparator, m.required, m.val,
		htx_target_met(m.val, m.comparator, m.required, m.tol),
		m.val - m.required,
		m.unit,
		concat_ws(' ',
			CASE
				WHEN m.measure IS NULL THEN 'Not measurable from htx_evaluation.'
				WHEN m.val IS NULL THEN 'No data: no row in the group reports this measure.'
				WHEN m.comparator = 'none' THEN 'No number to meet.'
				WHEN m.comparator = 'about' AND m.tol IS NULL THEN 'No tolerance set for "about".'
			END,
			m.note),
		m.clause
	FROM m
	ORDER BY m.sort_order, m.target_code;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_check_targets(@extschema@.htx_evaluation, pg_catalog.text, pg_catalog.text) IS
'each target of a plan at a scope (national, province, district) against an htx_evaluate result: required, measured (shares in percent), met (NULL when it cannot be decided, with the reason in note), gap = measured - required';
