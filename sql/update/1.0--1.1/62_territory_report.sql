-- ---------------------------------------------------------------------------
-- The report across the 2025 reorganisation, for a warehouse kept from 1.0
-- ---------------------------------------------------------------------------
--
-- htx_territory_year_report (htx_warehouse_view_sql, 50_warehouse.sql)
-- reads capital_vnd, which 60_targets.sql adds to a 1.0 warehouse: so it is
-- created here, after that piece, and handed to the DBA as
-- 52_territory_warehouse.sql did with htx_cooperative_year_located.  The
-- views reading htx_cooperative_year.* are put in place again so that they
-- see the table with commune_code as a new warehouse's views do.
SELECT @extschema@.htx_add_warehouse_view_1_1('htx_territory_year_report');
DROP FUNCTION @extschema@.htx_add_warehouse_view_1_1(pg_catalog.text);
SELECT @extschema@.htx_replace_warehouse_view('htx_district_year_report');
SELECT @extschema@.htx_replace_warehouse_view('htx_data_quality');
