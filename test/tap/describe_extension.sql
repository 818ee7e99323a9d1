-- test/tap/describe_extension.sql: every object of the htx extension and of
-- its warehouse, described by definition rather than by oid, one line each,
-- in a stable order.  The upgrade test diffs this between a database
-- upgraded from 1.0 and a fresh one: any difference in a function's body or
-- labels, a view's query, a table's columns, constraints, indexes, triggers,
-- comments, grants or shipped rows shows up as a differing line.
\pset format unaligned
\pset tuples_only on
\pset footer off
SET search_path = pg_catalog;

CREATE TEMP VIEW objs AS
	-- the extension's members, and the warehouse objects (the DBA's since 1.1)
	SELECT d.classid, d.objid, 'member' AS how
	FROM pg_depend d
	WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'htx')
	UNION ALL
	SELECT 'pg_class'::regclass, c.oid, 'warehouse'
	FROM pg_class c
	WHERE c.relnamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'htx')
	  AND c.relname IN ('htx_cooperative', 'htx_cooperative_year', 'htx_district_year_report',
		'htx_target_progress', 'htx_rating_trend', 'htx_data_quality', 'htx_cooperative_year_located', 'htx_territory_year_report', 'htx_year_summary');

-- the extension itself
SELECT 'extension|' || e.extname || '|' || e.extversion || '|' || e.extrelocatable || '|'
	|| coalesce((SELECT string_agg(c::regclass::text || ' ' || coalesce(w, ''), ', ' ORDER BY c::regclass::text)
		FROM unnest(e.extconfig, e.extcondition) AS x(c, w)), '')
FROM pg_extension e WHERE e.extname = 'htx';

