-- htx_evaluation_state: text round trips of states from real aggregation,
-- two-stage aggregation through the combine function (as Citus does it, with
-- states shipped as text), every malformed text form and every consistency
-- rule (22P02, with the DETAIL naming the rule), states on each rule's edge
-- accepted, the final functions on extreme states, and direct calls that
-- must not modify their argument.  Binary input is in
-- test/tap/aggregates_state_binary.sh.
BEGIN;
SELECT plan(82);

SET LOCAL lc_messages = 'C';
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE SCHEMA aggs;

-- SQLSTATE and DETAIL of the error a statement raises, or 'no error'
CREATE FUNCTION aggs.error_of(stmt text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	state text;
	detail text;
BEGIN
	EXECUTE stmt;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, detail = PG_EXCEPTION_DETAIL;
	RETURN state || ' ' || coalesce(detail, '(no detail)');
END
$f$;
-- a state of 20 fields, zero except the named ones: aggs.st('rows', 3, 'good', 2)
CREATE FUNCTION aggs.st(VARIADIC kv text[]) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $f$
DECLARE
	names text[] := ARRAY['rows', 'not_rated', 'weak', 'average', 'fair', 'good',
		'revenue_reported', 'revenue_total', 'members_reported', 'members_total',
		'tech_reported', 'tech_count', 'managers_reported', 'managers_total',
		'trained_reported', 'trained_total', 'paired_managers', 'paired_trained',
		'model_reported', 'model_count'];
	v text[] := array_fill('0'::text, ARRAY[20]);
	i int;
BEGIN
	FOR i IN 1 .. coalesce(array_length(kv, 1), 0) BY 2 LOOP
		IF array_position(names, kv[i]) IS NULL THEN
			RAISE EXCEPTION 'no field %', kv[i];
		END IF;
		v[array_position(names, kv[i])] := kv[i + 1];
	END LOOP;
	RETURN 'v1(' || array_to_string(v, ',') || ')';
END
$f$;

-- aggregates returning the state itself
CREATE AGGREGATE aggs.evaluate_state(htx_rating, bigint, int, bool, int, int, bool) (
	SFUNC = htx_evaluate_accum, STYPE = htx_evaluation_state,
	INITCOND = 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)');
CREATE AGGREGATE aggs.combine_states(htx_evaluation_state) (
	SFUNC = htx_evaluation_state_combine, STYPE = htx_evaluation_state,
	INITCOND = 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)');

CREATE TABLE aggs.coop AS
SELECT i AS id, 1 + i % 9 AS district, 2020 + (i / 9) % 6 AS year,
	CASE WHEN h1 % 13 = 0 THEN NULL ELSE (h1 % 5)::htx_rating END AS rating,
	CASE WHEN h2 % 17 = 0 THEN NULL ELSE (h2 % 100000)::bigint * 99991 END AS revenue_vnd,
	CASE WHEN h3 % 19 = 0 THEN NULL ELSE h3 % 300 END AS members,
	CASE WHEN h4 % 23 = 0 THEN NULL ELSE h4 % 3 = 0 END AS applies_tech,
	CASE WHEN h5 % 11 = 0 THEN NULL ELSE h5 % 8 END AS managers,
	CASE WHEN h6 % 7 = 0 THEN NULL WHEN h5 % 11 = 0 THEN h6 % 5 ELSE h6 % (h5 % 8 + 1) END AS managers_trained,
	CASE WHEN h7 % 29 = 0 THEN NULL ELSE h7 % 10 = 0 END AS is_model
FROM generate_series(1, 20000) AS i,
	LATERAL (SELECT hashint4(i * 31 + 1) & 2147483647, hashint4(i * 31 + 2) & 2147483647,
	                hashint4(i * 31 + 3) & 2147483647, hashint4(i * 31 + 4) & 2147483647,
	                hashint4(i * 31 + 5) & 2147483647, hashint4(i * 31 + 6) & 2147483647,
	                hashint4(i * 31 + 7) & 2147483647) AS h(h1, h2, h3, h4, h5, h6, h7);
-- states per district and year, and per a finer split of the same rows
CREATE TABLE aggs.states AS
SELECT district, year, aggs.evaluate_state(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) AS s
FROM aggs.coop GROUP BY district, year;
CREATE TABLE aggs.shards AS
SELECT district, year, id % 7 AS shard,
	aggs.evaluate_state(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model)::text AS s
FROM aggs.coop GROUP BY district, year, id % 7;

-- ---------------------------------------------------------------------------
-- round trips
-- ---------------------------------------------------------------------------
SELECT is((SELECT count(*)::int FROM aggs.states), 54, 'a state for each of 54 groups');
SELECT is((SELECT count(*)::int FROM aggs.states WHERE s::text::htx_evaluation_state::text <> s::text), 0,
	'text output reads back as the same state, for every group');
SELECT is((SELECT count(*)::int FROM aggs.states WHERE s::text !~ '^v1\((\d+,){19}\d+\)$'), 0,
	'text form: v1( 20 unsigned integers )');
SELECT is((SELECT count(*)::int FROM aggs.states WHERE length(htx_evaluation_state_send(s)) <> 161), 0,
	'binary form: 161 bytes (version and 20 int8)');
SELECT is((SELECT count(*)::int FROM aggs.states WHERE get_byte(htx_evaluation_state_send(s), 0) <> 1), 0,
	'binary form starts with version 1');
SELECT is((SELECT count(*)::int FROM aggs.states
	WHERE ('x' || encode(substr(htx_evaluation_state_send(s), 2, 8), 'hex'))::bit(64)::bigint
	      <> split_part(substr(s::text, 4), ',', 1)::bigint), 0,
	'binary form: rows is the first field, big-endian');
SELECT is((SELECT count(*)::int FROM aggs.states s JOIN (
		SELECT district, year, htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) AS e
		FROM aggs.coop GROUP BY district, year) e USING (district, year)
	WHERE htx_evaluate_final(s.s::text::htx_evaluation_state)::text IS DISTINCT FROM e.e::text), 0,
	'the final function on a state read back from text gives htx_evaluate''s result');
