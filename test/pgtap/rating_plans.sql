-- htx_rating in plans: index scans and sorts, hash joins and hash
-- aggregation, hash partitioning, parallel min/max.  Each plan is checked
-- with EXPLAIN (so the test fails if the planner stops choosing it) and its
-- result compared with the same computation over the integer codes.
--
-- Queries that must run in parallel are run at top level and captured with
-- psql's \gset: inside a pgTAP call (a parallel-unsafe function) the planner
-- would never choose a parallel plan.
BEGIN;
SELECT plan(34);

CREATE FUNCTION pg_temp.plan_of(q text, do_analyze bool DEFAULT false) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	j json;
BEGIN
	EXECUTE format('EXPLAIN (FORMAT JSON, COSTS OFF%s) %s',
	               CASE WHEN do_analyze THEN ', ANALYZE, TIMING OFF, SUMMARY OFF' ELSE '' END, q) INTO j;
	RETURN j::text;
END $$;

-- 100 000 rows: codes in a fixed pseudo-random pattern, 7 groups
CREATE TABLE rp (id int, g int, r htx_rating, c int);
INSERT INTO rp SELECT i, i % 7, ((i * 7919) % 5)::htx_rating, (i * 7919) % 5 FROM generate_series(1, 100000) AS i;
-- and a few rows where only one group reaches tốt or falls to không xếp loại
UPDATE rp SET r = 'tốt', c = 4 WHERE id = 50000;
UPDATE rp SET r = 'không xếp loại', c = 0 WHERE id = 77777;
ANALYZE rp;

-- ---------------------------------------------------------------------------
-- btree index scans and sorts
-- ---------------------------------------------------------------------------
CREATE INDEX rp_r ON rp (r);
SET LOCAL enable_seqscan = off;
SET LOCAL enable_bitmapscan = off;
SELECT ok(pg_temp.plan_of($$SELECT id FROM rp WHERE r = 'khá'$$) LIKE '%"Index Name": "rp_r"%',
	'= uses the btree index');
SELECT ok(pg_temp.plan_of($$SELECT id FROM rp WHERE r >= 'khá'$$) LIKE '%"Index Name": "rp_r"%',
	'>= uses the btree index');
SELECT is((SELECT count(*) FROM rp WHERE r >= 'khá'), (SELECT count(*) FROM rp WHERE c >= 3),
	'index range scan finds the same rows as the codes');
SELECT is((SELECT count(*) FROM rp WHERE r = 'không xếp loại'), (SELECT count(*) FROM rp WHERE c = 0),
	'index equality scan on the lowest code');
SELECT is((SELECT count(*) FROM rp WHERE r < 'yếu'), (SELECT count(*) FROM rp WHERE c < 1),
	'index scan below yếu finds only không xếp loại');
SELECT ok(pg_temp.plan_of($$SELECT r FROM rp ORDER BY r LIMIT 10$$) LIKE '%"Index Name": "rp_r"%'
          AND pg_temp.plan_of($$SELECT r FROM rp ORDER BY r LIMIT 10$$) NOT LIKE '%"Sort"%',
	'ORDER BY r is read from the index, no sort');
SELECT is(array_agg(x::int), ARRAY[4, 4, 4], 'ORDER BY r DESC from the index starts with tốt')
FROM (SELECT r AS x FROM rp ORDER BY r DESC LIMIT 3) s;
RESET enable_seqscan;
RESET enable_bitmapscan;

-- deduplication is allowed (btequalimage) and used
SELECT ok((SELECT opcdefault FROM pg_opclass WHERE opcname = 'htx_rating_ops'), 'btree opclass is default');
CREATE INDEX rp_r_dedup ON rp (r) WITH (deduplicate_items = on);
CREATE INDEX rp_r_nodedup ON rp (r) WITH (deduplicate_items = off);
SELECT cmp_ok(pg_relation_size('rp_r_dedup') * 2, '<', pg_relation_size('rp_r_nodedup'),
	'btree deduplication works: under half the size of the same index without it');

