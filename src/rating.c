/*
 * rating.c
 *		The htx_rating type: one byte, passed by value.
 *
 * Codes (an on-disk contract, never changed):
 *		0 không xếp loại (not rated) < 1 yếu < 2 trung bình < 3 khá < 4 tốt.
 *
 * Output is the canonical Vietnamese name in NFC, whatever the settings.
 * Input accepts any case, NFC or NFD, missing diacritics, extra spaces,
 * '_' or '-' between words, and the English names.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/sortsupport.h"

#include "htx.h"

PG_MODULE_MAGIC;

/* Canonical names, UTF-8 NFC, indexed by code. */
static const char *const rating_vi[HTX_RATING_NLEVELS] = {
	"không xếp loại", "yếu", "trung bình", "khá", "tốt"
};
static const char *const rating_vi_ascii[HTX_RATING_NLEVELS] = {
	"khong xep loai", "yeu", "trung binh", "kha", "tot"
};
static const char *const rating_en[HTX_RATING_NLEVELS] = {
	"not rated", "weak", "average", "fair", "good"
};

#define RATING_HINT \
	"Accepted values are tốt, khá, trung bình (or TB), yếu, không xếp loại (or chưa xếp loại), in any case, with or without diacritics, and good, fair, average, weak, not rated, unrated."

PG_FUNCTION_INFO_V1(htx_rating_in);
Datum
htx_rating_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int			len = strlen(str);
	int			code;

	if (GetDatabaseEncoding() == PG_UTF8)
		code = htx_rating_lookup(str, len);
	else
	{
		char	   *u = pg_server_to_any(str, len, PG_UTF8);

		code = htx_rating_lookup(u, (u == str) ? len : (int) strlen(u));
	}

	if (code < 0)
		HTX_INPUT_ERROR(fcinfo,
						errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"",
							   "htx_rating", htx_excerpt(str, len)),
						errhint(RATING_HINT));

	PG_RETURN_HTXRATING((HtxRating) code);
}

/*
 * Return a palloc'd copy of a UTF-8 name in the database encoding.
 *
 * In a UTF8 or SQL_ASCII database this is a copy.  In another encoding the
 * name may have no representation (LATIN1 has no "ố" or "ế"): say so in
 * terms of htx_rating, rather than with the conversion's own message.
 * Since 1.1 htx.control's "encoding = UTF8" keeps CREATE EXTENSION out of
 * such databases (test/tap/extension_encoding.sh); this stays for a 1.0
 * installed in one before.
 */
static char *
name_to_server(const char *const *names, HtxRating r)
{
	const char *name = names[r];
	int			enc = GetDatabaseEncoding();
	int			len = strlen(name);

	if (enc != PG_UTF8 && enc != PG_SQL_ASCII)
	{
		Oid			proc = FindDefaultConversionProc(PG_UTF8, enc);
		unsigned char *dst;

		if (OidIsValid(proc))
		{
			dst = palloc((Size) len * MAX_CONVERSION_GROWTH + 1);
			if (pg_do_encoding_conversion_buf(proc, PG_UTF8, enc,
											  (unsigned char *) name, len,
											  dst, len * MAX_CONVERSION_GROWTH + 1,
											  true) == len)
				return (char *) dst;
			pfree(dst);
		}
		ereport(ERROR,
				(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
				 errmsg("htx_rating value \"%s\" (code %d) cannot be represented in database encoding \"%s\"",
						rating_vi_ascii[r], (int) r, GetDatabaseEncodingName()),
				 errdetail("Its Vietnamese name needs characters that encoding \"%s\" does not have.",
						   GetDatabaseEncodingName()),
				 errhint("Use a database with encoding UTF8, or htx_rating_label(r, 'vi_ascii') or a cast to integer for display.")));
	}
	return pstrdup(name);
}

static HtxRating
checked_code(Datum d)
{
	HtxRating	r = DatumGetHtxRating(d);

	/* values come from disk or from other C code: never trust them blindly */
	if (r >= HTX_RATING_NLEVELS)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid htx_rating code %d", (int) r)));
	return r;
}

PG_FUNCTION_INFO_V1(htx_rating_out);
Datum
htx_rating_out(PG_FUNCTION_ARGS)
{
	HtxRating	r = checked_code(PG_GETARG_DATUM(0));

	PG_RETURN_CSTRING(name_to_server(rating_vi, r));
}

PG_FUNCTION_INFO_V1(htx_rating_recv);
Datum
htx_rating_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			code;

	/* pq_getmsgbyte would call an empty field a protocol violation */
	if (buf->cursor >= buf->len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid htx_rating in binary input: no data"),
				 errdetail("An htx_rating is sent as one byte, its code 0 to 4.")));
	code = pq_getmsgbyte(buf);

	if (code < 0 || code >= HTX_RATING_NLEVELS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid htx_rating code %d in binary input", code),
				 errdetail("Codes run from 0 (không xếp loại) to 4 (tốt).")));
	PG_RETURN_HTXRATING((HtxRating) code);
}

