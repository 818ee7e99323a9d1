/*
 * rating_lookup.c
 *		From an htx_rating input spelling to its code.
 *
 * Kept apart from rating.c, which holds the SQL-callable functions, so that
 * the fuzz harness (test/fuzz) can link it together with fold.c and no
 * running server.
 */
#include "postgres.h"

#include "htx.h"

/* Accepted input spellings, after folding (see fold.c). */
static const struct
{
	const char *key;
	HtxRating	code;
}			rating_keys[] =
{
	{"tot", HTX_RATING_GOOD},
	{"kha", HTX_RATING_FAIR},
	{"trung binh", HTX_RATING_AVERAGE},
	{"yeu", HTX_RATING_WEAK},
	{"khong xep loai", HTX_RATING_NOT_RATED},
	/* what report spreadsheets also write (1.1) */
	{"tb", HTX_RATING_AVERAGE},
	{"chua xep loai", HTX_RATING_NOT_RATED},
	{"good", HTX_RATING_GOOD},
	{"fair", HTX_RATING_FAIR},
	{"average", HTX_RATING_AVERAGE},
	{"weak", HTX_RATING_WEAK},
	{"not rated", HTX_RATING_NOT_RATED},
	{"unrated", HTX_RATING_NOT_RATED},
};

/*
 * Return the code for a spelling given as UTF-8 (len bytes, no terminator
 * needed), or -1.  Short input (all valid input but the oddly padded) is
 * folded into a stack buffer: folding never makes text longer, so it fits
 * without the StringInfo ever being enlarged.
 */
int
htx_rating_lookup(const char *s, int len)
{
	StringInfoData buf;
	char		local[64];
	int			result = -1;

	if (len < (int) sizeof(local))
	{
		buf.data = local;
		buf.maxlen = sizeof(local);
		buf.len = 0;
		buf.cursor = 0;
		local[0] = '\0';
	}
	else
		initStringInfo(&buf);

	htx_fold_utf8(s, len, &buf);

	for (int i = 0; i < (int) lengthof(rating_keys); i++)
	{
		if (strcmp(buf.data, rating_keys[i].key) == 0)
		{
			result = rating_keys[i].code;
			break;
		}
	}
	if (buf.data != local)
		pfree(buf.data);
	return result;
}
