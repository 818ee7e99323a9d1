-- ---------------------------------------------------------------------------
-- DROP EXTENSION htx never silently takes a province's own rows
-- ---------------------------------------------------------------------------
--
-- The warehouse is safe by dependency (50_warehouse.sql).  The rows a
-- province adds to the extension's own tables (agencies, aliases,
-- successions, tasks, assignments, plans, targets, tolerances, schemes,
-- sectors, districts) are what pg_extension_config_dump makes pg_dump keep;
-- an event trigger refuses a DROP EXTENSION htx without CASCADE while any
-- exist (src/guard.c).

CREATE FUNCTION @extschema@.htx_own_rows()
RETURNS TABLE (table_name pg_catalog.regclass, own_rows pg_catalog.int8)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	t regclass;
	cond text;
BEGIN
	-- the rows pg_dump keeps: each configuration table with its condition
	FOR t, cond IN
		SELECT c.tab::regclass, c.cond
		FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(tab, cond)
		WHERE e.extname = 'htx'
		ORDER BY c.tab::regclass::text
	LOOP
		EXECUTE format('SELECT count(*) FROM %s %s', t, cond) INTO own_rows;
		IF own_rows > 0 THEN
			table_name := t;
			RETURN NEXT;
		END IF;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_own_rows() IS
'the rows a province added to htx''s own tables (its agencies, targets, tolerances, schemes, tasks ...), counted per table: the rows pg_dump keeps and DROP EXTENSION htx refuses to drop without CASCADE';

CREATE FUNCTION @extschema@.htx_guard_drop_extension()
RETURNS pg_catalog.event_trigger
AS 'MODULE_PATHNAME', 'htx_guard_drop_extension'
LANGUAGE C;
COMMENT ON FUNCTION @extschema@.htx_guard_drop_extension() IS
'event trigger function: refuses DROP EXTENSION htx without CASCADE while htx_own_rows() has rows, and names them; with CASCADE warns what goes';

CREATE EVENT TRIGGER htx_guard_drop_extension ON ddl_command_start
	WHEN TAG IN ('DROP EXTENSION')
	EXECUTE FUNCTION @extschema@.htx_guard_drop_extension();
COMMENT ON EVENT TRIGGER htx_guard_drop_extension IS
'keeps DROP EXTENSION htx (without CASCADE) from dropping the rows a province added to htx''s tables';
