/*
 * tally.c
 *		htx_year_tally: what htx_year_summary keeps of a group of yearly rows,
 *		in one call per row.
 *
 * The summary keeps, per year and location, htx_evaluate's state of all the
 * rows and of the model cooperatives' rows, the rows per size class of
 * Decree 113/2024, counts of young members, fines, certificates and OCOP
 * products, and the scores' count and sum.  As a dozen aggregates that was
 * a dozen transition calls per row, each of which cost about what
 * htx_evaluate itself costs; the reports over the summary took some 1.6
 * times the bare htx_evaluate.  Here it is one call, doing the same
 * arithmetic with the same checks (htx_evaluate's transition and
 * htx_size_tally's classification are called, not copied).
 *
 * The state is a bigint array of TALLY_LEN counters (layout below), so that
 * it needs no type of its own: parallel workers and Citus's workers ship it
 * as an array and the combine function adds two.  Its parts are read with
 * htx_year_tally_evaluation (the two htx_evaluation_state values) and array
 * subscripts (the rest), by htx_year_summary only.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#include "htx.h"

/* The state's counters, 0-based (SQL subscripts are these + 1). */
#define T_EVAL			0		/* htx_evaluate's counters, every row */
#define T_MODEL			(T_EVAL + HTX_EVAL_NFIELDS) /* the same, is_model rows */
#define T_SIZE			(T_MODEL + HTX_EVAL_NFIELDS)	/* rows per size slot */
#define T_YOUNG_N		(T_SIZE + HTX_SIZE_NSLOTS)	/* rows reporting young_members */
#define T_YOUNG_SUM		(T_YOUNG_N + 1) /* their young_members */
#define T_FINED			(T_YOUNG_SUM + 1)	/* rows with fined true */
#define T_VIETGAP		(T_FINED + 1)
#define T_GLOBALGAP		(T_VIETGAP + 1)
#define T_ORGANIC		(T_GLOBALGAP + 1)
#define T_OCOP			(T_ORGANIC + 1) /* rows with ocop_stars reported */
#define T_SCORE_N		(T_OCOP + 1)	/* rows reporting a score */
#define T_SCORE_SUM		(T_SCORE_N + 1) /* their sum, in hundredths of a point */
#define TALLY_LEN		(T_SCORE_SUM + 1)

/* the transition function's arguments after the state */
#define A_RATING		1		/* 1..7: htx_evaluate's arguments */
#define A_REVENUE		2
#define A_MEMBERS		3
#define A_MODEL			7
#define A_CAPITAL		8
#define A_YOUNG			9
#define A_FINED			10
#define A_VIETGAP		11
#define A_GLOBALGAP		12
#define A_ORGANIC		13
#define A_OCOP			14
#define A_SCORE			15
#define A_THRESHOLDS	16

PG_FUNCTION_INFO_V1(htx_year_tally_accum);
PG_FUNCTION_INFO_V1(htx_year_tally_combine);
PG_FUNCTION_INFO_V1(htx_year_tally_evaluation);

#define TALLY_STATE		"an htx_year_tally state"

static inline bool
arg_true(FunctionCallInfo fcinfo, int n)
{
	return !PG_ARGISNULL(n) && PG_GETARG_BOOL(n);
}

/*
 * A score in hundredths of a point, exactly (the sum of the scores is kept
 * as a bigint, not as numeric's sum: one aggregate less per row).  Scores
 * are htx_score, numeric(5,2): a few thousand values at most, so the
 * conversion (a numeric multiplication and a cast) is remembered per value,
 * by its bytes, in a small direct-mapped cache in fn_extra.
 */
#define SCORE_CACHE_SIZE	4096	/* a power of 2 */
#define SCORE_KEY_MAX		14		/* longer values are not cached */

typedef struct ScoreCacheEntry
{
	uint8		len;			/* 0: empty */
	char		key[SCORE_KEY_MAX];
	int64		hundredths;
} ScoreCacheEntry;

static int64
score_hundredths_uncached(Datum d)
{
	Numeric		num = DatumGetNumeric(d);
	Numeric		scaled;
	int64		v;
	bool		error = false;

	if (numeric_is_nan(num) || numeric_is_inf(num))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a score must be a finite number")));
	scaled = numeric_mul_opt_error(num, int64_to_numeric(100), &error);
	if (error)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("score out of range")));
	v = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(scaled)));
	if (!DatumGetBool(DirectFunctionCall2(numeric_eq, NumericGetDatum(scaled),
										  NumericGetDatum(int64_to_numeric(v)))))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a score must have at most two decimals")));
	return v;
}

