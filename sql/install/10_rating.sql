-- ---------------------------------------------------------------------------
-- Text folding
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.htx_fold(pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'htx_fold'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.htx_fold(pg_catalog.text) IS
'Matching key for field text: lower case, Vietnamese diacritics removed (NFC or NFD input, đ -> d), runs of spaces, "_" and "-" made one space, trimmed';

-- ---------------------------------------------------------------------------
-- htx_rating: tốt / khá / trung bình / yếu / không xếp loại
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.htx_rating;

CREATE FUNCTION @extschema@.htx_rating_in(pg_catalog.cstring)
RETURNS @extschema@.htx_rating
AS 'MODULE_PATHNAME', 'htx_rating_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.htx_rating_out(@extschema@.htx_rating)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'htx_rating_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.htx_rating_recv(pg_catalog.internal)
RETURNS @extschema@.htx_rating
AS 'MODULE_PATHNAME', 'htx_rating_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.htx_rating_send(@extschema@.htx_rating)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'htx_rating_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.htx_rating (
	INPUT = @extschema@.htx_rating_in,
	OUTPUT = @extschema@.htx_rating_out,
	RECEIVE = @extschema@.htx_rating_recv,
	SEND = @extschema@.htx_rating_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.htx_rating IS
'Official rating of an agricultural cooperative (Circular 09/2017/TT-BNNPTNT Art. 6): không xếp loại < yếu < trung bình < khá < tốt; 1 byte';
COMMENT ON FUNCTION @extschema@.htx_rating_in(pg_catalog.cstring) IS
'htx_rating input: Vietnamese (any case, NFC or NFD, with or without diacritics) or English names';
COMMENT ON FUNCTION @extschema@.htx_rating_out(@extschema@.htx_rating) IS
'htx_rating output: canonical Vietnamese name, lower case, NFC';
COMMENT ON FUNCTION @extschema@.htx_rating_recv(pg_catalog.internal) IS
'htx_rating binary input: one byte, the code 0..4';
COMMENT ON FUNCTION @extschema@.htx_rating_send(@extschema@.htx_rating) IS
'htx_rating binary output: one byte, the code 0..4';

-- comparison ----------------------------------------------------------------

CREATE FUNCTION @extschema@.htx_rating_eq(@extschema@.htx_rating, @extschema@.htx_rating)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'htx_rating_eq'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_ne(@extschema@.htx_rating, @extschema@.htx_rating)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'htx_rating_ne'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_lt(@extschema@.htx_rating, @extschema@.htx_rating)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'htx_rating_lt'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_le(@extschema@.htx_rating, @extschema@.htx_rating)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'htx_rating_le'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_gt(@extschema@.htx_rating, @extschema@.htx_rating)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'htx_rating_gt'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_ge(@extschema@.htx_rating, @extschema@.htx_rating)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'htx_rating_ge'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_cmp(@extschema@.htx_rating, @extschema@.htx_rating)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'htx_rating_cmp'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'MODULE_PATHNAME', 'htx_rating_sortsupport'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_hash(@extschema@.htx_rating)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'htx_rating_hash'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_hash_extended(@extschema@.htx_rating, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'htx_rating_hash_extended'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.htx_rating_eq(@extschema@.htx_rating, @extschema@.htx_rating) IS 'implementation of = for htx_rating';
COMMENT ON FUNCTION @extschema@.htx_rating_ne(@extschema@.htx_rating, @extschema@.htx_rating) IS 'implementation of <> for htx_rating';
COMMENT ON FUNCTION @extschema@.htx_rating_lt(@extschema@.htx_rating, @extschema@.htx_rating) IS 'implementation of < for htx_rating';
COMMENT ON FUNCTION @extschema@.htx_rating_le(@extschema@.htx_rating, @extschema@.htx_rating) IS 'implementation of <= for htx_rating';
COMMENT ON FUNCTION @extschema@.htx_rating_gt(@extschema@.htx_rating, @extschema@.htx_rating) IS 'implementation of > for htx_rating';
COMMENT ON FUNCTION @extschema@.htx_rating_ge(@extschema@.htx_rating, @extschema@.htx_rating) IS 'implementation of >= for htx_rating';
COMMENT ON FUNCTION @extschema@.htx_rating_cmp(@extschema@.htx_rating, @extschema@.htx_rating) IS 'btree comparison for htx_rating: negative, zero or positive';
COMMENT ON FUNCTION @extschema@.htx_rating_sortsupport(pg_catalog.internal) IS 'btree sort support for htx_rating';
COMMENT ON FUNCTION @extschema@.htx_rating_hash(@extschema@.htx_rating) IS 'hash of an htx_rating';
COMMENT ON FUNCTION @extschema@.htx_rating_hash_extended(@extschema@.htx_rating, pg_catalog.int8) IS 'seeded 64-bit hash of an htx_rating (hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.htx_rating, RIGHTARG = @extschema@.htx_rating,
	FUNCTION = @extschema@.htx_rating_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.htx_rating, RIGHTARG = @extschema@.htx_rating,
	FUNCTION = @extschema@.htx_rating_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.htx_rating, RIGHTARG = @extschema@.htx_rating,
	FUNCTION = @extschema@.htx_rating_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.htx_rating, RIGHTARG = @extschema@.htx_rating,
	FUNCTION = @extschema@.htx_rating_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.htx_rating, RIGHTARG = @extschema@.htx_rating,
	FUNCTION = @extschema@.htx_rating_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.htx_rating, RIGHTARG = @extschema@.htx_rating,
	FUNCTION = @extschema@.htx_rating_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.htx_rating, @extschema@.htx_rating) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.htx_rating, @extschema@.htx_rating) IS 'not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.htx_rating, @extschema@.htx_rating) IS 'worse than';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.htx_rating, @extschema@.htx_rating) IS 'worse than or equal';
COMMENT ON OPERATOR @extschema@.> (@extschema@.htx_rating, @extschema@.htx_rating) IS 'better than';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.htx_rating, @extschema@.htx_rating) IS 'better than or equal';

