-- 1.1's plan layout answers as 1.0 did: the one successor chain
-- (htx_agency_chain) behind htx_agency_on and the two BI views, and
-- htx_lead_agencies / htx_supporting_agencies as wrappers of
-- htx_task_agency_codes.  Checked three ways: against 1.0's own queries
-- (copied here as pg_temp functions) for every agency, task and date, also on
-- chains 1.0's data does not have (two steps, a cycle, an agency without
-- valid_to); against digests of what the released 1.0 answers over the
-- shipped rows; and the wrappers against the new function.
BEGIN;
SELECT plan(31);
SET LOCAL datestyle = ISO, YMD;

CREATE TEMP TABLE d(d) AS VALUES (NULL::date), ('2025-02-28'), ('2025-03-01'), ('2025-06-30'), ('2025-07-01'), ('2026-01-01');

-- 1.0's htx_agency_on, verbatim but for the name
CREATE FUNCTION pg_temp.agency_on_1_0(agency text, as_of date) RETURNS text LANGUAGE sql STABLE
RETURN (
	WITH RECURSIVE chain(code, depth) AS (
		SELECT a.agency_code, 0 FROM htx_agency a WHERE a.agency_code OPERATOR(pg_catalog.=) agency
		UNION ALL
		SELECT s.successor_code, c.depth OPERATOR(pg_catalog.+) 1
		FROM chain c
		JOIN htx_agency a ON a.agency_code OPERATOR(pg_catalog.=) c.code
		JOIN htx_agency_succession s ON s.agency_code OPERATOR(pg_catalog.=) c.code
		WHERE a.valid_to OPERATOR(pg_catalog.<) as_of AND c.depth OPERATOR(pg_catalog.<) 32
	)
	SELECT chain.code FROM chain ORDER BY chain.depth DESC LIMIT 1
);
-- 1.0's views' chain: who holds each agency's duties today
CREATE FUNCTION pg_temp.now_holder_1_0() RETURNS TABLE (agency_code text, holder text) LANGUAGE sql STABLE AS $$
	WITH RECURSIVE chain(agency_code, holder, depth) AS (
		SELECT a.agency_code, a.agency_code, 0 FROM htx_agency a
		UNION ALL
		SELECT c.agency_code, s.successor_code, c.depth OPERATOR(pg_catalog.+) 1
		FROM chain c
		JOIN htx_agency h ON h.agency_code OPERATOR(pg_catalog.=) c.holder
		JOIN htx_agency_succession s ON s.agency_code OPERATOR(pg_catalog.=) c.holder
		WHERE h.valid_to OPERATOR(pg_catalog.<) CURRENT_DATE AND c.depth OPERATOR(pg_catalog.<) 32
	)
	SELECT DISTINCT ON (chain.agency_code) chain.agency_code, chain.holder
	FROM chain ORDER BY chain.agency_code, chain.depth DESC
$$;
-- 1.0's htx_lead_agencies and htx_supporting_agencies, with the role as a parameter
CREATE FUNCTION pg_temp.agencies_1_0(task_code text, role text, as_of date) RETURNS text[] LANGUAGE sql STABLE
RETURN (
	SELECT CASE WHEN task_code IS NOT NULL THEN COALESCE(pg_catalog.array_agg(t.agency_code ORDER BY t.first), '{}') END
	FROM (
		SELECT a.agency_code, pg_catalog.min(a.n) AS first
		FROM htx_task_agencies(task_code, as_of) WITH ORDINALITY AS a(agency_code, agency_name, role, source, n)
		WHERE a.role OPERATOR(pg_catalog.=) agencies_1_0.role
		GROUP BY a.agency_code
	) AS t
);

-- ---------------------------------------------------------------- the chain, over the shipped rows
SELECT is_empty($$SELECT a.agency_code, d.d FROM htx_agency a, d
	WHERE htx_agency_on(a.agency_code, d.d) IS DISTINCT FROM pg_temp.agency_on_1_0(a.agency_code, d.d)$$,
	'htx_agency_on answers as 1.0 for every agency on every date (before, on and after 2025-03-01 and 2025-07-01, NULL)');
SELECT is(md5(string_agg(concat_ws('|', a.agency_code, d.d, htx_agency_on(a.agency_code, d.d)), ';' ORDER BY a.agency_code COLLATE "C", d.d NULLS FIRST)),
	'68f3bf2e4018c67bfca147cfa251fde6', 'and as the released 1.0 does (digest of its answers over the shipped rows)')
