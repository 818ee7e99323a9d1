/*
 * evaluate.c
 *		Target-evaluation aggregates: htx_evaluate, htx_rating_counts,
 *		htx_good_fair_share.
 *
 * All of them share one transition state, htx_evaluation_state: a fixed
 * array of int64 counters and exact sums.  It is not "internal", so
 *  - parallel and partitionwise aggregation need only the combine function;
 *  - its text form, which round-trips exactly, lets a distributed engine
 *    (Citus) compute partial states on its workers and ship them;
 *  - moving window frames get an exact inverse transition function.
 * The state's text and binary input functions validate every field, so a
 * forged state cannot make the final functions compute nonsense.
 *
 * NULL rules (per row): a NULL argument is "not reported", never a zero.
 * Each measure keeps the count of rows that reported it beside its sum, and
 * shares and averages use only the rows that reported what they need.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "htx.h"

/* Fields of the state, in text and binary order. */
typedef enum
{
	ST_ROWS,					/* every input row */
	ST_NOT_RATED,				/* rating counts, by code */
	ST_WEAK,
	ST_AVERAGE,
	ST_FAIR,
	ST_GOOD,
	ST_REV_N,					/* rows with revenue reported */
	ST_REV_SUM,					/* their revenue, VND */
	ST_MEMBERS_N,
	ST_MEMBERS_SUM,
	ST_TECH_N,					/* rows with applies_tech reported */
	ST_TECH_TRUE,
	ST_MGR_N,
	ST_MGR_SUM,
	ST_TRAINED_N,
	ST_TRAINED_SUM,
	ST_PAIR_MGR,				/* managers, over rows reporting both */
	ST_PAIR_TRAINED,			/* trained, over rows reporting both */
	ST_MODEL_N,
	ST_MODEL_TRUE,
	ST_NFIELDS
} StateField;

typedef struct HtxEvalState
{
	int64		v[ST_NFIELDS];
} HtxEvalState;

#define STATE_VERSION	1
#define STATE_BINARY_SIZE	(1 + ST_NFIELDS * (int) sizeof(int64))

static const char *const field_names[ST_NFIELDS] = {
	"rows", "not_rated", "weak", "average", "fair", "good",
	"revenue_reported", "revenue_total", "members_reported", "members_total",
	"tech_reported", "tech_count", "managers_reported", "managers_total",
	"trained_reported", "trained_total", "paired_managers", "paired_trained",
	"model_reported", "model_count"
};

#define PG_GETARG_STATE(n)	((HtxEvalState *) PG_GETARG_POINTER(n))

static const char *state_problem(const HtxEvalState *st);

/*
 * The state to update: the argument itself when called as an aggregate
 * (it lives in the aggregate's memory context and nobody else sees it), a
 * copy otherwise.  A NULL argument (direct calls only: the aggregates have
 * an initial condition) starts from zero.
 */
static HtxEvalState *
state_for_update(FunctionCallInfo fcinfo)
{
	HtxEvalState *st;

	if (PG_ARGISNULL(0))
		return (HtxEvalState *) palloc0(sizeof(HtxEvalState));
	if (AggCheckCallContext(fcinfo, NULL))
		return PG_GETARG_STATE(0);
	st = (HtxEvalState *) palloc(sizeof(HtxEvalState));
	memcpy(st, PG_GETARG_STATE(0), sizeof(HtxEvalState));
	return st;
}

static inline void
add_checked(HtxEvalState *st, StateField f, int64 delta)
{
	if (unlikely(pg_add_s64_overflow(st->v[f], delta, &st->v[f])))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("htx aggregate %s is out of range for type bigint",
						field_names[f])));
	if (unlikely(st->v[f] < 0))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("htx aggregate %s became negative", field_names[f]),
				 errdetail("The inverse transition removed a row that was never added.")));
}

static inline HtxRating
rating_arg(FunctionCallInfo fcinfo, int n)
{
	HtxRating	r = PG_GETARG_HTXRATING(n);

	if (unlikely(r >= HTX_RATING_NLEVELS))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid htx_rating code %d", (int) r)));
	return r;
}

static inline int64
nonneg_arg(int64 v, const char *what)
{
	if (unlikely(v < 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not be negative", what),
				 errdetail("Got %lld.", (long long) v)));
	return v;
}

