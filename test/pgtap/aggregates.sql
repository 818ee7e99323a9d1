-- htx_evaluate, htx_rating_counts and htx_good_fair_share equal plain SQL
-- (count(*) FILTER, sum, avg, x::float8 / y) on the same rows: generated
-- data with NULLs in every argument, groups with nothing rated or nothing
-- reported, empty inputs, extreme revenue; serial, forced parallel and
-- partitionwise plans; GROUPING SETS / ROLLUP; moving window frames.
-- States and their I/O are in aggregates_state.sql.
--
-- The tables are ordinary (not TEMP) tables in a schema of this transaction:
-- parallel workers cannot scan temp tables, but do see what this transaction
-- wrote.  Comparisons in parallel plans use bag_eq, which materialises each
-- query with CREATE TABLE AS (parallel allowed); results_eq reads through a
-- cursor, which PostgreSQL never runs in parallel.
BEGIN;
SELECT plan(64);

SET LOCAL lc_messages = 'C';
CREATE SCHEMA aggt;

-- ---------------------------------------------------------------------------
-- data: 54 000 cooperative-years, deterministic (hashes of i, no random())
-- ---------------------------------------------------------------------------
CREATE FUNCTION aggt.h(i int, k int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT hashint4(i * 31 + k) & 2147483647 $$;

CREATE TABLE aggt.coop (
	id int, district int, year int, rating htx_rating, revenue_vnd bigint,
	members int, applies_tech bool, managers int, managers_trained int, is_model bool);

INSERT INTO aggt.coop
SELECT i, 1 + i % 9, 2020 + (i / 9) % 6,
	CASE WHEN aggt.h(i, 1) % 13 = 0 THEN NULL ELSE (aggt.h(i, 1) % 5)::htx_rating END,
	CASE WHEN aggt.h(i, 2) % 17 = 0 THEN NULL
	     WHEN aggt.h(i, 2) % 17 = 1 THEN 0
	     ELSE (aggt.h(i, 2) % 20000)::bigint * 1000003 END,
	CASE WHEN aggt.h(i, 3) % 19 = 0 THEN NULL ELSE aggt.h(i, 3) % 300 END,
	CASE WHEN aggt.h(i, 4) % 23 = 0 THEN NULL ELSE aggt.h(i, 4) % 3 = 0 END,
	m,
	CASE WHEN aggt.h(i, 6) % 7 = 0 THEN NULL
	     WHEN m IS NULL THEN aggt.h(i, 6) % 5
	     ELSE aggt.h(i, 6) % (m + 1) END,
	CASE WHEN aggt.h(i, 7) % 29 = 0 THEN NULL ELSE aggt.h(i, 7) % 10 = 0 END
FROM generate_series(1, 54000) AS i,
	LATERAL (SELECT CASE WHEN aggt.h(i, 5) % 11 = 0 THEN NULL ELSE aggt.h(i, 5) % 8 END) AS x(m);

-- district 10: nothing rated (NULL ratings) but everything else reported
INSERT INTO aggt.coop
SELECT 100000 + i, 10, 2020 + i % 6, NULL, i * 1000, i, i % 2 = 0, 3, 1, i % 3 = 0
FROM generate_series(1, 60) AS i;
-- district 11: every argument NULL
INSERT INTO aggt.coop
SELECT 200000 + i, 11, 2020 + i % 6, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM generate_series(1, 30) AS i;
-- district 12: zero managers (a 0/0 share), only không xếp loại, zero revenue,
-- trained reported only where managers are not
INSERT INTO aggt.coop
SELECT 300000 + i, 12, 2020 + i % 6, 'không xếp loại', 0, 0, false,
	CASE WHEN i % 2 = 0 THEN 0 END, CASE WHEN i % 2 = 1 THEN 4 END, false
FROM generate_series(1, 24) AS i;

CREATE TABLE aggt.nothing (LIKE aggt.coop);

-- the same rows, partitioned by year
CREATE TABLE aggt.coop_by_year (LIKE aggt.coop) PARTITION BY LIST (year);
CREATE TABLE aggt.coop_2020 PARTITION OF aggt.coop_by_year FOR VALUES IN (2020);
CREATE TABLE aggt.coop_2021 PARTITION OF aggt.coop_by_year FOR VALUES IN (2021);
CREATE TABLE aggt.coop_2022 PARTITION OF aggt.coop_by_year FOR VALUES IN (2022);
CREATE TABLE aggt.coop_2023 PARTITION OF aggt.coop_by_year FOR VALUES IN (2023);
CREATE TABLE aggt.coop_2024 PARTITION OF aggt.coop_by_year FOR VALUES IN (2024);
CREATE TABLE aggt.coop_2025 PARTITION OF aggt.coop_by_year FOR VALUES IN (2025);
INSERT INTO aggt.coop_by_year SELECT * FROM aggt.coop;
ANALYZE aggt.coop, aggt.coop_by_year;

SELECT is((SELECT count(*)::int FROM aggt.coop), 54114, 'test data: 54114 rows');
SELECT ok((SELECT count(*) FILTER (WHERE rating IS NULL) > 0 AND count(*) FILTER (WHERE revenue_vnd IS NULL) > 0
	AND count(*) FILTER (WHERE members IS NULL) > 0 AND count(*) FILTER (WHERE applies_tech IS NULL) > 0
	AND count(*) FILTER (WHERE managers IS NULL) > 0 AND count(*) FILTER (WHERE managers_trained IS NULL) > 0
	AND count(*) FILTER (WHERE is_model IS NULL) > 0
	AND count(*) FILTER (WHERE managers IS NULL AND managers_trained IS NOT NULL) > 0
	AND count(*) FILTER (WHERE managers IS NOT NULL AND managers_trained IS NULL) > 0
	AND count(DISTINCT rating) = 5
	FROM aggt.coop WHERE district <= 9), 'test data: NULLs in every argument, every rating level');

-- ---------------------------------------------------------------------------
-- the two sides of every comparison
-- ---------------------------------------------------------------------------
-- htx: the three aggregates, every field, and the average's text (numeric
-- equality would not see a different display scale)
CREATE FUNCTION aggt.htx_q(src text, keys text, groupby text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($$SELECT %s,
	(htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model)).*,
	(htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model)).avg_revenue_vnd::text AS avg_text,
	(htx_rating_counts(rating)).total AS c_total, (htx_rating_counts(rating)).good AS c_good,
	(htx_rating_counts(rating)).fair AS c_fair, (htx_rating_counts(rating)).average AS c_average,
	(htx_rating_counts(rating)).weak AS c_weak, (htx_rating_counts(rating)).not_rated AS c_not_rated,
	htx_good_fair_share(rating) AS g
