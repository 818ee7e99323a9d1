-- ---------------------------------------------------------------------------
-- Reference warehouse model: districts, sectors, cooperatives, yearly records
-- ---------------------------------------------------------------------------
--
-- The tables belong to the extension and are registered with
-- pg_extension_config_dump, so the rows a province loads survive pg_dump and
-- pg_restore.  Tables shipped with rows (districts, their kinds, sectors) have
-- a builtin column: only rows that are not builtin are dumped, since CREATE
-- EXTENSION recreates the builtin ones.  No sequences: keys are the codes and
-- ids the province supplies.

-- Sectors: the seven types of agricultural cooperative ----------------------

CREATE TABLE @extschema@.htx_sector (
	sector_code pg_catalog.text PRIMARY KEY
		CONSTRAINT htx_sector_code_is_lower_ascii CHECK (sector_code OPERATOR(pg_catalog.~) '^[a-z][a-z_]*$'),
	article_item pg_catalog.int4,
	name_vi pg_catalog.text NOT NULL,
	name_en pg_catalog.text NOT NULL,
	aliases pg_catalog.text[] NOT NULL DEFAULT '{}',
	builtin pg_catalog.bool NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.htx_sector IS
'types of agricultural cooperative (loại hình HTX NN), Circular 09/2017/TT-BNNPTNT Art. 3; rows a province adds survive pg_dump';
COMMENT ON COLUMN @extschema@.htx_sector.sector_code IS 'stable code: crop, livestock, forestry, fishery, salt, rural_water, general';
COMMENT ON COLUMN @extschema@.htx_sector.article_item IS 'item (khoản) of Circular 09/2017 Art. 3 that defines the type';
COMMENT ON COLUMN @extschema@.htx_sector.name_vi IS 'name in Vietnamese, as the circular words it (HTX ...)';
COMMENT ON COLUMN @extschema@.htx_sector.name_en IS 'name in English';
COMMENT ON COLUMN @extschema@.htx_sector.aliases IS 'other spellings accepted on load, compared after htx_fold (case, diacritics and spaces ignored)';
COMMENT ON COLUMN @extschema@.htx_sector.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

INSERT INTO @extschema@.htx_sector (sector_code, article_item, name_vi, name_en, aliases, builtin) VALUES
('crop',        1, 'trồng trọt',           'crop production',        '{"htx trong trot","crop","crops"}', true),
('livestock',   2, 'chăn nuôi',            'livestock',              '{"htx chan nuoi"}', true),
('forestry',    3, 'lâm nghiệp',           'forestry',               '{"htx lam nghiep"}', true),
('fishery',     4, 'thủy sản',             'fishery and aquaculture','{"htx thuy san","fisheries","aquaculture"}', true),
('salt',        5, 'diêm nghiệp',          'salt production',        '{"htx diem nghiep","salt"}', true),
('rural_water', 6, 'nước sạch nông thôn',  'rural clean water',      '{"htx nuoc sach nong thon","nuoc sach","clean water","water"}', true),
('general',     7, 'nông nghiệp tổng hợp', 'general agricultural services',
	'{"htx nong nghiep tong hop","tong hop","dich vu tong hop","dich vu nong nghiep tong hop","general services","general"}', true);

-- Districts (đơn vị hành chính cấp huyện) ----------------------------------

CREATE TABLE @extschema@.htx_district (
	district_code pg_catalog.text PRIMARY KEY
		CONSTRAINT htx_district_code_is_three_digits CHECK (district_code OPERATOR(pg_catalog.~) '^[0-9]{3}$'),
	name pg_catalog.text NOT NULL
		CONSTRAINT htx_district_name_not_blank CHECK (pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) ''),
	kind pg_catalog.text NOT NULL
		CONSTRAINT htx_district_kind_known CHECK (kind OPERATOR(pg_catalog.=) ANY ('{thành phố,thị xã,huyện,quận}'::pg_catalog.text[])),
	province_code pg_catalog.text NOT NULL
		CONSTRAINT htx_district_province_code_is_two_digits CHECK (province_code OPERATOR(pg_catalog.~) '^[0-9]{2}$'),
	valid_from pg_catalog.date,
	valid_to pg_catalog.date,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	CONSTRAINT htx_district_valid_to_not_before_valid_from CHECK (valid_to OPERATOR(pg_catalog.>=) valid_from)
);
COMMENT ON TABLE @extschema@.htx_district IS
'district-level units (huyện, thị xã, thành phố thuộc tỉnh) with GSO codes and validity dates; the level ended on 2025-06-30: later data is keyed by commune and needs an explicit crosswalk, never name matching';
COMMENT ON COLUMN @extschema@.htx_district.district_code IS 'GSO code of the unit (mã đơn vị hành chính), three digits, e.g. 164';
COMMENT ON COLUMN @extschema@.htx_district.name IS 'name without its kind, e.g. Phổ Yên';
COMMENT ON COLUMN @extschema@.htx_district.kind IS 'kind on the last day of validity: thành phố (city), thị xã (town), huyện (rural district), quận (urban district); earlier kinds are in htx_district_kind';
COMMENT ON COLUMN @extschema@.htx_district.province_code IS 'GSO code of the province, two digits (Thái Nguyên: 19)';
COMMENT ON COLUMN @extschema@.htx_district.valid_from IS 'first day the unit existed; NULL when it predates what htx records (the sources give no date)';
COMMENT ON COLUMN @extschema@.htx_district.valid_to IS 'last day the unit existed (inclusive); 2025-06-30 for every district-level unit';
COMMENT ON COLUMN @extschema@.htx_district.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

