-- htx_score and htx_rating_from_score: Circular 09/2017/TT-BNNPTNT Art. 6
-- (the same 80/65/50 as Circular 01/2020/TT-BKHĐT).
BEGIN;
SELECT plan(76);

-- every boundary, and just either side of it
SELECT is(htx_rating_from_score(s)::text, r, format('score %s is %s', s, r))
FROM (VALUES (0::numeric, 'yếu'), (0.01, 'yếu'), (49.99, 'yếu'), (49.999999, 'yếu'), (50, 'trung bình'), (50.00, 'trung bình'),
             (64.99, 'trung bình'), (64.999999, 'trung bình'), (65, 'khá'), (79.99, 'khá'), (79.999999, 'khá'),
             (80, 'tốt'), (80.000001, 'tốt'), (99.99, 'tốt'), (100, 'tốt'), (100.000, 'tốt')) AS x(s, r);

-- fined: yếu whatever the score, even none
SELECT is(htx_rating_from_score(s, true)::text, 'yếu', format('fined with score %s is yếu', s))
FROM unnest(ARRAY[0, 49.99, 50, 64.99, 65, 79.99, 80, 100]::numeric[]) AS s;
SELECT is(htx_rating_from_score(NULL, true)::text, 'yếu', 'fined with no score is yếu');
SELECT is(htx_rating_from_score(s, false), htx_rating_from_score(s), format('fined = false is the default (%s)', s))
FROM unnest(ARRAY[49.99, 50, 65, 80]::numeric[]) AS s;
SELECT is(htx_rating_from_score(s, NULL), htx_rating_from_score(s), format('fined NULL counts as not fined (%s)', s))
FROM unnest(ARRAY[49.99, 50, 65, 80]::numeric[]) AS s;
SELECT is(htx_rating_from_score(NULL)::text, 'không xếp loại', 'no score: không xếp loại');
SELECT is(htx_rating_from_score(NULL, false)::text, 'không xếp loại', 'no score, not fined: không xếp loại');
SELECT is(htx_rating_from_score(NULL, NULL)::text, 'không xếp loại', 'no score, fined unknown: không xếp loại');
SELECT is(htx_rating_from_score(score => 70, fined => false)::text, 'khá', 'named arguments');

-- other argument types
SELECT is(htx_rating_from_score(80)::text, 'tốt', 'an integer score');
SELECT is(htx_rating_from_score(65::smallint)::text, 'khá', 'a smallint score');
SELECT is(htx_rating_from_score(50::bigint)::text, 'trung bình', 'a bigint score');
SELECT is(htx_rating_from_score(79.99::htx_score)::text, 'khá', 'an htx_score');
SELECT is(htx_rating_from_score(79.99::float8::numeric)::text, 'khá', 'a float8 score through numeric');

-- out of range: 22003, even when fined
SELECT throws_ok(format('SELECT htx_rating_from_score(%L::numeric, %L::bool)', s, f), '22003',
		format('score %s is out of range', s), format('score %s (fined %s) is out of range', s, f))
FROM unnest(ARRAY['-0.01', '-1', '100.01', '100.000001', '101', '1000000000', 'NaN', 'Infinity', '-Infinity']) AS s,
     unnest(ARRAY[false, true]) AS f;

-- the htx_score domain: numeric(5,2) in 0..100
SELECT is(99.999::htx_score, 100.00::htx_score, 'htx_score rounds to two decimals (99.999 is 100.00)');
SELECT is(htx_rating_from_score(49.995::htx_score)::text, 'trung bình', 'so 49.995 as htx_score is 50.00: trung bình');
SELECT is(htx_rating_from_score(49.995)::text, 'yếu', 'but 49.995 as numeric is under 50: yếu');
SELECT is(htx_rating_from_score(64.994::htx_score)::text, 'trung bình', '64.994 as htx_score is 64.99: trung bình');
SELECT throws_ok(format('SELECT (%s)::htx_score', s), '23514', NULL, format('%s is not an htx_score (23514)', s))
FROM unnest(ARRAY['100.01', '100.005', '-0.01', '-0.005']) AS s;
SELECT throws_ok($$SELECT 'NaN'::htx_score$$, '23514', NULL, 'NaN is not an htx_score (23514: NaN sorts above 100)');
SELECT throws_ok($$SELECT 1000::htx_score$$, '22003', NULL, '1000 does not fit numeric(5,2) (22003)');
SELECT is((-0.001)::htx_score, 0::htx_score, '-0.001 rounds to 0');
SELECT is(NULL::htx_score, NULL, 'NULL is an htx_score');
CREATE TEMP TABLE sheet (coop int, score htx_score, fined bool);
SELECT throws_ok($$INSERT INTO sheet VALUES (1, 101, false)$$, '23514', NULL, 'a table column of htx_score rejects 101');
INSERT INTO sheet VALUES (1, 85, false), (2, 85, true), (3, NULL, false), (4, 64.99, NULL), (5, 0, false);
SELECT results_eq($$SELECT coop, htx_rating_from_score(score, fined)::text FROM sheet ORDER BY coop$$,
	$$VALUES (1, 'tốt'), (2, 'yếu'), (3, 'không xếp loại'), (4, 'trung bình'), (5, 'yếu')$$,
	'a year of score sheets');

-- the function's catalog entry
SELECT results_eq($$SELECT provolatile::text, proparallel::text, proisstrict, pronargdefaults::int
	FROM pg_proc WHERE oid = 'htx_rating_from_score(numeric, boolean)'::regprocedure$$,
	$$VALUES ('i', 's', false, 1)$$, 'htx_rating_from_score is IMMUTABLE, PARALLEL SAFE, not strict, fined defaults');
SELECT is((SELECT typbasetype::regtype::text || '(' || ((typtypmod - 4) >> 16) || ',' || ((typtypmod - 4) & 65535) || ')'
	FROM pg_type WHERE typname = 'htx_score'), 'numeric(5,2)', 'htx_score is numeric(5,2)');

SELECT * FROM finish();
ROLLBACK;