FROM %s %s$$,
	keys, src, CASE WHEN groupby IS NOT NULL THEN 'GROUP BY ' || groupby END)
$f$;
-- plain SQL, with the composite's column types
CREATE FUNCTION aggt.plain_q(src text, keys text, groupby text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($$SELECT %s,
	count(*) AS cooperatives,
	count(*) FILTER (WHERE rating IN ('tốt', 'khá', 'trung bình', 'yếu')) AS rated,
	count(*) FILTER (WHERE rating = 'tốt') AS good,
	count(*) FILTER (WHERE rating = 'khá') AS fair,
	count(*) FILTER (WHERE rating = 'trung bình') AS average,
	count(*) FILTER (WHERE rating = 'yếu') AS weak,
	count(*) FILTER (WHERE rating = 'không xếp loại') AS not_rated,
	count(*) FILTER (WHERE rating IS NULL) AS rating_missing,
	count(*) FILTER (WHERE rating IN ('tốt', 'khá'))::float8
		/ nullif(count(*) FILTER (WHERE rating IN ('tốt', 'khá', 'trung bình', 'yếu')), 0)::float8 AS good_fair_share,
	count(revenue_vnd) AS revenue_reported,
	sum(revenue_vnd)::bigint AS revenue_total_vnd,
	avg(revenue_vnd) AS avg_revenue_vnd,
	sum(members)::bigint AS members_total,
	count(applies_tech) AS tech_reported,
	count(*) FILTER (WHERE applies_tech) AS tech_count,
	count(*) FILTER (WHERE applies_tech)::float8 / nullif(count(applies_tech), 0)::float8 AS tech_share,
	sum(managers)::bigint AS managers_total,
	sum(managers_trained)::bigint AS managers_trained_total,
	sum(managers_trained) FILTER (WHERE managers IS NOT NULL)::float8
		/ nullif(sum(managers) FILTER (WHERE managers_trained IS NOT NULL), 0)::float8 AS managers_trained_share,
	count(*) FILTER (WHERE is_model) AS model_count,
	avg(revenue_vnd)::text AS avg_text,
	count(rating) AS c_total,
	count(*) FILTER (WHERE rating = 'tốt') AS c_good,
	count(*) FILTER (WHERE rating = 'khá') AS c_fair,
	count(*) FILTER (WHERE rating = 'trung bình') AS c_average,
	count(*) FILTER (WHERE rating = 'yếu') AS c_weak,
	count(*) FILTER (WHERE rating = 'không xếp loại') AS c_not_rated,
	count(*) FILTER (WHERE rating IN ('tốt', 'khá'))::float8
		/ nullif(count(*) FILTER (WHERE rating IN ('tốt', 'khá', 'trung bình', 'yếu')), 0)::float8 AS g
FROM %s %s$$,
	keys, src, CASE WHEN groupby IS NOT NULL THEN 'GROUP BY ' || groupby END)
$f$;
-- the plan of a query, as text
CREATE FUNCTION aggt.plan_of(q text, run bool DEFAULT false) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	line text;
	result text := '';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF' || CASE WHEN run THEN ', ANALYZE, TIMING OFF, SUMMARY OFF' ELSE '' END || ') ' || q
	LOOP
		result := result || line || E'\n';
	END LOOP;
	RETURN result;