-- a sort, with sortsupport, against the codes
SET LOCAL enable_indexscan = off;
SET LOCAL enable_indexonlyscan = off;
SET LOCAL enable_bitmapscan = off;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT ok(pg_temp.plan_of($$SELECT id, r FROM rp ORDER BY r, id$$) LIKE '%"Node Type": "Sort"%',
	'ORDER BY r sorts when no index may be used');
SELECT is_empty($$
	SELECT * FROM (SELECT id, row_number() OVER (ORDER BY r, id) AS a, row_number() OVER (ORDER BY c, id) AS b FROM rp) s
	WHERE a <> b$$, 'the sort orders 100 000 rows as their codes do');
SET LOCAL work_mem = '64kB';
SELECT ok(pg_temp.plan_of($$SELECT id, r FROM rp ORDER BY r DESC, id$$, true) LIKE '%"Sort Method": "external merge"%',
	'a sort too big for work_mem spills to disk');
SELECT is_empty($$
	SELECT * FROM (SELECT id, row_number() OVER (ORDER BY r DESC, id) AS a, row_number() OVER (ORDER BY c DESC, id) AS b FROM rp) s
	WHERE a <> b$$, 'and still orders as the codes do');
RESET work_mem;
SELECT is(ARRAY(SELECT DISTINCT r::int FROM rp ORDER BY 1), ARRAY[0, 1, 2, 3, 4], 'DISTINCT by sorting');
RESET enable_indexscan;
RESET enable_indexonlyscan;
RESET enable_bitmapscan;

-- ---------------------------------------------------------------------------
-- hashing: joins, aggregation, partitioning
-- ---------------------------------------------------------------------------
CREATE TABLE rlabel (r htx_rating PRIMARY KEY, label text);
INSERT INTO rlabel SELECT c::htx_rating, htx_rating_label(c::htx_rating, 'en') FROM generate_series(0, 4) AS c;
ANALYZE rlabel;
SET LOCAL enable_mergejoin = off;
SET LOCAL enable_nestloop = off;
SELECT ok(pg_temp.plan_of($$SELECT rp.id, l.label FROM rp JOIN rlabel l USING (r)$$) LIKE '%"Node Type": "Hash Join"%',
	'a join on htx_rating can be a hash join');
SELECT set_eq($$SELECT l.label, count(*) FROM rp JOIN rlabel l USING (r) GROUP BY 1$$,
	$$SELECT htx_rating_label(c::htx_rating, 'en'), count(*) FROM rp GROUP BY c$$,
	'the hash join matches every row to its label');
RESET enable_mergejoin;
RESET enable_nestloop;
SET LOCAL enable_hashjoin = off;
SET LOCAL enable_nestloop = off;
SELECT ok(pg_temp.plan_of($$SELECT rp.id, l.label FROM rp JOIN rlabel l USING (r)$$) LIKE '%"Node Type": "Merge Join"%',
	'and a merge join');
SELECT set_eq($$SELECT l.label, count(*) FROM rp JOIN rlabel l USING (r) GROUP BY 1$$,
	$$SELECT htx_rating_label(c::htx_rating, 'en'), count(*) FROM rp GROUP BY c$$,
	'the merge join matches the same rows');
RESET enable_hashjoin;
RESET enable_nestloop;

SET LOCAL enable_sort = off;
SELECT ok(pg_temp.plan_of($$SELECT r, count(*) FROM rp GROUP BY r$$) LIKE '%"Strategy": "Hashed"%',
	'GROUP BY htx_rating can hash');
SELECT set_eq($$SELECT r::int, count(*) FROM rp GROUP BY r$$, $$SELECT c, count(*) FROM rp GROUP BY c$$,
	'hash aggregation counts as the codes do');
RESET enable_sort;

