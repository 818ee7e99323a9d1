-- ---------------------------------------------------------------------------
-- Shipped rows are changed only by htx's own scripts
-- ---------------------------------------------------------------------------
--
-- The reference tables hold rows shipped with htx (builtin = true) beside a
-- province's own rows (builtin = false), and pg_dump writes only the latter
-- (pg_extension_config_dump ... 'WHERE NOT builtin'): CREATE EXTENSION
-- recreates the shipped rows, and update scripts may rewrite them.  In 1.0 an
-- UPDATE or DELETE of a shipped row, or a row of one's own inserted with
-- builtin = true, was silently lost by pg_dump/pg_restore.  From 1.1 they are
-- refused, with a hint naming the way that survives: a row of one's own.
-- htx's scripts (CREATE EXTENSION, ALTER EXTENSION UPDATE) still write them.

CREATE FUNCTION @extschema@.htx_shipped_rows_guard()
RETURNS trigger
AS 'MODULE_PATHNAME', 'htx_shipped_rows_guard'
LANGUAGE C;
COMMENT ON FUNCTION @extschema@.htx_shipped_rows_guard() IS
'trigger function: refuses UPDATE and DELETE of rows shipped with htx (builtin = true; 42501), rows of one''s own marked builtin (23514) and TRUNCATE (42501), except in htx''s own extension scripts; arguments: the hint, then the key columns';

-- One pair of triggers per table: the row trigger's arguments are the hint
-- (the way that survives pg_dump) and the columns that identify a row.

CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_rating_scheme
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add a scheme of your own (builtin = false) under another code, e.g. a copy of the shipped one with your change, and rate with htx_rating_from_score(score, fined, scheme) naming it.',
	'scheme');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_plan
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add a plan of your own (builtin = false) under another plan_code.',
	'plan_code');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Set the tolerance of an "about" target in htx_target_tolerance; add targets of your own (builtin = false) under another target_code or a plan of your own.',
	'plan_code', 'target_code', 'scope');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_agency
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add agencies of your own (builtin = false); record who takes over a shipped agency''s duties in htx_agency_succession, and other spellings of its name in htx_agency_alias.',
	'agency_code');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_agency_succession
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add successions of your own (builtin = false) for agencies that have none.',
	'agency_code');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_agency_alias
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add aliases of your own (builtin = false), for shipped agencies too.',
	'alias');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_task
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add tasks of your own (builtin = false, part ''local''), under a shipped task if you like.',
	'task_code');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_assignment
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add assignments of your own (builtin = false) with a source of your own, to shipped tasks too.',
	'task_code', 'agency_code', 'role', 'source');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_sector
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add sectors of your own (builtin = false).',
	'sector_code');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_district
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add districts of your own (builtin = false).',
	'district_code');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_district_kind
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add periods of your own (builtin = false), for shipped districts too.',
	'district_code', 'valid_from');

CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_rating_scheme
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_plan
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_target
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_agency
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_agency_succession
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_agency_alias
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_task
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_assignment
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_sector
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_district
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_district_kind
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();

COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_rating_scheme IS 'shipped schemes are not edited (pg_dump leaves them out): add a scheme of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_plan IS 'shipped plans are not edited (pg_dump leaves them out): add a plan of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_target IS 'shipped targets are not edited (pg_dump leaves them out): tolerances go to htx_target_tolerance, targets of your own are added (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_agency IS 'shipped agencies are not edited (pg_dump leaves them out): add agencies, successions and aliases of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_agency_succession IS 'shipped successions are not edited (pg_dump leaves them out): add successions of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_agency_alias IS 'shipped aliases are not edited (pg_dump leaves them out): add aliases of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_task IS 'shipped tasks are not edited (pg_dump leaves them out): add tasks of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_assignment IS 'shipped assignments are not edited (pg_dump leaves them out): add assignments of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_sector IS 'shipped sectors are not edited (pg_dump leaves them out): add sectors of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_district IS 'shipped districts are not edited (pg_dump leaves them out): add districts of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_district_kind IS 'shipped kind periods are not edited (pg_dump leaves them out): add periods of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_rating_scheme IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_plan IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_target IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_agency IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_agency_succession IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_agency_alias IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_task IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_assignment IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_sector IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_district IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_district_kind IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';

