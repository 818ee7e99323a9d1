#!/usr/bin/env bash
# sql/data/csv2sql, the generator that turns a data file into the INSERT an
# extension script runs: every sql/data/*.csv goes through it into scratch
# copies of the tables (with their CHECK constraints and keys) and comes back
# out byte for byte; a file of awkward values (quotes, commas, line breaks,
# backslashes, "" against NULL, Vietnamese text) loads as COPY loads it, also
# with a byte order mark and CRLF line ends and with
# standard_conforming_strings off; bad files are refused with a message and
# exit status 1, writing nothing.  Prints TAP; run by prove from test/run.sh
# against a throwaway cluster (PGHOST/PGPORT/PGUSER).
set -uo pipefail
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.."

db=htx_tap_csv2sql_$$
tmp=$(mktemp -d /tmp/htx-tap-csv2sql.XXXXXX)
cleanup() {
	dropdb --if-exists "$db" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# the generated SQL, as CREATE EXTENSION would run it in schema $2
# (into table $3, if given)
load() { perl sql/data/csv2sql ${3:+-t "$3"} "$1" | sed "s/@extschema@/$2/g" | q; }

files=(sql/data/*.csv)
echo "1..$((${#files[@]} + 14))"
createdb "$db" || exit 1
q -c 'CREATE EXTENSION htx' || exit 1

# ---- every data file, there and back
q -c 'CREATE SCHEMA scratch' || exit 1
for f in "${files[@]}"; do
	t=$(basename "$f" .csv)
	q -c "CREATE TABLE scratch.$t (LIKE public.$t INCLUDING ALL)" || exit 1
done
loaded=yes
for f in "${files[@]}"; do
	load "$f" scratch || loaded=no
done
is "$loaded" yes "the INSERTs of every data file load into copies of the tables (CHECK constraints, keys, types)"
PGDATABASE=$db bash sql/data/dump-csv "$tmp/back" scratch || exit 1
for f in "${files[@]}"; do
	t=$(basename "$f" .csv)
	is "$(diff "$f" "$tmp/back/$t.csv" 2>&1 | head -n 20)" "" "$t: csv2sql, then COPY out, gives the file back byte for byte"
done
is "$(perl sql/data/csv2sql sql/data/htx_agency.csv | grep -c '^INSERT INTO @extschema@\.htx_agency (agency_code, name_vi, short_names, name_en, kind, valid_from, valid_to, note, builtin) VALUES$')" 1 \
	"one INSERT, schema-qualified with @extschema@, columns from the header"

# ---- awkward values: csv2sql loads what COPY loads
printf '%s\n' 'id,t,a,d' \
	'1,plain,{},2025-03-01' \
	'2,"with, comma","{""a b"",c}",' \
	'3,"it'"'"'s ""quoted""",,2024-12-31' \
	'4,"line one' 'line two",{x},' \
	'5,"",{},' \
	'6,back\slash,{},' \
	'7,"ends in \",,' \
	'8,,,' \
	"9,Sở Nông nghiệp & PTNT – tiếng Việt,\"{\"\"UBND các huyện, thành phố\"\"}\",2025-06-30" \
	"10,'single' and \$\$dollars\$\$,," >"$tmp/odd.csv"
q -c 'CREATE TABLE scratch.odd (id int PRIMARY KEY, t text, a text[], d date)' \
	-c 'CREATE TABLE scratch.odd_copy (LIKE scratch.odd)' \
	-c "\\copy scratch.odd_copy FROM '$tmp/odd.csv' (FORMAT csv, HEADER)" || exit 1
same() {
	q -c "SELECT count(*) FROM ((TABLE scratch.odd EXCEPT ALL TABLE scratch.odd_copy)
		UNION ALL (TABLE scratch.odd_copy EXCEPT ALL TABLE scratch.odd)) x"
}
load "$tmp/odd.csv" scratch
is "$(q -c 'SELECT count(*) FROM scratch.odd'):$(same)" "10:0" "quotes, commas, line breaks, backslashes, \"\" and NULL: the same 10 rows as COPY reads"
is "$(q -c "SELECT concat_ws('|', (SELECT t IS NULL FROM scratch.odd WHERE id = 8), (SELECT t = '' FROM scratch.odd WHERE id = 5), (SELECT t FROM scratch.odd WHERE id = 6))")" \
	't|t|back\slash' "an empty field is NULL, \"\" the empty string, a backslash itself"

q -c 'TRUNCATE scratch.odd, scratch.odd_copy'
sed 's/$/\r/' "$tmp/odd.csv" >"$tmp/odd_crlf.csv"
{ printf '\357\273\277'; cat "$tmp/odd_crlf.csv"; } >"$tmp/odd_bom_crlf.csv"
q -c "\\copy scratch.odd_copy FROM '$tmp/odd_crlf.csv' (FORMAT csv, HEADER)"
load "$tmp/odd_bom_crlf.csv" scratch odd
is "$(q -c 'SELECT count(*) FROM scratch.odd'):$(same)" "10:0" \
	"with a byte order mark and CRLF line ends: the same rows as COPY reads from the CRLF file"

q -c 'TRUNCATE scratch.odd, scratch.odd_copy'
q -c "\\copy scratch.odd_copy FROM '$tmp/odd.csv' (FORMAT csv, HEADER)"
q -c 'TRUNCATE scratch.odd'
{ echo 'SET standard_conforming_strings = off;'; perl sql/data/csv2sql -t odd "$tmp/odd.csv" | sed 's/@extschema@/scratch/g'; } | q 2>/dev/null
is "$(same)" 0 "the same rows with standard_conforming_strings off (E'' literals where a value has a backslash)"

# ---- bad files: refused, nothing written
refused() {
	local out err status
	printf '%s' "$2" >"$tmp/$1.csv"
	out=$(perl sql/data/csv2sql "$tmp/$1.csv" 2>"$tmp/err"); status=$?
	err=$(cat "$tmp/err")
	is "$status:${out:+output}:$(grep -c "$3" <<<"$err")" "1::1" "refused ($3): exit 1, no output, a message"
}
refused unterminated $'a,b\n1,"open\n' 'unterminated quoted field'
refused fields $'a,b\n1,2\n3\n4,5,6\n' '3:.*1 fields, the header has 2'
refused extschema $'a,b\n1,x @extschema@.t\n' '@extschema'
refused twice $'a,a\n1,2\n' 'appears twice'
refused header $'a,"B c"\n1,2\n' 'not a lower-case SQL identifier'
refused latin1 $'a,b\n1,Vi\xeat\n' 'not UTF-8'
refused quote_in_field $'a,b\n1,x"y\n' 'quote inside an unquoted field'
is "$(perl sql/data/csv2sql -t 'x; DROP TABLE y' "$tmp/odd.csv" 2>&1 >/dev/null; echo "status $?")" \
	"csv2sql: $tmp/odd.csv: table name \"x; DROP TABLE y\" is not a lower-case SQL identifier (letters, digits, _)
status 1" "a table name that is not an identifier is refused"

exit $failed
