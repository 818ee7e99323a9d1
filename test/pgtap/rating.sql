-- htx_rating: the type, its input spellings and rejections, order, casts,
-- labels and predicates, and the catalog promises (opclasses, operators,
-- LEAKPROOF, PARALLEL SAFE).  Plans (indexes, sorts, hashing, parallel
-- min/max) are in rating_plans.sql, scores in rating_score.sql.
BEGIN;
SELECT plan(300);

-- ---------------------------------------------------------------------------
-- the type
-- ---------------------------------------------------------------------------
SELECT has_type('htx_rating');
SELECT results_eq(
	$$SELECT typlen::int, typbyval, typalign::text, typstorage::text, typcategory::text
	  FROM pg_type WHERE oid = 'htx_rating'::regtype$$,
	$$VALUES (1, true, 'c', 'p', 'U')$$,
	'htx_rating is 1 byte, by value, char-aligned, plain storage');
SELECT is(pg_column_size('tốt'::htx_rating), 1, 'a value takes one byte');

-- codes: an on-disk contract
SELECT is(v::htx_rating::int, c, format('%s has code %s', v, c))
FROM (VALUES ('không xếp loại', 0), ('yếu', 1), ('trung bình', 2), ('khá', 3), ('tốt', 4)) AS x(v, c);

-- output: canonical NFC Vietnamese, whatever the input spelling
SELECT is(c::htx_rating::text, v, format('code %s prints as %s', c, v))
FROM (VALUES (0, 'không xếp loại'), (1, 'yếu'), (2, 'trung bình'), (3, 'khá'), (4, 'tốt')) AS x(c, v);
SELECT ok(bool_and(c::htx_rating::text IS NFC NORMALIZED), 'output is NFC')
FROM generate_series(0, 4) AS c;
SELECT is(bool_and(c::htx_rating::text::htx_rating = c::htx_rating), true, 'output reads back as the same value')
FROM generate_series(0, 4) AS c;
SET LOCAL lc_messages = 'C';
SET LOCAL DateStyle = 'German';
SET LOCAL client_encoding = 'UTF8';
SELECT is('TRUNG BINH'::htx_rating::text, 'trung bình', 'output does not depend on settings');
RESET DateStyle;

-- ---------------------------------------------------------------------------
-- every accepted spelling, in every variant field data writes it
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE spelling (s text, code int);
INSERT INTO spelling VALUES
	('tốt', 4), ('khá', 3), ('trung bình', 2), ('yếu', 1), ('không xếp loại', 0),
	('tot', 4), ('kha', 3), ('trung binh', 2), ('yeu', 1), ('khong xep loai', 0),
	('good', 4), ('fair', 3), ('average', 2), ('weak', 1), ('not rated', 0), ('unrated', 0),
	-- what report spreadsheets also write (1.1)
	('TB', 2), ('chưa xếp loại', 0), ('chua xep loai', 0);
CREATE TEMP TABLE variant (s text, code int, how text);
INSERT INTO variant
SELECT DISTINCT ON (v) v, code, how FROM spelling,
	LATERAL (VALUES (s, 'as is'),
	                (upper(s), 'upper case'),
	                (initcap(s), 'title case'),
	                (normalize(s, NFD), 'NFD'),
	                (normalize(upper(s), NFD), 'NFD upper case'),
	                ('  ' || s || E' \t', 'padded'),
	                (replace(s, ' ', '_'), 'underscores'),
	                (replace(s, ' ', '-'), 'hyphens'),
	                (replace(s, ' ', '   '), 'several spaces'),
	                (replace(s, ' ', E'\u00a0'), 'no-break spaces'),
	                (E'\ufeff' || s, 'byte order mark')) AS x(v, how)
ORDER BY v, how;
SELECT is((SELECT count(*)::int FROM variant), 134, 'spelling variants: 134 distinct inputs');
SELECT is(s::htx_rating::int, code, format('%s input %L reads as code %s', how, s, code))
FROM variant ORDER BY code, s;

