/*
 * score.c
 *		From a cooperative's self-assessed score to its official rating.
 *
 * Circular 09/2017/TT-BNNPTNT, Article 6: tốt 80-100 points, khá 65 to under
 * 80, trung bình 50 to under 65, yếu under 50 or fined for an administrative
 * violation in its cooperative activity that year, whatever its score.  A
 * cooperative that is not scored (in business under 12 months) is không xếp
 * loại.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/numeric.h"

#include "htx.h"

/* Thresholds in points, Circular 09/2017 Article 6 (and 01/2020/TT-BKHĐT). */
#define SCORE_MAX		100
#define SCORE_GOOD		80
#define SCORE_FAIR		65
#define SCORE_AVERAGE	50

static int
numeric_cmp_int(Datum num, int64 v)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, num,
											 NumericGetDatum(int64_to_numeric(v))));
}

/*
 * The rating of a score (a numeric Datum; has_score false for NULL) and a
 * fined flag: yếu when fined, không xếp loại without a score, else by the
 * thresholds.  A score outside 0..100 (NaN and infinities included) is an
 * error.  htx_rating_from_score and htx_year_row_checks call it.
 */
HtxRating
htx_score_rating(Datum score, bool has_score, bool fined)
{
	if (has_score)
	{
		if (numeric_is_nan(DatumGetNumeric(score)) ||
			numeric_cmp_int(score, 0) < 0 ||
			numeric_cmp_int(score, SCORE_MAX) > 0)
		{
			char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, score));

			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("score %s is out of range", htx_excerpt(s, strlen(s))),
					 errdetail("A cooperative's score runs from 0 to 100 points.")));
		}
	}

	if (fined)
		return HTX_RATING_WEAK;
	if (!has_score)
		return HTX_RATING_NOT_RATED;
	if (numeric_cmp_int(score, SCORE_GOOD) >= 0)
		return HTX_RATING_GOOD;
	if (numeric_cmp_int(score, SCORE_FAIR) >= 0)
		return HTX_RATING_FAIR;
	if (numeric_cmp_int(score, SCORE_AVERAGE) >= 0)
		return HTX_RATING_AVERAGE;
	return HTX_RATING_WEAK;
}

/*
 * htx_rating_from_score(score numeric, fined boolean) returns htx_rating
 *
 * Not strict: a NULL score is không xếp loại, unless fined is true; a NULL
 * fined counts as not fined.
 */
PG_FUNCTION_INFO_V1(htx_rating_from_score);
Datum
htx_rating_from_score(PG_FUNCTION_ARGS)
{
	PG_RETURN_HTXRATING(htx_score_rating(PG_ARGISNULL(0) ? (Datum) 0 : PG_GETARG_DATUM(0),
										 !PG_ARGISNULL(0),
										 !PG_ARGISNULL(1) && PG_GETARG_BOOL(1)));
}
