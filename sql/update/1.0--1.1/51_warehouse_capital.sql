-- The warehouse: capital becomes a yearly field --------------------------------
--
-- A 1.0 warehouse the update kept (50_warehouse.sql) is the DBA's: add the
-- column htx_create_warehouse() now creates, at the end, before the
-- territory's commune_code (52_territory_warehouse.sql), so that the columns
-- stand in htx_create_warehouse()'s order.  The views that use it are put in
-- place by 60_targets.sql.
CREATE FUNCTION @extschema@.htx_add_capital_1_1()
RETURNS pg_catalog.void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s name;
	t regclass;
BEGIN
	SELECT n.nspname INTO s
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'htx';
	t := to_regclass(format('%I.htx_cooperative_year', s));
	IF t IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_attribute a
			WHERE a.attrelid = t AND a.attname = 'capital_vnd' AND NOT a.attisdropped) THEN
		EXECUTE format('ALTER TABLE %s ADD COLUMN capital_vnd pg_catalog.int8
			CONSTRAINT htx_cooperative_year_capital_not_negative CHECK (capital_vnd OPERATOR(pg_catalog.>=) 0)', t);
		EXECUTE format('COMMENT ON COLUMN %s.capital_vnd IS %L', t,
			'total capital (tổng nguồn vốn) at the end of the year, VND; with members and revenue it gives the size class of Decree 113/2024/NĐ-CP (htx_size_class); added in 1.1');
	END IF;
END
$fn$;
SELECT @extschema@.htx_add_capital_1_1();
DROP FUNCTION @extschema@.htx_add_capital_1_1();
