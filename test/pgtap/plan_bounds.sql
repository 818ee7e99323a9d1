-- Lookups that cannot be used to stall the server (issue 12): every plan
-- lookup that takes a name rejects a 1 MB argument at once with 22001, takes
-- names up to htx_name_max_length() characters (bytes do not count), and its
-- messages quote a bounded prefix.  statement_timeout makes a regression to
-- 1.0's quadratic work fail here in seconds instead of hanging the suite.
BEGIN;
SELECT plan(44);
SET LOCAL statement_timeout = '10s';

CREATE FUNCTION pg_temp.err(q text) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text;
BEGIN
	EXECUTE q;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
	RETURN ARRAY[st, msg, det];
END $$;

CREATE TEMP TABLE big AS SELECT repeat('x', 1048576) AS mb, repeat('ử', 349526) AS mb3;

SELECT is(htx_name_max_length(), 2000, 'the documented limit: 2000 characters');

-- every lookup, a 1 MB argument: 22001 at once
SELECT is((pg_temp.err(q))[1], '22001', q || ': 22001 for a 1 MB argument')
FROM unnest(ARRAY[
	'SELECT htx_agency_key((SELECT mb FROM big))',
	'SELECT htx_agency_key((SELECT mb FROM big), true)',
	'SELECT htx_name_similarity((SELECT mb FROM big), ''so nong nghiep'')',
	'SELECT htx_name_similarity(''so nong nghiep'', (SELECT mb FROM big))',
	'SELECT htx_agency_resolve((SELECT mb FROM big))',
	'SELECT htx_agency_resolve((SELECT mb3 FROM big))',
	'SELECT htx_task_resolve((SELECT mb FROM big))',
	'SELECT htx_task_resolve((SELECT mb3 FROM big))',
	'SELECT * FROM htx_task_agencies((SELECT mb FROM big))',
	'SELECT * FROM htx_task_agencies((SELECT mb FROM big), DATE ''2025-07-01'')',
	'SELECT htx_lead_agencies((SELECT mb FROM big))',
	'SELECT htx_supporting_agencies((SELECT mb FROM big), DATE ''2025-07-01'')',
	'SELECT htx_task_agency_codes((SELECT mb FROM big), ''lead'')',
	'SELECT htx_task_agency_codes(''III.2'', (SELECT mb FROM big))',
	'SELECT * FROM htx_agency_tasks((SELECT mb FROM big))',
	'SELECT * FROM htx_agency_tasks(''DARD'', (SELECT mb FROM big))',
	'SELECT htx_role_resolve((SELECT mb FROM big))']) AS q;

-- htx_agency_on compares codes only: linear, no error, NULL for no agency
SELECT is(htx_agency_on((SELECT mb FROM big), DATE '2025-07-01'), NULL, 'htx_agency_on: a 1 MB code is no agency (NULL), in linear time');

-- the message names the argument, the detail quotes 64 characters of it
SELECT is((pg_temp.err('SELECT htx_agency_resolve((SELECT mb FROM big))'))[2], 'agency name is too long', 'the message says what is too long');
SELECT is((pg_temp.err('SELECT htx_agency_resolve((SELECT mb FROM big))'))[3],
	'It has 1048576 bytes; htx accepts at most 2000 characters. It begins "' || repeat('x', 64) || '...".',
	'the detail gives the size and limit and quotes a 64-character prefix');
SELECT is((pg_temp.err('SELECT htx_task_resolve((SELECT mb FROM big))'))[2], 'task is too long', 'tasks too');
SELECT is((pg_temp.err('SELECT htx_role_resolve((SELECT mb FROM big))'))[2], 'role is too long', 'roles too');

-- at the limit: answered (unknown name), characters counted, not bytes
SELECT is((pg_temp.err(format('SELECT htx_agency_resolve(%L)', repeat('ử', 2000))))[1], 'P0002',
	'2000 characters (6000 bytes) are within the limit: unknown agency, P0002');
