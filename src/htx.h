/*
 * htx.h
 *		Declarations shared by the htx extension's C sources.
 */
#ifndef HTX_H
#define HTX_H

#include "postgres.h"
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

/* fold.c */
extern void htx_fold_utf8(const char *s, int len, StringInfo out);

/* rating_lookup.c */
extern int	htx_rating_lookup(const char *s, int len);

#endif							/* HTX_H */
