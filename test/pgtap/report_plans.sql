-- What the report views' plans rest on (issue 12, "Fast at national scale").
--
-- htx_year_summary reads the rows of a unit that straddles former districts
-- one by one (each needs the cooperative's earlier row).  When the planner
-- expected half the units to straddle, it costed that lookup for half the
-- rows: on 30,000 cooperatives the district report was estimated at 400,000
-- (above jit_above_cost: JIT compilation took longer than the query) and it
-- read every row a second time instead of the few under the straddling
-- units' commune codes.  htx_ppc_report runs its query without JIT.
BEGIN;
SELECT plan(7);

ANALYZE htx_commune;
ANALYZE htx_commune_succession;

-- a figure of the top node of a query's plan: 'Plan Rows' or 'Total Cost'
CREATE FUNCTION pg_temp.plan_figure(q text, what text) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	j json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO j;
	RETURN (j -> 0 -> 'Plan' ->> what)::float8;
END
$$;

-- the shipped units: 372 (280 old, 92 new), of which the new units formed
-- from several former districts' units straddle
SELECT is((SELECT count(*) FROM htx_commune_former_district WHERE straddles),
	(SELECT count(DISTINCT new_code) FROM htx_commune_crosswalk WHERE new_straddles),
	'straddles marks exactly the new units the crosswalk says straddle');
SELECT ok((SELECT count(*) FROM htx_commune_former_district WHERE straddles) BETWEEN 1 AND 10,
	'a few units straddle (Xã Đại Phúc among them)');
SELECT cmp_ok(pg_temp.plan_figure('SELECT * FROM htx_commune_former_district WHERE straddles', 'Plan Rows'), '<=',
	(SELECT count(*) / 10.0 FROM htx_commune)::float8,
	'the planner expects few straddling units (it expected half of them when straddles was a COALESCE)');
SELECT is((SELECT count(*) FROM htx_commune_former_district WHERE straddles IS NULL), 0::bigint,
	'straddles is never NULL');

-- on a sample with straddling units, the report's estimate against reading
-- the rows: the straddling branch's lookup costed for half the rows put the
-- summary at some 60 times a scan of htx_cooperative_year.  (The located
-- view's lookup is still costed for every row, about 800 times a scan: see
-- docs/performance.md)
SELECT lives_ok($$SELECT * FROM htx_generate_sample(3000, 42, 750)$$, 'a merged sample of 3,750 cooperatives');
ANALYZE;	-- every table, as autovacuum would have
SELECT cmp_ok(pg_temp.plan_figure('SELECT * FROM htx_district_year_report', 'Total Cost'), '<',
	20 * pg_temp.plan_figure('SELECT * FROM htx_cooperative_year', 'Total Cost'),
	'htx_district_year_report is estimated at a few scans of the rows, not a lookup per row');

SELECT ok((SELECT 'jit=off' = ANY (p.proconfig) FROM pg_proc p WHERE p.oid = 'htx_ppc_report(integer, text)'::regprocedure),
	'htx_ppc_report runs its query with jit = off');

SELECT * FROM finish();
ROLLBACK;