FROM htx_agency a, d;
SELECT results_eq($$SELECT htx_agency_on('DARD', d.d) FROM d ORDER BY d.d NULLS FIRST$$,
	$$VALUES ('DARD'), ('DARD'), ('DAE'), ('DAE'), ('DAE'), ('DAE')$$,
	'DARD holds its duties until 2025-02-28, DAE from 2025-03-01; with no date, DARD');
SELECT results_eq($$SELECT htx_agency_on('DPC', d.d) FROM d ORDER BY d.d NULLS FIRST$$,
	$$VALUES ('DPC'), ('DPC'), ('DPC'), ('DPC'), ('DPC'), ('DPC')$$,
	'DPC ends on 2025-06-30 with no successor: still DPC');
SELECT is(htx_agency_on('NOBODY', '2025-07-01'), NULL, 'an unknown agency: NULL');
SELECT set_eq($$SELECT agency_code, holder_code, depth, held_after FROM htx_agency_chain WHERE depth > 0$$,
	$$VALUES ('DARD', 'DAE', 1, '2025-02-28'::date), ('DONRE', 'DAE', 1, '2025-02-28'), ('DPI', 'DOF', 1, '2025-02-28'), ('DIC', 'DOST', 1, '2025-02-28')$$,
	'htx_agency_chain: the four successions of 2025, held after 2025-02-28');
SELECT set_eq($$SELECT agency_code FROM htx_agency_chain WHERE depth = 0 AND holder_code = agency_code AND held_after IS NULL$$,
	$$SELECT agency_code FROM htx_agency$$, 'and every agency at depth 0, holding its own duties');

-- the views' chain: today's holder as 1.0's views computed it
SELECT set_eq($$SELECT DISTINCT agency_code, current_agency_code FROM htx_task_assignments$$,
	$$SELECT n.agency_code, n.holder FROM pg_temp.now_holder_1_0() n WHERE n.agency_code IN (SELECT agency_code FROM htx_assignment)$$,
	'htx_task_assignments: current_agency_code as 1.0''s inlined chain gives it, for every assigned agency');
SELECT set_eq($$SELECT DISTINCT agency_code, current_agency_code FROM htx_task_assignments$$,
	$$SELECT DISTINCT agency_code, htx_agency_on(agency_code, current_date) FROM htx_assignment$$,
	'and as htx_agency_on gives it for today');
SELECT CASE WHEN current_date >= '2025-07-01' THEN
	is(md5(string_agg(t::text, ';' ORDER BY t::text COLLATE "C")), '8f989d11136617f953b3407a70b6fa89',
		'htx_task_matrix has the rows the released 1.0 gives (digest; any day from 2025-07-01 on)')
	ELSE skip('the digest is of a day from 2025-07-01 on', 1) END FROM htx_task_matrix t;
SELECT CASE WHEN current_date >= '2025-07-01' THEN
	is(md5(string_agg(t::text, ';' ORDER BY t::text COLLATE "C")), 'abf14f87135368883f2b19f8a4f43c04',
		'htx_task_assignments too')
	ELSE skip('the digest is of a day from 2025-07-01 on', 1) END FROM htx_task_assignments t;
SELECT is(md5(string_agg(concat_ws('|', t.task_code, d.d, x.n, x.a, x.b, x.c, x.e), ';' ORDER BY t.task_code COLLATE "C", d.d NULLS FIRST, x.n)),
	'c3f733bd3263d9c8e52f9ffa732a841a', 'htx_task_agencies answers as the released 1.0 for every task on every date (digest)')
FROM htx_task t CROSS JOIN d CROSS JOIN LATERAL htx_task_agencies(t.task_code, d.d) WITH ORDINALITY x(a, b, c, e, n);

-- ---------------------------------------------------------------- lead and support, over the shipped rows
SELECT is_empty($$SELECT t.task_code, d.d FROM htx_task t, d
	WHERE htx_lead_agencies(t.task_code, d.d) IS DISTINCT FROM pg_temp.agencies_1_0(t.task_code, 'lead', d.d)
	   OR htx_supporting_agencies(t.task_code, d.d) IS DISTINCT FROM pg_temp.agencies_1_0(t.task_code, 'support', d.d)$$,
	'htx_lead_agencies and htx_supporting_agencies answer as 1.0 for every task on every date');