SELECT line FROM (
	-- every object: what it is, how it belongs, its comment
	SELECT pg_describe_object(o.classid, o.objid, 0) || '|' || o.how || '|'
		|| coalesce(obj_description(o.objid, o.classid::regclass::name), '<no comment>') AS line
	FROM objs o
	UNION ALL
	-- functions and aggregates: the whole definition with every label
	SELECT 'def|' || p.oid::regprocedure || '|' || p.prokind::text || '|' || p.provolatile::text || '|' || p.proparallel::text
		|| '|strict=' || p.proisstrict || '|leakproof=' || p.proleakproof || '|secdef=' || p.prosecdef
		|| '|cost=' || p.procost || '|rows=' || p.prorows || '|config=' || coalesce(array_to_string(p.proconfig, ','), '')
		|| '|acl=' || coalesce(p.proacl::text, 'default') || '|owner=' || pg_get_userbyid(p.proowner)
		|| '|' || CASE WHEN p.prokind = 'a' THEN '' ELSE md5(pg_get_functiondef(p.oid)) END
	FROM objs o JOIN pg_proc p ON o.classid = 'pg_proc'::regclass AND p.oid = o.objid
	UNION ALL
	SELECT 'aggregate|' || a.aggfnoid::regprocedure || '|' || a.aggkind::text || '|' || a.aggtransfn::regproc
		|| '|' || a.aggfinalfn::regproc || '|' || a.aggcombinefn::regproc || '|' || a.aggserialfn::regproc
		|| '|' || a.aggdeserialfn::regproc || '|' || a.aggmtransfn::regproc || '|' || a.aggminvtransfn::regproc
		|| '|' || a.aggmfinalfn::regproc || '|' || a.aggsortop::regoperator::text || '|' || a.aggtranstype::regtype
		|| '|' || coalesce(a.agginitval, '<null>') || '|' || a.aggfinalmodify::text || '|' || a.aggmfinalmodify::text
	FROM objs o JOIN pg_aggregate a ON o.classid = 'pg_proc'::regclass AND a.aggfnoid = o.objid
	UNION ALL
	SELECT 'type|' || t.oid::regtype || '|' || t.typtype::text || '|' || t.typlen || '|' || t.typbyval || '|' || t.typalign::text
		|| '|' || t.typstorage::text || '|' || t.typinput::regproc || '|' || t.typoutput::regproc || '|' || t.typreceive::regproc
		|| '|' || t.typsend::regproc || '|' || t.typbasetype::regtype || '|' || t.typnotnull || '|' || t.typcategory::text
		|| '|' || coalesce(pg_get_expr(t.typdefaultbin, 0), '') || '|acl=' || coalesce(t.typacl::text, 'default')
		|| '|' || coalesce((SELECT string_agg(c.conname || ' ' || pg_get_constraintdef(c.oid), '; ' ORDER BY c.conname)
			FROM pg_constraint c WHERE c.contypid = t.oid), '')
	FROM objs o JOIN pg_type t ON o.classid = 'pg_type'::regclass AND t.oid = o.objid
	UNION ALL
	SELECT 'operator|' || op.oid::regoperator || '|' || op.oprcode::regproc || '|' || op.oprcom::regoperator
		|| '|' || op.oprnegate::regoperator || '|' || op.oprrest::regproc || '|' || op.oprjoin::regproc
		|| '|' || op.oprcanhash || '|' || op.oprcanmerge
	FROM objs o JOIN pg_operator op ON o.classid = 'pg_operator'::regclass AND op.oid = o.objid
	UNION ALL
	SELECT 'opfamily|' || pg_describe_object('pg_opfamily'::regclass, f.oid, 0) || '|'
		|| coalesce((SELECT string_agg(ao.amopstrategy || ' ' || ao.amopopr::regoperator, ', ' ORDER BY ao.amopstrategy, ao.amopopr::regoperator::text)
			FROM pg_amop ao WHERE ao.amopfamily = f.oid), '') || '|'
		|| coalesce((SELECT string_agg(ap.amprocnum || ' ' || ap.amproc::regprocedure, ', ' ORDER BY ap.amprocnum, ap.amproc::regprocedure::text)
			FROM pg_amproc ap WHERE ap.amprocfamily = f.oid), '')
	FROM objs o JOIN pg_opfamily f ON o.classid = 'pg_opfamily'::regclass AND f.oid = o.objid
	UNION ALL
	SELECT 'cast|' || c.castsource::regtype || '->' || c.casttarget::regtype || '|' || c.castfunc::regprocedure
		|| '|' || c.castcontext::text || '|' || c.castmethod::text
	FROM objs o JOIN pg_cast c ON o.classid = 'pg_cast'::regclass AND c.oid = o.objid
	UNION ALL
	SELECT 'event trigger|' || et.evtname || '|' || et.evtevent || '|' || et.evtfoid::regproc || '|'
		|| et.evtenabled::text || '|' || coalesce(array_to_string(et.evttags, ','), '')
	FROM objs o JOIN pg_event_trigger et ON o.classid = 'pg_event_trigger'::regclass AND et.oid = o.objid
	UNION ALL
	-- relations: kind, options, grants, owner, and for views the query
	SELECT 'relation|' || c.oid::regclass || '|' || c.relkind::text || '|' || coalesce(array_to_string(c.reloptions, ','), '')
		|| '|acl=' || coalesce(c.relacl::text, 'default') || '|owner=' || pg_get_userbyid(c.relowner)
		|| '|rls=' || c.relrowsecurity
		|| CASE WHEN c.relkind IN ('v', 'm') THEN '|' || pg_get_viewdef(c.oid) ELSE '' END
	FROM objs o JOIN pg_class c ON o.classid = 'pg_class'::regclass AND c.oid = o.objid
	UNION ALL
	SELECT 'column|' || c.oid::regclass || '.' || a.attname || '|' || a.attnum || '|' || format_type(a.atttypid, a.atttypmod)
		|| '|notnull=' || a.attnotnull || '|default=' || coalesce(pg_get_expr(ad.adbin, ad.adrelid), '')
		|| '|collation=' || a.attcollation::regcollation || '|acl=' || coalesce(a.attacl::text, 'default')
		|| '|' || coalesce(col_description(c.oid, a.attnum), '<no comment>')
	FROM objs o JOIN pg_class c ON o.classid = 'pg_class'::regclass AND c.oid = o.objid
	JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	UNION ALL
	SELECT 'constraint|' || c.oid::regclass || '|' || k.conname || '|' || pg_get_constraintdef(k.oid)
		|| '|' || k.condeferrable || k.condeferred || k.convalidated
		|| '|' || coalesce(obj_description(k.oid, 'pg_constraint'), '<no comment>')
	FROM objs o JOIN pg_class c ON o.classid = 'pg_class'::regclass AND c.oid = o.objid
	JOIN pg_constraint k ON k.conrelid = c.oid
	UNION ALL
	SELECT 'index|' || c.oid::regclass || '|' || pg_get_indexdef(i.indexrelid)
	FROM objs o JOIN pg_class c ON o.classid = 'pg_class'::regclass AND c.oid = o.objid
	JOIN pg_index i ON i.indrelid = c.oid
	UNION ALL
	SELECT 'trigger|' || c.oid::regclass || '|' || pg_get_triggerdef(t.oid) || '|' || t.tgenabled::text
		|| '|' || coalesce(obj_description(t.oid, 'pg_trigger'), '<no comment>')
	FROM objs o JOIN pg_class c ON o.classid = 'pg_class'::regclass AND c.oid = o.objid
	JOIN pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal
) AS x
ORDER BY line COLLATE "C";

-- the rows htx ships, table by table (a province's own rows are compared
-- by the upgrade test itself)
SELECT format('SELECT %L || count(*) || ''|'' || coalesce(md5(string_agg(t::text, ''|'' ORDER BY t::text COLLATE "C")), '''') FROM %s t WHERE t.builtin',
	'shipped rows|' || c.oid::regclass || '|', c.oid::regclass)
FROM objs o
JOIN pg_class c ON o.classid = 'pg_class'::regclass AND c.oid = o.objid AND c.relkind = 'r'
WHERE EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'builtin' AND NOT a.attisdropped)
ORDER BY c.oid::regclass::text COLLATE "C"
\gexec
