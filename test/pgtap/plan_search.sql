-- htx_task_search (issue 12): accent- and case-insensitive search over the
-- tasks' titles and bodies, each task with its lead and supporting agencies
-- on a date; bounded input.
BEGIN;
SELECT plan(20);
SET LOCAL statement_timeout = '10s';

CREATE FUNCTION pg_temp.st(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;

SELECT ok((SELECT array_agg(task_code) FROM htx_task_search('mo hinh')) @> '{III.2,A5}',
	'''mo hinh'' finds III.2 and A5 (mô hình, without diacritics)');
SELECT is((SELECT array_agg(task_code) FROM htx_task_search('MÔ HÌNH')), (SELECT array_agg(task_code) FROM htx_task_search('mo hinh')),
	'upper case with diacritics finds the same tasks');
SELECT is((SELECT array_agg(task_code) FROM htx_task_search(normalize('mô hình', NFD))), (SELECT array_agg(task_code) FROM htx_task_search('mo hinh')),
	'and decomposed (NFD) too');
SELECT is((SELECT array_agg(task_code) FROM htx_task_search('  mô-hình!  ')), (SELECT array_agg(task_code) FROM htx_task_search('mo hinh')),
	'punctuation and spaces do not count');
SELECT is_empty($$SELECT * FROM htx_task_search('mo hinh') s JOIN htx_task t USING (task_code)
	WHERE position(' mo hinh ' IN ' ' || regexp_replace(htx_fold(t.title_vi || ' ' || t.title_en || ' ' || coalesce(t.body_vi, '')), '[^a-z0-9]+', ' ', 'g') || ' ') = 0$$,
	'every task found contains the words');
SELECT is((SELECT count(*) FROM htx_task t WHERE position(' mo hinh ' IN ' ' || regexp_replace(htx_fold(t.title_vi || ' | ' || t.title_en || ' | ' || coalesce(t.body_vi, '')), '[^a-z0-9]+', ' ', 'g') || ' ') > 0),
	(SELECT count(*) FROM htx_task_search('mo hinh')), 'and every task containing them is found');
SELECT is((SELECT count(*) FROM htx_task_search('mo hin')), 0::bigint, 'whole words only: ''mo hin'' finds nothing');
SELECT is((SELECT matched_in FROM htx_task_search('hỗ trợ') WHERE task_code = 'A2'), '{body_vi}', 'bodies are searched (A2: in its body only)');
SELECT is((SELECT matched_in FROM htx_task_search('model') WHERE task_code = 'III.2'), '{title_en}', 'English titles too');
SELECT is((SELECT matched_in FROM htx_task_search('mô hình') WHERE task_code = 'III.2'), '{title_vi,body_vi}', 'matched_in lists every field that matches');
SELECT is((SELECT array_agg(task_code ORDER BY n) FROM htx_task_search('mo hinh') WITH ORDINALITY AS s(task_code, a, b, c, d, e, f, g, h, n)),
	(SELECT array_agg(t.task_code ORDER BY t.sort_order NULLS LAST, t.task_code) FROM htx_task t WHERE t.task_code IN (SELECT task_code FROM htx_task_search('mo hinh'))),
	'in the order of the plan');

-- agencies on a date
SELECT is((SELECT lead_agencies FROM htx_task_search('mo hinh', DATE '2025-07-01') WHERE task_code = 'III.2'), htx_lead_agencies('III.2', DATE '2025-07-01'),
	'lead agencies on the date, as htx_lead_agencies gives them');
SELECT is((SELECT lead_agencies FROM htx_task_search('mo hinh', DATE '2025-07-01') WHERE task_code = 'III.2'), '{DAE,DPC}',
	'III.2 on 2025-07-01: DAE (successor of DARD) and the district committees');
SELECT is((SELECT lead_agencies FROM htx_task_search('mo hinh', NULL) WHERE task_code = 'III.2'), '{DARD,DPC}', 'as_of NULL: as the plan lists them');
SELECT is((SELECT supporting_agencies FROM htx_task_search('mo hinh', DATE '2025-07-01') WHERE task_code = 'A5'), htx_supporting_agencies('A5', DATE '2025-07-01'),
	'supporting agencies likewise');
SELECT is((SELECT lead_names FROM htx_task_search('mo hinh', NULL) WHERE task_code = 'III.2'),
	(SELECT string_agg(a.name_vi, '; ' ORDER BY a.agency_code = 'DPC') FROM htx_agency a WHERE a.agency_code IN ('DARD', 'DPC')), 'and their names, in the same order');

-- bad input
SELECT is_empty($$SELECT * FROM htx_task_search(NULL)$$, 'NULL finds nothing');
SELECT is(pg_temp.st($$SELECT * FROM htx_task_search(' !? ')$$), '22023', 'a text without letters or digits: 22023');
SELECT is(pg_temp.st($$SELECT * FROM htx_task_search(repeat('mô hình ', 131072))$$), '22001', 'a 1 MB text: 22001 at once');
SELECT is_empty($$SELECT * FROM htx_task_search(repeat('mô hình ', 250))$$, 'a 2000-character text is searched (nothing found)');

SELECT * FROM finish();
ROLLBACK;