END
$f$;
CREATE FUNCTION aggt.occurrences(haystack text, pattern text) RETURNS int LANGUAGE sql IMMUTABLE
AS $$ SELECT count(*)::int FROM regexp_matches(haystack, pattern, 'g') $$;

-- the comparisons themselves must be able to fail: a plain side that is off
-- by one row differs
SELECT isnt_empty(format('(%s) EXCEPT ALL (%s)',
	aggt.htx_q('aggt.coop', 'district, year', 'district, year'),
	aggt.plain_q('aggt.coop WHERE id <> 1', 'district, year', 'district, year')),
	'self-check: dropping one row from the plain side is seen');
SELECT isnt_empty(format('(%s) EXCEPT ALL (%s)',
	aggt.htx_q('aggt.coop', 'district, year', 'district, year'),
	replace(aggt.plain_q('aggt.coop', 'district, year', 'district, year'),
		'count(*) FILTER (WHERE is_model) AS model_count', 'count(is_model) AS model_count')),
	'self-check: a NULL counted as false is seen');

-- ---------------------------------------------------------------------------
-- serial
-- ---------------------------------------------------------------------------
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT results_eq(
	aggt.htx_q('aggt.coop', 'district, year', 'district, year') || ' ORDER BY 1, 2',
	aggt.plain_q('aggt.coop', 'district, year', 'district, year') || ' ORDER BY 1, 2',
	'serial, GROUP BY district, year: every field equals plain SQL, column types too');
SELECT results_eq(
	aggt.htx_q('aggt.coop', 'district', 'district') || ' ORDER BY 1',
	aggt.plain_q('aggt.coop', 'district', 'district') || ' ORDER BY 1',
	'serial, GROUP BY district (9 000 rows a group)');
SELECT results_eq(
	aggt.htx_q('aggt.coop', 'NULL::int AS district', NULL),
	aggt.plain_q('aggt.coop', 'NULL::int AS district', NULL),
	'serial, no GROUP BY: the province');
SELECT results_eq(
	aggt.htx_q('aggt.coop', 'id', 'id') || ' ORDER BY 1',
	aggt.plain_q('aggt.coop', 'id', 'id') || ' ORDER BY 1',
	'serial, one row a group: every NULL combination alone');

