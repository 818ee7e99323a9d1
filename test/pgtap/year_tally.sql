-- htx_year_tally (1.1): the one-call-per-row aggregate behind htx_year_summary
-- equals the dozen aggregates it replaces, on rows with NULLs everywhere;
-- states combined (as parallel and Citus workers' are) equal the state over
-- all the rows; bad thresholds, forged states and direct calls are refused.
BEGIN;
SELECT plan(22);

SET LOCAL lc_messages = 'C';
CREATE SCHEMA tally;

CREATE FUNCTION tally.error_of(stmt text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN
	EXECUTE stmt;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END
$f$;

-- 5,000 rows in 60 groups, each column NULL on its own share of rows
CREATE TABLE tally.r AS
SELECT i, i % 60 AS grp,
	CASE WHEN h % 13 = 0 THEN NULL ELSE (h % 5)::htx_rating END AS rating,
	CASE WHEN h % 17 = 0 THEN NULL ELSE (h % 100000)::bigint * 99991 END AS revenue_vnd,
	CASE WHEN h % 19 = 0 THEN NULL ELSE (h % 400)::int END AS members,
	CASE WHEN h % 23 = 0 THEN NULL ELSE h % 3 = 0 END AS applies_tech,
	CASE WHEN h % 29 = 0 THEN NULL ELSE 2 + (h % 7)::int END AS managers,
	CASE WHEN h % 31 = 0 THEN NULL ELSE (h % 3)::int END AS managers_trained,
	CASE WHEN h % 37 = 0 THEN NULL ELSE h % 11 = 0 END AS is_model,
	CASE WHEN h % 41 = 0 THEN NULL ELSE (h % 90000)::bigint * 77773 END AS capital_vnd,
	CASE WHEN h % 43 = 0 THEN NULL ELSE (h % 50)::int END AS young_members,
	CASE WHEN h % 47 = 0 THEN NULL ELSE h % 9 = 0 END AS fined,
	CASE WHEN h % 53 = 0 THEN NULL ELSE h % 4 = 0 END AS vietgap,
	CASE WHEN h % 59 = 0 THEN NULL ELSE h % 6 = 0 END AS globalgap,
	CASE WHEN h % 61 = 0 THEN NULL ELSE h % 8 = 0 END AS organic,
	CASE WHEN h % 5 = 0 THEN NULL ELSE 3 + (h % 3)::int END AS ocop_stars,
	CASE WHEN h % 7 = 0 THEN NULL ELSE ((h % 10001) / 100.0)::htx_score END AS score
FROM generate_series(1, 5000) AS i,
	LATERAL (SELECT abs(hashint4(i)) AS h) AS x;
-- managers_trained never exceeds managers (htx_evaluate refuses that)
UPDATE tally.r SET managers_trained = NULL WHERE managers IS NOT NULL AND managers_trained > managers;

-- Decree 113/2024's agriculture thresholds as the warehouse views pass them
CREATE TABLE tally.th AS
SELECT ARRAY[
	max(min_members) FILTER (WHERE size_class = 'lớn'), max(min_revenue_vnd) FILTER (WHERE size_class = 'lớn'), max(min_capital_vnd) FILTER (WHERE size_class = 'lớn'),
	max(min_members) FILTER (WHERE size_class = 'vừa'), max(min_revenue_vnd) FILTER (WHERE size_class = 'vừa'), max(min_capital_vnd) FILTER (WHERE size_class = 'vừa'),
	max(min_members) FILTER (WHERE size_class = 'nhỏ'), max(min_revenue_vnd) FILTER (WHERE size_class = 'nhỏ'), max(min_capital_vnd) FILTER (WHERE size_class = 'nhỏ')]::int8[] AS t
FROM htx_size_threshold WHERE sector_group = 'agriculture';

CREATE VIEW tally.by_tally AS
SELECT grp, htx_year_tally(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model,
	capital_vnd, young_members, fined, vietgap, globalgap, organic, ocop_stars, score, th.t) AS t
FROM tally.r CROSS JOIN tally.th GROUP BY grp;

CREATE VIEW tally.by_aggregates AS
SELECT grp,
	htx_evaluate_state(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) AS e,
	htx_evaluate_state(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) FILTER (WHERE is_model) AS em,
	htx_size_tally(members, revenue_vnd, capital_vnd, th.t) AS sizes,
	sum(young_members) AS young, count(*) FILTER (WHERE fined) AS fined,
	count(*) FILTER (WHERE vietgap) AS vietgap, count(*) FILTER (WHERE globalgap) AS globalgap,
	count(*) FILTER (WHERE organic) AS organic, count(*) FILTER (WHERE ocop_stars IS NOT NULL) AS ocop,
	count(score) AS score_count, sum(score) AS score_sum,
	count(*) AS n
FROM tally.r CROSS JOIN tally.th GROUP BY grp;

SELECT is((SELECT count(*) FROM tally.by_tally), 60::bigint, 'a state per group');
SELECT is((SELECT count(*) FROM tally.by_tally WHERE cardinality(t) <> 54), 0::bigint, 'each state is bigint[54]');
SELECT set_eq($$SELECT grp, htx_year_tally_evaluation(t, false)::text, t[1] FROM tally.by_tally$$,
	$$SELECT grp, e::text, n FROM tally.by_aggregates$$,
	'[1:20] is htx_evaluate_state of the rows ([1] their count)');
SELECT set_eq($$SELECT grp, htx_year_tally_evaluation(t, true)::text FROM tally.by_tally$$,
	$$SELECT grp, em::text FROM tally.by_aggregates$$,
	'[21:40] is htx_evaluate_state of the is_model rows');
SELECT set_eq($$SELECT grp, t[41:45] FROM tally.by_tally$$,
	$$SELECT grp, sizes FROM tally.by_aggregates$$,
	'[41:45] is htx_size_tally');
SELECT set_eq($$SELECT grp, CASE WHEN t[46] > 0 THEN t[47] END AS young, t[48] AS fined, t[49] AS vietgap, t[50] AS globalgap, t[51] AS organic, t[52] AS ocop FROM tally.by_tally$$,
	$$SELECT grp, young, fined, vietgap, globalgap, organic, ocop FROM tally.by_aggregates$$,
	'[46:52] count young members, fines, certificates and OCOP as sum and count FILTER do');
SELECT ok((SELECT sum(t[46]) < sum(t[1]) AND bool_and(t[48] > 0 AND t[21] > 0 AND t[45] > 0) FROM tally.by_tally),
	'the sample has NULL young_members, and fined and model rows and undecided sizes in every group');
SELECT set_eq($$SELECT grp, t[53] AS n, t[54] AS hundredths FROM tally.by_tally$$,
	$$SELECT grp, score_count, (score_sum * 100)::bigint FROM tally.by_aggregates$$,
	'[53:54] count the scores and sum them in hundredths of a point, exactly as count and sum do');
SELECT ok((SELECT bool_and(t[53] < t[1] AND t[54] % 100 <> 0) FROM tally.by_tally),
	'the sample has rows without a score, and scores with decimals, in every group');
SELECT is((SELECT htx_year_tally(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model,
	capital_vnd, young_members, fined, vietgap, globalgap, organic, ocop_stars, score, th.t) FROM tally.r CROSS JOIN tally.th WHERE false),
	NULL::int8[], 'NULL over no rows');

-- two stages: the groups' states combined equal the state of all the rows
CREATE AGGREGATE tally.combined(int8[]) (SFUNC = htx_year_tally_combine, STYPE = int8[]);
SELECT is((SELECT tally.combined(t) FROM tally.by_tally),
	(SELECT htx_year_tally(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model,
		capital_vnd, young_members, fined, vietgap, globalgap, organic, ocop_stars, score, th.t) FROM tally.r CROSS JOIN tally.th),
	'the combine function adds states: combined group states equal the state over all rows');

-- refused
SELECT is(tally.error_of($$SELECT htx_year_tally(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model,
	capital_vnd, young_members, fined, vietgap, globalgap, organic, ocop_stars, score, NULL) FROM tally.r$$),
	'22004 the size thresholds must not be NULL', 'NULL thresholds: 22004');
SELECT is(tally.error_of($$SELECT htx_year_tally(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model,
	capital_vnd, young_members, fined, vietgap, globalgap, organic, ocop_stars, score, '{1,2,3}') FROM tally.r$$),
	'22023 the size thresholds must be a one-dimensional bigint array of 9 elements without NULLs', 'thresholds of the wrong shape: 22023');
SELECT is(tally.error_of($$SELECT htx_year_tally_evaluation('{1,2,3}', false)$$),
	'22023 an htx_year_tally state must be a one-dimensional bigint array of 54 elements without NULLs', 'a state of the wrong length: 22023');
SELECT is(tally.error_of($$SELECT htx_year_tally_evaluation(array_fill(NULL::int8, ARRAY[54]), false)$$),
	'22023 an htx_year_tally state must be a one-dimensional bigint array of 54 elements without NULLs', 'a state with NULLs: 22023');
SELECT is(tally.error_of($$SELECT htx_year_tally_evaluation(array_fill(0::int8, ARRAY[54]) || ARRAY[]::int8[], true)$$),
	'no error', 'a state of zeros is a valid empty tally');
SELECT is(tally.error_of($$SELECT htx_year_tally_evaluation(ARRAY[1, 2] || array_fill(0::int8, ARRAY[52]), false)$$),
	'22023 invalid htx_year_tally state', 'a forged state (1 row, 2 of them không xếp loại) is refused as htx_evaluation_state''s input refuses it');
SELECT is(tally.error_of($$SELECT htx_year_tally_accum(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{1,2,3,4,5,6,7,8,9}')$$),
	'0A000 htx_year_tally transition functions called outside an aggregate', 'the transition function called directly: 0A000');

-- each score's conversion is remembered by its bytes: the same value written
-- with another scale (1.5, 1.50), repeated, or negative, is summed exactly
SELECT is((SELECT t[53:54] FROM (SELECT htx_year_tally(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	v, (SELECT t FROM tally.th)) AS t FROM (VALUES (1.5), (1.50), (1.5), (2), (2.00), (-0.01), (NULL), (1.50)) AS x(v)) AS y),
	ARRAY[7, 999]::int8[], 'a value met again, or with another scale, adds its own hundredths');
-- a score the sum cannot hold exactly in hundredths is refused, not rounded
SELECT is(tally.error_of($$SELECT htx_year_tally(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	v, (SELECT t FROM tally.th)) FROM (VALUES (1.5), (1.234)) AS x(v)$$),
	'22023 a score must have at most two decimals', 'a score with three decimals: 22023');
SELECT is(tally.error_of($$SELECT htx_year_tally(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	'NaN'::numeric, (SELECT t FROM tally.th))$$),
	'22023 a score must be a finite number', 'a NaN score: 22023');
SELECT is(tally.error_of($$SELECT htx_year_tally(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	1e30, (SELECT t FROM tally.th))$$),
	'22003 bigint out of range', 'a score beyond a bigint of hundredths: 22003');
SELECT * FROM finish();
ROLLBACK;
