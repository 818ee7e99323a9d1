-- The plan as data (Plan 42/KH-UBND): tasks, agencies, every appendix row's
-- lead and supporting agencies, section V's assignments, successors by date,
-- the task functions, their errors, and the BI views.
BEGIN;
SELECT plan(116);

-- Errors as (SQLSTATE, message, hint), for checking hints too.
CREATE FUNCTION pg_temp.err(q text) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE st text; msg text; hint text;
BEGIN
	EXECUTE q;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
	RETURN ARRAY[st, msg, hint];
END $$;

-- ---------------------------------------------------------------- tasks
SELECT set_eq($$SELECT task_code FROM htx_task WHERE part = 'III'$$,
	ARRAY['III.1', 'III.1.a', 'III.1.b', 'III.1.c', 'III.2',
	      'III.3', 'III.3.a', 'III.3.b', 'III.3.c', 'III.3.d', 'III.3.e',
	      'III.4', 'III.4.a', 'III.4.b', 'III.4.c', 'III.4.d',
	      'III.5', 'III.5.a', 'III.5.b', 'III.5.c', 'III.5.d',
	      'III.6', 'III.6.a', 'III.6.b', 'III.6.c', 'III.7',
	      'III.8', 'III.8.a', 'III.8.b', 'III.8.c'],
	'section III: III.1 to III.8 and every lettered item (III.3 runs a to e: no đ)');
SELECT set_eq($$SELECT task_code FROM htx_task WHERE part = 'appendix'$$,
	ARRAY['A1', 'A1.1', 'A1.2', 'A2', 'A3', 'A3.1', 'A3.2', 'A4', 'A4.1', 'A4.2', 'A5', 'A6'],
	'the appendix: six groups, rows A1.1 to A6 as the table has them');
SELECT set_eq($$SELECT task_code FROM htx_task WHERE part IN ('IV', 'V')$$,
	ARRAY['IV', 'V.2.1', 'V.2.2', 'V.5.1', 'V.5.2', 'V.10.1', 'V.11.1'],
	'funding (IV) and the duties only section V names');
SELECT is_empty($$SELECT task_code FROM htx_task
	WHERE (task_code ~ '^III\.\d\.[a-e]$' AND parent_code IS DISTINCT FROM left(task_code, 5))
	   OR (task_code ~ '^A\d\.\d$' AND parent_code IS DISTINCT FROM left(task_code, 2))
	   OR (task_code ~ '^(III\.\d|A\d|IV|V\..*)$' AND parent_code IS NOT NULL)$$,
	'every lettered item and appendix row has its parent; headings have none');
SELECT results_eq($$SELECT task_code FROM htx_task ORDER BY sort_order LIMIT 6$$,
	ARRAY['III.1', 'III.1.a', 'III.1.b', 'III.1.c', 'III.2', 'III.3'], 'sort_order follows the plan');
SELECT is((SELECT title_vi FROM htx_task WHERE task_code = 'III.4.c'),
	'Hỗ trợ tập trung tích tụ ruộng đất; hình thành vùng nguyên liệu tập trung, liên kết sản xuất theo chuỗi giá trị sản phẩm; tạo điều kiện thuận lợi cho HTXNN thuê đất ổn định, lâu dài, phục vụ sản xuất kinh doanh, dịch vụ.',
	'III.4.c is transcribed verbatim');
SELECT is((SELECT title_vi FROM htx_task WHERE task_code = 'A5'),
	'Khen thưởng, tôn vinh và nhân rộng các mô hình kinh tế tập thể, HTX NN hoạt động hiệu quả trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới',
	'appendix row 5 is transcribed verbatim');
SELECT ok((SELECT bool_and(title_vi = normalize(title_vi, NFC) AND coalesce(body_vi = normalize(body_vi, NFC), true)) FROM htx_task),
	'every title and body is NFC');
SELECT is((SELECT array_agg(task_code || '=' || related_task_code ORDER BY task_code) FROM htx_task WHERE related_task_code IS NOT NULL),
	ARRAY['A1=III.1', 'A2=III.3'], 'only A1 and A2 repeat a section III heading');
SELECT ok((SELECT bool_and(builtin) FROM htx_task) AND (SELECT bool_and(builtin) FROM htx_assignment)
	AND (SELECT bool_and(builtin) FROM htx_agency) AND (SELECT bool_and(builtin) FROM htx_agency_alias)
	AND (SELECT bool_and(builtin) FROM htx_agency_succession), 'shipped rows are marked builtin');
