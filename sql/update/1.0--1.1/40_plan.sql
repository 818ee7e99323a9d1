
-- ---------------------------------------------------------------------------
-- The plan: one definition of the agency-successor chain, one function behind
-- htx_lead_agencies and htx_supporting_agencies
-- ---------------------------------------------------------------------------
--
-- In 1.0 the successor chain was written three times: in htx_agency_on (from
-- one agency, as of a date) and, inlined as a recursive query, in each of the
-- two BI views (from every agency, as of today).  The views could not call
-- htx_agency_on: a view's functions run with the reader's rights, and a BI
-- role (htx_grant_reader) cannot read htx_agency.  A view, by contrast, reads
-- another view with its owner's rights.  So the chain is now one view,
-- htx_agency_chain, that does not depend on a date: every agency, every agency
-- its duties pass to along htx_agency_succession, and the date after which
-- they do.  htx_agency_on and both views pick from it the holder on their
-- date.  Their results are the same as in 1.0 (test/pgtap/plan_layout.sql
-- compares them with the 1.0 queries for every agency, task and several
-- dates).
--
-- A step from an agency to its successor is taken on a date D when the agency
-- has ended before D (valid_to < D); the holder on D is the last agency of the
-- chain reached by such steps.  The chain reaches its depth-k agency on D
-- exactly when every agency before it ended before D, that is when the
-- greatest of their valid_to (held_after) is before D.  An agency without
-- valid_to never passes its duties on.  As in 1.0, a chain (even a cycle) stops
-- at depth 32.

CREATE VIEW @extschema@.htx_agency_chain AS
WITH RECURSIVE chain(agency_code, holder_code, depth, held_after) AS (
	SELECT a.agency_code, a.agency_code, 0, NULL::pg_catalog.date
	FROM @extschema@.htx_agency a
	UNION ALL
	SELECT c.agency_code, s.successor_code, c.depth OPERATOR(pg_catalog.+) 1,
		GREATEST(c.held_after, h.valid_to)
	FROM chain c
	JOIN @extschema@.htx_agency h ON h.agency_code OPERATOR(pg_catalog.=) c.holder_code
	JOIN @extschema@.htx_agency_succession s ON s.agency_code OPERATOR(pg_catalog.=) c.holder_code
	WHERE h.valid_to IS NOT NULL AND c.depth OPERATOR(pg_catalog.<) 32
)
SELECT chain.agency_code, chain.holder_code, chain.depth, chain.held_after
FROM chain;
COMMENT ON VIEW @extschema@.htx_agency_chain IS
'the agency-successor chain, the one definition htx_agency_on, htx_task_assignments and htx_task_matrix share: for every agency, itself (depth 0) and each agency its duties pass to along htx_agency_succession; on a date D the duties are held by the deepest row with depth 0 or held_after < D';
COMMENT ON COLUMN @extschema@.htx_agency_chain.agency_code IS 'the agency (htx_agency), as a plan or an assignment names it';
COMMENT ON COLUMN @extschema@.htx_agency_chain.holder_code IS 'an agency that holds its duties: the agency itself at depth 0, then its successor, the successor''s successor ...';
COMMENT ON COLUMN @extschema@.htx_agency_chain.depth IS 'steps from the agency: 0 for itself, 1 for its successor ... (at most 32)';
COMMENT ON COLUMN @extschema@.htx_agency_chain.held_after IS 'the holder holds the duties on the dates after this one (the latest valid_to of the agencies before it in the chain); NULL at depth 0';

CREATE OR REPLACE FUNCTION @extschema@.htx_agency_on(agency pg_catalog.text, as_of pg_catalog.date)
RETURNS pg_catalog.text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN (
	SELECT c.holder_code FROM @extschema@.htx_agency_chain c
	WHERE c.agency_code OPERATOR(pg_catalog.=) agency
	  AND (c.depth OPERATOR(pg_catalog.=) 0 OR c.held_after OPERATOR(pg_catalog.<) as_of)
	ORDER BY c.depth DESC LIMIT 1
);

