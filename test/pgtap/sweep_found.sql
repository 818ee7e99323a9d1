-- What the sweep of every function with bad input found (issue 13,
-- test/tap/sweep.sh, docs/robustness.md), each fixed and pinned here.
BEGIN;
SELECT plan(27);

-- ---- a regrole that names no role ------------------------------------------------
SELECT throws_ok($$SELECT * FROM htx_grant_reader(0::oid::regrole)$$, '42704',
	'role with OID 0 does not exist', 'htx_grant_reader(0::oid::regrole): the role does not exist (was a syntax error)');
SELECT throws_ok($$SELECT * FROM htx_revoke_reader(0::oid::regrole)$$, '42704',
	'role with OID 0 does not exist', 'htx_revoke_reader(0::oid::regrole) likewise');
SELECT throws_ok($$SELECT * FROM htx_grant_reader(999999::oid::regrole)$$, '42704',
	'role with OID 999999 does not exist', 'htx_grant_reader with the OID of no role');
SELECT throws_ok($$SELECT * FROM htx_revoke_reader(999999::oid::regrole)$$, '42704',
	'role with OID 999999 does not exist', 'htx_revoke_reader with the OID of no role');
CREATE ROLE "htx sweep Reader";
SELECT is((SELECT count(*)::int FROM htx_grant_reader('"htx sweep Reader"') WHERE privilege = 'USAGE'), 1,
	'a role whose name needs quotes is still granted');
SELECT ok(has_schema_privilege('htx sweep Reader', current_schema(), 'USAGE'), 'and has USAGE on the schema');
SELECT lives_ok($$SELECT * FROM htx_revoke_reader('"htx sweep Reader"')$$, 'and can be revoked');

-- ---- bounded quotes of bad values -----------------------------------------------------
SELECT is(htx_excerpt(repeat('ố', 64)), repeat('ố', 64), 'htx_excerpt: 64 characters are quoted whole');
SELECT is(htx_excerpt(repeat('ố', 65)), repeat('ố', 64) || '...', 'htx_excerpt: longer values are cut at 64 characters');
SELECT throws_ok($$SELECT htx_rating_from_score(50, false, repeat('s', 65))$$, '22023',
	'unknown rating scheme "' || repeat('s', 64) || '..."', 'at 65 characters too');
SELECT throws_ok($$SELECT htx_rating_from_score(50, false, repeat('s', 1048576))$$, '22023',
	'unknown rating scheme "' || repeat('s', 64) || '..."', 'htx_rating_from_score quotes 64 characters of an unknown scheme');
SELECT throws_ok($$SELECT htx_rating_from_score(repeat('9', 1000)::numeric, false, 'TT-01/2020/TT-BKHĐT')$$, '22003',
	'score ' || repeat('9', 64) || '... is out of range', 'and of a score');
SELECT throws_ok($$SELECT htx_warehouse_view_sql(repeat('v', 1048576))$$, '42704',
	'htx has no warehouse view named ' || repeat('v', 64) || '...', 'htx_warehouse_view_sql quotes 64 characters of a name');
SELECT throws_ok($$SELECT htx_replace_warehouse_view(repeat('v', 1048576))$$, '42704',
	'htx has no warehouse view named ' || repeat('v', 64) || '...', 'htx_replace_warehouse_view too');
INSERT INTO htx_task (task_code, title_vi, title_en, clause) VALUES ('SWEEP-1', 'thử', 'test', 'test');
SELECT throws_ok($$UPDATE htx_task SET parent_code = repeat('p', 100000) WHERE task_code = 'SWEEP-1'$$, '23503',
	'parent task "' || repeat('p', 64) || '..." of task "SWEEP-1" does not exist', 'htx_task_check_links quotes 64 characters');

-- ---- the sample helpers' domain -------------------------------------------------------
SELECT throws_ok($$SELECT htx_sample_mix(-1)$$, '22023', 'htx_sample_mix argument -1 is out of range',
	'htx_sample_mix(-1) is refused (it equalled htx_sample_mix(0))');
SELECT throws_ok($$SELECT htx_sample_mix(-2)$$, '22023', NULL, 'htx_sample_mix(-2) too (it equalled htx_sample_mix(1))');
SELECT throws_ok($$SELECT htx_sample_mix(4294967296)$$, '22023', NULL, 'htx_sample_mix(2^32) too');
SELECT is(ARRAY[htx_sample_mix(0), htx_sample_mix(1), htx_sample_mix(4294967295)],
	ARRAY[0, 73244475, (((4294967295 >> 16) # 4294967295) * 73244475) & 4294967295]::bigint[],
	'htx_sample_mix at the ends of its domain: the 1.0 formula');
SELECT is(htx_sample_mix(NULL), NULL, 'htx_sample_mix(NULL) is NULL');
SELECT throws_ok($$SELECT htx_sample_normal(1, 2, 3, 2147483647)$$, '22023',
	'htx_sample_normal argument c = 2147483647 is out of range', 'htx_sample_normal refuses c past 2^31-1 - 3000 (was 22003 from inside)');
SELECT cmp_ok(abs(htx_sample_normal(1, 2, 3, 2147480647)), '<=', 3.47::float8, 'htx_sample_normal(..., 2147480647), the largest c, draws');
SELECT is(htx_sample_hash(-2147483648, 2147483647, -1, 0), htx_sample_hash(-2147483648, 2147483647, -1, 0),
	'htx_sample_hash takes any integers');
SELECT is(htx_sample_uniform(7, 8, 9, 10), htx_sample_hash(7, 8, 9, 10) / 4294967296.0::float8, 'htx_sample_uniform is the hash / 2^32');

-- ---- htx_data_quality names a future year ----------------------------------------------
SELECT htx_generate_sample(3, 1);
INSERT INTO htx_cooperative_year (cooperative_id, year, rating)
SELECT 1, extract(year FROM current_date)::int + 1, 'khá';
SELECT is((SELECT array_agg(check_code ORDER BY check_code) FROM htx_data_quality
	WHERE cooperative_id = 1 AND year = extract(year FROM current_date)::int + 1
	  AND check_code IN ('year_in_future', 'district_not_valid', 'year_missing')),
	ARRAY['year_in_future'], 'a row for next year is year_in_future, not a district no longer valid');
SELECT is((SELECT detail FROM htx_data_quality WHERE check_code = 'year_in_future'),
	format('year %s is after the current year %s', extract(year FROM current_date)::int + 1, extract(year FROM current_date)::int),
	'its detail names the year');
SELECT is((SELECT count(*)::int FROM htx_data_quality WHERE check_code = 'year_missing' AND year > extract(year FROM current_date)),
	0, 'no cooperative is said to miss a future year');

SELECT * FROM finish();
ROLLBACK;
