#!/usr/bin/env bash
# CREATE EXTENSION htx in a database of every server encoding.  Prints TAP;
# run by prove from test/run.sh against a throwaway cluster.
#
# htx.control says "encoding = UTF8": PostgreSQL converts the install and
# update scripts from UTF-8 to the database encoding before running them,
# and refuses where a character has no equivalent.  The rule tested here:
# in every server encoding, either htx installs and every piece of shipped
# Vietnamese text (table rows, comments, function bodies, views, rating
# output and labels) reads back, with client_encoding UTF8, exactly as in a
# UTF8 database; or CREATE EXTENSION fails with an encoding SQLSTATE and a
# message naming the encoding, and leaves nothing behind.  Never garbled
# text.  The list of encodings is asked of the server, not written here.
#
# Observed on PostgreSQL 15 (docs/dba.md, "Database encoding"):
#  - installs: UTF8, and SQL_ASCII (no conversion: the bytes stay UTF-8);
#  - refuses with 22P05 ("character with byte sequence ... in encoding
#    "UTF8" has no equivalent in encoding "X""): every other encoding,
#    WIN1258 included (PostgreSQL's UTF8 -> WIN1258 conversion maps
#    characters one to one and has no precomposed "ố");
#  - refuses with 42883 ("default conversion function for encoding "UTF8"
#    to "MULE_INTERNAL" does not exist"): MULE_INTERNAL.
set -uo pipefail
. "$(dirname "$0")/lib.bash"

pfx=htx_tap_xenc_$$
tmp=$(mktemp -d /tmp/htx-tap-xenc.XXXXXX)
created=()
cleanup() {
	for db in "${created[@]}"; do
		dropdb --if-exists "$db" >/dev/null 2>&1
	done
	rm -rf "$tmp"
}
trap cleanup EXIT

# u DB SQL...: psql with client encoding UTF8, unaligned, stop on error
u() {
	local db=$1
	shift
	PGCLIENTENCODING=UTF8 psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"
}

# snapshot DB: every piece of shipped text htx puts in DB and what its
# functions print, as UTF-8, in an order that does not depend on the
# database encoding (rows are sorted here, byte-wise).
snapshot() {
	local db=$1
	{
		# every row of every table that belongs to the extension
		u "$db" -F ' | ' <<'SQL' | LC_ALL=C sort
SELECT format('SELECT %L, t::text FROM %s t', c.relname, c.oid::regclass)
  FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
 WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e'
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'htx')
   AND c.relkind IN ('r', 'p')
\gexec
SQL
		# comments, function bodies, views, constraints, defaults of members
		u "$db" -F ' | ' <<'SQL' | LC_ALL=C sort
WITH m AS (
	SELECT classid, objid FROM pg_depend
	 WHERE deptype = 'e'
	   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'htx'))
SELECT 'comment', pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description
  FROM pg_description d JOIN m ON m.classid = d.classoid AND m.objid = d.objoid
UNION ALL
SELECT 'function', p.oid::regprocedure::text, p.prosrc
  FROM pg_proc p JOIN m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
UNION ALL
SELECT 'view', c.oid::regclass::text, pg_get_viewdef(c.oid)
  FROM pg_class c JOIN m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
 WHERE c.relkind IN ('v', 'm')
UNION ALL
SELECT 'constraint', co.conrelid::regclass || '.' || co.conname, pg_get_constraintdef(co.oid)
  FROM pg_constraint co JOIN m ON m.classid = 'pg_class'::regclass AND m.objid = co.conrelid
UNION ALL
SELECT 'default', a.adrelid::regclass || '.' || a.adnum, pg_get_expr(a.adbin, a.adrelid)
  FROM pg_attrdef a JOIN m ON m.classid = 'pg_class'::regclass AND m.objid = a.adrelid
SQL
		# what the C and SQL functions print and read
		u "$db" <<'SQL'
