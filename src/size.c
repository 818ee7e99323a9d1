/*
 * size.c
 *		htx_size_tally: cooperatives per size class of Decree 113/2024, in
 *		one pass and one call per row.
 *
 * The report views count each group's rows by size class (htx_size_class:
 * the largest class whose thresholds a row reaches, NULL when the figures
 * that would decide it are missing).  As SQL that is a CASE over three
 * classes evaluated once per class counted, the largest part of a report's
 * cost on a national warehouse; here it is one call.
 *
 * The state is int8[5]: siêu nhỏ, nhỏ, vừa, lớn, undecided.  The thresholds
 * come as int8[9] (min members, revenue, capital of lớn, vừa, nhỏ: the
 * classes above siêu nhỏ, largest first), the same for every row.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "fmgr.h"
#include "utils/array.h"

#include "htx.h"

#define TALLY_LEN	HTX_SIZE_NSLOTS
#define THRESHOLDS_LEN HTX_SIZE_NTHRESHOLDS

PG_FUNCTION_INFO_V1(htx_size_tally_accum);
PG_FUNCTION_INFO_V1(htx_size_tally_combine);

/*
 * the elements of a one-dimensional array without NULLs (ARR_DATA_PTR, whose
 * expansion -Wextra rejects, for the case checked by int8_elements)
 */
static inline int64 *
int8_data(ArrayType *a)
{
	return (int64 *) ((char *) a + ARR_OVERHEAD_NONULLS(1));
}

/* a fresh int8[5] of zeros in the current memory context */
static ArrayType *
tally_new(void)
{
	Datum		zeros[TALLY_LEN];

	for (int i = 0; i < TALLY_LEN; i++)
		zeros[i] = Int64GetDatum(0);
	return construct_array(zeros, TALLY_LEN, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

/* the int8 elements of a one-dimensional array of n elements without NULLs */
static int64 *
int8_elements(ArrayType *a, int n, const char *what)
{
	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != n || ARR_HASNULL(a) ||
		ARR_ELEMTYPE(a) != INT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a one-dimensional bigint array of %d elements without NULLs", what, n)));
	return int8_data(a);
}

/* the state to update: the aggregate's own copy, made on the first row */
static ArrayType *
tally_state(FunctionCallInfo fcinfo, int argno)
{
	MemoryContext aggcontext;
	MemoryContext old;
	ArrayType  *state;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("htx_size_tally transition functions called outside an aggregate")));
	if (PG_ARGISNULL(argno))
	{
		old = MemoryContextSwitchTo(aggcontext);
		state = tally_new();
		MemoryContextSwitchTo(old);
		return state;
	}
	state = PG_GETARG_ARRAYTYPE_P(argno);
	(void) int8_elements(state, TALLY_LEN, "the htx_size_tally state");
	return state;
}

/*
 * whether a row reaches a class: members at least min_members and (revenue
 * at least min_revenue or capital at least min_capital), with SQL's
 * three-valued logic: -1 when the missing figures would decide
 */
static int
reaches(bool has_m, int64 m, bool has_r, int64 r, bool has_c, int64 c,
		const int64 *t)
{
	int			members_ok;
	int			money_ok;

	members_ok = has_m ? (m >= t[0]) : -1;
	if ((has_r && r >= t[1]) || (has_c && c >= t[2]))
		money_ok = 1;
	else if (has_r && has_c)
		money_ok = 0;
	else
		money_ok = -1;
	if (members_ok == 0 || money_ok == 0)
		return 0;
	if (members_ok == 1 && money_ok == 1)
		return 1;
	return -1;
}

/*
 * The slot of a row's size class: 3 lớn, 2 vừa, 1 nhỏ (the first class
 * reached, largest first), 0 siêu nhỏ, 4 undecided (the missing figures would
 * decide).
 */
int
htx_size_slot(bool has_m, int32 m, bool has_r, int64 r, bool has_c, int64 c,
			  const int64 *thresholds)
{
	for (int k = 0; k < 3; k++)
	{
		int			got = reaches(has_m, m, has_r, r, has_c, c, thresholds + 3 * k);

		if (got == 1)
			return 3 - k;
		if (got == -1)
			return 4;
	}
	return 0;
}

/* the thresholds argument, checked: int8[9] without NULLs */
const int64 *
htx_size_thresholds(Datum thresholds)
{
	return int8_elements(DatumGetArrayTypeP(thresholds), THRESHOLDS_LEN, "the size thresholds");
}

Datum
htx_size_tally_accum(PG_FUNCTION_ARGS)
{
	ArrayType  *state = tally_state(fcinfo, 0);
	int64	   *tally = int8_data(state);
	const int64 *t;

	if (PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the size thresholds must not be NULL")));
	t = htx_size_thresholds(PG_GETARG_DATUM(4));
	tally[htx_size_slot(!PG_ARGISNULL(1), PG_ARGISNULL(1) ? 0 : PG_GETARG_INT32(1),
						!PG_ARGISNULL(2), PG_ARGISNULL(2) ? 0 : PG_GETARG_INT64(2),
						!PG_ARGISNULL(3), PG_ARGISNULL(3) ? 0 : PG_GETARG_INT64(3),
						t)]++;
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
htx_size_tally_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	MemoryContext old;
	ArrayType  *result;
	int64	   *a;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("htx_size_tally transition functions called outside an aggregate")));
	if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
		PG_RETURN_NULL();

	/* a new state each time: the inputs may come from a worker, packed */
	old = MemoryContextSwitchTo(aggcontext);
	result = tally_new();
	MemoryContextSwitchTo(old);
	a = int8_data(result);
	for (int arg = 0; arg < 2; arg++)
	{
		const int64 *b;

		if (PG_ARGISNULL(arg))
			continue;
		b = int8_elements(PG_GETARG_ARRAYTYPE_P(arg), TALLY_LEN, "an htx_size_tally state");
		for (int i = 0; i < TALLY_LEN; i++)
		{
			if (pg_add_s64_overflow(a[i], b[i], &a[i]))
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("bigint out of range")));
		}
	}
	PG_RETURN_ARRAYTYPE_P(result);
}
