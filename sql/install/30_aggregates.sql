-- ---------------------------------------------------------------------------
-- Target-evaluation aggregates
-- ---------------------------------------------------------------------------

-- The shared transition state: 20 int64 counters and exact sums, text form
-- v1(f1,...,f20).  Not "internal", so partial aggregation works in parallel
-- plans and on distributed engines that ship states as text.
CREATE TYPE @extschema@.htx_evaluation_state;

CREATE FUNCTION @extschema@.htx_evaluation_state_in(pg_catalog.cstring) RETURNS @extschema@.htx_evaluation_state
AS 'MODULE_PATHNAME', 'htx_evaluation_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_evaluation_state_out(@extschema@.htx_evaluation_state) RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'htx_evaluation_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_evaluation_state_recv(pg_catalog.internal) RETURNS @extschema@.htx_evaluation_state
AS 'MODULE_PATHNAME', 'htx_evaluation_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_evaluation_state_send(@extschema@.htx_evaluation_state) RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'htx_evaluation_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.htx_evaluation_state (
	INPUT = @extschema@.htx_evaluation_state_in,
	OUTPUT = @extschema@.htx_evaluation_state_out,
	RECEIVE = @extschema@.htx_evaluation_state_recv,
	SEND = @extschema@.htx_evaluation_state_send,
	INTERNALLENGTH = 160,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.htx_evaluation_state IS
'transition state of the htx target-evaluation aggregates: counts and exact sums; text form v1(20 integers)';
COMMENT ON FUNCTION @extschema@.htx_evaluation_state_in(pg_catalog.cstring) IS 'htx_evaluation_state input: v1(20 comma-separated integers), validated';
COMMENT ON FUNCTION @extschema@.htx_evaluation_state_out(@extschema@.htx_evaluation_state) IS 'htx_evaluation_state output: v1(20 comma-separated integers)';
COMMENT ON FUNCTION @extschema@.htx_evaluation_state_recv(pg_catalog.internal) IS 'htx_evaluation_state binary input: version byte 1 and 20 int8, validated';
COMMENT ON FUNCTION @extschema@.htx_evaluation_state_send(@extschema@.htx_evaluation_state) IS 'htx_evaluation_state binary output: version byte 1 and 20 int8';

-- The results ----------------------------------------------------------------

CREATE TYPE @extschema@.htx_evaluation AS (
	cooperatives pg_catalog.int8,
	rated pg_catalog.int8,
	good pg_catalog.int8,
	fair pg_catalog.int8,
	average pg_catalog.int8,
	weak pg_catalog.int8,
	not_rated pg_catalog.int8,
	rating_missing pg_catalog.int8,
	good_fair_share pg_catalog.float8,
	revenue_reported pg_catalog.int8,
	revenue_total_vnd pg_catalog.int8,
	avg_revenue_vnd pg_catalog.numeric,
	members_total pg_catalog.int8,
	tech_reported pg_catalog.int8,
	tech_count pg_catalog.int8,
	tech_share pg_catalog.float8,
	managers_total pg_catalog.int8,
	managers_trained_total pg_catalog.int8,
	managers_trained_share pg_catalog.float8,
	model_count pg_catalog.int8
);
COMMENT ON TYPE @extschema@.htx_evaluation IS
'result of htx_evaluate: the plan''s measures for one group of cooperative-years';
COMMENT ON COLUMN @extschema@.htx_evaluation.cooperatives IS 'rows aggregated (cooperative-years)';
COMMENT ON COLUMN @extschema@.htx_evaluation.rated IS 'rated: tốt + khá + trung bình + yếu';
COMMENT ON COLUMN @extschema@.htx_evaluation.good IS 'tốt (good)';
COMMENT ON COLUMN @extschema@.htx_evaluation.fair IS 'khá (fair)';
COMMENT ON COLUMN @extschema@.htx_evaluation.average IS 'trung bình (average)';
COMMENT ON COLUMN @extschema@.htx_evaluation.weak IS 'yếu (weak)';
COMMENT ON COLUMN @extschema@.htx_evaluation.not_rated IS 'không xếp loại (not rated: in business under 12 months)';
COMMENT ON COLUMN @extschema@.htx_evaluation.rating_missing IS 'rows with a NULL rating (not reported)';
COMMENT ON COLUMN @extschema@.htx_evaluation.good_fair_share IS '(tốt + khá) / rated, 0..1; NULL when none is rated';
COMMENT ON COLUMN @extschema@.htx_evaluation.revenue_reported IS 'rows that reported revenue';
COMMENT ON COLUMN @extschema@.htx_evaluation.revenue_total_vnd IS 'total revenue in VND over rows that reported it (exact); NULL when none did';
COMMENT ON COLUMN @extschema@.htx_evaluation.avg_revenue_vnd IS 'average revenue in VND per cooperative that reported it (exact numeric, as avg(bigint))';
COMMENT ON COLUMN @extschema@.htx_evaluation.members_total IS 'members over rows that reported them; NULL when none did';
COMMENT ON COLUMN @extschema@.htx_evaluation.tech_reported IS 'rows that reported applies_tech';
COMMENT ON COLUMN @extschema@.htx_evaluation.tech_count IS 'cooperatives applying technology';
COMMENT ON COLUMN @extschema@.htx_evaluation.tech_share IS 'tech_count / tech_reported, 0..1; NULL when none reported';
COMMENT ON COLUMN @extschema@.htx_evaluation.managers_total IS 'managers over rows that reported them; NULL when none did';
COMMENT ON COLUMN @extschema@.htx_evaluation.managers_trained_total IS 'trained managers over rows that reported them; NULL when none did';
COMMENT ON COLUMN @extschema@.htx_evaluation.managers_trained_share IS 'trained / managers over rows reporting both, 0..1; NULL when no such row has managers';
COMMENT ON COLUMN @extschema@.htx_evaluation.model_count IS 'model cooperatives (is_model true)';

CREATE TYPE @extschema@.htx_rating_count AS (
	total pg_catalog.int8,
	good pg_catalog.int8,
	fair pg_catalog.int8,
	average pg_catalog.int8,
	weak pg_catalog.int8,
	not_rated pg_catalog.int8
);
COMMENT ON TYPE @extschema@.htx_rating_count IS 'result of htx_rating_counts: cooperatives per rating level';
COMMENT ON COLUMN @extschema@.htx_rating_count.total IS 'non-NULL ratings, all five levels';
COMMENT ON COLUMN @extschema@.htx_rating_count.good IS 'tốt (good)';
COMMENT ON COLUMN @extschema@.htx_rating_count.fair IS 'khá (fair)';
COMMENT ON COLUMN @extschema@.htx_rating_count.average IS 'trung bình (average)';
COMMENT ON COLUMN @extschema@.htx_rating_count.weak IS 'yếu (weak)';
COMMENT ON COLUMN @extschema@.htx_rating_count.not_rated IS 'không xếp loại (not rated)';

-- Support functions ------------------------------------------------------------

CREATE FUNCTION @extschema@.htx_evaluate_accum(@extschema@.htx_evaluation_state, @extschema@.htx_rating, pg_catalog.int8, pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.int4, pg_catalog.bool) RETURNS @extschema@.htx_evaluation_state
AS 'MODULE_PATHNAME', 'htx_evaluate_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_evaluate_inv(@extschema@.htx_evaluation_state, @extschema@.htx_rating, pg_catalog.int8, pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.int4, pg_catalog.bool) RETURNS @extschema@.htx_evaluation_state
AS 'MODULE_PATHNAME', 'htx_evaluate_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_evaluate_final(@extschema@.htx_evaluation_state) RETURNS @extschema@.htx_evaluation
AS 'MODULE_PATHNAME', 'htx_evaluate_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_accum(@extschema@.htx_evaluation_state, @extschema@.htx_rating) RETURNS @extschema@.htx_evaluation_state
AS 'MODULE_PATHNAME', 'htx_rating_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_inv(@extschema@.htx_evaluation_state, @extschema@.htx_rating) RETURNS @extschema@.htx_evaluation_state
AS 'MODULE_PATHNAME', 'htx_rating_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_counts_final(@extschema@.htx_evaluation_state) RETURNS @extschema@.htx_rating_count
AS 'MODULE_PATHNAME', 'htx_rating_counts_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_good_fair_share_final(@extschema@.htx_evaluation_state) RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'htx_good_fair_share_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_evaluation_state_combine(@extschema@.htx_evaluation_state, @extschema@.htx_evaluation_state) RETURNS @extschema@.htx_evaluation_state
AS 'MODULE_PATHNAME', 'htx_evaluation_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.htx_evaluate_accum(@extschema@.htx_evaluation_state, @extschema@.htx_rating, pg_catalog.int8, pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.int4, pg_catalog.bool) IS 'transition function of htx_evaluate';
COMMENT ON FUNCTION @extschema@.htx_evaluate_inv(@extschema@.htx_evaluation_state, @extschema@.htx_rating, pg_catalog.int8, pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.int4, pg_catalog.bool) IS 'inverse transition function of htx_evaluate (moving window frames)';
COMMENT ON FUNCTION @extschema@.htx_evaluate_final(@extschema@.htx_evaluation_state) IS 'final function of htx_evaluate';
COMMENT ON FUNCTION @extschema@.htx_rating_accum(@extschema@.htx_evaluation_state, @extschema@.htx_rating) IS 'transition function of htx_rating_counts and htx_good_fair_share';
COMMENT ON FUNCTION @extschema@.htx_rating_inv(@extschema@.htx_evaluation_state, @extschema@.htx_rating) IS 'inverse transition function of htx_rating_counts and htx_good_fair_share';
COMMENT ON FUNCTION @extschema@.htx_rating_counts_final(@extschema@.htx_evaluation_state) IS 'final function of htx_rating_counts';
COMMENT ON FUNCTION @extschema@.htx_good_fair_share_final(@extschema@.htx_evaluation_state) IS 'final function of htx_good_fair_share';
COMMENT ON FUNCTION @extschema@.htx_evaluation_state_combine(@extschema@.htx_evaluation_state, @extschema@.htx_evaluation_state) IS 'combine function of the htx aggregates (parallel, partitionwise, distributed)';

-- The aggregates ---------------------------------------------------------------

CREATE AGGREGATE @extschema@.htx_evaluate(rating @extschema@.htx_rating, revenue_vnd pg_catalog.int8,
		members pg_catalog.int4, applies_tech pg_catalog.bool, managers pg_catalog.int4,
		managers_trained pg_catalog.int4, is_model pg_catalog.bool) (
	SFUNC = @extschema@.htx_evaluate_accum,
	STYPE = @extschema@.htx_evaluation_state,
	INITCOND = 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	FINALFUNC = @extschema@.htx_evaluate_final,
	COMBINEFUNC = @extschema@.htx_evaluation_state_combine,
	MSFUNC = @extschema@.htx_evaluate_accum,
	MINVFUNC = @extschema@.htx_evaluate_inv,
	MSTYPE = @extschema@.htx_evaluation_state,
	MINITCOND = 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	MFINALFUNC = @extschema@.htx_evaluate_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.htx_evaluate(@extschema@.htx_rating, pg_catalog.int8, pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.int4, pg_catalog.bool) IS
'every measure of the plan''s targets for a group of cooperative-years, in one pass (see htx_check_targets)';

CREATE AGGREGATE @extschema@.htx_rating_counts(@extschema@.htx_rating) (
	SFUNC = @extschema@.htx_rating_accum,
	STYPE = @extschema@.htx_evaluation_state,
	INITCOND = 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	FINALFUNC = @extschema@.htx_rating_counts_final,
	COMBINEFUNC = @extschema@.htx_evaluation_state_combine,
	MSFUNC = @extschema@.htx_rating_accum,
	MINVFUNC = @extschema@.htx_rating_inv,
	MSTYPE = @extschema@.htx_evaluation_state,
	MINITCOND = 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	MFINALFUNC = @extschema@.htx_rating_counts_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.htx_rating_counts(@extschema@.htx_rating) IS
'cooperatives per rating level (tốt, khá, trung bình, yếu, không xếp loại) and their total';

CREATE AGGREGATE @extschema@.htx_good_fair_share(@extschema@.htx_rating) (
	SFUNC = @extschema@.htx_rating_accum,
	STYPE = @extschema@.htx_evaluation_state,
	INITCOND = 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	FINALFUNC = @extschema@.htx_good_fair_share_final,
	COMBINEFUNC = @extschema@.htx_evaluation_state_combine,
	MSFUNC = @extschema@.htx_rating_accum,
	MINVFUNC = @extschema@.htx_rating_inv,
	MSTYPE = @extschema@.htx_evaluation_state,
	MINITCOND = 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	MFINALFUNC = @extschema@.htx_good_fair_share_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.htx_good_fair_share(@extschema@.htx_rating) IS
'share (0..1) of tốt + khá among rated cooperatives; không xếp loại and NULL are not counted; NULL when none is rated';
