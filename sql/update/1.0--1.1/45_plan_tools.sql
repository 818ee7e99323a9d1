-- ---------------------------------------------------------------------------
-- Plan tools: lookups that cannot stall the server, lookups for BI readers,
-- and a search over the plan's tasks (issue 12)
-- ---------------------------------------------------------------------------
--
-- htx_agency_resolve and htx_task_resolve are defined here only: 1.0's with
-- every operator and built-in qualified (sql/security.sql checks it), the
-- length check, the bounded loop and the quoted prefix.
--
-- Bounded lookups.  In 1.0 a 1 MB argument kept htx_agency_resolve,
-- htx_task_resolve, htx_task_agencies, htx_lead_agencies,
-- htx_supporting_agencies, htx_agency_tasks and htx_name_similarity busy past
-- any statement timeout (more than 60 s each), and any role may call them:
-- htx_name_similarity took substr(s, i, 3) for every i, and substr on a
-- multibyte string walks from its start, so the work grew with the square of
-- the length; htx_task_resolve tried every prefix of the input, each with a
-- scan of the tasks.  Now:
--   * every function that takes a name (agency, task, role, search text)
--     first checks its length against htx_name_max_length() (2000
--     characters: twice the longest title in the plan, 1003) and raises
--     22001 (string_data_right_truncation) at once when it is longer;
--   * the work below that limit is linear in the length (trigrams from one
--     pass over the characters; prefixes tried only up to the longest code);
--   * messages quote at most the first 64 characters (htx_excerpt).
-- 22001 rather than 54000 (program_limit_exceeded): the value is the
-- caller's bad data, as when a string is too long for a varchar(n) column,
-- not a limit of the server's; clients and loaders already file class 22 as
-- "bad input value".

CREATE FUNCTION @extschema@.htx_name_max_length()
RETURNS pg_catalog.int4
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 2000;
COMMENT ON FUNCTION @extschema@.htx_name_max_length() IS
'the longest name, in characters, that the plan lookups accept (agency names, task codes and titles, roles, search text): 2000; a longer one raises 22001 before any work';

-- How every message of htx quotes a value (C: src/excerpt.c does the same).
CREATE FUNCTION @extschema@.htx_excerpt(value pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN pg_catalog.length(value) OPERATOR(pg_catalog.<=) 64 THEN value
	ELSE pg_catalog.left(value, 64) OPERATOR(pg_catalog.||) '...' END;
COMMENT ON FUNCTION @extschema@.htx_excerpt(pg_catalog.text) IS
'a value as htx''s error messages quote it: the whole value up to 64 characters, else its first 64 characters followed by ...';

CREATE FUNCTION @extschema@.htx_name_check(value pg_catalog.text, what pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
BEGIN
	-- bytes first: at most 4 per character in UTF-8, so a value of more than
	-- 4 * limit bytes is too long without counting its characters
	IF pg_catalog.octet_length(value) OPERATOR(pg_catalog.>) (4 OPERATOR(pg_catalog.*) htx_name_max_length())
	   OR pg_catalog.length(value) OPERATOR(pg_catalog.>) htx_name_max_length() THEN
		RAISE EXCEPTION '% is too long', what
			USING ERRCODE = 'string_data_right_truncation',
				  DETAIL = pg_catalog.format('It has %s bytes; htx accepts at most %s characters. It begins "%s".',
					  pg_catalog.octet_length(value), htx_name_max_length(), htx_excerpt(value)),
				  HINT = 'Give the code, or the name as the plan writes it.';
	END IF;
	RETURN value;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_name_check(pg_catalog.text, pg_catalog.text) IS
'the value itself when it has at most htx_name_max_length() characters (or is NULL); else raises 22001 "<what> is too long", quoting its first 64 characters';

-- Trigrams in one pass over the characters (string_to_array with a NULL
-- separator splits a string into its characters), the same set 1.0 built
-- with substr() at every position, so the same similarity.
CREATE OR REPLACE FUNCTION @extschema@.htx_name_similarity(a pg_catalog.text, b pg_catalog.text)
RETURNS pg_catalog.float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (
	WITH ta AS (
		SELECT DISTINCT g.g FROM (
			SELECT c.c OPERATOR(pg_catalog.||) pg_catalog.lead(c.c, 1) OVER w OPERATOR(pg_catalog.||) pg_catalog.lead(c.c, 2) OVER w AS g
			FROM pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.concat('  ', @extschema@.htx_name_check(a, 'name'), ' '), NULL))
				WITH ORDINALITY AS c(c, n)
			WINDOW w AS (ORDER BY c.n)
		) AS g WHERE g.g IS NOT NULL
	), tb AS (
		SELECT DISTINCT g.g FROM (
			SELECT c.c OPERATOR(pg_catalog.||) pg_catalog.lead(c.c, 1) OVER w OPERATOR(pg_catalog.||) pg_catalog.lead(c.c, 2) OVER w AS g
			FROM pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.concat('  ', @extschema@.htx_name_check(b, 'name'), ' '), NULL))
				WITH ORDINALITY AS c(c, n)
			WINDOW w AS (ORDER BY c.n)
		) AS g WHERE g.g IS NOT NULL
	)
	SELECT pg_catalog.count(*) FILTER (WHERE ta.g IS NOT NULL AND tb.g IS NOT NULL)::pg_catalog.float8
		OPERATOR(pg_catalog./) GREATEST(pg_catalog.count(*), 1)::pg_catalog.float8
	FROM ta FULL JOIN tb ON ta.g OPERATOR(pg_catalog.=) tb.g
);
COMMENT ON FUNCTION @extschema@.htx_name_similarity(pg_catalog.text, pg_catalog.text) IS
'similarity of two strings from 0 to 1: shared three-letter groups over all groups (as pg_trgm counts them, on the whole string); ranks the closest agency names in error hints; time linear in the length; a string longer than htx_name_max_length() characters raises 22001';