CREATE TABLE @extschema@.htx_district_kind (
	district_code pg_catalog.text NOT NULL
		CONSTRAINT htx_district_kind_district_known REFERENCES @extschema@.htx_district ON UPDATE CASCADE ON DELETE CASCADE,
	kind pg_catalog.text NOT NULL
		CONSTRAINT htx_district_kind_kind_known CHECK (kind OPERATOR(pg_catalog.=) ANY ('{thành phố,thị xã,huyện,quận}'::pg_catalog.text[])),
	valid_from pg_catalog.date,
	valid_to pg_catalog.date,
	source pg_catalog.text,
	builtin pg_catalog.bool NOT NULL DEFAULT false,
	CONSTRAINT htx_district_kind_one_per_start UNIQUE NULLS NOT DISTINCT (district_code, valid_from),
	CONSTRAINT htx_district_kind_valid_to_not_before_valid_from CHECK (valid_to OPERATOR(pg_catalog.>=) valid_from)
);
COMMENT ON TABLE @extschema@.htx_district_kind IS
'history of each district-level unit''s kind (e.g. Phổ Yên: thị xã, then thành phố from 2022-04-10); rows a province adds survive pg_dump';
COMMENT ON COLUMN @extschema@.htx_district_kind.district_code IS 'the unit (htx_district)';
COMMENT ON COLUMN @extschema@.htx_district_kind.kind IS 'thành phố, thị xã, huyện or quận';
COMMENT ON COLUMN @extschema@.htx_district_kind.valid_from IS 'first day of this kind; NULL when it predates what htx records';
COMMENT ON COLUMN @extschema@.htx_district_kind.valid_to IS 'last day of this kind (inclusive); NULL for open-ended';
COMMENT ON COLUMN @extschema@.htx_district_kind.source IS 'where the change comes from';
COMMENT ON COLUMN @extschema@.htx_district_kind.builtin IS 'true for rows shipped with htx (not dumped: CREATE EXTENSION recreates them)';

INSERT INTO @extschema@.htx_district (district_code, name, kind, province_code, valid_from, valid_to, builtin) VALUES
('164', 'Thái Nguyên', 'thành phố', '19', NULL, '2025-06-30', true),
('165', 'Sông Công',   'thành phố', '19', NULL, '2025-06-30', true),
('167', 'Định Hóa',    'huyện',     '19', NULL, '2025-06-30', true),
('168', 'Phú Lương',   'huyện',     '19', NULL, '2025-06-30', true),
('169', 'Đồng Hỷ',     'huyện',     '19', NULL, '2025-06-30', true),
('170', 'Võ Nhai',     'huyện',     '19', NULL, '2025-06-30', true),
('171', 'Đại Từ',      'huyện',     '19', NULL, '2025-06-30', true),
('172', 'Phổ Yên',     'thành phố', '19', NULL, '2025-06-30', true),
('173', 'Phú Bình',    'huyện',     '19', NULL, '2025-06-30', true);

INSERT INTO @extschema@.htx_district_kind (district_code, kind, valid_from, valid_to, source, builtin)
SELECT d.district_code, d.kind, NULL, d.valid_to, NULL, true
FROM @extschema@.htx_district d WHERE d.district_code OPERATOR(pg_catalog.<>) '172';
INSERT INTO @extschema@.htx_district_kind (district_code, kind, valid_from, valid_to, source, builtin) VALUES
('172', 'thị xã',    NULL,         '2022-04-09', NULL, true),
('172', 'thành phố', '2022-04-10', '2025-06-30',
 'Nghị quyết 469/NQ-UBTVQH15 (Phổ Yên becomes a city, in force 2022-04-10)', true);

