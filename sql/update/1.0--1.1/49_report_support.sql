-- ---------------------------------------------------------------------------
-- What the report views need to read the yearly rows once (issues 9 and 12)
-- ---------------------------------------------------------------------------
--
-- The warehouse's report views (htx_district_year_report, htx_territory_year_
-- report and the views that read them) evaluate the plan by former district,
-- former province, merged province and new commune.  1.0's views scanned the
-- rows once per level and looked up a size class and a district kind per row;
-- on a national warehouse they cost several times htx_evaluate itself.  From
-- 1.1 they roll up one pass: htx_year_summary (a warehouse view) keeps, per
-- year and location, the transition state of htx_evaluate, and the reports
-- combine those states with htx_evaluate_merge.  That is also how Citus runs
-- an aggregate (partial states on the workers, combined on the coordinator),
-- and it gives the same answers as htx_evaluate over the rows, to the last
-- digit: the state holds counts and exact sums.

CREATE AGGREGATE @extschema@.htx_evaluate_state(rating @extschema@.htx_rating, revenue_vnd pg_catalog.int8,
		members pg_catalog.int4, applies_tech pg_catalog.bool, managers pg_catalog.int4,
		managers_trained pg_catalog.int4, is_model pg_catalog.bool) (
	SFUNC = @extschema@.htx_evaluate_accum,
	STYPE = @extschema@.htx_evaluation_state,
	INITCOND = 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	COMBINEFUNC = @extschema@.htx_evaluation_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.htx_evaluate_state(@extschema@.htx_rating, pg_catalog.int8, pg_catalog.int4,
	pg_catalog.bool, pg_catalog.int4, pg_catalog.int4, pg_catalog.bool) IS
'htx_evaluate without its last step: the transition state (counts and exact sums) of a group of cooperative-years, to be combined with other groups'' by htx_evaluate_merge; htx_evaluate_merge(htx_evaluate_state(...)) over groups equals htx_evaluate(...) over their rows';

CREATE AGGREGATE @extschema@.htx_evaluate_merge(@extschema@.htx_evaluation_state) (
	SFUNC = @extschema@.htx_evaluation_state_combine,
	STYPE = @extschema@.htx_evaluation_state,
	INITCOND = 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	FINALFUNC = @extschema@.htx_evaluate_final,
	COMBINEFUNC = @extschema@.htx_evaluation_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.htx_evaluate_merge(@extschema@.htx_evaluation_state) IS
'combines states of htx_evaluate_state (NULL states are skipped) and evaluates them as htx_evaluate would the rows behind them: roll a summary per district up to the province without reading the rows again';

-- Where each commune-level unit lies among the former districts: the unit
-- part of htx_cooperative_year_located's attribution, for every unit (a few
-- hundred rows), so that a report locates a group of rows, not each row.
CREATE VIEW @extschema@.htx_commune_former_district AS
WITH dist AS (
	SELECT d1.district_code, d1.name, d1.province_code FROM @extschema@.htx_district d1
	UNION ALL
	SELECT d2.district_code, d2.name, d2.province_code FROM @extschema@.htx_district_other d2
),
parts AS (
	-- each unit formed by a reorganisation: the former districts of its old units
	SELECT s.new_code, s.new_valid_from,
		pg_catalog.array_agg(DISTINCT o.district_code ORDER BY o.district_code) AS districts
	FROM @extschema@.htx_commune_succession s
	JOIN @extschema@.htx_commune o ON o.commune_code OPERATOR(pg_catalog.=) s.old_code
		AND o.valid_from OPERATOR(pg_catalog.=) s.old_valid_from
	WHERE o.district_code IS NOT NULL
	GROUP BY s.new_code, s.new_valid_from
),
cand AS (
	-- the province of a new unit's former districts when they all lie in one
	SELECT p.new_code, p.new_valid_from,
		CASE WHEN pg_catalog.count(DISTINCT x.province_code) OPERATOR(pg_catalog.=) 1 THEN pg_catalog.min(x.province_code) END AS province_code,
		pg_catalog.string_agg(x.district_code OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) x.name, ', ' ORDER BY x.district_code) AS candidates
	FROM parts p
	CROSS JOIN LATERAL pg_catalog.unnest(p.districts) AS u(district_code)
	JOIN dist x ON x.district_code OPERATOR(pg_catalog.=) u.district_code
	GROUP BY p.new_code, p.new_valid_from
)
SELECT cm.commune_code,
	cm.valid_from,
	cm.valid_to,
	cm.kind,
	cm.name,
	pg_catalog.upper(pg_catalog.left(cm.kind, 1)) OPERATOR(pg_catalog.||) pg_catalog.substr(cm.kind, 2)
		OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) cm.name AS full_name,
	(cm.district_code IS NULL) AS is_new,
	COALESCE(cm.district_code, CASE WHEN pg_catalog.cardinality(p.districts) OPERATOR(pg_catalog.=) 1 THEN p.districts[1] END) AS former_district_code,
	(CASE WHEN cm.district_code IS NOT NULL THEN 'old commune'
		WHEN pg_catalog.cardinality(p.districts) OPERATOR(pg_catalog.=) 1 THEN 'crosswalk' END)::pg_catalog.text AS located_by,
	-- three conditions the planner can estimate (a COALESCE it cannot: it
	-- expected half the units to straddle, and htx_year_summary's straddling
	-- branch to read half the rows one by one); never NULL
	(cm.district_code IS NULL AND p.districts IS NOT NULL
		AND pg_catalog.cardinality(p.districts) OPERATOR(pg_catalog.>) 1) AS straddles,
	p.districts AS candidate_district_codes,
	CASE WHEN pg_catalog.cardinality(p.districts) OPERATOR(pg_catalog.>) 1 THEN c.candidates END AS candidate_districts,
	COALESCE(d.province_code, c.province_code) AS former_province_code
