-- ---------------------------------------------------------------------------
-- Operator capture (the CVE-2023-39417 class): what 1.0 left unqualified
-- ---------------------------------------------------------------------------
--
-- An operator or function written bare is looked up in the search_path, and
-- a look-alike whose argument types match better than pg_catalog's wins:
-- with s.>=(numeric, integer) planted in schema s, "tolerance >= 0" (numeric
-- and integer) binds to it rather than to pg_catalog's numeric >= numeric.
--
-- * At install time the script runs with search_path = the target schema,
--   so the two CHECK constraints of 1.0 that said "tolerance >= 0" were
--   stored as OPERATOR(s.>=) when such an operator was there, and every
--   INSERT then ran the planted function.  They are re-created here with
--   pg_catalog's operator and a numeric constant, on a new 1.0 and on one
--   installed under a planted operator alike (same names, same meaning).
-- * At run time, plpgsql bodies run with search_path = pg_catalog,
--   @extschema@, pg_temp: a cross-type operator or a call that pg_catalog
--   answers only through an implicit cast (numeric < integer, to_char(date),
--   cardinality(text[]), format(text, text), array_agg(text)) binds to a
--   better match planted in @extschema@.  The functions below are 1.0's, with
--   every such operator written OPERATOR(pg_catalog.x), constants of the
--   operand's type, and built-in functions called as pg_catalog.f; their
--   behaviour is unchanged.  (Functions that other pieces of this update
--   re-create, such as htx_rating_from_score(score, fined, scheme) in
--   20_shipped_rows.sql or htx_generate_sample in 50_warehouse.sql, take the
--   same care there.)
--
-- sql/security.sql plants every such operator and function in the target
-- schema and in public, runs CREATE EXTENSION and ALTER EXTENSION UPDATE,
-- uses the extension, and fails if anything planted is called or referenced.

ALTER TABLE @extschema@.htx_target
	DROP CONSTRAINT htx_target_tolerance_only_about,
	ADD CONSTRAINT htx_target_tolerance_only_about CHECK (tolerance IS NULL
		OR (comparator OPERATOR(pg_catalog.=) 'about'::pg_catalog.text
		    AND tolerance OPERATOR(pg_catalog.>=) 0::pg_catalog.numeric));

ALTER TABLE @extschema@.htx_target_tolerance
	DROP CONSTRAINT htx_target_tolerance_nonnegative,
	ADD CONSTRAINT htx_target_tolerance_nonnegative CHECK (tolerance OPERATOR(pg_catalog.>=) 0::pg_catalog.numeric);

CREATE OR REPLACE FUNCTION @extschema@.htx_check_targets(e @extschema@.htx_evaluation,
		plan pg_catalog.text DEFAULT 'TN-42/KH-UBND', scope pg_catalog.text DEFAULT 'province')