CREATE OR REPLACE FUNCTION @extschema@.htx_agency_key(name pg_catalog.text, loose pg_catalog.bool DEFAULT false)
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
-- Every word sits between its own two spaces ("  so  nong  nghiep  "), so
-- that plain replace() finds whole words, next to each other too, with no
-- regular expression per phrase.  Longer phrases first ("uy ban nhan dan"
-- before "uy ban"); then "va" / "and" go; loose drops the words that do not
-- tell agencies apart.  (Generated list: keep the phrases in this order.)
RETURN (
	SELECT pg_catalog.btrim(pg_catalog.regexp_replace(
		CASE WHEN loose THEN pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(s.k, ' thai  nguyen ', ''), ' co  lien  quan ', ''), ' lien  quan ', ''), ' chi  nhanh ', ''), ' cac ', ''), ' cap ', ''), ' cua ', ''), ' vn ', '') ELSE s.k END,
		' +', ' ', 'g'))
	FROM (SELECT pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(' ' OPERATOR(pg_catalog.||) pg_catalog.replace(pg_catalog.btrim(pg_catalog.regexp_replace(
		pg_catalog.replace(@extschema@.htx_fold(@extschema@.htx_name_check(name, 'agency name')), '&', ' va '), '[^a-z0-9]+', ' ', 'g')), ' ', '  ') OPERATOR(pg_catalog.||) ' ',
		' uy  ban  nhan  dan ', ' ubnd '),
		' uy  ban ', ' ub '),
		' mat  tran  to  quoc ', ' mttq '),
		' ngan  hang  nha  nuoc ', ' nhnn '),
		' phat  trien  nong  thon ', ' ptnt '),
		' nong  nghiep ', ' nn '),
		' ke  hoach ', ' kh '),
		' dau  tu ', ' dt '),
		' khoa  hoc ', ' kh '),
		' cong  nghe ', ' cn '),
		' thong  tin ', ' tt '),
		' truyen  thong ', ' tt '),
		' tai  nguyen ', ' tn '),
		' moi  truong ', ' mt '),
		' tai  chinh ', ' tc '),
		' cong  thuong ', ' ct '),
		' noi  vu ', ' nv '),
		' hop  tac  xa ', ' htx '),
		' viet  nam ', ' vn '),
		' phat  thanh  truyen  hinh ', ' ptth '),
		' phat  thanh ', ' pt '),
		' truyen  hinh ', ' th '),
		' thanh  pho ', ' tp '),
		' va ', ''),
		' and ', '')) AS s(k)
);
COMMENT ON FUNCTION @extschema@.htx_agency_key(pg_catalog.text, pg_catalog.bool) IS
'matching key of an agency name: htx_fold (case, diacritics, NFC/NFD), & and "và"/"and" dropped, punctuation to spaces, and the usual phrases abbreviated the way the plan does ("Nông nghiệp và Phát triển nông thôn" and "NN&PTNT" both give "nn ptnt"); loose also drops words that do not tell agencies apart (Thái Nguyên, các, cấp, của, chi nhánh, Việt Nam, liên quan); a name longer than htx_name_max_length() characters raises 22001';

