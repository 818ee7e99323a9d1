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
	-- capital_vnd is there already (51_warehouse_capital.sql)
	IF NOT EXISTS (SELECT 1 FROM pg_attribute a
			WHERE a.attrelid = t AND a.attname = 'commune_code' AND NOT a.attisdropped) THEN
		EXECUTE format('ALTER TABLE %s ADD COLUMN commune_code pg_catalog.text
			CONSTRAINT htx_cooperative_year_commune_code_is_five_digits CHECK (commune_code OPERATOR(pg_catalog.~) %L)', t, '^[0-9]{5}$');
		EXECUTE format('COMMENT ON COLUMN %s.commune_code IS %L', t,
			'GSO code of the commune-level unit the row is filed under, the unit of that code valid on the year''s reporting date, 31 December of the year (up to 2024 an old xã/phường/thị trấn, from 2025 a new unit); NULL: located by htx_cooperative.district_code alone, as in 1.0; htx_data_quality lists codes no unit has on that date (commune_unknown); added in 1.1');
		-- as htx_create_warehouse() makes it (50_warehouse.sql)
		EXECUTE format('CREATE INDEX htx_cooperative_year_commune_code_idx ON %s (commune_code)', t);
		EXECUTE format('COMMENT ON INDEX %I.htx_cooperative_year_commune_code_idx IS %L', s,
			'the rows filed under a commune, and those under none: htx_year_summary reads each kind, and a straddling unit''s rows, without scanning the others');
	END IF;
	EXECUTE format('ALTER TABLE %s ALTER COLUMN district_code DROP NOT NULL', c);
	EXECUTE format('COMMENT ON COLUMN %s.district_code IS %L', c,
		'GSO code of the district-level unit of Thái Nguyên cũ it is registered in (htx_district); NULL for a cooperative located only by the communes of its yearly rows (htx_cooperative_year.commune_code: Bắc Kạn cũ, or founded after 2025-06-30); 1.0 required it');
END
$fn$;
SELECT @extschema@.htx_locate_warehouse_1_1();
DROP FUNCTION @extschema@.htx_locate_warehouse_1_1();

-- The attribution view now (htx_data_quality, which 60_targets.sql and
-- 65_sweep.sql put in place, reads it); the report after 60_targets.sql has
-- put its views in place (62_territory_report.sql).
SELECT @extschema@.htx_add_warehouse_view_1_1('htx_cooperative_year_located');

-- The sample builds the merged province ------------------------------------------
--
-- 1.0's generator (as 50_warehouse.sql leaves it) makes old Thái Nguyên's
-- cooperatives and years; it stays, renamed, so that those rows are the same
-- as before (htx_generate_sample_thai_nguyen: 1.0's sample, district only).
-- htx_generate_sample then files them under communes and adds Bắc Kạn cũ's:
-- by default a quarter as many as old Thái Nguyên's.  That count is an
-- assumption, not a fact: htx knows no count of Bắc Kạn cũ's HTX NN in 2025
-- (Bắc Kạn had 181 cooperatives of all sectors in 2019; Thái Nguyên 590 HTX
-- NN at the end of 2024), so a quarter is only the same order; a caller who
-- knows better passes bac_kan_cooperatives.  Streams of the hash beyond
-- 1.0's: 40 old commune within the district, 41 share of a split unit, 42
-- Bắc Kạn district, 43 donor cooperative.
ALTER FUNCTION @extschema@.htx_generate_sample(pg_catalog.int4, pg_catalog.int4) RENAME TO htx_generate_sample_thai_nguyen;
COMMENT ON FUNCTION @extschema@.htx_generate_sample_thai_nguyen(pg_catalog.int4, pg_catalog.int4) IS
'1.0''s sample, unchanged (in 1.0 it was htx_generate_sample): fills the empty warehouse tables with about the given number of cooperatives of old Thái Nguyên in its nine districts and their years 2020..2025, by district only (no commune); the first part of htx_generate_sample, which builds the merged province';

CREATE FUNCTION @extschema@.htx_generate_sample(cooperatives pg_catalog.int4 DEFAULT 600, seed pg_catalog.int4 DEFAULT 42,
	bac_kan_cooperatives pg_catalog.int4 DEFAULT NULL,
	OUT cooperatives_created pg_catalog.int8, OUT cooperative_years_created pg_catalog.int8)
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	bk int4;
	n_bk bigint;
	n_bk_years bigint;
BEGIN
	IF bac_kan_cooperatives < 0 OR bac_kan_cooperatives > 10000000 THEN
		RAISE EXCEPTION 'Bắc Kạn''s sample size must be between 0 and 10000000 cooperatives, not %', bac_kan_cooperatives
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT s.cooperatives_created, s.cooperative_years_created INTO cooperatives_created, cooperative_years_created
	FROM htx_generate_sample_thai_nguyen(cooperatives, seed) AS s;
	-- (cooperatives is valid here: htx_generate_sample_thai_nguyen checked it)
	-- an assumption, not a fact: a quarter of old Thái Nguyên's (see above)
	bk := COALESCE(bac_kan_cooperatives, cooperatives / 4);

	-- Bắc Kạn cũ's cooperatives: no district_code (their districts are not in
	-- htx_district), the figures of a donor cooperative of old Thái Nguyên,
	-- revenue and capital at 60%
	INSERT INTO htx_cooperative (cooperative_id, name, registration_code, district_code, sector, founded_on, dissolved_on)
	SELECT cooperatives + i, 'HTX ' || d.name || ' ' || (cooperatives + i)::text,
		'MAU-' || d.district_code || '-' || lpad((cooperatives + i)::text, 6, '0'),
		NULL, c.sector, c.founded_on, c.dissolved_on
	FROM generate_series(1, bk) AS i
	CROSS JOIN LATERAL (SELECT o.district_code, o.name FROM htx_district_other o WHERE o.province_code = '06'
		ORDER BY o.district_code OFFSET floor(htx_sample_uniform(seed, cooperatives + i, 42, 0) * 8::float8)::int4 LIMIT 1) AS d
	JOIN htx_cooperative c ON c.cooperative_id = 1 + floor(htx_sample_uniform(seed, cooperatives + i, 43, 0) * cooperatives::float8)::int4;
	GET DIAGNOSTICS n_bk = ROW_COUNT;
	INSERT INTO htx_cooperative_year (cooperative_id, year, rating, score, fined, revenue_vnd, members, young_members, managers,
		managers_trained, applies_tech, vietgap_certified, globalgap_certified, organic_certified, ocop_stars, is_model, capital_vnd)
	SELECT cooperatives + i, y.year, y.rating, y.score, y.fined, round(y.revenue_vnd::numeric * 0.6::numeric, -6)::int8, y.members, y.young_members,
		y.managers, y.managers_trained, y.applies_tech, y.vietgap_certified, y.globalgap_certified, y.organic_certified,
		y.ocop_stars, y.is_model, round(y.capital_vnd::numeric * 0.6::numeric, -6)::int8
	FROM generate_series(1, bk) AS i
	JOIN htx_cooperative_year y ON y.cooperative_id = 1 + floor(htx_sample_uniform(seed, cooperatives + i, 43, 0) * cooperatives::float8)::int4;
	GET DIAGNOSTICS n_bk_years = ROW_COUNT;

	-- every cooperative's old commune, drawn in its district (Bắc Kạn's: in
	-- the district its name and registration code carry); rows up to 2024
	-- under it, 2025 rows under its successor (one of two for a split unit)
	-- (the k-th in code order, k drawn by the seed: an array per district
	-- and per old unit, not a subquery per cooperative, which took 3 of the
	-- generator's 11 s at 30,000)
	WITH pool AS MATERIALIZED (
		SELECT cm.district_code, pg_catalog.array_agg(cm.commune_code ORDER BY cm.commune_code) AS codes,
			pg_catalog.array_agg(cm.valid_from ORDER BY cm.commune_code) AS froms
		FROM htx_commune cm WHERE cm.valid_to = date '2025-06-30' AND cm.district_code IS NOT NULL
		GROUP BY cm.district_code
	), succ AS MATERIALIZED (
		SELECT k.old_code, k.old_valid_from, pg_catalog.array_agg(k.new_code ORDER BY k.new_code) AS news
		FROM htx_commune_succession k GROUP BY k.old_code, k.old_valid_from
	), old AS MATERIALIZED (
		SELECT c.cooperative_id, p.codes[x.k] AS commune_code, p.froms[x.k] AS valid_from
		FROM htx_cooperative c
		JOIN pool p ON p.district_code = COALESCE(c.district_code, split_part(c.registration_code, '-', 2))
		CROSS JOIN LATERAL (SELECT 1 + floor(htx_sample_uniform(seed, c.cooperative_id, 40, 0)
			* pg_catalog.cardinality(p.codes)::float8)::int4 AS k) AS x
	), new AS MATERIALIZED (
		SELECT o.cooperative_id, o.commune_code AS old_code,
			k.news[1 + floor(htx_sample_uniform(seed, o.cooperative_id, 41, 0) * pg_catalog.cardinality(k.news)::float8)::int4] AS new_code
		FROM old o
		JOIN succ k ON k.old_code = o.commune_code AND k.old_valid_from = o.valid_from
	)
	UPDATE htx_cooperative_year y SET commune_code = CASE WHEN y.year <= 2024 THEN n.old_code ELSE n.new_code END
	FROM new n WHERE n.cooperative_id = y.cooperative_id;

	cooperatives_created := cooperatives_created + n_bk;
	cooperative_years_created := cooperative_years_created + n_bk_years;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_generate_sample(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
'fills the empty warehouse tables with a deterministic sample of the merged province (creating the warehouse first when it is missing): about the given number of cooperatives of old Thái Nguyên in its nine districts (1.0''s, as htx_generate_sample_thai_nguyen makes them) and bac_kan_cooperatives of Bắc Kạn cũ in its eight districts (0 to 10000000; NULL, the default: a quarter of cooperatives, rounded down, an assumption and not a fact: htx knows no count of Bắc Kạn cũ''s HTX NN in 2025), each with the figures of a Thái Nguyên cooperative drawn by the seed at 60% of its revenue and capital; years 2020..2025, rows up to 2024 filed under an old commune of the cooperative''s district, 2025 rows under the new unit that took it (a split unit: one of its successors), so some lie in units that straddle former districts; 0 gives old Thái Nguyên alone, still filed under communes; 1.0''s district-only sample is htx_generate_sample_thai_nguyen; the same arguments give the same rows everywhere';
REVOKE ALL ON FUNCTION @extschema@.htx_generate_sample(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.htx_generate_sample_thai_nguyen(pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
