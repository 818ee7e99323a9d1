-- Plans, targets and htx_check_targets.
BEGIN;
SELECT plan(36);

-- the data, as worded in the sources
SELECT results_eq(
	$$SELECT target_code, comparator, required, unit FROM htx_target
	  WHERE plan_code = 'TN-42/KH-UBND' AND scope = 'province' ORDER BY sort_order$$,
	$$VALUES ('GOOD_FAIR_60', '>=', 60::numeric, 'percent'),
	         ('MODEL_9', '>=', 9, 'count'),
	         ('AVG_REVENUE_5BN', '>=', 5000000000, 'vnd_per_year'),
	         ('TECH_25', '>', 25, 'percent'),
	         ('MEMBERS_GROWTH', 'none', NULL, NULL),
	         ('MANAGERS_TRAINED_30', 'about', 30, 'percent'),
	         ('EXTENSION_NETWORK', 'none', NULL, NULL)$$,
	'Plan 42 II.2: seven province targets with their comparators as worded');
SELECT set_eq(
	$$SELECT target_code FROM htx_target WHERE plan_code = 'TN-42/KH-UBND' AND scope = 'district'$$,
	ARRAY['GOOD_FAIR_60', 'AVG_REVENUE_5BN', 'TECH_25', 'MANAGERS_TRAINED_30', 'MODEL_PER_DISTRICT'],
	'district scope: the model-per-district rule and the benchmarks');
SELECT is((SELECT clause FROM htx_target WHERE plan_code = 'TN-42/KH-UBND' AND target_code = 'MODEL_PER_DISTRICT'),
	'III.2', 'the district rule keeps its clause');
SELECT is((SELECT count(*)::int FROM htx_target WHERE plan_code = 'NQ-106/NQ-CP'), 8,
	'Resolution 106 targets are listed, unmeasurable ones too');
SELECT is((SELECT count(*)::int FROM htx_target WHERE tolerance IS NOT NULL), 0,
	'no tolerance is invented for "about" targets');
SELECT ok((SELECT bool_and(builtin) FROM htx_target), 'shipped targets are marked builtin');
SELECT set_eq(
	$$SELECT c.relname::text, x.cond FROM pg_extension e,
	    unnest(e.extconfig, e.extcondition) AS x(oid, cond) JOIN pg_class c ON c.oid = x.oid
	  WHERE e.extname = 'htx' AND c.relname IN ('htx_plan', 'htx_target', 'htx_target_tolerance')$$,
	$$VALUES ('htx_plan', 'WHERE NOT builtin'), ('htx_target', 'WHERE NOT builtin'), ('htx_target_tolerance', '')$$,
	'plans, targets and tolerances a province adds are dumped');

-- constraints on province-added targets
SELECT throws_ok($$INSERT INTO htx_target (plan_code, target_code, scope, indicator_vi, indicator_en, comparator, required, clause)
	VALUES ('TN-42/KH-UBND', 'X', 'province', 'x', 'x', 'none', 5, 'x')$$, '23514', NULL,
	'a "none" target cannot carry a number');
SELECT throws_ok($$INSERT INTO htx_target (plan_code, target_code, scope, indicator_vi, indicator_en, comparator, required, clause)
	VALUES ('TN-42/KH-UBND', 'X', 'county', 'x', 'x', '>=', 5, 'x')$$, '23514', NULL, 'unknown scope rejected');
SELECT throws_ok($$INSERT INTO htx_target (plan_code, target_code, scope, indicator_vi, indicator_en, comparator, required, tolerance, clause)
	VALUES ('TN-42/KH-UBND', 'X', 'province', 'x', 'x', '>=', 5, 1, 'x')$$, '23514', NULL, 'tolerance only for "about"');
SELECT throws_ok($$INSERT INTO htx_target (plan_code, target_code, scope, indicator_vi, indicator_en, comparator, required, clause)
	VALUES ('NO-SUCH-PLAN', 'X', 'province', 'x', 'x', '>=', 5, 'x')$$, '23503', NULL, 'target of an unknown plan rejected');

