#!/usr/bin/env bash
# htx_evaluation_state through binary COPY (its send/recv functions): the
# wire form (161 bytes: version 1 and 20 big-endian int8), a round trip of
# states from real aggregation, and forged input -- wrong length, wrong
# version, negative or inconsistent fields -- rejected with 22P03 and the
# rule in DETAIL, loading nothing; malformed text COPY is 22P02.  The server
# must survive all of it.  Prints TAP; run by prove from test/run.sh with
# PGHOST/PGPORT/PGUSER set to a throwaway cluster.
set -uo pipefail
. "$(dirname "$0")/lib.bash"

db=htx_tap_state_$$
tmp=$(mktemp -d /tmp/htx-tap-state.XXXXXX)
cleanup() {
	dropdb --if-exists "$db" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# run psql expecting an error; print "SQLSTATE: message | detail" of the first one
err() {
	psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$db" "$@" 2>&1 >/dev/null |
		awk '/ERROR:  / && !e { sub(/^.*ERROR:  /, ""); e = $0; next }
		     /^DETAIL:  / && e && !d { sub(/^DETAIL:  /, ""); d = $0 }
		     END { if (e) print e " | " d }'
}
# binfile FILE HEX...: a binary COPY file of one htx_evaluation_state column,
# a row per HEX (the field's bytes; "NULL" for a NULL)
binfile() {
	python3 - "$@" <<'PY'
import struct, sys
out = [b'PGCOPY\n\xff\r\n\x00', struct.pack('>ii', 0, 0)]
for f in sys.argv[2:]:
    if f == 'NULL':
        out.append(struct.pack('>hi', 1, -1))
    else:
        b = bytes.fromhex(f)
        out.append(struct.pack('>hi', 1, len(b)) + b)
out.append(struct.pack('>h', -1))
open(sys.argv[1], 'wb').write(b''.join(out))
PY
}
# state_hex V1 ... V20: version byte 1 and the 20 values as big-endian int8
state_hex() { python3 -c 'import struct, sys; print((b"\x01" + b"".join(struct.pack(">q", int(v)) for v in sys.argv[1:])).hex())' "$@"; }
zeros() { printf '0 %.0s' $(seq 1 "$1"); }

echo "1..29"

createdb "$db" || exit 1
q -c 'CREATE EXTENSION htx' || exit 1
q <<'SQL'
CREATE AGGREGATE evaluate_state(htx_rating, bigint, int, bool, int, int, bool) (
	SFUNC = htx_evaluate_accum, STYPE = htx_evaluation_state,
	INITCOND = 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)');
CREATE TABLE coop AS
SELECT i, i % 5 AS district,
	CASE WHEN i % 13 = 0 THEN NULL ELSE (i % 5)::htx_rating END AS rating,
	CASE WHEN i % 17 = 0 THEN NULL ELSE i::bigint * 1000003 END AS revenue_vnd,
	CASE WHEN i % 19 = 0 THEN NULL ELSE i % 300 END AS members,
	CASE WHEN i % 23 = 0 THEN NULL ELSE i % 3 = 0 END AS applies_tech,
	CASE WHEN i % 11 = 0 THEN NULL ELSE i % 8 END AS managers,
	CASE WHEN i % 7 = 0 THEN NULL WHEN i % 11 = 0 THEN i % 5 ELSE i % (i % 8 + 1) END AS managers_trained,
	CASE WHEN i % 29 = 0 THEN NULL ELSE i % 10 = 0 END AS is_model
FROM generate_series(1, 5000) AS i;
CREATE TABLE src (id int, s htx_evaluation_state);
INSERT INTO src
SELECT district, evaluate_state(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model)
FROM coop GROUP BY district;
INSERT INTO src VALUES
	(10, 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
	(11, 'v1(9223372036854775807,0,0,0,0,9223372036854775807,1,9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0)'),
	(12, NULL);
CREATE TABLE dst (id int, s htx_evaluation_state);
CREATE TABLE one (s htx_evaluation_state);
SQL

# ---- the wire form and a round trip
check "binary COPY out" q -c "\\copy (SELECT s FROM src ORDER BY id) TO '$tmp/s.bin' WITH (FORMAT binary)"
fields=$(copy_fields "$tmp/s.bin" | python3 -c '
import struct, sys
for line in sys.stdin.read().split():
    if line == "NULL":
        print(line)
        continue
    ln, h = line.split(":")
    f = bytes.fromhex(h)
    print("%s:%d:v1(%s)" % (ln, f[0], ",".join(str(v) for v in struct.unpack(">20q", f[1:]))))
')
is "$fields" "$(q -c "SELECT coalesce('161:1:' || s::text, 'NULL') FROM src ORDER BY id")" \
	"binary fields: 161 bytes, version 1, then the text form's 20 values as big-endian int8"
check "binary COPY in" q -c "\\copy dst (s) FROM '$tmp/s.bin' WITH (FORMAT binary)"
is "$(q -c "SELECT s::text FROM dst")" "$(q -c "SELECT s::text FROM src ORDER BY id")" \
	"binary round trip: the same states, NULL included"
is "$(q -c "SELECT htx_evaluate_final(s)::text FROM dst")" "$(q -c "SELECT htx_evaluate_final(s)::text FROM src ORDER BY id")" \
	"received states give the same final results"
is "$(q -c "SELECT htx_evaluate_final(s)::text FROM dst WHERE s IS NOT NULL LIMIT 1")" \
	"$(q -c "SELECT htx_evaluate(rating, revenue_vnd, members, applies_tech, managers, managers_trained, is_model)::text FROM coop WHERE district = 0")" \
	"a received state finalises to htx_evaluate of its rows"
is "$(q -c "SELECT encode(htx_evaluation_state_send(s), 'hex') FROM src WHERE id = 11")" \
	"$(state_hex 9223372036854775807 0 0 0 0 9223372036854775807 1 9223372036854775807 $(zeros 12))" \
	"htx_evaluation_state_send: the bytes, at 2^63 - 1"

# ---- forged binary input: 22P03, nothing loaded
good=$(state_hex 3 0 1 0 1 1 $(zeros 14))
load_bad() {	# load_bad HEX: a file with a good row then HEX; print the error
	binfile "$tmp/bad.bin" "$good" "$1"
	err -c "\\copy one FROM '$tmp/bad.bin' WITH (FORMAT binary)"
}
is "$(load_bad "${good:0:320}")" "22P03: invalid binary data for type htx_evaluation_state | Expected 161 bytes, got 160." \
	"160 bytes: 22P03"
is "$(load_bad "${good}00")" "22P03: invalid binary data for type htx_evaluation_state | Expected 161 bytes, got 162." \
	"162 bytes: 22P03"
is "$(load_bad "")" "22P03: invalid binary data for type htx_evaluation_state | Expected 161 bytes, got 0." \
	"an empty field: 22P03"
is "$(load_bad "01")" "22P03: invalid binary data for type htx_evaluation_state | Expected 161 bytes, got 1." \
	"the version byte alone: 22P03"
is "$(load_bad "00${good:2}")" "22P03: invalid binary data for type htx_evaluation_state | Unknown format version 0." \
	"version 0: 22P03"
is "$(load_bad "02${good:2}")" "22P03: invalid binary data for type htx_evaluation_state | Unknown format version 2." \
	"version 2: 22P03"
is "$(load_bad "$(state_hex 1 0 0 0 0 2 $(zeros 14))")" \
	"22P03: invalid binary data for type htx_evaluation_state | Field good exceeds rows." \
	"a level count above rows: 22P03"
is "$(load_bad "$(state_hex 1 0 0 0 0 0 1 -1 $(zeros 12))")" \
	"22P03: invalid binary data for type htx_evaluation_state | Field revenue_total is negative." \
	"a negative total (only binary input can say -1): 22P03"
is "$(load_bad "$(state_hex -9223372036854775808 $(zeros 19))")" \
	"22P03: invalid binary data for type htx_evaluation_state | Field rows is negative." \
	"rows of -2^63: 22P03"
is "$(load_bad "$(state_hex 9223372036854775807 9223372036854775807 9223372036854775807 9223372036854775807 $(zeros 16))")" \
	"22P03: invalid binary data for type htx_evaluation_state | The rating counts add up to more than rows." \
	"level counts whose sum wraps around int64: 22P03"
is "$(load_bad "$(state_hex 2 0 0 0 0 0 0 0 0 0 1 2 $(zeros 8))")" \
	"22P03: invalid binary data for type htx_evaluation_state | A true count exceeds its reported count." \
	"tech_count above tech_reported: 22P03"
is "$(load_bad "$(state_hex 1 0 0 0 0 0 0 0 0 0 0 0 1 3 1 3 2 3 0 0)")" \
	"22P03: invalid binary data for type htx_evaluation_state | The paired manager totals are inconsistent." \
	"paired trained above paired managers: 22P03"
is "$(q -c "SELECT count(*) FROM one")" "0" "no row of any failed binary COPY was loaded"
binfile "$tmp/ok.bin" "$good" NULL
check "a well-formed forged file loads" q -c "\\copy one FROM '$tmp/ok.bin' WITH (FORMAT binary)"
is "$(q -c "SELECT coalesce(htx_evaluate_final(s)::text, 'NULL') FROM one")" $'(3,3,1,1,0,1,0,0,0.6666666666666666,0,,,,0,0,,,,,0)\nNULL' \
	"... and finalises as its fields say"

# ---- text COPY: 22P02, nothing loaded
q -c "TRUNCATE one"
printf '%s\n' 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)' 'v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)' >"$tmp/bad.txt"
is "$(err -c "\\copy one FROM '$tmp/bad.txt'")" \
	'22P02: invalid input syntax for type htx_evaluation_state: "v1(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)" | Expected 20 comma-separated fields in parentheses.' \
	"text COPY of 19 fields: 22P02"
printf '%s\n' 'v1(1,0,0,0,0,0,0,0,0,0,1,2,0,0,0,0,0,0,0,0)' >"$tmp/bad.txt"
is "$(err -c "\\copy one FROM '$tmp/bad.txt'")" \
	'22P02: invalid input syntax for type htx_evaluation_state: "v1(1,0,0,0,0,0,0,0,0,0,1,2,0,0,0,0,0,0,0,0)" | A true count exceeds its reported count.' \
	"text COPY of an inconsistent state: 22P02"
is "$(q -c "SELECT count(*) FROM one")" "0" "no row of a failed text COPY was loaded"
check "text COPY round trip" q -c "\\copy (SELECT s FROM src ORDER BY id) TO '$tmp/s.txt'"
q -c "TRUNCATE dst"
check "text COPY in" q -c "\\copy dst (s) FROM '$tmp/s.txt'"
is "$(q -c "SELECT s::text FROM dst")" "$(q -c "SELECT s::text FROM src ORDER BY id")" \
	"text round trip: the same states, NULL included"

is "$(q -c "SELECT 'alive'")" "alive" "the server survived"
exit $failed