SELECT set_eq(
	$$SELECT c.relname::text, x.cond FROM pg_extension e,
	    unnest(e.extconfig, e.extcondition) AS x(oid, cond) JOIN pg_class c ON c.oid = x.oid
	  WHERE e.extname = 'htx' AND c.relname IN ('htx_agency', 'htx_agency_alias', 'htx_agency_succession', 'htx_task', 'htx_assignment')$$,
	$$VALUES ('htx_agency', 'WHERE NOT builtin'), ('htx_agency_alias', 'WHERE NOT builtin'),
	         ('htx_agency_succession', 'WHERE NOT builtin'), ('htx_task', 'WHERE NOT builtin'),
	         ('htx_assignment', 'WHERE NOT builtin')$$,
	'rows a province adds to the five plan tables are dumped, the shipped ones are not');

-- ---------------------------------------------------------------- agencies
SELECT set_eq($$SELECT agency_code FROM htx_agency$$,
	ARRAY['PPC', 'DARD', 'DPI', 'DOF', 'DOST', 'DIC', 'DOIT', 'DONRE', 'DOHA', 'DAE', 'VCA', 'SBV_TN', 'VFF',
	      'MASS_ORGS', 'PRESS_BTN', 'PRESS_RTV', 'PRESS_INFO', 'DPC', 'DEPTS_RELATED', 'ORGS_RELATED', 'LOCALITIES'],
	'the agencies of the plan, the 2025 successor, and the catch-alls');
SELECT results_eq($$SELECT agency_code, valid_from, valid_to FROM htx_agency
	WHERE valid_from IS NOT NULL OR valid_to IS NOT NULL ORDER BY agency_code$$,
	$$VALUES ('DAE', '2025-03-01'::date, NULL::date), ('DARD', NULL, '2025-02-28'), ('DIC', NULL, '2025-02-28'),
	         ('DONRE', NULL, '2025-02-28'), ('DPC', NULL, '2025-06-30'), ('DPI', NULL, '2025-02-28')$$,
	'validity: four departments end 2025-02-28, the new one starts 2025-03-01, district committees end 2025-06-30');
SELECT set_eq($$SELECT agency_code, successor_code FROM htx_agency_succession$$,
	$$VALUES ('DARD', 'DAE'), ('DONRE', 'DAE'), ('DPI', 'DOF'), ('DIC', 'DOST')$$,
	'the successors of Decree 45/2025 (none invented for the district committees or the bank)');
SELECT results_eq($$SELECT kind, count(*)::int FROM htx_agency GROUP BY kind ORDER BY kind$$,
	$$VALUES ('bank', 1), ('catch_all', 3), ('department', 9), ('mass_organisation', 3), ('people_committee', 2), ('press', 3)$$,
	'agency kinds');
SELECT is((SELECT name_vi FROM htx_agency WHERE agency_code = 'DEPTS_RELATED'), 'Các sở, ngành, đoàn thể của tỉnh liên quan',
	'the appendix''s catch-all, as written');

