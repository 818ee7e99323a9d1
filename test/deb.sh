#!/usr/bin/env bash
# make deb: build the Debian package postgresql-N-htx (debian/, pg_buildext
# and dh --with pgxs_loop, as Debian's PostgreSQL extension packages are
# built) into build/deb/, and check it with lintian.  Installs what the build
# needs (debhelper, postgresql-server-dev-all, ...) when it is missing.
#
#   test/deb.sh           build and lintian
#   test/deb.sh --check   then install the package with apt and run its
#                         autopkgtests (debian/tests) against it, as root;
#                         for a machine of its own (fresh-machine.sh): it
#                         replaces a "make install" of htx there
set -euo pipefail
cd "$(dirname "$0")/.."

run_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
	done
}
want=(make gcc build-essential dpkg-dev debhelper fakeroot lintian postgresql-common postgresql-server-dev-all)
need=$(missing "${want[@]}")
if [ -n "$need" ]; then
	run_root apt-get update -q
	# shellcheck disable=SC2086
	run_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need
fi

out=$PWD/build/deb
rm -rf "$out" && mkdir -p "$out/src"
# build from a copy of the tracked tree: nothing of a local build leaks in,
# and dpkg-buildpackage's output lands in build/deb
git ls-files -z --cached --others --exclude-standard | tar --null -cf - -T - | tar -xf - -C "$out/src"
( cd "$out/src" && dpkg-buildpackage -us -uc -b ) > "$out/build.log" 2>&1 ||
	{ tail -n 40 "$out/build.log"; echo "deb: build failed, see $out/build.log" >&2; exit 1; }
rm -rf "$out/src"
ls -1 "$out"/*.deb
echo "== lintian"
lintian --fail-on error,warning "$out"/*.changes

if [ "${1:-}" = --check ]; then
	echo "== install with apt"
	run_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		"$out"/postgresql-*-htx_*.deb
	dpkg -L "$(basename "$out"/postgresql-*-htx_*.deb | sed 's/_.*//')" | grep -E 'extension/htx|htx\.so$'
	echo "== autopkgtest: installcheck"
	run_root sh debian/tests/installcheck
	echo "== autopkgtest: upgrade"
	run_root sh debian/tests/upgrade
fi
