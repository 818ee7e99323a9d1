-- ---------------------------------------------------------------------------
-- Read-only access for BI tools, now that the warehouse views are the DBA's
-- ---------------------------------------------------------------------------
--
-- 1.0 granted SELECT on the extension's member views; the warehouse views
-- are no longer members (50_warehouse.sql), so the readers' views are listed
-- by one function that both htx_grant_reader and htx_revoke_reader use.

CREATE FUNCTION @extschema@.htx_reader_views()
RETURNS SETOF pg_catalog.regclass
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT c.oid::regclass
	FROM pg_extension e
	JOIN pg_class c ON c.relkind IN ('v', 'm')
	WHERE e.extname = 'htx'
	  AND (EXISTS (SELECT 1 FROM pg_depend d
			WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			  AND d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND d.deptype = 'e')
		OR (c.relnamespace = e.extnamespace
			AND c.relname IN ('htx_cooperative_year_located', 'htx_year_summary', 'htx_district_year_report', 'htx_target_progress', 'htx_rating_trend',
				'htx_data_quality', 'htx_territory_year_report')))
	ORDER BY c.relname
$fn$;
COMMENT ON FUNCTION @extschema@.htx_reader_views() IS
'the views a BI reader role is given by htx_grant_reader: the extension''s own views and the warehouse views of htx_create_warehouse() that exist';

CREATE OR REPLACE FUNCTION @extschema@.htx_grant_reader(reader pg_catalog.regrole)
RETURNS TABLE (privilege pg_catalog.text, object_type pg_catalog.text, object_name pg_catalog.text)
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	ext oid;
	ext_schema name;
	role_name name;
	r record;
BEGIN
	IF reader IS NULL THEN
		RAISE EXCEPTION 'reader role must not be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	-- a regrole can hold any OID (0::oid::regrole prints as "-"): refuse
	-- one that names no role before it reaches GRANT
	SELECT a.rolname INTO role_name FROM pg_roles a WHERE a.oid = reader::pg_catalog.oid;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'role with OID % does not exist', reader::pg_catalog.oid
			USING ERRCODE = 'undefined_object';
	END IF;
	IF (SELECT a.rolsuper FROM pg_roles a WHERE a.oid = reader::pg_catalog.oid) THEN
		RAISE EXCEPTION 'role % is a superuser, and a superuser cannot be made read-only', reader
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Create a role for the BI tool: CREATE ROLE bi_reader LOGIN PASSWORD ''...'';';
	END IF;
	SELECT e.oid, n.nspname INTO ext, ext_schema
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'htx';

	EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA %I TO %I', ext_schema, role_name);
	privilege := 'USAGE'; object_type := 'schema'; object_name := ext_schema;
	RETURN NEXT;

	FOR r IN
		SELECT v.rel FROM htx_reader_views() AS v(rel)
	LOOP
		EXECUTE pg_catalog.format('GRANT SELECT ON %s TO %I', r.rel, role_name);
		privilege := 'SELECT'; object_type := 'view'; object_name := r.rel::text;
		RETURN NEXT;
	END LOOP;

	-- The plan's reference tables, public data, so that the reader can call
	-- the plan lookups, which run with its rights (45_plan_tools.sql says why
	-- not SECURITY DEFINER); never the warehouse's tables.
	FOR r IN
		SELECT t.rel FROM htx_reader_tables() AS t(rel)
	LOOP
		EXECUTE pg_catalog.format('GRANT SELECT ON %s TO %I', r.rel, role_name);
		privilege := 'SELECT'; object_type := 'table'; object_name := r.rel::text;
		RETURN NEXT;
	END LOOP;

	-- The functions the views call, and the plan lookups: EXECUTE belongs to
	-- PUBLIC unless a DBA revoked it, so grant it explicitly.
	FOR r IN
		SELECT f.fn, f.fn::text AS fname FROM htx_reader_functions() AS f(fn)
		UNION
		SELECT DISTINCT p.oid::regprocedure AS fn, p.oid::regprocedure::text AS fname
		FROM htx_reader_views() AS v(rel)
		JOIN pg_rewrite rw ON rw.ev_class = v.rel::pg_catalog.oid
		JOIN pg_depend df ON df.classid = 'pg_rewrite'::pg_catalog.regclass::pg_catalog.oid AND df.objid = rw.oid AND df.refclassid = 'pg_proc'::pg_catalog.regclass::pg_catalog.oid
		JOIN pg_proc p ON p.oid = df.refobjid
		JOIN pg_depend dp ON dp.classid = 'pg_proc'::pg_catalog.regclass::pg_catalog.oid AND dp.objid = p.oid
			AND dp.refclassid = 'pg_extension'::pg_catalog.regclass::pg_catalog.oid AND dp.refobjid = ext AND dp.deptype = 'e'
		ORDER BY 2
	LOOP
		EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION %s TO %I', r.fn, role_name);
		privilege := 'EXECUTE'; object_type := 'function'; object_name := r.fname;
		RETURN NEXT;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_grant_reader(pg_catalog.regrole) IS
'read-only access for a BI tool''s role (quyền chỉ đọc): USAGE on the extension''s schema, SELECT on every view of htx_reader_views() (the extension''s views and the warehouse''s), EXECUTE on the functions they call and on the plan lookups (htx_reader_functions()), SELECT on the plan''s reference tables those read (htx_reader_tables(): public data); nothing on the warehouse''s tables; returns what it granted';
REVOKE ALL ON FUNCTION @extschema@.htx_grant_reader(pg_catalog.regrole) FROM PUBLIC;

CREATE OR REPLACE FUNCTION @extschema@.htx_revoke_reader(reader pg_catalog.regrole)
RETURNS TABLE (privilege pg_catalog.text, object_type pg_catalog.text, object_name pg_catalog.text)
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	ext oid;
	ext_schema name;
	role_name name;
	r record;
BEGIN
	IF reader IS NULL THEN
		RAISE EXCEPTION 'reader role must not be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT a.rolname INTO role_name FROM pg_roles a WHERE a.oid = reader::pg_catalog.oid;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'role with OID % does not exist', reader::pg_catalog.oid
			USING ERRCODE = 'undefined_object';
	END IF;
	SELECT e.oid, n.nspname INTO ext, ext_schema
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'htx';
	FOR r IN
		SELECT v.rel FROM htx_reader_views() AS v(rel)
	LOOP
		EXECUTE pg_catalog.format('REVOKE SELECT ON %s FROM %I', r.rel, role_name);
		privilege := 'SELECT'; object_type := 'view'; object_name := r.rel::text;
		RETURN NEXT;
	END LOOP;
	FOR r IN
		SELECT t.rel FROM htx_reader_tables() AS t(rel)
	LOOP
		EXECUTE pg_catalog.format('REVOKE SELECT ON %s FROM %I', r.rel, role_name);
		privilege := 'SELECT'; object_type := 'table'; object_name := r.rel::text;
		RETURN NEXT;
	END LOOP;
	EXECUTE pg_catalog.format('REVOKE USAGE ON SCHEMA %I FROM %I', ext_schema, role_name);
	privilege := 'USAGE'; object_type := 'schema'; object_name := ext_schema;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_revoke_reader(pg_catalog.regrole) IS
'undoes htx_grant_reader: revokes SELECT on the htx views and on the plan''s reference tables, and USAGE on the schema (the function EXECUTE grants are harmless and stay); returns what it revoked';
REVOKE ALL ON FUNCTION @extschema@.htx_revoke_reader(pg_catalog.regrole) FROM PUBLIC;
