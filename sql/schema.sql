-- htx in a schema of its own, used by a session whose search_path does not
-- include it: every object still works when qualified, and the extension
-- drops cleanly.  Runs last of the pg_regress files (alphabetical order).
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS htx CASCADE;
CREATE SCHEMA htx_home;
CREATE EXTENSION htx SCHEMA htx_home;
RESET client_min_messages;
SET search_path = public;
SELECT 'khá'::htx_home.htx_rating AS rating,
       htx_home.htx_rating_from_score(80) AS from_score,
       htx_home.htx_rating_from_score(80, false, 'TT-09/2017/TT-BNNPTNT') AS from_scheme;
SELECT t.target_code, t.met
FROM (SELECT htx_home.htx_evaluate(r, 6000000000, 10, true, 5, 2, true) AS e
      FROM unnest('{tốt,khá,yếu}'::htx_home.htx_rating[]) AS r) s,
     htx_home.htx_check_targets(s.e) AS t;
SELECT htx_home.htx_generate_sample(30, 1) IS NOT NULL AS generated;
-- the merged province (30 cooperatives of Thái Nguyên cũ, 30 / 4 of Bắc Kạn
-- cũ): a total for each former province
SELECT area_name, year, cooperatives FROM htx_home.htx_district_year_report
WHERE is_province_total AND year <= 2021 ORDER BY year, area_name;
SELECT htx_home.htx_lead_agencies('A1.1');
-- operators of a schema off the path need OPERATOR(), as with any extension
-- (or the schema in the path)
SELECT 'tốt'::htx_home.htx_rating OPERATOR(htx_home.>) 'khá'::htx_home.htx_rating AS better;
-- the warehouse the sample made is the DBA's and depends on htx: DROP
-- EXTENSION refuses, naming it
\set VERBOSITY terse
DROP EXTENSION htx;
\set VERBOSITY default
-- dropped deliberately, the warehouse goes, and then the extension cleanly
DROP VIEW htx_home.htx_data_quality, htx_home.htx_rating_trend, htx_home.htx_target_progress,
	htx_home.htx_district_year_report, htx_home.htx_territory_year_report, htx_home.htx_year_summary, htx_home.htx_cooperative_year_located;
DROP TABLE htx_home.htx_cooperative_year, htx_home.htx_cooperative;
DROP EXTENSION htx;
SELECT count(*) AS left_behind FROM pg_class WHERE relname LIKE 'htx\_%';
DROP SCHEMA htx_home;
