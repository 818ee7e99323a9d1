-- ---------------------------------------------------------------------------
-- Readers granted under 1.0 read what 1.1 adds
-- ---------------------------------------------------------------------------
--
-- A BI role that htx_grant_reader set up under 1.0 holds SELECT on the
-- extension's views of then; views this update adds (e.g. htx_agency_chain,
-- which the plan views now read) would be closed to it.  Every such role --
-- one granted SELECT on htx_task_matrix, a view every reader got -- is granted
-- again, so it reads exactly what a reader set up on a fresh 1.1 reads.
-- Runs last, after every piece that adds a view.
CREATE FUNCTION @extschema@.htx_regrant_readers_1_1()
RETURNS pg_catalog.void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s name;
	reader regrole;
BEGIN
	SELECT n.nspname INTO s
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'htx';
	FOR reader IN
		SELECT DISTINCT a.grantee::regrole
		FROM pg_class c, aclexplode(c.relacl) AS a
		WHERE c.oid = format('%I.htx_task_matrix', s)::regclass
		  AND a.privilege_type = 'SELECT' AND a.grantee <> 0 AND a.grantee <> c.relowner
		  AND NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.oid = a.grantee)
		ORDER BY 1
	LOOP
		EXECUTE format('SELECT count(*) FROM %I.htx_grant_reader(%L::regrole)', s, reader::text);
	END LOOP;
END
$fn$;
SELECT @extschema@.htx_regrant_readers_1_1();
DROP FUNCTION @extschema@.htx_regrant_readers_1_1();
