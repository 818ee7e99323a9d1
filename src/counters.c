/*
 * counters.c
 *		Aggregate states that are bigint arrays of counters: htx_size_tally's
 *		and htx_year_tally's.
 *
 * Such a state needs no type of its own: parallel workers and Citus's
 * workers ship it as an array, and two are combined by adding them element
 * by element.  The transition functions update the aggregate's own copy in
 * place; the combine function makes a new one, since its inputs may come
 * from elsewhere (a worker's, packed).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "fmgr.h"
#include "utils/array.h"

#include "htx.h"

/*
 * The aggregate's memory context; an error for a transition or combine
 * function called directly (aggname names the aggregate in it).
 */
MemoryContext
htx_counters_aggcontext(FunctionCallInfo fcinfo, const char *aggname)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s transition functions called outside an aggregate", aggname)));
	return aggcontext;
}

/* a fresh bigint[n] of zeros in cxt */
ArrayType *
htx_counters_new(MemoryContext cxt, int n)
{
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Datum	   *zeros = palloc(n * sizeof(Datum));
	ArrayType  *a;

	for (int i = 0; i < n; i++)
		zeros[i] = Int64GetDatum(0);
	a = construct_array(zeros, n, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
	pfree(zeros);
	MemoryContextSwitchTo(old);
	return a;
}

/*
 * The n elements of a, checked: a one-dimensional bigint array of n elements
 * without NULLs (what names the array in the error).
 */
int64 *
htx_counters(ArrayType *a, int n, const char *what)
{
	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != n || ARR_HASNULL(a) ||
		ARR_ELEMTYPE(a) != INT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a one-dimensional bigint array of %d elements without NULLs", what, n)));
	/* ARR_DATA_PTR, whose expansion -Wextra rejects, for this case */
	return (int64 *) ((char *) a + ARR_OVERHEAD_NONULLS(1));
}

/* v[i] += delta, or an error on overflow */
void
htx_counters_add(int64 *v, int i, int64 delta)
{
	if (unlikely(pg_add_s64_overflow(v[i], delta, &v[i])))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("bigint out of range")));
}

/*
 * The body of a combine function: arguments 0 and 1 (states of n counters,
 * either NULL) added into a new state; NULL when both are.
 */
Datum
htx_counters_combine(FunctionCallInfo fcinfo, int n, const char *aggname, const char *what)
{
	MemoryContext aggcontext = htx_counters_aggcontext(fcinfo, aggname);
	ArrayType  *result;
	int64	   *a;

	if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
		PG_RETURN_NULL();
	result = htx_counters_new(aggcontext, n);
	a = htx_counters(result, n, what);
	for (int arg = 0; arg < 2; arg++)
	{
		const int64 *b;

		if (PG_ARGISNULL(arg))
			continue;
		b = htx_counters(PG_GETARG_ARRAYTYPE_P(arg), n, what);
		for (int i = 0; i < n; i++)
			htx_counters_add(a, i, b[i]);
	}
	PG_RETURN_ARRAYTYPE_P(result);
}