-- ---------------------------------------------------------------- every appendix row, in the table's order
SELECT is(htx_lead_agencies('A1.1'), ARRAY['DARD', 'VCA', 'DPC'], 'row 1.1 leads: Sở NN&PTNT, Liên Minh HTX tỉnh, UBND các huyện, thành phố');
SELECT is(htx_supporting_agencies('A1.1'), ARRAY['DEPTS_RELATED'], 'row 1.1 supports: các sở, ngành, đoàn thể của tỉnh liên quan');
SELECT is(htx_lead_agencies('A1.2'), ARRAY['DARD', 'DPC'], 'row 1.2 leads');
SELECT is(htx_supporting_agencies('A1.2'), ARRAY['PRESS_BTN', 'PRESS_RTV', 'PRESS_INFO'], 'row 1.2 supports: Báo Thái Nguyên, Đài PT-TH tỉnh, Trung tâm thông tin tỉnh');
SELECT is(htx_lead_agencies('A2'), ARRAY['DPI', 'DARD', 'VCA', 'DPC'], 'row 2 leads: Sở KH&ĐT first');
SELECT is(htx_supporting_agencies('A2'), ARRAY['DEPTS_RELATED'], 'row 2 supports');
SELECT is(htx_lead_agencies('A3.1'), ARRAY['DIC', 'DARD', 'DOST', 'VCA', 'DPC'], 'row 3.1 leads: Sở TT&TT first');
SELECT is(htx_supporting_agencies('A3.1'), ARRAY['DEPTS_RELATED'], 'row 3.1 supports');
SELECT is(htx_lead_agencies('A3.2'), ARRAY['DOIT', 'DIC', 'DARD', 'DOST', 'VCA', 'DPC'], 'row 3.2 leads: Sở Công Thương first');
SELECT is(htx_supporting_agencies('A3.2'), ARRAY['DEPTS_RELATED'], 'row 3.2 supports');
SELECT is(htx_lead_agencies('A4.1'), ARRAY['DARD', 'DPC'], 'row 4.1 leads');
SELECT is(htx_supporting_agencies('A4.1'), ARRAY['DEPTS_RELATED'], 'row 4.1 supports');
SELECT is(htx_lead_agencies('A4.2'), ARRAY['DOIT', 'DARD', 'DPC'], 'row 4.2 leads');
SELECT is(htx_supporting_agencies('A4.2'), ARRAY['DEPTS_RELATED'], 'row 4.2 supports');
SELECT is(htx_lead_agencies('A5'), ARRAY['DARD', 'DOHA', 'VCA', 'DPC'], 'row 5 leads: with Sở Nội vụ');
SELECT is(htx_supporting_agencies('A5'), ARRAY['ORGS_RELATED'], 'row 5 supports: các tổ chức, cá nhân có liên quan');
SELECT is(htx_lead_agencies('A6'), ARRAY['DARD', 'DPC'], 'row 6 leads');
SELECT is(htx_supporting_agencies('A6'), ARRAY['ORGS_RELATED'], 'row 6 supports');
SELECT is((SELECT count(*)::int FROM htx_assignment WHERE task_code IN ('A1', 'A3', 'A4')), 0,
	'group headings 1, 3 and 4 carry no agencies: their rows do');
SELECT is_empty($$SELECT * FROM htx_assignment WHERE source LIKE 'Phụ lục%'
	AND (role_vi IS DISTINCT FROM CASE role WHEN 'lead' THEN 'chủ trì/đồng chủ trì' ELSE 'phối hợp' END
	     OR source <> 'Phụ lục row ' || substr(task_code, 2))$$,
	'appendix rows: role words and source follow the table''s columns and row');
SELECT results_eq($$SELECT listed_as FROM htx_assignment WHERE task_code = 'A4.2' ORDER BY role, list_order$$,
	ARRAY['Sở Công thương', 'Sở Nông nghiệp và PTNT', 'UBND các huyện, thành phố', 'Các sở, ngành, đoàn thể của tỉnh liên quan'],
	'listed_as keeps the table''s own spelling ("Sở Công thương")');
SELECT is((SELECT count(*)::int FROM htx_assignment WHERE source LIKE 'Phụ lục%'), 42, '42 appendix assignments in all');