CREATE TABLE rph (id int, r htx_rating) PARTITION BY HASH (r);
CREATE TABLE rph_0 PARTITION OF rph FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE rph_1 PARTITION OF rph FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE rph_2 PARTITION OF rph FOR VALUES WITH (MODULUS 3, REMAINDER 2);
SELECT lives_ok($$INSERT INTO rph SELECT id, r FROM rp$$, 'PARTITION BY HASH (htx_rating) takes rows');
SELECT is((SELECT count(*) FROM rph), 100000::bigint, 'every row lands in a partition');
SELECT is_empty($$SELECT tableoid::regclass, r FROM rph
	WHERE NOT satisfies_hash_partition('rph'::regclass, 3, substr(tableoid::regclass::text, 5)::int, r)$$,
	'each row is in the partition its extended hash names');
SELECT is((SELECT count(DISTINCT tableoid) FROM rph WHERE r = 'khá'), 1::bigint, 'all rows of one rating share a partition');
SELECT ok(pg_temp.plan_of($$SELECT count(*) FROM rph WHERE r = 'tốt'$$) !~ '"Relation Name": "rph_[0-9]".*"Relation Name": "rph_[0-9]"',
	'WHERE r = const prunes to one partition');
SELECT is((SELECT count(*) FROM rph WHERE r = 'tốt'), (SELECT count(*) FROM rp WHERE c = 4), 'and finds all its rows');

-- ---------------------------------------------------------------------------
-- min / max under forced parallel plans
-- ---------------------------------------------------------------------------
DROP INDEX rp_r;
DROP INDEX rp_r_dedup;
DROP INDEX rp_r_nodedup;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT min(r) AS serial_min, max(r) AS serial_max FROM rp \gset
SELECT string_agg(format('%s:%s:%s', g, mn, mx), ',' ORDER BY g) AS serial_groups
FROM (SELECT g, min(r) AS mn, max(r) AS mx FROM rp GROUP BY g) s \gset

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(pg_temp.plan_of($$SELECT min(r), max(r) FROM rp$$) LIKE '%"Node Type": "Gather"%"Partial Mode": "Partial"%',
	'min/max: planned as a Gather over partial aggregates');
SELECT ok(pg_temp.plan_of($$SELECT min(r), max(r) FROM rp$$, true) ~ '"Workers Launched": [1-9]',
	'min/max: parallel workers really ran');
SELECT min(r) AS par_min, max(r) AS par_max FROM rp \gset
SELECT is(:'par_min'::htx_rating, :'serial_min'::htx_rating, 'parallel min equals serial min');
SELECT is(:'par_max'::htx_rating, :'serial_max'::htx_rating, 'parallel max equals serial max');
SELECT is(ARRAY[:'par_min'::htx_rating::int, :'par_max'::htx_rating::int], (SELECT ARRAY[min(c), max(c)] FROM rp),
	'and both equal min/max of the codes');

SELECT ok(pg_temp.plan_of($$SELECT g, min(r), max(r) FROM rp GROUP BY g$$) LIKE '%"Node Type": "Gather%"Partial Mode": "Partial"%',
	'grouped min/max: planned in parallel');
SELECT string_agg(format('%s:%s:%s', g, mn, mx), ',' ORDER BY g) AS par_groups
FROM (SELECT g, min(r) AS mn, max(r) AS mx FROM rp GROUP BY g) s \gset
SELECT is(:'par_groups'::text, :'serial_groups'::text, 'grouped parallel min/max equal the serial ones');
SELECT is(:'par_groups'::text, (SELECT string_agg(format('%s:%s:%s', g, mn::htx_rating, mx::htx_rating), ',' ORDER BY g)
                          FROM (SELECT g, min(c) AS mn, max(c) AS mx FROM rp GROUP BY g) s),
	'and the min/max of the codes');

SELECT * FROM finish();
ROLLBACK;
