# test/tap/lib.bash: TAP helpers shared by the shell test scripts.
# Source it after setting `set -uo pipefail`; print the plan (1..N) yourself
# and end with `exit $failed`.

n=0
failed=0

# is HAVE WANT DESCRIPTION
is() {
	n=$((n + 1))
	if [ "$1" == "$2" ]; then
		echo "ok $n - $3"
	else
		echo "not ok $n - $3"
		echo "#   have: $1"
		echo "#   want: $2"
		failed=1
	fi
}

# like HAVE SUBSTRING DESCRIPTION
like() {
	n=$((n + 1))
	case "$1" in
		*"$2"*) echo "ok $n - $3" ;;
		*)
			echo "not ok $n - $3"
			echo "#   have: $1"
			echo "#   want something containing: $2"
			failed=1
			;;
	esac
}

# check DESCRIPTION COMMAND...: ok when COMMAND succeeds
check() {
	local desc=$1
	shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		failed=1
	fi
}

# first_error: read psql's stderr (run with -v VERBOSITY=verbose) and print
# "SQLSTATE: message" of the first error
first_error() {
	sed -nE 's/^(psql:[^:]*:[0-9]+: )?ERROR:  ([0-9A-Z]{5}): (.*)$/\2: \3/p' | head -n1
}

# copy_fields FILE: the fields of a one-column binary COPY file, one a line,
# as LENGTH:HEX, or NULL
copy_fields() {
	python3 - "$1" <<'PY'
import struct, sys
b = open(sys.argv[1], 'rb').read()
assert b[:11] == b'PGCOPY\n\xff\r\n\x00'
ext = struct.unpack('>i', b[15:19])[0]
p = 19 + ext
while True:
    (nf,) = struct.unpack('>h', b[p:p + 2]); p += 2
    if nf == -1:
        break
    (ln,) = struct.unpack('>i', b[p:p + 4]); p += 4
    if ln == -1:
        print('NULL')
    else:
        print('%d:%s' % (ln, b[p:p + ln].hex())); p += ln
PY
}