-- groups with nothing to share
SELECT results_eq(
	$$SELECT district, (e).rated, (e).rating_missing, (e).good_fair_share, (e).revenue_total_vnd,
	         (e).avg_revenue_vnd, (e).members_total, (e).tech_share, (e).managers_total,
	         (e).managers_trained_total, (e).managers_trained_share, (e).model_count
	  FROM (SELECT district, htx_evaluate(rating, revenue_vnd, members, applies_tech, managers,
	                                      managers_trained, is_model) AS e
	        FROM aggt.coop WHERE district >= 10 GROUP BY district) s ORDER BY 1$$,
	$$VALUES (10, 0::bigint, 60::bigint, NULL::float8, 1830000::bigint, 30500.0000000000000000::numeric, 1830::bigint,
	          0.5::float8, 180::bigint, 60::bigint, 1::float8 / 3, 20::bigint),
	         (11, 0, 30, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0),
	         (12, 0, 0, NULL, 0, 0.00000000000000000000, 0, 0, 0, 48, NULL, 0)$$,
	'nothing rated: NULL share; nothing reported: NULL totals and shares, zero counts; 0 managers: NULL share');
SELECT is((SELECT htx_good_fair_share(rating) FROM aggt.coop WHERE district = 12), NULL::float8,
	'htx_good_fair_share: only không xếp loại is NULL, not 0');
SELECT is((SELECT htx_rating_counts(rating) FROM aggt.coop WHERE district = 11),
	ROW(0, 0, 0, 0, 0, 0)::htx_rating_count, 'htx_rating_counts: all NULL ratings count nothing');

-- empty inputs
SELECT is_empty(aggt.htx_q('aggt.nothing', 'district, year', 'district, year'),
	'GROUP BY over a table with no rows: no groups');
SELECT is_empty(aggt.htx_q('aggt.coop WHERE false', 'district, year', 'district, year'),
	'GROUP BY with WHERE false: no groups');
SELECT results_eq(
	aggt.htx_q('aggt.nothing', 'NULL::int AS district', NULL),
	aggt.plain_q('aggt.nothing', 'NULL::int AS district', NULL),
	'no GROUP BY over no rows: one row, like count(*) and sum()');
SELECT results_eq(
	aggt.htx_q('aggt.coop WHERE false', 'NULL::int AS district', NULL),
	$$VALUES (NULL::int, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint,
	          NULL::float8, 0::bigint, NULL::bigint, NULL::numeric, NULL::bigint, 0::bigint, 0::bigint, NULL::float8,
	          NULL::bigint, NULL::bigint, NULL::float8, 0::bigint, NULL::text,
	          0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, NULL::float8)$$,
	'WHERE false: zero counts, NULL totals, NULL shares, literally');

-- GROUPING SETS and ROLLUP: the province beside its districts
SELECT results_eq(
	aggt.htx_q('aggt.coop', 'year, district, grouping(year, district) AS gs', 'year, ROLLUP (district)') || ' ORDER BY 1, 2 NULLS FIRST',
	aggt.plain_q('aggt.coop', 'year, district, grouping(year, district) AS gs', 'year, ROLLUP (district)') || ' ORDER BY 1, 2 NULLS FIRST',
	'GROUP BY year, ROLLUP (district): districts and the province each year');
SELECT results_eq(
	aggt.htx_q('aggt.coop', 'district, year, grouping(district, year) AS gs', 'GROUPING SETS ((district, year), (district), ())') || ' ORDER BY 3, 1, 2',
	aggt.plain_q('aggt.coop', 'district, year, grouping(district, year) AS gs', 'GROUPING SETS ((district, year), (district), ())') || ' ORDER BY 3, 1, 2',
	'GROUPING SETS ((district, year), (district), ())');
SELECT results_eq(
	aggt.htx_q('aggt.coop', 'year, district, grouping(year, district) AS gs', 'year, ROLLUP (district)') || ' ORDER BY 1, 2 NULLS FIRST',
	$$SELECT * FROM (($$ || aggt.plain_q('aggt.coop', 'year, district, 0 AS gs', 'year, district') || $$)
	  UNION ALL ($$ || aggt.plain_q('aggt.coop', 'year, NULL::int AS district, 1 AS gs', 'year') || $$)) u ORDER BY 1, 2 NULLS FIRST$$,
	'the ROLLUP''s province rows equal a separate plain GROUP BY year');
SET LOCAL enable_hashagg = off;
SELECT results_eq(
	aggt.htx_q('aggt.coop', 'district, year', 'district, year') || ' ORDER BY 1, 2',
	aggt.plain_q('aggt.coop', 'district, year', 'district, year') || ' ORDER BY 1, 2',
	'sorted GroupAggregate equals plain SQL');
SELECT matches(aggt.plan_of(aggt.htx_q('aggt.coop', 'district, year', 'district, year')), 'GroupAggregate',
	'... and that plan was a GroupAggregate');