CREATE OR REPLACE VIEW @extschema@.htx_task_assignments AS
WITH now_holder AS MATERIALIZED (
	-- who holds each agency's duties today (htx_agency_chain), computed once
	SELECT DISTINCT ON (c.agency_code) c.agency_code, c.holder_code AS holder
	FROM @extschema@.htx_agency_chain c
	WHERE c.depth OPERATOR(pg_catalog.=) 0 OR c.held_after OPERATOR(pg_catalog.<) CURRENT_DATE
	ORDER BY c.agency_code, c.depth DESC
)
SELECT t.task_code,
	t.part AS task_part,
	t.parent_code AS task_parent_code,
	t.sort_order AS task_sort_order,
	t.title_vi AS task_title_vi,
	t.title_en AS task_title_en,
	x.agency_code,
	a.name_vi AS agency_name_vi,
	a.name_en AS agency_name_en,
	a.kind AS agency_kind,
	x.role,
	pg_catalog.string_agg(DISTINCT x.role_vi, '; ' ORDER BY x.role_vi) AS role_vi,
	pg_catalog.string_agg(DISTINCT x.listed_as, '; ' ORDER BY x.listed_as) AS listed_as,
	pg_catalog.string_agg(x.source, '; ' ORDER BY pg_catalog.starts_with(x.source, 'V'),
		pg_catalog.string_to_array(pg_catalog.btrim(pg_catalog.regexp_replace(x.source, '[^0-9]+', ' ', 'g')), ' ')::pg_catalog.numeric[],
		x.source) AS sources,
	pg_catalog.count(*)::pg_catalog.int4 AS source_count,
	pg_catalog.string_agg(pg_catalog.concat(x.source, ': ', x.note), ' | ' ORDER BY x.source) FILTER (WHERE x.note IS NOT NULL) AS notes,
	a.valid_from AS agency_valid_from,
	a.valid_to AS agency_valid_to,
	cur.agency_code AS current_agency_code,
	cur.name_vi AS current_agency_name_vi,
	(cur.valid_to IS NULL OR cur.valid_to OPERATOR(pg_catalog.>=) CURRENT_DATE) AS current_agency_exists
FROM @extschema@.htx_assignment x
JOIN @extschema@.htx_task t ON t.task_code OPERATOR(pg_catalog.=) x.task_code
JOIN @extschema@.htx_agency a ON a.agency_code OPERATOR(pg_catalog.=) x.agency_code
JOIN now_holder n ON n.agency_code OPERATOR(pg_catalog.=) x.agency_code
JOIN @extschema@.htx_agency cur ON cur.agency_code OPERATOR(pg_catalog.=) n.holder
GROUP BY t.task_code, x.agency_code, x.role, a.agency_code, cur.agency_code;

CREATE OR REPLACE VIEW @extschema@.htx_task_matrix AS
WITH now_holder AS MATERIALIZED (
	-- who holds each agency's duties today (htx_agency_chain), computed once
	SELECT DISTINCT ON (c.agency_code) c.agency_code, c.holder_code AS holder
	FROM @extschema@.htx_agency_chain c
	WHERE c.depth OPERATOR(pg_catalog.=) 0 OR c.held_after OPERATOR(pg_catalog.<) CURRENT_DATE
	ORDER BY c.agency_code, c.depth DESC
), x AS (
	SELECT x.task_code, x.agency_code, x.role, x.source,
		(SELECT n.holder FROM now_holder n WHERE n.agency_code OPERATOR(pg_catalog.=) x.agency_code) AS now_code,
		pg_catalog.row_number() OVER (PARTITION BY x.task_code ORDER BY pg_catalog.starts_with(x.source, 'V'),
			pg_catalog.string_to_array(pg_catalog.btrim(pg_catalog.regexp_replace(x.source, '[^0-9]+', ' ', 'g')), ' ')::pg_catalog.numeric[],
			x.source, x.list_order, x.agency_code) AS seq
	FROM @extschema@.htx_assignment x
), listed AS (
	SELECT x.task_code, x.role, x.agency_code, pg_catalog.min(x.seq) AS seq FROM x GROUP BY x.task_code, x.role, x.agency_code
), held AS (
	SELECT x.task_code, x.role, x.now_code, pg_catalog.min(x.seq) AS seq FROM x GROUP BY x.task_code, x.role, x.now_code
)
SELECT t.task_code,
	t.part AS task_part,
	t.parent_code AS task_parent_code,
	t.sort_order AS task_sort_order,
	t.title_vi,
	t.title_en,
	t.clause,
	(SELECT pg_catalog.string_agg(a.name_vi, '; ' ORDER BY l.seq) FROM listed l
	 JOIN @extschema@.htx_agency a ON a.agency_code OPERATOR(pg_catalog.=) l.agency_code
	 WHERE l.task_code OPERATOR(pg_catalog.=) t.task_code AND l.role OPERATOR(pg_catalog.=) 'lead') AS lead_agencies,
	(SELECT pg_catalog.string_agg(a.name_vi, '; ' ORDER BY l.seq) FROM listed l
	 JOIN @extschema@.htx_agency a ON a.agency_code OPERATOR(pg_catalog.=) l.agency_code
	 WHERE l.task_code OPERATOR(pg_catalog.=) t.task_code AND l.role OPERATOR(pg_catalog.=) 'support') AS supporting_agencies,
	(SELECT pg_catalog.string_agg(l.agency_code, '; ' ORDER BY l.seq) FROM listed l
	 WHERE l.task_code OPERATOR(pg_catalog.=) t.task_code AND l.role OPERATOR(pg_catalog.=) 'lead') AS lead_codes,
	(SELECT pg_catalog.string_agg(l.agency_code, '; ' ORDER BY l.seq) FROM listed l
	 WHERE l.task_code OPERATOR(pg_catalog.=) t.task_code AND l.role OPERATOR(pg_catalog.=) 'support') AS supporting_codes,
	(SELECT pg_catalog.count(*)::pg_catalog.int4 FROM listed l
	 WHERE l.task_code OPERATOR(pg_catalog.=) t.task_code AND l.role OPERATOR(pg_catalog.=) 'lead') AS lead_count,
	(SELECT pg_catalog.count(*)::pg_catalog.int4 FROM listed l
	 WHERE l.task_code OPERATOR(pg_catalog.=) t.task_code AND l.role OPERATOR(pg_catalog.=) 'support') AS supporting_count,
	(SELECT pg_catalog.string_agg(pg_catalog.concat(a.name_vi,
			CASE WHEN a.valid_to OPERATOR(pg_catalog.<) CURRENT_DATE
				THEN pg_catalog.concat(' (until ', pg_catalog.to_char(a.valid_to, 'YYYY-MM-DD'), ')') END), '; ' ORDER BY h.seq)
	 FROM held h JOIN @extschema@.htx_agency a ON a.agency_code OPERATOR(pg_catalog.=) h.now_code
	 WHERE h.task_code OPERATOR(pg_catalog.=) t.task_code AND h.role OPERATOR(pg_catalog.=) 'lead') AS lead_agencies_now,
	(SELECT pg_catalog.string_agg(pg_catalog.concat(a.name_vi,
			CASE WHEN a.valid_to OPERATOR(pg_catalog.<) CURRENT_DATE
				THEN pg_catalog.concat(' (until ', pg_catalog.to_char(a.valid_to, 'YYYY-MM-DD'), ')') END), '; ' ORDER BY h.seq)
	 FROM held h JOIN @extschema@.htx_agency a ON a.agency_code OPERATOR(pg_catalog.=) h.now_code
	 WHERE h.task_code OPERATOR(pg_catalog.=) t.task_code AND h.role OPERATOR(pg_catalog.=) 'support') AS supporting_agencies_now,
	(SELECT pg_catalog.string_agg(DISTINCT x.source, '; ' ORDER BY x.source) FROM x
	 WHERE x.task_code OPERATOR(pg_catalog.=) t.task_code) AS sources
