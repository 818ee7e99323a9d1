-- htx_data_quality's year_missing (issue 12, "Fast at national scale"): while
-- no cooperative lacks a year, the view tells so from counts (the rows of each
-- year against the years each cooperative existed in) and reads no row per
-- cooperative; a missing year is found whatever row could make up for it in
-- the counts: a row of a cooperative without a founding date, of a year before
-- the one it was founded in, of the year it was dissolved in, and, with the
-- keys dropped, a row of no cooperative or a second row of the same year.
-- Each case against the definition in plain SQL.
BEGIN;
SELECT plan(14);

SELECT htx_generate_sample(300, 42);

-- year_missing by its definition: a cooperative with a founding date existed
-- on 31 December of a year from the first year of any row to the last (not
-- after the current one) and has no row for it
CREATE TEMP VIEW expected_missing AS
WITH span AS (SELECT min(year) AS first_year,
		least(max(year), extract(year FROM current_date)::int) AS last_year
	FROM htx_cooperative_year)
SELECT c.cooperative_id, y.year
FROM htx_cooperative c CROSS JOIN span CROSS JOIN generate_series(span.first_year, span.last_year) AS y(year)
WHERE c.founded_on IS NOT NULL
  AND c.founded_on <= make_date(y.year, 12, 31)
  AND (c.dissolved_on IS NULL OR c.dissolved_on > make_date(y.year, 12, 31))
  AND NOT EXISTS (SELECT 1 FROM htx_cooperative_year cy WHERE cy.cooperative_id = c.cooperative_id AND cy.year = y.year);
CREATE TEMP VIEW found_missing AS
SELECT cooperative_id, year FROM htx_data_quality WHERE check_code = 'year_missing';

-- how often the view read its row per cooperative (the CTE a of
-- htx_warehouse_view_sql): 0 when the counts showed no missing year
CREATE FUNCTION pg_temp.rows_per_cooperative_read() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
	j jsonb;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, FORMAT JSON) SELECT * FROM htx_data_quality' INTO j;
	RETURN jsonb_path_query_first(j, 'strict $.** ? (@."Subplan Name" == "CTE a")."Actual Loops"')::int;
END
$$;

-- cooperatives with a row in each year of the span, founded before it
CREATE TEMP TABLE pick AS
SELECT cy.cooperative_id, row_number() OVER (ORDER BY cy.cooperative_id) AS n
FROM htx_cooperative_year cy JOIN htx_cooperative c USING (cooperative_id)
WHERE c.founded_on < '2019-01-01' AND c.dissolved_on IS NULL
GROUP BY cy.cooperative_id
HAVING count(*) = (SELECT max(year) - min(year) + 1 FROM htx_cooperative_year)
ORDER BY cy.cooperative_id LIMIT 6;
SELECT is((SELECT count(*)::int FROM pick), 6, 'six cooperatives with every year');

SELECT is_empty('SELECT * FROM expected_missing', 'the sample lacks no year');
SELECT is(pg_temp.rows_per_cooperative_read(), 0, 'no year missing: no row per cooperative read');

-- one year missing
DELETE FROM htx_cooperative_year WHERE cooperative_id = (SELECT cooperative_id FROM pick WHERE n = 1) AND year = 2022;
SELECT results_eq('SELECT * FROM found_missing ORDER BY 1, 2', 'SELECT * FROM expected_missing ORDER BY 1, 2',
	'a missing year is found');
SELECT is(pg_temp.rows_per_cooperative_read(), 1, 'and then the view reads a row per cooperative');

-- a row the counts would take for the missing one: of a cooperative without a founding date
SAVEPOINT s;
UPDATE htx_cooperative SET founded_on = NULL WHERE cooperative_id = (SELECT cooperative_id FROM pick WHERE n = 2);
DELETE FROM htx_cooperative_year WHERE cooperative_id = (SELECT cooperative_id FROM pick WHERE n = 2) AND year <> 2023;
SELECT results_eq('SELECT * FROM found_missing ORDER BY 1, 2', 'SELECT * FROM expected_missing ORDER BY 1, 2',
	'found beside a row of a cooperative without a founding date');