RESET enable_hashagg;
SET LOCAL enable_sort = off;
SELECT results_eq(
	aggt.htx_q('aggt.coop', 'district, year, grouping(district, year) AS gs', 'GROUPING SETS ((district, year), (year))') || ' ORDER BY 3, 1, 2',
	aggt.plain_q('aggt.coop', 'district, year, grouping(district, year) AS gs', 'GROUPING SETS ((district, year), (year))') || ' ORDER BY 3, 1, 2',
	'hashed GROUPING SETS equal plain SQL');
SELECT matches(aggt.plan_of(aggt.htx_q('aggt.coop', 'district, year, grouping(district, year) AS gs', 'GROUPING SETS ((district, year), (year))')),
	'MixedAggregate|HashAggregate', '... and that plan hashed');
RESET enable_sort;

-- ---------------------------------------------------------------------------
-- forced parallel
-- ---------------------------------------------------------------------------
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;

SELECT matches(aggt.plan_of(aggt.htx_q('aggt.coop', 'district, year', 'district, year')),
	'Finalize .*Gather.*Partial ', 'parallel plan: Finalize over Gather over Partial aggregation');
SELECT matches(aggt.plan_of(aggt.htx_q('aggt.coop', 'district, year', 'district, year'), true),
	'Workers Launched: [12]', 'parallel workers are launched');
SELECT bag_eq(
	aggt.htx_q('aggt.coop', 'district, year', 'district, year'),
	aggt.plain_q('aggt.coop', 'district, year', 'district, year'),
	'parallel, GROUP BY district, year equals plain SQL');
SELECT bag_eq(
	aggt.htx_q('aggt.coop', 'district', 'district'),
	aggt.plain_q('aggt.coop', 'district', 'district'),
	'parallel, GROUP BY district equals plain SQL');
SELECT matches(aggt.plan_of(aggt.htx_q('aggt.coop', 'NULL::int AS district', NULL)),
	'Finalize Aggregate.*Gather.*Partial Aggregate', 'parallel plan without GROUP BY');
SELECT bag_eq(
	aggt.htx_q('aggt.coop', 'NULL::int AS district', NULL),
	aggt.plain_q('aggt.coop', 'NULL::int AS district', NULL),
	'parallel, no GROUP BY equals plain SQL');
SET LOCAL enable_sort = off;	-- few rows: else it gathers them and aggregates once
SELECT matches(aggt.plan_of(aggt.htx_q('aggt.coop WHERE district >= 10', 'district', 'district')),
	'Finalize .*Gather.*Partial ', 'parallel plan over the groups with nothing rated or reported');
SELECT bag_eq(
	aggt.htx_q('aggt.coop WHERE district >= 10', 'district', 'district'),
	aggt.plain_q('aggt.coop WHERE district >= 10', 'district', 'district'),
	'parallel, groups with nothing rated or reported equal plain SQL');
RESET enable_sort;
SELECT bag_eq(
	aggt.htx_q('aggt.nothing', 'NULL::int AS district', NULL),
	aggt.plain_q('aggt.nothing', 'NULL::int AS district', NULL),
	'parallel, no rows at all equals plain SQL');
SELECT matches(aggt.plan_of(aggt.htx_q('aggt.coop', 'year, district, grouping(year, district) AS gs', 'year, ROLLUP (district)')),
	'Gather', 'parallel ROLLUP plan: grouping sets over a parallel scan (PostgreSQL does not split them into partial aggregates)');
SELECT bag_eq(
	aggt.htx_q('aggt.coop', 'year, district, grouping(year, district) AS gs', 'year, ROLLUP (district)'),
	aggt.plain_q('aggt.coop', 'year, district, grouping(year, district) AS gs', 'year, ROLLUP (district)'),
	'parallel, ROLLUP equals plain SQL');

-- ---------------------------------------------------------------------------
-- partitionwise (partitioned by year)
-- ---------------------------------------------------------------------------
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT is(aggt.occurrences(aggt.plan_of(aggt.htx_q('aggt.coop_by_year', 'district, year', 'district, year')), 'Aggregate'), 1,
	'partitionwise aggregation off: one aggregate over the Append');
