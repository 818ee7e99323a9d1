#!/usr/bin/env bash
# test/pgenv.sh COMMAND...: run COMMAND against a throwaway PostgreSQL cluster.
#
# The cluster lives in a fresh temporary directory, listens only on a Unix
# socket there (no TCP port to collide with), trusts local connections, and
# is stopped and removed when COMMAND ends, whatever happens.  Runs as root
# too: the server then runs as the "postgres" user.  Several can run at once.
# COMMAND sees PGHOST, PGPORT, PGUSER and PGDATABASE; its exit code is ours.
set -euo pipefail

bindir=$(pg_config --bindir)
tmp=$(mktemp -d /tmp/htx-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" = 0 ]; then
	chown postgres: "$tmp"
	as_owner=(runuser -u postgres --)
fi

cleanup() {
	"${as_owner[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset PGSERVICE PGSERVICEFILE PGOPTIONS PGPASSWORD PGHOSTADDR
"${as_owner[@]}" "$bindir/initdb" -D "$tmp/data" -U postgres -A trust \
	--encoding=UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 ||
	{ cat "$tmp/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
	-o "-c listen_addresses='' -k $tmp -p 5432 -c max_worker_processes=16 -c max_parallel_workers=8" \
	start >/dev/null ||
	{ cat "$tmp/server.log" >&2; exit 1; }

export PGHOST=$tmp PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
export HTX_PG_LOG=$tmp/server.log
status=0
"$@" || status=$?
exit $status