FROM @extschema@.htx_commune cm
LEFT JOIN parts p ON cm.district_code IS NULL AND p.new_code OPERATOR(pg_catalog.=) cm.commune_code
	AND p.new_valid_from OPERATOR(pg_catalog.=) cm.valid_from
LEFT JOIN cand c ON c.new_code OPERATOR(pg_catalog.=) p.new_code AND c.new_valid_from OPERATOR(pg_catalog.=) p.new_valid_from
LEFT JOIN dist d ON d.district_code OPERATOR(pg_catalog.=)
	COALESCE(cm.district_code, CASE WHEN pg_catalog.cardinality(p.districts) OPERATOR(pg_catalog.=) 1 THEN p.districts[1] END);
COMMENT ON VIEW @extschema@.htx_commune_former_district IS
'where each commune-level unit (a code on a date) lies among the former districts: an old unit in its own district, a new unit formed from one former district in that one (the crosswalk), a new unit that straddles several in none (its rows are located by the cooperative''s earlier row or registered district: htx_cooperative_year_located)';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.commune_code IS 'GSO code of the unit';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.valid_from IS 'first day of the unit (with the code, its key in htx_commune)';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.valid_to IS 'last day of the unit; NULL while it exists';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.kind IS 'xã, phường or thị trấn';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.name IS 'name without its kind';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.full_name IS 'kind and name, e.g. Xã Đại Phúc';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.is_new IS 'true for a unit directly under the province (formed by the 2025-07-01 reorganisation)';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.former_district_code IS 'the former district the whole unit lies in; NULL for a new unit that straddles several';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.located_by IS 'old commune (its own district) or crosswalk (a new unit formed from one former district); NULL when it straddles';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.straddles IS 'true for a new unit formed from units of several former districts';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.candidate_district_codes IS 'for a new unit: the codes of the former districts of the units it was formed from';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.candidate_districts IS 'for a straddling unit: those districts, code and name';
COMMENT ON COLUMN @extschema@.htx_commune_former_district.former_province_code IS 'the former province (19 Thái Nguyên cũ, 06 Bắc Kạn cũ): its district''s, or the one all its candidate districts lie in';

-- Plan 42 is judged on its own territory --------------------------------------
--
-- A plan of a province is judged on that province as it was when the plan was
-- made: Plan 42 on Thái Nguyên cũ (19 until 2025-06-30) and its districts,
-- not on Bắc Kạn cũ, whose rows the merged province's warehouse also holds.
-- htx_target_progress compares a plan's targets only with report rows of its
-- province; a plan without one (a national one, or a province's own plan
-- that leaves it open) is compared with every row of its scope, as in 1.0.
ALTER TABLE @extschema@.htx_plan ADD COLUMN province_code pg_catalog.text
	CONSTRAINT htx_plan_province_code_is_two_digits CHECK (province_code OPERATOR(pg_catalog.~) '^[0-9]{2}$');
