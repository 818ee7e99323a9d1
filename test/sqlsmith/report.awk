# test/sqlsmith/report.awk: summarise the server log of a SQLsmith run.
#
# Reads a server log written with log_line_prefix = '%m [%p] %e ' (run.sh
# sets it) and prints:
#   - crashes: each "server process (PID n) was terminated by signal" and the
#     query the process was running;
#   - errors by SQLSTATE class and code;
#   - internal errors (class XX and 58, "cache lookup failed", "invalid
#     memory alloc request"), each distinct message with one query that
#     raised it;
#   - errors whose message names htx, digits folded, with their SQLSTATE.
# Sets no exit code: run.sh counts crashes itself.

function flush_statement() {
	if (want_stmt != "" && !(want_stmt in example))
		example[want_stmt] = stmt
	want_stmt = ""
	stmt = ""
	in_stmt = 0
}

# a logged line: timestamp (3 fields), [pid], sqlstate, level
/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:.]+ [A-Z+0-9]+ \[[0-9]+\] / {
	if (in_stmt)
		flush_statement()
	if (in_crash_query) {
		in_crash_query = 0
		print "   query: " crash_query
		print ""
	}
	line = $0
	sub(/^[^[]*\[[0-9]+\] /, "", line)
	state = substr(line, 1, 5)
	rest = substr(line, 7)

	if (rest ~ /^LOG:  server process \(PID [0-9]+\) was terminated by signal/ ||
		rest ~ /^LOG:  server process \(PID [0-9]+\) was terminated by exception/ ||
		rest ~ /^PANIC:  /) {
		crashes++
		print "CRASH: " rest
		next
	}
	if (rest ~ /^DETAIL:  Failed process was running: /) {
		crash_query = rest
		sub(/^DETAIL:  Failed process was running: /, "", crash_query)
		in_crash_query = 1
		next
	}
	if (rest ~ /^(ERROR|FATAL):  /) {
		msg = rest
		sub(/^(ERROR|FATAL):  /, "", msg)
		errors++
		by_state[state]++
		by_class[substr(state, 1, 2)]++
		internal = (state ~ /^(XX|58)/ ||
					msg ~ /cache lookup failed|invalid memory alloc request/)
		if (internal) {
			key = state " " msg
			internal_count[key]++
			last_internal = key
		} else
			last_internal = ""
		if (tolower(msg) ~ /htx/) {
			folded = msg
			gsub(/[0-9]+/, "N", folded)
			htx_count[state " " folded]++
		}
		next
	}
	if (rest ~ /^STATEMENT:  / && last_internal != "") {
		want_stmt = last_internal
		stmt = rest
		sub(/^STATEMENT:  /, "", stmt)
		in_stmt = 1
		last_internal = ""
		next
	}
	next
}

# continuation lines of a multi-line statement or crash query
/^\t/ {
	if (in_stmt)
		stmt = stmt "\n" $0
	else if (in_crash_query)
		crash_query = crash_query "\n" $0
	next
}

END {
	if (in_stmt)
		flush_statement()
	if (in_crash_query)
		print "   query: " crash_query "\n"
	printf "server crashes: %d\n", crashes
	printf "errors logged by the server: %d\n", errors
	print "errors by SQLSTATE class:"
	for (c in by_class)
		printf "  %8d  %s\n", by_class[c], c | "sort -k1,1nr"
	close("sort -k1,1nr")
	print "errors by SQLSTATE (top 25):"
	for (s in by_state)
		printf "  %8d  %s\n", by_state[s], s | "sort -k1,1nr | head -n 25"
	close("sort -k1,1nr | head -n 25")
	n = 0
	for (k in internal_count)
		n++
	printf "internal errors (XX, 58, cache lookup, alloc): %d distinct\n", n
	for (k in internal_count) {
		printf "  %6d  %s\n", internal_count[k], k
		if (k in example) {
			q = example[k]
			if (length(q) > 1500)
				q = substr(q, 1, 1500) " [...]"
			print "          query: " q
		}
	}
	print "errors naming htx (digits shown as N):"
	for (k in htx_count)
		printf "  %8d  %s\n", htx_count[k], k | "sort -k1,1nr"
	close("sort -k1,1nr")
}
