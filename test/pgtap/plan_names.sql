-- htx_agency_resolve: the ways people write agency names (full and short
-- forms, NFC and NFD, with and without diacritics, any case, & / và / and,
-- abbreviations), and the rejection of unknown and ambiguous ones with the
-- closest candidates.
BEGIN;
SELECT plan(124);

CREATE FUNCTION pg_temp.err(q text) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE st text; msg text; hint text;
BEGIN
	EXECUTE q;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
	RETURN ARRAY[st, msg, hint];
END $$;

-- every stored spelling resolves to its own agency, as stored, decomposed
-- (NFD), without diacritics and in upper case
SELECT is_empty($$SELECT spelling FROM htx_agency_spelling WHERE htx_agency_resolve(spelling) <> agency_code$$,
	'every code, name, short form and alias resolves to its agency');
SELECT is_empty($$SELECT spelling FROM htx_agency_spelling WHERE htx_agency_resolve(normalize(spelling, NFD)) <> agency_code$$,
	'and in NFD');
SELECT is_empty($$SELECT spelling FROM htx_agency_spelling WHERE htx_agency_resolve(htx_fold(spelling)) <> agency_code$$,
	'and without diacritics, lower case');
SELECT is_empty($$SELECT spelling FROM htx_agency_spelling WHERE htx_agency_resolve(upper(spelling)) <> agency_code$$,
	'and in upper case');
SELECT ok((SELECT count(*) FROM htx_agency_spelling) > 80, 'over 80 stored spellings are checked');