/*
 * Add (sign = 1) or remove (sign = -1) one row of htx_evaluate's arguments:
 * (rating, revenue_vnd, members, applies_tech, managers, managers_trained,
 * is_model), arguments 1..7.
 */
static void
evaluate_row(FunctionCallInfo fcinfo, HtxEvalState *st, int sign)
{
	add_checked(st, ST_ROWS, sign);
	if (!PG_ARGISNULL(1))
		add_checked(st, ST_NOT_RATED + rating_arg(fcinfo, 1), sign);
	if (!PG_ARGISNULL(2))
	{
		add_checked(st, ST_REV_N, sign);
		add_checked(st, ST_REV_SUM,
					sign * nonneg_arg(PG_GETARG_INT64(2), "revenue_vnd"));
	}
	if (!PG_ARGISNULL(3))
	{
		add_checked(st, ST_MEMBERS_N, sign);
		add_checked(st, ST_MEMBERS_SUM,
					sign * nonneg_arg(PG_GETARG_INT32(3), "members"));
	}
	if (!PG_ARGISNULL(4))
	{
		add_checked(st, ST_TECH_N, sign);
		if (PG_GETARG_BOOL(4))
			add_checked(st, ST_TECH_TRUE, sign);
	}
	if (!PG_ARGISNULL(5))
	{
		int64		m = nonneg_arg(PG_GETARG_INT32(5), "managers");

		add_checked(st, ST_MGR_N, sign);
		add_checked(st, ST_MGR_SUM, sign * m);
		if (!PG_ARGISNULL(6))
		{
			int64		t = nonneg_arg(PG_GETARG_INT32(6), "managers_trained");

			if (t > m)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("managers_trained must not exceed managers"),
						 errdetail("Got %lld trained of %lld managers.",
								   (long long) t, (long long) m)));
			add_checked(st, ST_PAIR_MGR, sign * m);
			add_checked(st, ST_PAIR_TRAINED, sign * t);
		}
	}
	if (!PG_ARGISNULL(6))
	{
		add_checked(st, ST_TRAINED_N, sign);
		add_checked(st, ST_TRAINED_SUM,
					sign * nonneg_arg(PG_GETARG_INT32(6), "managers_trained"));
	}
	if (!PG_ARGISNULL(7))
	{
		add_checked(st, ST_MODEL_N, sign);
		if (PG_GETARG_BOOL(7))
			add_checked(st, ST_MODEL_TRUE, sign);
	}
}

/*
 * tally.c's access to the same per-row work: add the row in arguments 1..7
 * of fcinfo to the HTX_EVAL_NFIELDS counters at v (a slice of its state).
 */
void
htx_evaluate_add_row(FunctionCallInfo fcinfo, int64 *v)
{
	StaticAssertStmt(HTX_EVAL_NFIELDS == ST_NFIELDS,
					 "htx.h's HTX_EVAL_NFIELDS must match the state");
	evaluate_row(fcinfo, (HtxEvalState *) v, 1);
}

PG_FUNCTION_INFO_V1(htx_evaluate_accum);
Datum
htx_evaluate_accum(PG_FUNCTION_ARGS)
{
	HtxEvalState *st = state_for_update(fcinfo);

	evaluate_row(fcinfo, st, 1);
	PG_RETURN_POINTER(st);
}

/*
 * An inverse transition is only right for a row the forward transition
 * added, which is all a moving window frame ever removes.  Called directly,
 * or as the transition function of an aggregate of the user's, it can remove
 * a row that never was, and no field need go negative for the result to be
 * nonsense (0 rows of which 1 is tốt): a state the input functions reject,
 * so that a table holding it cannot be restored from a dump, and on which
 * the final functions report negative counts.  Check the result as the
 * input functions check theirs.
 */
static void
check_after_removal(const HtxEvalState *st)
{
	const char *problem = state_problem(st);

	if (unlikely(problem != NULL))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("htx aggregate state became inconsistent"),
				 errdetail("%s The inverse transition removed a row that was never added.",
						   problem)));
}