COMMENT ON COLUMN @extschema@.htx_plan.province_code IS
'GSO code of the province whose territory the plan is judged on, as the province was when the plan was made (TN-42/KH-UBND: 19, Thái Nguyên cũ); NULL: every area of the target''s scope (national plans); added in 1.1';
UPDATE @extschema@.htx_plan SET province_code = '19'
WHERE builtin AND plan_code OPERATOR(pg_catalog.=) 'TN-42/KH-UBND';

-- Cooperatives per size class (Decree 113/2024/NĐ-CP) in one call per row:
-- the size class as htx_size_class decides it, counted.
CREATE FUNCTION @extschema@.htx_size_tally_accum(pg_catalog.int8[], pg_catalog.int4, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8[])
RETURNS pg_catalog.int8[]
AS 'MODULE_PATHNAME', 'htx_size_tally_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_size_tally_accum(pg_catalog.int8[], pg_catalog.int4, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8[]) IS
'transition function of htx_size_tally (only callable as an aggregate)';
CREATE FUNCTION @extschema@.htx_size_tally_combine(pg_catalog.int8[], pg_catalog.int8[])
RETURNS pg_catalog.int8[]
AS 'MODULE_PATHNAME', 'htx_size_tally_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_size_tally_combine(pg_catalog.int8[], pg_catalog.int8[]) IS
'combine function of htx_size_tally (only callable as an aggregate)';
CREATE AGGREGATE @extschema@.htx_size_tally(members pg_catalog.int4, revenue_vnd pg_catalog.int8,
		capital_vnd pg_catalog.int8, thresholds pg_catalog.int8[]) (
	SFUNC = @extschema@.htx_size_tally_accum,
	STYPE = pg_catalog.int8[],
	COMBINEFUNC = @extschema@.htx_size_tally_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.htx_size_tally(pg_catalog.int4, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8[]) IS
'rows per size class of Decree 113/2024/NĐ-CP as bigint[5]: siêu nhỏ, nhỏ, vừa, lớn, undecided (the figures that would decide are missing), each row in the largest class whose thresholds it reaches (members at least the minimum and revenue or capital at least theirs), as htx_size_class; thresholds: bigint[9], the minimum members, revenue and capital of lớn, vừa and nhỏ; NULL over no rows';

-- Everything htx_year_summary keeps of a group of yearly rows, in one call
-- per row: htx_evaluate_state of the rows and of the model cooperatives'
-- rows, the size classes (as htx_size_tally), the counts of young members,
-- fines, certificates and OCOP products, and the scores' count and sum.  As a dozen aggregates that
-- was a dozen transition calls per row, more than htx_evaluate itself costs.
-- The state is a bigint array (src/tally.c gives its layout), combined by
-- adding, so parallel and Citus workers compute it in parts.
CREATE FUNCTION @extschema@.htx_year_tally_accum(pg_catalog.int8[], @extschema@.htx_rating, pg_catalog.int8,
	pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.int4, pg_catalog.bool, pg_catalog.int8,
	pg_catalog.int4, pg_catalog.bool, pg_catalog.bool, pg_catalog.bool, pg_catalog.bool, pg_catalog.int4,
	pg_catalog.numeric, pg_catalog.int8[])
RETURNS pg_catalog.int8[]
AS 'MODULE_PATHNAME', 'htx_year_tally_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_year_tally_accum(pg_catalog.int8[], @extschema@.htx_rating, pg_catalog.int8,
	pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.int4, pg_catalog.bool, pg_catalog.int8,
	pg_catalog.int4, pg_catalog.bool, pg_catalog.bool, pg_catalog.bool, pg_catalog.bool, pg_catalog.int4,
	pg_catalog.numeric, pg_catalog.int8[]) IS