-- ---------------------------------------------------------------------------
-- every rejection: 22P02 naming the value (the hint is in pg_regress)
-- ---------------------------------------------------------------------------
SELECT throws_ok(format('SELECT %L::htx_rating', s), '22P02',
		format('invalid input syntax for type htx_rating: "%s"', s),
		format('%L is rejected with 22P02', s))
FROM (VALUES (''), (' '), (E'\t'), ('_'), ('excellent'), ('tốt lắm'), ('trungbinh'),
             ('trung'), ('binh'), ('khong'), ('xep loai'), ('not'), ('rated'), ('notrated'),
             ('0'), ('4'), ('5'), ('-1'), ('tot.'), ('kha!'), ('good good'), ('"tốt"'),
             ('t ot'), ('NULL'), ('null'), ('xuất sắc'), ('very good'), ('rất tốt'),
             ('A'), ('B'), ('loai 1'), ('tốt tốt'), ('k h a'),
             ('T B'), ('T.B'), ('tbinh'), ('chưa'), ('chua xep'), ('chưa xếp loại tốt')) AS x(s);
SELECT throws_ok($$SELECT 'x'::htx_rating$$, '22P02', NULL, 'a bad value is 22P02 in a cast');
SELECT throws_ok($$SELECT htx_rating_in('excellent')$$, '22P02', NULL, 'and from the input function');
CREATE TEMP TABLE bad_insert (r htx_rating);
SELECT throws_ok($$INSERT INTO bad_insert VALUES ('tốt'), ('rất tốt')$$, '22P02', NULL,
	'INSERT with one bad value is rejected');
SELECT is((SELECT count(*)::int FROM bad_insert), 0, 'and inserts nothing');
SELECT is(NULL::text::htx_rating, NULL, 'NULL input is NULL');

-- ---------------------------------------------------------------------------
-- order: không xếp loại < yếu < trung bình < khá < tốt
-- ---------------------------------------------------------------------------
SELECT ok('không xếp loại'::htx_rating < 'yếu', 'không xếp loại < yếu');
SELECT ok('yếu'::htx_rating < 'trung bình', 'yếu < trung bình');
SELECT ok('trung bình'::htx_rating < 'khá', 'trung bình < khá');
SELECT ok('khá'::htx_rating < 'tốt', 'khá < tốt');
CREATE TEMP TABLE pair AS
SELECT a::htx_rating AS a, b::htx_rating AS b, a AS ai, b AS bi
FROM generate_series(0, 4) a, generate_series(0, 4) b;
SELECT is_empty($$SELECT * FROM pair WHERE (a = b) IS DISTINCT FROM (ai = bi)$$, '= agrees with the codes on all 25 pairs');
SELECT is_empty($$SELECT * FROM pair WHERE (a <> b) IS DISTINCT FROM (ai <> bi)$$, '<> agrees with the codes');
SELECT is_empty($$SELECT * FROM pair WHERE (a < b) IS DISTINCT FROM (ai < bi)$$, '< agrees with the codes');
SELECT is_empty($$SELECT * FROM pair WHERE (a <= b) IS DISTINCT FROM (ai <= bi)$$, '<= agrees with the codes');
SELECT is_empty($$SELECT * FROM pair WHERE (a > b) IS DISTINCT FROM (ai > bi)$$, '> agrees with the codes');
SELECT is_empty($$SELECT * FROM pair WHERE (a >= b) IS DISTINCT FROM (ai >= bi)$$, '>= agrees with the codes');
SELECT is_empty($$SELECT * FROM pair WHERE sign(htx_rating_cmp(a, b)) <> sign(ai - bi)$$, 'htx_rating_cmp has the sign of the code difference');
SELECT is_empty($$SELECT * FROM pair WHERE htx_rating_larger(a, b)::int <> greatest(ai, bi)
                    OR htx_rating_smaller(a, b)::int <> least(ai, bi)$$, 'larger/smaller agree with greatest/least');
