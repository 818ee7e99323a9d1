# test/valgrind/scan.awk: read memcheck logs (one per process), print every
# error whose stacks involve htx code, and count all of them.
#
#   awk -v srcs='evaluate|fold|...' -v funcs='htx_fold|decode_utf8|...' \
#       -v other=FILE -f scan.awk valgrind.*.log
#
# srcs: basenames of src/*.c; funcs: functions defined there.  A frame is htx
# code when it is in htx.so, at one of those source files, or one of those
# functions.  An error is one paragraph of a log (lines between "==PID== "
# blank lines) with stack frames, but for "Process terminating ..." (a
# signal, reported by the server log) and warnings.  Identical errors (same
# text once addresses are blanked out) are shown once, with their count.
# Errors elsewhere are written, once each, to the file "other".
# Exit status: 1 when an error involves htx code, else 0.

function flush(   key, i, n, first, text, is_htx, has_frames)
{
	n = npara
	npara = 0
	if (n == 0)
		return
	first = para[1]
	if (first ~ /^(Process terminating|Warning|HEAP SUMMARY|LEAK SUMMARY)/)
		return
	has_frames = 0
	is_htx = 0
	text = ""
	for (i = 1; i <= n; i++) {
		text = text para[i] "\n"
		if (para[i] ~ /^ +(at|by) 0x/) {
			has_frames = 1
			if (para[i] ~ htx_re)
				is_htx = 1
		}
	}
	if (!has_frames)
		return
	key = text
	gsub(/0x[0-9A-Fa-f]+/, "0x_", key)
	total++
	if (!(key in seen)) {
		seen[key] = 0
		order[++ndistinct] = key
		where[key] = FILENAME
		body[key] = text
		htx[key] = is_htx
		kind[key] = first
	}
	seen[key]++
}

BEGIN {
	htx_re = "htx\\.so|\\((" srcs ")\\.c:[0-9]+\\)|: (" funcs ") \\("
	total = 0; ndistinct = 0; npara = 0; nlogs = 0; summed = 0; suppressed = 0
}

FNR == 1 {
	flush()
	nlogs++
}

{
	line = $0
	if (line !~ /^==[0-9]+==/)
		next
	sub(/^==[0-9]+== ?/, "", line)
	if (line ~ /^ERROR SUMMARY: /) {
		split(line, w, " ")
		summed += w[3]
		if (match(line, /suppressed: [0-9]+/))
			suppressed += substr(line, RSTART + 12, RLENGTH - 12)
	}
	if (line ~ /^ *$/)
		flush()
	else
		para[++npara] = line
}

END {
	flush()
	nhtx = 0; dhtx = 0; dother = 0
	printf "" > other
	for (i = 1; i <= ndistinct; i++) {
		k = order[i]
		if (htx[k]) {
			dhtx++
			nhtx += seen[k]
			printf "---- error in htx code: %d time(s), first in %s\n%s\n", seen[k], where[k], body[k]
		} else {
			dother++
			kinds[kind[k]] += seen[k]
			printf "---- %d time(s), first in %s\n%s\n", seen[k], where[k], body[k] >> other
		}
	}
	printf "logs: %d (one per process)\n", nlogs
	printf "errors: %d occurrences (ERROR SUMMARY, summed over processes), %d suppressed as known-benign\n", summed, suppressed
	printf "error contexts reported: %d in all, %d distinct across processes\n", total, ndistinct
	printf "errors involving htx code: %d contexts (%d distinct)\n", nhtx, dhtx
	printf "errors elsewhere (PostgreSQL, libc): %d contexts (%d distinct)%s\n", total - nhtx, dother,
		dother ? ", listed in " other : ""
	for (k in kinds)
		printf "    %5d  %s\n", kinds[k], k
	exit (nhtx > 0)
}