SELECT is(md5(string_agg(concat_ws('|', t.task_code, d.d, htx_lead_agencies(t.task_code, d.d)::text, htx_supporting_agencies(t.task_code, d.d)::text), ';' ORDER BY t.task_code COLLATE "C", d.d NULLS FIRST)),
	'7f65c2e163862fa4d2ccb8de6b5b80da', 'and as the released 1.0 does (digest)')
FROM htx_task t, d;
SELECT is_empty($$SELECT t.task_code, d.d FROM htx_task t, d
	WHERE htx_lead_agencies(t.task_code, d.d) IS DISTINCT FROM htx_task_agency_codes(t.task_code, 'lead', d.d)
	   OR htx_supporting_agencies(t.task_code, d.d) IS DISTINCT FROM htx_task_agency_codes(t.task_code, 'support', d.d)
	   OR htx_lead_agencies(t.task_code) IS DISTINCT FROM htx_task_agency_codes(t.task_code, 'lead')$$,
	'the wrappers equal htx_task_agency_codes with role lead and support, for every task and date');
SELECT is_empty($$SELECT t.task_code, d.d FROM htx_task t, d
	WHERE htx_task_agency_codes(t.task_code, 'chủ trì', d.d) IS DISTINCT FROM htx_task_agency_codes(t.task_code, 'lead', d.d)
	   OR htx_task_agency_codes(t.task_code, 'Phoi hop', d.d) IS DISTINCT FROM htx_task_agency_codes(t.task_code, 'support', d.d)$$,
	'the role as htx_role_resolve reads it: chủ trì is lead, phối hợp (any case, without diacritics) support');
SELECT is_empty($$SELECT t.task_code, d.d FROM htx_task t, d
	WHERE htx_task_agency_codes(t.task_code, NULL, d.d) IS DISTINCT FROM (
		SELECT COALESCE(array_agg(a.agency_code ORDER BY a.first), '{}') FROM (
			SELECT x.agency_code, min(x.n) AS first FROM htx_task_agencies(t.task_code, d.d) WITH ORDINALITY x(agency_code, agency_name, role, source, n)
			GROUP BY x.agency_code) a)$$,
	'role NULL: every agency of the task, leads and supporters, each once, in the plan''s order');
SELECT is(htx_task_agency_codes('A6', 'lead', '2025-07-01'), htx_lead_agencies('A6', '2025-07-01'), 'A6''s leads on 2025-07-01');
SELECT is(htx_task_agency_codes(NULL, 'lead'), NULL, 'a NULL task: NULL');
SELECT throws_ok($$SELECT htx_task_agency_codes('III.1.a', 'boss')$$, '22023', 'unknown role "boss"',
	'an unknown role is an error, even for a task with no agency');
SELECT throws_ok($$SELECT htx_task_agency_codes('III.9', 'lead')$$, 'P0002', 'unknown task "III.9"', 'an unknown task is an error');
SELECT throws_ok($$SELECT htx_lead_agencies('III.9')$$, 'P0002', 'unknown task "III.9"', 'through the wrapper too');

-- ---------------------------------------------------------------- chains 1.0's data does not have
-- two steps (X1 -> X2 -> X3), a cycle (Y1 <-> Y2), a succession from an agency
-- that has not ended (Z1 -> Z2), and a successor that ended before its
-- predecessor (W1 -> W2 -> W3)
INSERT INTO htx_agency (agency_code, name_vi, name_en, kind, valid_from, valid_to) VALUES
	('X1', 'X một', 'X one', 'department', NULL, '2025-02-28'),
	('X2', 'X hai', 'X two', 'department', '2025-03-01', '2025-06-30'),
	('X3', 'X ba', 'X three', 'department', '2025-07-01', NULL),
	('Y1', 'Y một', 'Y one', 'department', NULL, '2025-02-28'),
	('Y2', 'Y hai', 'Y two', 'department', NULL, '2025-06-30'),
	('Z1', 'Z một', 'Z one', 'department', NULL, NULL),
	('Z2', 'Z hai', 'Z two', 'department', NULL, NULL),
	('W1', 'W một', 'W one', 'department', NULL, '2025-06-30'),
	('W2', 'W hai', 'W two', 'department', NULL, '2025-02-28'),
	('W3', 'W ba', 'W three', 'department', NULL, NULL);
