-- ---------------------------------------------------------------------------
-- What a sweep of every function with bad input found (issue 13)
-- ---------------------------------------------------------------------------
--
-- test/tap/sweep.sh calls every function of the extension with NULLs, empty
-- and 1 MB strings, invalid UTF-8, extreme numbers and malformed binary
-- input (docs/robustness.md).  This piece fixes what it found that is not
-- fixed where the function is defined in 1.1 (htx_grant_reader and
-- htx_revoke_reader in 70_access.sql, htx_rating_from_score in
-- 20_shipped_rows.sql, htx_cooperative_sector_normalize in 30_security.sql,
-- htx_warehouse_view_sql and htx_replace_warehouse_view in 50_warehouse.sql;
-- their plpgsql bodies find htx_excerpt, defined below, when they run).

-- Error messages quote a bounded prefix of a bad value -----------------------
-- A 1 MB bad argument made a 1 MB message, and as much in the server log.
-- The C input functions clip at the same length (src/excerpt.c).

-- htx_excerpt, which quotes bad values in messages, is defined in 45_plan_tools.sql.

CREATE OR REPLACE FUNCTION @extschema@.htx_task_check_links()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		IF NEW.parent_code IS NOT NULL
		   AND NOT EXISTS (SELECT 1 FROM htx_task t WHERE t.task_code = NEW.parent_code) THEN
			RAISE EXCEPTION 'parent task "%" of task "%" does not exist', htx_excerpt(NEW.parent_code), htx_excerpt(NEW.task_code)
				USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'htx_task_links';
		END IF;
		IF NEW.related_task_code IS NOT NULL
		   AND NOT EXISTS (SELECT 1 FROM htx_task t WHERE t.task_code = NEW.related_task_code) THEN
			RAISE EXCEPTION 'related task "%" of task "%" does not exist', htx_excerpt(NEW.related_task_code), htx_excerpt(NEW.task_code)
				USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'htx_task_links';
		END IF;
	END IF;
	IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.task_code <> OLD.task_code) THEN
		IF EXISTS (SELECT 1 FROM htx_task t
		           WHERE t.parent_code = OLD.task_code OR t.related_task_code = OLD.task_code) THEN
			RAISE EXCEPTION 'task "%" is still the parent or related task of another task', htx_excerpt(OLD.task_code)
				USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'htx_task_links',
					  HINT = 'Change or remove those tasks first.';
		END IF;
	END IF;
	RETURN NULL;
END
$fn$;

-- The sample helpers: a documented domain, refused outside it ----------------
-- htx_sample_mix mixes 32-bit values held in bigint: in 1.0 -1 mixed like 0
-- and -2 like 1, and from 2^32 on the product overflowed (22003 from
-- inside).  htx_sample_normal adds 1000, 2000 and 3000 to its last
-- argument, which overflowed int4 from 2147480648 on.  Both now refuse such
-- arguments with 22023.  htx_sample_hash and htx_sample_uniform take any
-- integers (their 32-bit patterns).  A CASE in the SQL functions made
-- htx_generate_sample 2 to 9 times slower, so the four are C now
-- (src/sample.c), computing exactly what the SQL computed: the same seed
-- gives the same sample.

CREATE OR REPLACE FUNCTION @extschema@.htx_sample_mix(x pg_catalog.int8)
RETURNS pg_catalog.int8
AS 'MODULE_PATHNAME', 'htx_sample_mix'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_sample_mix(pg_catalog.int8) IS
'one round of the 32-bit integer mixer behind htx_sample_hash: ((x >> 16) xor x) * 0x45d9f3b mod 2^32, for x in 0 .. 4294967295 (2^32-1); other x raise 22023';

CREATE OR REPLACE FUNCTION @extschema@.htx_sample_hash(seed pg_catalog.int4, a pg_catalog.int4, b pg_catalog.int4, c pg_catalog.int4)
RETURNS pg_catalog.int8
AS 'MODULE_PATHNAME', 'htx_sample_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_sample_hash(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
'deterministic hash of (seed, a, b, c) to 0 .. 2^32-1, the same on every machine: two rounds of htx_sample_mix per argument; any integers, negative ones by their 32-bit pattern (-1 as 4294967295); drives htx_generate_sample';

CREATE OR REPLACE FUNCTION @extschema@.htx_sample_uniform(seed pg_catalog.int4, a pg_catalog.int4, b pg_catalog.int4, c pg_catalog.int4)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'htx_sample_uniform'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_sample_uniform(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
'deterministic uniform number in [0, 1) from (seed, a, b, c), exact in float8: htx_sample_hash / 2^32, for any integers';

CREATE OR REPLACE FUNCTION @extschema@.htx_sample_normal(seed pg_catalog.int4, a pg_catalog.int4, b pg_catalog.int4, c pg_catalog.int4)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'htx_sample_normal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.htx_sample_normal(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
'deterministic, roughly standard normal number from (seed, a, b, c): the uniforms of c, c+1000, c+2000 and c+3000 summed, centred and scaled (range -3.46 .. 3.46); c at most 2147480647, larger c raise 22023';

-- htx_data_quality names rows of future years (50_warehouse.sql) ------------
-- A row for a year after the current one was only reported as a district
-- that no longer existed (and every cooperative then lacked every year up to
-- it).  An existing warehouse view gets the new definition here.
SELECT @extschema@.htx_replace_warehouse_view('htx_data_quality');