CREATE OPERATOR CLASS @extschema@.htx_rating_ops
DEFAULT FOR TYPE @extschema@.htx_rating USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.htx_rating_cmp(@extschema@.htx_rating, @extschema@.htx_rating),
	FUNCTION 2 @extschema@.htx_rating_sortsupport(pg_catalog.internal),
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.htx_rating_hash_ops
DEFAULT FOR TYPE @extschema@.htx_rating USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.htx_rating_hash(@extschema@.htx_rating),
	FUNCTION 2 @extschema@.htx_rating_hash_extended(@extschema@.htx_rating, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.htx_rating_ops USING btree IS
'default btree operator class for htx_rating (rating order, deduplication-safe)';
COMMENT ON OPERATOR CLASS @extschema@.htx_rating_hash_ops USING hash IS
'default hash operator class for htx_rating (hash joins, hash aggregation, hash partitioning)';

-- min / max -------------------------------------------------------------------

CREATE FUNCTION @extschema@.htx_rating_larger(@extschema@.htx_rating, @extschema@.htx_rating)
RETURNS @extschema@.htx_rating AS 'MODULE_PATHNAME', 'htx_rating_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_smaller(@extschema@.htx_rating, @extschema@.htx_rating)
RETURNS @extschema@.htx_rating AS 'MODULE_PATHNAME', 'htx_rating_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_rating_larger(@extschema@.htx_rating, @extschema@.htx_rating) IS 'the better of two ratings';
COMMENT ON FUNCTION @extschema@.htx_rating_smaller(@extschema@.htx_rating, @extschema@.htx_rating) IS 'the worse of two ratings';

CREATE AGGREGATE @extschema@.max(@extschema@.htx_rating) (
	SFUNC = @extschema@.htx_rating_larger,
	STYPE = @extschema@.htx_rating,
	COMBINEFUNC = @extschema@.htx_rating_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.min(@extschema@.htx_rating) (
	SFUNC = @extschema@.htx_rating_smaller,
	STYPE = @extschema@.htx_rating,
	COMBINEFUNC = @extschema@.htx_rating_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.htx_rating) IS 'best rating in the group';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.htx_rating) IS 'worst rating in the group';

-- casts to and from integer ---------------------------------------------------

CREATE FUNCTION @extschema@.htx_rating_to_int4(@extschema@.htx_rating)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'htx_rating_to_int4'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.htx_rating_from_int4(pg_catalog.int4)
RETURNS @extschema@.htx_rating AS 'MODULE_PATHNAME', 'htx_rating_from_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_rating_to_int4(@extschema@.htx_rating) IS 'rating code: 0 không xếp loại, 1 yếu, 2 trung bình, 3 khá, 4 tốt';
COMMENT ON FUNCTION @extschema@.htx_rating_from_int4(pg_catalog.int4) IS 'rating from its code 0..4; any other integer is an error';

CREATE CAST (@extschema@.htx_rating AS pg_catalog.int4)
	WITH FUNCTION @extschema@.htx_rating_to_int4(@extschema@.htx_rating);
CREATE CAST (pg_catalog.int4 AS @extschema@.htx_rating)
	WITH FUNCTION @extschema@.htx_rating_from_int4(pg_catalog.int4);
COMMENT ON CAST (@extschema@.htx_rating AS pg_catalog.int4) IS 'explicit: the rating code 0..4';
COMMENT ON CAST (pg_catalog.int4 AS @extschema@.htx_rating) IS 'explicit, checked: codes 0..4 only';

-- display and predicates ----------------------------------------------------

CREATE FUNCTION @extschema@.htx_rating_label(@extschema@.htx_rating, lang pg_catalog.text DEFAULT 'vi')
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'htx_rating_label'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_rating_label(@extschema@.htx_rating, pg_catalog.text) IS
'display name of a rating: lang ''vi'' (NFC, default), ''vi_ascii'' or ''en''';

CREATE FUNCTION @extschema@.htx_is_good_or_fair(@extschema@.htx_rating)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'htx_is_good_or_fair'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_is_good_or_fair(@extschema@.htx_rating) IS
'true for tốt and khá (the plan''s "good or fair" target)';

CREATE FUNCTION @extschema@.htx_is_rated(@extschema@.htx_rating)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'htx_is_rated'
LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_is_rated(@extschema@.htx_rating) IS
'false for không xếp loại (not rated), true for the four levels';

COMMENT ON OPERATOR FAMILY @extschema@.htx_rating_ops USING btree IS
'btree operator family of htx_rating';
COMMENT ON OPERATOR FAMILY @extschema@.htx_rating_hash_ops USING hash IS
'hash operator family of htx_rating';
