-- ---------------------------------------------------------------------------
-- Cooperatives located in time (issue 9, second half)
-- ---------------------------------------------------------------------------
--
-- A yearly row is filed under a commune-level unit: htx_cooperative_year.
-- commune_code, the code of the unit valid on the year's reporting date,
-- 31 December of the year (ratings and figures are "as at" the end of the
-- year: a 2024 row names an old xã/phường/thị trấn, a 2025 row, collected in
-- early 2026, a unit of 2025-07-01).  A row without a commune (every 1.0 row)
-- is located by htx_cooperative.district_code, as in 1.0.
--
-- Why a plain column and not a foreign key: a unit is a code on a date, and
-- the key of htx_commune is (commune_code, valid_from).  A foreign key would
-- need valid_from on the row, derived from the year -- a generated column
-- cannot read htx_commune, so it would hard-code 2025-07-01 and break with
-- the next reorganisation a province adds as data; a CHECK may not read
-- tables either.  So the column carries the code (CHECK: five digits) and
-- htx_data_quality lists every row whose code no unit has on the reporting
-- date (commune_unknown), with the code's units and dates.  Fact tables stay
-- free of triggers (Citus), and the cooperative keeps one row and one id
-- across the reorganisation: only its yearly rows name the commune.
--
-- htx_cooperative.district_code becomes optional: a cooperative of Bắc Kạn
-- cũ (whose districts are in htx_district_other, which the foreign key does
-- not reach) or one founded after 2025-06-30 is located by its rows'
-- communes alone.
--
-- The attribution to former districts is the warehouse view
-- htx_cooperative_year_located; the reports across the reorganisation are
-- htx_territory_year_report (both in htx_warehouse_view_sql, 50_warehouse.sql).

-- A missing warehouse view, created as htx_create_warehouse() would, but in
-- an update script, where it would become a member: handed to the DBA at
-- once (the owner of htx_cooperative_year owns it), with SELECT for the
-- roles that may read htx_district_year_report.  Used here and by
-- 62_territory_report.sql, which drops it.
CREATE FUNCTION @extschema@.htx_add_warehouse_view_1_1(view_name pg_catalog.text)
RETURNS pg_catalog.void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s name;
	ext oid;
	t regclass;
	v regclass;
	ddl text;
	grantee oid;
BEGIN
	SELECT e.oid, n.nspname INTO ext, s
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'htx';
	t := to_regclass(format('%I.htx_cooperative_year', s));
	IF t IS NULL OR to_regclass(format('%I.%I', s, view_name)) IS NOT NULL THEN
		RETURN;		-- no warehouse (htx_create_warehouse() makes the 1.1 one), or already there
	END IF;
	EXECUTE format('SELECT %I.htx_warehouse_view_sql($1)', s) INTO ddl USING view_name;
	EXECUTE ddl;
	v := to_regclass(format('%I.%I', s, view_name));
	IF EXISTS (SELECT 1 FROM pg_depend d
			WHERE d.classid = 'pg_class'::regclass AND d.objid = v
			  AND d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext AND d.deptype = 'e') THEN
		EXECUTE format('ALTER EXTENSION htx DROP VIEW %s', v);
	END IF;
	EXECUTE format('ALTER VIEW %s OWNER TO %I', v,
		(SELECT r.rolname FROM pg_class k JOIN pg_roles r ON r.oid = k.relowner WHERE k.oid = t));
	FOR grantee IN
		SELECT DISTINCT a.grantee FROM pg_class k, aclexplode(k.relacl) a
		WHERE k.oid = to_regclass(format('%I.htx_district_year_report', s))
		  AND a.privilege_type = 'SELECT' AND a.grantee <> k.relowner
	LOOP
		EXECUTE format('GRANT SELECT ON %s TO %s', v,
			CASE WHEN grantee = 0 THEN 'PUBLIC' ELSE quote_ident((SELECT r.rolname FROM pg_roles r WHERE r.oid = grantee)) END);
	END LOOP;
END
$fn$;

CREATE FUNCTION @extschema@.htx_locate_warehouse_1_1()
RETURNS pg_catalog.void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s name;
	t regclass;
	c regclass;
BEGIN
	SELECT n.nspname INTO s
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'htx';
	t := to_regclass(format('%I.htx_cooperative_year', s));
	c := to_regclass(format('%I.htx_cooperative', s));
	IF t IS NULL OR c IS NULL THEN
		RETURN;		-- no warehouse: htx_create_warehouse() makes the 1.1 one
	END IF;
	-- 60_targets.sql's column first, exactly as it adds it (it then finds it
	-- there), so that the columns stand in htx_create_warehouse()'s order and
	-- the attribution view can be created here
	IF NOT EXISTS (SELECT 1 FROM pg_attribute a
			WHERE a.attrelid = t AND a.attname = 'capital_vnd' AND NOT a.attisdropped) THEN
		EXECUTE format('ALTER TABLE %s ADD COLUMN capital_vnd pg_catalog.int8
			CONSTRAINT htx_cooperative_year_capital_not_negative CHECK (capital_vnd OPERATOR(pg_catalog.>=) 0)', t);
		EXECUTE format('COMMENT ON COLUMN %s.capital_vnd IS %L', t,
			'total capital (tổng nguồn vốn) at the end of the year, VND; with members and revenue it gives the size class of Decree 113/2024/NĐ-CP (htx_size_class); added in 1.1');
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_attribute a
			WHERE a.attrelid = t AND a.attname = 'commune_code' AND NOT a.attisdropped) THEN
		EXECUTE format('ALTER TABLE %s ADD COLUMN commune_code pg_catalog.text
			CONSTRAINT htx_cooperative_year_commune_code_is_five_digits CHECK (commune_code OPERATOR(pg_catalog.~) %L)', t, '^[0-9]{5}$');
		EXECUTE format('COMMENT ON COLUMN %s.commune_code IS %L', t,
			'GSO code of the commune-level unit the row is filed under, the unit of that code valid on the year''s reporting date, 31 December of the year (up to 2024 an old xã/phường/thị trấn, from 2025 a new unit); NULL: located by htx_cooperative.district_code alone, as in 1.0; htx_data_quality lists codes no unit has on that date (commune_unknown); added in 1.1');
	END IF;
	EXECUTE format('ALTER TABLE %s ALTER COLUMN district_code DROP NOT NULL', c);
	EXECUTE format('COMMENT ON COLUMN %s.district_code IS %L', c,
		'GSO code of the district-level unit of Thái Nguyên cũ it is registered in (htx_district); NULL for a cooperative located only by the communes of its yearly rows (htx_cooperative_year.commune_code: Bắc Kạn cũ, or founded after 2025-06-30); 1.0 required it');
END
$fn$;
SELECT @extschema@.htx_locate_warehouse_1_1();
DROP FUNCTION @extschema@.htx_locate_warehouse_1_1();

-- The attribution view now (htx_data_quality, which 60_targets.sql and
-- 65_sweep.sql put in place, reads it); the report, which reads
-- capital_vnd, after 60_targets.sql has added that column
-- (62_territory_report.sql).
SELECT @extschema@.htx_add_warehouse_view_1_1('htx_cooperative_year_located');
