-- Rating schemes as data: htx_rating_scheme and htx_rating_from_score(score, fined, scheme).
BEGIN;
SELECT plan(14);

SELECT results_eq(
	$$SELECT scheme, max_score, good_min, fair_min, average_min, fined_is_weak FROM htx_rating_scheme ORDER BY scheme$$,
	$$VALUES ('TT-01/2020/TT-BKHĐT', 100::numeric, 80::numeric, 65::numeric, 50::numeric, NULL::boolean),
	         ('TT-09/2017/TT-BNNPTNT', 100, 80, 65, 50, true)$$,
	'the two circulars'' thresholds; the fine rule only where the source says it');

-- the table-driven function agrees with the C one for Circular 09/2017, on
-- every score with two decimals, fined or not
SELECT is_empty($$
	SELECT s, f FROM generate_series(0, 10000) AS i, LATERAL (SELECT i / 100.0 AS s) AS x,
		(VALUES (false), (true), (NULL::boolean)) AS v(f)
	WHERE htx_rating_from_score(s, f) IS DISTINCT FROM htx_rating_from_score(s, f, 'TT-09/2017/TT-BNNPTNT')$$,
	'htx_rating_from_score(score, fined, ''TT-09/2017/TT-BNNPTNT'') equals the built-in on 0.00..100.00');
SELECT results_eq(
	$$SELECT htx_rating_from_score(NULL, false, 'TT-09/2017/TT-BNNPTNT'), htx_rating_from_score(NULL, true, 'TT-09/2017/TT-BNNPTNT')$$,
	$$VALUES ('không xếp loại'::htx_rating, 'yếu'::htx_rating)$$, 'NULL score rules as the built-in');
SELECT results_eq(
	$$SELECT htx_rating_from_score(s, false, 'TT-01/2020/TT-BKHĐT')::text FROM unnest('{49.99,50,64.99,65,79.99,80}'::numeric[]) s$$,
	$$VALUES ('yếu'), ('trung bình'), ('trung bình'), ('khá'), ('khá'), ('tốt')$$,
	'Circular 01/2020 thresholds at every boundary');

-- a province's own scheme
INSERT INTO htx_rating_scheme (scheme, title, max_score, good_min, fair_min, average_min, fined_is_weak, source)
VALUES ('PROVINCE-TEST', 'test', 50, 45, 35, 20, false, 'test');
SELECT results_eq(
	$$SELECT htx_rating_from_score(s, true, 'PROVINCE-TEST')::text FROM unnest('{0,19.99,20,34.99,35,44.99,45,50}'::numeric[]) s$$,
	$$VALUES ('yếu'), ('yếu'), ('trung bình'), ('trung bình'), ('khá'), ('khá'), ('tốt'), ('tốt')$$,
	'a scheme of a province''s own: its thresholds, and a fine that does not force yếu');
SELECT throws_ok($$SELECT htx_rating_from_score(50.01, false, 'PROVINCE-TEST')$$, '22003',
	'score 50.01 is out of range', 'its maximum score');
SELECT is((SELECT count(*)::int FROM htx_rating_scheme WHERE NOT builtin), 1, 'shipped rows are builtin, the province''s not');
SELECT is((SELECT x.cond FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cond)
	WHERE e.extname = 'htx' AND x.oid = 'htx_rating_scheme'::regclass), 'WHERE NOT builtin',
	'a province''s schemes are dumped');

-- errors
SELECT throws_ok($$SELECT htx_rating_from_score(50, false, 'TT-99')$$, '22023', 'unknown rating scheme "TT-99"', 'unknown scheme');
SELECT throws_ok($$SELECT htx_rating_from_score(100.01, false, 'TT-09/2017/TT-BNNPTNT')$$, '22003', 'score 100.01 is out of range', 'above the maximum');
SELECT throws_ok($$SELECT htx_rating_from_score(-1, true, 'TT-09/2017/TT-BNNPTNT')$$, '22003', 'score -1 is out of range', 'negative, even when fined');
SELECT throws_ok($$SELECT htx_rating_from_score('NaN', false, 'TT-09/2017/TT-BNNPTNT')$$, '22003', 'score NaN is out of range', 'NaN');
SELECT throws_ok($$SELECT htx_rating_from_score(70, true, 'TT-01/2020/TT-BKHĐT')$$, '22023',
	'rating scheme "TT-01/2020/TT-BKHĐT" does not say whether a fine forces yếu', 'no invented fine rule for Circular 01/2020');
SELECT throws_ok($$INSERT INTO htx_rating_scheme (scheme, title, max_score, good_min, fair_min, average_min, source)
	VALUES ('BAD', 'x', 100, 60, 70, 50, 'x')$$, '23514', NULL, 'thresholds must be ordered');

SELECT * FROM finish();
ROLLBACK;
