#!/usr/bin/env bash
# "@extschema@ never inside quotes" (CVE-2023-39417): PostgreSQL substitutes
# @extschema@ in an extension script as plain text, so inside a string or a
# dollar-quoted function body a schema name could end the quote.  This reads
# the update scripts as PostgreSQL's lexer would (strings, dollar quotes,
# comments) and fails on any @extschema@ inside a quoted region.  (The frozen
# 1.0 script is checked too: it was written to the same rule.)
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/tap/lib.bash

scan() {
	perl -e '
		local $/; my $s = <STDIN>; my @hits; my $i = 0; my $n = length $s;
		while ($i < $n) {
			my $rest = substr($s, $i);
			if ($rest =~ /^--[^\n]*/) { $i += length $&; next }
			if ($rest =~ /^\/\*.*?\*\//s) { $i += length $&; next }
			if ($rest =~ /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/) {
				my $tag = $&; my $end = index($s, $tag, $i + length $tag);
				$end = $n if $end < 0;
				my $body = substr($s, $i, $end - $i);
				push @hits, $i + $-[0] while $body =~ /\@extschema\@/g;
				$i = $end + length $tag; next;
			}
			if ($rest =~ /^[EeUu]?\x27(?:[^\x27]|\x27\x27)*\x27/) {
				my $str = $&;
				push @hits, $i + $-[0] while $str =~ /\@extschema\@/g;
				$i += length $str; next;
			}
			$i++;
		}
		for my $h (@hits) { my $line = () = substr($s, 0, $h) =~ /\n/g; print $line + 1, "\n" }
	' < "$1"
}

echo "1..3"
make -s htx--1.0--1.1.sql >/dev/null || exit 1
is "$(scan htx--1.0--1.1.sql | tr '\n' ' ')" "" "no @extschema@ inside a string or dollar quote in htx--1.0--1.1.sql (line numbers listed)"
is "$(scan sql/release/htx--1.0.sql | tr '\n' ' ')" "" "nor in the frozen htx--1.0.sql"
printf "SELECT 1;\nCREATE FUNCTION f() RETURNS int AS \$f\$ SELECT @extschema@.g() \$f\$ LANGUAGE sql;\nSELECT '@extschema@';\n" > /tmp/htx-extschema-probe.$$
is "$(scan /tmp/htx-extschema-probe.$$ | tr '\n' ' ')" "2 3 " "the scan finds one in a function body and one in a string (it is not blind)"
rm -f /tmp/htx-extschema-probe.$$
exit $failed
