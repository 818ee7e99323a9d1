#!/usr/bin/env bash
# htx_rating through COPY and pg_dump: binary COPY round trip, the wire
# bytes, bad binary input (22P03) and bad text input (22P02) loading
# nothing, and a plain pg_dump/restore.  Prints TAP; run by prove from
# test/run.sh with PGHOST/PGPORT/PGUSER set to a throwaway cluster.
set -uo pipefail
. "$(dirname "$0")/lib.bash"

db=htx_tap_copy_$$
db2=${db}_restored
tmp=$(mktemp -d /tmp/htx-tap-copy.XXXXXX)
cleanup() {
	dropdb --if-exists "$db" >/dev/null 2>&1
	dropdb --if-exists "$db2" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# run psql expecting an error; print "SQLSTATE: message" of the first one
err() { psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$db" "$@" 2>&1 >/dev/null | first_error; }

echo "1..20"

createdb "$db" || exit 1
q -c 'CREATE EXTENSION htx' || exit 1
q <<'SQL'
CREATE TABLE src (id int, r htx_rating);
INSERT INTO src VALUES (0, 'không xếp loại'), (1, 'yếu'), (2, 'trung bình'), (3, 'khá'), (4, 'tốt'), (5, NULL);
CREATE TABLE dst (LIKE src);
SQL

# ---- binary round trip
check "binary COPY out" q -c "\\copy (SELECT r FROM src ORDER BY id) TO '$tmp/r.bin' WITH (FORMAT binary)"
# the wire form: each field is a 4-byte length and one byte, the code; NULL is length -1
fields=$(copy_fields "$tmp/r.bin" | paste -sd " ")
is "$fields" "1:00 1:01 1:02 1:03 1:04 NULL" "binary fields are one byte, the code 0..4, and NULL"
check "binary COPY in" q -c "\\copy dst (r) FROM '$tmp/r.bin' WITH (FORMAT binary)"
is "$(q -c "SELECT count(*) FROM (SELECT r FROM src EXCEPT ALL SELECT r FROM dst) a")|$(q -c "SELECT count(*) FROM dst")|$(q -c "SELECT count(*) FROM dst WHERE r IS NULL")" \
	"0|6|1" "binary round trip keeps every value and the NULL"

# ---- bad binary input: 22P03, nothing loaded
mkbin() {	# mkbin FILE HEXFIELD...: a binary COPY file of one-column rows
	python3 - "$@" <<'PY'
import struct, sys
f, fields = sys.argv[1], sys.argv[2:]
b = b'PGCOPY\n\xff\r\n\x00' + struct.pack('>ii', 0, 0)
for h in fields:
    d = bytes.fromhex(h)
    b += struct.pack('>hi', 1, len(d)) + d
b += struct.pack('>h', -1)
open(f, 'wb').write(b)
PY
}
mkbin "$tmp/ok.bin" 04 00
check "a hand-made binary file loads" q -c "\\copy dst (r) FROM '$tmp/ok.bin' WITH (FORMAT binary)"
q -c "TRUNCATE dst"
mkbin "$tmp/bad5.bin" 04 05
is "$(err -c "\\copy dst (r) FROM '$tmp/bad5.bin' WITH (FORMAT binary)")" \
	"22P03: invalid htx_rating code 5 in binary input" "byte 5 is 22P03"
mkbin "$tmp/badff.bin" ff
is "$(err -c "\\copy dst (r) FROM '$tmp/badff.bin' WITH (FORMAT binary)")" \
	"22P03: invalid htx_rating code 255 in binary input" "byte 255 is 22P03"
mkbin "$tmp/empty.bin" 03 ""
is "$(err -c "\\copy dst (r) FROM '$tmp/empty.bin' WITH (FORMAT binary)")" \
	"22P03: invalid htx_rating in binary input: no data" "an empty field is 22P03"
mkbin "$tmp/two.bin" 0300
is "$(err -c "\\copy dst (r) FROM '$tmp/two.bin' WITH (FORMAT binary)")" \
	"22P03: incorrect binary data format" "a two-byte field is 22P03"
is "$(q -c "SELECT count(*) FROM dst")" "0" "no row of a bad file is loaded"
check "the server is still up" q -o /dev/null -c "SELECT 1"

# ---- text COPY: spellings in, a bad one rejects the load
printf '%s\n' 'tốt' 'TOT' 'khá' 'Trung_Binh' 'yeu' 'not rated' '\N' > "$tmp/ok.txt"
check "text COPY accepts field spellings" q -c "\\copy dst (r) FROM '$tmp/ok.txt'"
is "$(q -c "SELECT string_agg(coalesce(r::text, 'NULL'), ',' ORDER BY r NULLS LAST) FROM dst")" \
	"không xếp loại,yếu,trung bình,khá,tốt,tốt,NULL" "and stores the canonical values"
q -c "TRUNCATE dst"
printf '%s\n' 'tốt' 'excellent' 'khá' > "$tmp/bad.txt"
is "$(err -c "\\copy dst (r) FROM '$tmp/bad.txt'")" \
	'22P02: invalid input syntax for type htx_rating: "excellent"' "a bad spelling in text COPY is 22P02"
is "$(q -c "SELECT count(*) FROM dst")" "0" "and nothing is loaded"
check "text COPY out" q -c "\\copy src TO '$tmp/src.txt'"
is "$(cut -f2 "$tmp/src.txt" | paste -sd,)" 'không xếp loại,yếu,trung bình,khá,tốt,\N' "text COPY writes canonical names"

# ---- pg_dump / restore (text output then input)
q -c "CREATE INDEX ON src (r); CREATE TABLE part (r htx_rating) PARTITION BY HASH (r);
      CREATE TABLE part_0 PARTITION OF part FOR VALUES WITH (MODULUS 2, REMAINDER 0);
      CREATE TABLE part_1 PARTITION OF part FOR VALUES WITH (MODULUS 2, REMAINDER 1);
      INSERT INTO part SELECT r FROM src WHERE r IS NOT NULL"
check "pg_dump" pg_dump -d "$db" -f "$tmp/dump.sql"
createdb "$db2"
check "restore" psql -X -q -v ON_ERROR_STOP=1 -d "$db2" -f "$tmp/dump.sql" -o /dev/null
is "$(psql -X -At -d "$db2" -c "SELECT string_agg(id || '=' || coalesce(r::int::text, 'NULL'), ',' ORDER BY id) FROM src")|$(psql -X -At -d "$db2" -c "SELECT count(*) FROM part")" \
	"0=0,1=1,2=2,3=3,4=4,5=NULL|5" "restored rows and hash partitions are the same"

exit $failed
