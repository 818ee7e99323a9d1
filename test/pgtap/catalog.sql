-- Catalog-wide rules for every object of the extension: named htx_*,
-- commented, parallel safe, and safe under a hostile search_path.
BEGIN;
SELECT plan(9);

CREATE TEMP VIEW ext_objects AS
SELECT d.classid::regclass AS catalog, d.objid,
       pg_describe_object(d.classid, d.objid, 0) AS description
FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
WHERE e.extname = 'htx' AND d.deptype = 'e';

-- 1. names: htx_ prefix, except min/max for htx_rating and operators
SELECT is_empty($$
	SELECT p.oid::regprocedure::text FROM ext_objects o JOIN pg_proc p ON p.oid = o.objid
	WHERE o.catalog = 'pg_proc'::regclass AND p.proname NOT LIKE 'htx\_%' AND p.proname NOT IN ('min', 'max')
	UNION ALL
	SELECT c.relname FROM ext_objects o JOIN pg_class c ON c.oid = o.objid
	WHERE o.catalog = 'pg_class'::regclass AND c.relname NOT LIKE 'htx\_%'
	UNION ALL
	SELECT t.typname FROM ext_objects o JOIN pg_type t ON t.oid = o.objid
	WHERE o.catalog = 'pg_type'::regclass AND t.typname NOT LIKE 'htx\_%'$$,
	'every function, relation and type is named htx_*');

-- 2. comments on every member object (but the array types PostgreSQL makes)
SELECT is_empty($$
	SELECT o.description FROM ext_objects o
	WHERE obj_description(o.objid, o.catalog::text) IS NULL
	  AND NOT (o.catalog = 'pg_type'::regclass AND EXISTS (
	      SELECT 1 FROM pg_type t WHERE t.oid = o.objid AND (t.typelem <> 0 AND t.typlen = -1 OR t.typtype = 'c' AND t.typrelid <> 0 AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind IN ('r', 'v', 'p')))))$$,
	'every object has a COMMENT');

-- 3. comments on every column of tables, views and composite types
SELECT is_empty($$
	SELECT c.relname || '.' || a.attname FROM ext_objects o
	JOIN pg_class c ON c.oid = o.objid OR (c.reltype IN (SELECT objid FROM ext_objects WHERE catalog = 'pg_type'::regclass) AND c.relkind = 'c')
	JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	WHERE o.catalog IN ('pg_class'::regclass, 'pg_type'::regclass) AND c.relkind IN ('r', 'v', 'p', 'c', 'm')
	  AND col_description(c.oid, a.attnum) IS NULL$$,
	'every column of every table, view and composite type has a COMMENT');

-- 4. parallel safety of functions
SELECT is_empty($$
	SELECT p.oid::regprocedure::text FROM ext_objects o JOIN pg_proc p ON p.oid = o.objid
	WHERE o.catalog = 'pg_proc'::regclass AND p.proparallel <> 's'
	  AND p.provolatile <> 'v'$$,
	'every non-volatile function and aggregate is PARALLEL SAFE');

-- 5. non-C, non-standard-body functions pin their search_path
SELECT is_empty($$
	SELECT p.oid::regprocedure::text FROM ext_objects o JOIN pg_proc p ON p.oid = o.objid
	JOIN pg_language l ON l.oid = p.prolang
	WHERE o.catalog = 'pg_proc'::regclass AND l.lanname NOT IN ('c', 'internal')
	  AND p.prosqlbody IS NULL AND p.prokind <> 'a'
	  AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%')$$,
	'every SQL or PL/pgSQL function has a standard body or a pinned search_path');

-- 6. every aggregate has a combine function
SELECT is_empty($$
	SELECT a.aggfnoid::regprocedure::text FROM ext_objects o JOIN pg_aggregate a ON a.aggfnoid = o.objid
	WHERE o.catalog = 'pg_proc'::regclass AND a.aggcombinefn = 0$$,
	'every aggregate has a combine function');

-- 7. no aggregate uses an internal state
SELECT is_empty($$
	SELECT a.aggfnoid::regprocedure::text FROM ext_objects o JOIN pg_aggregate a ON a.aggfnoid = o.objid
	WHERE o.catalog = 'pg_proc'::regclass AND a.aggtranstype = 'internal'::regtype$$,
	'no aggregate has an internal transition state');

-- 8. the extension is not relocatable and has a readable comment
SELECT ok((SELECT NOT extrelocatable FROM pg_extension WHERE extname = 'htx'), 'htx is not relocatable');
SELECT matches(obj_description((SELECT oid FROM pg_extension WHERE extname = 'htx'), 'pg_extension'),
	'cooperative', 'the extension has a description');

SELECT * FROM finish();
ROLLBACK;
