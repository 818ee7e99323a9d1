/*
 * input_error.c
 *		Whether a text is valid input for a type, and if not, why: the
 *		loader's type check (sql/update/1.0--1.1/55_loader.sql).
 *
 * htx_input_error(value text, type regtype, typmod int4) returns
 * (sqlstate, message) of the error that the type's input function raises for
 * the value, as COPY would call it (with the column's typmod, through
 * domain_in for a domain, so domain CHECKs count), or two NULLs when the
 * value is valid or NULL.  PostgreSQL 16 has pg_input_error_info() for this,
 * but only for input functions that report soft errors; htx_rating's and the
 * 1.0 types' do not, and htx supports PostgreSQL 15.  So the input function
 * runs in a subtransaction, as a PL/pgSQL BEGIN ... EXCEPTION block would do,
 * but without planning a query per value: the input function is looked up
 * once per query (fn_extra).
 *
 * Only errors about the value are caught: classes 22 (data exception) and
 * 23 (integrity constraint violation: a domain CHECK).  Anything else (out
 * of memory, query cancel, a missing type) is raised again.  The function
 * starts subtransactions, so it is PARALLEL UNSAFE.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/resowner.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(htx_input_error);

typedef struct InputErrorCache
{
	Oid			type;
	int32		typmod;
	Oid			ioparam;
	FmgrInfo	input;
} InputErrorCache;

Datum
htx_input_error(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {true, true};
	InputErrorCache *cache;
	Oid			type;
	int32		typmod;
	char	   *str;
	MemoryContext oldcontext;
	ResourceOwner oldowner;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("function returning record called in context that cannot accept type record"));
	tupdesc = BlessTupleDesc(tupdesc);

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));

	type = PG_GETARG_OID(1);
	typmod = PG_ARGISNULL(2) ? -1 : PG_GETARG_INT32(2);

	cache = (InputErrorCache *) fcinfo->flinfo->fn_extra;
	if (cache == NULL || cache->type != type || cache->typmod != typmod)
	{
		Oid			infunc;

		if (!SearchSysCacheExists1(TYPEOID, ObjectIdGetDatum(type)))
			ereport(ERROR,
					errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("type with OID %u does not exist", type));
		if (cache == NULL)
			cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(InputErrorCache));
		getTypeInputInfo(type, &infunc, &cache->ioparam);
		fmgr_info_cxt(infunc, &cache->input, fcinfo->flinfo->fn_mcxt);
		cache->type = type;
		cache->typmod = typmod;
		fcinfo->flinfo->fn_extra = cache;
	}

	str = text_to_cstring(PG_GETARG_TEXT_PP(0));

	oldcontext = CurrentMemoryContext;
	oldowner = CurrentResourceOwner;
	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcontext);

	PG_TRY();
	{
		(void) InputFunctionCall(&cache->input, str, cache->ioparam, typmod);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
	}
	PG_CATCH();
	{
		ErrorData  *edata;
		int			category;

		MemoryContextSwitchTo(oldcontext);
		edata = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;

		category = ERRCODE_TO_CATEGORY(edata->sqlerrcode);
		if (category != ERRCODE_DATA_EXCEPTION &&
			category != ERRCODE_INTEGRITY_CONSTRAINT_VIOLATION)
			ReThrowError(edata);

		values[0] = CStringGetTextDatum(unpack_sql_state(edata->sqlerrcode));
		values[1] = CStringGetTextDatum(edata->message ? edata->message : "invalid input");
		nulls[0] = nulls[1] = false;
		FreeErrorData(edata);
	}
	PG_END_TRY();

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
