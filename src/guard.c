/*
 * guard.c
 *		An event trigger that keeps DROP EXTENSION htx from silently taking
 *		the rows a province added to htx's own tables.
 *
 * A province's cooperatives and yearly rows live in the warehouse tables,
 * which are not members of the extension and depend on its types: PostgreSQL
 * itself refuses DROP EXTENSION htx while they exist.  But a province also
 * adds rows to tables the extension owns (its own agencies, targets,
 * tolerances, schemes, tasks ...); pg_dump keeps them (they are registered
 * with pg_extension_config_dump), DROP EXTENSION would not.  So, before a
 * DROP EXTENSION that names htx without CASCADE, this trigger asks
 * htx_own_rows() and refuses when there are any, naming them.  With CASCADE
 * the user has said what they want: the drop goes ahead, with a warning that
 * names what goes with it.
 *
 * Only the parse tree tells RESTRICT from CASCADE, and only a C event
 * trigger function sees the parse tree.
 */
#include "postgres.h"

#include "commands/event_trigger.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "nodes/parsenodes.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(htx_guard_drop_extension);

/*
 * The province's own rows as one line ("htx_agency: 2 rows, htx_target: 1
 * row"), or NULL when there are none.  Runs htx_own_rows() of the schema htx
 * is installed in, qualified, so the caller's search_path plays no part.
 */
static char *
own_rows_summary(void)
{
	MemoryContext callercxt = CurrentMemoryContext;
	char	   *summary = NULL;
	char	   *schema;
	StringInfoData sql;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	if (SPI_execute("SELECT n.nspname FROM pg_catalog.pg_extension e"
					" JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace"
					" WHERE e.extname OPERATOR(pg_catalog.=) 'htx'", true, 1) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed");
	if (SPI_processed != 1)
	{
		/* not installed: DROP EXTENSION will say so itself */
		SPI_finish();
		return NULL;
	}
	schema = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

	initStringInfo(&sql);		/* in SPI's context: freed by SPI_finish */
	appendStringInfo(&sql,
					 "SELECT pg_catalog.string_agg(pg_catalog.format('%%s: %%s %%s', o.table_name, o.own_rows,"
					 " CASE WHEN o.own_rows OPERATOR(pg_catalog.=) 1 THEN 'row' ELSE 'rows' END),"
					 " ', ' ORDER BY o.table_name::pg_catalog.text) FROM %s.htx_own_rows() o",
					 quote_identifier(schema));
	if (SPI_execute(sql.data, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed");
	if (SPI_processed == 1)
	{
		char	   *s = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

		/* copy out of SPI's memory before SPI_finish frees it */
		if (s != NULL)
			summary = MemoryContextStrdup(callercxt, s);
	}
	SPI_finish();
	return summary;
}

Datum
htx_guard_drop_extension(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;
	DropStmt   *stmt;
	ListCell   *lc;
	bool		names_htx = false;
	char	   *summary;

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_EVENT_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function htx_guard_drop_extension must be called as an event trigger")));

	trigdata = (EventTriggerData *) fcinfo->context;
	if (trigdata->parsetree == NULL || !IsA(trigdata->parsetree, DropStmt))
		PG_RETURN_VOID();
	stmt = (DropStmt *) trigdata->parsetree;
	if (stmt->removeType != OBJECT_EXTENSION)
		PG_RETURN_VOID();

	/* for DROP EXTENSION, each object is a String node holding a name */
	foreach(lc, stmt->objects)
	{
		Node	   *obj = (Node *) lfirst(lc);

		if (IsA(obj, String) && strcmp(strVal(obj), "htx") == 0)
			names_htx = true;
	}
	if (!names_htx || !OidIsValid(get_extension_oid("htx", true)))
		PG_RETURN_VOID();

	summary = own_rows_summary();
	if (summary == NULL)
		PG_RETURN_VOID();

	if (stmt->behavior == DROP_CASCADE)
		ereport(WARNING,
				(errmsg("dropping extension htx drops the rows of the province's own in its tables"),
				 errdetail("%s.", summary)));
	else
		ereport(ERROR,
				(errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
				 errmsg("cannot drop extension htx because its tables hold rows of the province's own"),
				 errdetail("%s.", summary),
				 errhint("Back them up first (pg_dump keeps them). DROP EXTENSION htx CASCADE drops them with the extension.")));

	PG_RETURN_VOID();
}