SELECT is_empty($$SELECT * FROM pair WHERE (greatest(a, b))::int <> greatest(ai, bi)$$, 'GREATEST uses the rating order');
SELECT is(array_agg(r::text ORDER BY r), ARRAY['không xếp loại', 'yếu', 'trung bình', 'khá', 'tốt'], 'ORDER BY sorts by rating, not by name')
FROM unnest('{tốt,yếu,không xếp loại,khá,trung bình}'::htx_rating[]) AS r;
SELECT is(array_agg(r::text ORDER BY r DESC), ARRAY['tốt', 'khá', 'trung bình', 'yếu', 'không xếp loại'], 'ORDER BY DESC')
FROM unnest('{tốt,yếu,không xếp loại,khá,trung bình}'::htx_rating[]) AS r;
SELECT is(max(r)::text, 'tốt', 'max is the best') FROM unnest('{yếu,tốt,khá}'::htx_rating[]) AS r;
SELECT is(min(r)::text, 'yếu', 'min is the worst') FROM unnest('{yếu,tốt,khá}'::htx_rating[]) AS r;
SELECT is(min(r)::text, 'không xếp loại', 'không xếp loại is the minimum') FROM unnest('{yếu,không xếp loại}'::htx_rating[]) AS r;
SELECT is(max(r), NULL, 'max over no rows is NULL') FROM unnest('{}'::htx_rating[]) AS r;
SELECT is(max(r)::text, 'khá', 'max ignores NULLs') FROM unnest(ARRAY[NULL, 'khá', NULL]::htx_rating[]) AS r;
SELECT ok('tốt'::htx_rating IN ('good', 'fair'), 'IN list compares values, not spellings');
SELECT ok('trung bình'::htx_rating BETWEEN 'yếu' AND 'khá', 'BETWEEN');

-- ---------------------------------------------------------------------------
-- casts: explicit only, checked
-- ---------------------------------------------------------------------------
SELECT results_eq(
	$$SELECT castsource::regtype::text, casttarget::regtype::text, castcontext::text, castmethod::text
	  FROM pg_cast WHERE castsource = 'htx_rating'::regtype OR casttarget = 'htx_rating'::regtype
	  ORDER BY 1, 2$$,
	$$VALUES ('htx_rating', 'integer', 'e', 'f'), ('integer', 'htx_rating', 'e', 'f')$$,
	'two casts, both explicit, both through functions');
SELECT is(c::htx_rating::int, c, format('integer %s casts to a rating and back', c)) FROM generate_series(0, 4) AS c;
SELECT throws_ok(format('SELECT (%s)::htx_rating', c), '22003',
		format('integer %s is out of range for type htx_rating', c),
		format('integer %s is out of range (22003)', c))
FROM unnest(ARRAY[-2147483648, -1, 5, 6, 255, 256, 260, 2147483647]) AS c;
SELECT throws_ok($$SELECT 1 = 'tốt'::htx_rating$$, '42883', NULL, 'no implicit comparison with integers');
CREATE TEMP TABLE cast_target (r htx_rating);
SELECT throws_ok($$INSERT INTO cast_target VALUES (3)$$, '42804', NULL, 'no assignment cast from integer');
SELECT lives_ok($$INSERT INTO cast_target VALUES (3::htx_rating)$$, 'explicit cast on insert');
SELECT is((SELECT r::text FROM cast_target), 'khá', 'code 3 is khá');
SELECT is(NULL::int::htx_rating, NULL, 'NULL integer casts to NULL');
SELECT is(2::smallint::int::htx_rating::text, 'trung bình', 'smallint through integer');

-- ---------------------------------------------------------------------------
-- labels and predicates
-- ---------------------------------------------------------------------------
SELECT is(htx_rating_label(c::htx_rating, lang), label, format('label(%s, %s) = %s', c, lang, label))
FROM (VALUES (0, 'vi', 'không xếp loại'), (1, 'vi', 'yếu'), (2, 'vi', 'trung bình'), (3, 'vi', 'khá'), (4, 'vi', 'tốt'),
             (0, 'vi_ascii', 'khong xep loai'), (1, 'vi_ascii', 'yeu'), (2, 'vi_ascii', 'trung binh'), (3, 'vi_ascii', 'kha'), (4, 'vi_ascii', 'tot'),
             (0, 'en', 'not rated'), (1, 'en', 'weak'), (2, 'en', 'average'), (3, 'en', 'fair'), (4, 'en', 'good')) AS x(c, lang, label);