-- Cooperatives ------------------------------------------------------------

CREATE TABLE @extschema@.htx_cooperative (
	cooperative_id pg_catalog.int4 PRIMARY KEY
		CONSTRAINT htx_cooperative_id_positive CHECK (cooperative_id OPERATOR(pg_catalog.>) 0),
	name pg_catalog.text NOT NULL
		CONSTRAINT htx_cooperative_name_not_blank CHECK (pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) ''),
	registration_code pg_catalog.text
		CONSTRAINT htx_cooperative_registration_code_unique UNIQUE
		CONSTRAINT htx_cooperative_registration_code_not_blank CHECK (pg_catalog.btrim(registration_code) OPERATOR(pg_catalog.<>) ''),
	district_code pg_catalog.text NOT NULL
		CONSTRAINT htx_cooperative_district_known REFERENCES @extschema@.htx_district ON UPDATE CASCADE,
	sector pg_catalog.text NOT NULL
		CONSTRAINT htx_cooperative_sector_known REFERENCES @extschema@.htx_sector ON UPDATE CASCADE,
	founded_on pg_catalog.date
		CONSTRAINT htx_cooperative_founded_in_1950_2100 CHECK (founded_on OPERATOR(pg_catalog.>=) '1950-01-01'::pg_catalog.date AND founded_on OPERATOR(pg_catalog.<=) '2100-12-31'::pg_catalog.date),
	dissolved_on pg_catalog.date,
	CONSTRAINT htx_cooperative_dissolved_not_before_founded CHECK (dissolved_on OPERATOR(pg_catalog.>=) founded_on)
);
COMMENT ON TABLE @extschema@.htx_cooperative IS
'agricultural cooperatives (hợp tác xã nông nghiệp) of the province, one row each; ids are the province''s own';
COMMENT ON COLUMN @extschema@.htx_cooperative.cooperative_id IS 'the province''s id for the cooperative, a positive integer (no sequence: the loader supplies it)';
COMMENT ON COLUMN @extschema@.htx_cooperative.name IS 'registered name (tên HTX)';
COMMENT ON COLUMN @extschema@.htx_cooperative.registration_code IS 'registration code (mã số HTX / mã số thuế), unique when given';
COMMENT ON COLUMN @extschema@.htx_cooperative.district_code IS 'GSO code of the district-level unit it is registered in (htx_district)';
COMMENT ON COLUMN @extschema@.htx_cooperative.sector IS 'type (loại hình) of Circular 09/2017 Art. 3, a code of htx_sector; on load the Vietnamese or English name is accepted too';
COMMENT ON COLUMN @extschema@.htx_cooperative.founded_on IS 'date of registration (ngày thành lập); NULL when unknown (htx_data_quality lists it)';
COMMENT ON COLUMN @extschema@.htx_cooperative.dissolved_on IS 'date of dissolution (giải thể) or of stopping operation; NULL while active';

-- Sector spellings from the field: "Trồng trọt", "HTX chăn nuôi", "General" ...
CREATE FUNCTION @extschema@.htx_cooperative_sector_normalize()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	folded text;
	found text;
BEGIN
	IF NEW.sector IS NULL OR EXISTS (SELECT 1 FROM htx_sector s WHERE s.sector_code = NEW.sector) THEN
		RETURN NEW;
	END IF;
	folded := htx_fold(NEW.sector);
	SELECT s.sector_code INTO found FROM htx_sector s
	WHERE folded IN (s.sector_code, htx_fold(s.name_vi), htx_fold(s.name_en), htx_fold('htx ' || s.name_vi))
	   OR folded = ANY (s.aliases)
	ORDER BY s.sector_code LIMIT 1;
	IF found IS NULL THEN
		RAISE EXCEPTION 'unknown cooperative sector "%"', NEW.sector
			USING ERRCODE = 'foreign_key_violation',
				  DETAIL = format('Cooperative %s (%s).', NEW.cooperative_id, NEW.name),
				  HINT = 'Use a code or a name of htx_sector: '
					|| (SELECT string_agg(format('%s (%s)', s.sector_code, s.name_vi), ', ' ORDER BY s.article_item, s.sector_code) FROM htx_sector s) || '.';
	END IF;
	NEW.sector := found;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_cooperative_sector_normalize() IS