PG_FUNCTION_INFO_V1(htx_evaluate_inv);
Datum
htx_evaluate_inv(PG_FUNCTION_ARGS)
{
	HtxEvalState *st = state_for_update(fcinfo);

	evaluate_row(fcinfo, st, -1);
	check_after_removal(st);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(htx_rating_accum);
Datum
htx_rating_accum(PG_FUNCTION_ARGS)
{
	HtxEvalState *st = state_for_update(fcinfo);

	add_checked(st, ST_ROWS, 1);
	if (!PG_ARGISNULL(1))
		add_checked(st, ST_NOT_RATED + rating_arg(fcinfo, 1), 1);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(htx_rating_inv);
Datum
htx_rating_inv(PG_FUNCTION_ARGS)
{
	HtxEvalState *st = state_for_update(fcinfo);

	add_checked(st, ST_ROWS, -1);
	if (!PG_ARGISNULL(1))
		add_checked(st, ST_NOT_RATED + rating_arg(fcinfo, 1), -1);
	check_after_removal(st);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(htx_evaluation_state_combine);
Datum
htx_evaluation_state_combine(PG_FUNCTION_ARGS)
{
	HtxEvalState *st = state_for_update(fcinfo);
	HtxEvalState *other = PG_GETARG_STATE(1);

	for (int f = 0; f < ST_NFIELDS; f++)
		add_checked(st, f, other->v[f]);
	PG_RETURN_POINTER(st);
}

/* ---------------------------------------------------------------------
 * State I/O and validation
 * ---------------------------------------------------------------------
 */

/*
 * Return NULL if the state is one the transition functions can produce,
 * else a description of the first rule it breaks.
 */
static const char *
state_problem(const HtxEvalState *st)
{
	const int64 *v = st->v;
	int64		rated = 0;

	for (int f = 0; f < ST_NFIELDS; f++)
		if (v[f] < 0)
			return psprintf("Field %s is negative.", field_names[f]);
	for (int f = ST_NOT_RATED; f <= ST_GOOD; f++)
		if (v[f] > v[ST_ROWS])
			return psprintf("Field %s exceeds rows.", field_names[f]);

	/*
	 * Each count is at most rows, but their sum can still wrap around (three
	 * counts of 2^63-1 wrap to a positive number): check every addition.
	 */
	for (int f = ST_NOT_RATED; f <= ST_GOOD; f++)
		if (pg_add_s64_overflow(rated, v[f], &rated) || rated > v[ST_ROWS])
			return pstrdup("The rating counts add up to more than rows.");
	if (v[ST_REV_N] > v[ST_ROWS] || v[ST_MEMBERS_N] > v[ST_ROWS] ||
		v[ST_TECH_N] > v[ST_ROWS] || v[ST_MGR_N] > v[ST_ROWS] ||
		v[ST_TRAINED_N] > v[ST_ROWS] || v[ST_MODEL_N] > v[ST_ROWS])
		return pstrdup("A reported count exceeds rows.");
	if ((v[ST_REV_N] == 0 && v[ST_REV_SUM] != 0) ||
		(v[ST_MEMBERS_N] == 0 && v[ST_MEMBERS_SUM] != 0) ||
		(v[ST_MGR_N] == 0 && v[ST_MGR_SUM] != 0) ||
		(v[ST_TRAINED_N] == 0 && v[ST_TRAINED_SUM] != 0))
		return pstrdup("A total is not zero although no row reported it.");
	if (v[ST_TECH_TRUE] > v[ST_TECH_N] || v[ST_MODEL_TRUE] > v[ST_MODEL_N])
		return pstrdup("A true count exceeds its reported count.");
	if (v[ST_PAIR_TRAINED] > v[ST_PAIR_MGR] ||
		v[ST_PAIR_MGR] > v[ST_MGR_SUM] ||
		v[ST_PAIR_TRAINED] > v[ST_TRAINED_SUM])
		return pstrdup("The paired manager totals are inconsistent.");
	return NULL;
}

/*
 * tally.c: an htx_evaluation_state holding the HTX_EVAL_NFIELDS counters at
 * v, which come from a state array a caller may have forged: checked as the
 * input functions check theirs.
 */
Datum
htx_evaluation_state_from(const int64 *v)
{
	HtxEvalState *st = (HtxEvalState *) palloc(sizeof(HtxEvalState));
	const char *problem;

	memcpy(st->v, v, sizeof(st->v));
	problem = state_problem(st);
	if (problem != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid htx_year_tally state"),
				 errdetail("%s", problem)));
	return PointerGetDatum(st);
}

PG_FUNCTION_INFO_V1(htx_evaluation_state_in);
Datum
htx_evaluation_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	HtxEvalState *st = (HtxEvalState *) palloc0(sizeof(HtxEvalState));
	const char *p = str;
	const char *problem = NULL;

	if (strncmp(p, "v1(", 3) != 0)
		problem = "It must start with \"v1(\".";
	else
	{
		p += 3;
		for (int f = 0; f < ST_NFIELDS && problem == NULL; f++)
		{
			char	   *end;

			if (!(*p >= '0' && *p <= '9'))
				problem = psprintf("Field %s is not an unsigned integer.", field_names[f]);
			else
			{
				errno = 0;
				st->v[f] = strtoi64(p, &end, 10);
				if (errno == ERANGE)
					problem = psprintf("Field %s is out of range.", field_names[f]);
				else if (*end != (f == ST_NFIELDS - 1 ? ')' : ','))
					problem = psprintf("Expected %d comma-separated fields in parentheses.",
									   ST_NFIELDS);
				else
					p = end + 1;
			}
		}
		if (problem == NULL && *p != '\0')
			problem = "Unexpected text after \")\".";
		if (problem == NULL)
			problem = state_problem(st);
	}

	if (problem)
		HTX_INPUT_ERROR(fcinfo,
						errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"",
							   "htx_evaluation_state", htx_excerpt(str, strlen(str))),
						errdetail_internal("%s", problem));
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(htx_evaluation_state_out);
Datum
htx_evaluation_state_out(PG_FUNCTION_ARGS)
{
	HtxEvalState *st = PG_GETARG_STATE(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "v1(");
	for (int f = 0; f < ST_NFIELDS; f++)
		appendStringInfo(&buf, INT64_FORMAT "%c", st->v[f],
						 f == ST_NFIELDS - 1 ? ')' : ',');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(htx_evaluation_state_recv);
Datum
htx_evaluation_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	HtxEvalState *st;
	int			len = buf->len - buf->cursor;
	int			version;
	const char *problem;

	if (len != STATE_BINARY_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type %s", "htx_evaluation_state"),
				 errdetail("Expected %d bytes, got %d.", STATE_BINARY_SIZE, len)));
	version = pq_getmsgbyte(buf);
	if (version != STATE_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type %s", "htx_evaluation_state"),
				 errdetail("Unknown format version %d.", version)));
	st = (HtxEvalState *) palloc(sizeof(HtxEvalState));
	for (int f = 0; f < ST_NFIELDS; f++)
		st->v[f] = pq_getmsgint64(buf);
	problem = state_problem(st);
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type %s", "htx_evaluation_state"),
				 errdetail_internal("%s", problem)));
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(htx_evaluation_state_send);
Datum
htx_evaluation_state_send(PG_FUNCTION_ARGS)
{
	HtxEvalState *st = PG_GETARG_STATE(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_VERSION);
	for (int f = 0; f < ST_NFIELDS; f++)
		pq_sendint64(&buf, st->v[f]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------------
 * Final functions
 * ---------------------------------------------------------------------
 */

static TupleDesc
result_tupdesc(FunctionCallInfo fcinfo, int natts)
{
	TupleDesc	tupdesc;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	if (tupdesc->natts != natts)
		elog(ERROR, "htx result type has %d columns, expected %d",
			 tupdesc->natts, natts);
	return BlessTupleDesc(tupdesc);
}

static inline void
set_share(Datum *values, bool *nulls, int i, int64 num, int64 den)
{
	if (den == 0)
		nulls[i] = true;
	else
		values[i] = Float8GetDatum((double) num / (double) den);
}

/* A sum over the rows that reported it: NULL when none did, as sum() is. */
static inline void
set_total(Datum *values, bool *nulls, int i, int64 n, int64 sum)
{
	if (n == 0)
		nulls[i] = true;
	else
		values[i] = Int64GetDatum(sum);
}

#define EVALUATION_NATTS 20

PG_FUNCTION_INFO_V1(htx_evaluate_final);
Datum
htx_evaluate_final(PG_FUNCTION_ARGS)
{
	HtxEvalState *st = PG_GETARG_STATE(0);
	const int64 *v = st->v;
	TupleDesc	tupdesc = result_tupdesc(fcinfo, EVALUATION_NATTS);
	Datum		values[EVALUATION_NATTS];
	bool		nulls[EVALUATION_NATTS];
	int64		rated = v[ST_WEAK] + v[ST_AVERAGE] + v[ST_FAIR] + v[ST_GOOD];
	int64		rating_missing = v[ST_ROWS] - rated - v[ST_NOT_RATED];

	memset(nulls, 0, sizeof(nulls));
	values[0] = Int64GetDatum(v[ST_ROWS]);	/* cooperatives */
	values[1] = Int64GetDatum(rated);
	values[2] = Int64GetDatum(v[ST_GOOD]);
	values[3] = Int64GetDatum(v[ST_FAIR]);
	values[4] = Int64GetDatum(v[ST_AVERAGE]);
	values[5] = Int64GetDatum(v[ST_WEAK]);
	values[6] = Int64GetDatum(v[ST_NOT_RATED]);
	values[7] = Int64GetDatum(rating_missing);
	set_share(values, nulls, 8, v[ST_GOOD] + v[ST_FAIR], rated);
	values[9] = Int64GetDatum(v[ST_REV_N]);	/* revenue_reported */
	set_total(values, nulls, 10, v[ST_REV_N], v[ST_REV_SUM]);
	if (v[ST_REV_N] == 0)
		nulls[11] = true;
	else
		values[11] = DirectFunctionCall2(numeric_div,
										 NumericGetDatum(int64_to_numeric(v[ST_REV_SUM])),
										 NumericGetDatum(int64_to_numeric(v[ST_REV_N])));
	set_total(values, nulls, 12, v[ST_MEMBERS_N], v[ST_MEMBERS_SUM]);
	values[13] = Int64GetDatum(v[ST_TECH_N]);	/* tech_reported */
	values[14] = Int64GetDatum(v[ST_TECH_TRUE]);
	set_share(values, nulls, 15, v[ST_TECH_TRUE], v[ST_TECH_N]);
	set_total(values, nulls, 16, v[ST_MGR_N], v[ST_MGR_SUM]);
	set_total(values, nulls, 17, v[ST_TRAINED_N], v[ST_TRAINED_SUM]);
	set_share(values, nulls, 18, v[ST_PAIR_TRAINED], v[ST_PAIR_MGR]);
	values[19] = Int64GetDatum(v[ST_MODEL_TRUE]);

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

#define RATING_COUNT_NATTS 6

PG_FUNCTION_INFO_V1(htx_rating_counts_final);
Datum
htx_rating_counts_final(PG_FUNCTION_ARGS)
{
	HtxEvalState *st = PG_GETARG_STATE(0);
	const int64 *v = st->v;
	TupleDesc	tupdesc = result_tupdesc(fcinfo, RATING_COUNT_NATTS);
	Datum		values[RATING_COUNT_NATTS];
	bool		nulls[RATING_COUNT_NATTS] = {0};

	values[0] = Int64GetDatum(v[ST_NOT_RATED] + v[ST_WEAK] + v[ST_AVERAGE] +
							  v[ST_FAIR] + v[ST_GOOD]);
	values[1] = Int64GetDatum(v[ST_GOOD]);
	values[2] = Int64GetDatum(v[ST_FAIR]);
	values[3] = Int64GetDatum(v[ST_AVERAGE]);
	values[4] = Int64GetDatum(v[ST_WEAK]);
	values[5] = Int64GetDatum(v[ST_NOT_RATED]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

PG_FUNCTION_INFO_V1(htx_good_fair_share_final);
Datum
htx_good_fair_share_final(PG_FUNCTION_ARGS)
{
	HtxEvalState *st = PG_GETARG_STATE(0);
	const int64 *v = st->v;
	int64		rated = v[ST_WEAK] + v[ST_AVERAGE] + v[ST_FAIR] + v[ST_GOOD];

	if (rated == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) (v[ST_GOOD] + v[ST_FAIR]) / (double) rated);
}