SELECT is((SELECT count(*)::int FROM aggs.states s JOIN (
		SELECT district, year, htx_rating_counts(rating) AS c, htx_good_fair_share(rating) AS g
		FROM aggs.coop GROUP BY district, year) e USING (district, year)
	WHERE htx_rating_counts_final(s.s::text::htx_evaluation_state) IS DISTINCT FROM e.c
	   OR htx_good_fair_share_final(s.s::text::htx_evaluation_state) IS DISTINCT FROM e.g), 0,
	'... and the rating aggregates'' final functions give theirs');

-- two stages, states shipped as text between them (what Citus does)
SELECT is((SELECT count(*)::int FROM aggs.shards), 54 * 7, 'seven partial states a group');
SELECT results_eq(
	$$SELECT district, year, htx_evaluate_final(aggs.combine_states(s::htx_evaluation_state))::text
	  FROM aggs.shards GROUP BY district, year ORDER BY 1, 2$$,
	$$SELECT district, year, htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model)::text
	  FROM aggs.coop GROUP BY district, year ORDER BY 1, 2$$,
	'partial states as text, combined and finalised, equal the one-stage result');
SELECT results_eq(
	$$SELECT district, aggs.combine_states(s::htx_evaluation_state)::text FROM aggs.shards GROUP BY district ORDER BY 1$$,
	$$SELECT district, aggs.combine_states(s)::text FROM aggs.states GROUP BY district ORDER BY 1$$,
	'combining is associative: by shard or by year, the district''s state is the same');
SELECT results_eq(
	$$SELECT district, htx_evaluate_final(aggs.combine_states(s))::text FROM aggs.states GROUP BY district ORDER BY 1$$,
	$$SELECT district, htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model)::text
	  FROM aggs.coop GROUP BY district ORDER BY 1$$,
	'years combined into districts equal htx_evaluate by district');
SELECT is(htx_evaluation_state_combine(s, 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)')::text, s::text,
	'combining with the empty state changes nothing')
