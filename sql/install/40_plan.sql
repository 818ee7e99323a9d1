-- ---------------------------------------------------------------------------
-- The plan as data: agencies, tasks, and who leads or supports each task
-- ---------------------------------------------------------------------------
--
-- Source: Thái Nguyên Provincial People's Committee, Plan 42/KH-UBND of
-- 14 March 2024: section III (tasks III.1 to III.8 and their lettered items),
-- section IV (funding), section V (what each agency does, V.1 to V.11) and the
-- appendix table (PHỤ LỤC, rows A1.1 to A6).  The appendix rows are
-- transcribed as the table lists them; section V's duties are recorded on the
-- section III (or IV) task whose words they repeat, and the few duties that no
-- section III item names get a task of their own (V.2.1, V.2.2, V.5.1, V.5.2,
-- V.10.1, V.11.1).  Every assignment keeps the clause it came from (source),
-- the words the source uses for the agency (listed_as) and for its role
-- (role_vi), and a note where the text leaves room.
--
-- The tables are registered with pg_extension_config_dump: rows a province
-- adds (builtin = false) survive pg_dump/pg_restore; the shipped rows are not
-- dumped, since CREATE EXTENSION recreates them.  No sequences: keys are codes.
--
-- Errors: unknown agency or task P0002 (no_data_found), ambiguous name P0003
-- (too_many_rows), unknown role 22023 (invalid_parameter_value), NULL task or
-- agency 22004 (null_value_not_allowed).

-- Agencies -------------------------------------------------------------------