PG_FUNCTION_INFO_V1(htx_rating_send);
Datum
htx_rating_send(PG_FUNCTION_ARGS)
{
	HtxRating	r = checked_code(PG_GETARG_DATUM(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, r);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * Comparison.  Codes are ordered as the ratings are, so the byte compares.
 * These cannot fail, so they are leakproof.
 */
PG_FUNCTION_INFO_V1(htx_rating_eq);
Datum
htx_rating_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_HTXRATING(0) == PG_GETARG_HTXRATING(1));
}

PG_FUNCTION_INFO_V1(htx_rating_ne);
Datum
htx_rating_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_HTXRATING(0) != PG_GETARG_HTXRATING(1));
}

PG_FUNCTION_INFO_V1(htx_rating_lt);
Datum
htx_rating_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_HTXRATING(0) < PG_GETARG_HTXRATING(1));
}

PG_FUNCTION_INFO_V1(htx_rating_le);
Datum
htx_rating_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_HTXRATING(0) <= PG_GETARG_HTXRATING(1));
}

PG_FUNCTION_INFO_V1(htx_rating_gt);
Datum
htx_rating_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_HTXRATING(0) > PG_GETARG_HTXRATING(1));
}

PG_FUNCTION_INFO_V1(htx_rating_ge);
Datum
htx_rating_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_HTXRATING(0) >= PG_GETARG_HTXRATING(1));
}

PG_FUNCTION_INFO_V1(htx_rating_cmp);
Datum
htx_rating_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_HTXRATING(0) -
					(int32) PG_GETARG_HTXRATING(1));
}

static int
rating_fastcmp(Datum a, Datum b, SortSupport ssup)
{
	return (int) DatumGetHtxRating(a) - (int) DatumGetHtxRating(b);
}

PG_FUNCTION_INFO_V1(htx_rating_sortsupport);
Datum
htx_rating_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = rating_fastcmp;
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(htx_rating_hash);
Datum
htx_rating_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_HTXRATING(0));
}

PG_FUNCTION_INFO_V1(htx_rating_hash_extended);
Datum
htx_rating_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_HTXRATING(0),
								PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(htx_rating_larger);
Datum
htx_rating_larger(PG_FUNCTION_ARGS)
{
	HtxRating	a = PG_GETARG_HTXRATING(0);
	HtxRating	b = PG_GETARG_HTXRATING(1);

	PG_RETURN_HTXRATING(a > b ? a : b);
}

PG_FUNCTION_INFO_V1(htx_rating_smaller);
Datum
htx_rating_smaller(PG_FUNCTION_ARGS)
{
	HtxRating	a = PG_GETARG_HTXRATING(0);
	HtxRating	b = PG_GETARG_HTXRATING(1);

	PG_RETURN_HTXRATING(a < b ? a : b);
}

/* Casts to and from integer: the code, 0 (không xếp loại) to 4 (tốt). */
PG_FUNCTION_INFO_V1(htx_rating_to_int4);
Datum
htx_rating_to_int4(PG_FUNCTION_ARGS)
{
	/*
	 * No check here: the function is LEAKPROOF, so it must not fail on any
	 * argument, and a corrupt byte shows as an integer outside 0..4 (the way
	 * to find the row) where every other path reports it as an error.
	 */
	PG_RETURN_INT32((int32) PG_GETARG_HTXRATING(0));
}

PG_FUNCTION_INFO_V1(htx_rating_from_int4);
Datum
htx_rating_from_int4(PG_FUNCTION_ARGS)
{
	int32		v = PG_GETARG_INT32(0);

	if (v < 0 || v >= HTX_RATING_NLEVELS)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("integer %d is out of range for type %s", v, "htx_rating"),
				 errdetail("Codes run from 0 (không xếp loại) to 4 (tốt).")));
	PG_RETURN_HTXRATING((HtxRating) v);
}

/*
 * htx_rating_label(htx_rating, lang text): the name for display in
 * 'vi' (NFC), 'vi_ascii' or 'en'.
 */
PG_FUNCTION_INFO_V1(htx_rating_label);
Datum
htx_rating_label(PG_FUNCTION_ARGS)
{
	HtxRating	r = checked_code(PG_GETARG_DATUM(0));
	text	   *lang = PG_GETARG_TEXT_PP(1);
	const char *l = VARDATA_ANY(lang);
	int			llen = VARSIZE_ANY_EXHDR(lang);
	const char *const *names;

	if (llen == 2 && memcmp(l, "vi", 2) == 0)
		names = rating_vi;
	else if (llen == 8 && memcmp(l, "vi_ascii", 8) == 0)
		names = rating_vi_ascii;
	else if (llen == 2 && memcmp(l, "en", 2) == 0)
		names = rating_en;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported label language \"%s\"",
						htx_excerpt(l, llen)),
				 errhint("Use \"vi\", \"vi_ascii\" or \"en\".")));

	PG_RETURN_TEXT_P(cstring_to_text(name_to_server(names, r)));
}

PG_FUNCTION_INFO_V1(htx_is_good_or_fair);
Datum
htx_is_good_or_fair(PG_FUNCTION_ARGS)
{
	HtxRating	r = PG_GETARG_HTXRATING(0);

	PG_RETURN_BOOL(r == HTX_RATING_GOOD || r == HTX_RATING_FAIR);
}

PG_FUNCTION_INFO_V1(htx_is_rated);
Datum
htx_is_rated(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_HTXRATING(0) != HTX_RATING_NOT_RATED);
}
