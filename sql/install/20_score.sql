-- ---------------------------------------------------------------------------
-- Scores and the official thresholds
-- ---------------------------------------------------------------------------

CREATE DOMAIN @extschema@.htx_score AS pg_catalog.numeric(5,2)
	CONSTRAINT htx_score_range CHECK (VALUE OPERATOR(pg_catalog.>=) 0 AND VALUE OPERATOR(pg_catalog.<=) 100);
COMMENT ON DOMAIN @extschema@.htx_score IS
'self-assessed score of a cooperative, 0 to 100 points with two decimals (Circular 09/2017/TT-BNNPTNT Art. 4-5)';

CREATE FUNCTION @extschema@.htx_rating_from_score(score pg_catalog.numeric, fined pg_catalog.bool DEFAULT false)
RETURNS @extschema@.htx_rating AS 'MODULE_PATHNAME', 'htx_rating_from_score'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_rating_from_score(pg_catalog.numeric, pg_catalog.bool) IS
'official rating for a score (Circular 09/2017 Art. 6): >= 80 tốt, >= 65 khá, >= 50 trung bình, else yếu; fined forces yếu; NULL score is không xếp loại; outside 0..100 is an error';