SELECT is((pg_temp.err(format('SELECT htx_agency_resolve(%L)', repeat('ử', 2001))))[1], '22001',
	'2001 characters are not');
SELECT is((pg_temp.err(format('SELECT htx_task_resolve(%L)', repeat('A.', 1000))))[1], 'P0002',
	'a 2000-character task: unknown task, P0002');
SELECT is((pg_temp.err(format('SELECT htx_task_resolve(%L)', repeat('A.', 1000) || 'x')))[1], '22001',
	'one more character: 22001');
SELECT is((pg_temp.err(format('SELECT htx_role_resolve(%L)', repeat('r', 2000))))[1], '22023',
	'a 2000-character role: unknown role, 22023');
SELECT is((pg_temp.err(format('SELECT * FROM htx_agency_tasks(%L)', repeat('sở nông ', 250))))[1], 'P0002',
	'htx_agency_tasks with a 2000-character name: unknown agency (the hint ranks every spelling, in linear time)');
SELECT ok(htx_name_similarity(repeat('nông nghiệp ', 166), repeat('nông thôn ', 200)) BETWEEN 0 AND 1,
	'htx_name_similarity of two names near the limit');

-- messages of unknown names quote 64 characters and "..."
SELECT is((pg_temp.err(format('SELECT htx_agency_resolve(%L)', repeat('ử', 2000))))[2],
	'unknown agency "' || repeat('ử', 64) || '..."', 'unknown agency: the message quotes the first 64 characters');
SELECT is((pg_temp.err(format('SELECT htx_task_resolve(%L)', repeat('A.', 1000))))[2],
	'unknown task "' || repeat('A.', 32) || '..."', 'unknown task: the same');
SELECT is((pg_temp.err(format('SELECT htx_role_resolve(%L)', repeat('r', 2000))))[2],
	'unknown role "' || repeat('r', 64) || '..."', 'unknown role: the same');
SELECT is((pg_temp.err('SELECT htx_task_resolve(''III.9'')'))[2], 'unknown task "III.9"', 'short names are quoted whole');
SELECT is(htx_excerpt(repeat('a', 64)), repeat('a', 64), 'htx_excerpt: 64 characters whole');
SELECT is(htx_excerpt(repeat('ử', 65)), repeat('ử', 64) || '...', '65 characters cut to 64 and "..."');

-- the resolvers answer as before
SELECT is(htx_agency_resolve('Sở NN&PTNT'), 'DARD', 'htx_agency_resolve still resolves');
SELECT is(htx_task_resolve('iii.4.C'), 'III.4.c', 'htx_task_resolve still resolves');
SELECT is((pg_temp.err('SELECT htx_task_resolve(''III.4.z'')'))[1], 'P0002', 'and still rejects an unknown code');

-- the linear htx_name_similarity gives 1.0's values
SELECT is(htx_name_similarity(p.a, p.b), (
	WITH ta AS (SELECT DISTINCT substr(x.s, i.i, 3) AS g FROM (SELECT concat('  ', p.a, ' ')) AS x(s), generate_series(1, length(x.s) - 2) AS i(i)),
	tb AS (SELECT DISTINCT substr(x.s, i.i, 3) AS g FROM (SELECT concat('  ', p.b, ' ')) AS x(s), generate_series(1, length(x.s) - 2) AS i(i))
	SELECT count(*) FILTER (WHERE ta.g IS NOT NULL AND tb.g IS NOT NULL)::float8 / GREATEST(count(*), 1)::float8 FROM ta FULL JOIN tb ON ta.g = tb.g),
	format('htx_name_similarity(%L, %L) as in 1.0', p.a, p.b))
FROM (VALUES ('so nn ptnt', 'so nong nghiep'), ('', 'x'), ('ab', 'abc'), ('Sở Tài chính', 'so tai chinh'),
	('nn ptnt', 'nn va ptnt tinh')) AS p(a, b);

SELECT * FROM finish();
ROLLBACK;
