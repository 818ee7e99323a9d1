#!/usr/bin/env bash
# make demo: a throwaway cluster, the extension, sample values.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash test/pgenv.sh psql -X -q -v ON_ERROR_STOP=1 -f test/demo.sql