-- a group of cooperative-years: 10 rated, 6 of them tốt/khá; 4 of 16
-- reporting technology apply it (25%); 9 model cooperatives; 28% trained
CREATE TEMP TABLE g (rating htx_rating, revenue bigint, tech bool, managers int, trained int, model bool);
INSERT INTO g
SELECT (ARRAY['tốt','khá','khá','tốt','khá','tốt','yếu','trung bình','yếu','trung bình',
              'không xếp loại', NULL, NULL, NULL, NULL, NULL])[i]::htx_rating,
       5000000000, i <= 4, CASE WHEN i <= 14 THEN 25 END, CASE WHEN i <= 14 THEN 7 END, i <= 9
FROM generate_series(1, 16) i;

CREATE TEMP VIEW r AS
SELECT t.* FROM (SELECT htx_evaluate(rating, revenue, NULL, tech, managers, trained, model) AS e,
		htx_evaluate(rating, revenue, NULL, tech, managers, trained, model) FILTER (WHERE model) AS m FROM g) s,
	htx_check_targets(s.e, s.m) t;

SELECT results_eq($$SELECT measured_of_rated, measured, met, gap, denominator FROM r WHERE target_code = 'GOOD_FAIR_60'$$,
	$$VALUES (60.0::numeric, 37.5::numeric, false, -22.5::numeric, 'all')$$,
	'6 tốt/khá: 60% of the rated, but 37.5% of the 16 reporting, which the plan counts: not met');
SELECT results_eq($$SELECT measured, met FROM r WHERE target_code = 'TECH_25'$$,
	$$VALUES (25::numeric, false)$$, 'exactly 25% does not meet "more than 25%"');
SELECT results_eq($$SELECT measured, met FROM r WHERE target_code = 'MODEL_9'$$,
	$$VALUES (9::numeric, true)$$, '9 model cooperatives meet "at least 9"');
SELECT results_eq($$SELECT measured, met FROM r WHERE target_code = 'AVG_REVENUE_5BN'$$,
	$$VALUES (5000000000::numeric, true)$$, 'an average of exactly 5 billion meets ">= 5 billion"');
SELECT results_eq($$SELECT measured, met, gap FROM r WHERE target_code = 'MANAGERS_TRAINED_30'$$,
	$$VALUES (28::numeric, NULL::boolean, -2::numeric)$$, '"about 30%" without a tolerance is undecided, with its gap');
SELECT matches((SELECT note || ' / ' || status FROM r WHERE target_code = 'MANAGERS_TRAINED_30'), '^Below the "about" figure, and no tolerance set.* / no tolerance$', 'and says why');
SELECT results_eq($$SELECT met FROM r WHERE target_code IN ('MEMBERS_GROWTH', 'EXTENSION_NETWORK') ORDER BY target_code$$,
	$$VALUES (NULL::boolean), (NULL)$$, 'targets without a number come back undecided');
SELECT matches((SELECT note FROM r WHERE target_code = 'EXTENSION_NETWORK'), '^Not measurable', 'with the reason');

INSERT INTO htx_target_tolerance VALUES ('TN-42/KH-UBND', 'MANAGERS_TRAINED_30', 'province', 2);
SELECT is((SELECT met FROM r WHERE target_code = 'MANAGERS_TRAINED_30'), true, 'with tolerance 2, 28% meets "about 30%"');
UPDATE htx_target_tolerance SET tolerance = 1.99;
SELECT is((SELECT met FROM r WHERE target_code = 'MANAGERS_TRAINED_30'), false, 'with tolerance 1.99 it does not');

-- one fewer good/fair, one fewer model: below the line
UPDATE g SET rating = 'trung bình' WHERE rating = 'tốt' AND ctid = (SELECT min(ctid) FROM g WHERE rating = 'tốt');
UPDATE g SET model = false WHERE ctid = (SELECT min(ctid) FROM g WHERE model);
SELECT results_eq($$SELECT measured_of_rated, measured, met FROM r WHERE target_code = 'GOOD_FAIR_60'$$,
	$$VALUES (50.0::numeric, 31.25::numeric, false)$$, '50% of the rated, 31.25% of all: misses ">= 60%"');
