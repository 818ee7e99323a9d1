# htx: PostgreSQL extension for agricultural cooperative analytics.
#
#   make demo    install what is missing, build, run the demo on a throwaway cluster
#   make test    install what is missing, build, install, run every test suite
#   make bench   benchmarks (not tests): ratios against plain SQL, then the
#                warehouse views at national scale (make bench-views alone)
#   make fuzz    fuzz the htx_rating text parser with libFuzzer (FUZZ_SECONDS)
#   make sqlsmith random queries from SQLsmith against htx objects (SQLSMITH_SECONDS)
#   make valgrind the pg_regress suite with the server under valgrind memcheck
#   make deb     the Debian package postgresql-N-htx in build/deb (lintian-checked)
#   make citus   the warehouse on a throwaway Citus cluster against one server (needs Citus)

EXTENSION   = htx
MODULE_big  = htx
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
# Releases: sql/release/htx--1.0.sql is 1.0 exactly as released and never
# changes.  Every later change is an update script, built from its pieces in
# sql/update/FROM--TO/ (in name order).  There is no full script for later
# versions: CREATE EXTENSION htx runs 1.0 and then the updates, as contrib
# modules do, so a fresh install and an upgraded one run the same code.
DATA        = sql/release/htx--1.0.sql
DATA_built  = htx--1.0--1.1.sql
DOCS        =
EXTRA_CLEAN = $(DATA_built) test/fuzz/fuzz_rating $(DATA_PIECES)

# pg_regress: every sql/NAME.sql with expected/NAME.out
REGRESS      = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --outputdir=. --encoding=UTF8

PG_CPPFLAGS = -I$(srcdir)/src
PG_CFLAGS   = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Werror=vla
# make test builds with HTX_WERROR=1: a warning fails the build there
ifeq ($(HTX_WERROR),1)
PG_CFLAGS  += -Werror
endif

PG_CONFIG ?= pg_config
# Without pg_config (a fresh machine), PGXS is empty: only the targets below
# that install dependencies first can run.
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(PGXS),)
include $(PGXS)
endif

# Pieces written from the data files in sql/data (the CSV is the source: a
# piece cannot drift from it), in load order, by sql/data/csv2sql.
TERRITORY_CSV = sql/data/htx_province.csv sql/data/htx_district_other.csv \
	sql/data/htx_commune.csv sql/data/htx_commune_succession.csv
DATA_PIECES = sql/update/1.0--1.1/48_territory_data.sql
htx--1.0--1.1.sql: $(sort $(wildcard sql/update/1.0--1.1/*.sql) $(DATA_PIECES))
	cat $^ > $@

sql/update/1.0--1.1/48_territory_data.sql: Makefile sql/data/csv2sql $(TERRITORY_CSV)
	{ echo '-- Territory rows (issue 9): written by make from sql/data with csv2sql; edit the CSV files'; \
	  for f in $(TERRITORY_CSV); do perl sql/data/csv2sql $$f || exit 1; done; } > $@.tmp
	mv $@.tmp $@

.PHONY: deps test demo bench bench-views fuzz sqlsmith valgrind deb citus

deps:
	bash test/deps.sh

test: deps
	$(MAKE) all HTX_WERROR=1
	bash test/sudo.sh $(MAKE) install
	bash test/run.sh

demo: deps
	$(MAKE) all
	bash test/sudo.sh $(MAKE) install
	bash test/demo.sh

bench: deps
	$(MAKE) all
	bash test/sudo.sh $(MAKE) install
	bash test/bench/run.sh
	bash test/bench/views.sh

bench-views: deps
	$(MAKE) all
	bash test/sudo.sh $(MAKE) install
	bash test/bench/views.sh

FUZZ_SECONDS ?= 60
fuzz:
	bash test/fuzz/run.sh $(FUZZ_SECONDS)

SQLSMITH_SECONDS ?= 300
sqlsmith: deps
	$(MAKE) all
	bash test/sudo.sh $(MAKE) install
	bash test/sqlsmith/run.sh $(SQLSMITH_SECONDS)

valgrind: deps
	$(MAKE) all
	bash test/sudo.sh $(MAKE) install
	bash test/valgrind/run.sh

deb:
	bash test/deb.sh

# Not part of make test: needs an installed Citus (cluster.sh says how to get one)
citus: deps
	$(MAKE) all
	bash test/sudo.sh $(MAKE) install
	bash test/citus/run.sh