ROLLBACK TO SAVEPOINT s;

-- of a year before the cooperative was founded
UPDATE htx_cooperative SET founded_on = make_date((SELECT min(year) + 1 FROM htx_cooperative_year), 3, 1)
WHERE cooperative_id = (SELECT cooperative_id FROM pick WHERE n = 3);
SELECT results_eq('SELECT * FROM found_missing ORDER BY 1, 2', 'SELECT * FROM expected_missing ORDER BY 1, 2',
	'found beside a row of a year before its cooperative was founded');
ROLLBACK TO SAVEPOINT s;

-- of the year the cooperative was dissolved in (not a problem itself)
UPDATE htx_cooperative SET dissolved_on = make_date((SELECT max(year) FROM htx_cooperative_year), 6, 30)
WHERE cooperative_id = (SELECT cooperative_id FROM pick WHERE n = 4);
SELECT results_eq('SELECT * FROM found_missing ORDER BY 1, 2', 'SELECT * FROM expected_missing ORDER BY 1, 2',
	'found beside a row of the year its cooperative was dissolved in');
ROLLBACK TO SAVEPOINT s;

-- of no cooperative, the foreign key dropped
ALTER TABLE htx_cooperative_year DROP CONSTRAINT htx_cooperative_year_cooperative_known;
INSERT INTO htx_cooperative_year (cooperative_id, year, rating) VALUES (999999, 2022, 'khá');
SELECT results_eq('SELECT * FROM found_missing ORDER BY 1, 2', 'SELECT * FROM expected_missing ORDER BY 1, 2',
	'found beside a row of no cooperative, the foreign key dropped');
ROLLBACK TO SAVEPOINT s;

-- a second row of the same year, the primary key dropped
ALTER TABLE htx_cooperative_year DROP CONSTRAINT htx_cooperative_year_pkey CASCADE;
INSERT INTO htx_cooperative_year SELECT * FROM htx_cooperative_year
WHERE cooperative_id = (SELECT cooperative_id FROM pick WHERE n = 5) AND year = 2022;
SELECT results_eq('SELECT * FROM found_missing ORDER BY 1, 2', 'SELECT * FROM expected_missing ORDER BY 1, 2',
	'found beside a second row of the same year, the primary key dropped');
ROLLBACK TO SAVEPOINT s;

-- the foreign key back NOT VALID, over a row of no cooperative
ALTER TABLE htx_cooperative_year DROP CONSTRAINT htx_cooperative_year_cooperative_known;
INSERT INTO htx_cooperative_year (cooperative_id, year, rating) VALUES (999999, 2022, 'khá');
ALTER TABLE htx_cooperative_year ADD CONSTRAINT htx_cooperative_year_cooperative_known
	FOREIGN KEY (cooperative_id) REFERENCES htx_cooperative NOT VALID;
SELECT results_eq('SELECT * FROM found_missing ORDER BY 1, 2', 'SELECT * FROM expected_missing ORDER BY 1, 2',
	'found beside a row of no cooperative, the foreign key NOT VALID');
ROLLBACK TO SAVEPOINT s;

-- every year back: nothing missing, and no row per cooperative read again
INSERT INTO htx_cooperative_year (cooperative_id, year, rating) VALUES ((SELECT cooperative_id FROM pick WHERE n = 1), 2022, 'khá');
SELECT is_empty('SELECT * FROM found_missing', 'nothing missing once the row is back');
SELECT is(pg_temp.rows_per_cooperative_read(), 0, 'and no row per cooperative read');

-- a cooperative without any row, and one whose rows stop before the last year
DELETE FROM htx_cooperative_year WHERE cooperative_id = (SELECT cooperative_id FROM pick WHERE n = 2);
DELETE FROM htx_cooperative_year WHERE cooperative_id = (SELECT cooperative_id FROM pick WHERE n = 3)
	AND year = (SELECT max(year) FROM htx_cooperative_year);
SELECT results_eq('SELECT * FROM found_missing ORDER BY 1, 2', 'SELECT * FROM expected_missing ORDER BY 1, 2',
	'a cooperative without rows and one that stopped reporting');

SELECT * FROM finish();
ROLLBACK;