-- ---------------------------------------------------------------- section V
SELECT set_eq($$SELECT task_code, agency_code, role, source FROM htx_assignment WHERE source LIKE 'V.%'$$,
	$$VALUES
	('III.2', 'DARD', 'lead', 'V.1 bullet 1'),
	('III.1', 'DARD', 'lead', 'V.1 bullet 2'), ('III.1', 'DEPTS_RELATED', 'support', 'V.1 bullet 2'),
	('III.1', 'DPC', 'support', 'V.1 bullet 2'), ('III.2', 'DARD', 'lead', 'V.1 bullet 2'),
	('III.3', 'DARD', 'lead', 'V.1 bullet 3'),
	('V.2.1', 'DARD', 'support', 'V.1 bullet 4'),
	('III.8.c', 'DARD', 'lead', 'V.1 bullet 5'),
	('V.2.1', 'DPI', 'lead', 'V.2 bullet 1'), ('V.2.1', 'DEPTS_RELATED', 'support', 'V.2 bullet 1'),
	('V.2.1', 'LOCALITIES', 'support', 'V.2 bullet 1'),
	('V.2.2', 'DPI', 'lead', 'V.2 bullet 2'), ('V.2.2', 'DEPTS_RELATED', 'support', 'V.2 bullet 2'),
	('V.2.2', 'LOCALITIES', 'support', 'V.2 bullet 2'),
	('IV', 'DPI', 'support', 'V.2 bullet 3'),
	('IV', 'DOF', 'lead', 'V.3'),
	('III.6.b', 'DOST', 'lead', 'V.4'), ('III.6.b', 'DEPTS_RELATED', 'support', 'V.4'),
	('III.6.b', 'LOCALITIES', 'support', 'V.4'), ('III.6.a', 'DOST', 'lead', 'V.4'),
	('V.5.1', 'DOIT', 'lead', 'V.5 bullet 1'), ('V.5.1', 'DEPTS_RELATED', 'support', 'V.5 bullet 1'),
	('V.5.1', 'LOCALITIES', 'support', 'V.5 bullet 1'),
	('V.5.2', 'DOIT', 'lead', 'V.5 bullet 2'), ('V.5.2', 'DEPTS_RELATED', 'support', 'V.5 bullet 2'),
	('III.1.b', 'DIC', 'support', 'V.6'), ('III.6.a', 'DIC', 'support', 'V.6'),
	('III.4.c', 'DONRE', 'lead', 'V.7 bullet 1'), ('III.4.c', 'DEPTS_RELATED', 'support', 'V.7 bullet 1'),
	('III.4.c', 'LOCALITIES', 'support', 'V.7 bullet 1'),
	('III.4.d', 'DONRE', 'lead', 'V.7 bullet 2'),
	('III.2', 'VCA', 'support', 'V.8 bullet 1'),
	('III.3', 'VCA', 'lead', 'V.8 bullet 2'), ('III.3.d', 'VCA', 'support', 'V.8 bullet 2'),
	('III.5.b', 'VCA', 'lead', 'V.8 bullet 3'),
	('III.6.a', 'VCA', 'support', 'V.8 bullet 4'), ('V.5.1', 'VCA', 'support', 'V.8 bullet 4'),
	('III.5.a', 'SBV_TN', 'lead', 'V.9'),
	('V.10.1', 'DEPTS_RELATED', 'lead', 'V.10 paragraph 1'), ('V.10.1', 'VFF', 'lead', 'V.10 paragraph 1'),
	('V.10.1', 'MASS_ORGS', 'lead', 'V.10 paragraph 1'),
	('III.8.a', 'VFF', 'support', 'V.10 paragraph 2'), ('III.8.a', 'MASS_ORGS', 'support', 'V.10 paragraph 2'),
	('V.11.1', 'DPC', 'lead', 'V.11 bullet 1'), ('III.2', 'DPC', 'lead', 'V.11 bullet 1'),
	('IV', 'DPC', 'lead', 'V.11 bullet 2'), ('III.2', 'DPC', 'lead', 'V.11 bullet 2'),
	('III.8.c', 'DPC', 'lead', 'V.11 bullet 3')
	$$,
	'section V: every assignment, on the task its words repeat, with its clause');
SELECT is(htx_lead_agencies('III.4.c'), ARRAY['DONRE'], 'land (III.4.c): Sở Tài nguyên và Môi trường leads (V.7)');
SELECT is(htx_supporting_agencies('III.4.c'), ARRAY['DEPTS_RELATED', 'LOCALITIES'], 'with các sở, ngành, địa phương và đơn vị liên quan');
SELECT is(htx_lead_agencies('III.5.a'), ARRAY['SBV_TN'], 'credit (III.5.a): the State Bank branch (V.9)');
SELECT is(htx_lead_agencies('III.5.b'), ARRAY['VCA'], 'the cooperative fund (III.5.b): Liên minh HTX (V.8)');
SELECT is(htx_lead_agencies('IV'), ARRAY['DOF', 'DPC'], 'budget (IV): Sở Tài chính (V.3) and the districts (V.11)');
SELECT is(htx_supporting_agencies('IV'), ARRAY['DPI'], 'with Sở Kế hoạch và Đầu tư (V.2)');
SELECT is(htx_lead_agencies('III.2'), ARRAY['DARD', 'DPC'], 'model cooperatives (III.2): Sở NN&PTNT and the districts lead');
SELECT is(htx_supporting_agencies('III.2'), ARRAY['VCA'], 'Liên minh HTX supports (V.8)');
SELECT is(htx_lead_agencies('III.1'), ARRAY['DARD'], 'communication (III.1): Sở NN&PTNT (V.1)');
SELECT is(htx_supporting_agencies('III.1'), ARRAY['DEPTS_RELATED', 'DPC'], 'with "các ngành, đơn vị" and the districts');
SELECT is(htx_lead_agencies('III.1.b'), '{}'::text[], 'III.1.b: no lead named (V.6 only says phối hợp)');
SELECT is(htx_supporting_agencies('III.1.b'), ARRAY['DIC'], 'III.1.b: Sở TT&TT supports');
SELECT is(htx_lead_agencies('III.7'), '{}'::text[], 'a task no clause assigns: empty, not an error');
SELECT is((SELECT listed_as FROM htx_assignment WHERE task_code = 'III.1' AND agency_code = 'DEPTS_RELATED'),
	'các ngành, đơn vị', 'a catch-all keeps the words section V uses');