SELECT is(htx_rating_label('tốt'), 'tốt', 'the default language is vi');
SELECT ok(htx_rating_label('không xếp loại', 'vi') IS NFC NORMALIZED, 'the vi label is NFC');
SELECT is(bool_and(htx_rating_label(c::htx_rating, 'vi_ascii')::htx_rating = c::htx_rating
                   AND htx_rating_label(c::htx_rating, 'en')::htx_rating = c::htx_rating), true,
	'every label reads back as its rating') FROM generate_series(0, 4) AS c;
SELECT throws_ok(format($$SELECT htx_rating_label('khá', %L)$$, l), '22023',
		format('unsupported label language "%s"', l), format('label language %L is 22023', l))
FROM unnest(ARRAY['fr', '', 'EN', 'VI', 'vi-VN', 'vi_ASCII', ' en']) AS l;
SELECT is(htx_rating_label('khá', NULL), NULL, 'NULL language gives NULL');
SELECT is(htx_rating_label(NULL, 'en'), NULL, 'NULL rating gives NULL');

SELECT is(htx_is_good_or_fair(c::htx_rating), c >= 3, format('htx_is_good_or_fair(%s)', c::htx_rating))
FROM generate_series(0, 4) AS c;
SELECT is(htx_is_rated(c::htx_rating), c > 0, format('htx_is_rated(%s)', c::htx_rating))
FROM generate_series(0, 4) AS c;
SELECT is(htx_is_rated(NULL), NULL, 'htx_is_rated(NULL) is NULL');
SELECT is(htx_is_good_or_fair(NULL), NULL, 'htx_is_good_or_fair(NULL) is NULL');

-- binary output: one byte, the code (input is tested with COPY in test/tap)
SELECT is(htx_rating_send(c::htx_rating), decode(lpad(to_hex(c), 2, '0'), 'hex'), format('send(%s) is the byte %s', c, c))
FROM generate_series(0, 4) AS c;

-- ---------------------------------------------------------------------------
-- catalog promises
-- ---------------------------------------------------------------------------
SELECT results_eq(
	$$SELECT o.oprname::text COLLATE "default", c.oprname::text COLLATE "default", n.oprname::text COLLATE "default", o.oprrest::text, o.oprjoin::text, o.oprcanhash, o.oprcanmerge
	  FROM pg_operator o LEFT JOIN pg_operator c ON c.oid = o.oprcom LEFT JOIN pg_operator n ON n.oid = o.oprnegate
	  WHERE o.oprleft = 'htx_rating'::regtype AND o.oprright = 'htx_rating'::regtype ORDER BY 1$$,
	$$VALUES ('<', '>', '>=', 'scalarltsel', 'scalarltjoinsel', false, false),
	         ('<=', '>=', '>', 'scalarlesel', 'scalarlejoinsel', false, false),
	         ('<>', '<>', '=', 'neqsel', 'neqjoinsel', false, false),
	         ('=', '=', '<>', 'eqsel', 'eqjoinsel', true, true),
	         ('>', '<', '<=', 'scalargtsel', 'scalargtjoinsel', false, false),
	         ('>=', '<=', '<', 'scalargesel', 'scalargejoinsel', false, false)$$,
	'six operators with commutators, negators and estimators; = hashes and merges');
SELECT results_eq(
	$$SELECT am.amname::text COLLATE "default", oc.opcname::text COLLATE "default", oc.opcdefault FROM pg_opclass oc JOIN pg_am am ON am.oid = oc.opcmethod
	  WHERE oc.opcintype = 'htx_rating'::regtype ORDER BY 1$$,
	$$VALUES ('btree', 'htx_rating_ops', true), ('hash', 'htx_rating_hash_ops', true)$$,
	'default btree and hash operator classes');
SELECT results_eq(
	$$SELECT am.amname::text COLLATE "default", p.amprocnum::int, p.amproc::regproc::text FROM pg_amproc p
	  JOIN pg_opfamily f ON f.oid = p.amprocfamily JOIN pg_am am ON am.oid = f.opfmethod
	  WHERE p.amproclefttype = 'htx_rating'::regtype ORDER BY 1, 2$$,
	$$VALUES ('btree', 1, 'htx_rating_cmp'), ('btree', 2, 'htx_rating_sortsupport'), ('btree', 4, 'btequalimage'),
	         ('hash', 1, 'htx_rating_hash'), ('hash', 2, 'htx_rating_hash_extended')$$,
	'btree: cmp, sortsupport, btequalimage; hash: standard and extended');