SELECT string_agg(c::htx_rating::text, ',' ORDER BY c) FROM generate_series(0, 4) c;
SELECT string_agg(htx_rating_label(c::htx_rating, l), ',' ORDER BY l, c)
  FROM generate_series(0, 4) c, unnest('{vi,vi_ascii,en}'::text[]) l;
SELECT string_agg(s::htx_rating::int::text || '=' || s::htx_rating::text, ',')
  FROM unnest('{Tốt,KHÁ,trung bình,yếu,Không Xếp Loại,tot,good}'::text[]) s;
SELECT string_agg(s || ':' || htx_rating_from_score(v, f, s)::text, ',' ORDER BY s, v, f)
  FROM (SELECT scheme FROM htx_rating_scheme) r(s), unnest('{0,49,50,65,80,100}'::numeric[]) v,
       unnest('{false}'::bool[]) f;
SELECT htx_fold('Đồng Hỷ') || '|' || htx_fold('Phú Bình');
CREATE TEMP TABLE typed (r htx_rating);
INSERT INTO typed VALUES ('tốt'), ('yếu'), ('không xếp loại');
SELECT string_agg(r::text, ',' ORDER BY r) FROM typed;
SQL
	} 2>&1
}

# ---- the server encodings, as the server knows them
names=$(psql -X -q -At -c "SELECT pg_encoding_to_char(i) FROM generate_series(0, 255) i WHERE pg_encoding_to_char(i) <> '' ORDER BY i")
server=() client_only=()
i=0
for enc in $names; do
	db="${pfx}_$i"
	i=$((i + 1))
	out=$(createdb -T template0 -E "$enc" --locale=C "$db" 2>&1)
	if [ $? = 0 ]; then
		server+=("$enc")
		created+=("$db")
	elif [[ $out == *"is not a valid encoding name"* ]]; then
		client_only+=("$enc")
	else
		echo "Bail out! createdb -E $enc failed: $out"
		exit 1
	fi
done
echo "# server encodings (${#server[@]}): ${server[*]}"
echo "# client-only encodings (${#client_only[@]}): ${client_only[*]}"

# PostgreSQL's server encodings are the first ids (PG_VALID_BE_ENCODING):
# check that what createdb accepted is that prefix, and holds the two that
# must install.
list=$(IFS=,; echo "${server[*]}")
is "$(psql -X -q -At -c "SELECT bool_and(pg_char_to_encoding(e) = o - 1) FROM unnest('{$list}'::text[]) WITH ORDINALITY x(e, o)")" \
	"t" "the server encodings are the first encoding ids"
like " ${server[*]} " " UTF8 " "UTF8 is a server encoding"
like " ${server[*]} " " SQL_ASCII " "SQL_ASCII is a server encoding"
if [ ${#server[@]} -lt 30 ]; then
	echo "Bail out! only ${#server[@]} server encodings found"
	exit 1
fi

# ---- the reference: a UTF8 database
ref="${pfx}_ref"
createdb -T template0 -E UTF8 --locale=C "$ref" && created+=("$ref")
u "$ref" -c 'CREATE EXTENSION htx' >/dev/null || { echo "Bail out! no htx in UTF8"; exit 1; }
snapshot "$ref" >"$tmp/ref"
# a reference that is not empty and holds the Vietnamese text
like "$(cat "$tmp/ref")" "Thái Nguyên" "UTF8 reference: shipped district names are there"
like "$(cat "$tmp/ref")" "không xếp loại,yếu,trung bình,khá,tốt" "UTF8 reference: rating output"
echo "# reference snapshot: $(wc -l <"$tmp/ref") lines, $(grep -c '[^ -~]' "$tmp/ref") with non-ASCII text"

# ---- every server encoding
installs=() refuses=()
i=0
for enc in $names; do
	db="${pfx}_$i"
	i=$((i + 1))
	case " ${server[*]} " in *" $enc "*) ;; *) continue ;; esac
	# connect in the database's own encoding: every encoding can (a UTF8
	# client cannot connect to MULE_INTERNAL at all)
	err=$(PGCLIENTENCODING=$enc psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
		-d "$db" -c 'CREATE EXTENSION htx' 2>&1 >/dev/null)
	if [ -z "$err" ]; then
		installs+=("$enc")
		snapshot "$db" >"$tmp/$enc"
		if cmp -s "$tmp/ref" "$tmp/$enc"; then
			is "same" "same" "$enc: installs, and every shipped text reads back as in UTF8"
		else
			is "different" "same" "$enc: installs, and every shipped text reads back as in UTF8"
			diff "$tmp/ref" "$tmp/$enc" | head -n 20 | sed 's/^/# /'
		fi
	else
		state=$(printf '%s\n' "$err" | first_error)
		refuses+=("$enc ${state%%:*}")
		left=$(PGCLIENTENCODING=$enc psql -X -q -At -d "$db" -c "SELECT count(*) FROM pg_extension WHERE extname = 'htx'
			UNION ALL SELECT count(*) FROM pg_type WHERE typname LIKE 'htx%'" 2>&1 | tr '\n' ' ')
		case "$state" in
			"22P05: character with byte sequence "*" in encoding \"UTF8\" has no equivalent in encoding \"$enc\"" | \
			"42883: default conversion function for encoding \"UTF8\" to \"$enc\" does not exist")
				verdict="refused: encoding error, left: $left" ;;
			*) verdict="refused: $state, left: $left" ;;
		esac
		is "$verdict" "refused: encoding error, left: 0 0 " "$enc: refuses with ${state:-no error text}"
	fi