-- Circular 01/2020 and fines ---------------------------------------------------
--
-- 1.0 told users to set fined_is_weak on the shipped TT-01/2020 row (in the
-- row's note and in the hint of htx_rating_from_score(score, fined, scheme)),
-- an edit that pg_dump loses.  Now both lead to a scheme of one's own.

UPDATE @extschema@.htx_rating_scheme
SET note = 'Same thresholds as Circular 09/2017. Whether a fine forces yếu under this circular is not verified: to rate fined cooperatives with it, add a scheme of your own that copies this one with fined_is_weak set. It also leaves unrated a cooperative that stopped operating for over 3 months in the year.'
WHERE scheme OPERATOR(pg_catalog.=) 'TT-01/2020/TT-BKHĐT' AND builtin;

-- A 1.0 database where the shipped row was edited as 1.0 advised: the edit
-- stays (an update does not undo a user's change), but it is still not in
-- any dump, so say so once, now.
DO $do$
DECLARE
	v pg_catalog.bool;
BEGIN
	-- the extension's schema from the catalog, not spliced into this quoted body
	EXECUTE pg_catalog.format('SELECT s.fined_is_weak FROM %I.htx_rating_scheme s
		WHERE s.scheme OPERATOR(pg_catalog.=) %L AND s.builtin',
		(SELECT n.nspname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n
			ON n.oid OPERATOR(pg_catalog.=) e.extnamespace WHERE e.extname OPERATOR(pg_catalog.=) 'htx'),
		'TT-01/2020/TT-BKHĐT') INTO v;
	IF v IS NOT NULL THEN
		RAISE WARNING 'the shipped rating scheme "TT-01/2020/TT-BKHĐT" has fined_is_weak = %, which pg_dump does not keep',
			CASE WHEN v THEN 'true' ELSE 'false' END
			USING DETAIL = 'htx 1.0 advised setting fined_is_weak on this shipped row; shipped rows are not dumped, so a restore brings back NULL.',
				  HINT = 'Add a scheme of your own with fined_is_weak set (see "Shipped rows and your own rows" in docs/dba.md) and rate with it.';
	END IF;
END
$do$;

CREATE OR REPLACE FUNCTION @extschema@.htx_rating_from_score(score pg_catalog.numeric, fined pg_catalog.bool, scheme pg_catalog.text)
RETURNS @extschema@.htx_rating
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	s htx_rating_scheme;
BEGIN
	SELECT * INTO s FROM htx_rating_scheme r WHERE r.scheme OPERATOR(pg_catalog.=) htx_rating_from_score.scheme;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'unknown rating scheme "%"', htx_excerpt(scheme)
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Known schemes: ' OPERATOR(pg_catalog.||) (SELECT pg_catalog.string_agg(r.scheme, ', ' ORDER BY r.scheme) FROM htx_rating_scheme r) OPERATOR(pg_catalog.||) '.';
	END IF;
	IF score IS NOT NULL AND (score OPERATOR(pg_catalog.=) 'NaN'::pg_catalog.numeric
		OR score OPERATOR(pg_catalog.<) 0::pg_catalog.numeric OR score OPERATOR(pg_catalog.>) s.max_score) THEN
		RAISE EXCEPTION 'score % is out of range', htx_excerpt(score::pg_catalog.text)
			USING ERRCODE = 'numeric_value_out_of_range',
				  DETAIL = pg_catalog.format('Scheme %s scores from 0 to %s points.', s.scheme, s.max_score);
	END IF;
	IF fined THEN
		IF s.fined_is_weak IS NULL THEN
			RAISE EXCEPTION 'rating scheme "%" does not say whether a fine forces yếu', s.scheme
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = pg_catalog.format('Add a scheme of your own that says it, a copy of this one with fined_is_weak set '
						  '(true: a fine forces yếu; false: it does not), and rate with it: '
						  'INSERT INTO htx_rating_scheme (scheme, title, max_score, good_min, fair_min, average_min, fined_is_weak, source) '
						  'SELECT %L, title, max_score, good_min, fair_min, average_min, true, source FROM htx_rating_scheme WHERE scheme = %L;',
						  'my ' OPERATOR(pg_catalog.||) s.scheme, s.scheme);
		ELSIF s.fined_is_weak THEN
			RETURN 'yếu';
		END IF;
	END IF;
	RETURN CASE
		WHEN score IS NULL THEN 'không xếp loại'
		WHEN score OPERATOR(pg_catalog.>=) s.good_min THEN 'tốt'
		WHEN score OPERATOR(pg_catalog.>=) s.fair_min THEN 'khá'
		WHEN score OPERATOR(pg_catalog.>=) s.average_min THEN 'trung bình'
		ELSE 'yếu'
	END::htx_rating;
END
$fn$;