SELECT is_empty(
	$$SELECT * FROM generate_series(0, 4) c, unnest(ARRAY[0, 1, -1, 42, 9223372036854775807]) s
	  WHERE s = 0 AND (htx_rating_hash_extended(c::htx_rating, s) & 4294967295) <> (htx_rating_hash(c::htx_rating)::int8 & 4294967295)$$,
	'extended hash with seed 0 has the standard hash in its low 32 bits');
SELECT isnt(htx_rating_hash_extended('tốt', 1), htx_rating_hash_extended('tốt', 0), 'the seed changes the extended hash');
SELECT is(count(DISTINCT htx_rating_hash(c::htx_rating))::int, 5, 'five codes, five hashes') FROM generate_series(0, 4) AS c;
SELECT set_eq(
	$$SELECT p.proname::text FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
	  JOIN pg_extension e ON e.oid = d.refobjid WHERE e.extname = 'htx' AND d.deptype = 'e' AND p.proleakproof
	  AND (p.proname LIKE 'htx_rating%' OR p.proname LIKE 'htx_is_%')$$,
	ARRAY['htx_rating_eq', 'htx_rating_ne', 'htx_rating_lt', 'htx_rating_le', 'htx_rating_gt', 'htx_rating_ge',
	      'htx_rating_cmp', 'htx_rating_hash', 'htx_rating_hash_extended', 'htx_rating_to_int4',
	      'htx_is_good_or_fair', 'htx_is_rated'],
	'LEAKPROOF: exactly the functions that cannot fail');
SELECT is_empty(
	$$SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
	  JOIN pg_extension e ON e.oid = d.refobjid WHERE e.extname = 'htx' AND d.deptype = 'e'
	  AND (p.proname LIKE 'htx_rating%' OR p.proname LIKE 'htx_is_%' OR p.proname IN ('min', 'max', 'htx_fold'))
	  AND p.oid <> 'htx_rating_from_score(numeric,boolean,text)'::regprocedure  -- reads htx_rating_scheme: STABLE
	  AND (p.proparallel <> 's' OR p.provolatile <> 'i')$$,
	'every rating function and aggregate is IMMUTABLE and PARALLEL SAFE (but the one reading a table)');
SELECT results_eq(
	$$SELECT a.aggfnoid::regprocedure::text, a.aggtransfn::regproc::text, a.aggcombinefn::regproc::text, o.oprname::text COLLATE "default"
	  FROM pg_aggregate a JOIN pg_operator o ON o.oid = a.aggsortop
	  WHERE a.aggtranstype = 'htx_rating'::regtype ORDER BY 1$$,
	$$VALUES ('max(htx_rating)', 'htx_rating_larger', 'htx_rating_larger', '>'), ('min(htx_rating)', 'htx_rating_smaller', 'htx_rating_smaller', '<')$$,
	'min and max have a combine function and a sort operator');

-- ---------------------------------------------------------------------------
-- htx_fold: the matching key behind the input
-- ---------------------------------------------------------------------------
SELECT is(htx_fold(s), k, format('htx_fold(%L) = %L', s, k))
FROM (VALUES ('Đồng Hỷ', 'dong hy'), ('  Sở NN&PTNT  ', 'so nn&ptnt'), ('Nông_nghiệp-và   PTNT', 'nong nghiep va ptnt'),
             (normalize('Định Hóa', NFD), 'dinh hoa'), (E'Phú\u00a0Bình', 'phu binh'), ('THÁI NGUYÊN', 'thai nguyen'),
             ('', ''), ('---', ''), ('Ω 42', 'Ω 42')) AS x(s, k);
SELECT is(htx_fold(NULL), NULL, 'htx_fold(NULL) is NULL');

SELECT * FROM finish();
ROLLBACK;
