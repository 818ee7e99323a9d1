-- htx's functions and views under a hostile search_path: a schema searched
-- before pg_catalog that shadows the built-ins they use must not capture
-- any call (contrib/seg's security test, CVE-2023-39417 family).
BEGIN;
SELECT plan(6);

CREATE SCHEMA evil;
CREATE FUNCTION evil.trap() RETURNS boolean LANGUAGE plpgsql AS
$$BEGIN RAISE EXCEPTION 'search_path captured a call'; END$$;
CREATE FUNCTION evil.texteq(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT evil.trap()';
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.texteq);
CREATE FUNCTION evil.numge(numeric, numeric) RETURNS boolean LANGUAGE sql AS 'SELECT evil.trap()';
CREATE OPERATOR evil.>= (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = evil.numge);
CREATE FUNCTION evil.concat_ws(text, VARIADIC text[]) RETURNS text LANGUAGE sql AS 'SELECT evil.trap()::text';
CREATE FUNCTION evil.string_agg(text, text) RETURNS text LANGUAGE sql AS 'SELECT evil.trap()::text';
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE sql AS 'SELECT evil.trap()::text';
CREATE FUNCTION evil.normalize(text) RETURNS text LANGUAGE sql AS 'SELECT evil.trap()::text';
CREATE TABLE evil.htx_target (LIKE public.htx_target);
CREATE TABLE evil.htx_plan (LIKE public.htx_plan);

-- Run a query under the hostile path; return its first value as text, or
-- the error.  pgTAP's own functions do not pin their search_path, so the
-- hostile path is set only around the query.
CREATE FUNCTION pg_temp.hostile(q text) RETURNS text LANGUAGE plpgsql
SET search_path = evil, pg_catalog, public AS $$
DECLARE r text;
BEGIN
	IF q OPERATOR(pg_catalog.~) '^\s*DO' THEN
		EXECUTE q;
	ELSE
		EXECUTE q INTO r;
	END IF;
	IF r IS NULL THEN
		RETURN 'ok';
	END IF;
	RETURN r;
EXCEPTION WHEN OTHERS THEN
	RETURN 'error: ' OPERATOR(pg_catalog.||) SQLERRM;
END $$;

SELECT is(pg_temp.hostile($q$SELECT ('a'::text = 'a'::text)::text$q$), 'error: search_path captured a call',
	'the trap catches unqualified calls');
SELECT is(pg_temp.hostile($q$SELECT count(*)::text FROM public.htx_check_targets(NULL)$q$), '7',
	'htx_check_targets ignores the hostile path');
SELECT is(pg_temp.hostile($q$SELECT count(*)::text FROM public.htx_check_targets(NULL, 'NQ-106/NQ-CP', 'national')$q$), '7',
	'and reads the extension''s own tables, not look-alikes');
SELECT is(pg_temp.hostile($q$SELECT public.htx_rating_from_score(80)::text || 'khá'::public.htx_rating::text || public.htx_fold('Đ')$q$),
	'tốtkhád', 'C functions ignore the hostile path');
SELECT is(pg_temp.hostile($q$SELECT (public.htx_evaluate(r, 1, 1, true, 1, 1, true)).good::text FROM (VALUES ('tốt'::public.htx_rating)) v(r)$q$),
	'1', 'aggregates ignore the hostile path');
SELECT is(pg_temp.hostile($q$
	DO $do$
	DECLARE v record;
	BEGIN
		FOR v IN SELECT c.relname FROM pg_catalog.pg_class c
			JOIN pg_catalog.pg_depend d ON d.objid OPERATOR(pg_catalog.=) c.oid
			JOIN pg_catalog.pg_extension e ON e.oid OPERATOR(pg_catalog.=) d.refobjid
			WHERE e.extname OPERATOR(pg_catalog.=) 'htx' AND d.deptype OPERATOR(pg_catalog.=) 'e'
			  AND c.relkind OPERATOR(pg_catalog.=) 'v'
		LOOP
			EXECUTE pg_catalog.format('SELECT * FROM public.%I LIMIT 5', v.relname);
		END LOOP;
	END
	$do$$q$), 'ok', 'every view reads under the hostile path');

SELECT * FROM finish();
ROLLBACK;