'transition function of htx_year_tally (only callable as an aggregate)';
CREATE FUNCTION @extschema@.htx_year_tally_combine(pg_catalog.int8[], pg_catalog.int8[])
RETURNS pg_catalog.int8[]
AS 'MODULE_PATHNAME', 'htx_year_tally_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_year_tally_combine(pg_catalog.int8[], pg_catalog.int8[]) IS
'combine function of htx_year_tally (only callable as an aggregate)';
CREATE AGGREGATE @extschema@.htx_year_tally(rating @extschema@.htx_rating, revenue_vnd pg_catalog.int8,
		members pg_catalog.int4, applies_tech pg_catalog.bool, managers pg_catalog.int4,
		managers_trained pg_catalog.int4, is_model pg_catalog.bool, capital_vnd pg_catalog.int8,
		young_members pg_catalog.int4, fined pg_catalog.bool, vietgap_certified pg_catalog.bool,
		globalgap_certified pg_catalog.bool, organic_certified pg_catalog.bool, ocop_stars pg_catalog.int4,
		score pg_catalog.numeric, size_thresholds pg_catalog.int8[]) (
	SFUNC = @extschema@.htx_year_tally_accum,
	STYPE = pg_catalog.int8[],
	COMBINEFUNC = @extschema@.htx_year_tally_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.htx_year_tally(@extschema@.htx_rating, pg_catalog.int8, pg_catalog.int4,
	pg_catalog.bool, pg_catalog.int4, pg_catalog.int4, pg_catalog.bool, pg_catalog.int8, pg_catalog.int4,
	pg_catalog.bool, pg_catalog.bool, pg_catalog.bool, pg_catalog.bool, pg_catalog.int4, pg_catalog.numeric, pg_catalog.int8[]) IS
'what htx_year_summary keeps of a group of yearly rows, in one call per row, as bigint[54]: [1:20] htx_evaluate_state''s counters over the rows, [21:40] over the rows with is_model true (read both with htx_year_tally_evaluation), [41:45] rows per size class as htx_size_tally (siêu nhỏ, nhỏ, vừa, lớn, undecided; size_thresholds as htx_size_tally takes them), [46] rows reporting young_members, [47] their sum, [48] rows fined, [49] VietGAP, [50] GlobalGAP, [51] organic certified, [52] rows with ocop_stars, [53] rows reporting a score, [54] their sum in hundredths of a point (a score must be finite with at most two decimals: 22023); NULL over no rows';
CREATE FUNCTION @extschema@.htx_year_tally_evaluation(tally pg_catalog.int8[], models pg_catalog.bool)
RETURNS @extschema@.htx_evaluation_state
AS 'MODULE_PATHNAME', 'htx_year_tally_evaluation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_year_tally_evaluation(pg_catalog.int8[], pg_catalog.bool) IS
'the htx_evaluate_state of an htx_year_tally: of all its rows (models false) or of the rows with is_model true (models true), checked as htx_evaluation_state''s input checks a state';

-- The checks of htx_data_quality that need only a yearly row and its
-- cooperative's dates, in one call per row (src/checks.c): written as SQL
-- they were a dozen conditions per row, with make_date and htx_is_rated
-- calls, compiled by JIT into every parallel worker (the one call takes
-- 140-200 ms off the view's 2.4 s at 300,000 cooperatives).  The view calls
-- it for every row and keeps those it gives a code for.
CREATE FUNCTION @extschema@.htx_year_row_checks(year pg_catalog.int4, rating @extschema@.htx_rating,
	score pg_catalog.numeric, fined pg_catalog.bool, revenue_vnd pg_catalog.int8, managers pg_catalog.int4,
	managers_trained pg_catalog.int4, founded_on pg_catalog.date, dissolved_on pg_catalog.date,
	this_year pg_catalog.int4, check_score pg_catalog.bool)
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'htx_year_row_checks'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_year_row_checks(pg_catalog.int4, @extschema@.htx_rating, pg_catalog.numeric,
	pg_catalog.bool, pg_catalog.int8, pg_catalog.int4, pg_catalog.int4, pg_catalog.date, pg_catalog.date,
	pg_catalog.int4, pg_catalog.bool) IS
'the codes of the htx_data_quality checks a cooperative-year fails that need only the row and its cooperative''s founding and dissolution dates, in the view''s order (rating_missing, score_rating_mismatch when check_score, year_after_dissolution, year_before_founding, year_in_future: after this_year, rated_under_12_months, not_rated_full_year, revenue_missing, managers_missing); NULL when it fails none; a NULL argument leaves out the checks that read it; a year outside 1..5874897 is an error (22008)';