SELECT is_empty($$SELECT * FROM htx_assignment WHERE source LIKE 'V.%' AND role = 'lead' AND role_vi <> 'chủ trì' AND note IS NULL$$,
	'every section V lead without the word "chủ trì" has a note saying so');
SELECT is_empty($$SELECT * FROM htx_assignment WHERE source LIKE 'V.%' AND role = 'support' AND role_vi <> 'phối hợp'$$,
	'every section V support says "phối hợp"');

-- ---------------------------------------------------------------- htx_task_agencies
SELECT results_eq($$SELECT agency_code, agency_name, role, source FROM htx_task_agencies('A1.2')$$,
	$$VALUES ('DARD', 'Sở Nông nghiệp và Phát triển nông thôn', 'lead', 'Phụ lục row 1.2'),
	         ('DPC', 'Ủy ban nhân dân các huyện, thành phố', 'lead', 'Phụ lục row 1.2'),
	         ('PRESS_BTN', 'Báo Thái Nguyên', 'support', 'Phụ lục row 1.2'),
	         ('PRESS_RTV', 'Đài Phát thanh - Truyền hình tỉnh', 'support', 'Phụ lục row 1.2'),
	         ('PRESS_INFO', 'Trung tâm thông tin tỉnh', 'support', 'Phụ lục row 1.2')$$,
	'htx_task_agencies: leads first, in the table''s order, with names and source');
SELECT results_eq($$SELECT agency_code, role, source FROM htx_task_agencies('III.2')$$,
	$$VALUES ('DARD', 'lead', 'V.1 bullet 1'), ('DARD', 'lead', 'V.1 bullet 2'),
	         ('DPC', 'lead', 'V.11 bullet 1'), ('DPC', 'lead', 'V.11 bullet 2'),
	         ('VCA', 'support', 'V.8 bullet 1')$$,
	'one row per clause, clauses in the plan''s order (V.11 after V.1)');
SELECT results_eq($$SELECT agency_code FROM htx_task_agencies(' iii.4.C ')$$, ARRAY['DONRE', 'DEPTS_RELATED', 'LOCALITIES'],
	'task codes in any case and spacing');
SELECT is(htx_task_resolve('Kinh phí thực hiện'), 'IV', 'a task by its title');
SELECT is(htx_task_resolve('Phụ lục row 3.2'), 'A3.2', 'a task by its clause, as source writes it');
SELECT is(htx_task_resolve('v.2 BULLET 1'), 'V.2.1', 'a clause in any case');
SELECT is(htx_task_resolve(normalize('KINH PHI THUC HIEN', NFD)), 'IV', 'a title folded');
SELECT is((SELECT count(*)::int FROM htx_task_agencies(NULL)), 0, 'a NULL task gives no rows');
SELECT is(htx_lead_agencies(NULL), NULL, 'and NULL arrays');

-- ---------------------------------------------------------------- successors by date
SELECT is(htx_lead_agencies('A3.2', '2024-03-14'), ARRAY['DOIT', 'DIC', 'DARD', 'DOST', 'VCA', 'DPC'], 'row 3.2 on the plan''s date: as listed');
SELECT is(htx_lead_agencies('A3.2', '2025-02-28'), ARRAY['DOIT', 'DIC', 'DARD', 'DOST', 'VCA', 'DPC'], 'on 2025-02-28: still as listed');
SELECT is(htx_lead_agencies('A3.2', '2025-03-01'), ARRAY['DOIT', 'DOST', 'DAE', 'VCA', 'DPC'],
	'on 2025-03-01: Sở TT&TT -> Sở KH&CN (once), Sở NN&PTNT -> Sở NN&MT');
SELECT is(htx_lead_agencies('A3.2', '2025-07-01'), ARRAY['DOIT', 'DOST', 'DAE', 'VCA', 'DPC'],
	'on 2025-07-01 the district committees are kept, with no successor to put in their place');
