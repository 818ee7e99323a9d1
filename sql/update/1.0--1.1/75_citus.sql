-- ---------------------------------------------------------------------------
-- The warehouse on Citus (issue 11)
-- ---------------------------------------------------------------------------
--
-- htx_distribute_warehouse() turns the DBA's warehouse into a Citus one in a
-- single call on a coordinator: the dimension tables it references and the
-- tables its views read become reference tables (a copy on every node), the
-- cooperatives and their years are distributed and co-located by
-- cooperative_id, so the report views aggregate on the workers.
--
-- Every rule of the warehouse keeps holding, with what Citus supports (no
-- triggers on distributed tables; a UNIQUE must contain the distribution
-- column; no ON UPDATE CASCADE through it):
--   - sector names: the trigger that translates names into codes cannot
--     stay.  It is replaced by a CHECK (htx_is_sector_code, immutable: it
--     looks at the form only) that refuses a name with a hint to translate it
--     with htx_sector_code() in the load; the foreign key to htx_sector (now a
--     reference table) still refuses unknown codes.
--   - unknown districts: the foreign key to htx_district, a reference table.
--   - cooperative_id, (cooperative_id, year): primary keys containing the
--     distribution column, unchanged.
--   - registration_code unique across the province: a reference table
--     htx_cooperative_registration (registration_code PRIMARY KEY,
--     cooperative_id) and a foreign key from htx_cooperative to it on the
--     pair, so two cooperatives cannot hold one code.  Loads register codes
--     first (docs/scaling.md).
--   - ON UPDATE CASCADE on cooperative_id: Citus refuses it, and refuses to
--     change a distribution column anyway; the foreign key stays, NO ACTION.
-- On one server nothing of this applies: the trigger keeps translating names.
--
-- Citus functions are called through EXECUTE: htx neither needs nor requires
-- Citus; they live in pg_catalog.