CREATE OR REPLACE FUNCTION @extschema@.htx_agency_resolve(name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	-- first of all: a name too long raises 22001 before any work on it
	v_name text := htx_name_check(name, 'agency name');
	v_code text := pg_catalog.upper(pg_catalog.regexp_replace(pg_catalog.btrim(v_name), '[\s_-]+', '_', 'g'));
	k text := htx_agency_key(name);
	kl text := htx_agency_key(name, true);
	hits text[];
	listing text;
BEGIN
	-- an agency code, in any case, with _ or a space between its parts
	IF EXISTS (SELECT 1 FROM htx_agency a WHERE a.agency_code OPERATOR(pg_catalog.=) v_code) THEN
		RETURN v_code;
	END IF;
	IF k OPERATOR(pg_catalog.<>) '' THEN
		-- the keys of every spelling, each computed only when a test needs it
		WITH sp AS NOT MATERIALIZED (
			SELECT s.agency_code, pg_catalog.replace(s.match_key, ' ', '') AS key,
				pg_catalog.replace(s.match_key_loose, ' ', '') AS loose_key,
				pg_catalog.array_remove(pg_catalog.string_to_array(s.match_key_loose, ' '), 'tinh') AS loose_words
			FROM htx_agency_spelling s
			WHERE s.spelling_kind OPERATOR(pg_catalog.<>) 'code'
		)
		SELECT COALESCE(
			-- 1. a name, short form or alias with the same key
			(SELECT pg_catalog.array_agg(DISTINCT sp.agency_code ORDER BY sp.agency_code) FROM sp
			 WHERE sp.key OPERATOR(pg_catalog.=) pg_catalog.replace(k, ' ', '')),
			-- 2. the same key once words like "Thái Nguyên", "các", "cấp" are dropped
			(SELECT pg_catalog.array_agg(DISTINCT sp.agency_code ORDER BY sp.agency_code) FROM sp
			 WHERE kl OPERATOR(pg_catalog.<>) '' AND sp.loose_key OPERATOR(pg_catalog.=) pg_catalog.replace(kl, ' ', '')),
			-- 3. every word given appears in one of the agency's spellings ("tỉnh" aside)
			(SELECT pg_catalog.array_agg(DISTINCT sp.agency_code ORDER BY sp.agency_code) FROM sp
			 WHERE pg_catalog.array_remove(pg_catalog.string_to_array(kl, ' '), 'tinh') OPERATOR(pg_catalog.<>) '{}'::pg_catalog.text[]
			   AND sp.loose_words OPERATOR(pg_catalog.@>) pg_catalog.array_remove(pg_catalog.string_to_array(kl, ' '), 'tinh')))
		INTO hits;
		IF pg_catalog.cardinality(hits) OPERATOR(pg_catalog.=) 1 THEN
			RETURN hits[1];
		END IF;
	END IF;

	IF pg_catalog.cardinality(hits) OPERATOR(pg_catalog.>) 1 THEN
		SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s)', a.agency_code, a.name_vi), ', ' ORDER BY a.agency_code) INTO listing
		FROM htx_agency a WHERE a.agency_code OPERATOR(pg_catalog.=) ANY (hits);
		RAISE EXCEPTION 'agency name "%" is ambiguous', htx_excerpt(name)
			USING ERRCODE = 'too_many_rows',
				  DETAIL = pg_catalog.format('It matches %s agencies.', pg_catalog.cardinality(hits)),
				  HINT = pg_catalog.format('Candidates: %s. Write more of the name, or give the agency code.', listing);
	END IF;

	SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s)', c.agency_code, a.name_vi), ', ' ORDER BY c.sim DESC, c.agency_code) INTO listing
	FROM (
		SELECT s.agency_code,
			pg_catalog.max(GREATEST(htx_name_similarity(s.match_key, pg_catalog.left(k, htx_name_max_length())),
				htx_name_similarity(htx_fold(s.spelling), pg_catalog.left(htx_fold(v_name), htx_name_max_length())))) AS sim
		FROM htx_agency_spelling s
		WHERE s.spelling_kind OPERATOR(pg_catalog.<>) 'code'
		GROUP BY s.agency_code
		ORDER BY 2 DESC, 1
		LIMIT 3
	) AS c
	JOIN htx_agency a ON a.agency_code OPERATOR(pg_catalog.=) c.agency_code
	WHERE c.sim OPERATOR(pg_catalog.>=) 0.15::pg_catalog.float8;
	RAISE EXCEPTION 'unknown agency "%"', htx_excerpt(name)
		USING ERRCODE = 'no_data_found',
			  DETAIL = 'No agency code, name, short form or alias matches it, with or without diacritics.',
			  HINT = CASE WHEN listing IS NULL
				THEN 'SELECT agency_code, name_vi FROM htx_agency lists every agency.'
				ELSE pg_catalog.format('Closest: %s.', listing) END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_agency_resolve(pg_catalog.text) IS
