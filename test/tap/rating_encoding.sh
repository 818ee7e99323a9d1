#!/usr/bin/env bash
# htx_rating in databases whose encoding is not UTF8.  Prints TAP; run by
# prove from test/run.sh against a throwaway cluster.
#
# Observed and decided behaviour (docs/reference/rating.md, "Encodings"):
#  - LATIN1: htx does not install.  htx.control says "encoding = UTF8", so
#    PostgreSQL converts the scripts to LATIN1 first and refuses, with 22P05,
#    at their first character LATIN1 has no equivalent for ("đ"): no
#    database can hold garbled district names or a "tốt" it cannot print.
#    Nothing is left behind, and the database goes on working.
#    (test/tap/extension_encoding.sh tries every server encoding.)
#  - SQL_ASCII: htx installs; bytes are taken as UTF-8; everything works as
#    in UTF8, and bytes that are not valid UTF-8 are refused with 22021.
#  - a UTF8 database and a LATIN1 client: names LATIN1 cannot hold cannot
#    be sent to the client (22P05).
set -uo pipefail
. "$(dirname "$0")/lib.bash"

latin1=htx_tap_latin1_$$
sqlascii=htx_tap_sqlascii_$$
utf8=htx_tap_utf8_$$
tmp=$(mktemp -d /tmp/htx-tap-enc.XXXXXX)
cleanup() {
	dropdb --if-exists "$latin1" >/dev/null 2>&1
	dropdb --if-exists "$sqlascii" >/dev/null 2>&1
	dropdb --if-exists "$utf8" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT

# q DB SQL: one value, client encoding UTF8
q() { PGCLIENTENCODING=UTF8 psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2" 2>&1; }
# err DB SQL: "SQLSTATE: message" of the error
err() { PGCLIENTENCODING=UTF8 psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$1" -c "$2" 2>&1 >/dev/null |
		sed -nE 's/^ERROR:  ([0-9A-Z]{5}): (.*)$/\1: \2/p' | head -n1; }

echo "1..17"

createdb -E LATIN1 --lc-collate=C --lc-ctype=C -T template0 "$latin1" || exit 1
createdb -E SQL_ASCII --lc-collate=C --lc-ctype=C -T template0 "$sqlascii" || exit 1
q "$sqlascii" 'CREATE EXTENSION htx' >/dev/null
is "$(q "$latin1" "SHOW server_encoding")|$(q "$sqlascii" "SHOW server_encoding")" "LATIN1|SQL_ASCII" "the two databases have the encodings"

# ---- LATIN1: CREATE EXTENSION refuses
is "$(err "$latin1" 'CREATE EXTENSION htx')" \
	'22P05: character with byte sequence 0xc4 0x91 in encoding "UTF8" has no equivalent in encoding "LATIN1"' \
	"LATIN1: CREATE EXTENSION htx refuses with 22P05, naming the encoding"
is "$(q "$latin1" "SELECT (SELECT count(*) FROM pg_extension WHERE extname = 'htx') || ',' ||
	(SELECT count(*) FROM pg_type WHERE typname LIKE 'htx%') || ',' ||
	(SELECT count(*) FROM pg_class WHERE relname LIKE 'htx%') || ',' ||
	(SELECT count(*) FROM pg_proc WHERE proname LIKE 'htx%')")" \
	"0,0,0,0" "LATIN1: nothing of htx is left behind"
is "$(q "$latin1" "CREATE TABLE t (name text); INSERT INTO t VALUES ('Phú Bình'); SELECT name FROM t")" \
	"Phú Bình" "LATIN1: the database goes on working"
is "$(err "$latin1" "CREATE EXTENSION htx VERSION '1.0'")" \
	'22P05: character with byte sequence 0xc4 0x91 in encoding "UTF8" has no equivalent in encoding "LATIN1"' \
	"LATIN1: the 1.0 script is refused the same way"

# ---- SQL_ASCII: bytes are UTF-8
is "$(q "$sqlascii" "SELECT string_agg(s::htx_rating::text, ',') FROM unnest('{tốt,TỐT,khá,trung bình,yếu,không xếp loại,weak}'::text[]) s")" \
	"tốt,tốt,khá,trung bình,yếu,không xếp loại,yếu" "SQL_ASCII: UTF-8 spellings read and print"
nfd=$(python3 -c "import unicodedata; print(unicodedata.normalize('NFD', 'KHÔNG XẾP LOẠI'))")
is "$(q "$sqlascii" "SELECT '$nfd'::htx_rating::int")" "0" "SQL_ASCII: NFD reads"
is "$(q "$sqlascii" "SELECT string_agg(c::htx_rating::text, ',' ORDER BY c) FROM generate_series(0, 4) c")" \
	"không xếp loại,yếu,trung bình,khá,tốt" "SQL_ASCII: every value prints as UTF-8"
is "$(q "$sqlascii" "SELECT encode(convert_to(4::htx_rating::text, 'SQL_ASCII'), 'hex')")" \
	"74e1bb9174" "SQL_ASCII: output bytes are the NFC UTF-8 of tốt"
is "$(err "$sqlascii" "SELECT convert_from('\\xff746f74'::bytea, 'SQL_ASCII')::htx_rating")" \
	'22021: invalid byte sequence for encoding "UTF8": 0xff' "SQL_ASCII: bytes that are not UTF-8 are refused (22021)"
is "$(err "$sqlascii" "SELECT convert_from('\\xc1b46f74'::bytea, 'SQL_ASCII')::htx_rating")" \
	'22021: invalid byte sequence for encoding "UTF8": 0xc1 0xb4' "SQL_ASCII: an overlong 't' is refused, not read as 't'"
is "$(err "$sqlascii" "SELECT 'excellent'::htx_rating")" \
	'22P02: invalid input syntax for type htx_rating: "excellent"' "SQL_ASCII: a bad spelling is 22P02"
is "$(q "$sqlascii" "SELECT htx_fold('Đồng Hỷ')")" "dong hy" "SQL_ASCII: htx_fold works"
is "$(q "$sqlascii" "SELECT htx_rating_label('tot', 'vi')")" "tốt" "SQL_ASCII: the vi label"
is "$(q "$sqlascii" "SELECT string_agg(htx_rating_label(c::htx_rating, 'vi_ascii') || '/' || htx_rating_label(c::htx_rating, 'en'), ',' ORDER BY c) FROM generate_series(0, 4) c")" \
	"khong xep loai/not rated,yeu/weak,trung binh/average,kha/fair,tot/good" "SQL_ASCII: vi_ascii and en labels for every value"
q "$sqlascii" "CREATE TABLE t (r htx_rating); INSERT INTO t SELECT c::htx_rating FROM generate_series(0, 4) c" >/dev/null
q "$sqlascii" "\\copy t TO '$tmp/t.bin' WITH (FORMAT binary)" >/dev/null
q "$sqlascii" "CREATE TABLE t2 (r htx_rating)" >/dev/null
q "$sqlascii" "\\copy t2 FROM '$tmp/t.bin' WITH (FORMAT binary)" >/dev/null
is "$(q "$sqlascii" "SELECT string_agg(r::text, ',' ORDER BY r) FROM t2")" "không xếp loại,yếu,trung bình,khá,tốt" "SQL_ASCII: binary COPY round trip works"

# ---- a UTF8 database, client in LATIN1: the client conversion decides
createdb -E UTF8 -T template0 "$utf8" && q "$utf8" 'CREATE EXTENSION htx' >/dev/null
is "$(PGCLIENTENCODING=LATIN1 psql -X -q -At -v VERBOSITY=verbose -d "$utf8" -c "SELECT 'tot'::htx_rating" 2>&1 | sed -nE 's/^ERROR:  ([0-9A-Z]{5}): .*/\1/p')" \
	"22P05" "UTF8 database, LATIN1 client: tốt cannot be sent to the client (22P05)"

exit $failed
