-- htx_year_row_checks (1.1): the checks of htx_data_quality that need only a
-- yearly row and its cooperative's dates, in one C call.  It must give what
-- the view's SQL conditions gave (the reference below is 1.1's view text
-- before the call replaced it) on every combination of NULLs, boundary
-- dates, infinite dates and ratings; each check alone; the view's order; and
-- clear errors for a year make_date refuses and a score out of range.
BEGIN;
SELECT plan(25);

SET LOCAL lc_messages = 'C';
CREATE SCHEMA rc;

-- the view's conditions as SQL (NULL for none, as the function gives)
CREATE FUNCTION rc.reference(year int4, rating htx_rating, score numeric, fined bool, revenue_vnd int8,
	managers int4, managers_trained int4, founded_on date, dissolved_on date, this_year int4, check_score bool)
RETURNS text[] LANGUAGE sql IMMUTABLE AS $f$
	SELECT NULLIF(array_remove(ARRAY[
		CASE WHEN rating IS NULL THEN 'rating_missing' END,
		CASE WHEN score IS NOT NULL AND NOT (rating IS NOT NULL AND
			rating = htx_rating_from_score(score, COALESCE(fined, false)))
			AND check_score
			THEN 'score_rating_mismatch' END,
		CASE WHEN dissolved_on < make_date(year, 1, 1) THEN 'year_after_dissolution' END,
		CASE WHEN founded_on > make_date(year, 12, 31) THEN 'year_before_founding' END,
		CASE WHEN year > this_year THEN 'year_in_future' END,
		CASE WHEN founded_on > make_date(year, 1, 1) AND founded_on <= make_date(year, 12, 31)
			AND htx_is_rated(rating) AND fined IS NOT TRUE THEN 'rated_under_12_months' END,
		CASE WHEN founded_on <= make_date(year, 1, 1)
			AND (dissolved_on IS NULL OR dissolved_on > make_date(year, 12, 31))
			AND rating = 'not rated'::htx_rating THEN 'not_rated_full_year' END,
		CASE WHEN revenue_vnd IS NULL AND htx_is_rated(rating) THEN 'revenue_missing' END,
		CASE WHEN managers IS NULL AND managers_trained IS NOT NULL THEN 'managers_missing' END
	]::text[], NULL), '{}'::text[])
$f$;

-- the dates, years, ratings and fined crossed in full (9 x 9 x 3 x 3 x 6 x
-- 3: 13,122 rows), the score, revenue, managers and check_score chosen by a
-- hash of the row, so that each of their values meets every date
CREATE TABLE rc.grid AS
WITH dates AS (
	SELECT d FROM unnest(ARRAY[NULL, '-infinity', '2023-06-30', '2023-12-31', '2024-01-01', '2024-01-02',
		'2024-12-31', '2025-01-01', 'infinity']::date[]) AS d
), g AS (
	SELECT f.d AS founded_on, x.d AS dissolved_on, y.year, t.this_year, r.rating, fi.fined,
		row_number() OVER () AS i
	FROM dates f, dates x, unnest(ARRAY[NULL, 2024, 2100]) AS y(year),
		unnest(ARRAY[NULL, 2023, 2024]) AS t(this_year),
		unnest(ARRAY[NULL, 'not rated', 'weak', 'average', 'fair', 'good']::htx_rating[]) AS r(rating),
		unnest(ARRAY[NULL, true, false]) AS fi(fined)
)
SELECT g.*,
	(ARRAY[NULL, 0, 49.99, 75, 100]::numeric[])[1 + (g.i * 7) % 5] AS score,
	(ARRAY[NULL, 1]::int8[])[1 + (g.i * 3) % 2] AS revenue_vnd,
	(ARRAY[NULL, 3, NULL, 3])[1 + (g.i * 11) % 4] AS managers,
	(ARRAY[NULL, NULL, 1, 1])[1 + (g.i * 11) % 4] AS managers_trained,
	(ARRAY[NULL, true, false])[1 + (g.i * 13) % 3] AS check_score
FROM g;

SELECT cmp_ok((SELECT count(*) FROM rc.grid), '=', 13122::bigint, 'the grid has 13,122 rows');

SELECT is((SELECT count(*) FROM rc.grid g
	WHERE htx_year_row_checks(g.year, g.rating, g.score, g.fined, g.revenue_vnd, g.managers, g.managers_trained,
		g.founded_on, g.dissolved_on, g.this_year, g.check_score)
	IS DISTINCT FROM rc.reference(g.year, g.rating, g.score, g.fined, g.revenue_vnd, g.managers, g.managers_trained,
		g.founded_on, g.dissolved_on, g.this_year, g.check_score)), 0::bigint,
	'on every row of the grid, the same codes in the same order as the view''s SQL conditions');

-- the grid reaches every check, and rows that fail none
SELECT is((SELECT array_agg(DISTINCT c ORDER BY c) FROM rc.grid g,
	unnest(htx_year_row_checks(g.year, g.rating, g.score, g.fined, g.revenue_vnd, g.managers, g.managers_trained,
		g.founded_on, g.dissolved_on, g.this_year, g.check_score)) AS c),
	'{managers_missing,not_rated_full_year,rated_under_12_months,rating_missing,revenue_missing,score_rating_mismatch,year_after_dissolution,year_before_founding,year_in_future}'::text[],
	'the grid makes every check fail somewhere');