INSERT INTO htx_agency_succession (agency_code, successor_code, source) VALUES
	('X1', 'X2', 'test'), ('X2', 'X3', 'test'), ('Y1', 'Y2', 'test'), ('Y2', 'Y1', 'test'),
	('Z1', 'Z2', 'test'), ('W1', 'W2', 'test'), ('W2', 'W3', 'test');
CREATE TEMP TABLE d2(d) AS SELECT d FROM d UNION ALL VALUES ('2024-01-01'::date), ('infinity'), ('-infinity');
SELECT is_empty($$SELECT a.agency_code, d2.d FROM htx_agency a, d2
	WHERE htx_agency_on(a.agency_code, d2.d) IS DISTINCT FROM pg_temp.agency_on_1_0(a.agency_code, d2.d)$$,
	'on two-step chains, a cycle, an unended agency with a successor and an out-of-order chain, htx_agency_on answers as 1.0');
SELECT results_eq($$SELECT htx_agency_on('X1', d.d) FROM d ORDER BY d.d NULLS FIRST$$,
	$$VALUES ('X1'), ('X1'), ('X2'), ('X2'), ('X3'), ('X3')$$, 'X1 -> X2 from 2025-03-01 -> X3 from 2025-07-01');
SELECT is(htx_agency_on('Z1', 'infinity'), 'Z1', 'an agency that has not ended keeps its duties, successor or not');
SELECT results_eq($$SELECT htx_agency_on('W1', d.d) FROM d ORDER BY d.d NULLS FIRST$$,
	$$VALUES ('W1'), ('W1'), ('W1'), ('W1'), ('W3'), ('W3')$$,
	'W1 (until 2025-06-30) -> W2 (until 2025-02-28) -> W3: W3 from 2025-07-01, never W2');
SELECT is((SELECT max(depth) FROM htx_agency_chain WHERE agency_code = 'Y1'), 32, 'a cycle stops at depth 32, as in 1.0');
INSERT INTO htx_assignment (task_code, agency_code, role, source) VALUES
	('A6', 'X1', 'support', 'test'), ('A6', 'Y1', 'support', 'test'), ('A6', 'Z1', 'support', 'test'), ('A6', 'W1', 'support', 'test');
SELECT set_eq($$SELECT DISTINCT agency_code, current_agency_code FROM htx_task_assignments$$,
	$$SELECT n.agency_code, n.holder FROM pg_temp.now_holder_1_0() n WHERE n.agency_code IN (SELECT agency_code FROM htx_assignment)$$,
	'the views'' chain matches 1.0''s with these agencies assigned to a task');
SELECT is((SELECT array_agg(n ORDER BY n) FROM htx_task_matrix m, regexp_split_to_table(m.supporting_agencies_now, '; ') n
	WHERE m.task_code = 'A6' AND n ~ '^[XYZW] '),
	'{"W ba","X ba","Y một (until 2025-02-28)","Z một"}'::text[],
	'htx_task_matrix: A6''s new supporters as held today (the cycle ends on Y1, which has ended)');

-- ---------------------------------------------------------------- catalog
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_proc p
	WHERE p.oid IN ('htx_task_agency_codes(text, text, date)'::regprocedure, 'htx_lead_agencies(text, date)'::regprocedure,
		'htx_supporting_agencies(text, date)'::regprocedure, 'htx_agency_on(text, date)'::regprocedure)
	  AND (p.provolatile <> 's' OR p.proparallel <> 's' OR p.prorettype <> (CASE WHEN p.proname = 'htx_agency_on' THEN 'text' ELSE 'text[]' END)::regtype
	       OR obj_description(p.oid, 'pg_proc') IS NULL)$$,
	'the new function and the ones it serves are STABLE, PARALLEL SAFE, commented, with their 1.0 return types');
SELECT is(array_to_string(ARRAY(SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
	WHERE a.attrelid = 'htx_agency_chain'::regclass AND a.attnum > 0 ORDER BY a.attnum), ', '),
	'agency_code text, holder_code text, depth integer, held_after date', 'htx_agency_chain''s columns');

SELECT * FROM finish();
ROLLBACK;