FROM @extschema@.htx_task t;

-- htx_lead_agencies and htx_supporting_agencies differed by one literal: both
-- are now htx_task_agency_codes with that literal.

CREATE FUNCTION @extschema@.htx_task_agency_codes(task_code pg_catalog.text, role pg_catalog.text, as_of pg_catalog.date DEFAULT NULL)
RETURNS pg_catalog.text[]
LANGUAGE sql STABLE PARALLEL SAFE
RETURN (
	-- the outer query is one row, so an unknown role raises 22023 even when
	-- the task has no agency at all
	SELECT CASE
		WHEN htx_task_agency_codes.task_code IS NULL THEN NULL
		WHEN @extschema@.htx_role_resolve(htx_task_agency_codes.role) IS NULL
		     AND htx_task_agency_codes.role IS NOT NULL THEN NULL
		ELSE COALESCE(pg_catalog.array_agg(t.agency_code ORDER BY t.first), '{}') END
	FROM (
		SELECT a.agency_code, pg_catalog.min(a.n) AS first
		FROM @extschema@.htx_task_agencies(htx_task_agency_codes.task_code, htx_task_agency_codes.as_of)
			WITH ORDINALITY AS a(agency_code, agency_name, role, source, n)
		WHERE htx_task_agency_codes.role IS NULL
		   OR a.role OPERATOR(pg_catalog.=) @extschema@.htx_role_resolve(htx_task_agency_codes.role)
		GROUP BY a.agency_code
	) AS t
);
COMMENT ON FUNCTION @extschema@.htx_task_agency_codes(pg_catalog.text, pg_catalog.text, pg_catalog.date) IS
'codes of the agencies that have a role in a task (code, clause or exact title), each once, in the order of the plan: role lead / chủ trì, support / phối hợp, or NULL for either; with as_of, successors replace agencies that no longer exist; empty when none; NULL for a NULL task; an unknown task raises P0002, an unknown role 22023; htx_lead_agencies and htx_supporting_agencies are this function with role lead and support';

CREATE OR REPLACE FUNCTION @extschema@.htx_lead_agencies(task_code pg_catalog.text, as_of pg_catalog.date DEFAULT NULL)
RETURNS pg_catalog.text[]
LANGUAGE sql STABLE PARALLEL SAFE
RETURN @extschema@.htx_task_agency_codes(task_code, 'lead', as_of);

CREATE OR REPLACE FUNCTION @extschema@.htx_supporting_agencies(task_code pg_catalog.text, as_of pg_catalog.date DEFAULT NULL)
RETURNS pg_catalog.text[]
LANGUAGE sql STABLE PARALLEL SAFE
RETURN @extschema@.htx_task_agency_codes(task_code, 'support', as_of);
