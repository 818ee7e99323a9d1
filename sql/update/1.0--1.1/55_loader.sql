-- ---------------------------------------------------------------------------
-- A loader that lists every bad row (issue 12)
-- ---------------------------------------------------------------------------
--
-- COPY stops at the first bad line, and a file saved by Excel as "CSV UTF-8"
-- starts with a byte-order mark that COPY keeps as an invisible character
-- of the first column name (HEADER match then refuses the file).  The loader
-- works in three steps, in one psql session:
--
--   SELECT htx_load_stage('htx_cooperative');          -- a TEMP view to \copy into
--   \copy htx_load_cooperative FROM 'coops.csv' CSV    -- every line, header too, as text
--   SELECT * FROM htx_load_check();                    -- every bad cell and row
--   SELECT * FROM htx_load_commit();                   -- all or nothing
--   SELECT * FROM htx_load_commit(clean_only => true); -- or only the clean rows
--
-- Staging: htx_load_stage(target) creates TEMP objects of the session: the
-- view pg_temp.htx_load_<table without htx_> with one text column per column
-- of the table, and an INSTEAD OF INSERT trigger that appends each line, as
-- an array of its fields, to pg_temp.htx_load_rows in the order COPY reads
-- them (a sequence numbers them: a table's physical order is no contract).
-- COPY parses the CSV (quotes, commas and newlines in quoted fields, CRLF
-- line ends); the header line is staged as data, and the check maps the
-- file's columns by their names, with the byte-order mark and spaces stripped
-- and case ignored, so columns may come in any order.
--
-- The check reads the warehouse table's columns, types and constraints from
-- the catalog when it runs: a column the DBA adds is loaded and checked like
-- the others, with no change here.  For each staged table, in load order
-- (cooperatives before their years), it reports, as (file, line, column,
-- value, reason, sqlstate):
--   * the header: unknown (42703) or repeated (42701) column names, required
--     columns missing (23502);
--   * names resolved as htx resolves them: a sector by htx_sector_resolve
--     (unknown: 23503), a district by htx_area_resolve on 2025-06-30, the last
--     day of the district level (its error and SQLSTATE: P0002 unknown, P0003
--     ambiguous, 22023 too long), a yearly row's commune (code or name) by
--     htx_commune_resolve on the row's reporting date, 31 December of its
--     year (a commune-level unit then; the same SQLSTATEs), an empty commune
--     staying NULL; the reason carries the resolver's candidates or dates;
--     ratings by htx_rating's input function;
--   * values that are not valid input for their column's type, domain checks
--     included (htx_input_error, with the type's own SQLSTATE, 22P02 ...);
--   * NOT NULL (23502), each CHECK constraint evaluated on the typed values
--     (23514), duplicate keys within the file and against the table (23505),
--     and foreign keys (23503); a year of a cooperative that is neither in
--     the warehouse nor in the staged cooperatives is reported, and so is a
--     year whose cooperative's line has errors (it could not load).
-- Every step is one query over the staged rows (names: one resolver call per
-- distinct name, or commune and year), so the cost grows linearly with the
-- file.  Values in the report are quoted to 64 characters (htx_excerpt),
-- reasons to 200.  The loader has errors only, no warnings: a commune
-- outside the cooperative's registered district is loaded as given.
-- htx_load_commit() runs the same check, then inserts every staged row, or
-- raises 22000 and inserts nothing when any row is bad, or inserts only the
-- rows without errors (clean_only), all in the caller's transaction.

CREATE FUNCTION @extschema@.htx_input_error(value pg_catalog.text, type pg_catalog.regtype, typmod pg_catalog.int4 DEFAULT -1,
	OUT sqlstate pg_catalog.text, OUT message pg_catalog.text)
RETURNS record
AS 'MODULE_PATHNAME', 'htx_input_error'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.htx_input_error(pg_catalog.text, pg_catalog.regtype, pg_catalog.int4) IS
'why a text is not valid input for a type (with a typmod, as for a column): the SQLSTATE and message its input function raises (domain checks included), or two NULLs when it is valid or NULL; catches only data errors (classes 22 and 23); PostgreSQL 15''s pg_input_error_info';

-- A commune named in a yearly row, on the row's reporting date ------------------
-- htx_area_resolve answers a unit of any level; a yearly row's commune_code
-- must be a commune-level unit (xã, phường, thị trấn) valid on 31 December
-- of its year.  This restricts it: a unique match of another level is
-- refused, and an ambiguous name is narrowed to its commune-level
-- candidates (htx_area_matches: the resolver's own matching), so "Tân Thịnh"
-- in a 2024 row is ambiguous between the phường and the xã, "Đại Từ" in a
-- 2024 row is the district (refused) and in a 2025 row the new xã.  A code is
-- checked with htx_commune_check.
CREATE FUNCTION @extschema@.htx_commune_resolve(name pg_catalog.text, as_of pg_catalog.date)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	max_len constant int := 200;
	f text;
	cands text[];
	communes text[];
	listing text;
	padded text;
	only_hint constant text := 'Give the xã, phường or thị trấn (old units until 2025-06-30, new ones from 2025-07-01), or leave the commune empty: the row is then located by its cooperative''s district.';
BEGIN
	IF length(name) > max_len THEN
		RAISE EXCEPTION 'unit name is too long (% characters)', length(name)
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('A unit''s name has at most %s characters here.', max_len);
	END IF;
	f := htx_area_fold(name);

	-- a code: a commune's on that date, else what it is
	IF f ~ '^[0-9]+$' THEN
		IF f ~ '^[0-9]{5}$' THEN
			PERFORM htx_commune_check(f, as_of);
			RETURN f;
		END IF;
		SELECT string_agg(format('%s %s (a %s)', a.area_code, a.full_name, a.level), ', ' ORDER BY a.area_code) INTO listing
		FROM htx_area a
		WHERE a.area_code = f AND as_of BETWEEN a.valid_from AND COALESCE(a.valid_to, 'infinity');
		IF listing IS NOT NULL THEN
			RAISE EXCEPTION 'no commune-level unit "%" on %, only %', name, as_of, listing
				USING ERRCODE = 'no_data_found', HINT = only_hint;
		END IF;
		IF length(f) < 5 THEN
			SELECT format('%s is %s on that date: did a spreadsheet drop its leading zero?', a.area_code, a.full_name) INTO padded
			FROM htx_area a
			WHERE a.level = 'commune' AND a.area_code = lpad(f, 5, '0')
			  AND as_of BETWEEN a.valid_from AND COALESCE(a.valid_to, 'infinity');
		END IF;
		RAISE EXCEPTION 'no commune has code "%" on %', htx_excerpt(f), as_of
			USING ERRCODE = 'no_data_found',
				  DETAIL = concat_ws(' ', 'A commune''s code has five digits.', padded);
	END IF;

	-- a name: what the resolver would take it for, kept to the commune level
	cands := htx_area_matches(name, as_of);
	IF cardinality(cands) = 0 THEN
		PERFORM htx_area_resolve(name, as_of);	-- raises its unknown-unit error (P0002)
	END IF;
	communes := ARRAY(SELECT DISTINCT c.commune_code FROM htx_commune c
		WHERE c.commune_code = ANY (cands) AND as_of BETWEEN c.valid_from AND COALESCE(c.valid_to, 'infinity')
		ORDER BY 1);
	IF cardinality(communes) = 1 THEN
		RETURN communes[1];
	ELSIF cardinality(communes) > 1 THEN
		SELECT string_agg(format('%s %s', a.area_code, a.full_name), ', ' ORDER BY a.area_code) INTO listing
		FROM htx_area a
		WHERE a.level = 'commune' AND a.area_code = ANY (communes) AND as_of BETWEEN a.valid_from AND COALESCE(a.valid_to, 'infinity');
		RAISE EXCEPTION 'commune name "%" is ambiguous on %', name, as_of
			USING ERRCODE = 'too_many_rows',
				  DETAIL = format('It matches %s commune-level units valid on that date.', cardinality(communes)),
				  HINT = format('Candidates: %s. Add the kind (xã, phường, thị trấn) or give the code.', listing);
	END IF;
	SELECT string_agg(format('%s %s (a %s)', a.area_code, a.full_name, a.level), ', ' ORDER BY length(a.area_code), a.area_code) INTO listing
	FROM htx_area a
	WHERE a.area_code = ANY (cands) AND as_of BETWEEN a.valid_from AND COALESCE(a.valid_to, 'infinity');
	RAISE EXCEPTION 'no commune-level unit "%" on %, only %', name, as_of, listing
		USING ERRCODE = 'no_data_found', HINT = only_hint;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_commune_resolve(pg_catalog.text, pg_catalog.date) IS
'the code of the commune-level unit (xã, phường, thị trấn) a name or code means on a date, as the loader reads htx_cooperative_year.commune_code on the row''s reporting date (31 December of its year): a name as htx_area_resolve reads it (diacritics or not, NFC or NFD, with or without its kind), kept to the commune level (an ambiguous name narrowed to its communes; a district or province raises P0002 naming it), or a five-digit code valid on that date (htx_commune_check: P0002 naming the code''s units and dates); unknown P0002, ambiguous P0003 with the candidates, over 200 characters 22023';

CREATE FUNCTION @extschema@.htx_load_targets()
RETURNS TABLE (target pg_catalog.regclass, load_order pg_catalog.int4)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT c.oid::pg_catalog.regclass, x.ord::pg_catalog.int4
	FROM pg_catalog.pg_extension e
	CROSS JOIN pg_catalog.unnest('{htx_cooperative,htx_cooperative_year}'::pg_catalog.name[]) WITH ORDINALITY AS x(relname, ord)
	JOIN pg_catalog.pg_class c ON c.relnamespace OPERATOR(pg_catalog.=) e.extnamespace
		AND c.relname OPERATOR(pg_catalog.=) x.relname AND c.relkind OPERATOR(pg_catalog.=) ANY ('{r,p}'::pg_catalog."char"[])
	WHERE e.extname OPERATOR(pg_catalog.=) 'htx'
	ORDER BY x.ord
$fn$;
COMMENT ON FUNCTION @extschema@.htx_load_targets() IS
'the tables the loader loads, in load order: the warehouse''s htx_cooperative and htx_cooperative_year in the extension''s schema, those that exist';

CREATE FUNCTION @extschema@.htx_load_columns(target pg_catalog.regclass)
RETURNS TABLE (attnum pg_catalog.int2, column_name pg_catalog.name, type pg_catalog.regtype, typmod pg_catalog.int4,
	type_sql pg_catalog.text, not_null pg_catalog.bool, has_default pg_catalog.bool)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT a.attnum, a.attname, a.atttypid::pg_catalog.regtype, a.atttypmod,
		pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef
	FROM pg_catalog.pg_attribute a
	WHERE a.attrelid OPERATOR(pg_catalog.=) target AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
	  AND a.attgenerated OPERATOR(pg_catalog.=) '' AND a.attidentity OPERATOR(pg_catalog.<>) 'a'
	ORDER BY a.attnum
$fn$;
COMMENT ON FUNCTION @extschema@.htx_load_columns(pg_catalog.regclass) IS
'the columns a load fills, read from the catalog when it runs (so a column the DBA adds is loaded too): every column but generated and GENERATED ALWAYS identity ones, in table order, with type, typmod, NOT NULL and whether it has a default';

CREATE FUNCTION @extschema@.htx_load_stage_row()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	INSERT INTO pg_temp.htx_load_rows (target, record, fields)
	VALUES (TG_ARGV[0]::pg_catalog.oid::pg_catalog.regclass, pg_catalog.nextval('pg_temp.htx_load_record'),
		ARRAY(SELECT j.value FROM pg_catalog.json_each_text(pg_catalog.row_to_json(NEW)) WITH ORDINALITY AS j(key, value, n) ORDER BY j.n));
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_load_stage_row() IS
'INSTEAD OF INSERT trigger of a staging view of htx_load_stage: appends the line, as the array of its fields, to pg_temp.htx_load_rows, numbered in the order COPY reads the file';

CREATE FUNCTION @extschema@.htx_load_stage(target pg_catalog.regclass)
RETURNS pg_catalog.regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
	s name;
	v name;
	cols text;
BEGIN
	IF target IS NULL OR NOT EXISTS (SELECT 1 FROM htx_load_targets() t WHERE t.target OPERATOR(pg_catalog.=) htx_load_stage.target) THEN
		RAISE EXCEPTION 'htx loads htx_cooperative and htx_cooperative_year, not %', COALESCE(target::text, 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Create the warehouse first with SELECT * FROM htx_create_warehouse();';
	END IF;
	SELECT n.nspname INTO s FROM pg_extension e JOIN pg_namespace n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace
	WHERE e.extname OPERATOR(pg_catalog.=) 'htx';
	v := 'htx_load_' OPERATOR(pg_catalog.||) pg_catalog.substr((SELECT c.relname FROM pg_class c WHERE c.oid OPERATOR(pg_catalog.=) target), 5);
	CREATE TEMP TABLE IF NOT EXISTS htx_load_rows (target pg_catalog.regclass NOT NULL, record pg_catalog.int8 NOT NULL, fields pg_catalog.text[] NOT NULL);
	CREATE TEMP SEQUENCE IF NOT EXISTS htx_load_record;
	DELETE FROM pg_temp.htx_load_rows r WHERE r.target OPERATOR(pg_catalog.=) htx_load_stage.target;
	SELECT pg_catalog.string_agg(pg_catalog.format('NULL::pg_catalog.text AS %I', c.column_name), ', ' ORDER BY c.attnum) INTO cols
	FROM htx_load_columns(target) c;
	EXECUTE pg_catalog.format('DROP VIEW IF EXISTS pg_temp.%I', v);
	EXECUTE pg_catalog.format('CREATE TEMP VIEW %I AS SELECT %s WHERE false', v, cols);
	EXECUTE pg_catalog.format('CREATE TRIGGER htx_load_stage INSTEAD OF INSERT ON pg_temp.%I FOR EACH ROW EXECUTE FUNCTION %I.htx_load_stage_row(%L)',
		v, s, target::pg_catalog.oid::pg_catalog.text);
	EXECUTE pg_catalog.format('COMMENT ON VIEW pg_temp.%I IS %L', v,
		pg_catalog.format('staging for %s (htx_load_stage): \copy the CSV file into it with its header line, then SELECT * FROM htx_load_check()', target));
	RETURN pg_catalog.format('pg_temp.%I', v)::pg_catalog.regclass;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_load_stage(pg_catalog.regclass) IS
'starts the load of a CSV file into htx_cooperative or htx_cooperative_year: creates (again, empty) the session''s TEMP view htx_load_cooperative or htx_load_cooperative_year, one text column per column of the table, and returns it; \copy the file into it with FORMAT csv and no HEADER option (the header line is staged and checked too, byte-order mark or not); then htx_load_check() and htx_load_commit()';

-- The check, into pg_temp.htx_load_errors; htx_load_check and
-- htx_load_commit call it.  The work tables: pg_temp.htx_load_raw_<oid>
-- (the file's values as text, names resolved) and pg_temp.htx_load_typed_<oid>
-- (the values as their column's type; NULL where a cell is bad); the column
-- htx_load_bad lists the row's bad cells, so that a rule over a bad cell is
-- not reported a second time.
CREATE FUNCTION @extschema@.htx_load_validate()
RETURNS pg_catalog.void
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
	t regclass;
	hdr_record int8;
	hdr text[];
	h text;
	k int;
	pos_col name[];                 -- the column each field position holds (NULL: none)
	mapped name[];                  -- the columns the file has
	raw_t text;
	typed_t text;
	c record;
	con record;
	m record;
	sel text;
	keys text;
	keyvals text;
	cond text;
	fk_ref regclass;
	ref_typed text;
	res text;
	err_state text;
	err_msg text;
	err_detail text;
	err_hint text;
	year_expr text;
	name_as_of date;
	usable bool;
	as_of constant date := date '2025-06-30';
BEGIN
	CREATE TEMP TABLE IF NOT EXISTS htx_load_rows (target pg_catalog.regclass NOT NULL, record pg_catalog.int8 NOT NULL, fields pg_catalog.text[] NOT NULL);
	DROP TABLE IF EXISTS pg_temp.htx_load_errors;
	CREATE TEMP TABLE htx_load_errors (target pg_catalog.regclass, record pg_catalog.int8, line pg_catalog.int8,
		column_name pg_catalog.text, column_order pg_catalog.int4, value pg_catalog.text, reason pg_catalog.text,
		sqlstate pg_catalog.text, kind pg_catalog.text);
	DROP TABLE IF EXISTS pg_temp.htx_load_usable;
	CREATE TEMP TABLE htx_load_usable (target pg_catalog.regclass, typed pg_catalog.text, columns pg_catalog.name[]);

	FOR t IN SELECT x.target FROM htx_load_targets() x ORDER BY x.load_order LOOP
		SELECT r.record, r.fields INTO hdr_record, hdr FROM pg_temp.htx_load_rows r
		WHERE r.target OPERATOR(pg_catalog.=) t ORDER BY r.record LIMIT 1;
		CONTINUE WHEN NOT FOUND;       -- nothing staged for this table

		-- the header: names to columns
		pos_col := '{}'; mapped := '{}'; usable := true;
		FOR k IN 1 .. COALESCE(pg_catalog.cardinality(hdr), 0) LOOP
			h := hdr[k];
			IF k OPERATOR(pg_catalog.=) 1 THEN
				h := pg_catalog.ltrim(h, pg_catalog.chr(65279));   -- Excel's UTF-8 byte-order mark
			END IF;
			h := pg_catalog.lower(pg_catalog.btrim(h));
			IF h IS NULL OR h OPERATOR(pg_catalog.=) '' THEN
				pos_col := pos_col OPERATOR(pg_catalog.||) NULL::name;
				IF EXISTS (SELECT 1 FROM pg_temp.htx_load_rows r WHERE r.target OPERATOR(pg_catalog.=) t
						AND r.record OPERATOR(pg_catalog.>) hdr_record AND r.fields[k] IS NOT NULL) THEN
					INSERT INTO pg_temp.htx_load_errors VALUES (t, hdr_record, 1, pg_catalog.format('#%s', k), k, NULL,
						pg_catalog.format('field %s has values but no column name in the header', k), '42703', 'header');
					usable := false;
				END IF;
			ELSIF NOT EXISTS (SELECT 1 FROM htx_load_columns(t) lc WHERE lc.column_name OPERATOR(pg_catalog.=) h::name) THEN
				pos_col := pos_col OPERATOR(pg_catalog.||) NULL::name;
				INSERT INTO pg_temp.htx_load_errors VALUES (t, hdr_record, 1, htx_excerpt(hdr[k]), k, htx_excerpt(hdr[k]),
					pg_catalog.format('%s has no column "%s"', t, htx_excerpt(h)), '42703', 'header');
				usable := false;
			ELSIF h::name OPERATOR(pg_catalog.=) ANY (mapped) THEN
				pos_col := pos_col OPERATOR(pg_catalog.||) NULL::name;
				INSERT INTO pg_temp.htx_load_errors VALUES (t, hdr_record, 1, h, k, hdr[k],
					pg_catalog.format('column "%s" appears twice in the header', h), '42701', 'header');
				usable := false;
			ELSE
				pos_col := pos_col OPERATOR(pg_catalog.||) h::name;
				mapped := mapped OPERATOR(pg_catalog.||) h::name;
			END IF;
		END LOOP;
		INSERT INTO pg_temp.htx_load_errors
		SELECT t, hdr_record, 1, lc.column_name, 1000 OPERATOR(pg_catalog.+) lc.attnum, NULL,
			pg_catalog.format('the header has no column "%s", which is required (NOT NULL, no default)', lc.column_name), '23502', 'header'
		FROM htx_load_columns(t) lc
		WHERE lc.not_null AND NOT lc.has_default AND NOT (lc.column_name OPERATOR(pg_catalog.=) ANY (mapped))
		ORDER BY lc.attnum;
		IF FOUND THEN
			usable := false;
		END IF;
		CONTINUE WHEN NOT usable;

		-- the raw values by column name, with each line's number in the file:
		-- the line its record starts on (a quoted field may hold line breaks)
		raw_t := pg_catalog.format('htx_load_raw_%s', t::oid);
		typed_t := pg_catalog.format('htx_load_typed_%s', t::oid);
		SELECT pg_catalog.string_agg(pg_catalog.format('x.fields[%s] AS %I', p.k, p.col), ', ' ORDER BY p.k) INTO sel
		FROM pg_catalog.unnest(pos_col) WITH ORDINALITY AS p(col, k) WHERE p.col IS NOT NULL;
		EXECUTE pg_catalog.format('DROP TABLE IF EXISTS pg_temp.%I', raw_t);
		EXECUTE pg_catalog.format($q$
			CREATE TEMP TABLE %I AS
			SELECT x.record AS htx_load_record, x.line AS htx_load_line, '{}'::pg_catalog.name[] AS htx_load_bad, %s
			FROM (SELECT y.record, y.fields,
					1 OPERATOR(pg_catalog.+) COALESCE(pg_catalog.sum(y.breaks OPERATOR(pg_catalog.+) 1) OVER (ORDER BY y.record
						ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::pg_catalog.int8 AS line
				FROM (SELECT r.record, r.fields,
						pg_catalog.regexp_count(COALESCE(pg_catalog.array_to_string(r.fields, ''), ''), '\r\n|\r|\n') AS breaks
					FROM pg_temp.htx_load_rows r WHERE r.target OPERATOR(pg_catalog.=) $1) AS y) AS x
			WHERE x.record OPERATOR(pg_catalog.>) $2$q$, raw_t, sel) USING t, hdr_record;

		-- names, as htx resolves them: each distinct value once (a commune:
		-- each distinct value and year, as it is read on the year's 31 December)
		FOR c IN
			SELECT lc.column_name, lc.attnum,
				CASE WHEN co.confrelid OPERATOR(pg_catalog.=) 'htx_sector'::regclass THEN 'sector' ELSE 'district' END AS kind
			FROM htx_load_columns(t) lc
			JOIN pg_constraint co ON co.conrelid OPERATOR(pg_catalog.=) t AND co.contype OPERATOR(pg_catalog.=) 'f'
				AND co.conkey OPERATOR(pg_catalog.=) ARRAY[lc.attnum]
				AND co.confrelid OPERATOR(pg_catalog.=) ANY (ARRAY['htx_sector'::regclass, 'htx_district'::regclass])
			WHERE lc.column_name OPERATOR(pg_catalog.=) ANY (mapped)
			UNION ALL
			-- htx_cooperative_year.commune_code, which has no foreign key (a
			-- unit is a code on a date): read on the row's reporting date
			SELECT lc.column_name, lc.attnum, 'commune'
			FROM htx_load_columns(t) lc
			WHERE t OPERATOR(pg_catalog.=) (SELECT x.target FROM htx_load_targets() x WHERE x.load_order OPERATOR(pg_catalog.=) 2)
			  AND lc.column_name OPERATOR(pg_catalog.=) 'commune_code' AND lc.column_name OPERATOR(pg_catalog.=) ANY (mapped)
			  AND 'year'::name OPERATOR(pg_catalog.=) ANY (mapped)
			ORDER BY 2
		LOOP
			year_expr := CASE WHEN c.kind OPERATOR(pg_catalog.=) 'commune' THEN 'w.year' ELSE 'NULL::pg_catalog.text' END;
			IF c.kind OPERATOR(pg_catalog.=) 'commune' THEN
				-- an empty cell (spaces too) is no commune: the row is located by its district
				EXECUTE pg_catalog.format('UPDATE pg_temp.%I w SET %I = NULL WHERE pg_catalog.btrim(w.%I) OPERATOR(pg_catalog.=) %L',
					raw_t, c.column_name, c.column_name, '');
			END IF;
			DROP TABLE IF EXISTS pg_temp.htx_load_names;
			EXECUTE pg_catalog.format('CREATE TEMP TABLE htx_load_names AS SELECT DISTINCT w.%I AS raw, %s AS year_raw,
				NULL::pg_catalog.text AS resolved, NULL::pg_catalog.text AS reason, NULL::pg_catalog.text AS state,
				false AS unread FROM pg_temp.%I w WHERE w.%I IS NOT NULL',
				c.column_name, year_expr, raw_t, c.column_name);
			FOR m IN SELECT n.raw, n.year_raw FROM pg_temp.htx_load_names n LOOP
				res := NULL; err_state := NULL; err_msg := NULL; err_detail := NULL; err_hint := NULL; name_as_of := as_of;
				IF c.kind OPERATOR(pg_catalog.=) 'commune' THEN
					-- 31 December of the row's year; a year that is not one is
					-- reported by its own column, and the commune read once it is
					name_as_of := NULL;
					IF m.year_raw OPERATOR(pg_catalog.~) '^\s*\+?[0-9]{1,9}\s*$' THEN
						k := pg_catalog.btrim(m.year_raw)::int;
						IF k OPERATOR(pg_catalog.>=) 1 AND k OPERATOR(pg_catalog.<=) 9999 THEN
							name_as_of := pg_catalog.make_date(k, 12, 31);
						END IF;
					END IF;
				END IF;
				IF c.kind OPERATOR(pg_catalog.=) 'sector' THEN
					res := htx_sector_resolve(m.raw);
					IF res IS NULL THEN
						err_state := '23503';
						err_msg := pg_catalog.format('unknown cooperative sector "%s"', htx_excerpt(m.raw));
					END IF;
				ELSIF name_as_of IS NULL THEN
					NULL;
				ELSIF c.kind OPERATOR(pg_catalog.=) 'district'
				  AND EXISTS (SELECT 1 FROM htx_district d WHERE d.district_code OPERATOR(pg_catalog.=) m.raw) THEN
					res := m.raw;
				ELSE
					BEGIN
						IF c.kind OPERATOR(pg_catalog.=) 'commune' THEN
							res := htx_commune_resolve(m.raw, name_as_of);
						ELSE
							res := htx_area_resolve(m.raw, name_as_of);
						END IF;
					EXCEPTION WHEN data_exception OR no_data_found OR too_many_rows OR invalid_parameter_value THEN
						GET STACKED DIAGNOSTICS err_state = RETURNED_SQLSTATE, err_msg = MESSAGE_TEXT,
							err_detail = PG_EXCEPTION_DETAIL, err_hint = PG_EXCEPTION_HINT;
						-- the reason names what the resolver found: the candidates
						-- of an ambiguous name, the units of that name or code on
						-- other dates, or the closest names on that date
						IF err_hint OPERATOR(pg_catalog.~) '^Candidates: ' THEN
							err_msg := err_msg OPERATOR(pg_catalog.||) ': ' OPERATOR(pg_catalog.||)
								pg_catalog.regexp_replace(err_hint, '^Candidates: (.*?)\. Add the kind.*$', '\1');
						ELSIF err_detail OPERATOR(pg_catalog.~) '^(Units of that name on other dates|Code [0-9]+ was|A commune''s code)' THEN
							err_msg := err_msg OPERATOR(pg_catalog.||) '. ' OPERATOR(pg_catalog.||) err_detail;
						ELSIF err_hint OPERATOR(pg_catalog.~) '^Closest on that date: ' THEN
							err_msg := err_msg OPERATOR(pg_catalog.||) '. ' OPERATOR(pg_catalog.||) err_hint;
						END IF;
						IF pg_catalog.length(err_msg) OPERATOR(pg_catalog.>) 200 THEN
							err_msg := pg_catalog.left(err_msg, 200) OPERATOR(pg_catalog.||) '…';
						END IF;
					END;
				END IF;
				UPDATE pg_temp.htx_load_names n SET resolved = res, reason = err_msg, state = err_state,
					unread = c.kind OPERATOR(pg_catalog.=) 'commune' AND name_as_of IS NULL
				WHERE n.raw OPERATOR(pg_catalog.=) m.raw AND n.year_raw IS NOT DISTINCT FROM m.year_raw;
			END LOOP;
			EXECUTE pg_catalog.format($q$
				INSERT INTO pg_temp.htx_load_errors
				SELECT $1, w.htx_load_record, w.htx_load_line, %L, %s, htx_excerpt(w.%I), n.reason, n.state, 'name'
				FROM pg_temp.%I w JOIN pg_temp.htx_load_names n ON n.raw OPERATOR(pg_catalog.=) w.%I
					AND n.year_raw IS NOT DISTINCT FROM %s
				WHERE n.state IS NOT NULL$q$, c.column_name, c.attnum, c.column_name, raw_t, c.column_name, year_expr)
				USING t;
			EXECUTE pg_catalog.format($q$
				UPDATE pg_temp.%I w SET %I = CASE WHEN n.unread THEN NULL ELSE n.resolved END
				FROM pg_temp.htx_load_names n
				WHERE n.raw OPERATOR(pg_catalog.=) w.%I AND n.year_raw IS NOT DISTINCT FROM %s AND n.state IS NULL
				  AND (n.unread OR n.resolved OPERATOR(pg_catalog.<>) n.raw)$q$,
				raw_t, c.column_name, c.column_name, year_expr);
		END LOOP;

		-- types: every value is valid input for its column's type
		FOR c IN SELECT lc.* FROM htx_load_columns(t) lc
			WHERE lc.column_name OPERATOR(pg_catalog.=) ANY (mapped) AND lc.type OPERATOR(pg_catalog.<>) 'pg_catalog.text'::regtype
			ORDER BY lc.attnum
		LOOP
			EXECUTE pg_catalog.format($q$
				INSERT INTO pg_temp.htx_load_errors
				SELECT $1, w.htx_load_record, w.htx_load_line, %L, %s, htx_excerpt(w.%I),
					CASE WHEN pg_catalog.length(e.message) OPERATOR(pg_catalog.>) 200 THEN pg_catalog.left(e.message, 200) OPERATOR(pg_catalog.||) '…' ELSE e.message END,
					e.sqlstate, 'type'
				FROM pg_temp.%I w CROSS JOIN LATERAL htx_input_error(w.%I, $2, $3) e
				WHERE w.%I IS NOT NULL AND e.sqlstate IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM pg_temp.htx_load_errors x WHERE x.target OPERATOR(pg_catalog.=) $1
					AND x.record OPERATOR(pg_catalog.=) w.htx_load_record AND x.column_name OPERATOR(pg_catalog.=) %L)$q$,
				c.column_name, c.attnum, c.column_name, raw_t, c.column_name, c.column_name, c.column_name)
				USING t, c.type, c.typmod;
		END LOOP;
		EXECUTE pg_catalog.format($q$
			UPDATE pg_temp.%I w SET htx_load_bad = b.cols
			FROM (SELECT x.record, pg_catalog.array_agg(x.column_name::pg_catalog.name) AS cols FROM pg_temp.htx_load_errors x
				WHERE x.target OPERATOR(pg_catalog.=) $1 GROUP BY x.record) AS b
			WHERE b.record OPERATOR(pg_catalog.=) w.htx_load_record$q$, raw_t) USING t;

		-- the values as their types (NULL where bad; NULL for a column the
		-- file does not have)
		SELECT pg_catalog.string_agg(CASE WHEN lc.column_name OPERATOR(pg_catalog.=) ANY (mapped)
				THEN pg_catalog.format('CASE WHEN %L OPERATOR(pg_catalog.=) ANY (w.htx_load_bad) THEN NULL ELSE w.%I::%s END AS %I',
					lc.column_name, lc.column_name, lc.type_sql, lc.column_name)
				ELSE pg_catalog.format('NULL::%s AS %I', lc.type_sql, lc.column_name) END, ', ' ORDER BY lc.attnum) INTO sel
		FROM htx_load_columns(t) lc;
		EXECUTE pg_catalog.format('DROP TABLE IF EXISTS pg_temp.%I', typed_t);
		EXECUTE pg_catalog.format('CREATE TEMP TABLE %I AS SELECT w.htx_load_record, w.htx_load_line, w.htx_load_bad, %s FROM pg_temp.%I w',
			typed_t, sel, raw_t);
		INSERT INTO pg_temp.htx_load_usable VALUES (t, typed_t, mapped);

		-- NOT NULL
		FOR c IN SELECT lc.* FROM htx_load_columns(t) lc
			WHERE lc.not_null AND lc.column_name OPERATOR(pg_catalog.=) ANY (mapped) ORDER BY lc.attnum
		LOOP
			EXECUTE pg_catalog.format($q$
				INSERT INTO pg_temp.htx_load_errors
				SELECT $1, w.htx_load_record, w.htx_load_line, %L, %s, NULL, 'a value is required (NOT NULL)', '23502', 'not null'
				FROM pg_temp.%I w WHERE w.%I IS NULL AND NOT (%L OPERATOR(pg_catalog.=) ANY (w.htx_load_bad))$q$,
				c.column_name, c.attnum, typed_t, c.column_name, c.column_name) USING t;
		END LOOP;

		-- CHECK constraints, on the typed values; skipped for a row where one
		-- of the rule's columns is bad, and for a rule over a column the file
		-- lacks but that has a default (its value is known only on INSERT)
		FOR con IN
			SELECT co.conname, pg_catalog.pg_get_expr(co.conbin, co.conrelid) AS expr,
				pg_catalog.array_agg(a.attname ORDER BY a.attnum) AS cols, pg_catalog.min(a.attnum) AS first_col
			FROM pg_constraint co
			JOIN pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) co.conrelid AND a.attnum OPERATOR(pg_catalog.=) ANY (co.conkey)
			WHERE co.conrelid OPERATOR(pg_catalog.=) t AND co.contype OPERATOR(pg_catalog.=) 'c'
			GROUP BY co.oid, co.conname, co.conbin, co.conrelid
			HAVING NOT pg_catalog.bool_or(a.atthasdef AND NOT (a.attname OPERATOR(pg_catalog.=) ANY (mapped)))
			ORDER BY pg_catalog.min(a.attnum), co.conname
		LOOP
			SELECT pg_catalog.string_agg(pg_catalog.format('%L, w.%I::pg_catalog.text', col, col), ', ') INTO keyvals
			FROM pg_catalog.unnest(con.cols) AS col;
			EXECUTE pg_catalog.format($q$
				INSERT INTO pg_temp.htx_load_errors
				SELECT $1, w.htx_load_record, w.htx_load_line, %L, %s,
					htx_excerpt(%s), %L, '23514', 'check'
				FROM pg_temp.%I w
				WHERE NOT (w.htx_load_bad OPERATOR(pg_catalog.&&) $2) AND (%s) IS FALSE$q$,
				pg_catalog.array_to_string(con.cols, ','), con.first_col,
				CASE WHEN pg_catalog.cardinality(con.cols) OPERATOR(pg_catalog.=) 1
					THEN pg_catalog.format('w.%I::pg_catalog.text', con.cols[1])
					ELSE pg_catalog.format('pg_catalog.concat_ws(%L, %s)', ', ',
						(SELECT pg_catalog.string_agg(pg_catalog.format('pg_catalog.concat(%L, COALESCE(w.%I::pg_catalog.text, %L))', col OPERATOR(pg_catalog.||) '=', col, 'NULL'), ', ')
						 FROM pg_catalog.unnest(con.cols) AS col)) END,
				pg_catalog.format('violates check constraint "%s"', con.conname),
				typed_t, con.expr) USING t, con.cols;
		END LOOP;

		-- keys: duplicates within the file, then rows already in the table
		FOR con IN
			SELECT co.conname, pg_catalog.array_agg(a.attname ORDER BY x.n) AS cols, pg_catalog.min(a.attnum) AS first_col
			FROM pg_constraint co
			CROSS JOIN LATERAL pg_catalog.unnest(co.conkey) WITH ORDINALITY AS x(attnum, n)
			JOIN pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) co.conrelid AND a.attnum OPERATOR(pg_catalog.=) x.attnum
			WHERE co.conrelid OPERATOR(pg_catalog.=) t AND co.contype OPERATOR(pg_catalog.=) ANY ('{p,u}'::pg_catalog."char"[])
			GROUP BY co.oid, co.conname
			ORDER BY pg_catalog.min(a.attnum), co.conname
		LOOP
			SELECT pg_catalog.string_agg(pg_catalog.format('w.%I', col), ', '),
				pg_catalog.string_agg(pg_catalog.format('w.%I IS NOT NULL', col), ' AND '),
				pg_catalog.string_agg(pg_catalog.format('COALESCE(w.%I::pg_catalog.text, %L)', col, 'NULL'), ' OPERATOR(pg_catalog.||) '', '' OPERATOR(pg_catalog.||) ')
				INTO keys, cond, keyvals
			FROM pg_catalog.unnest(con.cols) AS col;
			EXECUTE pg_catalog.format($q$
				INSERT INTO pg_temp.htx_load_errors
				SELECT $1, d.htx_load_record, d.htx_load_line, %L, %s, htx_excerpt(d.v),
					pg_catalog.format('duplicate key (%s)=(%%s): line %%s has it too', d.v, d.first_line), '23505', 'duplicate'
				FROM (SELECT w.htx_load_record, w.htx_load_line, %s AS v,
						pg_catalog.first_value(w.htx_load_line) OVER k AS first_line, pg_catalog.row_number() OVER k AS n
					FROM pg_temp.%I w
					WHERE %s AND NOT (w.htx_load_bad OPERATOR(pg_catalog.&&) $2)
					WINDOW k AS (PARTITION BY %s ORDER BY w.htx_load_line)) AS d
				WHERE d.n OPERATOR(pg_catalog.>) 1$q$,
				pg_catalog.array_to_string(con.cols, ','), con.first_col, pg_catalog.array_to_string(con.cols, ', '),
				keyvals, typed_t, cond, keys) USING t, con.cols;
			EXECUTE pg_catalog.format($q$
				INSERT INTO pg_temp.htx_load_errors
				SELECT $1, w.htx_load_record, w.htx_load_line, %L, %s, htx_excerpt(%s),
					pg_catalog.format('key (%s)=(%%s) is already in %s', %s), '23505', 'exists'
				FROM pg_temp.%I w
				WHERE %s AND NOT (w.htx_load_bad OPERATOR(pg_catalog.&&) $2)
				  AND EXISTS (SELECT 1 FROM %s o WHERE (%s) = (%s))$q$,
				pg_catalog.array_to_string(con.cols, ','), con.first_col, keyvals,
				pg_catalog.array_to_string(con.cols, ', '), t, keyvals,
				typed_t, cond, t, keys,
				(SELECT pg_catalog.string_agg(pg_catalog.format('o.%I', col), ', ') FROM pg_catalog.unnest(con.cols) AS col))
				USING t, con.cols;
		END LOOP;

		-- foreign keys: the row referred to exists; a staged table referred
		-- to counts with its rows that have no error
		FOR con IN
			SELECT co.conname, co.confrelid::regclass AS ref,
				pg_catalog.array_agg(a.attname ORDER BY x.n) AS cols,
				pg_catalog.array_agg(ra.attname ORDER BY x.n) AS refcols, pg_catalog.min(a.attnum) AS first_col
			FROM pg_constraint co
			CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(co.conkey), pg_catalog.unnest(co.confkey)) WITH ORDINALITY AS x(attnum, refnum, n)
			JOIN pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) co.conrelid AND a.attnum OPERATOR(pg_catalog.=) x.attnum
			JOIN pg_attribute ra ON ra.attrelid OPERATOR(pg_catalog.=) co.confrelid AND ra.attnum OPERATOR(pg_catalog.=) x.refnum
			WHERE co.conrelid OPERATOR(pg_catalog.=) t AND co.contype OPERATOR(pg_catalog.=) 'f'
			GROUP BY co.oid, co.conname, co.confrelid
			ORDER BY pg_catalog.min(a.attnum), co.conname
		LOOP
			SELECT pg_catalog.string_agg(pg_catalog.format('w.%I', col), ', '),
				pg_catalog.string_agg(pg_catalog.format('w.%I IS NOT NULL', col), ' AND '),
				pg_catalog.string_agg(pg_catalog.format('COALESCE(w.%I::pg_catalog.text, %L)', col, 'NULL'), ' OPERATOR(pg_catalog.||) '', '' OPERATOR(pg_catalog.||) ')
				INTO keys, cond, keyvals
			FROM pg_catalog.unnest(con.cols) AS col;
			sel := (SELECT pg_catalog.string_agg(pg_catalog.format('o.%I', col), ', ') FROM pg_catalog.unnest(con.refcols) AS col);
			SELECT u.typed INTO ref_typed FROM pg_temp.htx_load_usable u WHERE u.target OPERATOR(pg_catalog.=) con.ref;
			IF ref_typed IS NULL THEN
				EXECUTE pg_catalog.format($q$
					INSERT INTO pg_temp.htx_load_errors
					SELECT $1, w.htx_load_record, w.htx_load_line, %L, %s, htx_excerpt(%s),
						pg_catalog.format('(%s)=(%%s) is not in %s (foreign key %s)', %s), '23503', 'reference'
					FROM pg_temp.%I w
					WHERE %s AND NOT (w.htx_load_bad OPERATOR(pg_catalog.&&) $2)
					  AND NOT EXISTS (SELECT 1 FROM %s o WHERE (%s) = (%s))$q$,
					pg_catalog.array_to_string(con.cols, ','), con.first_col, keyvals,
					pg_catalog.array_to_string(con.cols, ', '), con.ref, con.conname, keyvals,
					typed_t, cond, con.ref, keys, sel) USING t, con.cols;
			ELSE
				EXECUTE pg_catalog.format($q$
					INSERT INTO pg_temp.htx_load_errors
					SELECT $1, w.htx_load_record, w.htx_load_line, %L, %s, htx_excerpt(%s),
						CASE WHEN bad.line IS NULL
							THEN pg_catalog.format('(%s)=(%%s) is neither in %s nor among its staged rows (foreign key %s)', %s)
							ELSE pg_catalog.format('(%s)=(%%s) is staged on line %%s of the %s file, which has errors', %s, bad.line) END,
						'23503', CASE WHEN bad.line IS NULL THEN 'reference' ELSE 'dependent' END
					FROM pg_temp.%I w
					LEFT JOIN LATERAL (SELECT pg_catalog.min(o.htx_load_line) AS line FROM pg_temp.%I o
						WHERE (%s) = (%s)
						  AND EXISTS (SELECT 1 FROM pg_temp.htx_load_errors x WHERE x.target OPERATOR(pg_catalog.=) $3
							AND x.record OPERATOR(pg_catalog.=) o.htx_load_record)) AS bad ON true
					WHERE %s AND NOT (w.htx_load_bad OPERATOR(pg_catalog.&&) $2)
					  AND NOT EXISTS (SELECT 1 FROM %s o WHERE (%s) = (%s))
					  AND NOT EXISTS (SELECT 1 FROM pg_temp.%I o WHERE (%s) = (%s)
						AND NOT EXISTS (SELECT 1 FROM pg_temp.htx_load_errors x WHERE x.target OPERATOR(pg_catalog.=) $3
							AND x.record OPERATOR(pg_catalog.=) o.htx_load_record))$q$,
					pg_catalog.array_to_string(con.cols, ','), con.first_col, keyvals,
					pg_catalog.array_to_string(con.cols, ', '), con.ref, con.conname, keyvals,
					pg_catalog.array_to_string(con.cols, ', '), con.ref, keyvals,
					typed_t, ref_typed, sel, keys,
					cond, con.ref, keys, sel, ref_typed, sel, keys) USING t, con.cols, con.ref;
			END IF;
		END LOOP;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_load_validate() IS
'the loader''s check: validates every row staged by htx_load_stage against the header, the resolvers, the column types, NOT NULL, CHECK, key and foreign-key rules of the warehouse tables as the catalog has them now, and writes each error to the session''s pg_temp.htx_load_errors; called by htx_load_check() and htx_load_commit()';

CREATE FUNCTION @extschema@.htx_load_check()
RETURNS TABLE (file pg_catalog.text, line pg_catalog.int8, column_name pg_catalog.text, value pg_catalog.text,
	reason pg_catalog.text, sqlstate pg_catalog.text)
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
BEGIN
	PERFORM htx_load_validate();
	RETURN QUERY
		SELECT pg_catalog.format('%s', e.target::regclass), e.line, e.column_name, e.value, e.reason, e.sqlstate
		FROM pg_temp.htx_load_errors e
		JOIN htx_load_targets() x ON x.target OPERATOR(pg_catalog.=) e.target
		ORDER BY x.load_order, e.line, e.column_order, e.reason;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_load_check() IS
'every bad row of the files staged with htx_load_stage, in one pass and without loading anything: one row per error with the table (file), the line of the file (1 is the header; a record with a quoted line break counts its lines), the column, the value (its first 64 characters), the reason and its SQLSTATE; no rows when the load is clean';

CREATE FUNCTION @extschema@.htx_load_commit(clean_only pg_catalog.bool DEFAULT false)
RETURNS TABLE (file pg_catalog.text, staged_rows pg_catalog.int8, loaded_rows pg_catalog.int8, rejected_rows pg_catalog.int8)
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	r record;
	errors int8;
	bad_rows int8;
	first_errors text;
	cols text;
BEGIN
	IF clean_only IS NULL THEN
		RAISE EXCEPTION 'clean_only must be true or false' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	PERFORM htx_load_validate();
	SELECT pg_catalog.count(*) INTO errors FROM pg_temp.htx_load_errors;
	IF errors OPERATOR(pg_catalog.>) 0 AND NOT clean_only THEN
		SELECT pg_catalog.count(DISTINCT (e.target, e.record)) INTO bad_rows FROM pg_temp.htx_load_errors e;
		SELECT pg_catalog.string_agg(pg_catalog.format('%s line %s, %s: %s', c.file, c.line, c.column_name, c.reason), '; ') INTO first_errors
		FROM (SELECT * FROM pg_temp.htx_load_errors e2
			CROSS JOIN LATERAL (SELECT e2.target::pg_catalog.text AS file) f
			JOIN htx_load_targets() x ON x.target OPERATOR(pg_catalog.=) e2.target
			ORDER BY x.load_order, e2.line, e2.column_order LIMIT 3) AS c;
		RAISE EXCEPTION 'the staged files have % bad rows (% errors); nothing was loaded', bad_rows, errors
			USING ERRCODE = 'data_exception',
				  DETAIL = pg_catalog.format('First: %s.', first_errors),
				  HINT = 'SELECT * FROM htx_load_check() lists every error; fix the file and stage it again, or load only the clean rows with htx_load_commit(clean_only => true).';
	END IF;

	FOR r IN
		SELECT x.target, x.load_order, u.typed, u.columns
		FROM htx_load_targets() x
		LEFT JOIN pg_temp.htx_load_usable u ON u.target OPERATOR(pg_catalog.=) x.target
		WHERE EXISTS (SELECT 1 FROM pg_temp.htx_load_rows s WHERE s.target OPERATOR(pg_catalog.=) x.target)
		ORDER BY x.load_order
	LOOP
		file := r.target::pg_catalog.text;
		SELECT pg_catalog.count(*) OPERATOR(pg_catalog.-) 1 INTO staged_rows FROM pg_temp.htx_load_rows s WHERE s.target OPERATOR(pg_catalog.=) r.target;
		loaded_rows := 0;
		IF r.typed IS NOT NULL THEN
			SELECT pg_catalog.string_agg(pg_catalog.format('%I', col), ', ') INTO cols FROM pg_catalog.unnest(r.columns) AS col;
			EXECUTE pg_catalog.format($q$
				INSERT INTO %s (%s)
				SELECT %s FROM pg_temp.%I w
				WHERE NOT EXISTS (SELECT 1 FROM pg_temp.htx_load_errors x WHERE x.target OPERATOR(pg_catalog.=) $1
					AND x.record OPERATOR(pg_catalog.=) w.htx_load_record)
				ORDER BY w.htx_load_line$q$, r.target, cols, cols, r.typed) USING r.target;
			GET DIAGNOSTICS loaded_rows = ROW_COUNT;
		END IF;
		rejected_rows := staged_rows OPERATOR(pg_catalog.-) loaded_rows;
		DELETE FROM pg_temp.htx_load_rows s WHERE s.target OPERATOR(pg_catalog.=) r.target;
		RETURN NEXT;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_load_commit(pg_catalog.bool) IS
'loads the files staged with htx_load_stage into the warehouse, cooperatives first, in the caller''s transaction, after the check of htx_load_check(): when any row is bad it raises 22000 and loads nothing, unless clean_only, when it loads exactly the rows without errors; returns per table the staged, loaded and rejected rows, and empties the staging';