static int64
score_hundredths(FunctionCallInfo fcinfo, Datum d)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(d);
	ScoreCacheEntry *cache;
	ScoreCacheEntry *e;
	const char *key;
	Size		len;

	/* a value stored out of line or compressed: no cache */
	if (VARATT_IS_EXTENDED(raw) && !VARATT_IS_SHORT(raw))
		return score_hundredths_uncached(d);
	key = VARDATA_ANY(raw);
	len = VARSIZE_ANY_EXHDR(raw);
	if (len == 0 || len > SCORE_KEY_MAX)
		return score_hundredths_uncached(d);

	cache = (ScoreCacheEntry *) fcinfo->flinfo->fn_extra;
	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
									   SCORE_CACHE_SIZE * sizeof(ScoreCacheEntry));
		fcinfo->flinfo->fn_extra = cache;
	}
	e = &cache[hash_bytes((const unsigned char *) key, (int) len) & (SCORE_CACHE_SIZE - 1)];
	if (e->len != len || memcmp(e->key, key, len) != 0)
	{
		/* computed first: an error leaves the entry as it was */
		int64		v = score_hundredths_uncached(d);

		memcpy(e->key, key, len);
		e->len = (uint8) len;
		e->hundredths = v;
	}
	return e->hundredths;
}

/*
 * htx_year_tally_accum(state, rating, revenue_vnd, members, applies_tech,
 * managers, managers_trained, is_model, capital_vnd, young_members, fined,
 * vietgap_certified, globalgap_certified, organic_certified, ocop_stars, score,
 * size_thresholds)
 */
Datum
htx_year_tally_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = htx_counters_aggcontext(fcinfo, "htx_year_tally");
	ArrayType  *state;
	int64	   *v;
	const int64 *t;

	if (PG_ARGISNULL(A_THRESHOLDS))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the size thresholds must not be NULL")));
	t = htx_size_thresholds(PG_GETARG_DATUM(A_THRESHOLDS));

	/*
	 * The state is ours from the first row on (made here, in the aggregate's
	 * context), so it is updated in place.
	 */
	state = PG_ARGISNULL(0) ? htx_counters_new(aggcontext, TALLY_LEN) : PG_GETARG_ARRAYTYPE_P(0);
	v = htx_counters(state, TALLY_LEN, TALLY_STATE);

	htx_evaluate_add_row(fcinfo, v + T_EVAL);
	if (arg_true(fcinfo, A_MODEL))
		htx_evaluate_add_row(fcinfo, v + T_MODEL);
	htx_counters_add(v, T_SIZE + htx_size_slot(!PG_ARGISNULL(A_MEMBERS), PG_ARGISNULL(A_MEMBERS) ? 0 : PG_GETARG_INT32(A_MEMBERS),
									 !PG_ARGISNULL(A_REVENUE), PG_ARGISNULL(A_REVENUE) ? 0 : PG_GETARG_INT64(A_REVENUE),
									 !PG_ARGISNULL(A_CAPITAL), PG_ARGISNULL(A_CAPITAL) ? 0 : PG_GETARG_INT64(A_CAPITAL),
									 t), 1);
	if (!PG_ARGISNULL(A_YOUNG))
	{
		htx_counters_add(v, T_YOUNG_N, 1);
		htx_counters_add(v, T_YOUNG_SUM, PG_GETARG_INT32(A_YOUNG));
	}
	if (arg_true(fcinfo, A_FINED))
		htx_counters_add(v, T_FINED, 1);
	if (arg_true(fcinfo, A_VIETGAP))
		htx_counters_add(v, T_VIETGAP, 1);
	if (arg_true(fcinfo, A_GLOBALGAP))
		htx_counters_add(v, T_GLOBALGAP, 1);
	if (arg_true(fcinfo, A_ORGANIC))
		htx_counters_add(v, T_ORGANIC, 1);
	if (!PG_ARGISNULL(A_OCOP))
		htx_counters_add(v, T_OCOP, 1);
	if (!PG_ARGISNULL(A_SCORE))
	{
		htx_counters_add(v, T_SCORE_N, 1);
		htx_counters_add(v, T_SCORE_SUM, score_hundredths(fcinfo, PG_GETARG_DATUM(A_SCORE)));
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

/* the sum of two states, a new one: the inputs may come from a worker */
Datum
htx_year_tally_combine(PG_FUNCTION_ARGS)
{
	return htx_counters_combine(fcinfo, TALLY_LEN, "htx_year_tally", TALLY_STATE);
}

/*
 * htx_year_tally_evaluation(state, models): htx_evaluate_state's state of the
 * rows (models false) or of the model cooperatives' rows (true).
 */
Datum
htx_year_tally_evaluation(PG_FUNCTION_ARGS)
{
	const int64 *v = htx_counters(PG_GETARG_ARRAYTYPE_P(0), TALLY_LEN, TALLY_STATE);

	return htx_evaluation_state_from(v + (PG_GETARG_BOOL(1) ? T_MODEL : T_EVAL));
}