SELECT results_eq($$SELECT agency_code, agency_name, source FROM htx_task_agencies('A3.2', '2025-07-01') WHERE agency_code IN ('DOST', 'DAE', 'DPC')$$,
	$$VALUES ('DOST', 'Sở Khoa học và Công nghệ', 'Phụ lục row 3.2; listed as DIC (Sở Thông tin và Truyền thông), succeeded by DOST from 2025-03-01'),
	         ('DAE', 'Sở Nông nghiệp và Môi trường', 'Phụ lục row 3.2; listed as DARD (Sở Nông nghiệp và Phát triển nông thôn), succeeded by DAE from 2025-03-01'),
	         ('DPC', 'Ủy ban nhân dân các huyện, thành phố', 'Phụ lục row 3.2; DPC existed until 2025-06-30, no successor recorded')$$,
	'and source says who was listed and who holds the task now');
SELECT is((SELECT source FROM htx_task_agencies('A3.2', '2025-06-30') WHERE agency_code = 'DPC'), 'Phụ lục row 3.2',
	'on 2025-06-30 the district committees still exist');
SELECT is(htx_lead_agencies('III.4.c', '2025-03-01'), ARRAY['DAE'], 'land passes from Sở TN&MT to Sở NN&MT');
SELECT is(htx_lead_agencies('A2', '2025-03-01'), ARRAY['DOF', 'DAE', 'VCA', 'DPC'], 'training: Sở KH&ĐT -> Sở Tài chính');
SELECT is(htx_supporting_agencies('IV', '2025-03-01'), ARRAY['DOF'], 'budget: Sở Tài chính supports in place of Sở KH&ĐT, and leads');
SELECT is(htx_agency_on('DARD', '2025-02-28'), 'DARD', 'htx_agency_on: before the change');
SELECT is(htx_agency_on('DARD', '2025-03-01'), 'DAE', 'htx_agency_on: after it');
SELECT is(htx_agency_on('DARD', NULL), 'DARD', 'htx_agency_on: no date, no change');

-- ---------------------------------------------------------------- htx_agency_tasks
SELECT results_eq($$SELECT task_code, role, source FROM htx_agency_tasks('Sở Tài nguyên và Môi trường')$$,
	$$VALUES ('III.4.c', 'lead', 'V.7 bullet 1'), ('III.4.d', 'lead', 'V.7 bullet 2')$$,
	'what Sở TN&MT is responsible for');
SELECT results_eq($$SELECT task_code, role FROM htx_agency_tasks('Sở Nội vụ')$$,
	$$VALUES ('A5', 'lead')$$, 'Sở Nội vụ: awards (row 5) only');
SELECT set_eq($$SELECT task_code FROM htx_agency_tasks('DARD', 'lead')$$,
	ARRAY['III.1', 'III.2', 'III.3', 'III.8.c', 'A1.1', 'A1.2', 'A2', 'A3.1', 'A3.2', 'A4.1', 'A4.2', 'A5', 'A6'],
	'what Sở NN&PTNT leads');
SELECT set_eq($$SELECT task_code FROM htx_agency_tasks('Sở NN&PTNT', 'phối hợp')$$, ARRAY['V.2.1'],
	'and supports (role in Vietnamese)');
SELECT set_eq($$SELECT task_code, role FROM htx_agency_tasks('Sở Nông nghiệp và Môi trường')$$,
	$$SELECT task_code, role FROM htx_assignment WHERE agency_code IN ('DARD', 'DONRE')$$,
	'Sở NN&MT inherits what Sở NN&PTNT and Sở TN&MT were given');
SELECT is((SELECT source FROM htx_agency_tasks('DAE') WHERE task_code = 'III.4.d'),
	'V.7 bullet 2; inherited from DONRE (Sở Tài nguyên và Môi trường, until 2025-02-28)', 'and says so');
SELECT set_eq($$SELECT task_code, role FROM htx_agency_tasks('Sở Tài chính')$$,
	$$VALUES ('IV', 'lead'), ('IV', 'support'), ('A2', 'lead'), ('V.2.1', 'lead'), ('V.2.2', 'lead')$$,
	'Sở Tài chính: its own budget duty and what Sở KH&ĐT was given');
SELECT is((SELECT count(*)::int FROM htx_agency_tasks('PPC')), 0, 'the Provincial People''s Committee is given no task');

-- ---------------------------------------------------------------- errors
SELECT throws_ok($$SELECT * FROM htx_task_agencies('III.9')$$, 'P0002', 'unknown task "III.9"', 'an unknown task code is an error, not an empty result');
SELECT is((pg_temp.err($$SELECT htx_lead_agencies('III.9')$$))[3],
	'Closest task codes: III.1, III.2, III.3, III.4, III.5, III.6, III.7, III.8. htx_task lists them all.',
	'the hint lists the codes at the same depth');