SET LOCAL enable_partitionwise_aggregate = on;
SELECT is(aggt.occurrences(aggt.plan_of(aggt.htx_q('aggt.coop_by_year', 'district, year', 'district, year')), '(Hash|Group)Aggregate'), 6,
	'GROUP BY district, year: one aggregate per partition');
SELECT matches(aggt.plan_of(aggt.htx_q('aggt.coop_by_year', 'district, year', 'district, year')), '^Append',
	'... under an Append, nothing to combine');
SELECT bag_eq(
	aggt.htx_q('aggt.coop_by_year', 'district, year', 'district, year'),
	aggt.plain_q('aggt.coop', 'district, year', 'district, year'),
	'partitionwise, GROUP BY district, year equals plain SQL on the unpartitioned table');
SELECT is(aggt.occurrences(aggt.plan_of(aggt.htx_q('aggt.coop_by_year', 'district', 'district')), 'Partial (Hash|Group)Aggregate'), 6,
	'GROUP BY district: a partial aggregate per partition');
SELECT matches(aggt.plan_of(aggt.htx_q('aggt.coop_by_year', 'district', 'district')), '^Finalize',
	'... combined by a Finalize aggregate');
SELECT bag_eq(
	aggt.htx_q('aggt.coop_by_year', 'district', 'district'),
	aggt.plain_q('aggt.coop', 'district', 'district'),
	'partial partitionwise, GROUP BY district equals plain SQL');
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT matches(aggt.plan_of(aggt.htx_q('aggt.coop_by_year', 'district', 'district')), 'Gather.*Partial',
	'partitionwise and parallel together');
SELECT bag_eq(
	aggt.htx_q('aggt.coop_by_year', 'district', 'district'),
	aggt.plain_q('aggt.coop', 'district', 'district'),
	'partitionwise and parallel, GROUP BY district equals plain SQL');
SELECT bag_eq(
	aggt.htx_q('aggt.coop_by_year', 'year, district, grouping(year, district) AS gs', 'year, ROLLUP (district)'),
	aggt.plain_q('aggt.coop', 'year, district, grouping(year, district) AS gs', 'year, ROLLUP (district)'),
	'ROLLUP over the partitioned table equals plain SQL');
RESET enable_partitionwise_aggregate;
SET LOCAL max_parallel_workers_per_gather = 0;

-- ---------------------------------------------------------------------------
-- window frames (moving aggregation: the inverse transition functions)
-- ---------------------------------------------------------------------------
CREATE FUNCTION aggt.htx_w(frame text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($$SELECT id, (e).*, (c).*, g FROM (SELECT id,
	htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) OVER w AS e,
	htx_rating_counts(rating) OVER w AS c, htx_good_fair_share(rating) OVER w AS g
	FROM aggt.coop WHERE id %% 20 = 0 OR district >= 10
	WINDOW w AS (PARTITION BY district ORDER BY %s)) s ORDER BY id$$, frame)
