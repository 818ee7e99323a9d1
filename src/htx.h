/*
 * htx.h
 *		Declarations shared by the htx extension's C sources.
 *
 * As every PostgreSQL header, it expects "postgres.h" to have been included
 * first, by the .c file itself.
 */
#ifndef HTX_H
#define HTX_H

#include "fmgr.h"
#include "lib/stringinfo.h"

/*
 * htx_rating: the official rating of an agricultural cooperative, stored as
 * one byte.  The codes are an on-disk contract and never change.
 */
typedef uint8 HtxRating;

#define HTX_RATING_NOT_RATED	0	/* không xếp loại */
#define HTX_RATING_WEAK			1	/* yếu */
#define HTX_RATING_AVERAGE		2	/* trung bình */
#define HTX_RATING_FAIR			3	/* khá */
#define HTX_RATING_GOOD			4	/* tốt */
#define HTX_RATING_NLEVELS		5

#define DatumGetHtxRating(X)	((HtxRating) DatumGetUInt8(X))
#define HtxRatingGetDatum(X)	UInt8GetDatum(X)
#define PG_GETARG_HTXRATING(n)	DatumGetHtxRating(PG_GETARG_DATUM(n))
#define PG_RETURN_HTXRATING(x)	return HtxRatingGetDatum(x)

/*
 * Report a bad value given to a type's text input function: a soft error
 * where the caller asked for one (PostgreSQL 16 and later: the input
 * function returns (Datum) 0 and the error goes to fcinfo->context, as
 * pg_input_is_valid and COPY ... ON_ERROR use), a hard error otherwise.
 * Use it only in the body of the input function itself, since it returns
 * from there, and give the ereport arguments without the outer parentheses.
 */
#if PG_VERSION_NUM >= 160000
#define HTX_INPUT_ERROR(fcinfo, ...) \
	ereturn((fcinfo)->context, (Datum) 0, __VA_ARGS__)
#else
#define HTX_INPUT_ERROR(fcinfo, ...) \
	ereport(ERROR, __VA_ARGS__)
#endif

/* counters.c: aggregate states that are bigint arrays of counters */
struct ArrayType;
extern MemoryContext htx_counters_aggcontext(FunctionCallInfo fcinfo, const char *aggname);
extern struct ArrayType *htx_counters_new(MemoryContext cxt, int n);
extern int64 *htx_counters(struct ArrayType *a, int n, const char *what);
extern void htx_counters_add(int64 *v, int i, int64 delta);
extern Datum htx_counters_combine(FunctionCallInfo fcinfo, int n, const char *aggname,
								  const char *what);

/* evaluate.c: htx_evaluation_state's counters, for tally.c */
#define HTX_EVAL_NFIELDS 20
extern void htx_evaluate_add_row(FunctionCallInfo fcinfo, int64 *v);
extern Datum htx_evaluation_state_from(const int64 *v);

/* size.c: the size class of a row (0 siêu nhỏ .. 3 lớn, 4 undecided) */
#define HTX_SIZE_NSLOTS 5
#define HTX_SIZE_NTHRESHOLDS 9
extern const int64 *htx_size_thresholds(Datum thresholds);
extern int	htx_size_slot(bool has_m, int32 m, bool has_r, int64 r,
						  bool has_c, int64 c, const int64 *thresholds);

/* excerpt.c: a bad value as error messages quote it */
#define HTX_EXCERPT_CHARS 64
extern char *htx_excerpt(const char *s, int len);

/* fold.c */
extern void htx_fold_utf8(const char *s, int len, StringInfo out);

/* score.c: the rating of a score (numeric) and a fined flag */
extern HtxRating htx_score_rating(Datum score, bool has_score, bool fined);

/* rating_lookup.c */
extern int	htx_rating_lookup(const char *s, int len);

#endif							/* HTX_H */