SELECT is((SELECT met FROM r WHERE target_code = 'MODEL_9'), false, '8 model cooperatives miss "at least 9"');
UPDATE g SET tech = true WHERE tech = false AND ctid = (SELECT min(ctid) FROM g WHERE NOT tech);
SELECT is((SELECT met FROM r WHERE target_code = 'TECH_25'), true, '5 of 16 (31.25%) meets "more than 25%"');

-- the district rule: at least one model per district-level unit
SELECT is((SELECT met FROM htx_check_targets(
	(SELECT htx_evaluate(rating, revenue, NULL, tech, managers, trained, false) FROM g), scope => 'district')
	WHERE target_code = 'MODEL_PER_DISTRICT'), false, 'a district without a model cooperative misses III.2');
SELECT is((SELECT met FROM htx_check_targets(
	(SELECT htx_evaluate(rating, revenue, NULL, tech, managers, trained, rating = 'tốt') FROM g), scope => 'district')
	WHERE target_code = 'MODEL_PER_DISTRICT'), true, 'one model cooperative meets III.2');

-- the shared pure functions
SELECT results_eq(
	$$SELECT htx_target_met(m, c, r, t) FROM (VALUES (60::numeric, '>=', 60::numeric, NULL::numeric),
		(25, '>', 25, NULL), (28, 'about', 30, NULL), (28, 'about', 30, 2), (27.99, 'about', 30, 2),
		(NULL, '>=', 1, NULL), (5, 'none', NULL, NULL)) AS v(m, c, r, t)$$,
	$$VALUES (true), (false), (NULL::boolean), (true), (false), (NULL), (NULL)$$,
	'htx_target_met: each comparator at its edge, undecided without value, number or tolerance');
SELECT is(htx_target_measured(NULL, 'model_count'), NULL, 'htx_target_measured of no evaluation is NULL');
SELECT is(htx_target_measured((SELECT htx_evaluate(rating, revenue, NULL, tech, managers, trained, model) FROM g), 'no_such_measure'),
	NULL, 'an unknown measure is NULL');
SELECT is(htx_target_measured((SELECT htx_evaluate(rating, revenue, NULL, tech, managers, trained, model) FROM g), 'managers_trained_share'),
	28::numeric, 'shares are measured in percent');

-- no data, unknown plan or scope
SELECT is((SELECT count(*)::int FROM htx_check_targets(NULL) WHERE measured IS NULL AND met IS NULL), 7,
	'a NULL evaluation measures nothing and decides nothing');
SELECT results_eq($$SELECT measured, met, measured_of_rated FROM htx_check_targets(
	(SELECT htx_evaluate(NULL, NULL, NULL, NULL, NULL, NULL, NULL) FROM g), NULL::htx_evaluation) WHERE target_code = 'GOOD_FAIR_60'$$,
	$$VALUES (0::numeric, false, NULL::numeric)$$,
	'no rated cooperative among 16 reporting: 0% of all, not met; the share of the rated is undefined');
SELECT throws_ok($$SELECT * FROM htx_check_targets(NULL, 'TN-99')$$, '22023', 'unknown plan "TN-99"', 'unknown plan');
SELECT throws_ok($$SELECT * FROM htx_check_targets(NULL, scope => 'commune')$$, '22023', 'unknown target scope "commune"', 'unknown scope');
SELECT throws_ok($$SELECT * FROM htx_check_targets(NULL, NULL)$$, '22023', 'unknown plan "<NULL>"', 'NULL plan');
SELECT is((SELECT count(*)::int FROM htx_check_targets((SELECT htx_evaluate(rating, revenue, NULL, tech, managers, trained, model) FROM g),
	'NQ-106/NQ-CP', 'national') WHERE note LIKE 'Not measurable%'), 3,
	'Resolution 106 targets htx cannot measure are listed, not dropped (and the model revenue without the models'' evaluation)');

SELECT * FROM finish();
ROLLBACK;
