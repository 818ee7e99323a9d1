-- What SQLsmith runs (test/sqlsmith) found, and must stay fixed
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS htx;
RESET client_min_messages;

-- The inverse transition functions, called directly, could remove a row that
-- was never added without any field going negative, and returned a state
-- that htx_evaluation_state's input rejects (so a table holding it could not
-- be restored from a dump) and on which htx_evaluate_final counted 0 rows,
-- 1 rated and -1 missing.  Now an error, 22000 like a field going negative.

-- a NULL-rated row removed from one tốt row
SELECT htx_rating_inv('v1(1,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', NULL);
-- a row without revenue removed from one with revenue
SELECT htx_evaluate_inv('v1(1,0,1,0,0,0,1,9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0)',
	'yếu', 0, NULL, NULL, NULL, NULL, NULL);
-- managers removed without their pairing with trained managers
SELECT htx_evaluate_inv('v1(1,0,0,0,0,0,0,0,0,0,0,0,1,5,1,2,5,2,0,0)',
	NULL, NULL, NULL, NULL, 5, NULL, NULL);
-- the same through an aggregate of the user's with the inverse as SFUNC
CREATE AGGREGATE pg_temp.remove_ratings(htx_rating) (
	SFUNC = htx_rating_inv, STYPE = htx_evaluation_state,
	INITCOND = 'v1(1,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0)');
SELECT pg_temp.remove_ratings(r) FROM (VALUES (NULL::htx_rating)) AS v(r);
\set VERBOSITY sqlstate
SELECT htx_rating_inv('v1(1,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', NULL);
\set VERBOSITY default

-- removing a row that was added is still exact, directly ...
SELECT htx_rating_inv(htx_rating_accum('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'tốt'), 'tốt');
SELECT htx_evaluate_inv(htx_evaluate_accum(s, 'khá', 7, 3, true, 5, 2, false),
	'khá', 7, 3, true, 5, 2, false)::text = s::text AS same
FROM (SELECT 'v1(1,0,0,0,0,1,1,7,1,3,1,1,1,2,1,1,2,1,1,1)'::htx_evaluation_state) AS x(s);
-- ... and in moving window frames, where every removed row was added
SELECT i, r, (htx_rating_counts(r) OVER w).*, htx_good_fair_share(r) OVER w,
	(htx_evaluate(r, rev, NULL, NULL, m, t, NULL) OVER w).rating_missing,
	(htx_evaluate(r, rev, NULL, NULL, m, t, NULL) OVER w).managers_trained_share
FROM (VALUES (1, 'tốt'::htx_rating, 10::int8, 4, 1), (2, NULL, NULL, 3, NULL),
	(3, 'không xếp loại', 5, NULL, 2), (4, 'yếu', NULL, 2, 2), (5, NULL, 0, NULL, NULL)) AS v(i, r, rev, m, t)
WINDOW w AS (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
ORDER BY i;
