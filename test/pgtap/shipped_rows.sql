-- Rows shipped with htx (builtin = true) are not dumped: every edit of one is
-- refused with a hint that names the way that survives (a row of one's own),
-- while a province's own rows stay free to insert, update and delete.
BEGIN;
SET LOCAL client_min_messages = warning;  -- TRUNCATE ... CASCADE lists its tables
SELECT plan(209);

-- sqlstate | message | detail | hint of what q raises (with $1 = a), or 'no error'
CREATE FUNCTION pg_temp.err(q text, a anyelement) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE st text; m text; d text; h text;
BEGIN
	EXECUTE q USING a;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN st || ' | ' || m || ' | ' || coalesce(d, '') || ' | ' || coalesce(h, '');
END $$;
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE sql AS $$ SELECT pg_temp.err(q, NULL::int) $$;

-- Everything a province may and may not do with one table.  own: what makes
-- a copy of a shipped row a row of one's own (new key); col: a text column
-- to change; hint: how the table's hint begins; key: the key columns.
CREATE FUNCTION pg_temp.check_table(t regclass, own jsonb, col text, hint text, key text)
RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	shipped jsonb;
	shipped_ctid tid;
	n_builtin bigint;
	own_row jsonb;
	r text;
	name text := t::text;
BEGIN
	EXECUTE format('SELECT to_jsonb(x), ctid FROM %s x WHERE builtin ORDER BY x::text LIMIT 1', t) INTO shipped, shipped_ctid;
	EXECUTE format('SELECT count(*) FROM %s WHERE builtin', t) INTO n_builtin;
	own_row := shipped || own || '{"builtin": false}';

	-- a shipped row
	r := pg_temp.err(format('UPDATE %s SET %I = %I WHERE ctid = $1', t, col, col), shipped_ctid);
	RETURN NEXT is(split_part(r, ' | ', 1) || ' | ' || split_part(r, ' | ', 2),
		format('42501 | cannot update a row shipped with htx in table "%s"', name),
		name || ': UPDATE of a shipped row is refused (42501), even one that changes nothing');
	RETURN NEXT ok(split_part(r, ' | ', 3) LIKE format('Row (%s)=(%%) has builtin = true. pg_dump leaves such rows out%%', key),
		name || ': the detail names the row by its key and says why: ' || split_part(r, ' | ', 3));
	RETURN NEXT ok(split_part(r, ' | ', 4) LIKE hint || '%',
		name || ': the hint names the way that survives: ' || split_part(r, ' | ', 4));
	r := pg_temp.err(format('UPDATE %s SET builtin = false WHERE ctid = $1', t), shipped_ctid);
	RETURN NEXT is(split_part(r, ' | ', 1), '42501', name || ': a shipped row cannot be turned into one of one''s own');
	r := pg_temp.err(format('DELETE FROM %s WHERE ctid = $1', t), shipped_ctid);
	RETURN NEXT is(split_part(r, ' | ', 1) || ' | ' || split_part(r, ' | ', 2),
		format('42501 | cannot delete a row shipped with htx from table "%s"', name),
		name || ': DELETE of a shipped row is refused (42501)');
	RETURN NEXT ok(split_part(r, ' | ', 3) LIKE '%a deleted one would come back on restore.'
		AND split_part(r, ' | ', 4) LIKE hint || '%', name || ': with the detail and the hint');
	r := pg_temp.err(format('TRUNCATE %s CASCADE', t));
	RETURN NEXT is(split_part(r, ' | ', 1) || ' | ' || split_part(r, ' | ', 2),
		format('42501 | cannot truncate table "%s": it holds rows shipped with htx', name),
		name || ': TRUNCATE is refused (42501)');
	RETURN NEXT is(split_part(r, ' | ', 4), format('To remove the rows you added, use DELETE FROM %s WHERE NOT builtin.', name),
		name || ': its hint removes one''s own rows only');
	EXECUTE format('SELECT count(*) FROM %s x WHERE builtin AND to_jsonb(x) = $1', t) INTO r USING shipped;
	RETURN NEXT is(r, '1', name || ': the shipped row is unchanged');

	-- a row of one's own
	r := pg_temp.err(format('INSERT INTO %s SELECT * FROM jsonb_populate_record(NULL::%s, $1)', t, t),
		own_row || '{"builtin": true}');
	RETURN NEXT is(r, format('23514 | cannot add a row with builtin = true to table "%s" | '
		'builtin = true marks the rows shipped with htx, which pg_dump leaves out: a row of yours marked so would be lost on restore. | '
		'Leave builtin false (the default) in rows of your own.', name),
		name || ': a row of one''s own marked builtin is refused (23514)');
	RETURN NEXT is(pg_temp.err(format('INSERT INTO %s SELECT * FROM jsonb_populate_record(NULL::%s, $1)', t, t), own_row),
		'no error', name || ': a row of one''s own (builtin = false) is added');
	RETURN NEXT is(pg_temp.err(format('UPDATE %s x SET %I = ''changed by the province'' WHERE NOT builtin AND to_jsonb(x) @> $1', t, col), own),
		'no error', name || ': it can be updated');
	EXECUTE format('SELECT string_agg(%I::text, '','') FROM %s x WHERE to_jsonb(x) @> $1', col, t) INTO r USING own;
	RETURN NEXT is(r, 'changed by the province', name || ': and the update took');
	r := pg_temp.err(format('UPDATE %s x SET builtin = true WHERE to_jsonb(x) @> $1', t), own);
	RETURN NEXT is(split_part(r, ' | ', 1) || ' | ' || split_part(r, ' | ', 2),
		format('23514 | cannot set builtin to true in table "%s"', name), name || ': it cannot be marked builtin (23514)');
	RETURN NEXT is(pg_temp.err(format('DELETE FROM %s x WHERE NOT builtin AND to_jsonb(x) @> $1', t), own),
		'no error', name || ': it can be deleted');
	EXECUTE format('SELECT count(*) FROM %s x WHERE to_jsonb(x) @> $1', t) INTO r USING own;
	RETURN NEXT is(r, '0', name || ': and is gone');
	EXECUTE format('SELECT count(*) FROM %s WHERE builtin', t) INTO r;
	RETURN NEXT is(r, n_builtin::text, name || ': every shipped row is still there');
END $$;

-- an agency of the province's own, for a succession of its own
INSERT INTO htx_agency (agency_code, name_vi, name_en, kind) VALUES ('OWN_OLD', 'Cơ quan cũ', 'Old agency', 'department');

SELECT * FROM pg_temp.check_table('htx_rating_scheme', '{"scheme": "OWN"}', 'note',
	'Add a scheme of your own (builtin = false) under another code', 'scheme');
SELECT * FROM pg_temp.check_table('htx_plan', '{"plan_code": "OWN"}', 'title_en',
	'Add a plan of your own (builtin = false)', 'plan_code');
SELECT * FROM pg_temp.check_table('htx_target', '{"target_code": "OWN"}', 'note',
	'Set the tolerance of an "about" target in htx_target_tolerance', 'plan_code, target_code, scope');
SELECT * FROM pg_temp.check_table('htx_agency', '{"agency_code": "OWN"}', 'note',
	'Add agencies of your own (builtin = false); record who takes over', 'agency_code');
SELECT * FROM pg_temp.check_table('htx_agency_succession', '{"agency_code": "OWN_OLD"}', 'note',
	'Add successions of your own (builtin = false)', 'agency_code');
SELECT * FROM pg_temp.check_table('htx_agency_alias', '{"alias": "OWN alias"}', 'note',
	'Add aliases of your own (builtin = false)', 'alias');
SELECT * FROM pg_temp.check_table('htx_task', '{"task_code": "OWN"}', 'note',
	'Add tasks of your own (builtin = false, part ''local'')', 'task_code');
SELECT * FROM pg_temp.check_table('htx_assignment', '{"source": "OWN"}', 'note',
	'Add assignments of your own (builtin = false)', 'task_code, agency_code, role, source');
SELECT * FROM pg_temp.check_table('htx_sector', '{"sector_code": "own"}', 'name_en',
	'Add sectors of your own (builtin = false)', 'sector_code');
SELECT * FROM pg_temp.check_table('htx_district', '{"district_code": "999"}', 'name',
	'Add districts of your own (builtin = false)', 'district_code');
SELECT * FROM pg_temp.check_table('htx_district_kind', '{"valid_from": "2030-01-01", "valid_to": null}', 'source',
	'Add periods of your own (builtin = false)', 'district_code, valid_from');

-- every table that holds shipped rows is guarded, row by row and against TRUNCATE
SELECT is(ARRAY(
	SELECT c.relname::text FROM pg_class c
	JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'htx'
	JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'builtin' AND NOT a.attisdropped
	WHERE c.relkind = 'r'
	  AND (SELECT count(*) FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgenabled = 'O'
	       AND g.tgfoid = 'htx_shipped_rows_guard()'::regprocedure) <> 2
	ORDER BY 1), '{}'::text[], 'every htx table with a builtin column has both guard triggers, enabled');
SELECT is((SELECT count(DISTINCT tgrelid)::int FROM pg_trigger WHERE tgfoid = 'htx_shipped_rows_guard()'::regprocedure), 16,
	'sixteen tables are guarded (eleven from 1.0, four territory tables, the size thresholds)');

-- htx_target_tolerance has no shipped rows and stays fully editable
SELECT hasnt_trigger('htx_target_tolerance', 'htx_shipped_rows', 'htx_target_tolerance is not guarded');
SELECT lives_ok($$INSERT INTO htx_target_tolerance VALUES ('TN-42/KH-UBND', 'MANAGERS_TRAINED_30', 'province', 1)$$,
	'a tolerance for a shipped "about" target is added');
SELECT lives_ok($$UPDATE htx_target_tolerance SET tolerance = 2 WHERE target_code = 'MANAGERS_TRAINED_30'$$, 'updated');
SELECT is((SELECT met FROM htx_check_targets(
	(SELECT htx_evaluate(r, 1, 1, true, 100, t, false) FROM (VALUES ('khá'::htx_rating, 28), ('tốt', 28)) v(r, t)))
	WHERE target_code = 'MANAGERS_TRAINED_30'), true, 'and used: 28% trained meets "about 30%" within 2');
SELECT lives_ok($$DELETE FROM htx_target_tolerance WHERE target_code = 'MANAGERS_TRAINED_30'$$, 'deleted');
SELECT lives_ok($$INSERT INTO htx_target_tolerance VALUES ('TN-42/KH-UBND', 'MANAGERS_TRAINED_30', 'province', 1);
	TRUNCATE htx_target_tolerance$$, 'and truncated');

-- foreign keys keep cascading between a province's own rows
INSERT INTO htx_agency (agency_code, name_vi, name_en, kind) VALUES ('OWN_A', 'Cơ quan A', 'Agency A', 'department');
INSERT INTO htx_agency_alias (alias, agency_code) VALUES ('CQ A', 'OWN_A');
SELECT lives_ok($$UPDATE htx_agency SET agency_code = 'OWN_B' WHERE agency_code = 'OWN_A'$$,
	'a province''s own agency is renamed');
SELECT is((SELECT agency_code FROM htx_agency_alias WHERE alias = 'CQ A'), 'OWN_B', 'its own alias follows (ON UPDATE CASCADE)');
SELECT lives_ok($$DELETE FROM htx_agency WHERE agency_code = 'OWN_B'$$, 'and deleted');
SELECT is((SELECT count(*)::int FROM htx_agency_alias WHERE alias = 'CQ A'), 0, 'with its alias (ON DELETE CASCADE)');
SELECT lives_ok($$DELETE FROM htx_task WHERE NOT builtin; DELETE FROM htx_agency WHERE NOT builtin$$,
	'DELETE ... WHERE NOT builtin, as the TRUNCATE hint says, removes one''s own rows');

-- The Circular 01/2020 scheme: the update script corrected its shipped note
-- through the guard (extension scripts may), and the fine error's hint is a
-- statement that works, after which the province's scheme rates.
SELECT ok((SELECT note LIKE '%to rate fined cooperatives with it, add a scheme of your own that copies this one with fined_is_weak set.%'
	FROM htx_rating_scheme WHERE scheme = 'TT-01/2020/TT-BKHĐT'),
	'the shipped 01/2020 note leads to a scheme of one''s own (updated by the extension''s own script)');
SELECT is(split_part(pg_temp.err($$SELECT htx_rating_from_score(70, true, 'TT-01/2020/TT-BKHĐT')$$), ' | ', 1) || ' ' ||
	(split_part(pg_temp.err($$SELECT htx_rating_from_score(70, true, 'TT-01/2020/TT-BKHĐT')$$), ' | ', 4)
	 LIKE 'Add a scheme of your own that says it, a copy of this one with fined_is_weak set %INSERT INTO htx_rating_scheme %')::text,
	'22023 true', 'a fine under 01/2020: the hint leads to a scheme of one''s own, not to the shipped row');
SELECT lives_ok((SELECT substr(h, strpos(h, 'INSERT INTO')) FROM
	(SELECT split_part(pg_temp.err($$SELECT htx_rating_from_score(70, true, 'TT-01/2020/TT-BKHĐT')$$), ' | ', 4) AS h) x),
	'the hint''s INSERT runs as written');
SELECT results_eq($$SELECT fined_is_weak, builtin, max_score, good_min, fair_min, average_min FROM htx_rating_scheme WHERE scheme = 'my TT-01/2020/TT-BKHĐT'$$,
	$$VALUES (true, false, 100::numeric, 80::numeric, 65::numeric, 50::numeric)$$,
	'it made a scheme of the province''s own: the circular''s thresholds, a fine forces yếu, dumped (builtin = false)');
SELECT results_eq($$SELECT htx_rating_from_score(s, f, 'my TT-01/2020/TT-BKHĐT')::text FROM (VALUES (70, true), (70, false), (49.99, false), (80, false)) v(s, f)$$,
	$$VALUES ('yếu'), ('khá'), ('yếu'), ('tốt')$$, 'htx_rating_from_score(score, fined, scheme) rates with it');
SELECT is((SELECT fined_is_weak FROM htx_rating_scheme WHERE scheme = 'TT-01/2020/TT-BKHĐT'), NULL, 'the shipped row is as shipped');
SELECT throws_ok($$UPDATE htx_rating_scheme SET fined_is_weak = true WHERE scheme = 'TT-01/2020/TT-BKHĐT'$$,
	'42501', 'cannot update a row shipped with htx in table "htx_rating_scheme"', 'the 1.0 advice, to set fined_is_weak on the shipped row, is refused');

-- the guard's own checks
SELECT throws_ok($$SELECT htx_shipped_rows_guard()$$, '39P01', 'htx_shipped_rows_guard: not called by trigger manager',
	'the trigger function is not called directly');
CREATE TEMP TABLE nob (x int);
CREATE TRIGGER g BEFORE INSERT ON nob FOR EACH ROW EXECUTE FUNCTION htx_shipped_rows_guard();
SELECT throws_ok($$INSERT INTO nob VALUES (1)$$, '39P01', 'htx_shipped_rows_guard: table "nob" has no boolean column "builtin"',
	'on a table without builtin it says so');

SELECT * FROM finish();
ROLLBACK;
