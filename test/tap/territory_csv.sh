#!/usr/bin/env bash
# The territory files in sql/data are what sql/data/territory2csv writes from
# the source lists in sql/data/source/territory (so no unit, name or pair is
# typed by hand), and territory2csv refuses a formed_from name it cannot
# match to exactly one old unit.  Prints TAP; needs no database.
set -uo pipefail
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.."

tmp=$(mktemp -d /tmp/htx-tap-territory.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
files=(htx_commune.csv htx_commune_succession.csv htx_district_other.csv)
echo "1..$((${#files[@]} + 3))"

perl sql/data/territory2csv "$tmp"
is "$?" 0 "territory2csv runs"
for f in "${files[@]}"; do
	is "$(diff "sql/data/$f" "$tmp/$f" 2>&1 | head -n 20)" "" "sql/data/$f equals what territory2csv writes"
done

# a copy of the generator and sources with one name misspelt beyond what the
# key forgives: refused, naming the unit, nothing written
mkdir -p "$tmp/g/source/territory" "$tmp/out"
cp sql/data/territory2csv "$tmp/g/"
cp sql/data/source/territory/*.csv "$tmp/g/source/territory/"
sed -i 's/Xã Tân Thái, /Xã Tân Thải, /' "$tmp/g/source/territory/post2025_communes_19.csv"
msg=$(perl "$tmp/g/territory2csv" "$tmp/out" 2>&1)
is "$?" 1 "an unmatched name stops territory2csv"
like "$msg" 'new unit 05488 (Xã Đại Phúc): "Xã Tân Thải" matches no old unit' "and names the unit and the spelling (no pair guessed)"
exit $failed
