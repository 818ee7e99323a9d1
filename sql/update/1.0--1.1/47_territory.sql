-- ---------------------------------------------------------------------------
-- Territory across the 2025 reorganisation (issue 9): units as data
-- ---------------------------------------------------------------------------
--
-- A unit is a code on a date: codes are reused (05443 was Phường Trưng Vương
-- until 2025-06-30 and is Phường Phan Đình Phùng since 2025-07-01), so the
-- key of a province or commune is (code, valid_from).  valid_from is
-- '-infinity' for a unit that existed before htx's records start (the
-- sources give no date).  Thái Nguyên's districts stay in 1.0's htx_district
-- (valid_from NULL there means the same); Bắc Kạn's eight go to
-- htx_district_other, not htx_district: the 1.0 report views list every row
-- of htx_district for every year, so eight empty districts and a second
-- province total would appear in every 1.0 user's reports.  The rows come from
-- sql/data/*.csv (48_territory_data.sql, written by make with csv2sql);
-- sql/data/territory2csv writes those CSV files from the source lists.

CREATE TABLE @extschema@.htx_province (
	province_code pg_catalog.text NOT NULL
		CONSTRAINT htx_province_code_is_two_digits CHECK (province_code OPERATOR(pg_catalog.~) '^[0-9]{2}$'),
	valid_from pg_catalog.date NOT NULL,
	name pg_catalog.text NOT NULL
		CONSTRAINT htx_province_name_not_blank CHECK (pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) ''),
	valid_to pg_catalog.date,
	source pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	CONSTRAINT htx_province_pkey PRIMARY KEY (province_code, valid_from),
	CONSTRAINT htx_province_valid_to_not_before_valid_from CHECK (valid_to OPERATOR(pg_catalog.>=) valid_from)
);
COMMENT ON TABLE @extschema@.htx_province IS
'provinces (tỉnh) with GSO codes and validity dates: a province is a code on a date (19 until 2025-06-30 is "Thái Nguyên cũ"; 19 from 2025-07-01 is the merged province); rows a province adds survive pg_dump';
COMMENT ON COLUMN @extschema@.htx_province.province_code IS 'GSO code, two digits (Thái Nguyên: 19, Bắc Kạn: 06)';
COMMENT ON COLUMN @extschema@.htx_province.valid_from IS 'first day of this unit; -infinity when it predates what htx records (the sources give no date)';
COMMENT ON COLUMN @extschema@.htx_province.name IS 'name without the word tỉnh, e.g. Bắc Kạn';
COMMENT ON COLUMN @extschema@.htx_province.valid_to IS 'last day of this unit (inclusive); NULL while it exists';
COMMENT ON COLUMN @extschema@.htx_province.source IS 'where the unit and its dates come from';
COMMENT ON COLUMN @extschema@.htx_province.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.htx_district_other (
	district_code pg_catalog.text PRIMARY KEY
		CONSTRAINT htx_district_other_code_is_three_digits CHECK (district_code OPERATOR(pg_catalog.~) '^[0-9]{3}$'),
	name pg_catalog.text NOT NULL
		CONSTRAINT htx_district_other_name_not_blank CHECK (pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) ''),
	kind pg_catalog.text NOT NULL
		CONSTRAINT htx_district_other_kind_known CHECK (kind OPERATOR(pg_catalog.=) ANY ('{thành phố,thị xã,huyện,quận}'::pg_catalog.text[])),
	province_code pg_catalog.text NOT NULL
		CONSTRAINT htx_district_other_province_code_is_two_digits CHECK (province_code OPERATOR(pg_catalog.~) '^[0-9]{2}$'),
	valid_from pg_catalog.date,
	valid_to pg_catalog.date,
	source pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	CONSTRAINT htx_district_other_valid_to_not_before_valid_from CHECK (valid_to OPERATOR(pg_catalog.>=) valid_from)
);
COMMENT ON TABLE @extschema@.htx_district_other IS
'district-level units outside the plan''s own territory (Bắc Kạn''s eight, province 06, until 2025-06-30), kept apart from htx_district, whose every row the 1.0 report views list; htx_area shows both';
COMMENT ON COLUMN @extschema@.htx_district_other.district_code IS 'GSO code of the unit, three digits; not also in htx_district';
COMMENT ON COLUMN @extschema@.htx_district_other.name IS 'name without its kind, e.g. Chợ Đồn';
COMMENT ON COLUMN @extschema@.htx_district_other.kind IS 'kind on the last day of validity (the sources give no earlier kinds)';
COMMENT ON COLUMN @extschema@.htx_district_other.province_code IS 'GSO code of the province, two digits (Bắc Kạn: 06)';
COMMENT ON COLUMN @extschema@.htx_district_other.valid_from IS 'first day the unit existed; NULL when it predates what htx records';
COMMENT ON COLUMN @extschema@.htx_district_other.valid_to IS 'last day the unit existed (inclusive)';
COMMENT ON COLUMN @extschema@.htx_district_other.source IS 'where the unit comes from';
COMMENT ON COLUMN @extschema@.htx_district_other.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.htx_commune (
	commune_code pg_catalog.text NOT NULL
		CONSTRAINT htx_commune_code_is_five_digits CHECK (commune_code OPERATOR(pg_catalog.~) '^[0-9]{5}$'),
	valid_from pg_catalog.date NOT NULL,
	name pg_catalog.text NOT NULL
		CONSTRAINT htx_commune_name_not_blank CHECK (pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) ''),
	kind pg_catalog.text NOT NULL
		CONSTRAINT htx_commune_kind_known CHECK (kind OPERATOR(pg_catalog.=) ANY ('{xã,phường,thị trấn}'::pg_catalog.text[])),
	district_code pg_catalog.text
		CONSTRAINT htx_commune_district_code_is_three_digits CHECK (district_code OPERATOR(pg_catalog.~) '^[0-9]{3}$'),
	province_code pg_catalog.text NOT NULL
		CONSTRAINT htx_commune_province_code_is_two_digits CHECK (province_code OPERATOR(pg_catalog.~) '^[0-9]{2}$'),
	valid_to pg_catalog.date,
	source pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	CONSTRAINT htx_commune_pkey PRIMARY KEY (commune_code, valid_from),
	CONSTRAINT htx_commune_valid_to_not_before_valid_from CHECK (valid_to OPERATOR(pg_catalog.>=) valid_from),
	-- the district level ended on 2025-06-30: a unit under a district ends by then
	CONSTRAINT htx_commune_district_ended CHECK (district_code IS NULL
		OR valid_to OPERATOR(pg_catalog.<=) '2025-06-30'::pg_catalog.date)
);
COMMENT ON TABLE @extschema@.htx_commune IS
'commune-level units (xã, phường, thị trấn) with GSO codes and validity dates: a unit is a code on a date, since codes are reused (05443: Phường Trưng Vương until 2025-06-30, Phường Phan Đình Phùng from 2025-07-01); old units lie in a district, new ones directly in the province; rows a province adds survive pg_dump';
COMMENT ON COLUMN @extschema@.htx_commune.commune_code IS 'GSO code, five digits';
COMMENT ON COLUMN @extschema@.htx_commune.valid_from IS 'first day of this unit; -infinity when it predates what htx records (the sources give no date); 2025-07-01 for the units of the reorganisation';
COMMENT ON COLUMN @extschema@.htx_commune.name IS 'name without its kind, e.g. Phan Đình Phùng';
COMMENT ON COLUMN @extschema@.htx_commune.kind IS 'xã (rural commune), phường (ward) or thị trấn (district town, abolished 2025-07-01)';
COMMENT ON COLUMN @extschema@.htx_commune.district_code IS 'the district it lay in (htx_district or htx_district_other: no foreign key, as it is either); NULL for units from 2025-07-01, which lie directly in the province';
COMMENT ON COLUMN @extschema@.htx_commune.province_code IS 'the province it lies in on its dates (the province code valid then, see htx_province)';
COMMENT ON COLUMN @extschema@.htx_commune.valid_to IS 'last day of this unit (inclusive); NULL while it exists';
COMMENT ON COLUMN @extschema@.htx_commune.source IS 'where the unit comes from';
COMMENT ON COLUMN @extschema@.htx_commune.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.htx_commune_succession (
	old_code pg_catalog.text NOT NULL,
	old_valid_from pg_catalog.date NOT NULL,
	new_code pg_catalog.text NOT NULL,
	new_valid_from pg_catalog.date NOT NULL,
	listed_as pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	CONSTRAINT htx_commune_succession_pkey PRIMARY KEY (old_code, old_valid_from, new_code, new_valid_from),
	CONSTRAINT htx_commune_succession_old_known FOREIGN KEY (old_code, old_valid_from)
		REFERENCES @extschema@.htx_commune ON UPDATE CASCADE ON DELETE CASCADE,
	CONSTRAINT htx_commune_succession_new_known FOREIGN KEY (new_code, new_valid_from)
		REFERENCES @extschema@.htx_commune ON UPDATE CASCADE ON DELETE CASCADE,
	CONSTRAINT htx_commune_succession_new_is_later CHECK (new_valid_from OPERATOR(pg_catalog.>) old_valid_from)
);
CREATE INDEX htx_commune_succession_new ON @extschema@.htx_commune_succession (new_code, new_valid_from);
COMMENT ON TABLE @extschema@.htx_commune_succession IS
'the crosswalk old -> new: each old commune-level unit and the new unit(s) that took its territory (several when it was split); built from the resolution''s list of what each new unit was formed from (sql/data/territory2csv); read it through the view htx_commune_crosswalk';
COMMENT ON INDEX @extschema@.htx_commune_succession_new IS 'the old units of a new unit';
COMMENT ON COLUMN @extschema@.htx_commune_succession.old_code IS 'the old unit''s code (with old_valid_from: a row of htx_commune)';
COMMENT ON COLUMN @extschema@.htx_commune_succession.old_valid_from IS 'the old unit''s valid_from';
COMMENT ON COLUMN @extschema@.htx_commune_succession.new_code IS 'the new unit''s code (with new_valid_from: a row of htx_commune)';
COMMENT ON COLUMN @extschema@.htx_commune_succession.new_valid_from IS 'the new unit''s valid_from';
COMMENT ON COLUMN @extschema@.htx_commune_succession.listed_as IS 'how the source names the old unit among the new one''s parts ("giữ nguyên": the unit kept its territory)';
COMMENT ON COLUMN @extschema@.htx_commune_succession.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

-- (the tables found by oid: a name in quotes could meet a temporary table;
-- one call a statement, as each updates pg_extension)
SELECT pg_catalog.pg_extension_config_dump(c.oid::pg_catalog.regclass, 'WHERE NOT builtin')
FROM pg_catalog.pg_class c
WHERE c.relnamespace OPERATOR(pg_catalog.=) (SELECT e.extnamespace FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'htx')
  AND c.relname OPERATOR(pg_catalog.=) 'htx_province';
SELECT pg_catalog.pg_extension_config_dump(c.oid::pg_catalog.regclass, 'WHERE NOT builtin')
FROM pg_catalog.pg_class c
WHERE c.relnamespace OPERATOR(pg_catalog.=) (SELECT e.extnamespace FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'htx')
  AND c.relname OPERATOR(pg_catalog.=) 'htx_district_other';
SELECT pg_catalog.pg_extension_config_dump(c.oid::pg_catalog.regclass, 'WHERE NOT builtin')
FROM pg_catalog.pg_class c
WHERE c.relnamespace OPERATOR(pg_catalog.=) (SELECT e.extnamespace FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'htx')
  AND c.relname OPERATOR(pg_catalog.=) 'htx_commune';
SELECT pg_catalog.pg_extension_config_dump(c.oid::pg_catalog.regclass, 'WHERE NOT builtin')
FROM pg_catalog.pg_class c
WHERE c.relnamespace OPERATOR(pg_catalog.=) (SELECT e.extnamespace FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'htx')
  AND c.relname OPERATOR(pg_catalog.=) 'htx_commune_succession';

CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add provinces of your own (builtin = false), e.g. a later reorganisation as a new row with its own valid_from.',
	'province_code', 'valid_from');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_district_other
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add districts of your own (builtin = false).',
	'district_code');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_commune
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add units of your own (builtin = false): a later reorganisation as new rows with their own valid_from, and their parts in htx_commune_succession.',
	'commune_code', 'valid_from');
CREATE TRIGGER htx_shipped_rows BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.htx_commune_succession
	FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard(
	'Add pairs of your own (builtin = false) for units of your own.',
	'old_code', 'old_valid_from', 'new_code', 'new_valid_from');
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_province
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_district_other
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_commune
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
CREATE TRIGGER htx_shipped_rows_truncate BEFORE TRUNCATE ON @extschema@.htx_commune_succession
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.htx_shipped_rows_guard();
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_province IS 'shipped provinces are not edited (pg_dump leaves them out): add provinces of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_district_other IS 'shipped districts are not edited (pg_dump leaves them out): add districts of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_district_other IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_commune IS 'shipped units are not edited (pg_dump leaves them out): add units of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows ON @extschema@.htx_commune_succession IS 'shipped crosswalk pairs are not edited (pg_dump leaves them out): add pairs of your own (see htx_shipped_rows_guard)';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_province IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_commune IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';
COMMENT ON TRIGGER htx_shipped_rows_truncate ON @extschema@.htx_commune_succession IS 'TRUNCATE would remove the shipped rows too: DELETE ... WHERE NOT builtin removes your own';

-- Every unit of every level ----------------------------------------------------

CREATE VIEW @extschema@.htx_area AS
SELECT p.province_code AS area_code, 'province'::pg_catalog.text AS level,
	p.valid_from, p.valid_to, p.name, 'tỉnh'::pg_catalog.text AS kind,
	'{tỉnh}'::pg_catalog.text[] AS kinds,
	'Tỉnh ' OPERATOR(pg_catalog.||) p.name AS full_name,
	NULL::pg_catalog.text AS parent_code, NULL::pg_catalog.text AS parent_level,
	p.province_code, NULL::pg_catalog.text AS district_code, p.builtin
FROM @extschema@.htx_province p
UNION ALL
SELECT d.district_code, 'district', COALESCE(d.valid_from, '-infinity'::pg_catalog.date), d.valid_to, d.name, d.kind,
	ARRAY(SELECT DISTINCT k.kind FROM (SELECT d.kind UNION ALL
		SELECT dk.kind FROM @extschema@.htx_district_kind dk WHERE dk.district_code OPERATOR(pg_catalog.=) d.district_code) AS k(kind)
		ORDER BY k.kind),
	pg_catalog.upper(pg_catalog.left(d.kind, 1)) OPERATOR(pg_catalog.||) pg_catalog.substr(d.kind, 2) OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) d.name,
	d.province_code, 'province', d.province_code, d.district_code, d.builtin
FROM @extschema@.htx_district d
UNION ALL
SELECT o.district_code, 'district', COALESCE(o.valid_from, '-infinity'::pg_catalog.date), o.valid_to, o.name, o.kind, ARRAY[o.kind],
	pg_catalog.upper(pg_catalog.left(o.kind, 1)) OPERATOR(pg_catalog.||) pg_catalog.substr(o.kind, 2) OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) o.name,
	o.province_code, 'province', o.province_code, o.district_code, o.builtin
FROM @extschema@.htx_district_other o
UNION ALL
SELECT c.commune_code, 'commune', c.valid_from, c.valid_to, c.name, c.kind, ARRAY[c.kind],
	pg_catalog.upper(pg_catalog.left(c.kind, 1)) OPERATOR(pg_catalog.||) pg_catalog.substr(c.kind, 2) OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) c.name,
	COALESCE(c.district_code, c.province_code), CASE WHEN c.district_code IS NULL THEN 'province' ELSE 'district' END,
	c.province_code, c.district_code, c.builtin
FROM @extschema@.htx_commune c;
COMMENT ON VIEW @extschema@.htx_area IS
'every administrative unit htx knows, of every level (provinces, districts, communes), each a code on a date: WHERE area_code = ''05443'' AND ''2026-01-01'' BETWEEN valid_from AND COALESCE(valid_to, ''infinity'') is one unit';
COMMENT ON COLUMN @extschema@.htx_area.area_code IS 'GSO code: two digits for a province, three for a district, five for a commune';
COMMENT ON COLUMN @extschema@.htx_area.level IS 'province, district or commune';
COMMENT ON COLUMN @extschema@.htx_area.valid_from IS 'first day of the unit; -infinity when it predates what htx records';
COMMENT ON COLUMN @extschema@.htx_area.valid_to IS 'last day of the unit (inclusive); NULL while it exists';
COMMENT ON COLUMN @extschema@.htx_area.name IS 'name without its kind';
COMMENT ON COLUMN @extschema@.htx_area.kind IS 'tỉnh; thành phố, thị xã, huyện, quận (the kind on a district''s last day); xã, phường, thị trấn';
COMMENT ON COLUMN @extschema@.htx_area.kinds IS 'every kind the unit had (a district''s history is in htx_district_kind)';
COMMENT ON COLUMN @extschema@.htx_area.full_name IS 'kind and name, e.g. Phường Phan Đình Phùng, Thành phố Thái Nguyên';
COMMENT ON COLUMN @extschema@.htx_area.parent_code IS 'the unit it lies in: a district''s province; an old commune''s district; a new commune''s province; NULL for a province';
COMMENT ON COLUMN @extschema@.htx_area.parent_level IS 'level of parent_code';
COMMENT ON COLUMN @extschema@.htx_area.province_code IS 'the province it lies in (itself for a province)';
COMMENT ON COLUMN @extschema@.htx_area.district_code IS 'the district it lies in (itself for a district; NULL for a province and a commune from 2025-07-01)';
COMMENT ON COLUMN @extschema@.htx_area.builtin IS 'true for units shipped with htx';

CREATE VIEW @extschema@.htx_commune_crosswalk AS
SELECT s.old_code, s.old_valid_from, o.name AS old_name, o.kind AS old_kind,
	o.district_code AS old_district_code, d.name AS old_district_name, o.province_code AS old_province_code,
	s.new_code, s.new_valid_from, n.name AS new_name, n.kind AS new_kind, n.province_code AS new_province_code,
	(SELECT pg_catalog.count(*) FROM @extschema@.htx_commune_succession s2
	 WHERE s2.old_code OPERATOR(pg_catalog.=) s.old_code AND s2.old_valid_from OPERATOR(pg_catalog.=) s.old_valid_from)
		OPERATOR(pg_catalog.>) 1 AS split,
	(SELECT pg_catalog.count(DISTINCT o2.district_code) FROM @extschema@.htx_commune_succession s2
	 JOIN @extschema@.htx_commune o2 ON o2.commune_code OPERATOR(pg_catalog.=) s2.old_code AND o2.valid_from OPERATOR(pg_catalog.=) s2.old_valid_from
	 WHERE s2.new_code OPERATOR(pg_catalog.=) s.new_code AND s2.new_valid_from OPERATOR(pg_catalog.=) s.new_valid_from)
		OPERATOR(pg_catalog.>) 1 AS new_straddles,
	s.old_code OPERATOR(pg_catalog.=) s.new_code AS keeps_code,
	s.listed_as, s.builtin
FROM @extschema@.htx_commune_succession s
JOIN @extschema@.htx_commune o ON o.commune_code OPERATOR(pg_catalog.=) s.old_code AND o.valid_from OPERATOR(pg_catalog.=) s.old_valid_from
JOIN @extschema@.htx_commune n ON n.commune_code OPERATOR(pg_catalog.=) s.new_code AND n.valid_from OPERATOR(pg_catalog.=) s.new_valid_from
LEFT JOIN (SELECT d1.district_code, d1.name FROM @extschema@.htx_district d1
	UNION ALL SELECT d2.district_code, d2.name FROM @extschema@.htx_district_other d2) AS d
	ON d.district_code OPERATOR(pg_catalog.=) o.district_code;
COMMENT ON VIEW @extschema@.htx_commune_crosswalk IS
'the crosswalk old -> new with names: one row per old unit and new unit that took (part of) its territory; split marks an old unit shared by several new ones, new_straddles a new unit whose parts lay in several former districts';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.old_code IS 'old unit''s code';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.old_valid_from IS 'old unit''s valid_from (with old_code, a row of htx_commune)';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.old_name IS 'old unit''s name without its kind';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.old_kind IS 'old unit''s kind: xã, phường, thị trấn';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.old_district_code IS 'the former district the old unit lay in (htx_district or htx_district_other)';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.old_district_name IS 'that district''s name';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.old_province_code IS 'the former province the old unit lay in (19 Thái Nguyên cũ, 06 Bắc Kạn cũ)';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.new_code IS 'new unit''s code';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.new_valid_from IS 'new unit''s valid_from (with new_code, a row of htx_commune)';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.new_name IS 'new unit''s name without its kind';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.new_kind IS 'new unit''s kind: xã or phường';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.new_province_code IS 'the province the new unit lies in';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.split IS 'true when the old unit''s territory went to more than one new unit (this row is one share)';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.new_straddles IS 'true when the new unit''s old parts lay in more than one former district';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.keeps_code IS 'true when the new unit keeps the old unit''s code';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.listed_as IS 'how the source lists the old unit ("giữ nguyên": unchanged)';
COMMENT ON COLUMN @extschema@.htx_commune_crosswalk.builtin IS 'true for pairs shipped with htx';

-- Names people type --------------------------------------------------------------

CREATE FUNCTION @extschema@.htx_area_key(name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
-- NFD leaves ASCII letters, combining marks and đ: lower() of ASCII works
-- in every collation.  Each word's tone mark (grave, acute, tilde, hook,
-- dot below) goes to the end of the word, so hoà and hòa, thuỷ and thủy have
-- one key; a y that is a word's only vowel is written i (Sỹ, Sĩ).
RETURN (
	SELECT COALESCE(pg_catalog.string_agg(
		pg_catalog.regexp_replace(pg_catalog.regexp_replace(w.w, '[\u0300\u0301\u0303\u0309\u0323]', '', 'g'),
			'^([^aeiouy\u0300-\u036f]*)y$', '\1i')
		OPERATOR(pg_catalog.||) COALESCE(pg_catalog.substring(w.w, '[\u0300\u0301\u0303\u0309\u0323]'), ''),
		' ' ORDER BY w.n), '')
	FROM pg_catalog.regexp_split_to_table(
		pg_catalog.lower(pg_catalog.translate(
			-- normalize() works in UTF8 databases only; in SQL_ASCII (the one
			-- other encoding htx installs in) names are taken as written
			CASE WHEN pg_catalog.getdatabaseencoding() OPERATOR(pg_catalog.=) 'UTF8'
				THEN pg_catalog.normalize(name, 'NFD') ELSE name END, 'Đ', 'đ')),
		'[^a-z0-9đ\u0300-\u036f]+') WITH ORDINALITY AS w(w, n)
	WHERE w.w OPERATOR(pg_catalog.<>) ''
);
COMMENT ON FUNCTION @extschema@.htx_area_key(pg_catalog.text) IS
'matching key of a unit name that keeps its diacritics: lower case, NFC or NFD, punctuation to spaces, old and new tone placement alike (Hoà/Hòa, Thuỷ/Thủy), i/y alike as a word''s only vowel (Sĩ/Sỹ); tells Văn Lang from Văn Lăng, which htx_fold does not';

CREATE FUNCTION @extschema@.htx_area_fold(name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.regexp_replace(pg_catalog.btrim(pg_catalog.regexp_replace(@extschema@.htx_fold(name), '[^a-z0-9]+', ' ', 'g')),
	'\m([b-df-hj-np-tv-xz]*)y\M', '\1i', 'g');
COMMENT ON FUNCTION @extschema@.htx_area_fold(pg_catalog.text) IS
'matching key of a unit name without diacritics: htx_fold (case, diacritics, NFC/NFD), punctuation to spaces, a y that is a word''s only vowel written i (Sỹ, Sĩ, sy, si alike)';

CREATE FUNCTION @extschema@.htx_area_matches(name pg_catalog.text, as_of pg_catalog.date)
RETURNS pg_catalog.text[]
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	max_len constant int := 200;
	f text;
	fw text[];
	tw text[];
	marked bool;
	hits text[];
BEGIN
	IF length(name) > max_len THEN
		RAISE EXCEPTION 'unit name is too long (% characters)', length(name)
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('A unit''s name has at most %s characters here.', max_len);
	END IF;
	f := htx_area_fold(name);
	-- a code valid on the date
	IF f ~ '^([0-9]{2}|[0-9]{3}|[0-9]{5})$' THEN
		IF EXISTS (SELECT 1 FROM htx_area a WHERE a.area_code = f
			AND as_of BETWEEN a.valid_from AND COALESCE(a.valid_to, 'infinity')) THEN
			RETURN ARRAY[f];
		END IF;
	END IF;
	fw := string_to_array(f, ' ');
	tw := string_to_array(htx_area_key(name), ' ');
	marked := name !~ '^[[:ascii:]]*$';
	IF cardinality(tw) IS DISTINCT FROM cardinality(fw) THEN
		tw := NULL;    -- cannot pair the words: compare without diacritics
	END IF;

	-- every reading of the input: the whole as a name, or a kind word (one or
	-- two words, abbreviated or not) and a name
	WITH reading(kinds, skip) AS (
		SELECT NULL::text[], 0
		UNION ALL
		SELECT k.kinds, k.n FROM (VALUES
			('{tinh}', '{tỉnh}'::text[], 1),
			('{thanh,pho}', '{thành phố}', 2), ('{tp}', '{thành phố}', 1),
			('{thi,xa}', '{thị xã}', 2), ('{tx}', '{thị xã}', 1),
			('{huyen}', '{huyện}', 1), ('{quan}', '{quận}', 1),
			('{thi,tran}', '{thị trấn}', 2), ('{tt}', '{thị trấn}', 1),
			('{phuong}', '{phường}', 1), ('{p}', '{phường}', 1),
			('{xa}', '{xã}', 1)) AS k(words, kinds, n)
		WHERE cardinality(fw) > k.n AND fw[1:k.n] = k.words::text[]
	), cand AS (
		SELECT DISTINCT a.area_code, a.valid_from, a.level, a.full_name,
			tw IS NULL OR NOT marked OR htx_area_key(a.name) = array_to_string(tw[r.skip + 1:], ' ') AS exact
		FROM reading r
		JOIN htx_area a ON htx_area_fold(a.name) = array_to_string(fw[r.skip + 1:], ' ')
			AND (r.kinds IS NULL OR a.kinds && r.kinds)
		WHERE as_of BETWEEN a.valid_from AND COALESCE(a.valid_to, 'infinity')
	)
	SELECT array_agg(c.area_code ORDER BY length(c.area_code), c.area_code) INTO hits
	FROM cand c
	WHERE c.exact OR NOT EXISTS (SELECT 1 FROM cand e WHERE e.exact);

	RETURN COALESCE(hits, '{}');
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_area_matches(pg_catalog.text, pg_catalog.date) IS
'the codes of the units a name or code may mean on a date (valid then), as htx_area_resolve reads it, shortest code first: one for a known name, several for an ambiguous one, none for an unknown one; the matching behind htx_area_resolve and htx_commune_resolve; names over 200 characters are refused (22023)';

CREATE FUNCTION @extschema@.htx_area_resolve(name pg_catalog.text, as_of pg_catalog.date)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	f text;
	hits text[] := htx_area_matches(name, as_of);
	listing text;
	elsewhen text;
BEGIN
	f := htx_area_fold(name);
	IF cardinality(hits) = 1 THEN
		RETURN hits[1];
	ELSIF cardinality(hits) > 1 THEN
		SELECT string_agg(format('%s %s', a.area_code, a.full_name), ', ' ORDER BY length(a.area_code), a.area_code) INTO listing
		FROM htx_area a
		WHERE a.area_code = ANY (hits) AND as_of BETWEEN a.valid_from AND COALESCE(a.valid_to, 'infinity');
		RAISE EXCEPTION 'unit name "%" is ambiguous on %', name, as_of
			USING ERRCODE = 'too_many_rows',
				  DETAIL = format('It matches %s units valid on that date.', cardinality(hits)),
				  HINT = format('Candidates: %s. Add the kind (tỉnh, thành phố, huyện, xã, phường, thị trấn) or give the code.', listing);
	END IF;

	-- unknown on that date: the units of that name on other dates, and the
	-- closest names valid on it
	SELECT string_agg(format('%s %s (%s to %s)', a.area_code, a.full_name,
			CASE WHEN a.valid_from = '-infinity' THEN 'before 2025' ELSE a.valid_from::text END,
			COALESCE(a.valid_to::text, 'today')), ', ' ORDER BY a.valid_from, a.area_code) INTO elsewhen
	FROM htx_area a
	WHERE htx_area_fold(a.name) = f OR htx_area_fold(a.full_name) = f;
	SELECT string_agg(format('%s %s', c.area_code, c.full_name), ', ' ORDER BY c.sim DESC, c.area_code) INTO listing
	FROM (
		SELECT a.area_code, a.full_name,
			greatest(htx_name_similarity(htx_area_fold(a.name), f), htx_name_similarity(htx_area_fold(a.full_name), f)) AS sim
		FROM htx_area a
		WHERE as_of BETWEEN a.valid_from AND COALESCE(a.valid_to, 'infinity')
		ORDER BY 3 DESC, 1
		LIMIT 3
	) AS c
	WHERE c.sim >= 0.2;
	RAISE EXCEPTION 'unknown unit "%" on %', name, as_of
		USING ERRCODE = 'no_data_found',
			  DETAIL = CASE WHEN elsewhen IS NULL
				THEN 'No province, district or commune valid on that date has that name or code, with or without diacritics.'
				ELSE format('Units of that name on other dates: %s.', elsewhen) END,
			  HINT = CASE WHEN listing IS NULL
				THEN 'SELECT area_code, full_name, valid_from, valid_to FROM htx_area lists every unit.'
				ELSE format('Closest on that date: %s.', listing) END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_area_resolve(pg_catalog.text, pg_catalog.date) IS
'the code of the unit a name means on a date (as_of: the unit must be valid then): with or without diacritics, NFC or NFD, any case, old or new tone placement, with or without its kind (tỉnh, thành phố/TP, thị xã/TX, huyện, quận, xã, phường/P, thị trấn/TT), or a code; an unknown name raises P0002 (with the units of that name on other dates and the closest names), an ambiguous one P0003 with the candidates; names over 200 characters are refused (22023)';

-- The crosswalk, as functions of a code on a date ----------------------------------

CREATE FUNCTION @extschema@.htx_commune_check(code pg_catalog.text, as_of pg_catalog.date)
RETURNS pg_catalog.date
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	vf date;
	periods text;
BEGIN
	IF code IS NULL OR as_of IS NULL THEN
		RAISE EXCEPTION 'a commune is a code on a date: neither may be NULL'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT c.valid_from INTO vf FROM htx_commune c
	WHERE c.commune_code = code AND as_of BETWEEN c.valid_from AND COALESCE(c.valid_to, 'infinity');
	IF NOT FOUND THEN
		SELECT string_agg(format('%s %s from %s to %s', initcap(c.kind), c.name,
				CASE WHEN c.valid_from = '-infinity' THEN 'before 2025' ELSE c.valid_from::text END,
				COALESCE(c.valid_to::text, 'today')), '; ' ORDER BY c.valid_from) INTO periods
		FROM htx_commune c WHERE c.commune_code = code;
		RAISE EXCEPTION 'no commune has code "%" on %', htx_excerpt(code), as_of
			USING ERRCODE = 'no_data_found',
				  DETAIL = CASE WHEN periods IS NULL THEN format('htx knows no commune with code %s.', htx_excerpt(code))
					ELSE format('Code %s was: %s.', code, periods) END,
				  HINT = 'Give a date on which the unit you mean existed (old units: until 2025-06-30; new ones: from 2025-07-01).';
	END IF;
	RETURN vf;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_commune_check(pg_catalog.text, pg_catalog.date) IS
'the valid_from of the commune with this code on this date (with the code, its key in htx_commune); P0002 naming the code''s units and their dates when none is valid then';

CREATE FUNCTION @extschema@.htx_commune_successors(code pg_catalog.text, as_of pg_catalog.date)
RETURNS TABLE (new_code pg_catalog.text, new_valid_from pg_catalog.date, new_name pg_catalog.text,
	new_kind pg_catalog.text, split pg_catalog.bool, keeps_code pg_catalog.bool)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
	SELECT x.new_code, x.new_valid_from, x.new_name, x.new_kind, x.split, x.keeps_code
	FROM htx_commune_crosswalk x
	WHERE x.old_code = code AND x.old_valid_from = htx_commune_check(code, as_of)
	ORDER BY x.new_code
$fn$;
COMMENT ON FUNCTION @extschema@.htx_commune_successors(pg_catalog.text, pg_catalog.date) IS
'the new unit(s) that took the territory of the commune with this code on as_of (any day of its validity, e.g. 2025-06-30 for an old unit): one row, or two for a split unit (split true); no rows for a unit that has no successor yet; P0002 when no commune has that code on that date';

CREATE FUNCTION @extschema@.htx_commune_predecessors(code pg_catalog.text, as_of pg_catalog.date)
RETURNS TABLE (old_code pg_catalog.text, old_valid_from pg_catalog.date, old_name pg_catalog.text, old_kind pg_catalog.text,
	district_code pg_catalog.text, district_name pg_catalog.text, province_code pg_catalog.text, split pg_catalog.bool)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
	SELECT x.old_code, x.old_valid_from, x.old_name, x.old_kind, x.old_district_code, x.old_district_name,
		x.old_province_code, x.split
	FROM htx_commune_crosswalk x
	WHERE x.new_code = code AND x.new_valid_from = htx_commune_check(code, as_of)
	ORDER BY x.old_code
$fn$;
COMMENT ON FUNCTION @extschema@.htx_commune_predecessors(pg_catalog.text, pg_catalog.date) IS
'the old units the commune with this code on as_of (e.g. 2026-01-01 for a new unit) was formed from, each with its former district and province; split: the old unit was shared with another new unit; no rows for a unit not formed by a reorganisation htx records; P0002 when no commune has that code on that date';

CREATE FUNCTION @extschema@.htx_commune_former_districts(code pg_catalog.text, as_of pg_catalog.date)
RETURNS TABLE (district_code pg_catalog.text, district_name pg_catalog.text, province_code pg_catalog.text,
	old_units pg_catalog.int4, split_units pg_catalog.int4, straddles pg_catalog.bool)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
	WITH u AS (
		SELECT c.commune_code, c.valid_from, c.district_code
		FROM htx_commune c
		WHERE c.commune_code = code AND c.valid_from = htx_commune_check(code, as_of)
	), parts AS (
		-- an old unit is its own part; a new unit's parts are its predecessors
		SELECT u.district_code, false AS split FROM u WHERE u.district_code IS NOT NULL
		UNION ALL
		SELECT x.old_district_code, x.split
		FROM u JOIN htx_commune_crosswalk x ON x.new_code = u.commune_code AND x.new_valid_from = u.valid_from
		WHERE u.district_code IS NULL
	)
	SELECT p.district_code, d.name, d.province_code, count(*)::int4, (count(*) FILTER (WHERE p.split))::int4,
		count(*) OVER () > 1
	FROM parts p
	JOIN (SELECT d1.district_code, d1.name, d1.province_code FROM htx_district d1
		UNION ALL SELECT d2.district_code, d2.name, d2.province_code FROM htx_district_other d2) AS d
		ON d.district_code = p.district_code
	GROUP BY p.district_code, d.name, d.province_code
	ORDER BY p.district_code
$fn$;
COMMENT ON FUNCTION @extschema@.htx_commune_former_districts(pg_catalog.text, pg_catalog.date) IS
'the former district(s) of the commune with this code on as_of: an old unit''s own district; for a new unit, the districts its old units lay in, with how many (old_units) and how many of those were split with another new unit; straddles is true on every row when there are several (Xã Đại Phúc: Đại Từ and the city of Thái Nguyên), and then the district of a place in it is not determined by the unit alone; P0002 when no commune has that code on that date';