SELECT is((pg_temp.err($$SELECT htx_supporting_agencies('A3.3', '2025-01-01')$$))[1:2],
	ARRAY['P0002', 'unknown task "A3.3"'], 'through htx_supporting_agencies too');
SELECT is((pg_temp.err($$SELECT htx_supporting_agencies('A3.3')$$))[3],
	'Closest task codes: A3.1, A3.2. htx_task lists them all.', 'with the rows of the same group as candidates');
SELECT throws_ok($$SELECT * FROM htx_agency_tasks('Sở Giáo dục và Đào tạo')$$, 'P0002', 'unknown agency "Sở Giáo dục và Đào tạo"',
	'an unknown agency is an error');
SELECT throws_ok($$SELECT * FROM htx_agency_tasks('Sở Nông nghiệp')$$, 'P0003', 'agency name "Sở Nông nghiệp" is ambiguous',
	'an ambiguous agency is an error');
SELECT throws_ok($$SELECT * FROM htx_agency_tasks('DARD', 'boss')$$, '22023', 'unknown role "boss"', 'an unknown role is an error');

-- ---------------------------------------------------------------- a province's own rows
INSERT INTO htx_agency (agency_code, name_vi, name_en, kind, valid_from)
VALUES ('CPC', 'Ủy ban nhân dân các xã, phường', 'Commune People''s Committees', 'people_committee', '2025-07-01');
INSERT INTO htx_agency_succession (agency_code, successor_code, source) VALUES ('DPC', 'CPC', 'Luật Tổ chức chính quyền địa phương 2025');
INSERT INTO htx_task (task_code, parent_code, title_vi, title_en, clause) VALUES ('TN-2025.1', 'III.2', 'Chọn mô hình HTX NN cấp xã', 'Commune model cooperatives', 'Kế hoạch tỉnh 2025');
INSERT INTO htx_assignment (task_code, agency_code, role, source) VALUES ('TN-2025.1', 'CPC', 'lead', 'Kế hoạch tỉnh 2025, mục 1');
SELECT is(htx_lead_agencies('A6', '2025-07-01'), ARRAY['DAE', 'CPC'], 'a succession the province adds is followed');
SELECT is(htx_agency_resolve('UBND các xã phường'), 'CPC', 'its agency resolves by name without any alias');
SELECT results_eq($$SELECT task_code, role FROM htx_agency_tasks('CPC', 'lead') WHERE task_code IN ('TN-2025.1', 'A6')$$,
	$$VALUES ('A6', 'lead'), ('TN-2025.1', 'lead')$$, 'it owns its task and inherits the district committees''');
SELECT throws_ok($$INSERT INTO htx_agency (agency_code, name_vi, name_en, kind) VALUES ('cpc2', 'X', 'X', 'department')$$,
	'23514', NULL, 'agency codes are upper-case ASCII');
SELECT throws_ok($$INSERT INTO htx_agency (agency_code, name_vi, name_en, kind) VALUES ('X', 'X', 'X', 'ministry')$$,
	'23514', NULL, 'kinds are checked');
SELECT throws_ok($$INSERT INTO htx_assignment (task_code, agency_code, role, source) VALUES ('III.7', 'DARD', 'owner', 'x')$$,
	'23514', NULL, 'roles are lead or support');
SELECT throws_ok($$INSERT INTO htx_assignment (task_code, agency_code, role, source) VALUES ('III.7', 'NOBODY', 'lead', 'x')$$,
	'23503', NULL, 'assignments name known agencies');
SELECT throws_ok($$INSERT INTO htx_task (task_code, parent_code, title_vi, title_en, clause) VALUES ('X.1', 'X', 'x', 'x', 'x')$$,
	'23503', 'parent task "X" of task "X.1" does not exist', 'a task''s parent must exist');
SELECT lives_ok($$INSERT INTO htx_task (task_code, parent_code, title_vi, title_en, clause)
	VALUES ('Y.1', 'Y', 'y', 'y', 'y'), ('Y', NULL, 'y', 'y', 'y')$$,
	'checked at the end of the statement, like a foreign key: a child may come before its parent (as in a dump)');
SELECT throws_ok($$DELETE FROM htx_task WHERE task_code = 'Y'$$,
	'23503', 'task "Y" is still the parent or related task of another task', 'a parent is not removed under its items');
SELECT throws_ok($$UPDATE htx_task SET task_code = 'Y.ONE' WHERE task_code = 'Y'$$,
	'23503', NULL, 'nor renamed');