SELECT cmp_ok((SELECT count(*) FROM rc.grid g
	WHERE htx_year_row_checks(g.year, g.rating, g.score, g.fined, g.revenue_vnd, g.managers, g.managers_trained,
		g.founded_on, g.dissolved_on, g.this_year, g.check_score) IS NULL), '>', 0::bigint,
	'and some rows fail none (NULL)');

-- each check alone, on a row that otherwise passes: rated khá with revenue
-- and managers, founded 2020, active, year 2024, current year 2026
SELECT is(htx_year_row_checks(2024, 'fair', 75, false, 1, 3, 1, '2020-05-01', NULL, 2026, true), NULL,
	'a complete row fails nothing');
SELECT is(htx_year_row_checks(2024, NULL, NULL, false, 1, 3, 1, '2020-05-01', NULL, 2026, true),
	'{rating_missing}', 'rating_missing');
SELECT is(htx_year_row_checks(2024, 'fair', 95, false, 1, 3, 1, '2020-05-01', NULL, 2026, true),
	'{score_rating_mismatch}', 'score_rating_mismatch: 95 points is tốt');
SELECT is(htx_year_row_checks(2024, 'fair', 95, false, 1, 3, 1, '2020-05-01', NULL, 2026, false), NULL,
	'no score check without check_score');
SELECT is(htx_year_row_checks(2024, 'weak', 95, true, 1, 3, 1, '2020-05-01', NULL, 2026, true), NULL,
	'fined: yếu whatever the score');
SELECT is(htx_year_row_checks(2024, 'fair', 75, false, 1, 3, 1, '2020-05-01', '2023-12-31', 2026, true),
	'{year_after_dissolution}', 'year_after_dissolution: dissolved on the last day of the year before');
SELECT is(htx_year_row_checks(2024, 'fair', 75, false, 1, 3, 1, '2020-05-01', '2024-01-01', 2026, true), NULL,
	'dissolved on 1 January of the year: not after dissolution');
SELECT is(htx_year_row_checks(2024, 'not rated', NULL, false, NULL, 3, 1, '2025-01-01', NULL, 2026, true),
	'{year_before_founding}', 'year_before_founding: founded the next 1 January');
SELECT is(htx_year_row_checks(2027, 'fair', 75, false, 1, 3, 1, '2020-05-01', NULL, 2026, true),
	'{year_in_future}', 'year_in_future: after this_year');
SELECT is(htx_year_row_checks(2024, 'fair', 75, false, 1, 3, 1, '2024-01-02', NULL, 2026, true),
	'{rated_under_12_months}', 'rated_under_12_months: founded on 2 January, rated');
SELECT is(htx_year_row_checks(2024, 'not rated', NULL, false, 1, 3, 1, '2024-01-01', NULL, 2026, true),
	'{not_rated_full_year}', 'not_rated_full_year: founded on 1 January, không xếp loại');
SELECT is(htx_year_row_checks(2024, 'not rated', NULL, false, 1, 3, 1, '2024-01-01', '2024-12-31', 2026, true), NULL,
	'dissolved on 31 December: not active all year');
SELECT is(htx_year_row_checks(2024, 'fair', 75, false, NULL, 3, 1, '2020-05-01', NULL, 2026, true),
	'{revenue_missing}', 'revenue_missing');
SELECT is(htx_year_row_checks(2024, 'fair', 75, false, 1, NULL, 1, '2020-05-01', NULL, 2026, true),
	'{managers_missing}', 'managers_missing');

-- several at once, in the view's order; NULLs leave out what they read
SELECT is(htx_year_row_checks(2030, NULL, 80, false, NULL, NULL, 2, '2031-03-01', '2029-01-01', 2026, true),
	'{rating_missing,score_rating_mismatch,year_after_dissolution,year_before_founding,year_in_future,managers_missing}',
	'several checks, in the view''s order');
SELECT is(htx_year_row_checks(NULL, 'fair', NULL, NULL, 1, 3, 1, '2999-01-01', '1999-01-01', 2026, NULL), NULL,
	'a NULL year: no date check; a NULL check_score: no score check');
SELECT is(htx_year_row_checks(2024, 'good', 95, NULL, 1, 3, 1, '-infinity', 'infinity', NULL, true), NULL,
	'infinite dates: founded long ago, never dissolved');

-- errors
SELECT throws_ok($$SELECT htx_year_row_checks(0, 'fair', NULL, NULL, 1, 3, 1, NULL, NULL, NULL, NULL)$$,
	'22008', 'year 0 is out of range', 'year 0: 22008');
SELECT throws_ok($$SELECT htx_year_row_checks(5874898, 'fair', NULL, NULL, 1, 3, 1, NULL, NULL, NULL, NULL)$$,
	'22008', 'year 5874898 is out of range', 'a year past make_date''s range: 22008');
SELECT throws_ok($$SELECT htx_year_row_checks(2024, 'fair', 150, NULL, 1, 3, 1, NULL, NULL, NULL, true)$$,
	'22003', 'score 150 is out of range', 'a score out of range, when checked: 22003, as htx_rating_from_score');
SELECT lives_ok($$SELECT htx_year_row_checks(5874897, 'fair', NULL, NULL, 1, 3, 1, '-infinity', 'infinity', NULL, NULL)$$,
	'the last year make_date accepts');

SELECT * FROM finish();
ROLLBACK;