done
echo "# install (${#installs[@]}): ${installs[*]}"
echo "# refuse (${#refuses[@]}): ${refuses[*]}"

# What is decided (docs/dba.md): exactly these two install.
is "${installs[*]}" "SQL_ASCII UTF8" "htx installs in SQL_ASCII and UTF8 only"
is "$((${#installs[@]} + ${#refuses[@]}))" "${#server[@]}" "every server encoding was tried"

# ---- WIN1258, the Vietnamese Windows code page.  It writes a tone as a
# combining mark after the letter (tốt = t ô U+0301 t = 74 F4 EC 74), and
# PostgreSQL's UTF8 -> WIN1258 conversion is one to one: a precomposed ố has
# no equivalent, so htx cannot install there (above).  A WIN1258 client of a
# UTF8 database is the supported way: its input reads, and output that the
# code page cannot hold is a clear 22P05, never garbled.
w() { PGCLIENTENCODING=WIN1258 psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$ref" "$@" 2>&1; }
win=$'\x74\xf4\xec\x74'                         # tốt, as Windows-1258 writes it
is "$(u "$ref" -c "SELECT convert_from('\\x74f4ec74', 'WIN1258') = 'tô' || U&'\\0301' || 't'")" "t" \
	"(those WIN1258 bytes are t ô U+0301 t, not the precomposed ố)"
is "$(w -c "SELECT '$win'::htx_rating::int || ',' || '"$'kh\xe1'"'::htx_rating::int")" "4,3" \
	"WIN1258 client: tốt in the code page's decomposed form, and khá, read"
is "$(w -c "SELECT 3::htx_rating" | od -An -tx1 | tr -d ' \n')" "6b68e10a" \
	"WIN1258 client: khá prints in the code page (6b 68 e1)"
is "$(w -c "SELECT 4::htx_rating" | first_error)" \
	'22P05: character with byte sequence 0xe1 0xbb 0x91 in encoding "UTF8" has no equivalent in encoding "WIN1258"' \
	"WIN1258 client: tốt cannot be sent in the code page: a clear 22P05, not garbled"
printed=
for c in 0 1 2 3 4; do
	if w -c "SELECT $c::htx_rating" >/dev/null 2>&1; then printed+="$c "; fi
done
is "$printed" "3 " "WIN1258 client: of the five names only khá can be sent in the code page"
is "$(w -c "SELECT htx_rating_label(4::htx_rating, 'vi_ascii')")" "tot" "WIN1258 client: the vi_ascii label is the way to display it"

echo "1..$n"
exit $failed