'the agency code for any way its name is written: code, full or short name, with or without diacritics, NFC or NFD, any case, & / và / and, abbreviations (Sở NN&PTNT, Sở KH&ĐT, Liên minh HTX tỉnh, UBND huyện); an unknown name raises P0002 and an ambiguous one P0003, with the closest candidates in the hint; a name longer than htx_name_max_length() characters raises 22001 at once; messages quote at most the first 64 characters';

CREATE OR REPLACE FUNCTION @extschema@.htx_task_resolve(task pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	-- first of all: a name too long raises 22001 before any work on it
	v_task text := htx_name_check(task, 'task');
	t text := pg_catalog.regexp_replace(v_task, '\s+', '', 'g');
	depth int := pg_catalog.length(t) OPERATOR(pg_catalog.-) pg_catalog.length(pg_catalog.replace(t, '.', ''));
	v_code text;
	hits text[];
	listing text;
BEGIN
	-- a task code: the exact one, else in any case
	SELECT x.task_code INTO v_code FROM htx_task x
	WHERE pg_catalog.lower(x.task_code) OPERATOR(pg_catalog.=) pg_catalog.lower(t)
	ORDER BY x.task_code OPERATOR(pg_catalog.=) t DESC, x.task_code LIMIT 1;
	IF v_code IS NOT NULL THEN
		RETURN v_code;
	END IF;
	-- a clause (as source gives it: "Phụ lục row 3.2", "V.2 bullet 1") or a title, folded
	SELECT pg_catalog.array_agg(x.task_code ORDER BY x.sort_order NULLS LAST, x.task_code) INTO hits
	FROM htx_task x
	WHERE htx_fold(x.clause) OPERATOR(pg_catalog.=) htx_fold(task)
	   OR htx_fold(x.title_vi) OPERATOR(pg_catalog.=) htx_fold(task) OR htx_fold(x.title_en) OPERATOR(pg_catalog.=) htx_fold(task);
	IF pg_catalog.cardinality(hits) OPERATOR(pg_catalog.=) 1 THEN
		RETURN hits[1];
	ELSIF pg_catalog.cardinality(hits) OPERATOR(pg_catalog.>) 1 THEN
		RAISE EXCEPTION 'task title "%" is ambiguous', htx_excerpt(task)
			USING ERRCODE = 'too_many_rows',
				  HINT = pg_catalog.format('Candidates: %s. Give the task code.', pg_catalog.array_to_string(hits, ', '));
	END IF;
	-- unknown: the codes sharing the longest prefix, at the same depth if any
	-- (no code is longer than the longest one: the loop is bounded by it, not
	-- by the input, which 1.0 walked down character by character)
	FOR i IN REVERSE LEAST(pg_catalog.length(t) OPERATOR(pg_catalog.-) 1,
			(SELECT pg_catalog.max(pg_catalog.length(x.task_code)) FROM htx_task x)) .. 1 LOOP
		SELECT pg_catalog.string_agg(c.task_code, ', ' ORDER BY c.sort_order NULLS LAST, c.task_code) INTO listing
		FROM (
			SELECT c.task_code, c.sort_order FROM (
				SELECT x.task_code, x.sort_order,
					pg_catalog.length(x.task_code) OPERATOR(pg_catalog.-) pg_catalog.length(pg_catalog.replace(x.task_code, '.', '')) OPERATOR(pg_catalog.=) depth AS same_depth
				FROM htx_task x
				WHERE pg_catalog.starts_with(pg_catalog.lower(x.task_code), pg_catalog.lower(pg_catalog.left(t, i)))
			) AS c
			WHERE c.same_depth OR NOT EXISTS (
				SELECT 1 FROM htx_task x
				WHERE pg_catalog.starts_with(pg_catalog.lower(x.task_code), pg_catalog.lower(pg_catalog.left(t, i)))
				  AND pg_catalog.length(x.task_code) OPERATOR(pg_catalog.-) pg_catalog.length(pg_catalog.replace(x.task_code, '.', '')) OPERATOR(pg_catalog.=) depth)
			ORDER BY c.sort_order NULLS LAST, c.task_code
			LIMIT 12
		) AS c;
		EXIT WHEN listing IS NOT NULL;
	END LOOP;
	IF listing IS NULL THEN
		SELECT pg_catalog.string_agg(x.task_code, ', ' ORDER BY x.sort_order NULLS LAST, x.task_code) INTO listing
		FROM htx_task x WHERE x.parent_code IS NULL;
	END IF;
	RAISE EXCEPTION 'unknown task "%"', htx_excerpt(task)
		USING ERRCODE = 'no_data_found',
			  DETAIL = 'Task codes follow the plan: III.4.c is item c) of III.4, A3.1 the first row of appendix group 3.',
			  HINT = pg_catalog.format('Closest task codes: %s. htx_task lists them all.', listing);
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_task_resolve(pg_catalog.text) IS
'the task code for a code in any case and spacing (iii.4.C, "A 3.1"), a task''s clause ("Phụ lục row 3.2", "V.2 bullet 1") or its exact title (folded like htx_fold); an unknown task raises P0002 with the closest codes in the hint; a task longer than htx_name_max_length() characters raises 22001 at once; messages quote at most the first 64 characters';

CREATE OR REPLACE FUNCTION @extschema@.htx_role_resolve(role pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	r text := CASE htx_fold(htx_name_check(role, 'role'))
		WHEN 'lead' THEN 'lead' WHEN 'chu tri' THEN 'lead' WHEN 'dong chu tri' THEN 'lead'
		WHEN 'chu tri/dong chu tri' THEN 'lead'
		WHEN 'support' THEN 'support' WHEN 'phoi hop' THEN 'support' END;
BEGIN
	IF r IS NULL THEN
		RAISE EXCEPTION 'unknown role "%"', htx_excerpt(role)
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use lead (chủ trì, đồng chủ trì), support (phối hợp), or NULL for both.';
	END IF;
	RETURN r;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_role_resolve(pg_catalog.text) IS
'lead for lead, chủ trì or đồng chủ trì; support for support or phối hợp (any case, with or without diacritics); anything else raises 22023, a role longer than htx_name_max_length() characters 22001';

-- ---------------------------------------------------------------------------
-- Lookups for BI readers
-- ---------------------------------------------------------------------------
--
-- A role set up by htx_grant_reader reads views, whose tables are read with
-- the view owner's rights; but functions run with the caller's, so in 1.0 the
-- reader could not call htx_task_agencies, htx_agency_tasks,
-- htx_check_targets or the resolvers ("permission denied for table
-- htx_task").  Two ways out:
--   * SECURITY DEFINER lookups: they would run as the extension's owner, in
--     practice a superuser, for any caller.  Every name they resolve, every
--     operator and function they call unqualified, would then be a way to
--     superuser for whoever can create objects in the extension's schema or
--     plant one in pg_temp; a bug becomes an escalation.  Not for reading
--     public data.
--   * SELECT on the plan's reference tables: the plan, its targets, its
--     agencies, tasks and assignments, and the rating schemes, are public
--     reference data (a published plan, the province's additions to it, the
--     official scoring thresholds), not the province's warehouse; every task,
--     agency, alias, succession and assignment already shows in the plan
--     views.  The lookups keep running with the caller's rights.
-- htx takes the second: htx_grant_reader grants SELECT on the tables of
-- htx_reader_tables() and EXECUTE on the functions of htx_reader_functions().
-- The warehouse tables (cooperatives, yearly rows) and the territory tables
-- stay closed to readers: those they read only through the views.

CREATE FUNCTION @extschema@.htx_reader_tables()
RETURNS SETOF pg_catalog.regclass
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT c.oid::regclass
	FROM pg_extension e
	JOIN pg_class c ON c.relnamespace = e.extnamespace AND c.relkind IN ('r', 'p')
	WHERE e.extname = 'htx'
	  AND c.relname IN ('htx_plan', 'htx_target', 'htx_target_tolerance', 'htx_rating_scheme',
		'htx_agency', 'htx_agency_alias', 'htx_agency_succession', 'htx_task', 'htx_assignment')
	ORDER BY c.relname
$fn$;
COMMENT ON FUNCTION @extschema@.htx_reader_tables() IS
'the plan''s reference tables a BI reader role may read (htx_grant_reader grants SELECT on them), so that it can call the plan lookups: plans, targets, tolerances, rating schemes, agencies, aliases, successions, tasks, assignments; never the warehouse or territory tables';

CREATE FUNCTION @extschema@.htx_reader_functions()
RETURNS SETOF pg_catalog.regprocedure
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT p.oid::regprocedure
	FROM pg_extension e
	JOIN pg_depend d ON d.refclassid = 'pg_extension'::pg_catalog.regclass::pg_catalog.oid AND d.refobjid = e.oid
		AND d.deptype = 'e' AND d.classid = 'pg_proc'::pg_catalog.regclass::pg_catalog.oid
	JOIN pg_proc p ON p.oid = d.objid
	WHERE e.extname = 'htx'
	  AND p.proname IN ('htx_agency_resolve', 'htx_task_resolve', 'htx_role_resolve', 'htx_agency_key',
		'htx_name_similarity', 'htx_agency_on', 'htx_task_agencies', 'htx_task_agency_codes',
		'htx_lead_agencies', 'htx_supporting_agencies', 'htx_agency_tasks', 'htx_task_search',
		'htx_check_targets', 'htx_evaluate', 'htx_target_measured', 'htx_target_met', 'htx_rating_from_score',
		-- htx_is_rated: 1.0's htx_data_quality called it, so a reader set up
		-- under 1.0 holds EXECUTE on it; 1.1's view calls htx_year_row_checks
		'htx_is_rated',
		'htx_fold', 'htx_name_max_length', 'htx_name_check', 'htx_excerpt')
	ORDER BY p.oid::regprocedure::text
$fn$;
COMMENT ON FUNCTION @extschema@.htx_reader_functions() IS
'the plan lookups a BI reader role may call (htx_grant_reader grants EXECUTE on them): resolvers, who leads or supports a task, what an agency does, the task search, htx_check_targets and htx_evaluate (which makes its input), htx_rating_from_score and htx_is_rated';

-- ---------------------------------------------------------------------------
-- Searching the plan
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.htx_search_key(value pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.concat(' ', pg_catalog.btrim(pg_catalog.regexp_replace(@extschema@.htx_fold(value), '[^a-z0-9]+', ' ', 'g')), ' ');
COMMENT ON FUNCTION @extschema@.htx_search_key(pg_catalog.text) IS
'text as htx_task_search compares it: htx_fold (case, diacritics, NFC/NFD), every run of other characters than letters and digits one space, a space at each end so that whole words are found with position()';

CREATE FUNCTION @extschema@.htx_task_search(query pg_catalog.text, as_of pg_catalog.date DEFAULT CURRENT_DATE)
RETURNS TABLE (task_code pg_catalog.text, title_vi pg_catalog.text, title_en pg_catalog.text, clause pg_catalog.text,
	matched_in pg_catalog.text[], lead_agencies pg_catalog.text[], supporting_agencies pg_catalog.text[],
	lead_names pg_catalog.text, supporting_names pg_catalog.text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	-- first of all: a text too long raises 22001 before any work on it
	q text := htx_name_check(query, 'search text');
	k text := htx_search_key(q);
BEGIN
	IF query IS NULL THEN
		RETURN;
	END IF;
	IF k OPERATOR(pg_catalog.=) '  ' THEN
		RAISE EXCEPTION 'search text "%" has no letter or digit', htx_excerpt(query)
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Search for words of the plan, e.g. htx_task_search(''mô hình'').';
	END IF;
	RETURN QUERY
	WITH hit AS (
		SELECT t.task_code, t.title_vi, t.title_en, t.clause, t.sort_order,
			pg_catalog.array_remove(ARRAY[
				CASE WHEN pg_catalog.strpos(htx_search_key(t.title_vi), k) OPERATOR(pg_catalog.>) 0 THEN 'title_vi' END,
				CASE WHEN pg_catalog.strpos(htx_search_key(t.title_en), k) OPERATOR(pg_catalog.>) 0 THEN 'title_en' END,
				CASE WHEN pg_catalog.strpos(htx_search_key(t.body_vi), k) OPERATOR(pg_catalog.>) 0 THEN 'body_vi' END]::pg_catalog.text[], NULL::pg_catalog.text) AS matched_in
		FROM htx_task t
	), found AS (
		SELECT h.*, htx_lead_agencies(h.task_code, as_of) AS leads,
			htx_supporting_agencies(h.task_code, as_of) AS supports
		FROM hit h WHERE h.matched_in OPERATOR(pg_catalog.<>) '{}'::pg_catalog.text[]
	)
	SELECT f.task_code, f.title_vi, f.title_en, f.clause, f.matched_in, f.leads, f.supports,
		(SELECT pg_catalog.string_agg(a.name_vi, '; ' ORDER BY l.n) FROM pg_catalog.unnest(f.leads) WITH ORDINALITY AS l(code, n)
		 JOIN htx_agency a ON a.agency_code OPERATOR(pg_catalog.=) l.code),
		(SELECT pg_catalog.string_agg(a.name_vi, '; ' ORDER BY l.n) FROM pg_catalog.unnest(f.supports) WITH ORDINALITY AS l(code, n)
		 JOIN htx_agency a ON a.agency_code OPERATOR(pg_catalog.=) l.code)
	FROM found f
	ORDER BY f.sort_order NULLS LAST, f.task_code;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_task_search(pg_catalog.text, pg_catalog.date) IS
'tasks of the plan whose Vietnamese title, English title or body contains the words searched for, in that order, as whole words, in any case and with or without diacritics (''mo hinh'' finds "mô hình"); each with where it matched, and its lead and supporting agencies (codes and names) on as_of (default today: successors replace agencies that no longer exist; NULL: as the plan lists them); in the order of the plan; a text longer than htx_name_max_length() characters raises 22001, one without letters or digits 22023';