FROM aggs.states WHERE district = 1 AND year = 2020;
SELECT is(htx_evaluation_state_combine(a.s, b.s)::text, htx_evaluation_state_combine(b.s, a.s)::text,
	'combining is commutative')
FROM aggs.states a, aggs.states b WHERE a.district = 1 AND a.year = 2020 AND b.district = 2 AND b.year = 2021;

-- the state's meaning, field by field, for one row
SELECT is(htx_evaluate_accum(NULL, 'tốt', 5, 1, true, 2, 2, false)::text,
	aggs.st('rows', '1', 'good', '1', 'revenue_reported', '1', 'revenue_total', '5', 'members_reported', '1',
	        'members_total', '1', 'tech_reported', '1', 'tech_count', '1', 'managers_reported', '1',
	        'managers_total', '2', 'trained_reported', '1', 'trained_total', '2', 'paired_managers', '2',
	        'paired_trained', '2', 'model_reported', '1'),
	'one fully reported row fills the documented fields');
SELECT is(htx_evaluate_accum(NULL, NULL, NULL, NULL, NULL, 3, NULL, NULL)::text,
	aggs.st('rows', '1', 'managers_reported', '1', 'managers_total', '3'),
	'managers without trained: no paired totals');
SELECT is(htx_evaluate_accum(NULL, 'không xếp loại', NULL, NULL, NULL, NULL, 4, NULL)::text,
	aggs.st('rows', '1', 'not_rated', '1', 'trained_reported', '1', 'trained_total', '4'),
	'trained without managers: no paired totals, no trained > managers check');
SELECT is(htx_rating_accum(htx_rating_accum(NULL, 'yếu'), NULL)::text,
	aggs.st('rows', '2', 'weak', '1'), 'htx_rating_accum counts rows and levels only');

-- direct calls copy: the argument is never modified
SELECT is(s::text, 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'a direct transition call leaves its argument alone')
FROM (SELECT s, htx_evaluate_accum(s, 'tốt', 1, 1, true, 1, 1, true) AS t
      FROM (SELECT 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::htx_evaluation_state AS s OFFSET 0) a OFFSET 0) b;
SELECT is(s::text, aggs.st('rows', '1'), 'a direct combine call leaves its first argument alone')
FROM (SELECT s, htx_evaluation_state_combine(s, s) AS t
      FROM (SELECT aggs.st('rows', '1')::htx_evaluation_state AS s OFFSET 0) a OFFSET 0) b;

-- ---------------------------------------------------------------------------
-- malformed text: 22P02
-- ---------------------------------------------------------------------------
SELECT throws_ok($$SELECT 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::htx_evaluation_state$$, '22P02',
	'invalid input syntax for type htx_evaluation_state: "v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)"',
	'wrong version prefix: 22P02, the input quoted');