RETURNS TABLE (target_code pg_catalog.text, indicator pg_catalog.text, comparator pg_catalog.text,
	required pg_catalog.numeric, measured pg_catalog.numeric, met pg_catalog.bool, gap pg_catalog.numeric,
	unit pg_catalog.text, note pg_catalog.text, clause pg_catalog.text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
BEGIN
	IF plan IS NULL OR NOT EXISTS (SELECT 1 FROM htx_plan p WHERE p.plan_code OPERATOR(pg_catalog.=) plan) THEN
		RAISE EXCEPTION 'unknown plan "%"', plan
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Known plans: ' OPERATOR(pg_catalog.||) (SELECT pg_catalog.string_agg(p.plan_code, ', ' ORDER BY p.plan_code) FROM htx_plan p) OPERATOR(pg_catalog.||) '.';
	END IF;
	IF scope IS NULL OR scope OPERATOR(pg_catalog.<>) ALL ('{national,province,district}'::pg_catalog.text[]) THEN
		RAISE EXCEPTION 'unknown target scope "%"', scope
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use national, province or district.';
	END IF;

	RETURN QUERY
	WITH m AS (
		SELECT t.*,
			COALESCE(o.tolerance, t.tolerance) AS tol,
			htx_target_measured(e, t.measure) AS val
		FROM htx_target t
		LEFT JOIN htx_target_tolerance o USING (plan_code, target_code, scope)
		WHERE t.plan_code OPERATOR(pg_catalog.=) plan AND t.scope OPERATOR(pg_catalog.=) htx_check_targets.scope
	)
	SELECT m.target_code, m.indicator_vi, m.comparator, m.required, m.val,
		htx_target_met(m.val, m.comparator, m.required, m.tol),
		m.val OPERATOR(pg_catalog.-) m.required,
		m.unit,
		pg_catalog.concat_ws(' ',
			CASE
				WHEN m.measure IS NULL THEN 'Not measurable from htx_evaluation.'
				WHEN m.val IS NULL THEN 'No data: no row in the group reports this measure.'
				WHEN m.comparator OPERATOR(pg_catalog.=) 'none' THEN 'No number to meet.'
				WHEN m.comparator OPERATOR(pg_catalog.=) 'about' AND m.tol IS NULL THEN 'No tolerance set for "about".'
			END,
			m.note),
		m.clause
	FROM m
	ORDER BY m.sort_order, m.target_code;
END
$fn$;

-- htx_agency_resolve and htx_task_resolve: 45_plan_tools.sql replaces them
-- (qualified as here, and with bounded input); one definition each.

CREATE OR REPLACE FUNCTION @extschema@.htx_task_agencies(task_code pg_catalog.text, as_of pg_catalog.date DEFAULT NULL)
RETURNS TABLE (agency_code pg_catalog.text, agency_name pg_catalog.text, role pg_catalog.text, source pg_catalog.text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	v_task text;
BEGIN
	IF htx_task_agencies.task_code IS NULL THEN
		RETURN;
	END IF;
	v_task := htx_task_resolve(htx_task_agencies.task_code);

	RETURN QUERY
	WITH x AS (
		SELECT x.agency_code AS listed, htx_agency_on(x.agency_code, as_of) AS held,
			x.role, x.source, x.list_order
		FROM htx_assignment x
		WHERE x.task_code OPERATOR(pg_catalog.=) v_task
	), g AS (
		SELECT x.held, x.role, x.source, pg_catalog.min(x.list_order) AS pos,
			pg_catalog.string_agg(pg_catalog.format('listed as %s (%s), succeeded by %s from %s',
					x.listed, l.name_vi, x.held, pg_catalog.to_char((l.valid_to OPERATOR(pg_catalog.+) 1)::pg_catalog.timestamp, 'YYYY-MM-DD')),
				'; ' ORDER BY x.list_order) FILTER (WHERE x.listed OPERATOR(pg_catalog.<>) x.held) AS succession
		FROM x JOIN htx_agency l ON l.agency_code OPERATOR(pg_catalog.=) x.listed
		GROUP BY x.held, x.role, x.source
	)
	SELECT g.held, h.name_vi, g.role,
		pg_catalog.concat_ws('; ', g.source, g.succession,
			CASE
				WHEN as_of OPERATOR(pg_catalog.>) h.valid_to THEN pg_catalog.format('%s existed until %s, no successor recorded', g.held, pg_catalog.to_char(h.valid_to::pg_catalog.timestamp, 'YYYY-MM-DD'))
				WHEN as_of OPERATOR(pg_catalog.<) h.valid_from THEN pg_catalog.format('%s exists only from %s', g.held, pg_catalog.to_char(h.valid_from::pg_catalog.timestamp, 'YYYY-MM-DD'))
			END)
	FROM g JOIN htx_agency h ON h.agency_code OPERATOR(pg_catalog.=) g.held
	ORDER BY g.role OPERATOR(pg_catalog.<>) 'lead', NOT pg_catalog.starts_with(g.source, 'Phụ lục'),
		pg_catalog.string_to_array(pg_catalog.btrim(pg_catalog.regexp_replace(g.source, '[^0-9]+', ' ', 'g')), ' ')::pg_catalog.numeric[],
		g.source, g.pos, g.held;
END
$fn$;

-- The sector a name means, once: the trigger below and the loader
-- (55_loader.sql) both call it.
CREATE FUNCTION @extschema@.htx_sector_resolve(sector_name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	folded text;
	found text;
BEGIN
	IF EXISTS (SELECT 1 FROM htx_sector s WHERE s.sector_code = sector_name) THEN
		RETURN sector_name;
	END IF;
	folded := htx_fold(sector_name);
	SELECT s.sector_code INTO found FROM htx_sector s
	WHERE folded IN (s.sector_code, htx_fold(s.name_vi), htx_fold(s.name_en), htx_fold('htx ' || s.name_vi))
	   OR folded = ANY (s.aliases)
	ORDER BY s.sector_code LIMIT 1;
	RETURN found;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_sector_resolve(pg_catalog.text) IS
'the htx_sector code a sector is written as: a code, or a Vietnamese or English name or alias of htx_sector, any case, with or without diacritics, with or without "HTX"; NULL when none matches';

CREATE OR REPLACE FUNCTION @extschema@.htx_cooperative_sector_normalize()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	found text;
BEGIN
	IF NEW.sector IS NULL THEN
		RETURN NEW;
	END IF;
	found := htx_sector_resolve(NEW.sector);
	IF found IS NULL THEN
		-- a bad value is quoted up to 64 characters (htx_excerpt, 65_sweep.sql)
		RAISE EXCEPTION 'unknown cooperative sector "%"', htx_excerpt(NEW.sector)
			USING ERRCODE = 'foreign_key_violation',
				  DETAIL = pg_catalog.format('Cooperative %s (%s).', NEW.cooperative_id, htx_excerpt(NEW.name)),
				  HINT = htx_sector_hint();
	END IF;
	NEW.sector := found;
	RETURN NEW;
END
$fn$;

CREATE FUNCTION @extschema@.htx_sector_hint()
RETURNS pg_catalog.text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
RETURN 'Use a code or a name of htx_sector: '
	OPERATOR(pg_catalog.||) (SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s)', s.sector_code, s.name_vi), ', ' ORDER BY s.article_item, s.sector_code) FROM @extschema@.htx_sector s)
	OPERATOR(pg_catalog.||) '.';
COMMENT ON FUNCTION @extschema@.htx_sector_hint() IS
'the hint of an unknown sector: every code of htx_sector with its Vietnamese name';
