-- test/sqlsmith/setup.sql: the database SQLsmith runs against (see run.sh).
--
-- SQLsmith writes no literals but small integers, booleans and NULL, so every
-- interesting htx value must already sit in a table it can read: each rating
-- code and NULL, evaluation states from zero to fields at 2^63-1 (still
-- valid), states from real aggregation, scores on and around the thresholds,
-- and text in every shape the field sends (NFD, no-break spaces, empty).
-- The tables live in schema smith; the role "smith" may only read them.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

CREATE EXTENSION htx;
SELECT * FROM htx_generate_sample(200, 3);

CREATE SCHEMA smith;

-- Ratings, one row per code and NULL, with the columns htx_evaluate takes.
CREATE TABLE smith.rating_rows (
	id int4 PRIMARY KEY,
	r htx_rating,
	revenue_vnd int8,
	members int4,
	applies_tech bool,
	managers int4,
	managers_trained int4,
	is_model bool,
	rs htx_rating[]
);
INSERT INTO smith.rating_rows VALUES
	(0, 'không xếp loại', 0, 0, false, 0, 0, false, '{}'),
	(1, 'yếu', 1, 1, true, 1, 0, true, '{yếu,NULL}'),
	(2, 'trung bình', 5000000000, 30, NULL, 3, 3, NULL, NULL),
	(3, 'khá', 9223372036854775807, 2147483647, true, 2147483647, 2147483647, true,
	 '{tốt,khá,"trung bình",yếu,"không xếp loại"}'),
	(4, 'tốt', NULL, NULL, false, NULL, 1, false, '{tốt}'),
	(5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{NULL}'),
	(6, NULL, 0, 0, true, 0, NULL, true, NULL);

-- Evaluation states.  Fields, in order: rows, not_rated, weak, average, fair,
-- good, revenue_reported, revenue_total, members_reported, members_total,
-- tech_reported, tech_count, managers_reported, managers_total,
-- trained_reported, trained_total, paired_managers, paired_trained,
-- model_reported, model_count.
CREATE TABLE smith.states (
	id int4 PRIMARY KEY,
	note text,
	st htx_evaluation_state
);
INSERT INTO smith.states VALUES
	(0, 'zero', 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
	(1, 'one row, nothing reported', 'v1(1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
	(2, 'one good row, all reported', 'v1(1,0,0,0,0,1,1,7,1,3,1,1,1,2,1,1,2,1,1,1)'),
	(3, 'max rows, all good, every field max',
	 'v1(9223372036854775807,0,0,0,0,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807)'),
	(4, 'max rows, all not rated', 'v1(9223372036854775807,9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
	(5, 'max rows split over the levels',
	 'v1(9223372036854775807,1844674407370955161,1844674407370955161,1844674407370955161,1844674407370955161,1844674407370955162,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
	(6, 'one row with the largest revenue', 'v1(1,0,1,0,0,0,1,9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0)'),
	(7, 'max rows, none rated, nothing reported', 'v1(9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
	(8, 'NULL state', NULL);
-- States from real aggregation: the transition function over sample rows.
INSERT INTO smith.states
SELECT 100 + row_number() OVER (ORDER BY d.district_code, d.year)::int4,
	'sample, district ' || d.district_code || ' year ' || d.year, d.st
FROM (
	SELECT c.district_code, y.year,
		(SELECT s FROM (
			WITH RECURSIVE rows AS (
				SELECT row_number() OVER (ORDER BY yy.cooperative_id) AS n, yy.*
				FROM htx_cooperative_year yy JOIN htx_cooperative cc USING (cooperative_id)
				WHERE cc.district_code = c.district_code AND yy.year = y.year),
			acc(n, s) AS (
				SELECT 0::int8, 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::htx_evaluation_state
				UNION ALL
				SELECT acc.n + 1, htx_evaluate_accum(acc.s, r.rating, r.revenue_vnd, r.members,
					r.applies_tech, r.managers, r.managers_trained, r.is_model)
				FROM acc JOIN rows r ON r.n = acc.n + 1)
			SELECT s FROM acc ORDER BY n DESC LIMIT 1) x) AS st
	FROM htx_cooperative c JOIN htx_cooperative_year y USING (cooperative_id)
	GROUP BY c.district_code, y.year
) d;

-- The aggregates' results, as composites.
CREATE TABLE smith.evaluations AS
SELECT c.district_code, y.year,
	htx_evaluate(y.rating, y.revenue_vnd, y.members, y.applies_tech, y.managers,
		y.managers_trained, y.is_model) AS e,
	htx_rating_counts(y.rating) AS counts,
	htx_good_fair_share(y.rating) AS share,
	min(y.rating) AS worst, max(y.rating) AS best
FROM htx_cooperative c JOIN htx_cooperative_year y USING (cooperative_id)
GROUP BY ROLLUP (c.district_code, y.year);
INSERT INTO smith.evaluations (district_code, e, counts, share)
SELECT 'empty', htx_evaluate(r, revenue_vnd, members, applies_tech, managers, managers_trained, is_model),
	htx_rating_counts(r), htx_good_fair_share(r)
FROM smith.rating_rows WHERE false;

-- Scores on and around the thresholds, and out of range.
CREATE TABLE smith.scores (
	id int4 PRIMARY KEY,
	score numeric,
	checked htx_score,
	fined bool
);
INSERT INTO smith.scores VALUES
	(0, 0, 0, false), (1, 49.99, 49.99, NULL), (2, 50, 50, true), (3, 64.99, 64.99, false),
	(4, 65, 65, NULL), (5, 79.99, 79.99, false), (6, 80, 80, true), (7, 100, 100, false),
	(8, NULL, NULL, NULL), (9, -0.01, NULL, false), (10, 100.01, NULL, false),
	(11, 'NaN', NULL, NULL), (12, 'Infinity', NULL, true), (13, '-Infinity', NULL, false),
	(14, 1e-30, 0.00, false), (15, 99.999999999999999999, NULL, false);

-- Text as it arrives from the field, and state texts good and bad.
CREATE TABLE smith.texts (
	id int4 PRIMARY KEY,
	t text
);
INSERT INTO smith.texts VALUES
	(0, ''), (1, ' '), (2, 'tốt'), (3, U&'to\0302\0301t'),			-- NFC, NFD
	(4, U&'\00A0Kha\0301\00A0'), (5, 'TRUNG_BÌNH'), (6, 'trung--binh'),
	(7, 'không  xếp   loại'), (8, 'not rated'), (9, 'unrated'), (10, 'Yeu'),
	(11, 'good'), (12, 'tot '), (13, U&'\0301'), (14, U&'\FEFF\2003'),
	(15, 'Đ'), (16, '🙂 hợp tác xã'), (17, repeat('tốt ', 100)), (18, NULL),
	(19, 'vi'), (20, 'vi_ascii'), (21, 'en'), (22, 'VI'),
	(23, 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'), (24, 'v1(1,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
	(25, 'v1(9223372036854775808,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'), (26, 'v1()'),
	(27, 'TN-42/KH-UBND'), (28, 'province'), (29, 'Sở Nông nghiệp và PTNT'), (30, 'III.4.c'),
	(31, 'lead'), (32, 'phối hợp'), (33, '%'), (34, E'\t\n');

-- Cooperative-years partitioned on their rating, by list and by hash: plans
-- with partition pruning, partitionwise aggregation and the extended hash.
CREATE TABLE smith.year_by_rating (LIKE htx_cooperative_year) PARTITION BY LIST (rating);
CREATE TABLE smith.year_by_rating_good_fair PARTITION OF smith.year_by_rating FOR VALUES IN ('tốt', 'khá');
CREATE TABLE smith.year_by_rating_average PARTITION OF smith.year_by_rating FOR VALUES IN ('trung bình');
CREATE TABLE smith.year_by_rating_null PARTITION OF smith.year_by_rating FOR VALUES IN (NULL);
CREATE TABLE smith.year_by_rating_other PARTITION OF smith.year_by_rating DEFAULT;
INSERT INTO smith.year_by_rating SELECT * FROM htx_cooperative_year;
CREATE TABLE smith.year_by_hash (LIKE htx_cooperative_year) PARTITION BY HASH (rating);
CREATE TABLE smith.year_by_hash_0 PARTITION OF smith.year_by_hash FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE smith.year_by_hash_1 PARTITION OF smith.year_by_hash FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE smith.year_by_hash_2 PARTITION OF smith.year_by_hash FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO smith.year_by_hash SELECT * FROM htx_cooperative_year;
CREATE INDEX ON smith.year_by_rating (rating);
-- Parallel workers for these small tables, so that a run with
-- parallel_setup_cost = 0 gets parallel plans on them (and only on them:
-- the catalogs stay under min_parallel_table_scan_size, which keeps
-- SQLsmith's own catalog queries quick).
DO $$
DECLARE
	t regclass;
BEGIN
	FOR t IN SELECT c.oid FROM pg_class c
		WHERE c.relnamespace = 'smith'::regnamespace AND c.relkind = 'r'
	LOOP
		EXECUTE format('ALTER TABLE %s SET (parallel_workers = 2)', t);
	END LOOP;
END
$$;
CREATE INDEX ON smith.rating_rows (r);
CREATE INDEX ON smith.rating_rows USING hash (r);

-- The role SQLsmith runs as: LOGIN, not a superuser, owns nothing; it reads
-- the tables above, the extension's tables and the sample data in them, and
-- has what PUBLIC has.
CREATE ROLE smith LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
GRANT USAGE ON SCHEMA smith TO smith;
GRANT SELECT ON ALL TABLES IN SCHEMA smith TO smith;
-- Read access to the extension's own tables too: the functions that read
-- them (htx_agency_resolve, htx_check_targets ...) would otherwise only ever
-- fail with 42501.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO smith;
-- SQLsmith sets its own statement_timeout; these keep a run within bounds
-- even if it did not.
ALTER ROLE smith SET statement_timeout = '5s';
ALTER ROLE smith SET temp_file_limit = '256MB';
ANALYZE;