'trigger: turns a sector written as a Vietnamese or English name (any case, with or without diacritics) into its htx_sector code; an unknown sector is an error listing the accepted ones';

CREATE TRIGGER htx_cooperative_sector_normalize
BEFORE INSERT OR UPDATE OF sector ON @extschema@.htx_cooperative
FOR EACH ROW EXECUTE FUNCTION @extschema@.htx_cooperative_sector_normalize();
COMMENT ON TRIGGER htx_cooperative_sector_normalize ON @extschema@.htx_cooperative IS
'accept sector names as provinces export them; store the code';

-- One row per cooperative and year ---------------------------------------------

CREATE TABLE @extschema@.htx_cooperative_year (
	cooperative_id pg_catalog.int4 NOT NULL
		CONSTRAINT htx_cooperative_year_cooperative_known REFERENCES @extschema@.htx_cooperative ON UPDATE CASCADE,
	year pg_catalog.int4 NOT NULL
		CONSTRAINT htx_cooperative_year_year_in_2000_2100 CHECK (year OPERATOR(pg_catalog.>=) 2000 AND year OPERATOR(pg_catalog.<=) 2100),
	rating @extschema@.htx_rating,
	score @extschema@.htx_score,
	fined pg_catalog.bool,
	revenue_vnd pg_catalog.int8
		CONSTRAINT htx_cooperative_year_revenue_not_negative CHECK (revenue_vnd OPERATOR(pg_catalog.>=) 0),
	members pg_catalog.int4
		CONSTRAINT htx_cooperative_year_members_not_negative CHECK (members OPERATOR(pg_catalog.>=) 0),
	young_members pg_catalog.int4
		CONSTRAINT htx_cooperative_year_young_members_not_negative CHECK (young_members OPERATOR(pg_catalog.>=) 0),
	managers pg_catalog.int4
		CONSTRAINT htx_cooperative_year_managers_not_negative CHECK (managers OPERATOR(pg_catalog.>=) 0),
	managers_trained pg_catalog.int4
		CONSTRAINT htx_cooperative_year_trained_not_negative CHECK (managers_trained OPERATOR(pg_catalog.>=) 0),
	applies_tech pg_catalog.bool,
	vietgap_certified pg_catalog.bool,
	globalgap_certified pg_catalog.bool,
	organic_certified pg_catalog.bool,
	ocop_stars pg_catalog.int4
		CONSTRAINT htx_cooperative_year_ocop_stars_1_to_5 CHECK (ocop_stars OPERATOR(pg_catalog.>=) 1 AND ocop_stars OPERATOR(pg_catalog.<=) 5),
	is_model pg_catalog.bool,
	PRIMARY KEY (cooperative_id, year),
	CONSTRAINT htx_cooperative_year_young_members_le_members CHECK (young_members OPERATOR(pg_catalog.<=) members),
	CONSTRAINT htx_cooperative_year_trained_le_managers CHECK (managers_trained OPERATOR(pg_catalog.<=) managers),
	CONSTRAINT htx_cooperative_year_rating_matches_score CHECK (score IS NULL OR (rating IS NOT NULL AND
		rating OPERATOR(@extschema@.=) @extschema@.htx_rating_from_score(score, COALESCE(fined, false)))),
	CONSTRAINT htx_cooperative_year_fined_means_weak CHECK (fined IS NOT TRUE OR rating IS NULL OR
		rating OPERATOR(@extschema@.=) 'weak'::@extschema@.htx_rating)
);
COMMENT ON TABLE @extschema@.htx_cooperative_year IS
'one row per cooperative and year: its rating (xếp loại) and the figures the plan''s targets need; NULL means "not reported"';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.cooperative_id IS 'the cooperative (htx_cooperative)';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.year IS 'the year evaluated (năm đánh giá), 2000..2100';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.rating IS 'rating for the year (tốt, khá, trung bình, yếu, không xếp loại); NULL when not reported; must agree with score and fined';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.score IS 'self-assessed score 0..100 (điểm tự đánh giá); NULL when not scored (không xếp loại) or not reported';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.fined IS 'fined for an administrative violation in its cooperative activity that year (bị xử phạt vi phạm hành chính): forces yếu; NULL read as false';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.revenue_vnd IS 'revenue of the year in VND (doanh thu), whole đồng';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.members IS 'members at the end of the year (thành viên)';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.young_members IS 'young members (thành viên trẻ) as the province counts them; at most members';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.managers IS 'managers (cán bộ quản lý): board, director, accountant, supervisors';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.managers_trained IS 'managers trained in the cooperative director programme (được đào tạo nghề giám đốc HTX); at most managers';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.applies_tech IS 'applies technical progress or high-tech machinery in production (ứng dụng tiến bộ KHKT, công nghệ cao)';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.vietgap_certified IS 'holds a VietGAP certificate';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.globalgap_certified IS 'holds a GlobalGAP (or other international GAP) certificate';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.organic_certified IS 'holds an organic (hữu cơ) certificate';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.ocop_stars IS 'highest OCOP star rating (1..5) of its products; NULL when none';
COMMENT ON COLUMN @extschema@.htx_cooperative_year.is_model IS 'selected as a model cooperative (mô hình HTX NN, Plan 42/KH-UBND III.2)';