SELECT throws_ok($$INSERT INTO htx_agency_succession (agency_code, successor_code, source) VALUES ('DOF', 'DOF', 'x')$$,
	'23514', NULL, 'an agency does not succeed itself');

-- ---------------------------------------------------------------- views
SELECT is((SELECT count(*)::int FROM htx_task_matrix), (SELECT count(*)::int FROM htx_task), 'htx_task_matrix: one row per task');
SELECT results_eq($$SELECT lead_codes, supporting_codes, lead_count, supporting_count, supporting_agencies FROM htx_task_matrix WHERE task_code = 'A3.2'$$,
	$$VALUES ('DOIT; DIC; DARD; DOST; VCA; DPC', 'DEPTS_RELATED', 6, 1, 'Các sở, ngành, đoàn thể của tỉnh liên quan')$$,
	'readable lists in the table''s order');
SELECT is((SELECT lead_agencies FROM htx_task_matrix WHERE task_code = 'A6'),
	'Sở Nông nghiệp và Phát triển nông thôn; Ủy ban nhân dân các huyện, thành phố', 'lead names as listed');
SELECT is((SELECT lead_agencies_now FROM htx_task_matrix WHERE task_code = 'III.4.c'),
	CASE WHEN current_date >= '2025-03-01' THEN 'Sở Nông nghiệp và Môi trường' ELSE 'Sở Tài nguyên và Môi trường' END,
	'and as held today');
SELECT results_eq($$SELECT lead_agencies, lead_count, sources FROM htx_task_matrix WHERE task_code = 'III.7'$$,
	$$VALUES (NULL::text, 0, NULL::text)$$, 'a task nobody is given: NULL lists, zero counts');
SELECT results_eq($$SELECT sources, source_count, role_vi FROM htx_task_assignments WHERE task_code = 'III.2' AND agency_code = 'DPC'$$,
	$$VALUES ('V.11 bullet 1; V.11 bullet 2', 2, 'lựa chọn; ưu tiên hỗ trợ')$$,
	'htx_task_assignments: one row per task, agency and role, clauses listed');
SELECT is((SELECT count(*)::int FROM htx_task_assignments),
	(SELECT count(*)::int FROM (SELECT DISTINCT task_code, agency_code, role FROM htx_assignment) d), 'and no other rows');
SELECT is((SELECT current_agency_code FROM htx_task_assignments WHERE task_code = 'A2' AND agency_code = 'DPI'),
	htx_agency_on('DPI', current_date), 'current_agency_code follows the successors to today');
SELECT is_empty($$SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
	FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
	WHERE c.relname IN ('htx_task_assignments', 'htx_task_matrix', 'htx_agency_spelling') AND a.attnum > 0
	  AND (a.atttypid NOT IN ('text'::regtype, 'int4'::regtype, 'date'::regtype, 'bool'::regtype)
	       OR a.attname !~ '^[a-z][a-z0-9_]*$')$$,
	'the views have plain text/integer/date/boolean columns with snake_case names');

-- a BI role given htx_grant_reader reads every column of the plan views
-- (views must not call functions that read tables: those run as the reader)
CREATE TEMP TABLE owner_matrix AS SELECT t::text AS r FROM htx_task_matrix t;
CREATE TEMP TABLE owner_assignments AS SELECT t::text AS r FROM htx_task_assignments t;
CREATE TEMP TABLE owner_spelling AS SELECT t::text AS r FROM htx_agency_spelling t;
CREATE ROLE htx_plan_test_reader;
SELECT ok((SELECT count(*) FROM htx_grant_reader('htx_plan_test_reader') WHERE object_name IN ('htx_task_matrix', 'htx_task_assignments', 'htx_agency_spelling')) = 3,
	'htx_grant_reader grants the plan views');
GRANT SELECT ON owner_matrix, owner_assignments, owner_spelling TO htx_plan_test_reader;
SET LOCAL ROLE htx_plan_test_reader;
SELECT set_eq($$SELECT t::text FROM htx_task_matrix t$$, $$SELECT r FROM owner_matrix$$,
	'a reader role sees htx_task_matrix as the owner does, every column');
SELECT set_eq($$SELECT t::text FROM htx_task_assignments t$$, $$SELECT r FROM owner_assignments$$,
	'and htx_task_assignments');
SELECT set_eq($$SELECT t::text FROM htx_agency_spelling t$$, $$SELECT r FROM owner_spelling$$,
	'and htx_agency_spelling');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
