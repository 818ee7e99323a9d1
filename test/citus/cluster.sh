#!/usr/bin/env bash
# test/citus/cluster.sh COMMAND...: run COMMAND against a throwaway Citus
# cluster: a coordinator and two workers, three clusters like test/pgenv.sh's,
# each with shared_preload_libraries = citus, listening on 127.0.0.1 only on
# free ports, trusting local connections.  All three are stopped and removed
# when COMMAND ends, whatever happens.  In database "htx" of each node, citus
# and htx are created; the coordinator knows the workers (citus_add_node).
# COMMAND sees CITUS_COORD, CITUS_W1, CITUS_W2 (ports), PGHOST=127.0.0.1,
# PGUSER=postgres and CITUS_TMP (logs); its exit code is ours.
set -euo pipefail

bindir=$(pg_config --bindir)
if [ ! -f "$(pg_config --pkglibdir)/citus.so" ] || [ ! -f "$(pg_config --sharedir)/extension/citus.control" ]; then
	cat >&2 <<EOF
make citus: Citus is not installed for $(pg_config --version) ($(pg_config --pkglibdir)/citus.so is missing).
Citus is not in Debian's archive: build it from source, see docs/scaling.md ("Getting Citus"):
  git clone https://github.com/citusdata/citus && cd citus && git checkout v13.2.2
  (on PostgreSQL 15.20 and later: drop the static have_createdb_privilege() from
   src/include/pg_version_compat.h and #include "commands/dbcommands.h" instead)
  ./configure && make -j2 && sudo make install
EOF
	exit 2
fi

tmp=$(mktemp -d /tmp/htx-citus.XXXXXX)
as_owner=()
if [ "$(id -u)" = 0 ]; then
	chown postgres: "$tmp"
	as_owner=(runuser -u postgres --)
fi
nodes=(coord w1 w2)

cleanup() {
	for n in "${nodes[@]}"; do
		[ -d "$tmp/$n" ] && "${as_owner[@]}" "$bindir/pg_ctl" -D "$tmp/$n" -m immediate stop >/dev/null 2>&1 || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# three free TCP ports on loopback
read -r p_coord p_w1 p_w2 < <(python3 -c '
import socket
ss = [socket.socket() for _ in range(3)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])')
declare -A port=([coord]=$p_coord [w1]=$p_w1 [w2]=$p_w2)

export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset PGSERVICE PGSERVICEFILE PGOPTIONS PGPASSWORD PGHOSTADDR PGDATABASE
for n in "${nodes[@]}"; do
	"${as_owner[@]}" "$bindir/initdb" -D "$tmp/$n" -U postgres -A trust \
		--encoding=UTF8 --locale=C.UTF-8 >"$tmp/$n-initdb.log" 2>&1 ||
		{ cat "$tmp/$n-initdb.log" >&2; exit 1; }
	"${as_owner[@]}" "$bindir/pg_ctl" -D "$tmp/$n" -l "$tmp/$n.log" -w -o "-c listen_addresses=127.0.0.1 \
		-p ${port[$n]} -k $tmp -c shared_preload_libraries=citus -c max_connections=100 \
		-c citus.enable_statistics_collection=off -c max_worker_processes=16" start >/dev/null ||
		{ cat "$tmp/$n.log" >&2; exit 1; }
done

export PGHOST=127.0.0.1 PGUSER=postgres CITUS_TMP=$tmp
export CITUS_COORD=$p_coord CITUS_W1=$p_w1 CITUS_W2=$p_w2
for n in "${nodes[@]}"; do
	psql -X -q -v ON_ERROR_STOP=1 -p "${port[$n]}" -d postgres -c 'CREATE DATABASE htx' \
		-c '\c htx' -c 'CREATE EXTENSION citus' -c 'CREATE EXTENSION htx' >/dev/null
done
psql -X -q -v ON_ERROR_STOP=1 -p "$p_coord" -d htx \
	-c "SELECT citus_set_coordinator_host('127.0.0.1', $p_coord)" \
	-c "SELECT citus_add_node('127.0.0.1', $p_w1)" \
	-c "SELECT citus_add_node('127.0.0.1', $p_w2)" >/dev/null

status=0
"$@" || status=$?
exit $status
