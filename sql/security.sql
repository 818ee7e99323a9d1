--
-- Install and update scripts under planted operators and functions (the
-- CVE-2023-39417 class; contrib/seg's security test is the model).
--
-- Someone who can create objects in the schema htx is installed into, or in
-- public, plants look-alikes of what the scripts use: a cross-type operator
-- such as s.>=(numeric, integer) is a better match for "tolerance >= 0" than
-- pg_catalog's numeric >= numeric, so an unqualified operator in a CHECK
-- constraint, a view or a function body would be bound to it, and run with
-- the rights of whoever touches the table later.  This file plants, in the
-- target schema and in public:
--   * every operator = <> < <= > >= + - * / % || ~ ~~ @> <@ && for every pair
--     of the types the scripts use (and htx's own types once they exist)
--     that pg_catalog can evaluate, exact matches included;
--   * every function the installed scripts (htx--*.sql) call by an
--     unqualified name, overloaded with each of those types in each argument
--     (a pseudo-type argument reads text; a variadic one is repeated);
-- each planted function logs its call (regress_sec.calls) and raises a
-- WARNING, so that a call shows even if an error rolls the log back.  Then:
--   (1) CREATE EXTENSION htx SCHEMA s, planted beforehand (1.0 + update);
--   (2) CREATE EXTENSION htx VERSION '1.0' SCHEMA s, planted afterwards, then
--       ALTER EXTENSION htx UPDATE (a plant between install and upgrade);
--   (3) a 1.0 installed under planted objects (its two CHECK constraints did
--       capture s.>=), repaired by ALTER EXTENSION htx UPDATE;
--   (4) CREATE EXTENSION htx into public, planted beforehand;
-- and after each, the installed extension is exercised (sample, every view,
-- a row into every table that checks one, the functions) with the planted
-- objects still there.  Nothing planted may be called, and no stored
-- expression (constraint, default, view, trigger, index, SQL-standard
-- function body) may depend on a planted object.
--
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS htx CASCADE;
CREATE SCHEMA regress_sec;
CREATE ROLE regress_sec_reader;
CREATE TABLE regress_sec.calls (what text, stage text, caller text);
CREATE TABLE regress_sec.planted (classid regclass, objid oid);
GRANT USAGE ON SCHEMA regress_sec TO PUBLIC;

-- What a planted function does when called: log and warn.
CREATE FUNCTION regress_sec.called(what text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
	stack text;
BEGIN
	GET DIAGNOSTICS stack = PG_CONTEXT;
	INSERT INTO regress_sec.calls
	VALUES (what, pg_catalog.current_setting('regress_sec.stage', true),
	        stack);
	RAISE WARNING 'planted % was called', what;
END $$;

-- Plant the look-alikes in each schema of schemas.  Returns how many.
CREATE FUNCTION regress_sec.plant(schemas name[]) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog AS $plant$
DECLARE
	-- the types htx's scripts use, and their text-ish and integer-ish
	-- neighbours that have no operators of their own
	types regtype[] := '{int2,int4,int8,numeric,float4,float8,text,varchar,bpchar,name,"\"char\"",date,timestamp,timestamptz,interval,bool,oid,regclass,regrole,regproc,regprocedure,regtype,regnamespace,bytea,text[],int4[],int8[]}';
	ops text[] := '{=,<>,<,<=,>,>=,+,-,*,/,%,||,~,~~,@>,<@,&&}';
	scripts text;
	names name[];
	sigs text[];			-- "name(type,type)" already planted
	l regtype; r regtype; x regtype; op text; rt regtype;
	p record; sig text; argl regtype[]; orig regtype[]; casts text[]; i int;
	sch name; fn text; n bigint := 0; body text;
BEGIN
	-- htx's own base types and domains, once installed
	types := types || ARRAY(SELECT t.oid::regtype FROM pg_type t
		JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
		JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'htx'
		WHERE t.typtype IN ('b', 'd') ORDER BY t.oid);

	-- operators
	FOREACH op IN ARRAY ops LOOP
		FOREACH l IN ARRAY types LOOP
			FOREACH r IN ARRAY types LOOP
				BEGIN
					EXECUTE format('SELECT pg_typeof(NULL::%s OPERATOR(pg_catalog.%s) NULL::%s)', l, op, r) INTO rt;
				EXCEPTION WHEN OTHERS THEN
					CONTINUE;	-- pg_catalog cannot do it: no script can use it
				END;
				FOREACH sch IN ARRAY schemas LOOP
					CONTINUE WHEN EXISTS (SELECT 1 FROM pg_operator o
						WHERE o.oprname = op AND o.oprleft = l AND o.oprright = r
						  AND o.oprnamespace = sch::regnamespace);
					n := n + 1;
					fn := format('%I.regress_sec_op_%s', sch, n);
					body := format('BEGIN PERFORM regress_sec.called(%L); RETURN a OPERATOR(pg_catalog.%s) b; END',
						format('%s.%s(%s, %s)', sch, op, l, r), op);
					EXECUTE format('CREATE FUNCTION %s(a %s, b %s) RETURNS %s LANGUAGE plpgsql AS %L',
						fn, l, r, rt, body);
					EXECUTE format('CREATE OPERATOR %I.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %s)',
						sch, op, l, r, fn);
					INSERT INTO regress_sec.planted VALUES
						('pg_proc', fn::regproc),
						('pg_operator', format('%I.%s(%s,%s)', sch, op, l, r)::regoperator);
				END LOOP;
			END LOOP;
		END LOOP;
	END LOOP;

	-- functions the installed scripts call by an unqualified name
	SELECT string_agg(pg_read_file(dir || '/' || f), E'\n') INTO scripts
	FROM (SELECT setting || '/extension' AS dir FROM pg_config WHERE name = 'SHAREDIR') c,
	     pg_ls_dir(c.dir) f
	WHERE f LIKE 'htx--%.sql';
	SELECT array_agg(DISTINCT m[2]) INTO names
	FROM regexp_matches(scripts, '(^|[^.a-z0-9_@"])([a-z_][a-z0-9_]*)\s*\(', 'g') m;

	sigs := '{}';
	FOR p IN
		-- a variadic function also with one and two more arguments
		SELECT pr.proname, pr.pronamespace::regnamespace AS nsp, pr.prokind,
		       pr.proargtypes::regtype[] || array_fill(pr.proargtypes[pr.pronargs - 1]::regtype, ARRAY[extra]) AS args
		FROM pg_proc pr, generate_series(0, CASE WHEN pr.provariadic <> 0 THEN 2 ELSE 0 END) extra
		WHERE pr.proname = ANY (names) AND NOT pr.proretset AND pr.prokind IN ('f', 'a')
		  AND pr.pronargs BETWEEN 1 AND 4
		  AND (pr.pronamespace = 'pg_catalog'::regnamespace
		       OR pr.oid IN (SELECT d.objid FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
		                     WHERE d.classid = 'pg_proc'::regclass AND e.extname = 'htx'))
		ORDER BY pr.oid
	LOOP
		-- a pseudo-type argument ("any", anyelement ...) stands for text
		argl := ARRAY(SELECT CASE WHEN t.typtype = 'p' THEN
		                     CASE WHEN t.typname LIKE '%array' THEN 'text[]' ELSE 'text' END::regtype
		                     ELSE t.oid::regtype END
		              FROM unnest(p.args) WITH ORDINALITY a(t0, o) JOIN pg_type t ON t.oid = a.t0
		              ORDER BY a.o);
		orig := argl;
		-- casts back to the original argument types, so that the planted
		-- function calls the original and not itself
		casts := ARRAY(SELECT CASE WHEN t.typtype = 'p' THEN '' ELSE '::' || t.oid::regtype::text END
		               FROM unnest(p.args) WITH ORDINALITY a(t0, o) JOIN pg_type t ON t.oid = a.t0
		               ORDER BY a.o);
		FOR i IN 1 .. cardinality(argl) LOOP
			FOREACH x IN ARRAY types LOOP
				argl[i] := x;
				sig := format('%s(%s)', p.proname, array_to_string(argl, ','));
				CONTINUE WHEN sig = ANY (sigs);
				BEGIN
					EXECUTE format('SELECT pg_typeof(%s.%I(%s))', p.nsp, p.proname,
						(SELECT string_agg(format('NULL::%s', a), ', ' ORDER BY o)
						 FROM unnest(argl) WITH ORDINALITY u(a, o))) INTO rt;
				EXCEPTION WHEN OTHERS THEN
					CONTINUE;
				END;
				sigs := sigs || sig;
				FOREACH sch IN ARRAY schemas LOOP
					CONTINUE WHEN to_regprocedure(format('%I.%s', sch, sig)) IS NOT NULL;
					n := n + 1;
					fn := format('%I.%I', sch, p.proname);
					body := format('BEGIN PERFORM regress_sec.called(%L); RETURN %s; END',
						format('%s.%s', sch, sig),
						CASE WHEN p.prokind = 'a' THEN 'NULL'
						ELSE format('%s.%I(%s)', p.nsp, p.proname,
							(SELECT string_agg(format('$%s%s', o, casts[o]), ', ') FROM generate_series(1, cardinality(argl)) o))
						END);
					EXECUTE format('CREATE FUNCTION %s(%s) RETURNS %s LANGUAGE plpgsql AS %L',
						fn, array_to_string(argl, ','), rt, body);
					INSERT INTO regress_sec.planted VALUES
						('pg_proc', format('%s(%s)', fn, array_to_string(argl, ','))::regprocedure);
				END LOOP;
			END LOOP;
			argl[i] := orig[i];
		END LOOP;
	END LOOP;
	RETURN n;
END $plant$;

-- The one table named rel in a schema that is not a system one (the
-- warehouse tables may live outside the extension's schema).
CREATE FUNCTION regress_sec.rel(rel name) RETURNS text
LANGUAGE sql SET search_path = pg_catalog AS $$
	SELECT c.oid::regclass::text FROM pg_class c
	WHERE c.relname = rel AND c.relkind IN ('r', 'p')
	  AND c.relnamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema', 'regress_sec')
$$;

-- Use the installed extension as a province would, in schema ext, with the
-- session's search_path set to sp; return the statements that failed.
-- Use the installed extension as a province would, in schema ext, with the
-- session's search_path set to sp; return the statements that failed.  The
-- statements give their literals exact types, as a careful user does (a
-- call like htx_target_met(31, ...) is the user's own to protect).
CREATE FUNCTION regress_sec.exercise(ext name, sp text) RETURNS SETOF text
LANGUAGE plpgsql SET search_path = pg_catalog AS $ex$
DECLARE
	stmts text[] := ARRAY[
		'SELECT @.htx_generate_sample(40)',
		'SELECT @.htx_rating_from_score(80.0), @.htx_rating_from_score(79.5, true), @.htx_rating_from_score(NULL::numeric)',
		'SELECT @.htx_rating_from_score(70.0, false, ''TT-09/2017/TT-BNNPTNT''::text)',
		'INSERT INTO @.htx_rating_scheme (scheme, title, max_score, good_min, fair_min, average_min, fined_is_weak, source)
		 VALUES (''SEC-1'', ''test'', 100, 85, 70, 50, true, ''test'')',
		'SELECT @.htx_rating_from_score(72.5, false, ''SEC-1''::text), @.htx_rating_from_score(40.0, true, ''SEC-1''::text), @.htx_rating_from_score(NULL::numeric, false, ''SEC-1''::text)',
		'INSERT INTO @.htx_plan (plan_code, title_vi, title_en, issued_by, issued_on)
		 VALUES (''SEC-PLAN'', ''Kế hoạch thử'', ''test plan'', ''test'', ''2024-01-01'')',
		'INSERT INTO @.htx_target (plan_code, target_code, scope, indicator_vi, indicator_en, comparator, required, tolerance, unit, measure, clause)
		 VALUES (''SEC-PLAN'', ''SEC_ABOUT'', ''province'', ''x'', ''x'', ''about'', 30, 2, ''percent'', ''managers_trained_share'', ''test''),
		        (''SEC-PLAN'', ''SEC_GE'', ''province'', ''y'', ''y'', ''>='', 60, NULL, ''percent'', ''good_fair_share'', ''test'')',
		'INSERT INTO @.htx_target_tolerance (plan_code, target_code, scope, tolerance)
		 SELECT plan_code, target_code, scope, 1.5 FROM @.htx_target WHERE comparator = ''about''',
		'UPDATE @.htx_target_tolerance SET tolerance = 0.5',
		'SELECT count(*) FROM @.htx_check_targets(NULL::@.htx_evaluation)',
		'SELECT count(*) FROM @.htx_check_targets(NULL::@.htx_evaluation, ''NQ-106/NQ-CP''::text, ''national''::text)',
		'SELECT count(*) FROM @.htx_check_targets((SELECT @.htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) FROM {year}), ''SEC-PLAN''::text)',
		'SELECT count(*) FROM {year} y, @.htx_check_targets((SELECT @.htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) FROM {year}))',
		'SELECT @.htx_target_met(31.0, ''about''::text, 30.0, 2.0), @.htx_target_met(59.0, ''>=''::text, 60.0, NULL::numeric), @.htx_target_met(61.0, ''>''::text, 60.0, NULL::numeric)',
		'SELECT @.htx_target_measured((SELECT @.htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model) FROM {year}), m)
		 FROM unnest(''{good_fair_share,model_count,avg_revenue_vnd,tech_share,tech_count,members_total,managers_trained_share}''::text[]) m',
		'SELECT (@.htx_rating_counts(rating)).*, @.htx_good_fair_share(rating), @.max(rating), @.min(rating) FROM {year}',
		'SELECT @.htx_good_fair_share(rating) OVER (ORDER BY year ROWS 2 PRECEDING) FROM {year}',
		'INSERT INTO @.htx_sector (sector_code, name_vi, name_en, aliases) VALUES (''sec_test'', ''thử nghiệm'', ''testing'', ''{thu}'')',
		'INSERT INTO @.htx_district (district_code, name, kind, province_code, valid_from, valid_to)
		 VALUES (''999'', ''Thử'', ''huyện'', ''19'', ''2020-01-01'', ''2025-06-30'')',
		'INSERT INTO @.htx_district_kind (district_code, kind, valid_from, valid_to, source)
		 VALUES (''999'', ''huyện'', ''2020-01-01'', ''2025-06-30'', ''test'')',
		'INSERT INTO {coop} (cooperative_id, name, registration_code, district_code, sector, founded_on, dissolved_on)
		 VALUES (990001, ''HTX Thử'', ''SEC-0001'', ''999'', ''Trồng trọt'', ''2020-01-01'', ''2030-01-01''),
		        (990002, ''HTX Thử 2'', NULL, ''164'', ''thu'', NULL, NULL)',
		'UPDATE {coop} SET sector = ''Chăn nuôi'' WHERE cooperative_id = 990002',
		'INSERT INTO {year} (cooperative_id, year, rating, score, fined, revenue_vnd, members, young_members,
		                     managers, managers_trained, applies_tech, vietgap_certified, globalgap_certified,
		                     organic_certified, ocop_stars, is_model)
		 VALUES (990001, 2024, ''khá'', 70.5, false, 5000000000, 20, 5, 4, 2, true, true, false, false, 3, true),
		        (990001, 2025, ''yếu'', 90, true, 0, 0, 0, 0, 0, false, NULL, NULL, NULL, NULL, false),
		        (990002, 2025, ''không xếp loại'', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)',
		'INSERT INTO @.htx_agency (agency_code, name_vi, short_names, name_en, kind, valid_from, valid_to)
		 VALUES (''SEC_AGENCY'', ''Sở Thử nghiệm'', ''{STN}'', ''Test department'', ''department'', ''2024-01-01'', ''2025-06-30'')',
		'INSERT INTO @.htx_agency_succession (agency_code, successor_code, source) VALUES (''SEC_AGENCY'', ''PPC'', ''test'')',
		'INSERT INTO @.htx_agency_alias (alias, agency_code) VALUES (''Sở TN'', ''SEC_AGENCY'')',
		'INSERT INTO @.htx_task (task_code, parent_code, related_task_code, sort_order, title_vi, title_en, clause)
		 VALUES (''SEC.1'', ''III.1'', ''A1.1'', 999, ''Nhiệm vụ thử'', ''test task'', ''test'')',
		'INSERT INTO @.htx_assignment (task_code, agency_code, role, source, list_order)
		 VALUES (''SEC.1'', ''SEC_AGENCY'', ''lead'', ''test'', 1), (''SEC.1'', ''DARD'', ''support'', ''test'', 2)',
		'UPDATE @.htx_task SET task_code = ''SEC.2'' WHERE task_code = ''SEC.1''',
		'SELECT @.htx_agency_resolve(''Sở Thử nghiệm''::text), @.htx_agency_resolve(''so tn''::text), @.htx_agency_resolve(''Sở Nông nghiệp và PTNT''::text), @.htx_agency_resolve(''sở tài chính''::text)',
		'SELECT @.htx_task_resolve(''SEC.2''::text), @.htx_task_resolve(''a1.1''::text), @.htx_task_resolve(''iii.1''::text), @.htx_role_resolve(''chủ trì''::text), @.htx_role_resolve(''support''::text)',
		'SELECT @.htx_lead_agencies(''SEC.2''::text), @.htx_lead_agencies(''SEC.2''::text, ''2025-07-01''::date), @.htx_supporting_agencies(''SEC.2''::text, ''2025-07-01''::date)',
		'SELECT @.htx_lead_agencies(''A1.1''::text), @.htx_supporting_agencies(''A1.1''::text, ''2025-12-31''::date)',
		'SELECT count(*) FROM @.htx_task_agencies(''SEC.2''::text, ''2025-07-01''::date) a, @.htx_task_agencies(''III.1''::text) b',
		'SELECT count(*) FROM @.htx_agency_tasks(''SEC_AGENCY''::text) a, @.htx_agency_tasks(''DARD''::text, ''lead''::text) b',
		'SELECT @.htx_agency_on(''SEC_AGENCY''::text, ''2025-07-01''::date), @.htx_agency_on(''DARD''::text, ''2025-07-01''::date)',
		'SELECT @.htx_agency_key(''Sở  Nông-nghiệp_và PTNT''::text, true), @.htx_agency_key(''UBND tỉnh''::text), @.htx_name_similarity(''so nong nghiep''::text, ''so nong nghiep va ptnt''::text)',
		'SELECT @.htx_fold(''  Đồng  Hỷ_-x ''::text), @.htx_rating_label(''tốt''::@.htx_rating, ''en''::text), @.htx_rating_label(''yếu''::@.htx_rating),
		        @.htx_is_good_or_fair(''khá''::@.htx_rating), @.htx_is_rated(''không xếp loại''::@.htx_rating), ''khá''::@.htx_rating::int4, 3::@.htx_rating,
		        ''tốt''::@.htx_rating OPERATOR(@.>) ''khá'', 75.25::@.htx_score',
		'SELECT count(*) FROM @.htx_grant_reader(''regress_sec_reader''::regrole)',
		'SELECT count(*) FROM @.htx_revoke_reader(''regress_sec_reader''::regrole)',
		-- error paths (a leading ! means the statement must fail): the hints
		-- and details are built with format(), string_agg() ...
		'!INSERT INTO {coop} (cooperative_id, name, district_code, sector) VALUES (990003, ''HTX X'', ''164'', ''no such sector'')',
		'!SELECT @.htx_rating_from_score(50.0, false, ''no such scheme''::text)',
		'!SELECT @.htx_rating_from_score(-1.0, false, ''SEC-1''::text)',
		'!SELECT @.htx_rating_from_score(101.0, false, ''TT-09/2017/TT-BNNPTNT''::text)',
		'!SELECT @.htx_rating_from_score(50.0, true, ''TT-01/2020/TT-BKHĐT''::text)',
		'!SELECT @.htx_agency_resolve(''Sở Nông nghiệp và Phát triển nông thô''::text)',
		'!SELECT @.htx_agency_resolve(''Sở''::text)',
		'!SELECT @.htx_agency_resolve(''xyz''::text)',
		'!SELECT @.htx_task_resolve(''III.9.z''::text)',
		'!SELECT @.htx_task_resolve(''Z''::text)',
		'!SELECT @.htx_role_resolve(''boss''::text)',
		'!SELECT count(*) FROM @.htx_check_targets(NULL::@.htx_evaluation, ''no such plan''::text)',
		'!SELECT count(*) FROM @.htx_check_targets(NULL::@.htx_evaluation, ''TN-42/KH-UBND''::text, ''village''::text)',
		'!SELECT count(*) FROM @.htx_grant_reader(CURRENT_USER::regrole)',
		'!SELECT @.htx_generate_sample(10)',
		'!SELECT @.htx_generate_sample(0)',
		'!INSERT INTO @.htx_task (task_code, parent_code, title_vi, title_en, clause) VALUES (''SEC.9'', ''NOPE'', ''x'', ''x'', ''x'')',
		'!DELETE FROM @.htx_task WHERE task_code = ''III.1''',
		'!INSERT INTO @.htx_target_tolerance (plan_code, target_code, scope, tolerance)
		  SELECT plan_code, target_code, scope, -1 FROM @.htx_target WHERE comparator = ''>='' LIMIT 1',
		'DELETE FROM @.htx_task WHERE task_code = ''SEC.2''',
		'DELETE FROM @.htx_agency WHERE agency_code = ''SEC_AGENCY'''
	];
	s text;
	q text;
	v record;
BEGIN
	PERFORM set_config('regress_sec.stage', 'exercise', true);
	FOREACH s IN ARRAY stmts LOOP
		s := replace(replace(replace(s, '@.', quote_ident(ext) || '.'),
			'{coop}', coalesce(regress_sec.rel('htx_cooperative'), 'htx_cooperative')),
			'{year}', coalesce(regress_sec.rel('htx_cooperative_year'), 'htx_cooperative_year'));
		BEGIN
			PERFORM set_config('search_path', sp, true);
			EXECUTE ltrim(s, '!');
			PERFORM set_config('search_path', 'pg_catalog', true);
			IF s LIKE '!%' THEN
				RETURN NEXT format('%s: did not fail', s);
			END IF;
		EXCEPTION WHEN OTHERS THEN
			IF s NOT LIKE '!%' THEN
				RETURN NEXT format('%s: %s', s, SQLERRM);
			END IF;
		END;
	END LOOP;
	-- every view, with every column computed
	FOR v IN SELECT c.oid::regclass AS rel FROM pg_class c
		WHERE c.relkind IN ('v', 'm')
		  AND c.relnamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema', 'regress_sec')
		ORDER BY c.oid
	LOOP
		q := format('SELECT pg_catalog.count(v::pg_catalog.text) FROM %s v', v.rel);
		BEGIN
			PERFORM set_config('search_path', sp, true);
			EXECUTE q;
			PERFORM set_config('search_path', 'pg_catalog', true);
		EXCEPTION WHEN OTHERS THEN
			RETURN NEXT format('view %s: %s', v.rel, SQLERRM);
		END;
	END LOOP;
	-- every CHECK constraint, on every row (shipped, sample and the above);
	-- deparsed and run with pg_catalog alone in the path, so that an
	-- operator bound to a planted one reads OPERATOR(s.>=) and is called
	FOR v IN SELECT con.conrelid::regclass AS rel, con.conname,
	                regexp_replace(pg_get_constraintdef(con.oid), '^CHECK |NOT VALID$', '', 'g') AS expr
		FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
		WHERE con.contype = 'c'
		  AND c.relnamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema', 'regress_sec')
		ORDER BY con.oid
	LOOP
		BEGIN
			EXECUTE format('SELECT count(*) FROM %s WHERE NOT %s', v.rel, v.expr);
		EXCEPTION WHEN OTHERS THEN
			RETURN NEXT format('constraint %s: %s', v.conname, SQLERRM);
		END;
	END LOOP;
END $ex$;

-- Stored expressions that depend on a planted object.
CREATE VIEW regress_sec.captured AS
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS dependent,
       pg_describe_object(d.refclassid, d.refobjid, 0) AS planted
FROM pg_depend d JOIN regress_sec.planted p ON (d.refclassid, d.refobjid) = (p.classid, p.objid)
WHERE NOT EXISTS (SELECT 1 FROM regress_sec.planted q WHERE (q.classid, q.objid) = (d.classid, d.objid));

-- Remove what was planted, and the log.
CREATE FUNCTION regress_sec.unplant() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE f regprocedure;
BEGIN
	FOR f IN SELECT objid FROM regress_sec.planted WHERE classid = 'pg_proc'::regclass
	         AND EXISTS (SELECT 1 FROM pg_proc WHERE oid = objid) LOOP
		EXECUTE format('DROP FUNCTION %s CASCADE', f);
	END LOOP;
	TRUNCATE regress_sec.planted, regress_sec.calls;
END $$;

-- Remove htx and a warehouse that lives outside it.
CREATE FUNCTION regress_sec.drop_htx() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog SET client_min_messages = error AS $$
DECLARE r record;
BEGIN
	DROP EXTENSION IF EXISTS htx CASCADE;
	FOR r IN SELECT format('%I.%I', c.relnamespace::regnamespace, c.relname) AS rel,
	                CASE WHEN c.relkind IN ('v', 'm') THEN 'VIEW' ELSE 'TABLE' END AS kind
	         FROM pg_class c WHERE c.relname LIKE 'htx\_%' AND c.relkind IN ('r', 'p', 'v', 'm')
	         AND c.relnamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema')
	         ORDER BY c.relkind DESC LOOP
		EXECUTE format('DROP %s IF EXISTS %s CASCADE', r.kind, r.rel);
	END LOOP;
END $$;
RESET client_min_messages;

-- The trap catches a capture: with s.>=(numeric, integer) planted, a bare
-- ">=" in schema s's path is bound to it.
CREATE SCHEMA s;
SELECT regress_sec.plant('{s,public}') > 1000 AS planted;
SET search_path = s, public;
SELECT 2.5 >= 1 AS captured;
RESET search_path;
SELECT what FROM regress_sec.calls;
TRUNCATE regress_sec.calls;

-- (1) CREATE EXTENSION htx SCHEMA s (1.0 + update), planted beforehand in s
-- and public
SET regress_sec.stage = 'create extension';
CREATE EXTENSION htx SCHEMA s;
SELECT extversion = default_version AS default_version
FROM pg_extension JOIN pg_available_extensions ON name = extname WHERE extname = 'htx';
SELECT * FROM regress_sec.captured;
SELECT * FROM regress_sec.exercise('s', 's, public');
SELECT what, stage, count(*) AS calls,
       (regexp_match(min(caller), E'\n(?:[^\n]*\n){2}([^\n]*)'))[1] AS called_from
FROM regress_sec.calls GROUP BY 1, 2 ORDER BY 1, 2;
SELECT * FROM regress_sec.captured;
SET client_min_messages = warning;
SELECT regress_sec.drop_htx() IS NOT NULL AS dropped;
DROP SCHEMA s CASCADE;
SELECT regress_sec.unplant();
RESET client_min_messages;

-- (2) 1.0 installed cleanly, planted afterwards (htx's own types now among
-- the planted pairs), then ALTER EXTENSION UPDATE
CREATE SCHEMA s;
CREATE EXTENSION htx VERSION '1.0' SCHEMA s;
SELECT regress_sec.plant('{s,public}') > 1000 AS planted;
SET regress_sec.stage = 'alter extension update';
ALTER EXTENSION htx UPDATE;
SELECT extversion = default_version AS default_version
FROM pg_extension JOIN pg_available_extensions ON name = extname WHERE extname = 'htx';
SELECT * FROM regress_sec.captured;
SELECT * FROM regress_sec.exercise('s', 's, public');
SELECT what, stage, count(*) AS calls,
       (regexp_match(min(caller), E'\n(?:[^\n]*\n){2}([^\n]*)'))[1] AS called_from
FROM regress_sec.calls GROUP BY 1, 2 ORDER BY 1, 2;
SELECT * FROM regress_sec.captured;
SET client_min_messages = warning;
SELECT regress_sec.drop_htx() IS NOT NULL AS dropped;
DROP SCHEMA s CASCADE;
SELECT regress_sec.unplant();
RESET client_min_messages;

-- (3) 1.0 installed with the plants already there: its two bare
-- "tolerance >= 0" were bound to s.>=(numeric, integer).  The update
-- repairs them.
CREATE SCHEMA s;
SELECT regress_sec.plant('{s,public}') > 1000 AS planted;
SET regress_sec.stage = 'create extension 1.0';
CREATE EXTENSION htx VERSION '1.0' SCHEMA s;
SELECT dependent, planted FROM regress_sec.captured
WHERE dependent LIKE 'constraint htx_target_tolerance%' ORDER BY 1;
SET regress_sec.stage = 'alter extension update';
ALTER EXTENSION htx UPDATE;
SELECT * FROM regress_sec.captured;
SELECT * FROM regress_sec.exercise('s', 's, public');
SELECT what, stage, count(*) AS calls,
       (regexp_match(min(caller), E'\n(?:[^\n]*\n){2}([^\n]*)'))[1] AS called_from
FROM regress_sec.calls GROUP BY 1, 2 ORDER BY 1, 2;
SELECT * FROM regress_sec.captured;
SET client_min_messages = warning;
SELECT regress_sec.drop_htx() IS NOT NULL AS dropped;
DROP SCHEMA s CASCADE;
SELECT regress_sec.unplant();
RESET client_min_messages;

-- (4) CREATE EXTENSION htx into public (the default), planted beforehand
SELECT regress_sec.plant('{public}') > 1000 AS planted;
SET regress_sec.stage = 'create extension';
CREATE EXTENSION htx;
SELECT extnamespace::regnamespace AS schema FROM pg_extension WHERE extname = 'htx';
SELECT * FROM regress_sec.captured;
SELECT * FROM regress_sec.exercise('public', '"$user", public');
SELECT what, stage, count(*) AS calls,
       (regexp_match(min(caller), E'\n(?:[^\n]*\n){2}([^\n]*)'))[1] AS called_from
FROM regress_sec.calls GROUP BY 1, 2 ORDER BY 1, 2;
SELECT * FROM regress_sec.captured;
SET client_min_messages = warning;
SELECT regress_sec.drop_htx() IS NOT NULL AS dropped;
SELECT regress_sec.unplant();
DROP SCHEMA regress_sec CASCADE;
DROP OWNED BY regress_sec_reader;
DROP ROLE regress_sec_reader;
RESET client_min_messages;
