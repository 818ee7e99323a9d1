-- test/tap/sweep_calls.sql: the calls of the sweep (test/tap/sweep.sh), from
-- the catalog.  Prints one line per call: ID <tab> DESCRIPTION <tab> SQL.
--
-- Every function and aggregate that belongs to extension htx is called: once
-- with every argument at a plain value, once with every argument NULL, and
-- once per value of each argument's type (the others at their plain
-- value).  A new function is covered without editing this file; a function
-- with an argument type that has no values here makes the sweep fail
-- ("no values for type"), so that its values get added.
--
-- psql variables: big (1 to include the 1 MB values, 0 not), only_text (1:
-- only calls that vary a text or cstring argument, with the values of
-- type "text_bad", invalid UTF-8 for a SQL_ASCII database), slow (a
-- comma-separated list of functions not given the 1 MB values).
WITH vals(typ, ord, expr, big) AS (VALUES
	-- ord 1 is the plain value
	('text', 1, $$'tốt'$$, false), ('text', 2, $$''$$, false), ('text', 3, $$'   '$$, false),
	('text', 4, $$'lead'$$, false), ('text', 5, $$'htx_data_quality'$$, false),
	('text', 6, $$'TT-01/2020/TT-BKHĐT'$$, false), ('text', 7, $$'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'$$, false),
	('text', 8, $$E'a\u00a0b\ufeff'$$, false), ('text', 9, $$'province'$$, false),
	('text', 20, $$pg_catalog.repeat('x', 1048576)$$, true),
	('text', 21, $$pg_catalog.repeat('ố', 349526)$$, true),
	('text', 22, $$pg_catalog.repeat('v1(', 349526)$$, true),
	-- invalid UTF-8, for a SQL_ASCII database (convert_from SQL_ASCII does not check)
	('text_bad', 1, $$pg_catalog.convert_from('\xff'::bytea, 'SQL_ASCII')$$, false),
	('text_bad', 2, $$pg_catalog.convert_from('\xc3'::bytea, 'SQL_ASCII')$$, false),
	('text_bad', 3, $$pg_catalog.convert_from('\x74e1bb'::bytea, 'SQL_ASCII')$$, false),
	('text_bad', 4, $$pg_catalog.convert_from('\xc0af'::bytea, 'SQL_ASCII')$$, false),
	('text_bad', 5, $$pg_catalog.convert_from('\xeda080'::bytea, 'SQL_ASCII')$$, false),
	('text_bad', 6, $$pg_catalog.convert_from('\xf4908080'::bytea, 'SQL_ASCII')$$, false),
	('text_bad', 7, $$pg_catalog.convert_from('\x74f46b'::bytea, 'SQL_ASCII')$$, false),
	('text_bad', 20, $$pg_catalog.convert_from(pg_catalog.decode(pg_catalog.repeat('ff', 1048576), 'hex'), 'SQL_ASCII')$$, true),
	-- bigint[] (htx_size_tally's thresholds and state): ord 1 is the shipped thresholds
	('_int8', 1, $$'{300,50000000000,10000000000,200,10000000000,5000000000,50,2000000000,1000000000}'$$, false),
	('_int8', 2, $$'{}'$$, false), ('_int8', 3, $$'{1,NULL,3,4,5,6,7,8,9}'$$, false),
	('_int8', 4, $$'{{1,2},{3,4}}'$$, false), ('_int8', 5, $$'{0,0,0,0,0}'$$, false),
	('_int8', 6, $$'[2:10]={1,2,3,4,5,6,7,8,9}'$$, false),
	('int2', 1, '1', false), ('int2', 2, '0', false), ('int2', 3, '(-1)', false),
	('int2', 4, '32767', false), ('int2', 5, '(-32768)', false),
	('int4', 1, '1', false), ('int4', 2, '0', false), ('int4', 3, '(-1)', false),
	('int4', 4, '2147483647', false), ('int4', 5, '(-2147483648)', false), ('int4', 6, '2025', false),
	('int8', 1, '1', false), ('int8', 2, '0', false), ('int8', 3, '(-1)', false),
	('int8', 4, '9223372036854775807', false), ('int8', 5, '(-9223372036854775808)', false),
	('int8', 6, '4294967295', false), ('int8', 7, '4294967296', false),
	('numeric', 1, '60', false), ('numeric', 2, '0', false), ('numeric', 3, '(-0.01)', false),
	('numeric', 4, $$'NaN'$$, false), ('numeric', 5, $$'Infinity'$$, false), ('numeric', 6, $$'-Infinity'$$, false),
	('numeric', 7, '1e-16383', false), ('numeric', 8, '64.995', false),
	('numeric', 20, $$pg_catalog.repeat('9', 131072)$$, true),
	('float8', 1, '0.5', false), ('float8', 2, '0', false), ('float8', 3, $$'NaN'$$, false),
	('float8', 4, $$'Infinity'$$, false), ('float8', 5, $$'-Infinity'$$, false),
	('float8', 6, '1e308', false), ('float8', 7, '(-1e308)', false), ('float8', 8, '5e-324', false),
	('float4', 1, '0.5', false), ('float4', 2, $$'NaN'$$, false), ('float4', 3, $$'Infinity'$$, false),
	('float4', 4, $$'-Infinity'$$, false),
	('bool', 1, 'false', false), ('bool', 2, 'true', false),
	('date', 1, $$'2025-06-30'$$, false), ('date', 2, $$'infinity'$$, false), ('date', 3, $$'-infinity'$$, false),
	('date', 4, $$'4714-11-24 BC'$$, false), ('date', 5, $$'5874897-12-31'$$, false),
	('regrole', 1, $$'htx_sweep_role'$$, false), ('regrole', 2, '0::pg_catalog.oid', false),
	('regrole', 3, '999999::pg_catalog.oid', false), ('regrole', 4, 'CURRENT_USER::pg_catalog.regrole', false),
	-- the loader (55_loader.sql): a warehouse table, another relation, no relation; a type
	('regclass', 1, $$'htx_cooperative_year'$$, false), ('regclass', 2, $$'pg_catalog.pg_class'$$, false),
	('regclass', 3, '0::pg_catalog.oid', false), ('regclass', 4, '999999::pg_catalog.oid', false),
	('regtype', 1, $$'pg_catalog.int4'$$, false), ('regtype', 2, $$'htx_rating'$$, false),
	('regtype', 3, $$'htx_score'$$, false), ('regtype', 4, '0::pg_catalog.oid', false), ('regtype', 5, '999999::pg_catalog.oid', false),
	('htx_rating', 1, $$'tốt'$$, false), ('htx_rating', 2, $$'không xếp loại'$$, false), ('htx_rating', 3, $$'yếu'$$, false),
	('htx_score', 1, '65', false), ('htx_score', 2, '0', false), ('htx_score', 3, '100', false),
	('htx_evaluation_state', 1, $$'v1(1,0,0,0,0,1,1,7,1,3,1,1,1,2,1,1,2,1,1,1)'$$, false),
	('htx_evaluation_state', 2, $$'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'$$, false),
	('htx_evaluation_state', 3, $$'v1(9223372036854775807,0,0,0,0,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807)'$$, false),
	('htx_evaluation_state', 4, $$'v1(9223372036854775807,1844674407370955161,1844674407370955161,1844674407370955161,1844674407370955161,1844674407370955162,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'$$, false),
	('htx_evaluation_state', 5, $$'v1(1,0,1,0,0,0,1,9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0)'$$, false),
	('htx_evaluation', 1, $$htx_evaluate_final('v1(1,0,0,0,0,1,1,7,1,3,1,1,1,2,1,1,2,1,1,1)')$$, false),
	('htx_evaluation', 2, $$htx_evaluate_final('v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)')$$, false),
	('htx_evaluation', 3, $$htx_evaluate_final('v1(9223372036854775807,0,0,0,0,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807)')$$, false),
	('htx_evaluation', 4, $$(SELECT htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) FROM htx_cooperative_year)$$, false),
	('htx_rating_count', 1, $$htx_rating_counts_final('v1(1,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0)')$$, false)
),
fn AS (
	SELECT p.oid, p.proname::text AS name, p.prokind, p.proargtypes::oid[] AS args,
		pg_catalog.format('%s(%s)', p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)) AS sig
	FROM pg_catalog.pg_proc p
	JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
		AND d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
	JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'htx'
	-- internal arguments cannot be written in SQL: the receive functions
	-- are swept through binary COPY, the rest is called by the server only
	WHERE NOT 'pg_catalog.internal'::regtype = ANY (p.proargtypes::oid[])
),
arg AS (
	SELECT f.oid, a.n, t.oid AS typ,
		CASE WHEN t.typname IN ('text', 'cstring', 'varchar', 'name') THEN 'text' ELSE t.typname::text END AS vtyp,
		pg_catalog.format_type(t.oid, NULL) AS cast_to
	FROM fn f, pg_catalog.unnest(f.args) WITH ORDINALITY AS a(typ, n)
	JOIN pg_catalog.pg_type t ON t.oid = a.typ
),
missing AS (
	SELECT DISTINCT a.cast_to FROM arg a WHERE NOT EXISTS (SELECT 1 FROM vals v WHERE v.typ = a.vtyp)
),
-- the argument lists: (variant argument n, value ord); 0/0 = all plain, -1 = all NULL
variant AS (
	SELECT f.oid, 0 AS vn, 0 AS vord, NULL::text AS vexpr FROM fn f
	UNION ALL
	SELECT f.oid, -1, 0, NULL FROM fn f WHERE pg_catalog.cardinality(f.args) > 0 AND :only_text = 0
	UNION ALL
	SELECT a.oid, a.n, v.ord, v.expr
	FROM arg a JOIN fn f ON f.oid = a.oid
	JOIN vals v ON v.typ = CASE WHEN :only_text = 1 AND a.vtyp = 'text' THEN 'text_bad' ELSE a.vtyp END
		AND (v.ord > 1 OR :only_text = 1)
	WHERE (NOT v.big OR (:big = 1 AND NOT f.name = ANY (pg_catalog.string_to_array(:'slow', ','))))
	  AND (:only_text = 0 OR a.vtyp = 'text')
),
calls AS (
	SELECT f.sig, f.prokind, f.name, x.vn, x.vord,
		(SELECT pg_catalog.string_agg(
			CASE WHEN x.vn = -1 THEN 'NULL'
				WHEN a.n = x.vn THEN x.vexpr
				ELSE (SELECT v.expr FROM vals v WHERE v.typ = a.vtyp AND v.ord = 1) END
			|| '::' || a.cast_to, ', ' ORDER BY a.n)
		 FROM arg a WHERE a.oid = f.oid) AS arglist
	FROM fn f JOIN variant x ON x.oid = f.oid
	WHERE :only_text = 0 OR x.vn > 0
)
SELECT pg_catalog.row_number() OVER (ORDER BY c.sig, c.vn, c.vord) AS id,
	pg_catalog.format('%s arg %s value %s', c.sig,
		CASE c.vn WHEN 0 THEN 'all' WHEN -1 THEN 'all' ELSE c.vn::text END,
		CASE c.vn WHEN 0 THEN 'plain' WHEN -1 THEN 'NULL' ELSE c.vord::text END) AS descr,
	CASE WHEN c.prokind = 'a' THEN
		pg_catalog.format('SELECT pg_catalog.length(pg_catalog.string_agg(r::text, %L)) FROM (SELECT %I(%s) AS r FROM pg_catalog.generate_series(1, 2) OFFSET 0) s;',
			'|', c.name, COALESCE(c.arglist, ''))
	ELSE
		pg_catalog.format('SELECT pg_catalog.length(pg_catalog.string_agg(r::text, %L)) FROM (SELECT %I(%s) AS r OFFSET 0) s;',
			'|', c.name, COALESCE(c.arglist, ''))
	END AS sql
FROM calls c
UNION ALL
SELECT 0, 'no values for type ' || m.cast_to, '' FROM missing m
ORDER BY 1;
