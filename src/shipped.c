/*
 * shipped.c
 *		Rows shipped with htx are changed only by htx's own scripts.
 *
 * htx's reference tables hold rows shipped with the extension (builtin =
 * true) beside the rows a province adds (builtin = false).  They are
 * registered with pg_extension_config_dump(table, 'WHERE NOT builtin'):
 * pg_dump writes only the province's rows, since CREATE EXTENSION recreates
 * the shipped ones, and an update script of htx may rewrite them.  So an
 * UPDATE or DELETE of a shipped row, or a row of one's own marked builtin,
 * would be silently lost by pg_dump/pg_restore or undone by an upgrade.
 * htx_shipped_rows_guard() refuses those edits, except while an extension
 * script of the extension that owns the table runs (CREATE EXTENSION and
 * ALTER EXTENSION UPDATE insert and correct the shipped rows).
 *
 * Trigger arguments: the hint that names the way that survives (a row of
 * one's own), then the columns that identify a row in the error detail.
 */
#include "postgres.h"

#include "catalog/dependency.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/rel.h"

/*
 * True while a script of the extension that owns rel runs: CREATE EXTENSION
 * or ALTER EXTENSION UPDATE of htx, not of some other extension.
 */
static bool
in_own_extension_script(Relation rel)
{
	if (!creating_extension)
		return false;
	return getExtensionOfObject(RelationRelationId, RelationGetRelid(rel)) ==
		CurrentExtensionObject;
}

static bool
row_is_builtin(Relation rel, HeapTuple tuple)
{
	TupleDesc	tupdesc = RelationGetDescr(rel);
	int			attnum = SPI_fnumber(tupdesc, "builtin");
	bool		isnull;
	Datum		value;

	if (attnum <= 0 || TupleDescAttr(tupdesc, attnum - 1)->atttypid != BOOLOID)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("htx_shipped_rows_guard: table \"%s\" has no boolean column \"builtin\"",
						RelationGetRelationName(rel))));
	value = SPI_getbinval(tuple, tupdesc, attnum, &isnull);
	return !isnull && DatumGetBool(value);
}

/* "(a, b)=(x, y)" from the trigger's key columns, as unique violations say */
static char *
row_key(Relation rel, Trigger *trigger, HeapTuple tuple)
{
	TupleDesc	tupdesc = RelationGetDescr(rel);
	StringInfoData names;
	StringInfoData values;
	int			i;

	initStringInfo(&names);
	initStringInfo(&values);
	for (i = 1; i < trigger->tgnargs; i++)
	{
		int			attnum = SPI_fnumber(tupdesc, trigger->tgargs[i]);
		char	   *value;

		if (attnum <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					 errmsg("htx_shipped_rows_guard: table \"%s\" has no column \"%s\"",
							RelationGetRelationName(rel), trigger->tgargs[i])));
		value = SPI_getvalue(tuple, tupdesc, attnum);
		appendStringInfo(&names, "%s%s", i > 1 ? ", " : "", trigger->tgargs[i]);
		appendStringInfo(&values, "%s%s", i > 1 ? ", " : "", value ? value : "null");
	}
	if (names.len == 0)
		return pstrdup("");
	return psprintf("(%s)=(%s)", names.data, values.data);
}

/*
 * htx_shipped_rows_guard() returns trigger
 *
 * BEFORE INSERT OR UPDATE OR DELETE FOR EACH ROW, and BEFORE TRUNCATE FOR
 * EACH STATEMENT, on a table with a boolean column builtin.
 */
PG_FUNCTION_INFO_V1(htx_shipped_rows_guard);
Datum
htx_shipped_rows_guard(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TriggerEvent event;
	Relation	rel;
	Trigger    *trigger;
	const char *hint;
	const char *table;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("htx_shipped_rows_guard: not called by trigger manager")));

	event = trigdata->tg_event;
	rel = trigdata->tg_relation;
	trigger = trigdata->tg_trigger;
	table = RelationGetRelationName(rel);
	hint = trigger->tgnargs > 0 ? trigger->tgargs[0] : "Add rows of your own (builtin = false).";

	if (!TRIGGER_FIRED_BEFORE(event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("htx_shipped_rows_guard: must be fired BEFORE")));

	if (TRIGGER_FIRED_BY_TRUNCATE(event))
	{
		if (!in_own_extension_script(rel))
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("cannot truncate table \"%s\": it holds rows shipped with htx", table),
					 errdetail("Rows with builtin = true come with the extension: pg_dump leaves them out and CREATE EXTENSION recreates them, so removed ones would come back on restore."),
					 errhint("To remove the rows you added, use DELETE FROM %s WHERE NOT builtin.",
							 quote_identifier(table)),
					 errtable(rel)));
		return PointerGetDatum(NULL);
	}

	if (!TRIGGER_FIRED_FOR_ROW(event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("htx_shipped_rows_guard: must be fired FOR EACH ROW on INSERT, UPDATE or DELETE")));

	if (TRIGGER_FIRED_BY_INSERT(event))
	{
		if (row_is_builtin(rel, trigdata->tg_trigtuple) && !in_own_extension_script(rel))
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("cannot add a row with builtin = true to table \"%s\"", table),
					 errdetail("builtin = true marks the rows shipped with htx, which pg_dump leaves out: a row of yours marked so would be lost on restore."),
					 errhint("Leave builtin false (the default) in rows of your own."),
					 errtable(rel)));
		return PointerGetDatum(trigdata->tg_trigtuple);
	}

	if (TRIGGER_FIRED_BY_UPDATE(event))
	{
		if (row_is_builtin(rel, trigdata->tg_trigtuple))
		{
			if (!in_own_extension_script(rel))
				ereport(ERROR,
						(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
						 errmsg("cannot update a row shipped with htx in table \"%s\"", table),
						 errdetail("Row %s has builtin = true. pg_dump leaves such rows out, since CREATE EXTENSION recreates them, and updates of htx rewrite them: a change to one would be lost.",
								   row_key(rel, trigger, trigdata->tg_trigtuple)),
						 errhint("%s Report a mistake in a shipped row to the maintainers of htx: ALTER EXTENSION htx UPDATE brings corrections.",
								 hint),
						 errtable(rel)));
		}
		else if (row_is_builtin(rel, trigdata->tg_newtuple) && !in_own_extension_script(rel))
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("cannot set builtin to true in table \"%s\"", table),
					 errdetail("builtin = true marks the rows shipped with htx, which pg_dump leaves out: a row of yours marked so would be lost on restore."),
					 errhint("Leave builtin false (the default) in rows of your own."),
					 errtable(rel)));
		return PointerGetDatum(trigdata->tg_newtuple);
	}

	if (TRIGGER_FIRED_BY_DELETE(event))
	{
		if (row_is_builtin(rel, trigdata->tg_trigtuple) && !in_own_extension_script(rel))
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("cannot delete a row shipped with htx from table \"%s\"", table),
					 errdetail("Row %s has builtin = true. pg_dump leaves such rows out, since CREATE EXTENSION recreates them: a deleted one would come back on restore.",
							   row_key(rel, trigger, trigdata->tg_trigtuple)),
					 errhint("%s Report a mistake in a shipped row to the maintainers of htx: ALTER EXTENSION htx UPDATE brings corrections.",
							 hint),
					 errtable(rel)));
		return PointerGetDatum(trigdata->tg_trigtuple);
	}

	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("htx_shipped_rows_guard: fired by an unexpected event")));
	pg_unreachable();
}
