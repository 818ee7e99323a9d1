#!/usr/bin/env bash
# test/fuzz/run.sh [SECONDS]: fuzz the htx_rating text parser (src/fold.c and
# src/rating_lookup.c) with libFuzzer for SECONDS (default 60), with
# AddressSanitizer and UndefinedBehaviorSanitizer.  "make fuzz FUZZ_SECONDS=N"
# calls it.  Needs no server; installs clang when it is missing.
#
# Seeds: test/fuzz/corpus (committed).  New inputs go to test/fuzz/corpus-run
# (ignored by git); a crash is written as test/fuzz/crash-* and makes this
# script exit non-zero.  Not part of "make test".
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}

runner=()
[ "$(id -u)" = 0 ] || runner=(sudo)
updated=no
apt_install() {
	if [ $updated = no ]; then
		"${runner[@]}" apt-get update -q
		updated=yes
	fi
	"${runner[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -q --no-install-recommends "$@"
}
if ! command -v clang >/dev/null 2>&1; then
	apt_install clang
fi
# libFuzzer's runtime is only a "Recommends" of clang on Debian 12
# (libclang-rt-N-dev): check that a fuzzer links, install it if not.
probe=$(mktemp -d)
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' >"$probe/p.c"
if ! clang -fsanitize=fuzzer,address,undefined -o "$probe/p" "$probe/p.c" >/dev/null 2>&1; then
	major=$(clang --version | sed -nE 's/.*clang version ([0-9]+).*/\1/p' | head -n1)
	apt_install "libclang-rt-$major-dev"
fi
rm -rf "$probe"
# the server headers (postgresql-server-dev-N), through the project's deps
if ! command -v pg_config >/dev/null 2>&1 ||
	[ ! -f "$(pg_config --includedir-server)/postgres.h" ]; then
	bash ../deps.sh
fi

clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-Wall -Wno-ignored-attributes -Wno-unused-parameter \
	-I../../src -I"$(pg_config --includedir-server)" \
	-o fuzz_rating fuzz_rating.c ../../src/fold.c ../../src/rating_lookup.c

mkdir -p corpus-run
# Leaks are checked too; every malloc in the harness is freed.
log=$(mktemp /tmp/htx-fuzz.XXXXXX.log)
set +e
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	./fuzz_rating -max_total_time="$seconds" -print_final_stats=1 \
	-dict=rating.dict -max_len=256 -artifact_prefix=./ \
	corpus-run corpus >"$log" 2>&1
status=$?
set -e
grep -E '^#[0-9]+.*DONE|^stat::|ERROR|check failed|SUMMARY|^artifact' "$log" || true
echo "fuzz: ${seconds}s, corpus-run has $(find corpus-run -type f | wc -l) inputs, full log in $log; exit status $status"
exit "$status"
