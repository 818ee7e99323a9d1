--
-- htx target-evaluation aggregates: a small exact result, the state's text
-- form, and the exact error texts (negative input, trained above managers,
-- overflow, malformed and inconsistent states).
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS htx;
RESET client_min_messages;

CREATE TEMP TABLE agg_coop (district text, year int, rating htx_rating, revenue_vnd bigint,
	members int, applies_tech bool, managers int, managers_trained int, is_model bool);
INSERT INTO agg_coop VALUES
	('Phú Lương', 2024, 'tốt',            6200000000, 42, true,  5, 3,    true),
	('Phú Lương', 2024, 'khá',            3100000000, 18, false, 3, 1,    false),
	('Phú Lương', 2024, 'trung bình',      900000000,  9, NULL,  2, NULL, false),
	('Phú Lương', 2024, 'không xếp loại',       NULL,  7, false, NULL, 2, NULL),
	('Phú Lương', 2024, NULL,                      0, NULL, true, 4, 0,    false),
	('Đại Từ',    2024, 'yếu',             450000000, 11, false, 0, 0,    false),
	('Đại Từ',    2024, NULL,                   NULL, NULL, NULL, NULL, NULL, NULL),
	('Đại Từ',    2025, NULL,                   NULL, NULL, NULL, NULL, NULL, NULL);

-- one group, every field
\x on
SELECT (htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model)).*
FROM agg_coop WHERE district = 'Phú Lương';
\x off

-- by district and year: nothing rated, nothing reported, 0 managers
SELECT district, year, (e).cooperatives, (e).rated, (e).good_fair_share, (e).revenue_total_vnd,
	(e).avg_revenue_vnd, (e).tech_share, (e).managers_trained_share, (e).model_count
FROM (SELECT district, year, htx_evaluate(rating, revenue_vnd, members, applies_tech, managers,
	                                      managers_trained, is_model) AS e
      FROM agg_coop GROUP BY district, year) s
ORDER BY district, year;

SELECT (htx_rating_counts(rating)).*, htx_good_fair_share(rating) FROM agg_coop;
SELECT htx_rating_counts(rating), htx_good_fair_share(rating) FROM agg_coop WHERE false;

-- moving window: three rows
SELECT district, rating, htx_good_fair_share(rating) OVER w, (htx_rating_counts(rating) OVER w).total
FROM agg_coop WHERE year = 2024
WINDOW w AS (ORDER BY revenue_vnd NULLS FIRST, rating ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
ORDER BY revenue_vnd NULLS FIRST, rating;

-- the state, as text
SELECT htx_evaluate_accum(NULL, 'tốt', 5, 1, true, 2, 2, false);
SELECT htx_evaluate_accum(htx_evaluate_accum(NULL, 'khá', NULL, 3, NULL, 4, NULL, true),
	NULL, 7, NULL, false, NULL, 1, NULL);
SELECT htx_rating_accum(htx_rating_accum(NULL, 'yếu'), NULL);
SELECT htx_evaluation_state_combine('v1(1,0,0,0,0,1,1,5,1,1,1,1,1,2,1,2,2,2,1,0)',
	'v1(2,0,0,0,1,0,1,7,1,3,1,0,1,4,1,1,4,0,1,1)');
SELECT htx_evaluate_final('v1(2,0,0,0,1,0,1,7,1,3,1,0,1,4,1,1,4,0,1,1)');

-- errors: bad rows
SELECT htx_evaluate(NULL, -1, NULL, NULL, NULL, NULL, NULL);
SELECT htx_evaluate(NULL, NULL, -5, NULL, NULL, NULL, NULL);
SELECT htx_evaluate(NULL, NULL, NULL, NULL, -1, NULL, NULL);
SELECT htx_evaluate(NULL, NULL, NULL, NULL, NULL, -1, NULL);
SELECT htx_evaluate(NULL, NULL, NULL, NULL, 2, 3, NULL);
SELECT htx_evaluate(NULL, v, NULL, NULL, NULL, NULL, NULL)
FROM (VALUES (4611686018427387904), (4611686018427387904)) AS x(v);
SELECT htx_evaluate_inv(NULL, 'tốt', NULL, NULL, NULL, NULL, NULL, NULL);
SELECT htx_evaluation_state_combine('v1(9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	'v1(1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)');

-- errors: malformed and inconsistent states
SELECT 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::htx_evaluation_state;
SELECT 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::htx_evaluation_state;
SELECT 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,-1,0)'::htx_evaluation_state;
SELECT 'v1(9223372036854775808,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::htx_evaluation_state;
SELECT 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0) '::htx_evaluation_state;
SELECT 'v1(1,0,0,0,0,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::htx_evaluation_state;
SELECT 'v1(9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::htx_evaluation_state;
SELECT 'v1(1,0,0,0,0,0,0,5,0,0,0,0,0,0,0,0,0,0,0,0)'::htx_evaluation_state;
SELECT 'v1(1,0,0,0,0,0,0,0,0,0,1,0,1,3,1,3,2,3,0,0)'::htx_evaluation_state;

DROP TABLE agg_coop;