-- spellings seen in the wild
SELECT is(htx_agency_resolve(v.s), v.code, format('%s -> %s', v.s, v.code))
FROM (VALUES
	-- Sở Nông nghiệp và Phát triển nông thôn
	('Sở Nông nghiệp và Phát triển nông thôn', 'DARD'),
	('Sở Nông nghiệp và PTNT', 'DARD'),
	('Sở NN&PTNT', 'DARD'),
	('Sở NN & PTNT', 'DARD'),
	('Sở NN và PTNT', 'DARD'),
	('sở nn&ptnt', 'DARD'),
	('SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN', 'DARD'),
	('So Nong nghiep va Phat trien nong thon', 'DARD'),
	('so nn va ptnt', 'DARD'),
	('Sở Nông nghiệp & Phát triển Nông thôn', 'DARD'),
	('Nông nghiệp và PTNT', 'DARD'),
	('Sở Nông nghiệp và Phát triển nông thôn tỉnh Thái Nguyên', 'DARD'),
	('  Sở   NN&PTNT  ', 'DARD'),
	('Sở_NN-PTNT', 'DARD'),
	('Department of Agriculture and Rural Development', 'DARD'),
	('department of agriculture & rural development', 'DARD'),
	('SNN', 'DARD'),
	('dard', 'DARD'),
	-- Sở Kế hoạch và Đầu tư
	('Sở Kế hoạch và Đầu tư', 'DPI'),
	('Sở KH&ĐT', 'DPI'),
	('Sở KH và ĐT', 'DPI'),
	('Sở KHĐT', 'DPI'),
	('SKHĐT', 'DPI'),
	('so ke hoach va dau tu', 'DPI'),
	('Sở Kế hoạch & Đầu tư', 'DPI'),
	('Department of Planning and Investment', 'DPI'),
	-- Sở Tài chính, Sở Khoa học và Công nghệ, Sở Thông tin và Truyền thông
	('Sở Tài chính', 'DOF'),
	('So Tai Chinh', 'DOF'),
	('STC', 'DOF'),
	('Sở Khoa học và Công nghệ', 'DOST'),
	('Sở KH&CN', 'DOST'),
	('Sở KHCN', 'DOST'),
	('Sở Thông tin và Truyền thông', 'DIC'),
	('Sở TT&TT', 'DIC'),
	('Sở Thông tin & Truyền thông', 'DIC'),
	('so thong tin va truyen thong', 'DIC'),
	-- Sở Công Thương, Sở Tài nguyên và Môi trường, Sở Nội vụ, Sở Nông nghiệp và Môi trường
	('Sở Công Thương', 'DOIT'),
	('Sở Công thương', 'DOIT'),
	('Sở Công thương tỉnh Thái Nguyên', 'DOIT'),
	('SCT', 'DOIT'),
	('Sở Tài nguyên và Môi trường', 'DONRE'),
	('Sở TN&MT', 'DONRE'),
	('Sở TNMT', 'DONRE'),
	('Sở Tài nguyên', 'DONRE'),
	('Sở Nội vụ', 'DOHA'),
	('so noi vu', 'DOHA'),
	('Sở Nông nghiệp và Môi trường', 'DAE'),
	('Sở NN&MT', 'DAE'),
	('Sở NN và MT', 'DAE'),
	-- Liên minh Hợp tác xã tỉnh
	('Liên minh Hợp tác xã tỉnh', 'VCA'),
	('Liên minh HTX tỉnh', 'VCA'),
	('Liên Minh HTX tỉnh', 'VCA'),
	('Liên minh HTX', 'VCA'),
	('Liên minh Hợp tác xã tỉnh Thái Nguyên', 'VCA'),
	('LIEN MINH HOP TAC XA', 'VCA'),
	('LMHTX', 'VCA'),
	('Provincial Cooperative Alliance', 'VCA'),
	-- the bank, the Front, the press
	('Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Thái Nguyên', 'SBV_TN'),
	('NHNN Việt Nam chi nhánh Thái Nguyên', 'SBV_TN'),
	('NHNN chi nhánh Thái Nguyên', 'SBV_TN'),
	('Ngân hàng Nhà nước chi nhánh Thái Nguyên', 'SBV_TN'),
	('NHNN tỉnh', 'SBV_TN'),
	('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'VFF'),
	('Uỷ ban Mặt trận Tổ quốc tỉnh', 'VFF'),
	('Ủy ban MTTQ tỉnh', 'VFF'),
	('UBMTTQ tỉnh', 'VFF'),
	('MTTQ', 'VFF'),
	('Báo Thái Nguyên', 'PRESS_BTN'),
	('Đài PT-TH tỉnh', 'PRESS_RTV'),
	('Đài PTTH', 'PRESS_RTV'),
	('Đài Phát thanh - Truyền hình Thái Nguyên', 'PRESS_RTV'),
	('Đài Phát thanh và Truyền hình tỉnh', 'PRESS_RTV'),
	('Trung tâm thông tin tỉnh', 'PRESS_INFO'),
	-- People's Committees
	('UBND các huyện, thành phố', 'DPC'),
	('Ủy ban nhân dân các huyện, thành phố', 'DPC'),
	('UBND các huyện thành phố', 'DPC'),
	('UBND huyện', 'DPC'),
	('UBND cấp huyện', 'DPC'),
	('Ủy ban nhân dân cấp huyện', 'DPC'),
	('ubnd huyen, tp', 'DPC'),
	('UBND tỉnh', 'PPC'),
	('Ủy ban nhân dân tỉnh Thái Nguyên', 'PPC'),
	-- catch-alls
	('Các sở, ngành, đoàn thể của tỉnh liên quan', 'DEPTS_RELATED'),
	('các sở ngành liên quan', 'DEPTS_RELATED'),
	('Các sở, ban, ngành', 'DEPTS_RELATED'),
	('Các tổ chức, cá nhân có liên quan', 'ORGS_RELATED'),
	('Các hội, đoàn thể cấp tỉnh', 'MASS_ORGS')
) AS v(s, code);

-- decomposed (NFD) input built here, not copied: the composed and decomposed
-- forms differ byte for byte
SELECT isnt(normalize('Sở Nông nghiệp và PTNT', NFD)::bytea, 'Sở Nông nghiệp và PTNT'::bytea, 'the NFD test input really is decomposed');
SELECT is(htx_agency_resolve(normalize('Sở Nông nghiệp và PTNT', NFD)), 'DARD', 'NFD: Sở Nông nghiệp và PTNT');
SELECT is(htx_agency_resolve(normalize('Sở KH&ĐT', NFD)), 'DPI', 'NFD: Sở KH&ĐT');
SELECT is(htx_agency_resolve(normalize('Liên minh HTX tỉnh', NFD)), 'VCA', 'NFD: Liên minh HTX tỉnh');
SELECT is(htx_agency_resolve(normalize('UBND các huyện, thành phố', NFD)), 'DPC', 'NFD: UBND các huyện, thành phố');
SELECT is(htx_agency_resolve(normalize('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', NFD)), 'VFF', 'NFD: Ủy ban Mặt trận Tổ quốc');
SELECT is(htx_agency_resolve(normalize('Đài PT-TH tỉnh', NFD)), 'PRESS_RTV', 'NFD: Đài PT-TH tỉnh');
SELECT is(htx_agency_resolve(E'Sở\u00a0Tài\u00a0chính'), 'DOF', 'no-break spaces');
SELECT is(htx_agency_resolve(NULL), NULL, 'NULL resolves to NULL');

-- unknown names: P0002 with the closest candidates
SELECT throws_ok($$SELECT htx_agency_resolve('Sở Giáo dục và Đào tạo')$$, 'P0002', 'unknown agency "Sở Giáo dục và Đào tạo"',
	'a department the plan does not name');
SELECT throws_ok($$SELECT htx_agency_resolve('Bộ Nông nghiệp và Phát triển nông thôn')$$, 'P0002', NULL,
	'the Ministry is not the Department');
SELECT is((pg_temp.err($$SELECT htx_agency_resolve('Bộ Nông nghiệp và Phát triển nông thôn')$$))[3] ~ '^Closest: DARD \(', true,
	'and the hint offers the Department first');
SELECT is((pg_temp.err($$SELECT htx_agency_resolve('Sở Nong ngiep va PTNT')$$))[1], 'P0002', 'a misspelling is unknown');
SELECT matches((pg_temp.err($$SELECT htx_agency_resolve('Sở Nong ngiep va PTNT')$$))[3], '^Closest: DARD \(Sở Nông nghiệp và Phát triển nông thôn\)',
	'and the hint offers the closest');
SELECT matches((pg_temp.err($$SELECT htx_agency_resolve('Lien minh hop tac')$$))[3], '^Closest: VCA ',
	'a truncated name gets its agency as the closest candidate');
SELECT throws_ok($$SELECT htx_agency_resolve('')$$, 'P0002', 'unknown agency ""', 'an empty name');
SELECT throws_ok($$SELECT htx_agency_resolve('  & ')$$, 'P0002', NULL, 'punctuation only');
SELECT throws_ok($$SELECT htx_agency_resolve('zzz qqq')$$, 'P0002', NULL, 'nonsense');
SELECT is((pg_temp.err($$SELECT htx_agency_resolve('zzz qqq')$$))[3], 'SELECT agency_code, name_vi FROM htx_agency lists every agency.',
	'with nothing close, the hint says where the list is');

-- ambiguous names: P0003 with every candidate
SELECT throws_ok($$SELECT htx_agency_resolve('Sở Nông nghiệp')$$, 'P0003', 'agency name "Sở Nông nghiệp" is ambiguous',
	'Sở Nông nghiệp: before or after 2025?');
SELECT is((pg_temp.err($$SELECT htx_agency_resolve('Sở Nông nghiệp')$$))[3],
	'Candidates: DAE (Sở Nông nghiệp và Môi trường), DARD (Sở Nông nghiệp và Phát triển nông thôn). Write more of the name, or give the agency code.',
	'the hint lists both');
SELECT throws_ok($$SELECT htx_agency_resolve('UBND')$$, 'P0003', 'agency name "UBND" is ambiguous', 'UBND: province or districts?');
SELECT matches((pg_temp.err($$SELECT htx_agency_resolve('UBND')$$))[3], 'DPC .*PPC ', 'the hint lists both committees');
SELECT throws_ok($$SELECT htx_agency_resolve('Sở KH')$$, 'P0003', NULL, 'Sở KH: Kế hoạch or Khoa học?');
SELECT matches((pg_temp.err($$SELECT htx_agency_resolve(normalize('sở kh', NFD))$$))[3], 'DOST .*DPI ', 'the hint lists both, for NFD input too');
SELECT throws_ok($$SELECT htx_agency_resolve('Sở')$$, 'P0003', NULL, 'Sở alone');
SELECT throws_ok($$SELECT htx_agency_resolve('Department')$$, 'P0003', NULL, 'Department alone');

-- the key
SELECT is(htx_agency_key('Sở Nông nghiệp và Phát triển nông thôn'), htx_agency_key('Sở NN&PTNT'), 'full name and abbreviation share a key');
SELECT is(htx_agency_key('Sở Nông nghiệp và Phát triển nông thôn'), 'so nn ptnt', 'the key');
SELECT is(htx_agency_key('Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Thái Nguyên', true), 'nhnn tinh', 'the loose key');
SELECT ok(htx_name_similarity('so nong nghiep', 'so nong ngiep') > htx_name_similarity('so nong nghiep', 'so noi vu'),
	'htx_name_similarity ranks the closer name higher');
SELECT is(htx_name_similarity('abc', 'abc'), 1::float8, 'identical strings: 1');

SELECT * FROM finish();
ROLLBACK;
