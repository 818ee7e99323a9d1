-- The warehouse's functions and trigger under a hostile search_path: look-alike
-- tables, functions and operators in a schema searched first must capture
-- nothing (CVE-2023-39417 family).
BEGIN;
SELECT plan(9);

CREATE SCHEMA evil;
CREATE FUNCTION evil.trap() RETURNS boolean LANGUAGE plpgsql AS
$$BEGIN RAISE EXCEPTION 'search_path captured a call'; END$$;
CREATE FUNCTION evil.texteq(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT evil.trap()';
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.texteq);
CREATE FUNCTION evil.int4lt(int4, int4) RETURNS boolean LANGUAGE sql AS 'SELECT evil.trap()';
CREATE OPERATOR evil.< (LEFTARG = int4, RIGHTARG = int4, FUNCTION = evil.int4lt);
CREATE FUNCTION evil.htx_fold(text) RETURNS text LANGUAGE sql AS 'SELECT evil.trap()::text';
CREATE FUNCTION evil.htx_sample_uniform(int4, int4, int4, int4) RETURNS float8 LANGUAGE sql AS 'SELECT evil.trap()::int::float8';
CREATE FUNCTION evil.format(text, text) RETURNS text LANGUAGE sql AS 'SELECT evil.trap()::text';
CREATE FUNCTION evil.make_date(int4, int4, int4) RETURNS date LANGUAGE sql AS 'SELECT evil.trap()::int::text::date';
CREATE TABLE evil.htx_sector (LIKE public.htx_sector);
CREATE TABLE evil.htx_cooperative (LIKE public.htx_cooperative);
CREATE TABLE evil.htx_cooperative_year (LIKE public.htx_cooperative_year);
CREATE TABLE evil.htx_district (LIKE public.htx_district);
INSERT INTO evil.htx_sector (sector_code, name_vi, name_en, aliases, builtin) VALUES ('rice', 'trồng trọt', 'crop', '{}', false);
CREATE ROLE htx_pgtap_reader_sec;

CREATE FUNCTION pg_temp.hostile(q text) RETURNS text LANGUAGE plpgsql
SET search_path = evil, pg_catalog, public AS $$
DECLARE r text;
BEGIN
	EXECUTE q INTO r;
	RETURN coalesce(r, 'ok');
EXCEPTION WHEN OTHERS THEN
	RETURN 'error: ' OPERATOR(pg_catalog.||) SQLERRM;
END $$;

SELECT is(pg_temp.hostile($q$SELECT ('a'::text = 'a'::text)::text$q$), 'error: search_path captured a call', 'the trap catches unqualified calls');
SELECT is(pg_temp.hostile($q$INSERT INTO public.htx_cooperative VALUES (900001, 'HTX X', NULL, '164', 'Trồng trọt', '2020-01-01', NULL) RETURNING sector$q$),
	'crop', 'the sector trigger reads the real htx_sector with the real htx_fold');
SELECT is(pg_temp.hostile($q$SELECT row(s.*)::text FROM public.htx_generate_sample(20, 3) s$q$),
	'error: htx_generate_sample fills empty tables, and htx_cooperative is not empty', 'the generator checks the real table');
DELETE FROM public.htx_cooperative;
SELECT matches(pg_temp.hostile($q$SELECT row(s.*)::text FROM public.htx_generate_sample(20, 3) s$q$),
	'^\(25,[0-9]+\)$', 'the generator runs under the hostile path (20 of Thái Nguyên cũ and 20 / 4 of Bắc Kạn cũ, filed under communes)');
SELECT is((SELECT count(*)::int FROM public.htx_cooperative), 25, 'and fills the real tables');
SELECT is((SELECT count(*)::int FROM public.htx_cooperative_year WHERE commune_code IS NULL), 0, 'every row under a commune of the real htx_commune');
SELECT matches(pg_temp.hostile($q$SELECT string_agg(privilege, ',') FROM public.htx_grant_reader('htx_pgtap_reader_sec')$q$),
	'^USAGE,SELECT,.*EXECUTE', 'htx_grant_reader runs under the hostile path');
SELECT is((SELECT count(*)::int FROM evil.htx_cooperative) + (SELECT count(*)::int FROM evil.htx_cooperative_year), 0,
	'nothing went into the look-alike tables');
SELECT is(pg_temp.hostile($q$SELECT count(*)::text FROM public.htx_target_progress$q$),
	(SELECT count(*)::text FROM public.htx_target_progress), 'the views give the same rows under the hostile path');

SELECT * FROM finish();
ROLLBACK;
