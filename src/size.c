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
#include "fmgr.h"
#include "utils/array.h"

#include "htx.h"

#define TALLY_LEN	HTX_SIZE_NSLOTS
#define THRESHOLDS_LEN HTX_SIZE_NTHRESHOLDS

PG_FUNCTION_INFO_V1(htx_size_tally_accum);
PG_FUNCTION_INFO_V1(htx_size_tally_combine);

/* the state to update: the aggregate's own copy, made on the first row */
static int64 *
tally_state(FunctionCallInfo fcinfo, ArrayType **state)
{
	MemoryContext aggcontext = htx_counters_aggcontext(fcinfo, "htx_size_tally");

	*state = PG_ARGISNULL(0) ? htx_counters_new(aggcontext, TALLY_LEN) : PG_GETARG_ARRAYTYPE_P(0);
	return htx_counters(*state, TALLY_LEN, "the htx_size_tally state");
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
	return htx_counters(DatumGetArrayTypeP(thresholds), THRESHOLDS_LEN, "the size thresholds");
}

Datum
htx_size_tally_accum(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	int64	   *tally = tally_state(fcinfo, &state);
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
	return htx_counters_combine(fcinfo, TALLY_LEN, "htx_size_tally", "an htx_size_tally state");
}