SELECT is(aggs.error_of(format('SELECT %L::htx_evaluation_state', t)), '22P02 ' || d, format('%s: 22P02', why))
FROM (VALUES
	('', 'It must start with "v1(".', 'empty'),
	('v1', 'It must start with "v1(".', 'prefix only'),
	('V1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'It must start with "v1(".', 'upper-case V'),
	(' v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'It must start with "v1(".', 'leading space'),
	('(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'It must start with "v1(".', 'no version'),
	('v1()', 'Field rows is not an unsigned integer.', 'no fields'),
	('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Expected 20 comma-separated fields in parentheses.', '19 fields'),
	('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Expected 20 comma-separated fields in parentheses.', '21 fields'),
	('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0', 'Expected 20 comma-separated fields in parentheses.', 'no closing parenthesis'),
	('v1(0;0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Expected 20 comma-separated fields in parentheses.', 'semicolon'),
	('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,)', 'Field model_count is not an unsigned integer.', 'empty last field'),
	('v1(0,,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Field not_rated is not an unsigned integer.', 'empty field'),
	('v1(-1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Field rows is not an unsigned integer.', 'negative'),
	('v1(+1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Field rows is not an unsigned integer.', 'plus sign'),
	('v1( 1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Field rows is not an unsigned integer.', 'space before a field'),
	('v1(1 ,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Expected 20 comma-separated fields in parentheses.', 'space after a field'),
	('v1(1.0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Expected 20 comma-separated fields in parentheses.', 'decimal point'),
	('v1(0x1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Expected 20 comma-separated fields in parentheses.', 'hexadecimal'),
	('v1(1e3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Expected 20 comma-separated fields in parentheses.', 'exponent'),
	('v1(a,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Field rows is not an unsigned integer.', 'a letter'),
	('v1(٣,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Field rows is not an unsigned integer.', 'a non-ASCII digit'),
	('v1(9223372036854775808,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Field rows is out of range.', '2^63'),
	('v1(99999999999999999999999,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'Field rows is out of range.', 'far out of range'),
	('v1(1,0,0,0,0,0,1,18446744073709551617,0,0,0,0,0,0,0,0,0,0,0,0)', 'Field revenue_total is out of range.', '2^64 + 1 in a later field'),
	('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)x', 'Unexpected text after ")".', 'trailing junk'),
	('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0) ', 'Unexpected text after ")".', 'trailing space'),
	('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0))', 'Unexpected text after ")".', 'two closing parentheses')
) AS x(t, d, why);

-- every consistency rule, each broken alone
SELECT is(aggs.error_of(format('SELECT %L::htx_evaluation_state', aggs.st(VARIADIC kv))), '22P02 ' || d, format('%s: 22P02', why))
FROM (VALUES
	(ARRAY['rows', '1', 'not_rated', '2'], 'Field not_rated exceeds rows.', 'not_rated above rows'),
	(ARRAY['rows', '1', 'weak', '2'], 'Field weak exceeds rows.', 'weak above rows'),
	(ARRAY['rows', '1', 'average', '2'], 'Field average exceeds rows.', 'average above rows'),
	(ARRAY['rows', '1', 'fair', '2'], 'Field fair exceeds rows.', 'fair above rows'),
	(ARRAY['good', '1'], 'Field good exceeds rows.', 'good without rows'),
	(ARRAY['rows', '2', 'weak', '1', 'good', '2'], 'The rating counts add up to more than rows.', 'levels adding up above rows'),
	(ARRAY['rows', '9223372036854775807', 'not_rated', '9223372036854775807', 'weak', '9223372036854775807',
	       'average', '9223372036854775807'], 'The rating counts add up to more than rows.', 'levels whose sum wraps around int64'),
	(ARRAY['rows', '1', 'revenue_reported', '2', 'revenue_total', '5'], 'A reported count exceeds rows.', 'revenue_reported above rows'),
	(ARRAY['rows', '1', 'members_reported', '2'], 'A reported count exceeds rows.', 'members_reported above rows'),
	(ARRAY['rows', '1', 'tech_reported', '2'], 'A reported count exceeds rows.', 'tech_reported above rows'),
	(ARRAY['rows', '1', 'managers_reported', '2'], 'A reported count exceeds rows.', 'managers_reported above rows'),
	(ARRAY['rows', '1', 'trained_reported', '2'], 'A reported count exceeds rows.', 'trained_reported above rows'),
	(ARRAY['rows', '1', 'model_reported', '2'], 'A reported count exceeds rows.', 'model_reported above rows'),
	(ARRAY['rows', '1', 'revenue_total', '5'], 'A total is not zero although no row reported it.', 'revenue without reporting rows'),
	(ARRAY['rows', '1', 'members_total', '5'], 'A total is not zero although no row reported it.', 'members without reporting rows'),
	(ARRAY['rows', '1', 'managers_total', '5'], 'A total is not zero although no row reported it.', 'managers without reporting rows'),
	(ARRAY['rows', '1', 'trained_total', '5'], 'A total is not zero although no row reported it.', 'trained without reporting rows'),
	(ARRAY['rows', '1', 'tech_reported', '1', 'tech_count', '2'], 'A true count exceeds its reported count.', 'tech_count above tech_reported'),
	(ARRAY['rows', '1', 'model_reported', '1', 'model_count', '2'], 'A true count exceeds its reported count.', 'model_count above model_reported'),
	(ARRAY['rows', '1', 'managers_reported', '1', 'managers_total', '3', 'trained_reported', '1', 'trained_total', '3',
	       'paired_managers', '2', 'paired_trained', '3'], 'The paired manager totals are inconsistent.', 'paired trained above paired managers'),
	(ARRAY['rows', '1', 'managers_reported', '1', 'managers_total', '3', 'trained_reported', '1', 'trained_total', '3',
	       'paired_managers', '4', 'paired_trained', '1'], 'The paired manager totals are inconsistent.', 'paired managers above managers_total'),
	(ARRAY['rows', '1', 'managers_reported', '1', 'managers_total', '3', 'trained_reported', '1', 'trained_total', '1',
	       'paired_managers', '3', 'paired_trained', '2'], 'The paired manager totals are inconsistent.', 'paired trained above trained_total')
) AS x(kv, d, why);

-- the edge of every rule is accepted, and round-trips
SELECT is(aggs.error_of(format('SELECT %L::htx_evaluation_state::text', s)), 'no error', format('accepted: %s', why))
FROM (VALUES
	(aggs.st('rows', '0'), 'the empty state'),
	(aggs.st('rows', '5', 'not_rated', '1', 'weak', '1', 'average', '1', 'fair', '1', 'good', '1'), 'levels adding up to rows'),
	(aggs.st('rows', '9223372036854775807', 'good', '9223372036854775807', 'revenue_reported', '9223372036854775807',
	         'revenue_total', '9223372036854775807', 'members_reported', '1', 'tech_reported', '9223372036854775807',
	         'tech_count', '9223372036854775807'), 'every count at 2^63 - 1'),
	(aggs.st('rows', '1', 'revenue_reported', '1'), 'a reported total of zero'),
	(aggs.st('rows', '2', 'managers_reported', '2', 'managers_total', '7', 'trained_reported', '1', 'trained_total', '5',
	         'paired_managers', '5', 'paired_trained', '5'), 'paired totals at their bounds'),
	(aggs.st('rows', '00000000000000000000000001'), 'leading zeros')
) AS x(s, why);
SELECT is('v1(00001,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::htx_evaluation_state::text,
	aggs.st('rows', '1'), 'leading zeros are dropped on output');

-- ---------------------------------------------------------------------------
-- final functions on extreme (valid) states: no overflow, no crash
-- ---------------------------------------------------------------------------
SELECT is(htx_evaluate_final(aggs.st('rows', '9223372036854775807', 'good', '4611686018427387904',
		'weak', '4611686018427387903', 'revenue_reported', '1', 'revenue_total', '9223372036854775807',
		'tech_reported', '9223372036854775807', 'tech_count', '9223372036854775807')::htx_evaluation_state)::text,
	'(9223372036854775807,9223372036854775807,4611686018427387904,0,0,4611686018427387903,0,0,0.5,1,9223372036854775807,9223372036854775807,,9223372036854775807,9223372036854775807,1,,,,0)',
	'htx_evaluate_final at 2^63 - 1 rows: exact counts, shares and average (as avg() prints it)');
SELECT is(htx_rating_counts_final(aggs.st('rows', '9223372036854775807', 'not_rated', '1', 'good', '9223372036854775806')::htx_evaluation_state),
	ROW(9223372036854775807, 9223372036854775806, 0, 0, 0, 1)::htx_rating_count,
	'htx_rating_counts_final at 2^63 - 1');
SELECT is(htx_good_fair_share_final(aggs.st('rows', '9223372036854775807', 'not_rated', '9223372036854775807')::htx_evaluation_state),
	NULL::float8, 'htx_good_fair_share_final: nothing rated is NULL');
SELECT is(htx_evaluate_final(aggs.st('rows', '0')::htx_evaluation_state)::text, '(0,0,0,0,0,0,0,0,,0,,,,0,0,,,,,0)',
	'htx_evaluate_final on the empty state: zero counts, NULL totals and shares');
SELECT is(htx_evaluate_final(NULL), NULL, 'the final functions are strict');

SELECT * FROM finish();
ROLLBACK;
