#!/usr/bin/env bash
# htx_rating in databases whose encoding is not UTF8.  Prints TAP; run by
# prove from test/run.sh against a throwaway cluster.
#
# Observed and decided behaviour (docs/reference/rating.md, "Encodings"):
#  - LATIN1: input works for every spelling the client can send in LATIN1
#    (the ASCII and English ones, "khá", "trung bình"); "tốt", "yếu" cannot
#    even reach the server (the client conversion refuses them, 22P05).
#    Output of a name LATIN1 cannot hold (tốt, yếu, không xếp loại) fails
#    with 22P05 naming htx_rating; khá and trung bình print.  Labels 'en'
#    and 'vi_ascii', casts to integer and binary COPY work for all values.
#  - SQL_ASCII: bytes are taken as UTF-8; everything works as in UTF8, and
#    bytes that are not valid UTF-8 are refused with 22021.
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

echo "1..26"

createdb -E LATIN1 --lc-collate=C --lc-ctype=C -T template0 "$latin1" || exit 1
createdb -E SQL_ASCII --lc-collate=C --lc-ctype=C -T template0 "$sqlascii" || exit 1
q "$latin1" 'CREATE EXTENSION htx' >/dev/null
q "$sqlascii" 'CREATE EXTENSION htx' >/dev/null
is "$(q "$latin1" "SHOW server_encoding")|$(q "$sqlascii" "SHOW server_encoding")" "LATIN1|SQL_ASCII" "the two databases have the encodings"

# ---- LATIN1
is "$(q "$latin1" "SELECT string_agg(s::htx_rating::int::text, ',') FROM unnest('{tot,TOT,kha,trung binh,yeu,khong xep loai,good,not rated}'::text[]) s")" \
	"4,4,3,2,1,0,4,0" "LATIN1: ASCII and English spellings read"
is "$(q "$latin1" "SELECT 'khá'::htx_rating::int || ',' || 'Trung Bình'::htx_rating::int || ',' || 'KHÁ'::htx_rating::int")" \
	"3,2,3" "LATIN1: spellings with LATIN1 letters read (khá, trung bình)"
is "$(err "$latin1" "SELECT 'tốt'::htx_rating")" \
	'22P05: character with byte sequence 0xe1 0xbb 0x91 in encoding "UTF8" has no equivalent in encoding "LATIN1"' \
	"LATIN1: 'tốt' cannot reach the server: the client conversion refuses it (22P05)"
is "$(q "$latin1" "SELECT 'kha'::htx_rating::text || '|' || 'trung binh'::htx_rating::text")" \
	"khá|trung bình" "LATIN1: khá and trung bình print"
is "$(err "$latin1" "SELECT 'tot'::htx_rating::text")" \
	'22P05: htx_rating value "tot" (code 4) cannot be represented in database encoding "LATIN1"' \
	"LATIN1: printing tốt is a clear 22P05"
is "$(err "$latin1" "SELECT 'yeu'::htx_rating")" \
	'22P05: htx_rating value "yeu" (code 1) cannot be represented in database encoding "LATIN1"' \
	"LATIN1: printing yếu is a clear 22P05"
is "$(err "$latin1" "SELECT 0::htx_rating")" \
	'22P05: htx_rating value "khong xep loai" (code 0) cannot be represented in database encoding "LATIN1"' \
	"LATIN1: printing không xếp loại is a clear 22P05"
is "$(PGCLIENTENCODING=UTF8 psql -X -q -d "$latin1" -c "SELECT 'tot'::htx_rating" 2>&1 | grep -c '^HINT:  Use a database with encoding UTF8')" \
	"1" "LATIN1: the error hints at UTF8 and the labels"
is "$(err "$latin1" "SELECT htx_rating_label('tot', 'vi')")" \
	'22P05: htx_rating value "tot" (code 4) cannot be represented in database encoding "LATIN1"' \
	"LATIN1: htx_rating_label(r, 'vi') fails the same way"
is "$(q "$latin1" "SELECT string_agg(htx_rating_label(c::htx_rating, 'vi_ascii') || '/' || htx_rating_label(c::htx_rating, 'en'), ',' ORDER BY c) FROM generate_series(0, 4) c")" \
	"khong xep loai/not rated,yeu/weak,trung binh/average,kha/fair,tot/good" "LATIN1: vi_ascii and en labels work for every value"
q "$latin1" "CREATE TABLE t (r htx_rating); INSERT INTO t SELECT c::htx_rating FROM generate_series(0, 4) c" >/dev/null
is "$(q "$latin1" "SELECT string_agg(r::int::text, ',' ORDER BY r) FROM t")" "0,1,2,3,4" "LATIN1: all five values are stored and ordered"
q "$latin1" "\\copy t TO '$tmp/t.bin' WITH (FORMAT binary)" >/dev/null
q "$latin1" "CREATE TABLE t2 (r htx_rating)" >/dev/null
q "$latin1" "\\copy t2 FROM '$tmp/t.bin' WITH (FORMAT binary)" >/dev/null
is "$(q "$latin1" "SELECT string_agg(r::int::text, ',' ORDER BY r) FROM t2")" "0,1,2,3,4" "LATIN1: binary COPY round trip works"
is "$(q "$latin1" "SELECT htx_fold('Phú  Bình')")" "phu binh" "LATIN1: htx_fold works through UTF8"
is "$(err "$latin1" "SELECT 'excellent'::htx_rating")" \
	'22P02: invalid input syntax for type htx_rating: "excellent"' "LATIN1: a bad spelling is still 22P02"
is "$(q "$latin1" "SELECT 'ok'")" "ok" "LATIN1: the server is still up"

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

# ---- a UTF8 database, client in LATIN1: the client conversion decides
createdb -E UTF8 -T template0 "$utf8" && q "$utf8" 'CREATE EXTENSION htx' >/dev/null
is "$(PGCLIENTENCODING=LATIN1 psql -X -q -At -v VERBOSITY=verbose -d "$utf8" -c "SELECT 'tot'::htx_rating" 2>&1 | sed -nE 's/^ERROR:  ([0-9A-Z]{5}): .*/\1/p')" \
	"22P05" "UTF8 database, LATIN1 client: tốt cannot be sent to the client (22P05)"

exit $failed
