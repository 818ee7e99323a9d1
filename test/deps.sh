#!/usr/bin/env bash
# Install what htx's build, tests and demo need, and nothing when it is all
# there: a PostgreSQL server with its development files, pgTAP, pg_prove,
# pg_virtualenv (postgresql-common) and a C compiler.
set -euo pipefail

pg_major() {
	if command -v pg_config >/dev/null 2>&1 && pg_config --version >/dev/null 2>&1; then
		pg_config --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/'
	else
		# no server yet: the major the distribution's "postgresql" package
		# brings.  apt-cache fails on a machine whose package lists are empty
		# (a new cloud image, a container, debootstrap): the caller updates the
		# lists first, and a failure here only means "unknown".
		{ apt-cache depends postgresql 2>/dev/null || true; } |
			sed -nE 's/.*Depends: postgresql-([0-9]+)$/\1/p' | head -n1
	fi
}

apt_install() {
	local runner=()
	[ "$(id -u)" = 0 ] || runner=(sudo)
	"${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

missing() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
	done
}

updated=no
update_once() {
	if [ $updated = no ]; then
		if [ "$(id -u)" = 0 ]; then apt-get update -q; else sudo apt-get update -q; fi
		updated=yes
	fi
}

# Without pg_config the major comes from the package lists, which may be
# empty on a fresh machine: update them before asking.
if ! command -v pg_config >/dev/null 2>&1; then
	update_once
fi
major=$(pg_major)
if [ -z "$major" ]; then
	update_once
	major=$(pg_major)
fi
if [ -z "$major" ]; then
	echo "deps: cannot tell which PostgreSQL major to install" >&2
	exit 1
fi

want=(make gcc postgresql-common "postgresql-$major" "postgresql-server-dev-$major"
	  "postgresql-$major-pgtap" libtap-parser-sourcehandler-pgtap-perl)
need=$(missing "${want[@]}")
if [ -n "$need" ]; then
	update_once
	# shellcheck disable=SC2086
	apt_install $need
fi
