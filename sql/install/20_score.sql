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

-- Rating schemes as data ------------------------------------------------------
--
-- The C function above applies Circular 09/2017's thresholds, which are in
-- force.  No replacement under the Law on Cooperatives 2023 is known; if one
-- comes, or a province rates with other thresholds, a row here is enough.

CREATE TABLE @extschema@.htx_rating_scheme (
	scheme pg_catalog.text PRIMARY KEY,
	title pg_catalog.text NOT NULL,
	max_score pg_catalog.numeric NOT NULL,
	good_min pg_catalog.numeric NOT NULL,
	fair_min pg_catalog.numeric NOT NULL,
	average_min pg_catalog.numeric NOT NULL,
	fined_is_weak pg_catalog.bool,
	source pg_catalog.text NOT NULL,
	note pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	CONSTRAINT htx_rating_scheme_thresholds_ordered CHECK (
		0 OPERATOR(pg_catalog.<=) average_min AND average_min OPERATOR(pg_catalog.<=) fair_min
		AND fair_min OPERATOR(pg_catalog.<=) good_min AND good_min OPERATOR(pg_catalog.<=) max_score)
);
COMMENT ON TABLE @extschema@.htx_rating_scheme IS 'score thresholds of each rating scheme; rows a province adds survive pg_dump';
COMMENT ON COLUMN @extschema@.htx_rating_scheme.scheme IS 'code of the scheme, e.g. TT-09/2017/TT-BNNPTNT';
COMMENT ON COLUMN @extschema@.htx_rating_scheme.title IS 'what the scheme is';
COMMENT ON COLUMN @extschema@.htx_rating_scheme.max_score IS 'highest possible score';
COMMENT ON COLUMN @extschema@.htx_rating_scheme.good_min IS 'lowest score rated tốt';
COMMENT ON COLUMN @extschema@.htx_rating_scheme.fair_min IS 'lowest score rated khá';
COMMENT ON COLUMN @extschema@.htx_rating_scheme.average_min IS 'lowest score rated trung bình; below it, yếu';
COMMENT ON COLUMN @extschema@.htx_rating_scheme.fined_is_weak IS 'true when an administrative fine in the year forces yếu whatever the score; NULL when the source is not known to say';
COMMENT ON COLUMN @extschema@.htx_rating_scheme.source IS 'the legal text the thresholds come from';
COMMENT ON COLUMN @extschema@.htx_rating_scheme.note IS 'what is known and not known about the scheme';
COMMENT ON COLUMN @extschema@.htx_rating_scheme.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

SELECT pg_catalog.pg_extension_config_dump('htx_rating_scheme', 'WHERE NOT builtin');

INSERT INTO @extschema@.htx_rating_scheme
	(scheme, title, max_score, good_min, fair_min, average_min, fined_is_weak, source, note, builtin)
VALUES
('TT-09/2017/TT-BNNPTNT', 'Agricultural cooperatives, 6 criteria', 100, 80, 65, 50, true,
 'Circular 09/2017/TT-BNNPTNT, Art. 6',
 'The per-criterion points are in the circular''s Appendix 1, not shipped with htx. Applied by htx_rating_from_score(score, fined).',
 true),
('TT-01/2020/TT-BKHĐT', 'Cooperatives of every sector, 15 criteria', 100, 80, 65, 50, NULL,
 'Circular 01/2020/TT-BKHĐT',
 'Same thresholds as Circular 09/2017. Whether a fine forces yếu under this circular is not verified: set fined_is_weak before rating fined cooperatives with it. It also leaves unrated a cooperative that stopped operating for over 3 months in the year.',
 true);

CREATE FUNCTION @extschema@.htx_rating_from_score(score pg_catalog.numeric, fined pg_catalog.bool, scheme pg_catalog.text)
RETURNS @extschema@.htx_rating
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	s htx_rating_scheme;
BEGIN
	SELECT * INTO s FROM htx_rating_scheme r WHERE r.scheme = htx_rating_from_score.scheme;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'unknown rating scheme "%"', scheme
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Known schemes: ' || (SELECT string_agg(r.scheme, ', ' ORDER BY r.scheme) FROM htx_rating_scheme r) || '.';
	END IF;
	IF score IS NOT NULL AND (score = 'NaN' OR score < 0 OR score > s.max_score) THEN
		RAISE EXCEPTION 'score % is out of range', score
			USING ERRCODE = 'numeric_value_out_of_range',
				  DETAIL = format('Scheme %s scores from 0 to %s points.', s.scheme, s.max_score);
	END IF;
	IF fined THEN
		IF s.fined_is_weak IS NULL THEN
			RAISE EXCEPTION 'rating scheme "%" does not say whether a fine forces yếu', s.scheme
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'Set htx_rating_scheme.fined_is_weak for this scheme.';
		ELSIF s.fined_is_weak THEN
			RETURN 'yếu';
		END IF;
	END IF;
	RETURN CASE
		WHEN score IS NULL THEN 'không xếp loại'
		WHEN score >= s.good_min THEN 'tốt'
		WHEN score >= s.fair_min THEN 'khá'
		WHEN score >= s.average_min THEN 'trung bình'
		ELSE 'yếu'
	END::htx_rating;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_rating_from_score(pg_catalog.numeric, pg_catalog.bool, pg_catalog.text) IS
'rating for a score under a scheme of htx_rating_scheme: same rules as htx_rating_from_score(score, fined), thresholds from the table';