SELECT pg_catalog.pg_extension_config_dump('htx_sector', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('htx_district', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('htx_district_kind', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('htx_cooperative', '');
SELECT pg_catalog.pg_extension_config_dump('htx_cooperative_year', '');

-- ---------------------------------------------------------------------------
-- Deterministic sample data
-- ---------------------------------------------------------------------------
-- An integer hash (the 0x45d9f3b mixer, on 32 bits held in bigint), not
-- random(): the same seed gives the same rows on every machine and version.
-- Only + - * / on float8 and exp() on numeric follow it, all exact or
-- computed by PostgreSQL itself rather than the C library.

CREATE FUNCTION @extschema@.htx_sample_mix(x pg_catalog.int8)
RETURNS pg_catalog.int8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ((((x OPERATOR(pg_catalog.>>) 16) OPERATOR(pg_catalog.#) x) OPERATOR(pg_catalog.*) 73244475)
	OPERATOR(pg_catalog.&) 4294967295);
COMMENT ON FUNCTION @extschema@.htx_sample_mix(pg_catalog.int8) IS
'one round of the 32-bit integer mixer behind htx_sample_hash: ((x >> 16) xor x) * 0x45d9f3b mod 2^32';

CREATE FUNCTION @extschema@.htx_sample_hash(seed pg_catalog.int4, a pg_catalog.int4, b pg_catalog.int4, c pg_catalog.int4)
RETURNS pg_catalog.int8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.htx_sample_mix(@extschema@.htx_sample_mix(@extschema@.htx_sample_mix(@extschema@.htx_sample_mix(@extschema@.htx_sample_mix(@extschema@.htx_sample_mix(@extschema@.htx_sample_mix(@extschema@.htx_sample_mix((seed::pg_catalog.int8 OPERATOR(pg_catalog.&) 4294967295)))
	OPERATOR(pg_catalog.#) (a::pg_catalog.int8 OPERATOR(pg_catalog.&) 4294967295)))
	OPERATOR(pg_catalog.#) (b::pg_catalog.int8 OPERATOR(pg_catalog.&) 4294967295)))
	OPERATOR(pg_catalog.#) (c::pg_catalog.int8 OPERATOR(pg_catalog.&) 4294967295)));
COMMENT ON FUNCTION @extschema@.htx_sample_hash(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
'deterministic hash of (seed, a, b, c) to 0 .. 2^32-1, the same on every machine; drives htx_generate_sample';

CREATE FUNCTION @extschema@.htx_sample_uniform(seed pg_catalog.int4, a pg_catalog.int4, b pg_catalog.int4, c pg_catalog.int4)
RETURNS pg_catalog.float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.htx_sample_hash(seed, a, b, c)::pg_catalog.float8 OPERATOR(pg_catalog./) 4294967296::pg_catalog.float8;
COMMENT ON FUNCTION @extschema@.htx_sample_uniform(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
'deterministic uniform number in [0, 1) from (seed, a, b, c), exact in float8';

CREATE FUNCTION @extschema@.htx_sample_normal(seed pg_catalog.int4, a pg_catalog.int4, b pg_catalog.int4, c pg_catalog.int4)
RETURNS pg_catalog.float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ((@extschema@.htx_sample_uniform(seed, a, b, c)
	OPERATOR(pg_catalog.+) @extschema@.htx_sample_uniform(seed, a, b, c OPERATOR(pg_catalog.+) 1000)
	OPERATOR(pg_catalog.+) @extschema@.htx_sample_uniform(seed, a, b, c OPERATOR(pg_catalog.+) 2000)
	OPERATOR(pg_catalog.+) @extschema@.htx_sample_uniform(seed, a, b, c OPERATOR(pg_catalog.+) 3000))
	OPERATOR(pg_catalog.-) 2::pg_catalog.float8) OPERATOR(pg_catalog.*) 1.7320508075688772::pg_catalog.float8;
COMMENT ON FUNCTION @extschema@.htx_sample_normal(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
'deterministic, roughly standard normal number from (seed, a, b, c): sum of four uniforms, centred and scaled (range -3.46 .. 3.46)';

CREATE FUNCTION @extschema@.htx_generate_sample(cooperatives pg_catalog.int4 DEFAULT 600, seed pg_catalog.int4 DEFAULT 42,
	OUT cooperatives_created pg_catalog.int8, OUT cooperative_years_created pg_catalog.int8)
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
-- CTEs are MATERIALIZED so that each draw is computed once, not once per
-- reference.  Streams of the hash (the third argument): 1 district, 2 sector, 3 founding
-- year, 4 founding day, 5 dissolution, 6 dissolution year, 7 dissolution day,
-- 10 quality, 11 revenue level, 12 members, 13 managers, 14 tech, 15 VietGAP,
-- 16 GlobalGAP, 17 organic, 18 OCOP, 19 OCOP stars, 20 product word,
-- 21.. per year: 21 score noise, 22 fined, 23 missing rating, 24 revenue noise,
-- 25 revenue missing, 26 young members; 30+k manager k trained.
DECLARE
	n_coops bigint;
	n_years bigint;
BEGIN
	IF cooperatives IS NULL OR cooperatives < 1 OR cooperatives > 10000000 THEN
		RAISE EXCEPTION 'sample size must be between 1 and 10000000 cooperatives, not %', cooperatives
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF seed IS NULL THEN
		RAISE EXCEPTION 'seed must not be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF EXISTS (SELECT 1 FROM htx_cooperative) OR EXISTS (SELECT 1 FROM htx_cooperative_year) THEN
		RAISE EXCEPTION 'htx_generate_sample fills empty tables, and htx_cooperative is not empty'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Use a fresh database, or TRUNCATE htx_cooperative_year, htx_cooperative first.';
	END IF;

	-- Districts weighted like Thái Nguyên's cooperatives (2017 counts, with the
	-- rural districts' later growth); sectors like its 2024 mix.
	INSERT INTO htx_cooperative (cooperative_id, name, registration_code, district_code, sector, founded_on, dissolved_on)
	SELECT i,
		'HTX ' || w.word || ' ' || d.name || ' ' || i,
		'MAU-' || d.district_code || '-' || lpad(i::text, 6, '0'),
		d.district_code, s.sector_code, f.founded_on,
		CASE WHEN f.founded_on < date '2022-01-01' AND htx_sample_uniform(seed, i, 5, 0) < 0.05
			THEN greatest(f.founded_on + 400,
				make_date(2020 + floor(htx_sample_uniform(seed, i, 6, 0) * 5)::int4, 1, 1) + floor(htx_sample_uniform(seed, i, 7, 0) * 364)::int4)
		END
	FROM generate_series(1, cooperatives) AS i
	CROSS JOIN LATERAL (
		SELECT dw.code FROM (VALUES ('164', 0, 48), ('165', 48, 56), ('167', 56, 76), ('168', 76, 98),
			('169', 98, 120), ('170', 120, 137), ('171', 137, 169), ('172', 169, 199), ('173', 199, 227))
			AS dw(code, lo, hi)
		WHERE htx_sample_uniform(seed, i, 1, 0) * 227 >= dw.lo AND htx_sample_uniform(seed, i, 1, 0) * 227 < dw.hi
	) AS dc
	JOIN htx_district d ON d.district_code = dc.code
	CROSS JOIN LATERAL (
		SELECT sw.code FROM (VALUES ('general', 0, 430), ('crop', 430, 840), ('livestock', 840, 970),
			('forestry', 970, 985), ('fishery', 985, 995), ('rural_water', 995, 1000)) AS sw(code, lo, hi)
		WHERE htx_sample_uniform(seed, i, 2, 0) * 1000 >= sw.lo AND htx_sample_uniform(seed, i, 2, 0) * 1000 < sw.hi
	) AS sc
	JOIN htx_sector s ON s.sector_code = sc.code
	CROSS JOIN LATERAL (
		-- share of the 2025 count founded by the end of each year
		SELECT CASE
			WHEN u < 0.35 THEN 2000 + floor(u / 0.35 * 18)::int4
			WHEN u < 0.40 THEN 2018 WHEN u < 0.46 THEN 2019 WHEN u < 0.54 THEN 2020
			WHEN u < 0.62 THEN 2021 WHEN u < 0.71 THEN 2022 WHEN u < 0.81 THEN 2023
			WHEN u < 0.93 THEN 2024 ELSE 2025 END AS fy
		FROM (SELECT htx_sample_uniform(seed, i, 3, 0) AS u OFFSET 0) AS x
	) AS fyr
	CROSS JOIN LATERAL (
		SELECT make_date(least(fyr.fy, 2025), 1, 1)
			+ CASE WHEN htx_sample_uniform(seed, i, 4, 0) < 0.08 THEN 0
				ELSE floor(htx_sample_uniform(seed, i, 4, 1) * (CASE WHEN fyr.fy = 2025 THEN 150 ELSE 364 END))::int4 END
			AS founded_on
	) AS f
	CROSS JOIN LATERAL (
		SELECT x.words[1 + floor(htx_sample_uniform(seed, i, 20, 0) * cardinality(x.words))::int4] AS word
		FROM (SELECT CASE s.sector_code
			WHEN 'crop' THEN '{Chè,Rau an toàn,Lúa chất lượng cao,Cây ăn quả,Na,Nấm,Chè hữu cơ}'::text[]
			WHEN 'livestock' THEN '{Chăn nuôi lợn,Gà đồi,Chăn nuôi bò,Chăn nuôi dê,Ong mật}'::text[]
			WHEN 'forestry' THEN '{Lâm nghiệp,Trồng rừng,Quế}'::text[]
			WHEN 'fishery' THEN '{Thủy sản,Nuôi cá}'::text[]
			WHEN 'rural_water' THEN '{Nước sạch}'::text[]
			ELSE '{Dịch vụ nông nghiệp,Nông nghiệp tổng hợp,Dịch vụ tổng hợp,Chè và dịch vụ}'::text[] END AS words) AS x
	) AS w;
	GET DIAGNOSTICS n_coops = ROW_COUNT;

	-- One row per year 2020..2025 while the cooperative exists (the founding
	-- year included, the dissolution year not).
	INSERT INTO htx_cooperative_year (cooperative_id, year, rating, score, fined, revenue_vnd, members,
		young_members, managers, managers_trained, applies_tech, vietgap_certified, globalgap_certified,
		organic_certified, ocop_stars, is_model)
	WITH coop AS MATERIALIZED (
		SELECT c.*,
			extract(year FROM c.founded_on)::int4 AS fy,
			-- latent quality: district and sector effects, a cooperative effect
			59 + 12 * htx_sample_normal(seed, c.cooperative_id, 10, 0)
				+ CASE c.district_code WHEN '164' THEN 3 WHEN '165' THEN 2 WHEN '172' THEN 2
					WHEN '170' THEN -4 WHEN '167' THEN -3 ELSE 0 END
				+ CASE c.sector WHEN 'general' THEN -2 WHEN 'crop' THEN 1 ELSE 0 END AS q,
			3 + floor(htx_sample_uniform(seed, c.cooperative_id, 13, 0) * 4)::int4 AS mgrs
		FROM htx_cooperative c
	),
	ranked AS MATERIALIZED (
		-- model cooperatives: the best established one of every district from
		-- 2024 (Plan 42 III.2), and a second one in the three largest in 2025
		SELECT coop.*,
			CASE WHEN coop.fy <= 2022 AND (coop.dissolved_on IS NULL OR coop.dissolved_on > date '2025-12-31')
				THEN row_number() OVER (PARTITION BY coop.district_code,
					coop.fy <= 2022 AND (coop.dissolved_on IS NULL OR coop.dissolved_on > date '2025-12-31')
					ORDER BY coop.q DESC, coop.cooperative_id) END AS model_rank
		FROM coop
	),
	cy AS MATERIALIZED (
		SELECT r.*, y,
			(r.model_rank = 1 AND y >= 2024) OR (r.model_rank = 2 AND y = 2025 AND r.district_code IN ('164', '171', '172')) AS model,
			(y = r.fy AND r.founded_on > make_date(y, 1, 1)) AS under_12_months,
			htx_sample_uniform(seed, r.cooperative_id, 23, y) < 0.012 AS missing,
			htx_sample_uniform(seed, r.cooperative_id, 22, y) < 0.015 AS was_fined
		FROM ranked r
		CROSS JOIN generate_series(2020, 2025) AS y
		WHERE r.fy <= y AND (r.dissolved_on IS NULL OR extract(year FROM r.dissolved_on) > y)
	),
	scored AS MATERIALIZED (
		SELECT cy.*,
			CASE WHEN cy.missing OR cy.under_12_months THEN NULL
				ELSE round(least(100, greatest(0,
					cy.q + 2.0 * (y - 2020) + 5 * htx_sample_normal(seed, cy.cooperative_id, 21, y)
					- CASE WHEN y - cy.fy <= 1 THEN 4 ELSE 0 END
					+ CASE WHEN cy.model THEN 8 ELSE 0 END))::numeric * 2) / 2 END AS sc,
			-- revenue: lognormal around a sector median, growing 7% a year
			CASE WHEN htx_sample_uniform(seed, cy.cooperative_id, 25, y) < 0.03 THEN NULL
			ELSE round(
				(CASE cy.sector WHEN 'livestock' THEN 3000 WHEN 'crop' THEN 1800 WHEN 'general' THEN 1600
					WHEN 'rural_water' THEN 900 ELSE 1200 END)::numeric * 1000000
				* exp((0.8 * htx_sample_normal(seed, cy.cooperative_id, 11, 0)
					+ 0.2 * htx_sample_normal(seed, cy.cooperative_id, 24, y)
					+ 0.02 * (cy.q - 59)
					+ 0.07 * (y - 2020))::numeric)
				* CASE WHEN cy.model THEN 2.5 WHEN cy.under_12_months THEN 0.4 ELSE 1 END, -6)::int8
			END AS rev,
			greatest(7, round((7 + 18 * exp((0.7 * htx_sample_normal(seed, cy.cooperative_id, 12, 0))::numeric))
				* (1 + 0.04 * (y - greatest(cy.fy, 2019))))::int4) AS mem
		FROM cy
	)
	SELECT s.cooperative_id, s.y,
		CASE WHEN s.missing THEN NULL
			WHEN s.under_12_months AND NOT s.was_fined THEN htx_rating_from_score(NULL, false)
			ELSE htx_rating_from_score(s.sc, s.was_fined) END,
		s.sc::htx_score,
		CASE WHEN s.missing THEN NULL ELSE s.was_fined END,
		s.rev,
		s.mem,
		floor(s.mem * (0.12 + 0.2 * htx_sample_uniform(seed, s.cooperative_id, 26, s.y)))::int4,
		s.mgrs,
		(SELECT count(*)::int4 FROM generate_series(1, s.mgrs) AS k
			WHERE htx_sample_uniform(seed, s.cooperative_id, 30 + k, 0)
				< 0.10 + 0.04 * (s.y - 2020) + 0.004 * (s.q - 59) + CASE WHEN s.model THEN 0.3 ELSE 0 END),
		htx_sample_uniform(seed, s.cooperative_id, 14, 0) < 0.14 + 0.03 * (s.y - 2020) + 0.004 * (s.q - 59)
			+ CASE WHEN s.model THEN 0.5 ELSE 0 END,
		s.sector IN ('crop', 'livestock', 'general')
			AND htx_sample_uniform(seed, s.cooperative_id, 15, 0) < 0.07 + 0.02 * (s.y - 2020),
		htx_sample_uniform(seed, s.cooperative_id, 16, 0) < 0.01,
		htx_sample_uniform(seed, s.cooperative_id, 17, 0) < 0.015 + 0.005 * (s.y - 2020),
		CASE WHEN htx_sample_uniform(seed, s.cooperative_id, 18, 0) < 0.05 + 0.025 * (s.y - 2020)
				+ CASE WHEN s.model THEN 0.5 ELSE 0 END
			THEN CASE WHEN htx_sample_uniform(seed, s.cooperative_id, 19, 0) < 0.7 THEN 3
				WHEN htx_sample_uniform(seed, s.cooperative_id, 19, 0) < 0.97 THEN 4 ELSE 5 END END,
		s.model
	FROM scored s;
	GET DIAGNOSTICS n_years = ROW_COUNT;

	cooperatives_created := n_coops;
	cooperative_years_created := n_years;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_generate_sample(pg_catalog.int4, pg_catalog.int4) IS
'fills the empty warehouse tables with a deterministic sample province: about the given number of cooperatives by 2025 in the nine districts of Thái Nguyên, with their years 2020..2025 (ratings, revenue, members, training moving plausibly); the same seed gives the same rows everywhere';
REVOKE ALL ON FUNCTION @extschema@.htx_generate_sample(pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