CREATE TABLE @extschema@.htx_agency (
	agency_code pg_catalog.text PRIMARY KEY
		CONSTRAINT htx_agency_code_is_upper_ascii CHECK (agency_code OPERATOR(pg_catalog.~) '^[A-Z][A-Z0-9_]*$'),
	name_vi pg_catalog.text NOT NULL
		CONSTRAINT htx_agency_name_vi_not_blank CHECK (pg_catalog.btrim(name_vi) OPERATOR(pg_catalog.<>) ''),
	short_names pg_catalog.text[] NOT NULL DEFAULT '{}',
	name_en pg_catalog.text NOT NULL,
	kind pg_catalog.text NOT NULL
		CONSTRAINT htx_agency_kind_known CHECK (kind OPERATOR(pg_catalog.=) ANY
			('{department,people_committee,mass_organisation,bank,press,catch_all}'::pg_catalog.text[])),
	valid_from pg_catalog.date,
	valid_to pg_catalog.date,
	note pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	CONSTRAINT htx_agency_valid_to_not_before_valid_from CHECK (valid_to OPERATOR(pg_catalog.>=) valid_from)
);
COMMENT ON TABLE @extschema@.htx_agency IS
'agencies named in Plan 42/KH-UBND (sở, UBND, đoàn thể, ngân hàng, báo chí, and catch-alls such as "các sở, ngành, đoàn thể của tỉnh liên quan"), with validity dates for the 2025 reorganisation; rows a province adds survive pg_dump';
COMMENT ON COLUMN @extschema@.htx_agency.agency_code IS 'stable ASCII code (upper case, digits, _), e.g. DARD, DPI, VCA, DPC; never changes';
COMMENT ON COLUMN @extschema@.htx_agency.name_vi IS 'full Vietnamese name, as the plan writes it where it writes it in full';
COMMENT ON COLUMN @extschema@.htx_agency.short_names IS 'short forms the plan itself uses for the agency, as spelled there (other accepted spellings are in htx_agency_alias)';
COMMENT ON COLUMN @extschema@.htx_agency.name_en IS 'English name';
COMMENT ON COLUMN @extschema@.htx_agency.kind IS 'department (sở), people_committee (UBND), mass_organisation (Mặt trận, hội, đoàn thể), bank, press, or catch_all (an unspecified group, e.g. "các sở, ngành, đoàn thể của tỉnh liên quan")';
COMMENT ON COLUMN @extschema@.htx_agency.valid_from IS 'first day the agency exists; NULL when it existed before the plan (not recorded)';
COMMENT ON COLUMN @extschema@.htx_agency.valid_to IS 'last day the agency exists (inclusive); NULL while it continues; its duties then pass to its successor (htx_agency_succession), if any';
COMMENT ON COLUMN @extschema@.htx_agency.note IS 'what the sources say, or do not say, about the agency';
COMMENT ON COLUMN @extschema@.htx_agency.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.htx_agency_succession (
	agency_code pg_catalog.text PRIMARY KEY
		REFERENCES @extschema@.htx_agency ON UPDATE CASCADE ON DELETE CASCADE,
	successor_code pg_catalog.text NOT NULL
		REFERENCES @extschema@.htx_agency ON UPDATE CASCADE,
	source pg_catalog.text NOT NULL,
	note pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	CONSTRAINT htx_agency_succession_not_itself CHECK (successor_code OPERATOR(pg_catalog.<>) agency_code)
);
COMMENT ON TABLE @extschema@.htx_agency_succession IS
'which agency takes over an agency''s duties after its valid_to (the 2025 reorganisation); kept apart from htx_agency so that a succession a province adds, even for a shipped agency, survives pg_dump';
COMMENT ON COLUMN @extschema@.htx_agency_succession.agency_code IS 'the agency that ends (htx_agency.valid_to)';
COMMENT ON COLUMN @extschema@.htx_agency_succession.successor_code IS 'the agency that takes over its duties from the day after';
COMMENT ON COLUMN @extschema@.htx_agency_succession.source IS 'the legal act that makes the change';
COMMENT ON COLUMN @extschema@.htx_agency_succession.note IS 'what the change involves';
COMMENT ON COLUMN @extschema@.htx_agency_succession.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.htx_agency_alias (
	alias pg_catalog.text PRIMARY KEY
		CONSTRAINT htx_agency_alias_not_blank CHECK (pg_catalog.btrim(alias) OPERATOR(pg_catalog.<>) ''),
	agency_code pg_catalog.text NOT NULL
		REFERENCES @extschema@.htx_agency ON UPDATE CASCADE ON DELETE CASCADE,
	note pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.htx_agency_alias IS
'other ways people write an agency''s name (abbreviations such as "SKHĐT", "UBND cấp huyện"), besides its name_vi, name_en and short_names; compared as htx_agency_key does; rows a province adds survive pg_dump';
COMMENT ON COLUMN @extschema@.htx_agency_alias.alias IS 'the spelling, as people write it';
COMMENT ON COLUMN @extschema@.htx_agency_alias.agency_code IS 'the agency it names';
COMMENT ON COLUMN @extschema@.htx_agency_alias.note IS 'where the spelling is used';
COMMENT ON COLUMN @extschema@.htx_agency_alias.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

-- Tasks ------------------------------------------------------------------------

CREATE TABLE @extschema@.htx_task (
	task_code pg_catalog.text PRIMARY KEY
		CONSTRAINT htx_task_code_has_no_spaces CHECK (task_code OPERATOR(pg_catalog.~) '^[A-Za-z0-9][A-Za-z0-9._/-]*$'),
	parent_code pg_catalog.text,
	part pg_catalog.text NOT NULL DEFAULT 'local'
		CONSTRAINT htx_task_part_known CHECK (part OPERATOR(pg_catalog.=) ANY ('{III,IV,V,appendix,local}'::pg_catalog.text[])),
	sort_order pg_catalog.int4,
	title_vi pg_catalog.text NOT NULL
		CONSTRAINT htx_task_title_vi_not_blank CHECK (pg_catalog.btrim(title_vi) OPERATOR(pg_catalog.<>) ''),
	body_vi pg_catalog.text,
	title_en pg_catalog.text NOT NULL,
	clause pg_catalog.text NOT NULL,
	related_task_code pg_catalog.text,
	note pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	CONSTRAINT htx_task_not_its_own_parent CHECK (parent_code OPERATOR(pg_catalog.<>) task_code)
);
COMMENT ON TABLE @extschema@.htx_task IS
'tasks of Plan 42/KH-UBND: section III items (III.1 ... III.8, lettered III.1.a ...), section IV (funding), duties only section V names (V.2.1 ...), and the appendix rows (A1.1 ... A6); rows a province adds survive pg_dump';
COMMENT ON COLUMN @extschema@.htx_task.task_code IS 'code following the plan: III.4.c is item c) of III.4; A3.1 is the first row of appendix group 3; V.5.1 is V.5''s first bullet';
COMMENT ON COLUMN @extschema@.htx_task.parent_code IS 'the task this one is an item of (III.4 for III.4.c, A3 for A3.1); NULL at the top';
COMMENT ON COLUMN @extschema@.htx_task.part IS 'part of the plan: III, IV, V, appendix; local for tasks a province adds';
COMMENT ON COLUMN @extschema@.htx_task.sort_order IS 'order of the plan (III, IV, V, then the appendix); NULL sorts last';
COMMENT ON COLUMN @extschema@.htx_task.title_vi IS 'the heading, or for a lettered item or table row without heading its whole text, verbatim (misprints included)';
COMMENT ON COLUMN @extschema@.htx_task.body_vi IS 'text under a heading that has no lettered items (III.2, III.7, IV, appendix row 2), verbatim; NULL otherwise';
COMMENT ON COLUMN @extschema@.htx_task.title_en IS 'short English rendering of the title (a summary for long items, not a translation of every word)';
COMMENT ON COLUMN @extschema@.htx_task.clause IS 'where in the plan the task is written: III.4.c, IV, V.2 bullet 1, Phụ lục row 3.1';
COMMENT ON COLUMN @extschema@.htx_task.related_task_code IS 'for an appendix group: the section III task whose heading it repeats (A1 is III.1, A2 is III.3); NULL where no heading matches';
COMMENT ON COLUMN @extschema@.htx_task.note IS 'where the text is ambiguous, irregular or misprinted, what it says and how htx records it';
COMMENT ON COLUMN @extschema@.htx_task.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

-- parent_code and related_task_code refer to htx_task itself.  Not as foreign
-- keys: pg_dump warns about any self-referencing foreign key on a table whose
-- rows it dumps (it cannot order the table's data before itself), so a
-- constraint trigger checks them instead, at the end of each statement like a
-- foreign key (or at commit, after SET CONSTRAINTS htx_task_links DEFERRED).
CREATE FUNCTION @extschema@.htx_task_check_links()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		IF NEW.parent_code IS NOT NULL
		   AND NOT EXISTS (SELECT 1 FROM htx_task t WHERE t.task_code = NEW.parent_code) THEN
			RAISE EXCEPTION 'parent task "%" of task "%" does not exist', NEW.parent_code, NEW.task_code
				USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'htx_task_links';
		END IF;
		IF NEW.related_task_code IS NOT NULL
		   AND NOT EXISTS (SELECT 1 FROM htx_task t WHERE t.task_code = NEW.related_task_code) THEN
			RAISE EXCEPTION 'related task "%" of task "%" does not exist', NEW.related_task_code, NEW.task_code
				USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'htx_task_links';
		END IF;
	END IF;
	IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.task_code <> OLD.task_code) THEN
		IF EXISTS (SELECT 1 FROM htx_task t
		           WHERE t.parent_code = OLD.task_code OR t.related_task_code = OLD.task_code) THEN
			RAISE EXCEPTION 'task "%" is still the parent or related task of another task', OLD.task_code
				USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'htx_task_links',
					  HINT = 'Change or remove those tasks first.';
		END IF;
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_task_check_links() IS
'trigger function of htx_task_links: parent_code and related_task_code name existing tasks, and a task still named by another is not removed or renamed (23503)';
CREATE CONSTRAINT TRIGGER htx_task_links
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.htx_task
	DEFERRABLE INITIALLY IMMEDIATE
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_task_check_links();
COMMENT ON TRIGGER htx_task_links ON @extschema@.htx_task IS
'checks parent_code and related_task_code like a foreign key would (see htx_task_check_links)';

-- Assignments ------------------------------------------------------------------

CREATE TABLE @extschema@.htx_assignment (
	task_code pg_catalog.text NOT NULL
		REFERENCES @extschema@.htx_task ON UPDATE CASCADE ON DELETE CASCADE,
	agency_code pg_catalog.text NOT NULL
		REFERENCES @extschema@.htx_agency ON UPDATE CASCADE,
	role pg_catalog.text NOT NULL
		CONSTRAINT htx_assignment_role_is_lead_or_support CHECK (role OPERATOR(pg_catalog.=) ANY ('{lead,support}'::pg_catalog.text[])),
	source pg_catalog.text NOT NULL,
	list_order pg_catalog.int4 NOT NULL DEFAULT 1,
	listed_as pg_catalog.text,
	role_vi pg_catalog.text,
	note pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	PRIMARY KEY (task_code, agency_code, role, source)
);
COMMENT ON TABLE @extschema@.htx_assignment IS
'who leads (chủ trì / đồng chủ trì) or supports (phối hợp) each task, one row per task, agency, role and clause; rows a province adds survive pg_dump';
COMMENT ON COLUMN @extschema@.htx_assignment.task_code IS 'the task (htx_task)';
COMMENT ON COLUMN @extschema@.htx_assignment.agency_code IS 'the agency (htx_agency), as of the plan (2024): see htx_task_agencies(task, as_of) for successors';
COMMENT ON COLUMN @extschema@.htx_assignment.role IS 'lead: chủ trì or đồng chủ trì (the appendix does not say which of its leads is which), or an agency given a duty alone; support: phối hợp';
COMMENT ON COLUMN @extschema@.htx_assignment.source IS 'the clause the assignment comes from: Phụ lục row 3.1, V.7 bullet 1, V.3';
COMMENT ON COLUMN @extschema@.htx_assignment.list_order IS 'position of the agency in the clause''s list';
COMMENT ON COLUMN @extschema@.htx_assignment.listed_as IS 'the words the clause uses for the agency, verbatim (e.g. "Sở Nông nghiệp và PTNT", "các ngành, đơn vị")';
COMMENT ON COLUMN @extschema@.htx_assignment.role_vi IS 'the words the clause uses for the role: chủ trì/đồng chủ trì (appendix), chủ trì, phối hợp, or the verb when it names neither (tổ chức, chỉ đạo ...)';
COMMENT ON COLUMN @extschema@.htx_assignment.note IS 'why a section V clause is recorded on this task, and what the text leaves open';
COMMENT ON COLUMN @extschema@.htx_assignment.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

SELECT pg_catalog.pg_extension_config_dump('htx_agency', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('htx_agency_succession', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('htx_agency_alias', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('htx_task', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('htx_assignment', 'WHERE NOT builtin');

-- The agencies of Plan 42, and what became of them in 2025 ---------------------

INSERT INTO @extschema@.htx_agency (agency_code, name_vi, short_names, name_en, kind, valid_from, valid_to, note, builtin) VALUES
('PPC', 'Ủy ban nhân dân tỉnh Thái Nguyên', '{"UBND tỉnh"}',
 'Thái Nguyên Provincial People''s Committee', 'people_committee', NULL, NULL,
 'Issues the plan; the plan gives it no task (the departments advise it: "tham mưu trình UBND tỉnh"). Thái Nguyên merged with Bắc Kạn on 2025-07-01 keeping its name.', true),
('DARD', 'Sở Nông nghiệp và Phát triển nông thôn', '{"Sở Nông nghiệp và PTNT"}',
 'Department of Agriculture and Rural Development', 'department', NULL, '2025-02-28',
 'Merged with Sở Tài nguyên và Môi trường into Sở Nông nghiệp và Môi trường from 2025-03-01 (Decree 45/2025/NĐ-CP).', true),
('DPI', 'Sở Kế hoạch và Đầu tư', '{}',
 'Department of Planning and Investment', 'department', NULL, '2025-02-28',
 'Merged into Sở Tài chính from 2025-03-01 (Decree 45/2025/NĐ-CP).', true),
('DOF', 'Sở Tài chính', '{}',
 'Department of Finance', 'department', NULL, NULL,
 'Continues; absorbs Sở Kế hoạch và Đầu tư from 2025-03-01.', true),
('DOST', 'Sở Khoa học và Công nghệ', '{}',
 'Department of Science and Technology', 'department', NULL, NULL,
 'Continues; absorbs Sở Thông tin và Truyền thông from 2025-03-01.', true),
('DIC', 'Sở Thông tin và Truyền thông', '{}',
 'Department of Information and Communications', 'department', NULL, '2025-02-28',
 'Merged into Sở Khoa học và Công nghệ from 2025-03-01 (Decree 45/2025/NĐ-CP).', true),
('DOIT', 'Sở Công Thương', '{"Sở Công thương"}',
 'Department of Industry and Trade', 'department', NULL, NULL,
 'Unchanged by the 2025 reorganisation.', true),
('DONRE', 'Sở Tài nguyên và Môi trường', '{}',
 'Department of Natural Resources and Environment', 'department', NULL, '2025-02-28',
 'Merged with Sở Nông nghiệp và Phát triển nông thôn into Sở Nông nghiệp và Môi trường from 2025-03-01 (Decree 45/2025/NĐ-CP).', true),
('DOHA', 'Sở Nội vụ', '{}',
 'Department of Home Affairs', 'department', NULL, NULL,
 'Continues; absorbs labour affairs from 2025-03-01.', true),
('DAE', 'Sở Nông nghiệp và Môi trường', '{}',
 'Department of Agriculture and Environment', 'department', '2025-03-01', NULL,
 'Formed on 2025-03-01 from Sở Nông nghiệp và Phát triển nông thôn and Sở Tài nguyên và Môi trường (Decree 45/2025/NĐ-CP); not named in the plan.', true),
('VCA', 'Liên minh Hợp tác xã tỉnh', '{"Liên minh HTX tỉnh","Liên Minh HTX tỉnh"}',
 'Provincial Cooperative Alliance', 'mass_organisation', NULL, NULL,
 'Continues.', true),
('SBV_TN', 'Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Thái Nguyên', '{"NHNN Việt Nam chi nhánh Thái Nguyên"}',
 'State Bank of Vietnam, Thái Nguyên branch', 'bank', NULL, NULL,
 'What became of the branch in 2025 is unverified: no end date or successor is shipped; a province can add them.', true),
('VFF', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', '{"Ủy ban Mặt trận Tổ quốc tỉnh"}',
 'Provincial Vietnam Fatherland Front Committee', 'mass_organisation', NULL, NULL,
 'Continues.', true),
('MASS_ORGS', 'Các hội, đoàn thể cấp tỉnh', '{}',
 'Provincial associations and mass organisations', 'mass_organisation', NULL, NULL,
 'A group the plan names without listing its members (V.10).', true),
('PRESS_BTN', 'Báo Thái Nguyên', '{}',
 'Thái Nguyên Newspaper', 'press', NULL, NULL,
 'What became of it in 2025 is unverified.', true),
('PRESS_RTV', 'Đài Phát thanh - Truyền hình tỉnh', '{"Đài PT-TH tỉnh"}',
 'Provincial Radio and Television Station', 'press', NULL, NULL,
 'The plan writes only the short form "Đài PT-TH tỉnh"; the full name is from the project''s domain notes. What became of it in 2025 is unverified.', true),
('PRESS_INFO', 'Trung tâm thông tin tỉnh', '{}',
 'Provincial Information Centre', 'press', NULL, NULL,
 'The plan does not say which body runs it. What became of it in 2025 is unverified.', true),
('DPC', 'Ủy ban nhân dân các huyện, thành phố', '{"UBND các huyện, thành phố"}',
 'People''s Committees of the districts and cities', 'people_committee', NULL, '2025-06-30',
 'The nine district-level People''s Committees of Thái Nguyên; the district level was abolished on 2025-07-01. The sources name no successor, so none is shipped: a province can add one (e.g. its commune People''s Committees) in htx_agency_succession.', true),
('DEPTS_RELATED', 'Các sở, ngành, đoàn thể của tỉnh liên quan', '{}',
 'Relevant provincial departments, sectors and mass organisations', 'catch_all', NULL, NULL,
 'The appendix''s "Cơ quan phối hợp" for most rows; also stands for section V''s "các sở, ngành", "các ngành, đơn vị", "cơ quan, đơn vị liên quan" (listed_as keeps the words).', true),
('ORGS_RELATED', 'Các tổ chức, cá nhân có liên quan', '{}',
 'Relevant organisations and individuals', 'catch_all', NULL, NULL,
 'The appendix''s "Cơ quan phối hợp" for rows 5 and 6.', true),
('LOCALITIES', 'Các địa phương', '{}',
 'Localities', 'catch_all', NULL, NULL,
 'Section V''s "địa phương" (as in "các sở, ngành, địa phương"): the plan does not say at which level, so it is not read as UBND các huyện, thành phố.', true);

INSERT INTO @extschema@.htx_agency_succession (agency_code, successor_code, source, note, builtin) VALUES
('DARD', 'DAE', 'Decree 45/2025/NĐ-CP', 'merged with Sở Tài nguyên và Môi trường into Sở Nông nghiệp và Môi trường', true),
('DONRE', 'DAE', 'Decree 45/2025/NĐ-CP', 'merged with Sở Nông nghiệp và Phát triển nông thôn into Sở Nông nghiệp và Môi trường', true),
('DPI', 'DOF', 'Decree 45/2025/NĐ-CP', 'merged into Sở Tài chính', true),
('DIC', 'DOST', 'Decree 45/2025/NĐ-CP', 'merged into Sở Khoa học và Công nghệ', true);

INSERT INTO @extschema@.htx_agency_alias (alias, agency_code, note, builtin) VALUES
('SNN', 'DARD', 'the department''s own abbreviation (Tờ trình số 608/TTr-SNN)', true),
('Sở NN&PTNT', 'DARD', 'common abbreviation', true),
('Sở Nông nghiệp và Phát triển nông thôn Thái Nguyên', 'DARD', NULL, true),
('SKHĐT', 'DPI', 'common abbreviation', true),
('Sở KH&ĐT', 'DPI', 'common abbreviation', true),
('STC', 'DOF', 'common abbreviation', true),
('SKHCN', 'DOST', 'common abbreviation', true),
('Sở KH&CN', 'DOST', 'common abbreviation', true),
('STTTT', 'DIC', 'common abbreviation', true),
('Sở TT&TT', 'DIC', 'common abbreviation', true),
('SCT', 'DOIT', 'common abbreviation', true),
('STNMT', 'DONRE', 'common abbreviation', true),
('Sở TN&MT', 'DONRE', 'common abbreviation', true),
('SNV', 'DOHA', 'common abbreviation', true),
('Sở NN&MT', 'DAE', 'common abbreviation', true),
('SNNMT', 'DAE', 'common abbreviation', true),
('Liên minh HTX', 'VCA', 'common short form', true),
('LMHTX', 'VCA', 'common abbreviation', true),
('Cooperative Alliance', 'VCA', NULL, true),
('NHNN chi nhánh Thái Nguyên', 'SBV_TN', 'common short form', true),
('NHNN tỉnh', 'SBV_TN', 'common short form', true),
('State Bank of Vietnam Thái Nguyên', 'SBV_TN', NULL, true),
('MTTQ tỉnh', 'VFF', 'common short form', true),
('UBMTTQ tỉnh', 'VFF', 'common abbreviation', true),
('Mặt trận Tổ quốc tỉnh', 'VFF', 'common short form', true),
('Đài PTTH tỉnh', 'PRESS_RTV', 'common short form', true),
('UBND huyện', 'DPC', 'common short form', true),
('UBND cấp huyện', 'DPC', 'common short form', true),
('UBND các huyện', 'DPC', 'common short form', true),
('Ủy ban nhân dân cấp huyện', 'DPC', NULL, true),
('District People''s Committees', 'DPC', NULL, true),
('Các sở, ngành liên quan', 'DEPTS_RELATED', 'section V''s wording', true),
('Các sở, ban, ngành', 'DEPTS_RELATED', 'section V''s wording (V.10)', true),
('Các ngành, đơn vị', 'DEPTS_RELATED', 'section V''s wording (V.1)', true),
('Provincial People''s Committee', 'PPC', NULL, true);

-- Tasks of Plan 42 ---------------------------------------------------------------

INSERT INTO @extschema@.htx_task (task_code, parent_code, part, sort_order, clause, title_vi, body_vi, title_en, related_task_code, note, builtin)
SELECT t.code, t.parent, t.part, t.ord, t.clause, t.vi, t.body, t.en, NULL, t.note, true
FROM (VALUES
-- Section III: Nhiệm vụ và giải pháp
(10, 'III.1', NULL, 'III', 'III.1',
 'Tổ chức truyền thông, phổ biến, nâng cao nhận thức tầm quan trọng của hợp tác xã trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới', NULL,
 'Communication and awareness of the role of cooperatives in restructuring agriculture and building new rural areas', NULL),
(20, 'III.1.a', 'III.1', 'III', 'III.1.a',
 'Tổ chức phổ biến, quán triệt các quan điểm, mục tiêu, nhiệm vụ và giải pháp của Nghị quyết số 20-NQ/TW ngày 16/6/2022 của BCH Trung ương Đảng khóa XIII; Nghị quyết số 106/NQ-CP ngày 18/7/2023 của Chính phủ; các Chương trình, Đề án, Kế hoạch của Chính phủ, Thủ tướng Chính phủ và của Tỉnh ủy, UBND tỉnh về phát triển kinh tế tập thể, HTX NN cho toàn thể cán bộ, công chức, viên chức, người lao động và người dân, nhằm tạo chuyển biến nhận thức về vai trò, tầm quan trọng phát triển HTX NN trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới; tăng cường tuyên truyền, phổ biến, nhân rộng kinh nghiệm các mô hình HTX NN tiêu biểu, sáng tạo, hiệu quả, gắn kết sản xuất với tiêu thụ sản phẩm theo chuỗi giá trị nông sản, nông nghiệp hữu cơ, nông nghiệp tuần hoàn, thích ứng với biến đổi khí hậu, do thanh niên, phụ nữ khởi nghiệp thành công; ứng dụng công nghệ cao, chuyển đổi số; làm chủ thẻ sản phẩm OCOP, chủ sở hữu thương hiệu và kết nối sản xuất với tiêu thụ tại thị trường trong và ngoài nước.', NULL,
 'Disseminate Resolutions 20-NQ/TW and 106/NQ-CP and the collective-economy programmes; spread the experience of model cooperatives',
 'Transcribed as printed: "làm chủ thẻ sản phẩm OCOP" (read: chủ thể, owner).'),
(30, 'III.1.b', 'III.1', 'III', 'III.1.b',
 'Xây dựng và tổ chức các hoạt động thông tin, tuyên truyền đa dạng, phong phú trên các báo chí, truyền thông về kinh tế tập thể, HTX nông nghiệp; tổ chức các hội nghị, hội thảo, diễn đàn; xây dựng các ấn phẩm, bản tin, tờ rơi;... Định kỳ hàng năm tổ chức các sự kiện “Tuần lễ kinh tế tập thể, HTX NN” chào mừng ngày Hợp tác xã Việt Nam (ngày 11/4).', NULL,
 'Information campaigns in the press and media, conferences, publications; a yearly collective-economy week for Vietnam Cooperative Day (11 April)', NULL),
(40, 'III.1.c', 'III.1', 'III', 'III.1.c',
 'Phát động các phong trào thi đua, khen thưởng kịp thời, tôn vinh và nhân rộng các mô hình KTTT, HTXNN hoạt động hiệu quả, tiêu biểu ở địa phương. Đồng thời, lựa chọn, giới thiệu, tuyên truyền các mô hình HTXNN điển hình, hoạt động hiệu quả trong, ngoài nước để tham quan học hỏi kinh nghiệm.', NULL,
 'Emulation movements and awards; honour and replicate effective models; study visits to model cooperatives at home and abroad', NULL),
(50, 'III.2', NULL, 'III', 'III.2',
 'Xây dựng mô hình hợp tác xã nông nghiệp hoạt động hiệu quả, phù hợp với đặc điểm của tỉnh',
 'Mỗi huyện, thành phố lựa chọn, xây dựng tối thiểu 01 mô hình hợp tác xã nông nghiệp phát triển bền vững, hiệu quả, phù hợp với điều kiện, khả năng phát triển của địa phương. Ưu tiên hỗ trợ phát triển mô hình HTX NN kiểu mới, hoạt động hiệu quả, gắn với vùng sản xuất sản phẩm chủ lực, liên kết với doanh nghiệp hình thành chuỗi giá trị quy mô lớn, cung cấp nguyên liệu đầu vào, đáp ứng nhu cầu doanh nghiệp về sản lượng, chất lượng, phục vụ thị trường tiêu thụ trong nước và xuất khẩu.
Xây dựng mô hình HTX NN gắn với ứng dụng công nghệ thông tin, chuyển đổi số trong sản xuất kinh doanh và quản lý hợp tác xã, truy suất nguồn gốc sản phẩm, bảo đảm minh bạch thông tin và an toàn thực phẩm; hỗ trợ cơ sở hạ tầng, nâng cao năng lực sản xuất, phân loại, sơ chế và tổ chức cung ứng dịch vụ logistics của HTX NN.',
 'Build effective model agricultural cooperatives suited to the province, at least one per district-level unit',
 'No lettered items: two paragraphs (body_vi). Its first sentence names its actors ("Mỗi huyện, thành phố"); the assignments are those of section V (V.1, V.8, V.11).'),
(60, 'III.3', NULL, 'III', 'III.3',
 'Đào tạo, tập huấn, bồi dưỡng nâng cao năng lực cho cán bộ quản lý, thành viên hợp tác xã nông nghiệp', NULL,
 'Training and capacity building for cooperative managers and members',
 'The lettered items run a) to e): the plan has no item đ).'),
(70, 'III.3.a', 'III.3', 'III', 'III.3.a',
 'Tổ chức đào tạo, tập huấn về phát triển hợp tác xã cho đội ngũ cán bộ, đảng viên các cấp (đặc biệt là cấp xã và cấp huyện) những kiến thức cơ bản, quan trọng liên quan đến kinh tế tập thể, HTX và các văn bản chính sách hiện hành của Trung ương, của tỉnh.', NULL,
 'Train officials and party members at every level (above all commune and district) in collective economy and cooperative policy', NULL),
(80, 'III.3.b', 'III.3', 'III', 'III.3.b',
 'Phối hợp, triển khai Chương trình đào tạo nghề giám đốc hợp tác xã nông nghiệp; lồng ghép về chương trình đào tạo nghề cho lao động nông thôn nhằm cao trình độ quản lý, điều hành cho các HTX NN. Ưu tiên đào tạo lực lượng cán bộ trẻ, cán bộ nữ tham gia quản lý, điều hành HTX NN.', NULL,
 'The cooperative director training programme, with rural vocational training; priority to young and female managers',
 'Transcribed as printed: "nhằm cao trình độ" (a word is missing, read: nâng cao).'),
(90, 'III.3.c', 'III.3', 'III', 'III.3.c',
 'Nâng cao chất lượng đào tạo, tập huấn, bồi dưỡng trình độ, kỹ năng quản lý HTX NN thông qua các chương trình đào tạo, huấn luyện nghề nông nghiệp cho lao động nông thôn. Đa dạng hóa các loại hình đào tạo, cả hình thức đào tạo tập trung, từ xa và trực tuyến, phù hợp với nhu cầu của HTX NN.', NULL,
 'Better and more varied training in cooperative management (in person, distance, online)', NULL),
(100, 'III.3.d', 'III.3', 'III', 'III.3.d',
 'Thu hút nguồn lực đào tạo, bồi dưỡng nâng cao trình độ cho cán bộ quản lý, thành viên HTX NN; hợp tác, liên kết đưa cán bộ quản lý, lao động làm việc trong các HTX NN đi học tập, lao động tại nước ngoài theo quy định của pháp luật; thu hút lao động trẻ, sinh viên tốt nghiệp các trường đại học, cao đẳng, sau đại học làm việc trong các HTX NN.', NULL,
 'Training resources; study and work abroad for cooperative staff; attract young workers and graduates to cooperatives', NULL),
(110, 'III.3.e', 'III.3', 'III', 'III.3.e',
 'Tiếp tục rà soát, bổ sung cơ chế, chính sách của tỉnh để tạo động lực thu hút lao động trẻ, sinh viên tốt nghiệp các trường đại học, cao đẳng, trung cấp làm việc trong các HTX NN; ưu tiên các HTX có quy mô thành viên lớn, phát triển nhiều dịch vụ, tham gia liên kết chuỗi giá trị trong các vùng nguyên liệu nông sản đạt chuẩn.', NULL,
 'Review and add provincial policies that draw young workers and graduates to cooperatives', NULL),
(120, 'III.4', NULL, 'III', 'III.4',
 'Hỗ trợ đầu tư kết cấu hạ tầng, tạo điều kiện về đất đai cho hợp tác xã phục vụ sản xuất, sơ chế, chế biến và tiêu thụ sản phẩm nông nghiệp', NULL,
 'Infrastructure investment and access to land for production, processing and sale', NULL),
(130, 'III.4.a', 'III.4', 'III', 'III.4.a',
 'Triển khai có hiệu quả chính sách hỗ trợ đầu tư cơ sở hạ tầng cho các HTX NN; hỗ trợ các HTX NN mua sắm trang thiết bị, máy móc (sơ chế, chế biến, bảo quản nông sản, phụ phẩm nông nghiệp) phục vụ hoạt động sản xuất và tiêu thụ hàng hóa nông sản.', NULL,
 'Support for infrastructure, equipment and machinery (preliminary processing, processing, storage)', NULL),
(140, 'III.4.b', 'III.4', 'III', 'III.4.b',
 'Phát triển hệ thống logistics phục vụ sản xuất kinh doanh nông nghiệp của các hợp tác xã, doanh nghiệp gắn với các vùng nguyên liệu nông sản hàng hóa tập trung, quy mô lớn.', NULL,
 'Logistics for cooperatives and businesses in large concentrated production areas', NULL),
(150, 'III.4.c', 'III.4', 'III', 'III.4.c',
 'Hỗ trợ tập trung tích tụ ruộng đất; hình thành vùng nguyên liệu tập trung, liên kết sản xuất theo chuỗi giá trị sản phẩm; tạo điều kiện thuận lợi cho HTXNN thuê đất ổn định, lâu dài, phục vụ sản xuất kinh doanh, dịch vụ.', NULL,
 'Land consolidation, concentrated raw-material areas, stable long-term land lease for cooperatives', NULL),
(160, 'III.4.d', 'III.4', 'III', 'III.4.d',
 'Hỗ trợ, hướng dẫn, tạo điều kiện cho HTX NN được chuyển đổi mục đích sử dụng đất nông nghiệp sang đất xây dựng cơ sở hạ tầng (kho tàng, nhà xưởng, cơ sở sản xuất, sơ chế, chế biến, bảo quản sản phẩm,...) gắn với điều kiện thực tiễn và phương án sản xuất, kinh doanh của HTX NN.', NULL,
 'Conversion of farmland to land for infrastructure (warehouses, workshops, processing)', NULL),
(170, 'III.5', NULL, 'III', 'III.5',
 'Huy động và tạo điều kiện thuận lợi tiếp cận các nguồn vốn vay tín dụng và tăng cường nguồn lực cho hợp tác xã nông nghiệp', NULL,
 'Access to credit and more resources for cooperatives', NULL),
(180, 'III.5.a', 'III.5', 'III', 'III.5.a',
 'Tăng cường tư vấn, hỗ trợ HTX NN tiếp cận các kênh vay vốn. Ưu tiên các HTX NN đầu tư xây dựng cơ sở hạ tầng sản xuất, mở rộng quy mô, sản xuất theo chuỗi giá trị sản phẩm nông nghiệp chủ lực của địa phương.', NULL,
 'Advice and support to reach loans; priority to infrastructure, scale-up and value chains of key local products', NULL),
(190, 'III.5.b', 'III.5', 'III', 'III.5.b',
 'Ưu tiên cho các HTX NN có nhu cầu được vay vốn ưu đãi từ Quỹ hỗ trợ phát triển hợp tác xã.', NULL,
 'Priority for preferential loans from the Cooperative Development Support Fund', NULL),
(200, 'III.5.c', 'III.5', 'III', 'III.5.c',
 'Khuyến khích doanh nghiệp và các thành phần kinh tế khác hợp tác, liên kết đầu tư, chia sẻ nguồn lực, kinh nghiệm hỗ trợ phát triển HTX NN. Huy động các tổ chức quốc tế tài trợ cho HTX NN và thành viên tham gia các chương trình, đề án, dự án sản xuất nông nghiệp an toàn, phát triển kinh tế xanh, kinh tế tuần hoàn, giảm phát thải khí nhà kính, bảo vệ môi trường, chế biến phụ phẩm nông nghiệp, thích ứng với biến đổi khí hậu, xóa đói giảm nghèo.', NULL,
 'Partnerships with businesses; international donors for safe, green, circular and low-emission projects', NULL),
(210, 'III.5.d', 'III.5', 'III', 'III.5.d',
 'Lồng ghép các Chương trình mục tiêu quốc gia giai đoạn 2021 - 2025, ưu tiên cân đối bố trí nguồn vốn hỗ trợ cho phát triển HTX NN.', NULL,
 'Combine the national target programmes 2021-2025 and allocate capital to cooperatives', NULL),
(220, 'III.6', NULL, 'III', 'III.6',
 'Cung cấp các dịch vụ công hỗ trợ phát triển HTX NN', NULL,
 'Public services supporting cooperatives', NULL),
(230, 'III.6.a', 'III.6', 'III', 'III.6.a',
 'Cung cấp các dịch vụ chuyển đổi số; hỗ trợ HTX NN ứng dụng tiến bộ khoa học kỹ thuật, công nghệ thông tin, công nghệ cao; áp dụng biện pháp thực hành nông nghiệp tốt (GAP), kinh tế xanh, kinh tế tuần hoàn, kinh tế tri thức.', NULL,
 'Digital transformation services; science, technology, GAP, green, circular and knowledge economy', NULL),
(240, 'III.6.b', 'III.6', 'III', 'III.6.b',
 'Hỗ trợ cấp mã số vùng trồng cho các HTX NN và doanh nghiệp; công nhận giống, chất lượng nông sản; truy xuất nguồn gốc sản phẩm cho HTX NN. Ưu tiên hỗ trợ hợp tác đầu tư, liên kết với các HTX NN trong phát triển vùng nguyên liệu, cung ứng vật tư đầu vào, khuyến nông - khuyến lâm - khuyến ngư;
áp dụng quy trình sản xuất theo tiêu chuẩn chất lượng, bảo đảm vệ sinh an toàn thực phẩm; HTX NN tham gia chuyển đổi hệ thống lương thực thực phẩm minh bạch, có trách nhiệm và bền vững; HTX NN tham gia phát triển nông nghiệp sinh thái, ứng dụng công nghệ cao, hữu cơ, giảm phát thải khí nhà kính, kinh tế tuần hoàn, thích ứng với biến đổi khí hậu.', NULL,
 'Growing-area codes, recognition of varieties and quality, traceability; raw-material areas, inputs, extension; quality and food safety',
 'The item runs over two paragraphs in the source; kept with the line break.'),
(250, 'III.6.c', 'III.6', 'III', 'III.6.c',
 'Tạo điều kiện cho HTX NN tham gia các chương trình, đề án, dự án phát triển sơ chế, chế biến quy mô nhỏ và vừa.', NULL,
 'Access to programmes for small and medium-scale processing', NULL),
(260, 'III.7', NULL, 'III', 'III.7',
 'Triển khai hiệu quả các chương trình, Đề án phát triển nông nghiệp, lấy nhiệm vụ tổ chức lại sản xuất làm nội dung trọng tâm',
 'Tiếp tục triển khai có hiệu quả Đề án phát triển kinh tế tập thể tỉnh Thái Nguyên giai đoạn 2021-2025; Đề án phát triển sản phẩm nông nghiệp chủ lực tỉnh Thái Nguyên giai đoạn 2021-2025, định hướng đến năm 2030; Đề án Phát triển kinh tế tập thể tỉnh Thái Nguyên giai đoạn 2021-2025; Đề án xây dựng nông thôn mới tỉnh Thái Nguyên giai đoạn 2021-2025,...',
 'Implement the agricultural development programmes and schemes, centred on reorganising production',
 'No lettered items. The body lists the collective-economy scheme 2021-2025 twice, as printed.'),
(270, 'III.8', NULL, 'III', 'III.8',
 'Kiểm tra, giám sát, hỗ trợ phát triển HTX NN', NULL,
 'Inspection, supervision and support of cooperatives', NULL),
(280, 'III.8.a', 'III.8', 'III', 'III.8.a',
 'Các sở, ngành, địa phương và các tổ chức chính trị - xã hội tuyên truyền, vận động hội viên, đoàn viên tích cực tham gia xây dựng phát triển HTX NN trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới.', NULL,
 'Departments, localities and socio-political organisations mobilise their members to build cooperatives',
 'The item names its own actors; the assignments recorded are those of section V (V.10 paragraph 2).'),
(290, 'III.8.b', 'III.8', 'III', 'III.8.b',
 'Định kỳ hàng năm tổ chức các sự kiện quảng bá, giới thiệu, tôn vinh, khen thưởng HTX NN hoạt động hiệu quả và tổ chức, cá nhân có nhiều đóng góp hỗ trợ phát triển HTX NN trên địa bàn.', NULL,
 'Yearly events promoting, honouring and rewarding effective cooperatives and their supporters', NULL),
(300, 'III.8.c', 'III.8', 'III', 'III.8.c',
 'Thực hiện chế độ thông tin, báo cáo, tổng kết, quản lý, giám sát đánh giá hoạt động của HTX NN.', NULL,
 'Information and reporting, review, management, monitoring and evaluation of cooperatives', NULL),
-- Section IV: funding
(310, 'IV', NULL, 'IV', 'IV',
 'Kinh phí thực hiện',
 'Nguồn kinh phí thực hiện Kế hoạch từ ngân sách nhà nước theo phân cấp ngân sách hiện hành; kinh phí từ các Chương trình mục tiêu quốc gia; vốn lồng ghép các chương trình, đề án, kế hoạch, dự án liên quan; nguồn vốn tài trợ, viện trợ, nguồn vốn hợp pháp từ các doanh nghiệp, tổ chức, cá nhân trong và ngoài nước theo quy định của pháp luật.',
 'Funding of the plan',
 'Section IV names no agency; the funding duties of V.2 bullet 3, V.3 and V.11 bullet 2 are recorded on it.'),
-- Section V: duties that no section III item names
(320, 'V.2.1', NULL, 'V', 'V.2 bullet 1',
 'Nghiên cứu tham mưu đề xuất UBND tỉnh báo cáo HĐND tỉnh sửa đổi, bổ sung các chính sách hỗ trợ phát triển kinh tế tập thể, hợp tác xã.', NULL,
 'Propose amendments to the provincial policies supporting the collective economy and cooperatives',
 'A duty only section V names (V.2 bullet 1; V.1 bullet 4 for agriculture). III.3.e reviews only the policies on young workers.'),
(330, 'V.2.2', NULL, 'V', 'V.2 bullet 2',
 'Tiếp tục triển khai thực hiện Quyết định số 1804/QĐ-TTg ngày 13/11/2020 của Thủ tướng Chính phủ phê duyệt Chương trình hỗ trợ phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021-2025; Quyết định số 167/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Đề án lựa chọn, hoàn thiện, nhân rộng mô hình hợp tác xã kiểu mới hiệu quả tại các địa phương.', NULL,
 'Continue Decision 1804/QĐ-TTg (collective-economy support programme 2021-2025) and Decision 167/QĐ-TTg (new-type model cooperatives)',
 'A duty only section V names. Decision 167''s model cooperatives echo III.2, but the clause is not recorded there.'),
(340, 'V.5.1', NULL, 'V', 'V.5 bullet 1',
 'Hỗ trợ các tổ chức kinh tế tập thể, hợp tác xã về xúc tiến thương mại, mở rộng thị trường; lồng ghép đưa vào các kế hoạch, chương trình công tác hằng năm.', NULL,
 'Trade promotion and market expansion for cooperatives',
 'A duty only section V names: section III has no trade-promotion item (appendix group 3 has one).'),
(350, 'V.5.2', NULL, 'V', 'V.5 bullet 2',
 'Đẩy mạnh hoạt động chương trình khuyến công trên địa bàn tỉnh. Ưu tiên nguồn vốn hỗ trợ cho các HTX NN được lựa chọn là HTX phát triển bền vững, hoạt động hiệu quả.', NULL,
 'The industrial extension programme (khuyến công), with priority funding for the model cooperatives',
 'A duty only section V names.'),
(360, 'V.10.1', NULL, 'V', 'V.10 paragraph 1',
 'Căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch thực hiện, cụ thể hóa các nội dung của Kế hoạch gắn với lĩnh vực phụ trách của ngành, hỗ trợ, tạo điều kiện cho HTX NN phát triển.', NULL,
 'Each department and provincial organisation drafts its own implementation plan',
 'A duty only section V names: each body leads its own plan.'),
(370, 'V.11.1', NULL, 'V', 'V.11 bullet 1',
 'Căn cứ điều kiện của địa phương, chủ động xây dựng Kế hoạch hỗ trợ phát triển hợp tác xã nông nghiệp trên địa bàn quản lý.', NULL,
 'Each district-level unit drafts its own cooperative support plan',
 'A duty only section V names (the first sentence of V.11 bullet 1; its second sentence is recorded on III.2).'),
-- The appendix (PHỤ LỤC): phân công tổ chức thực hiện
(380, 'A1', NULL, 'appendix', 'Phụ lục row 1',
 'Tổ chức truyền thông, phổ biến, nâng cao nhận thức tầm quan trọng của HTX trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới', NULL,
 'Communication and awareness of the role of cooperatives', 'A group heading: its rows are A1.1 and A1.2.'),
(390, 'A1.1', 'A1', 'appendix', 'Phụ lục row 1.1',
 'Tuyên truyền Luật HTX năm 2023; Quyết định số 1804/QĐ-TTg ngày 13/11/2020 của Thủ tướng Chính phủ về Chương trình Hỗ trợ phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021 - 2025; Nghị quyết số 106/NQ-CP ngày 18/7/2023 của Chính phủ về phát triển hợp tác xã nông nghiệp trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới; Quyết định số 4597/QĐ-BNN-KTHT ngày 02/11/2023 của Bộ Nông nghiệp và Phát triển nông thôn về việc phê duyệt Kế hoạch phát triển hợp tác xã trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới của Bộ Nông nghiệp và Phát triển nông thôn thực hiện Nghị quyết số 106/NQ-CP ngày 18/7/2023 của Chính phủ... các văn bản hướng dẫn thi hành, chính sách khuyến khích phát triển HTX', NULL,
 'Publicise the Cooperative Law 2023, Decision 1804/QĐ-TTg, Resolution 106/NQ-CP, Decision 4597/QĐ-BNN-KTHT and their guidance',
 'The table numbers only its groups (STT 1 to 6); htx numbers the rows of a group in order: 1.1, 1.2.'),
(400, 'A1.2', 'A1', 'appendix', 'Phụ lục row 1.2',
 'Tuyên truyền trên các phương tiện thông tin đại chúng nhằm nâng cao nhận thức kinh tế tập thể, HTX NN trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới', NULL,
 'Mass-media campaigns on the collective economy and cooperatives', NULL),
(410, 'A2', NULL, 'appendix', 'Phụ lục row 2',
 'Đào tạo, tập huấn, bồi dưỡng nâng cao năng lực quản trị cho cán bộ quản lý, thành viên HTX',
 '- Hỗ trợ nâng cao năng lực đối với công chức, viên chức của các cơ quan quản lý nhà nước về kinh tế tập thể, Liên minh hợp tác xã.
- Hỗ trợ nâng cao năng lực đối với thành viên, người lao động đang làm công tác quản lý, chuyên môn kỹ thuật, nghiệp vụ của các tổ chức HTX NN.',
 'Capacity building in governance for cooperative managers and members',
 'Group 2 has a single row with two bullets (body_vi) and one list of agencies: recorded as one task, as the table lists it.'),
(420, 'A3', NULL, 'appendix', 'Phụ lục row 3',
 'Ứng dụng chuyển đổi số và xúc tiến thương mại', NULL,
 'Digital transformation and trade promotion', 'A group heading: its rows are A3.1 and A3.2. No section III item has this heading (III.6.a covers digital services; trade promotion is only in V.5).'),
(430, 'A3.1', 'A3', 'appendix', 'Phụ lục row 3.1',
 'Hỗ trợ, hướng dẫn ứng dụng công nghệ số trong quá trình sản xuất, kinh doanh như Sử dụng phần mềm quản lý khách hàng, phần mềm kế toán; ứng dụng số nhật ký điện tử để theo dõi toàn bộ quá trình sản xuất, thu hoạch, sơ chế, bảo quản, vận chuyển; hỗ trợ tem truy xuất nguồn gốc sản phẩm, hướng dẫn các HTX đưa sản phẩm lên các sàn thương mại điện tử, livestream bán hàng trên facebook, tiktok...', NULL,
 'Digital tools in production and sales: customer and accounting software, e-logs, traceability stamps, e-commerce, livestream sales', NULL),
(440, 'A3.2', 'A3', 'appendix', 'Phụ lục row 3.2',
 'Hỗ trợ HTX tham gia các sự kiện kết nối thương mại, kết nối doanh nghiệp thu mua sản phẩm; tham gia các hội chợ, triển lãm quảng bá, giới thiệu và bán sản phẩm trong và ngoài nước; Đăng ký nhãn hiệu; mã số, mã vạch; truy xuất nguồn gốc sản phẩm; bộ nhận diện thương hiệu; công bố chỉ tiêu chất lượng sản phẩm; bảo hộ sở hữu trí tuệ để xây dựng thương hiệu sản phẩm; Xây dựng và quản lý website để giới thiệu và bán sản phẩm; xây dựng biển hiệu, tờ rơi giới thiệu quảng bá sản phẩm.', NULL,
 'Trade events and fairs; trademarks, barcodes, traceability, brand identity, quality claims, IP protection, websites, signs and leaflets', NULL),
(450, 'A4', NULL, 'appendix', 'Phụ lục row 4',
 'Hỗ trợ đầu tư kết cấu hạ tầng, ứng dụng KHKT vào sản xuất', NULL,
 'Infrastructure investment and science and technology in production', 'A group heading: its rows are A4.1 and A4.2. Its first half repeats III.4''s heading, its second echoes III.6.a: no single section III task.'),
(460, 'A4.1', 'A4', 'appendix', 'Phụ lục row 4.1',
 'Hỗ trợ các HTX chứng nhận các tiêu chuẩn phù hợp với quy mô của HTX (VietGAP, Hữu cơ, mã số vùng trồng...)', NULL,
 'Certification to standards suited to the cooperative (VietGAP, organic, growing-area codes)', NULL),
(470, 'A4.2', 'A4', 'appendix', 'Phụ lục row 4.2',
 'Hỗ trợ máy móc, trang thiết bị phù hợp với quy mô sản xuất và đáp ứng nhu cầu sản xuất kinh doanh.', NULL,
 'Machinery and equipment suited to the scale of production', NULL),
(480, 'A5', NULL, 'appendix', 'Phụ lục row 5',
 'Khen thưởng, tôn vinh và nhân rộng các mô hình kinh tế tập thể, HTX NN hoạt động hiệu quả trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới', NULL,
 'Reward, honour and replicate effective collective-economy and cooperative models',
 'A group with no sub-rows: the heading row carries the agencies. Its words echo III.1.c and III.8.b.'),
(490, 'A6', NULL, 'appendix', 'Phụ lục row 6',
 'Tổng kết, đánh giá Kế hoạch thực hiện Nghị quyết số 106/NQ-CP; kết quả thực hiện, khả năng nhân rộng các mô hình HTXNN hoạt động hiệu quả của giai đoạn', NULL,
 'Review and evaluation of the plan for Resolution 106/NQ-CP, its results and the scope to replicate the models',
 'A group with no sub-rows: the heading row carries the agencies.')
) AS t(ord, code, parent, part, clause, vi, body, en, note);

UPDATE @extschema@.htx_task SET related_task_code = 'III.1' WHERE task_code OPERATOR(pg_catalog.=) 'A1';
UPDATE @extschema@.htx_task SET related_task_code = 'III.3' WHERE task_code OPERATOR(pg_catalog.=) 'A2';

-- Assignments: the appendix, exactly as the table lists them ---------------------

INSERT INTO @extschema@.htx_assignment (task_code, agency_code, role, source, list_order, listed_as, role_vi, note, builtin)
SELECT a.task, a.agency, a.role, 'Phụ lục row ' OPERATOR(pg_catalog.||) a.num, a.pos, a.listed,
	CASE a.role WHEN 'lead' THEN 'chủ trì/đồng chủ trì' ELSE 'phối hợp' END, NULL, true
FROM (VALUES
	('A1.1', '1.1', 'DARD', 'lead', 1, 'Sở Nông nghiệp và PTNT'),
	('A1.1', '1.1', 'VCA', 'lead', 2, 'Liên Minh HTX tỉnh'),
	('A1.1', '1.1', 'DPC', 'lead', 3, 'UBND các huyện, thành phố'),
	('A1.1', '1.1', 'DEPTS_RELATED', 'support', 1, 'Các sở, ngành, đoàn thể của tỉnh liên quan'),
	('A1.2', '1.2', 'DARD', 'lead', 1, 'Sở Nông nghiệp và PTNT'),
	('A1.2', '1.2', 'DPC', 'lead', 2, 'UBND các huyện, thành phố'),
	('A1.2', '1.2', 'PRESS_BTN', 'support', 1, 'Báo Thái Nguyên'),
	('A1.2', '1.2', 'PRESS_RTV', 'support', 2, 'Đài PT-TH tỉnh'),
	('A1.2', '1.2', 'PRESS_INFO', 'support', 3, 'Trung tâm thông tin tỉnh'),
	('A2', '2', 'DPI', 'lead', 1, 'Sở Kế hoạch và Đầu tư'),
	('A2', '2', 'DARD', 'lead', 2, 'Sở Nông nghiệp và PTNT'),
	('A2', '2', 'VCA', 'lead', 3, 'Liên minh HTX tỉnh'),
	('A2', '2', 'DPC', 'lead', 4, 'UBND các huyện, thành phố'),
	('A2', '2', 'DEPTS_RELATED', 'support', 1, 'Các sở, ngành, đoàn thể của tỉnh liên quan'),
	('A3.1', '3.1', 'DIC', 'lead', 1, 'Sở Thông tin và Truyền thông'),
	('A3.1', '3.1', 'DARD', 'lead', 2, 'Sở Nông nghiệp và PTNT'),
	('A3.1', '3.1', 'DOST', 'lead', 3, 'Sở Khoa học và Công nghệ'),
	('A3.1', '3.1', 'VCA', 'lead', 4, 'Liên minh HTX tỉnh'),
	('A3.1', '3.1', 'DPC', 'lead', 5, 'UBND các huyện, thành phố'),
	('A3.1', '3.1', 'DEPTS_RELATED', 'support', 1, 'Các sở, ngành, đoàn thể của tỉnh liên quan'),
	('A3.2', '3.2', 'DOIT', 'lead', 1, 'Sở Công Thương'),
	('A3.2', '3.2', 'DIC', 'lead', 2, 'Sở Thông tin và Truyền thông'),
	('A3.2', '3.2', 'DARD', 'lead', 3, 'Sở Nông nghiệp và PTNT'),
	('A3.2', '3.2', 'DOST', 'lead', 4, 'Sở Khoa học và Công nghệ'),
	('A3.2', '3.2', 'VCA', 'lead', 5, 'Liên minh HTX tỉnh'),
	('A3.2', '3.2', 'DPC', 'lead', 6, 'UBND các huyện, thành phố'),
	('A3.2', '3.2', 'DEPTS_RELATED', 'support', 1, 'Các sở, ngành, đoàn thể của tỉnh liên quan'),
	('A4.1', '4.1', 'DARD', 'lead', 1, 'Sở Nông nghiệp và PTNT'),
	('A4.1', '4.1', 'DPC', 'lead', 2, 'UBND các huyện, thành phố'),
	('A4.1', '4.1', 'DEPTS_RELATED', 'support', 1, 'Các sở, ngành, đoàn thể của tỉnh liên quan'),
	('A4.2', '4.2', 'DOIT', 'lead', 1, 'Sở Công thương'),
	('A4.2', '4.2', 'DARD', 'lead', 2, 'Sở Nông nghiệp và PTNT'),
	('A4.2', '4.2', 'DPC', 'lead', 3, 'UBND các huyện, thành phố'),
	('A4.2', '4.2', 'DEPTS_RELATED', 'support', 1, 'Các sở, ngành, đoàn thể của tỉnh liên quan'),
	('A5', '5', 'DARD', 'lead', 1, 'Sở Nông nghiệp và PTNT'),
	('A5', '5', 'DOHA', 'lead', 2, 'Sở Nội vụ'),
	('A5', '5', 'VCA', 'lead', 3, 'Liên minh HTX tỉnh'),
	('A5', '5', 'DPC', 'lead', 4, 'UBND các huyện, thành phố'),
	('A5', '5', 'ORGS_RELATED', 'support', 1, 'Các tổ chức, cá nhân có liên quan'),
	('A6', '6', 'DARD', 'lead', 1, 'Sở Nông nghiệp và PTNT'),
	('A6', '6', 'DPC', 'lead', 2, 'UBND các huyện, thành phố'),
	('A6', '6', 'ORGS_RELATED', 'support', 1, 'Các tổ chức, cá nhân có liên quan')
) AS a(task, num, agency, role, pos, listed);

-- Assignments: section V, on the tasks whose words its clauses repeat -------------
--
-- Rules (also in docs/reference/plan.md): "Chủ trì, phối hợp với X" makes the
-- agency lead and X support.  "Phối hợp (với) X" makes the agency support; X
-- is named only as a partner and is not recorded from that clause.  A duty an
-- agency is given in its own clause without either word ("Tổ chức", "Chỉ
-- đạo" ...) is recorded as lead, with the verb in role_vi.  Generic partners
-- become catch-alls: "các sở, ngành" DEPTS_RELATED, "địa phương" LOCALITIES.

INSERT INTO @extschema@.htx_assignment (task_code, agency_code, role, source, list_order, listed_as, role_vi, note, builtin)
SELECT a.task, a.agency, a.role, a.source, a.pos, a.listed, a.role_vi, a.note, true
FROM (VALUES
	-- V.1 Sở Nông nghiệp và Phát triển nông thôn
	('III.2', 'DARD', 'lead', 'V.1 bullet 1', 1, 'Sở Nông nghiệp và Phát triển nông thôn', 'chủ trì',
	 'Selects the model cooperatives for the Provincial People''s Committee ("lựa chọn các HTX NN để xây dựng mô hình"): III.2.'),
	('III.1', 'DARD', 'lead', 'V.1 bullet 2', 1, 'Sở Nông nghiệp và Phát triển nông thôn', 'chủ trì',
	 '"đẩy mạnh tuyên truyền HTX NN trong tái cơ cấu ngành nông nghiệp và xây dựng nông thôn mới": III.1.'),
	('III.1', 'DEPTS_RELATED', 'support', 'V.1 bullet 2', 2, 'các ngành, đơn vị', 'phối hợp',
	 'The clause says "các ngành, đơn vị", recorded as the catch-all of provincial bodies.'),
	('III.1', 'DPC', 'support', 'V.1 bullet 2', 3, 'UBND các huyện, thành phố', 'phối hợp', NULL),
	('III.2', 'DARD', 'lead', 'V.1 bullet 2', 1, 'Sở Nông nghiệp và Phát triển nông thôn', 'chủ trì',
	 'The bullet''s second half, after the semicolon: "thực hiện hỗ trợ, hướng dẫn các mô hình HTX NN phát triển bền vững, hoạt động hiệu quả" (III.2). Ambiguous: the text does not say whether the partners of the first half take part in it, so none is recorded.'),
	('III.3', 'DARD', 'lead', 'V.1 bullet 3', 1, 'Sở Nông nghiệp và Phát triển nông thôn', 'tổ chức',
	 '"Tổ chức các lớp đào tạo, bồi dưỡng tập huấn ... cho cán bộ quản lý, thành viên và người lao động các HTX nông nghiệp": III.3 as a whole (its trainees fit several lettered items). No "chủ trì": lead as the only agency named.'),
	('V.2.1', 'DARD', 'support', 'V.1 bullet 4', 1, 'Sở Nông nghiệp và Phát triển nông thôn', 'phối hợp',
	 'Policy amendments "trong lĩnh vực nông nghiệp" after the Law on Cooperatives 2023: the agricultural part of the duty V.2 bullet 1 gives Sở Kế hoạch và Đầu tư. Its partners (các sở, ngành, địa phương) are not recorded from this clause.'),
	('III.8.c', 'DARD', 'lead', 'V.1 bullet 5', 1, 'Sở Nông nghiệp và Phát triển nông thôn', 'tổng hợp báo cáo',
	 'Periodic reports to the Ministry and the Provincial People''s Committee: the reporting of III.8.c. No "chủ trì": lead as the only agency named.'),
	-- V.2 Sở Kế hoạch và Đầu tư
	('V.2.1', 'DPI', 'lead', 'V.2 bullet 1', 1, 'Sở Kế hoạch và Đầu tư', 'chủ trì', NULL),
	('V.2.1', 'DEPTS_RELATED', 'support', 'V.2 bullet 1', 2, 'các sở, ngành', 'phối hợp', 'From "các sở, ngành, địa phương".'),
	('V.2.1', 'LOCALITIES', 'support', 'V.2 bullet 1', 3, 'địa phương', 'phối hợp', 'From "các sở, ngành, địa phương".'),
	('V.2.2', 'DPI', 'lead', 'V.2 bullet 2', 1, 'Sở Kế hoạch và Đầu tư', 'chủ trì', NULL),
	('V.2.2', 'DEPTS_RELATED', 'support', 'V.2 bullet 2', 2, 'các sở ngành', 'phối hợp', 'From "các sở ngành và địa phương".'),
	('V.2.2', 'LOCALITIES', 'support', 'V.2 bullet 2', 3, 'địa phương', 'phối hợp', 'From "các sở ngành và địa phương".'),
	('IV', 'DPI', 'support', 'V.2 bullet 3', 1, 'Sở Kế hoạch và Đầu tư', 'phối hợp',
	 '"phối hợp với Sở Tài chính, cơ quan liên quan và các địa phương cân đối bố trí nguồn vốn đầu tư công để thực hiện các nội dung Kế hoạch": funding (IV). The clause names no lead; its partners are not recorded from it.'),
	-- V.3 Sở Tài chính
	('IV', 'DOF', 'lead', 'V.3', 1, 'Sở Tài chính', 'tổng hợp, tham mưu',
	 'Proposes the provincial recurrent budget for the plan ("bố trí nguồn kinh phí ... chi thường xuyên thuộc ngân sách cấp tỉnh"): funding (IV). No "chủ trì": lead as the only agency named.'),
	-- V.4 Sở Khoa học và Công nghệ
	('III.6.b', 'DOST', 'lead', 'V.4', 1, 'Sở Khoa học và Công nghệ', 'chủ trì',
	 '"hướng dẫn, hỗ trợ ... truy xuất nguồn gốc": traceability, III.6.b. The same clause names trademarks and origin of goods (nhãn hiệu, xuất xứ hàng hóa), which no section III item names, and "các nhiệm vụ được giao trong Kế hoạch".'),
	('III.6.b', 'DEPTS_RELATED', 'support', 'V.4', 2, 'các sở, ngành', 'phối hợp', 'From "các sở, ngành, địa phương".'),
	('III.6.b', 'LOCALITIES', 'support', 'V.4', 3, 'địa phương', 'phối hợp', 'From "các sở, ngành, địa phương".'),
	('III.6.a', 'DOST', 'lead', 'V.4', 1, 'Sở Khoa học và Công nghệ', 'chủ trì',
	 'The clause''s second half, after the semicolon: "lồng ghép các nhiệm vụ KH&CN cấp tỉnh hàng năm hỗ trợ các tổ chức HTX NN" (science and technology, III.6.a). Ambiguous: whether the partners of the first half take part is not said, so none is recorded.'),
	-- V.5 Sở Công Thương
	('V.5.1', 'DOIT', 'lead', 'V.5 bullet 1', 1, 'Sở Công Thương', 'chủ trì', NULL),
	('V.5.1', 'DEPTS_RELATED', 'support', 'V.5 bullet 1', 2, 'các sở, ngành', 'phối hợp', 'From "các sở, ngành, địa phương".'),
	('V.5.1', 'LOCALITIES', 'support', 'V.5 bullet 1', 3, 'địa phương', 'phối hợp', 'From "các sở, ngành, địa phương".'),
	('V.5.2', 'DOIT', 'lead', 'V.5 bullet 2', 1, 'Sở Công Thương', 'chủ trì', NULL),
	('V.5.2', 'DEPTS_RELATED', 'support', 'V.5 bullet 2', 2, 'các Sở, ngành liên quan', 'phối hợp', NULL),
	-- V.6 Sở Thông tin và Truyền thông
	('III.1.b', 'DIC', 'support', 'V.6', 1, 'Sở Thông tin và Truyền thông', 'phối hợp',
	 '"Phối hợp với Sở Nông nghiệp và Phát triển nông thôn hướng dẫn các cơ quan báo chí, truyền thông của tỉnh tuyên truyền các nội dung của Kế hoạch": the press and media of III.1.b. The clause names no lead; Sở Nông nghiệp và Phát triển nông thôn is named only as the partner.'),
	('III.6.a', 'DIC', 'support', 'V.6', 1, 'Sở Thông tin và Truyền thông', 'phối hợp',
	 '"hỗ trợ các hợp tác xã chuyển đổi số theo quy định": digital transformation, III.6.a. Ambiguous: the sentence opens with "Phối hợp với Sở Nông nghiệp và Phát triển nông thôn", which may or may not govern this half; recorded as support.'),
	-- V.7 Sở Tài nguyên và Môi trường
	('III.4.c', 'DONRE', 'lead', 'V.7 bullet 1', 1, 'Sở Tài nguyên và Môi trường', 'chủ trì',
	 'Land incentives, stable long-term land lease, land accumulation, concentrated raw-material areas: the words of III.4.c.'),
	('III.4.c', 'DEPTS_RELATED', 'support', 'V.7 bullet 1', 2, 'các sở, ngành ... và đơn vị liên quan', 'phối hợp',
	 'From "các sở, ngành, địa phương và đơn vị liên quan".'),
	('III.4.c', 'LOCALITIES', 'support', 'V.7 bullet 1', 3, 'địa phương', 'phối hợp',
	 'From "các sở, ngành, địa phương và đơn vị liên quan".'),
	('III.4.d', 'DONRE', 'lead', 'V.7 bullet 2', 1, 'Sở Tài nguyên và Môi trường', 'hỗ trợ, hướng dẫn',
	 'Conversion of farmland to land for infrastructure, in the words of III.4.d. No "chủ trì": lead as the only agency named.'),
	-- V.8 Liên minh Hợp tác xã tỉnh
	('III.2', 'VCA', 'support', 'V.8 bullet 1', 1, 'Liên minh Hợp tác xã tỉnh', 'phối hợp',
	 '"xây dựng và nhân rộng các mô hình HTX NN hoạt động hiệu quả": III.2. Its partners (Sở Nông nghiệp và Phát triển nông thôn, các sở, ngành, UBND các huyện, thành phố) are not recorded from this clause.'),
	('III.3', 'VCA', 'lead', 'V.8 bullet 2', 1, 'Liên minh Hợp tác xã tỉnh', 'tổ chức',
	 '"Tổ chức công tác đào tạo, bồi dưỡng, nâng cao năng lực ... cán bộ quản lý, thành viên và người lao động trong HTX NN": III.3 as a whole. No "chủ trì": lead as the only agency named.'),
	('III.3.d', 'VCA', 'support', 'V.8 bullet 2', 1, 'Liên minh Hợp tác xã tỉnh', 'phối hợp',
	 '"phối hợp với Sở Kế hoạch và Đầu tư, Sở Tài chính và các Sở, ngành có liên quan thực hiện Hỗ trợ đưa lao động trẻ về làm việc tại các tổ chức kinh tế tập thể" (Resolution 12/NQ-HĐND of 20/7/2023): young workers in cooperatives, III.3.d. Ambiguous: it could also be read as III.3.e (the provincial policy). Partners not recorded from this clause.'),
	('III.5.b', 'VCA', 'lead', 'V.8 bullet 3', 1, 'Liên minh Hợp tác xã tỉnh', 'nâng cao vai trò',
	 'The Cooperative Development Support Fund lending to cooperatives, the words of III.5.b. No "chủ trì": lead as the only agency named.'),
	('III.6.a', 'VCA', 'support', 'V.8 bullet 4', 1, 'Liên minh Hợp tác xã tỉnh', 'phối hợp',
	 '"ứng dụng, chuyển giao khoa học công nghệ, chuyển đổi số ... đối với HTX NN": III.6.a. Its partners (Sở Nông nghiệp và Phát triển nông thôn, Sở Khoa học và Công nghệ, Sở Thông tin và Truyền thông, Sở Công Thương) are not recorded from this clause.'),
	('V.5.1', 'VCA', 'support', 'V.8 bullet 4', 1, 'Liên minh Hợp tác xã tỉnh', 'phối hợp',
	 '"xúc tiến thương mại đối với HTX NN": trade promotion, which only V.5 bullet 1 names.'),
	-- V.9 Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Thái Nguyên
	('III.5.a', 'SBV_TN', 'lead', 'V.9', 1, 'Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Thái Nguyên', 'chỉ đạo',
	 '"Chỉ đạo các tổ chức tín dụng tạo điều kiện thuận lợi để HTX NN tiếp cận tín dụng; tăng cường tư vấn, hỗ trợ HTX NN vay vốn": the words of III.5.a. No "chủ trì": lead as the only agency named.'),
	-- V.10 các sở, ban, ngành, Ủy ban MTTQ tỉnh và các hội, đoàn thể cấp tỉnh
	('V.10.1', 'DEPTS_RELATED', 'lead', 'V.10 paragraph 1', 1, 'Các sở, ban, ngành', 'chủ động xây dựng kế hoạch',
	 'Each drafts its own plan: lead of its own.'),
	('V.10.1', 'VFF', 'lead', 'V.10 paragraph 1', 2, 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'chủ động xây dựng kế hoạch',
	 'Each drafts its own plan: lead of its own.'),
	('V.10.1', 'MASS_ORGS', 'lead', 'V.10 paragraph 1', 3, 'các hội, đoàn thể cấp tỉnh', 'chủ động xây dựng kế hoạch',
	 'Each drafts its own plan: lead of its own.'),
	('III.8.a', 'VFF', 'support', 'V.10 paragraph 2', 1, 'Ủy ban Mặt trận Tổ quốc tỉnh', 'phối hợp',
	 '"triển khai các hoạt động thông tin, tuyên truyền, vận động đoàn viên, hội viên, nông dân tham gia phát triển Hợp tác xã nông nghiệp": the words of III.8.a. Its partners (các sở, ngành, địa phương) are not recorded from this clause.'),
	('III.8.a', 'MASS_ORGS', 'support', 'V.10 paragraph 2', 2, 'các hội, đoàn thể cấp tỉnh', 'phối hợp',
	 'As for the Fatherland Front in the same sentence.'),
	-- V.11 Ủy ban nhân dân các huyện, thành phố
	('V.11.1', 'DPC', 'lead', 'V.11 bullet 1', 1, 'Ủy ban nhân dân các huyện, thành phố', 'chủ động xây dựng Kế hoạch',
	 'Each district-level unit drafts its own plan.'),
	('III.2', 'DPC', 'lead', 'V.11 bullet 1', 1, 'Ủy ban nhân dân các huyện, thành phố', 'lựa chọn',
	 '"Lựa chọn ít nhất 01 Hợp tác xã nông nghiệp tham gia xây dựng mô hình ... gửi về Sở Nông nghiệp và PTNT trong tháng 3/2024": III.2. No "chủ trì": lead as the only agency named.'),
	('IV', 'DPC', 'lead', 'V.11 bullet 2', 1, 'Ủy ban nhân dân các huyện, thành phố', 'cân đối, bố trí kinh phí',
	 'Local funds for the plan: funding (IV).'),
	('III.2', 'DPC', 'lead', 'V.11 bullet 2', 1, 'Ủy ban nhân dân các huyện, thành phố', 'ưu tiên hỗ trợ',
	 '"ưu tiên hỗ trợ các HTX NN đã được lựa chọn để xây dựng mô hình HTX NN phát triển bền vững, hoạt động hiệu quả": III.2.'),
	('III.8.c', 'DPC', 'lead', 'V.11 bullet 3', 1, 'Ủy ban nhân dân các huyện, thành phố', 'chỉ đạo, tổ chức thực hiện, kiểm tra, giám sát',
	 'Directs and supervises the plan locally, rates cooperatives every year (đánh giá, phân loại) and reports to Sở Nông nghiệp và PTNT: III.8.c.')
) AS a(task, agency, role, source, pos, listed, role_vi, note);

-- Matching agency names ------------------------------------------------------------

CREATE FUNCTION @extschema@.htx_agency_key(name pg_catalog.text, loose pg_catalog.bool DEFAULT false)
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
		pg_catalog.replace(@extschema@.htx_fold(name), '&', ' va '), '[^a-z0-9]+', ' ', 'g')), ' ', '  ') OPERATOR(pg_catalog.||) ' ',
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
'matching key of an agency name: htx_fold (case, diacritics, NFC/NFD), & and "và"/"and" dropped, punctuation to spaces, and the usual phrases abbreviated the way the plan does ("Nông nghiệp và Phát triển nông thôn" and "NN&PTNT" both give "nn ptnt"); loose also drops words that do not tell agencies apart (Thái Nguyên, các, cấp, của, chi nhánh, Việt Nam, liên quan)';

CREATE FUNCTION @extschema@.htx_name_similarity(a pg_catalog.text, b pg_catalog.text)
RETURNS pg_catalog.float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (
	WITH ta AS (
		SELECT DISTINCT pg_catalog.substr(x.s, i.i, 3) AS g
		FROM (SELECT pg_catalog.concat('  ', a, ' ')) AS x(s),
			pg_catalog.generate_series(1, pg_catalog.length(x.s) OPERATOR(pg_catalog.-) 2) AS i(i)
	), tb AS (
		SELECT DISTINCT pg_catalog.substr(x.s, i.i, 3) AS g
		FROM (SELECT pg_catalog.concat('  ', b, ' ')) AS x(s),
			pg_catalog.generate_series(1, pg_catalog.length(x.s) OPERATOR(pg_catalog.-) 2) AS i(i)
	)
	SELECT pg_catalog.count(*) FILTER (WHERE ta.g IS NOT NULL AND tb.g IS NOT NULL)::pg_catalog.float8
		OPERATOR(pg_catalog./) GREATEST(pg_catalog.count(*), 1)::pg_catalog.float8
	FROM ta FULL JOIN tb ON ta.g OPERATOR(pg_catalog.=) tb.g
);
COMMENT ON FUNCTION @extschema@.htx_name_similarity(pg_catalog.text, pg_catalog.text) IS
'similarity of two strings from 0 to 1: shared three-letter groups over all groups (as pg_trgm counts them, on the whole string); ranks the closest agency names in error hints';

CREATE VIEW @extschema@.htx_agency_spelling AS
SELECT s.agency_code, s.spelling, s.spelling_kind,
	@extschema@.htx_agency_key(s.spelling, false) AS match_key,
	@extschema@.htx_agency_key(s.spelling, true) AS match_key_loose
FROM (
	SELECT a.agency_code, a.agency_code AS spelling, 'code'::pg_catalog.text AS spelling_kind FROM @extschema@.htx_agency a
	UNION ALL
	SELECT a.agency_code, a.name_vi, 'name_vi' FROM @extschema@.htx_agency a
	UNION ALL
	SELECT a.agency_code, a.name_en, 'name_en' FROM @extschema@.htx_agency a
	UNION ALL
	SELECT a.agency_code, n.n, 'short_name' FROM @extschema@.htx_agency a CROSS JOIN LATERAL pg_catalog.unnest(a.short_names) AS n(n)
	UNION ALL
	SELECT l.agency_code, l.alias, 'alias' FROM @extschema@.htx_agency_alias l
) AS s;
COMMENT ON VIEW @extschema@.htx_agency_spelling IS
'every spelling htx_agency_resolve knows for each agency (code, names, short forms, aliases) with its matching keys';
COMMENT ON COLUMN @extschema@.htx_agency_spelling.agency_code IS 'the agency';
COMMENT ON COLUMN @extschema@.htx_agency_spelling.spelling IS 'the spelling, as stored';
COMMENT ON COLUMN @extschema@.htx_agency_spelling.spelling_kind IS 'code, name_vi, name_en, short_name (htx_agency.short_names) or alias (htx_agency_alias)';
COMMENT ON COLUMN @extschema@.htx_agency_spelling.match_key IS 'htx_agency_key(spelling): names whose keys are equal, spaces ignored, are the same name';
COMMENT ON COLUMN @extschema@.htx_agency_spelling.match_key_loose IS 'htx_agency_key(spelling, true): the key without words that do not tell agencies apart';

CREATE FUNCTION @extschema@.htx_agency_resolve(name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	v_code text := upper(regexp_replace(btrim(name), '[\s_-]+', '_', 'g'));
	k text := htx_agency_key(name);
	kl text := htx_agency_key(name, true);
	hits text[];
	listing text;
BEGIN
	-- an agency code, in any case, with _ or a space between its parts
	IF EXISTS (SELECT 1 FROM htx_agency a WHERE a.agency_code = v_code) THEN
		RETURN v_code;
	END IF;
	IF k <> '' THEN
		-- the keys of every spelling, each computed only when a test needs it
		WITH sp AS NOT MATERIALIZED (
			SELECT s.agency_code, replace(s.match_key, ' ', '') AS key,
				replace(s.match_key_loose, ' ', '') AS loose_key,
				array_remove(string_to_array(s.match_key_loose, ' '), 'tinh') AS loose_words
			FROM htx_agency_spelling s
			WHERE s.spelling_kind <> 'code'
		)
		SELECT COALESCE(
			-- 1. a name, short form or alias with the same key
			(SELECT array_agg(DISTINCT sp.agency_code ORDER BY sp.agency_code) FROM sp
			 WHERE sp.key = replace(k, ' ', '')),
			-- 2. the same key once words like "Thái Nguyên", "các", "cấp" are dropped
			(SELECT array_agg(DISTINCT sp.agency_code ORDER BY sp.agency_code) FROM sp
			 WHERE kl <> '' AND sp.loose_key = replace(kl, ' ', '')),
			-- 3. every word given appears in one of the agency's spellings ("tỉnh" aside)
			(SELECT array_agg(DISTINCT sp.agency_code ORDER BY sp.agency_code) FROM sp
			 WHERE array_remove(string_to_array(kl, ' '), 'tinh') <> '{}'
			   AND sp.loose_words @> array_remove(string_to_array(kl, ' '), 'tinh')))
		INTO hits;
		IF cardinality(hits) = 1 THEN
			RETURN hits[1];
		END IF;
	END IF;

	IF cardinality(hits) > 1 THEN
		SELECT string_agg(format('%s (%s)', a.agency_code, a.name_vi), ', ' ORDER BY a.agency_code) INTO listing
		FROM htx_agency a WHERE a.agency_code = ANY (hits);
		RAISE EXCEPTION 'agency name "%" is ambiguous', name
			USING ERRCODE = 'too_many_rows',
				  DETAIL = format('It matches %s agencies.', cardinality(hits)),
				  HINT = format('Candidates: %s. Write more of the name, or give the agency code.', listing);
	END IF;

	SELECT string_agg(format('%s (%s)', c.agency_code, a.name_vi), ', ' ORDER BY c.sim DESC, c.agency_code) INTO listing
	FROM (
		SELECT s.agency_code,
			max(greatest(htx_name_similarity(s.match_key, k), htx_name_similarity(htx_fold(s.spelling), htx_fold(name)))) AS sim
		FROM htx_agency_spelling s
		WHERE s.spelling_kind <> 'code'
		GROUP BY s.agency_code
		ORDER BY 2 DESC, 1
		LIMIT 3
	) AS c
	JOIN htx_agency a ON a.agency_code = c.agency_code
	WHERE c.sim >= 0.15;
	RAISE EXCEPTION 'unknown agency "%"', name
		USING ERRCODE = 'no_data_found',
			  DETAIL = 'No agency code, name, short form or alias matches it, with or without diacritics.',
			  HINT = CASE WHEN listing IS NULL
				THEN 'SELECT agency_code, name_vi FROM htx_agency lists every agency.'
				ELSE format('Closest: %s.', listing) END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_agency_resolve(pg_catalog.text) IS
'the agency code for any way its name is written: code, full or short name, with or without diacritics, NFC or NFD, any case, & / và / and, abbreviations (Sở NN&PTNT, Sở KH&ĐT, Liên minh HTX tỉnh, UBND huyện); an unknown name raises P0002 and an ambiguous one P0003, with the closest candidates in the hint';

CREATE FUNCTION @extschema@.htx_agency_on(agency pg_catalog.text, as_of pg_catalog.date)
RETURNS pg_catalog.text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN (
	WITH RECURSIVE chain(code, depth) AS (
		SELECT a.agency_code, 0 FROM @extschema@.htx_agency a WHERE a.agency_code OPERATOR(pg_catalog.=) agency
		UNION ALL
		SELECT s.successor_code, c.depth OPERATOR(pg_catalog.+) 1
		FROM chain c
		JOIN @extschema@.htx_agency a ON a.agency_code OPERATOR(pg_catalog.=) c.code
		JOIN @extschema@.htx_agency_succession s ON s.agency_code OPERATOR(pg_catalog.=) c.code
		WHERE a.valid_to OPERATOR(pg_catalog.<) as_of AND c.depth OPERATOR(pg_catalog.<) 32
	)
	SELECT chain.code FROM chain ORDER BY chain.depth DESC LIMIT 1
);
COMMENT ON FUNCTION @extschema@.htx_agency_on(pg_catalog.text, pg_catalog.date) IS
'the agency that holds an agency''s duties on a date: the agency itself while it exists, else its successor (following htx_agency_succession as far as needed); itself when it has ended with no successor, or when as_of is NULL; NULL for an unknown code';

-- Tasks --------------------------------------------------------------------------

CREATE FUNCTION @extschema@.htx_task_resolve(task pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	t text := regexp_replace(task, '\s+', '', 'g');
	depth int := length(t) - length(replace(t, '.', ''));
	v_code text;
	hits text[];
	listing text;
BEGIN
	-- a task code: the exact one, else in any case
	SELECT x.task_code INTO v_code FROM htx_task x
	WHERE lower(x.task_code) = lower(t)
	ORDER BY x.task_code = t DESC, x.task_code LIMIT 1;
	IF v_code IS NOT NULL THEN
		RETURN v_code;
	END IF;
	-- a clause (as source gives it: "Phụ lục row 3.2", "V.2 bullet 1") or a title, folded
	SELECT array_agg(x.task_code ORDER BY x.sort_order NULLS LAST, x.task_code) INTO hits
	FROM htx_task x
	WHERE htx_fold(x.clause) = htx_fold(task)
	   OR htx_fold(x.title_vi) = htx_fold(task) OR htx_fold(x.title_en) = htx_fold(task);
	IF cardinality(hits) = 1 THEN
		RETURN hits[1];
	ELSIF cardinality(hits) > 1 THEN
		RAISE EXCEPTION 'task title "%" is ambiguous', task
			USING ERRCODE = 'too_many_rows',
				  HINT = format('Candidates: %s. Give the task code.', array_to_string(hits, ', '));
	END IF;
	-- unknown: the codes sharing the longest prefix, at the same depth if any
	FOR i IN REVERSE length(t) - 1 .. 1 LOOP
		SELECT string_agg(c.task_code, ', ' ORDER BY c.sort_order NULLS LAST, c.task_code) INTO listing
		FROM (
			SELECT c.task_code, c.sort_order FROM (
				SELECT x.task_code, x.sort_order,
					length(x.task_code) - length(replace(x.task_code, '.', '')) = depth AS same_depth
				FROM htx_task x
				WHERE starts_with(lower(x.task_code), lower(left(t, i)))
			) AS c
			WHERE c.same_depth OR NOT EXISTS (
				SELECT 1 FROM htx_task x
				WHERE starts_with(lower(x.task_code), lower(left(t, i)))
				  AND length(x.task_code) - length(replace(x.task_code, '.', '')) = depth)
			ORDER BY c.sort_order NULLS LAST, c.task_code
			LIMIT 12
		) AS c;
		EXIT WHEN listing IS NOT NULL;
	END LOOP;
	IF listing IS NULL THEN
		SELECT string_agg(x.task_code, ', ' ORDER BY x.sort_order NULLS LAST, x.task_code) INTO listing
		FROM htx_task x WHERE x.parent_code IS NULL;
	END IF;
	RAISE EXCEPTION 'unknown task "%"', task
		USING ERRCODE = 'no_data_found',
			  DETAIL = 'Task codes follow the plan: III.4.c is item c) of III.4, A3.1 the first row of appendix group 3.',
			  HINT = format('Closest task codes: %s. htx_task lists them all.', listing);
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_task_resolve(pg_catalog.text) IS
'the task code for a code in any case and spacing (iii.4.C, "A 3.1"), a task''s clause ("Phụ lục row 3.2", "V.2 bullet 1") or its exact title (folded like htx_fold); an unknown task raises P0002 with the closest codes in the hint';

CREATE FUNCTION @extschema@.htx_task_agencies(task_code pg_catalog.text, as_of pg_catalog.date DEFAULT NULL)
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
		WHERE x.task_code = v_task
	), g AS (
		SELECT x.held, x.role, x.source, min(x.list_order) AS pos,
			string_agg(format('listed as %s (%s), succeeded by %s from %s',
					x.listed, l.name_vi, x.held, to_char(l.valid_to + 1, 'YYYY-MM-DD')),
				'; ' ORDER BY x.list_order) FILTER (WHERE x.listed <> x.held) AS succession
		FROM x JOIN htx_agency l ON l.agency_code = x.listed
		GROUP BY x.held, x.role, x.source
	)
	SELECT g.held, h.name_vi, g.role,
		concat_ws('; ', g.source, g.succession,
			CASE
				WHEN as_of > h.valid_to THEN format('%s existed until %s, no successor recorded', g.held, to_char(h.valid_to, 'YYYY-MM-DD'))
				WHEN as_of < h.valid_from THEN format('%s exists only from %s', g.held, to_char(h.valid_from, 'YYYY-MM-DD'))
			END)
	FROM g JOIN htx_agency h ON h.agency_code = g.held
	ORDER BY g.role <> 'lead', NOT starts_with(g.source, 'Phụ lục'),
		string_to_array(btrim(regexp_replace(g.source, '[^0-9]+', ' ', 'g')), ' ')::numeric[],
		g.source, g.pos, g.held;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_task_agencies(pg_catalog.text, pg_catalog.date) IS
'who leads and who supports a task (code, clause or exact title): one row per agency, role and clause, leads first, appendix before section V; with as_of, an agency that no longer exists on that date is replaced by its successor, and source says so ("listed as DARD (...), succeeded by DAE from 2025-03-01", or "existed until ..., no successor recorded"); an unknown task raises P0002';

CREATE FUNCTION @extschema@.htx_lead_agencies(task_code pg_catalog.text, as_of pg_catalog.date DEFAULT NULL)
RETURNS pg_catalog.text[]
LANGUAGE sql STABLE PARALLEL SAFE
RETURN (
	SELECT CASE WHEN task_code IS NOT NULL THEN COALESCE(pg_catalog.array_agg(t.agency_code ORDER BY t.first), '{}') END
	FROM (
		SELECT a.agency_code, pg_catalog.min(a.n) AS first
		FROM @extschema@.htx_task_agencies(task_code, as_of) WITH ORDINALITY AS a(agency_code, agency_name, role, source, n)
		WHERE a.role OPERATOR(pg_catalog.=) 'lead'
		GROUP BY a.agency_code
	) AS t
);
COMMENT ON FUNCTION @extschema@.htx_lead_agencies(pg_catalog.text, pg_catalog.date) IS
'codes of the agencies that lead a task (chủ trì / đồng chủ trì, from every clause), each once, in the order of the plan; with as_of, successors replace agencies that no longer exist; empty when none; an unknown task raises P0002';

CREATE FUNCTION @extschema@.htx_supporting_agencies(task_code pg_catalog.text, as_of pg_catalog.date DEFAULT NULL)
RETURNS pg_catalog.text[]
LANGUAGE sql STABLE PARALLEL SAFE
RETURN (
	SELECT CASE WHEN task_code IS NOT NULL THEN COALESCE(pg_catalog.array_agg(t.agency_code ORDER BY t.first), '{}') END
	FROM (
		SELECT a.agency_code, pg_catalog.min(a.n) AS first
		FROM @extschema@.htx_task_agencies(task_code, as_of) WITH ORDINALITY AS a(agency_code, agency_name, role, source, n)
		WHERE a.role OPERATOR(pg_catalog.=) 'support'
		GROUP BY a.agency_code
	) AS t
);
COMMENT ON FUNCTION @extschema@.htx_supporting_agencies(pg_catalog.text, pg_catalog.date) IS
'codes of the agencies that support a task (phối hợp, from every clause), each once, in the order of the plan; with as_of, successors replace agencies that no longer exist; empty when none; an unknown task raises P0002';

CREATE FUNCTION @extschema@.htx_role_resolve(role pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	r text := CASE htx_fold(role)
		WHEN 'lead' THEN 'lead' WHEN 'chu tri' THEN 'lead' WHEN 'dong chu tri' THEN 'lead'
		WHEN 'chu tri/dong chu tri' THEN 'lead'
		WHEN 'support' THEN 'support' WHEN 'phoi hop' THEN 'support' END;
BEGIN
	IF r IS NULL THEN
		RAISE EXCEPTION 'unknown role "%"', role
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use lead (chủ trì, đồng chủ trì), support (phối hợp), or NULL for both.';
	END IF;
	RETURN r;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_role_resolve(pg_catalog.text) IS
'lead for lead, chủ trì or đồng chủ trì; support for support or phối hợp (any case, with or without diacritics); anything else raises 22023';

CREATE FUNCTION @extschema@.htx_agency_tasks(agency pg_catalog.text, role pg_catalog.text DEFAULT NULL)
RETURNS TABLE (task_code pg_catalog.text, task_title pg_catalog.text, role pg_catalog.text, source pg_catalog.text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH RECURSIVE args AS (
		SELECT @extschema@.htx_agency_resolve(htx_agency_tasks.agency) AS agency_code,
			@extschema@.htx_role_resolve(htx_agency_tasks.role) AS role
	), pred(agency_code, depth) AS (
		SELECT args.agency_code, 0 FROM args WHERE args.agency_code IS NOT NULL
		UNION ALL
		SELECT s.agency_code, pred.depth OPERATOR(pg_catalog.+) 1
		FROM @extschema@.htx_agency_succession s
		JOIN pred ON s.successor_code OPERATOR(pg_catalog.=) pred.agency_code
		WHERE pred.depth OPERATOR(pg_catalog.<) 32
	), p AS (
		SELECT DISTINCT ON (pred.agency_code) pred.agency_code, pred.depth
		FROM pred ORDER BY pred.agency_code, pred.depth
	)
	SELECT x.task_code, t.title_vi, x.role,
		CASE WHEN p.depth OPERATOR(pg_catalog.=) 0 THEN x.source
			ELSE pg_catalog.format('%s; inherited from %s (%s%s)', x.source, x.agency_code, l.name_vi,
				', until ' OPERATOR(pg_catalog.||) pg_catalog.to_char(l.valid_to, 'YYYY-MM-DD')) END
	FROM p
	CROSS JOIN args
	JOIN @extschema@.htx_assignment x ON x.agency_code OPERATOR(pg_catalog.=) p.agency_code
	JOIN @extschema@.htx_task t ON t.task_code OPERATOR(pg_catalog.=) x.task_code
	JOIN @extschema@.htx_agency l ON l.agency_code OPERATOR(pg_catalog.=) x.agency_code
	WHERE args.role IS NULL OR x.role OPERATOR(pg_catalog.=) args.role
	ORDER BY t.sort_order NULLS LAST, t.task_code, x.role OPERATOR(pg_catalog.<>) 'lead', p.depth,
		pg_catalog.string_to_array(pg_catalog.btrim(pg_catalog.regexp_replace(x.source, '[^0-9]+', ' ', 'g')), ' ')::pg_catalog.numeric[],
		x.source;
END;
COMMENT ON FUNCTION @extschema@.htx_agency_tasks(pg_catalog.text, pg_catalog.text) IS
'what an agency (code or any spelling htx_agency_resolve accepts) is responsible for: every task it leads or supports, and those of the agencies it succeeded (source says "inherited from ..."); role: lead / chủ trì, support / phối hợp, or NULL for both; an unknown agency raises P0002, an ambiguous one P0003, an unknown role 22023';

-- Views for BI tools ---------------------------------------------------------------

CREATE VIEW @extschema@.htx_task_assignments AS
WITH RECURSIVE chain(agency_code, holder, depth) AS (
	-- who holds each agency's duties today: the successor chain, inlined here
	-- because a view's functions run with the reader's rights, its tables with
	-- the owner's (a BI role may read the view but not htx_agency)
	SELECT a.agency_code, a.agency_code, 0 FROM @extschema@.htx_agency a
	UNION ALL
	SELECT c.agency_code, s.successor_code, c.depth OPERATOR(pg_catalog.+) 1
	FROM chain c
	JOIN @extschema@.htx_agency h ON h.agency_code OPERATOR(pg_catalog.=) c.holder
	JOIN @extschema@.htx_agency_succession s ON s.agency_code OPERATOR(pg_catalog.=) c.holder
	WHERE h.valid_to OPERATOR(pg_catalog.<) CURRENT_DATE AND c.depth OPERATOR(pg_catalog.<) 32
), now_holder AS (
	SELECT DISTINCT ON (chain.agency_code) chain.agency_code, chain.holder
	FROM chain ORDER BY chain.agency_code, chain.depth DESC
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
COMMENT ON VIEW @extschema@.htx_task_assignments IS
'one row per task, agency and role (lead or support), with the task''s titles, the agency''s names and the clauses the assignment comes from; for BI tools';
COMMENT ON COLUMN @extschema@.htx_task_assignments.task_code IS 'task code (III.4.c, A3.1 ...)';
COMMENT ON COLUMN @extschema@.htx_task_assignments.task_part IS 'part of the plan: III, IV, V, appendix, or local';
COMMENT ON COLUMN @extschema@.htx_task_assignments.task_parent_code IS 'the task this one is an item of; NULL at the top';
COMMENT ON COLUMN @extschema@.htx_task_assignments.task_sort_order IS 'order of the task in the plan';
COMMENT ON COLUMN @extschema@.htx_task_assignments.task_title_vi IS 'task title in Vietnamese, verbatim';
COMMENT ON COLUMN @extschema@.htx_task_assignments.task_title_en IS 'task title in English (short)';
COMMENT ON COLUMN @extschema@.htx_task_assignments.agency_code IS 'agency code, as the plan names it (2024)';
COMMENT ON COLUMN @extschema@.htx_task_assignments.agency_name_vi IS 'agency''s full Vietnamese name';
COMMENT ON COLUMN @extschema@.htx_task_assignments.agency_name_en IS 'agency''s English name';
COMMENT ON COLUMN @extschema@.htx_task_assignments.agency_kind IS 'department, people_committee, mass_organisation, bank, press or catch_all';
COMMENT ON COLUMN @extschema@.htx_task_assignments.role IS 'lead (chủ trì / đồng chủ trì) or support (phối hợp)';
COMMENT ON COLUMN @extschema@.htx_task_assignments.role_vi IS 'the words of the clauses for the role, "; " between them';
COMMENT ON COLUMN @extschema@.htx_task_assignments.listed_as IS 'the words of the clauses for the agency, "; " between them';
COMMENT ON COLUMN @extschema@.htx_task_assignments.sources IS 'the clauses the assignment comes from, "; " between them (Phụ lục row 3.1; V.4)';
COMMENT ON COLUMN @extschema@.htx_task_assignments.source_count IS 'how many clauses make the assignment';
COMMENT ON COLUMN @extschema@.htx_task_assignments.notes IS 'notes on the clauses, each after its clause, " | " between them; NULL when none';
COMMENT ON COLUMN @extschema@.htx_task_assignments.agency_valid_from IS 'first day the agency exists (NULL: before the plan)';
COMMENT ON COLUMN @extschema@.htx_task_assignments.agency_valid_to IS 'last day the agency exists (NULL: it continues)';
COMMENT ON COLUMN @extschema@.htx_task_assignments.current_agency_code IS 'the agency that holds the duty today (the agency itself, or its successor after the 2025 reorganisation)';
COMMENT ON COLUMN @extschema@.htx_task_assignments.current_agency_name_vi IS 'its full Vietnamese name';
COMMENT ON COLUMN @extschema@.htx_task_assignments.current_agency_exists IS 'false when the holder has ended with no successor recorded (UBND các huyện, thành phố after 2025-06-30)';

CREATE VIEW @extschema@.htx_task_matrix AS
WITH RECURSIVE chain(agency_code, holder, depth) AS (
	-- who holds each agency's duties today: the successor chain, inlined here
	-- because a view's functions run with the reader's rights, its tables with
	-- the owner's (a BI role may read the view but not htx_agency)
	SELECT a.agency_code, a.agency_code, 0 FROM @extschema@.htx_agency a
	UNION ALL
	SELECT c.agency_code, s.successor_code, c.depth OPERATOR(pg_catalog.+) 1
	FROM chain c
	JOIN @extschema@.htx_agency h ON h.agency_code OPERATOR(pg_catalog.=) c.holder
	JOIN @extschema@.htx_agency_succession s ON s.agency_code OPERATOR(pg_catalog.=) c.holder
	WHERE h.valid_to OPERATOR(pg_catalog.<) CURRENT_DATE AND c.depth OPERATOR(pg_catalog.<) 32
), now_holder AS (
	SELECT DISTINCT ON (chain.agency_code) chain.agency_code, chain.holder
	FROM chain ORDER BY chain.agency_code, chain.depth DESC
)
, x AS (
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
COMMENT ON VIEW @extschema@.htx_task_matrix IS
'one row per task, every task (headings and items with no agency too), with its lead and supporting agencies as readable lists ("; " between names, in the order of the plan), as listed and as held today; for BI tools';
COMMENT ON COLUMN @extschema@.htx_task_matrix.task_code IS 'task code (III.4.c, A3.1 ...)';
COMMENT ON COLUMN @extschema@.htx_task_matrix.task_part IS 'part of the plan: III, IV, V, appendix, or local';
COMMENT ON COLUMN @extschema@.htx_task_matrix.task_parent_code IS 'the task this one is an item of; NULL at the top';
COMMENT ON COLUMN @extschema@.htx_task_matrix.task_sort_order IS 'order of the task in the plan: sort by it';
COMMENT ON COLUMN @extschema@.htx_task_matrix.title_vi IS 'task title in Vietnamese, verbatim';
COMMENT ON COLUMN @extschema@.htx_task_matrix.title_en IS 'task title in English (short)';
COMMENT ON COLUMN @extschema@.htx_task_matrix.clause IS 'where in the plan the task is written';
COMMENT ON COLUMN @extschema@.htx_task_matrix.lead_agencies IS 'full names of the lead agencies (chủ trì / đồng chủ trì), as the plan names them; NULL when none';
COMMENT ON COLUMN @extschema@.htx_task_matrix.supporting_agencies IS 'full names of the supporting agencies (phối hợp); NULL when none';
COMMENT ON COLUMN @extschema@.htx_task_matrix.lead_codes IS 'codes of the lead agencies, "; " between them';
COMMENT ON COLUMN @extschema@.htx_task_matrix.supporting_codes IS 'codes of the supporting agencies, "; " between them';
COMMENT ON COLUMN @extschema@.htx_task_matrix.lead_count IS 'number of lead agencies';
COMMENT ON COLUMN @extschema@.htx_task_matrix.supporting_count IS 'number of supporting agencies';
COMMENT ON COLUMN @extschema@.htx_task_matrix.lead_agencies_now IS 'the lead agencies as held today, successors in place of merged departments; an agency that ended with no successor shows "(until date)"';
COMMENT ON COLUMN @extschema@.htx_task_matrix.supporting_agencies_now IS 'the supporting agencies as held today, as lead_agencies_now';
COMMENT ON COLUMN @extschema@.htx_task_matrix.sources IS 'the clauses the task''s assignments come from, "; " between them';