-- The sector code of a code or a name, as the single-server trigger reads
-- names: for loads into a distributed warehouse.
CREATE FUNCTION @extschema@.htx_sector_code(sector pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	found text;
BEGIN
	IF sector IS NULL THEN
		RETURN NULL;
	END IF;
	-- the same reading as the trigger and the loader: htx_sector_resolve
	found := htx_sector_resolve(sector);
	IF found IS NULL THEN
		RAISE EXCEPTION 'unknown cooperative sector "%"', htx_excerpt(sector)
			USING ERRCODE = 'foreign_key_violation',
				  HINT = htx_sector_hint();
	END IF;
	RETURN found;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_sector_code(pg_catalog.text) IS
'the htx_sector code of a sector written as a code or as a Vietnamese or English name (any case, with or without diacritics), as the single-server trigger reads it; an unknown sector is an error listing the accepted ones; for loads into a distributed warehouse (htx_distribute_warehouse)';

-- The CHECK that stands in for the trigger on a distributed htx_cooperative.
-- Immutable, so it looks at the form only; the foreign key checks the code.
CREATE FUNCTION @extschema@.htx_is_sector_code(sector pg_catalog.text)
RETURNS pg_catalog.bool
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
BEGIN
	IF sector IS NULL OR sector OPERATOR(pg_catalog.~) '^[a-z][a-z_]*$' THEN
		RETURN true;
	END IF;
	RAISE EXCEPTION 'sector "%" is a name, not a sector code', htx_excerpt(sector)
		USING ERRCODE = 'check_violation',
			  DETAIL = 'This warehouse is distributed (Citus): names are not translated on load.',
			  HINT = 'Translate names in the load with htx_sector_code(), e.g. INSERT INTO htx_cooperative SELECT ..., htx_sector_code(sector), ... FROM your_staging_table.';
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_is_sector_code(pg_catalog.text) IS
'true for NULL or a value shaped like an htx_sector code (lower-case ASCII and _); otherwise raises check_violation with a hint to translate names with htx_sector_code(); the CHECK htx_cooperative_sector_is_code of a distributed warehouse';

-- The tables to make reference tables: those the warehouse tables reference,
-- those its views (and views on them) read, and every table joined to these
-- by a foreign key either way (Citus wants a foreign-key graph of Citus
-- tables), in an order where a referenced table comes first.
CREATE FUNCTION @extschema@.htx_warehouse_reference_tables()
RETURNS TABLE (table_name pg_catalog.regclass, level pg_catalog.int4)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
WITH RECURSIVE
ext AS (
	SELECT n.nspname AS s FROM pg_catalog.pg_extension e
	JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace
	WHERE e.extname OPERATOR(pg_catalog.=) 'htx'
),
facts AS (
	SELECT pg_catalog.to_regclass(pg_catalog.format('%I.%I', ext.s, t.relname))::pg_catalog.oid AS oid
	FROM ext, (VALUES ('htx_cooperative'), ('htx_cooperative_year')) AS t(relname)
),
views AS (
	-- views on the fact tables, and views on those
	SELECT DISTINCT rw.ev_class AS oid
	FROM pg_catalog.pg_depend d
	JOIN pg_catalog.pg_rewrite rw ON rw.oid OPERATOR(pg_catalog.=) d.objid
	WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
	  AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
	  AND d.refobjid IN (SELECT facts.oid FROM facts)
	UNION
	SELECT rw.ev_class
	FROM views v
	JOIN pg_catalog.pg_depend d ON d.refobjid OPERATOR(pg_catalog.=) v.oid
		AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
		AND d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
	JOIN pg_catalog.pg_rewrite rw ON rw.oid OPERATOR(pg_catalog.=) d.objid
	WHERE rw.ev_class OPERATOR(pg_catalog.<>) v.oid
),
seed AS (
	SELECT c.confrelid AS oid FROM pg_catalog.pg_constraint c
	WHERE c.contype OPERATOR(pg_catalog.=) 'f' AND c.conrelid IN (SELECT facts.oid FROM facts)
	UNION
	SELECT d.refobjid FROM pg_catalog.pg_depend d
	JOIN pg_catalog.pg_rewrite rw ON rw.oid OPERATOR(pg_catalog.=) d.objid
	JOIN pg_catalog.pg_class r ON r.oid OPERATOR(pg_catalog.=) d.refobjid
	WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
	  AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
	  AND rw.ev_class IN (SELECT views.oid FROM views)
	  AND r.relkind IN ('r', 'p')
),
graph AS (
	-- foreign keys either way, the fact tables left out
	SELECT seed.oid FROM seed WHERE seed.oid NOT IN (SELECT facts.oid FROM facts)
	UNION
	SELECT CASE WHEN c.conrelid OPERATOR(pg_catalog.=) g.oid THEN c.confrelid ELSE c.conrelid END
	FROM graph g
	JOIN pg_catalog.pg_constraint c ON c.contype OPERATOR(pg_catalog.=) 'f'
		AND (c.conrelid OPERATOR(pg_catalog.=) g.oid OR c.confrelid OPERATOR(pg_catalog.=) g.oid)
	WHERE CASE WHEN c.conrelid OPERATOR(pg_catalog.=) g.oid THEN c.confrelid ELSE c.conrelid END
		NOT IN (SELECT facts.oid FROM facts)
),
depth AS (
	-- level: the length of the longest chain of references below a table
	SELECT g.oid, 0 AS level FROM graph g
	UNION ALL
	SELECT c.conrelid, depth.level OPERATOR(pg_catalog.+) 1
	FROM depth JOIN pg_catalog.pg_constraint c ON c.contype OPERATOR(pg_catalog.=) 'f'
		AND c.confrelid OPERATOR(pg_catalog.=) depth.oid AND c.conrelid OPERATOR(pg_catalog.<>) depth.oid
	WHERE c.conrelid IN (SELECT graph.oid FROM graph) AND depth.level OPERATOR(pg_catalog.<) 20
)
SELECT x.oid::pg_catalog.regclass, x.level
FROM (SELECT depth.oid, pg_catalog.max(depth.level)::pg_catalog.int4 AS level FROM depth GROUP BY depth.oid) AS x
ORDER BY x.level, x.oid::pg_catalog.regclass::pg_catalog.text
$fn$;
COMMENT ON FUNCTION @extschema@.htx_warehouse_reference_tables() IS
'the tables htx_distribute_warehouse() makes Citus reference tables: those htx_cooperative and htx_cooperative_year reference, those the views over them read, and every table joined to these by a foreign key; level orders them (referenced tables first)';

CREATE FUNCTION @extschema@.htx_distribute_warehouse(shard_count pg_catalog.int4 DEFAULT NULL)
RETURNS TABLE (table_name pg_catalog.regclass, citus_table_type pg_catalog.text)
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	s name;
	coop regclass;
	cy regclass;
	reg regclass;
	workers bigint;
	t regclass;
	r record;
	trigs name[];
	tname name;
	fk_rel regclass[];
	fk_name name[];
	fk_def text[];
	i int;
	refs regclass[];
BEGIN
	SELECT n.nspname INTO s
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'htx';

	-- what must be true first, each with what to do about it
	IF NOT EXISTS (SELECT 1 FROM pg_extension e WHERE e.extname = 'citus') THEN
		RAISE EXCEPTION 'Citus is not installed in database %', current_database()
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'htx_distribute_warehouse() distributes the warehouse over a Citus cluster; on one server the warehouse needs nothing more.',
				  HINT = 'Build and install Citus (docs/scaling.md), add citus to shared_preload_libraries, then CREATE EXTENSION citus on the coordinator and every worker, and call citus_add_node() for each worker.';
	END IF;
	IF NOT pg_catalog.citus_is_coordinator() THEN
		RAISE EXCEPTION 'this node is not a Citus coordinator'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'Tables are distributed from the coordinator; this database is a worker or has no coordinator in its metadata.',
				  HINT = 'Connect to the coordinator and call htx_distribute_warehouse() there. A new cluster: SELECT citus_set_coordinator_host(''<host>'', <port>) on the coordinator first.';
	END IF;
	EXECUTE 'SELECT pg_catalog.count(*) FROM pg_catalog.pg_dist_node WHERE groupid OPERATOR(pg_catalog.<>) 0 AND noderole OPERATOR(pg_catalog.=) ''primary'' AND isactive'
		INTO workers;
	IF workers = 0 THEN
		RAISE EXCEPTION 'the Citus coordinator has no worker nodes'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Add the workers first: SELECT citus_add_node(''<host>'', <port>) for each.';
	END IF;
	coop := to_regclass(format('%I.htx_cooperative', s));
	cy := to_regclass(format('%I.htx_cooperative_year', s));
	IF coop IS NULL OR cy IS NULL THEN
		RAISE EXCEPTION 'there is no warehouse in schema % to distribute', s
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Create it with htx_create_warehouse() (then load it, before or after distributing).';
	END IF;
	IF EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = coop) THEN
		RAISE EXCEPTION 'the warehouse in schema % is distributed already', s
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'SELECT * FROM citus_tables shows how.';
	END IF;

	-- Citus creates the shards of tables joined by foreign keys over one
	-- connection per node when they are made in one transaction
	PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);

	-- the rules that Citus cannot keep as they are
	EXECUTE format('DROP TRIGGER IF EXISTS htx_cooperative_sector_normalize ON %s', coop);
	EXECUTE format('ALTER TABLE %s ADD CONSTRAINT htx_cooperative_sector_is_code CHECK (%I.htx_is_sector_code(sector))', coop, s);
	EXECUTE format($ddl$
CREATE TABLE %1$I.htx_cooperative_registration (
	registration_code pg_catalog.text PRIMARY KEY,
	cooperative_id pg_catalog.int4 NOT NULL,
	CONSTRAINT htx_cooperative_registration_pair UNIQUE (registration_code, cooperative_id)
);
COMMENT ON TABLE %1$I.htx_cooperative_registration IS
'registration codes of a distributed warehouse, one row each: the cooperative holding it (a Citus reference table; htx_cooperative refers to it, so a code is unique across the province)';
COMMENT ON COLUMN %1$I.htx_cooperative_registration.registration_code IS 'registration code (mã số HTX / mã số thuế)';
COMMENT ON COLUMN %1$I.htx_cooperative_registration.cooperative_id IS 'the cooperative that holds it';
INSERT INTO %1$I.htx_cooperative_registration (registration_code, cooperative_id)
SELECT c.registration_code, c.cooperative_id FROM %1$I.htx_cooperative c WHERE c.registration_code IS NOT NULL;
$ddl$, s);
	reg := to_regclass(format('%I.htx_cooperative_registration', s));
	EXECUTE format('ALTER TABLE %s DROP CONSTRAINT htx_cooperative_registration_code_unique', coop);

	-- Foreign keys.  Citus accepts a key between two Citus tables, and
	-- converts a local table joined by a key to a Citus table into a "Citus
	-- local table"; that conversion creates the table again on the workers,
	-- where htx made its own tables already ("relation htx_target already
	-- exists"), so every key among these tables is dropped here and put back
	-- when both ends can take it:
	--   - between two of htx's reference tables: just before the referencing
	--     table becomes a reference table, with DDL propagation off.  The key
	--     is then in the coordinator's catalogue (Citus's foreign-key graph,
	--     which orders and cascades changes to reference tables), and
	--     create_reference_table puts it on every copy of the shards, from
	--     shard to shard.  The workers' own htx tables, Citus's shell tables
	--     for tables an extension owns, have had it since CREATE EXTENSION.
	--     Propagated, the key would be added there a second time ("constraint
	--     ... already exists").
	--   - from the fact tables: once they are distributed, propagated as
	--     usual (to the shards and to the workers' shell tables), without
	--     ON UPDATE CASCADE through the distribution column.
	-- the reference tables, in order, while the keys that find them are there
	SELECT array_agg(w.table_name ORDER BY w.level, w.table_name::text) INTO refs
	FROM htx_warehouse_reference_tables() w;
	SELECT array_agg(c.conrelid::regclass ORDER BY c.conrelid, c.conname),
		array_agg(c.conname ORDER BY c.conrelid, c.conname),
		array_agg(pg_catalog.pg_get_constraintdef(c.oid) ORDER BY c.conrelid, c.conname)
	INTO fk_rel, fk_name, fk_def
	FROM pg_catalog.pg_constraint c
	WHERE c.contype = 'f'
	  AND (c.conrelid = ANY (refs) OR c.conrelid IN (coop, cy));
	FOR i IN 1 .. COALESCE(array_length(fk_rel, 1), 0) LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk_rel[i], fk_name[i]);
	END LOOP;

	-- dimensions: reference tables, referenced ones first.  Their only
	-- triggers are htx_shipped_rows (they refuse changes to shipped rows): row
	-- by row, reading nothing else, so they run as they are on every copy;
	-- Citus calls triggers on its tables unsafe unless told otherwise.  They
	-- would also refuse Citus's copy of the shipped rows into the shards, so
	-- they are disabled for the copy (the shards get them disabled too) and
	-- enabled again after it, on the table and every shard.
	PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
	FOR r IN SELECT u.table_name FROM pg_catalog.unnest(refs) WITH ORDINALITY AS u(table_name, n) ORDER BY u.n LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = r.table_name) THEN
			-- its keys, to tables that are reference tables by now
			PERFORM set_config('citus.enable_ddl_propagation', 'off', true);
			FOR i IN 1 .. COALESCE(array_length(fk_rel, 1), 0) LOOP
				IF fk_rel[i] = r.table_name THEN
					EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk_rel[i], fk_name[i], fk_def[i]);
				END IF;
			END LOOP;
			PERFORM set_config('citus.enable_ddl_propagation', 'on', true);
			SELECT array_agg(tg.tgname ORDER BY tg.tgname) INTO trigs FROM pg_catalog.pg_trigger tg
			WHERE tg.tgrelid = r.table_name AND NOT tg.tgisinternal AND tg.tgenabled <> 'D';
			FOREACH tname IN ARRAY COALESCE(trigs, '{}') LOOP
				EXECUTE format('ALTER TABLE %s DISABLE TRIGGER %I', r.table_name, tname);
			END LOOP;
			EXECUTE 'SELECT pg_catalog.create_reference_table($1)' USING r.table_name;
			FOREACH tname IN ARRAY COALESCE(trigs, '{}') LOOP
				EXECUTE format('ALTER TABLE %s ENABLE TRIGGER %I', r.table_name, tname);
			END LOOP;
		END IF;
		table_name := r.table_name; citus_table_type := 'reference'; RETURN NEXT;
	END LOOP;
	EXECUTE 'SELECT pg_catalog.create_reference_table($1)' USING reg;
	table_name := reg; citus_table_type := 'reference'; RETURN NEXT;

	PERFORM set_config('citus.enable_unsafe_triggers', 'off', true);

	-- facts: distributed by cooperative, co-located
	IF shard_count IS NULL THEN
		EXECUTE 'SELECT pg_catalog.create_distributed_table($1, ''cooperative_id'')' USING coop;
	ELSE
		EXECUTE 'SELECT pg_catalog.create_distributed_table($1, ''cooperative_id'', shard_count => $2)' USING coop, shard_count;
	END IF;
	EXECUTE 'SELECT pg_catalog.create_distributed_table($1, ''cooperative_id'', colocate_with => $2)' USING cy, coop::text;
	table_name := coop; citus_table_type := 'distributed'; RETURN NEXT;
	table_name := cy; citus_table_type := 'distributed'; RETURN NEXT;

	-- their keys back, under their own names, as they were but for ON UPDATE
	-- CASCADE through the distribution column, which Citus refuses (it
	-- refuses to change a distribution column at all)
	FOR i IN 1 .. COALESCE(array_length(fk_rel, 1), 0) LOOP
		IF fk_rel[i] IN (coop, cy) THEN
			EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk_rel[i], fk_name[i],
				CASE WHEN fk_rel[i] = cy THEN replace(fk_def[i], ' ON UPDATE CASCADE', '') ELSE fk_def[i] END);
		END IF;
	END LOOP;
	EXECUTE format('ALTER TABLE %s ADD CONSTRAINT htx_cooperative_registration_known FOREIGN KEY (registration_code, cooperative_id) REFERENCES %s (registration_code, cooperative_id)', coop, reg);

	-- the coordinator's local copies of the rows are now in the shards
	FOREACH t IN ARRAY ARRAY[coop, cy] LOOP
		EXECUTE 'SELECT pg_catalog.truncate_local_data_after_distributing_table($1)' USING t;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.htx_distribute_warehouse(pg_catalog.int4) IS
'on a Citus coordinator with workers: makes the warehouse''s dimension tables (htx_warehouse_reference_tables()) reference tables and distributes htx_cooperative and htx_cooperative_year by cooperative_id, co-located (shard_count: Citus''s default when NULL); replaces what Citus cannot keep by rules it can (sector names: CHECK htx_cooperative_sector_is_code and htx_sector_code() in loads; registration codes: reference table htx_cooperative_registration); returns the tables and their Citus type; refuses with SQLSTATE 55000 and a hint when Citus, the coordinator, the workers or the warehouse is missing';
REVOKE ALL ON FUNCTION @extschema@.htx_distribute_warehouse(pg_catalog.int4) FROM PUBLIC;