$f$;
CREATE FUNCTION aggt.plain_w(frame text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($$SELECT id,
	count(*) OVER w,
	count(*) FILTER (WHERE rating IN ('tốt', 'khá', 'trung bình', 'yếu')) OVER w,
	count(*) FILTER (WHERE rating = 'tốt') OVER w,
	count(*) FILTER (WHERE rating = 'khá') OVER w,
	count(*) FILTER (WHERE rating = 'trung bình') OVER w,
	count(*) FILTER (WHERE rating = 'yếu') OVER w,
	count(*) FILTER (WHERE rating = 'không xếp loại') OVER w,
	count(*) FILTER (WHERE rating IS NULL) OVER w,
	(count(*) FILTER (WHERE rating IN ('tốt', 'khá')) OVER w)::float8
		/ nullif(count(*) FILTER (WHERE rating IN ('tốt', 'khá', 'trung bình', 'yếu')) OVER w, 0)::float8,
	count(revenue_vnd) OVER w,
	(sum(revenue_vnd) OVER w)::bigint,
	avg(revenue_vnd) OVER w,
	(sum(members) OVER w)::bigint,
	count(applies_tech) OVER w,
	count(*) FILTER (WHERE applies_tech) OVER w,
	(count(*) FILTER (WHERE applies_tech) OVER w)::float8 / nullif(count(applies_tech) OVER w, 0)::float8,
	(sum(managers) OVER w)::bigint,
	(sum(managers_trained) OVER w)::bigint,
	(sum(managers_trained) FILTER (WHERE managers IS NOT NULL) OVER w)::float8
		/ nullif(sum(managers) FILTER (WHERE managers_trained IS NOT NULL) OVER w, 0)::float8,
	count(*) FILTER (WHERE is_model) OVER w,
	count(rating) OVER w,
	count(*) FILTER (WHERE rating = 'tốt') OVER w,
	count(*) FILTER (WHERE rating = 'khá') OVER w,
	count(*) FILTER (WHERE rating = 'trung bình') OVER w,
	count(*) FILTER (WHERE rating = 'yếu') OVER w,
	count(*) FILTER (WHERE rating = 'không xếp loại') OVER w,
	(count(*) FILTER (WHERE rating IN ('tốt', 'khá')) OVER w)::float8
		/ nullif(count(*) FILTER (WHERE rating IN ('tốt', 'khá', 'trung bình', 'yếu')) OVER w, 0)::float8
	FROM aggt.coop WHERE id %% 20 = 0 OR district >= 10
	WINDOW w AS (PARTITION BY district ORDER BY %s) ORDER BY id$$, frame)
$f$;
SELECT results_eq(aggt.htx_w('year, id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW'),
	aggt.plain_w('year, id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW'),
	'ROWS BETWEEN 2 PRECEDING AND CURRENT ROW equals plain window aggregates');
SELECT results_eq(aggt.htx_w('year RANGE BETWEEN 2 PRECEDING AND CURRENT ROW'),
	aggt.plain_w('year RANGE BETWEEN 2 PRECEDING AND CURRENT ROW'),
	'3-year moving RANGE frame equals plain window aggregates');
SELECT results_eq(aggt.htx_w('year, id ROWS BETWEEN 5 PRECEDING AND 3 PRECEDING'),
	aggt.plain_w('year, id ROWS BETWEEN 5 PRECEDING AND 3 PRECEDING'),
	'a frame that is empty for the first rows equals plain window aggregates');
SELECT results_eq(aggt.htx_w('year, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW'),
	aggt.plain_w('year, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW'),
	'running totals equal plain window aggregates');
SELECT results_eq(aggt.htx_w('year, id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING'),
	aggt.plain_w('year, id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING'),
	'shrinking frames (every row removed by the inverse) equal plain window aggregates');

-- the inverse undoes exactly one transition, NULLs included
SELECT is(
	htx_evaluate_inv(htx_evaluate_accum(htx_evaluate_accum(NULL, 'tốt', 7, 3, true, 2, 1, true),
		NULL, NULL, 4, NULL, NULL, 5, false), 'tốt', 7, 3, true, 2, 1, true)::text,
	htx_evaluate_accum(NULL, NULL, NULL, 4, NULL, NULL, 5, false)::text,
	'htx_evaluate_inv removes exactly the row htx_evaluate_accum added');
SELECT is(htx_rating_inv(htx_rating_accum(htx_rating_accum(NULL, 'khá'), NULL), 'khá')::text,
	htx_rating_accum(NULL, NULL)::text,
	'htx_rating_inv removes exactly the row htx_rating_accum added');
SELECT throws_ok($$SELECT htx_evaluate_inv(NULL, 'tốt', 1, 1, true, 1, 1, true)$$, '22000',
	'htx aggregate rows became negative', 'removing a row never added is an error, not a negative count');

-- ---------------------------------------------------------------------------
-- extremes and bad rows
-- ---------------------------------------------------------------------------
CREATE TABLE aggt.big (district int, revenue_vnd bigint);
INSERT INTO aggt.big VALUES (1, 4611686018427387903), (1, 4611686018427387904),   -- 2^62 - 1, 2^62
	(2, 4611686018427387904), (2, 4611686018427387904), (3, 9223372036854775807), (3, NULL), (3, 0);
SELECT results_eq(
	$$SELECT district, (e).revenue_total_vnd, (e).avg_revenue_vnd, (e).avg_revenue_vnd::text FROM (SELECT district,
	  htx_evaluate(NULL, revenue_vnd, NULL, NULL, NULL, NULL, NULL) AS e FROM aggt.big WHERE district IN (1, 3) GROUP BY 1) s ORDER BY 1$$,
	$$SELECT district, sum(revenue_vnd)::bigint, avg(revenue_vnd), avg(revenue_vnd)::text FROM aggt.big WHERE district IN (1, 3) GROUP BY 1 ORDER BY 1$$,
	'revenue summing to exactly 2^63 - 1: exact total and average, as sum() and avg()');
SELECT throws_ok($$SELECT htx_evaluate(NULL, revenue_vnd, NULL, NULL, NULL, NULL, NULL) FROM aggt.big WHERE district = 2$$,
	'22003', 'htx aggregate revenue_total is out of range for type bigint', 'two revenues of 2^62: 22003');
SELECT throws_ok($$SELECT htx_evaluate(NULL, revenue_vnd, NULL, NULL, NULL, NULL, NULL) FROM aggt.big$$,
	'22003', NULL, 'the province total over 2^63 - 1: 22003');
SET LOCAL parallel_setup_cost = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
CREATE TABLE aggt.big_parallel AS
SELECT i, CASE WHEN i IN (10, 49990) THEN 4611686018427387904 ELSE i END::bigint AS revenue_vnd
FROM generate_series(1, 50000) AS i;
SELECT throws_ok($$SELECT (htx_evaluate(NULL, revenue_vnd, NULL, NULL, NULL, NULL, NULL)).revenue_total_vnd FROM aggt.big_parallel$$,
	'22003', NULL, 'parallel: an overflow in partial states or in combining them is 22003');
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT throws_ok(format($$SELECT htx_evaluation_state_combine(%L, %L)$$,
		'v1(1,0,0,0,0,0,1,9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0)',
		'v1(1,0,0,0,0,0,1,1,0,0,0,0,0,0,0,0,0,0,0,0)'),
	'22003', 'htx aggregate revenue_total is out of range for type bigint', 'combining two states whose total overflows: 22003');
SELECT throws_ok(format($$SELECT htx_evaluation_state_combine(%L, %L)$$,
		'v1(9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
		'v1(1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
	'22003', 'htx aggregate rows is out of range for type bigint', 'combining two states whose row count overflows: 22003');
SELECT is((htx_evaluate(NULL, NULL, members, NULL, managers, managers_trained, NULL)).members_total,
	2147483647::bigint * 3, 'int4 members are summed in bigint')
FROM (VALUES (2147483647, 2147483647, 2147483647), (2147483647, 0, 0), (2147483647, NULL, 0)) v(members, managers, managers_trained);

SELECT throws_ok($$SELECT htx_evaluate(NULL, v, NULL, NULL, NULL, NULL, NULL) FROM (VALUES (1::bigint), (-1)) x(v)$$,
	'22023', 'revenue_vnd must not be negative', 'negative revenue: 22023');
SELECT throws_ok($$SELECT htx_evaluate(NULL, NULL, v, NULL, NULL, NULL, NULL) FROM (VALUES (1), (-1)) x(v)$$,
	'22023', 'members must not be negative', 'negative members: 22023');
SELECT throws_ok($$SELECT htx_evaluate(NULL, NULL, NULL, NULL, v, NULL, NULL) FROM (VALUES (1), (-2147483648)) x(v)$$,
	'22023', 'managers must not be negative', 'negative managers: 22023');
SELECT throws_ok($$SELECT htx_evaluate(NULL, NULL, NULL, NULL, NULL, v, NULL) FROM (VALUES (1), (-1)) x(v)$$,
	'22023', 'managers_trained must not be negative', 'negative trained, managers not reported: 22023');
SELECT throws_ok($$SELECT htx_evaluate(NULL, NULL, NULL, NULL, m, t, NULL) FROM (VALUES (3, 3), (3, 4)) x(m, t)$$,
	'22023', 'managers_trained must not exceed managers', 'trained above managers: 22023');
SELECT throws_ok($$SELECT htx_evaluate(rating, revenue_vnd, members, applies_tech, managers,
	CASE WHEN id = 777 THEN managers + 1 ELSE managers_trained END, is_model) OVER (ORDER BY id ROWS 2 PRECEDING)
	FROM aggt.coop WHERE managers IS NOT NULL AND id < 1000$$,
	'22023', 'managers_trained must not exceed managers', 'a bad row in a window frame: 22023');

SELECT * FROM finish();
ROLLBACK;
