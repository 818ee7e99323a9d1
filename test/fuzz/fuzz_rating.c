/*
 * fuzz_rating.c
 *		libFuzzer harness for the htx_rating text parser: htx_fold_utf8
 *		(src/fold.c) and htx_rating_lookup (src/rating_lookup.c), built with
 *		no server.  test/fuzz/run.sh builds and runs it ("make fuzz").
 *
 * Besides "no crash, no memory error, no undefined behaviour", it checks
 * what the folding promises, so that a wrong answer fails too:
 *	- the folded text is never longer than the input (rating_lookup folds
 *	  short input into a 64-byte stack buffer on that promise);
 *	- for valid UTF-8 input: the result is valid UTF-8, has no ASCII upper
 *	  case, no separator but single inner spaces, folding it again changes
 *	  nothing, and looking up the input or its folded form gives one answer;
 *	- padding the input with spaces past the stack buffer (the heap path)
 *	  gives the same answer;
 *	- a spelling that is accepted folds to one of the accepted keys, and the
 *	  canonical name of its code reads back as the same code.
 * Only the StringInfo and memory functions the two files use are stubbed
 * below, with PostgreSQL's semantics; server-only functions abort.
 */
#include "postgres.h"

#include <stdio.h>
#include <stdlib.h>

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "htx.h"

/* port.h maps fprintf to PostgreSQL's own, which is not linked here */
#undef fprintf

/* ---- stubs: memory and StringInfo, as in src/common/stringinfo.c -------- */

void *
palloc(Size size)
{
	void	   *p = malloc(size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

void *
repalloc(void *pointer, Size size)
{
	/* realloc of a stack buffer is caught by AddressSanitizer */
	void	   *p = realloc(pointer, size);

	if (p == NULL)
		abort();
	return p;
}

void
pfree(void *pointer)
{
	free(pointer);
}

void
initStringInfo(StringInfo str)
{
	str->data = palloc(1024);
	str->maxlen = 1024;
	str->data[0] = '\0';
	str->len = 0;
	str->cursor = 0;
}

void
enlargeStringInfo(StringInfo str, int needed)
{
	int			newlen;

	if (needed < 0)
		abort();
	needed += str->len + 1;
	if (needed <= str->maxlen)
		return;
	newlen = 2 * str->maxlen;
	while (needed > newlen)
		newlen = 2 * newlen;
	str->data = repalloc(str->data, newlen);
	str->maxlen = newlen;
}

void
appendStringInfoChar(StringInfo str, char ch)
{
	if (str->len + 1 >= str->maxlen)
		enlargeStringInfo(str, 1);
	str->data[str->len] = ch;
	str->len++;
	str->data[str->len] = '\0';
}

void
appendBinaryStringInfo(StringInfo str, const char *data, int datalen)
{
	enlargeStringInfo(str, datalen);
	memcpy(str->data + str->len, data, datalen);
	str->len += datalen;
	str->data[str->len] = '\0';
}

/* server-only functions that htx_fold (the SQL wrapper) calls: never here */
int
GetDatabaseEncoding(void)
{
	abort();
}
char *
pg_server_to_any(const char *s, int len, int encoding)
{
	abort();
}
char *
pg_any_to_server(const char *s, int len, int encoding)
{
	abort();
}
text *
cstring_to_text(const char *s)
{
	abort();
}
text *
cstring_to_text_with_len(const char *s, int len)
{
	abort();
}
struct varlena *
pg_detoast_datum_packed(struct varlena *datum)
{
	abort();
}

/* ---- the checks ------------------------------------------------------- */

static const char *const canonical[HTX_RATING_NLEVELS] = {
	"không xếp loại", "yếu", "trung bình", "khá", "tốt"
};
static const char *const keys[] = {
	"tot", "kha", "trung binh", "yeu", "khong xep loai",
	"good", "fair", "average", "weak", "not rated", "unrated"
};

#define CHECK(cond) \
	do { \
		if (!(cond)) \
		{ \
			fprintf(stderr, "fuzz_rating: check failed: %s (line %d)\n", \
					#cond, __LINE__); \
			abort(); \
		} \
	} while (0)

/* Strict UTF-8 with no NUL, as the server accepts it (pg_utf8_verifystr). */
static bool
valid_utf8(const unsigned char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		int			n;
		uint32		v;

		if (c == 0)
			return false;
		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 2, v = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 3, v = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 4, v = c & 0x07;
		else
			return false;
		if (i + n > len)
			return false;
		for (int k = 1; k < n; k++)
		{
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			v = (v << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
			(v >= 0xD800 && v <= 0xDFFF))
			return false;
		i += n;
	}
	return true;
}

static StringInfoData
fold(const char *s, int len)
{
	StringInfoData out;

	initStringInfo(&out);
	htx_fold_utf8(s, len, &out);
	CHECK(out.len >= 0 && out.len <= len);
	CHECK(out.data[out.len] == '\0');
	return out;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size heap copy, so that reading past the end is caught */
	char	   *in;
	StringInfoData f;
	int			code;
	int			len;

	if (size > 4096)
		return 0;
	len = (int) size;
	in = malloc(size ? size : 1);
	memcpy(in, data, size);

	f = fold(in, len);
	code = htx_rating_lookup(in, len);
	CHECK(code >= -1 && code < HTX_RATING_NLEVELS);

	if (code >= 0)
	{
		bool		is_key = false;

		for (int i = 0; i < (int) lengthof(keys); i++)
			is_key |= (strcmp(f.data, keys[i]) == 0);
		CHECK(is_key);
		CHECK(htx_rating_lookup(canonical[code], strlen(canonical[code])) == code);
	}

	if (valid_utf8(data, size))
	{
		StringInfoData g;
		char	   *padded;

		CHECK(valid_utf8((unsigned char *) f.data, f.len));
		for (int i = 0; i < f.len; i++)
		{
			char		c = f.data[i];

			CHECK(!(c >= 'A' && c <= 'Z'));
			CHECK(c != '_' && c != '-' && c != '\t' && c != '\n' && c != '\r' &&
				  c != '\v' && c != '\f');
			if (c == ' ')
				CHECK(i > 0 && i < f.len - 1 && f.data[i + 1] != ' ');
		}

		g = fold(f.data, f.len);
		CHECK(g.len == f.len && memcmp(g.data, f.data, f.len) == 0);
		pfree(g.data);

		CHECK(htx_rating_lookup(f.data, f.len) == code);

		/* the heap path: 40 spaces either side puts any input past 64 bytes */
		padded = malloc(size + 80);
		memset(padded, ' ', 40);
		memcpy(padded + 40, data, size);
		memset(padded + 40 + size, ' ', 40);
		CHECK(htx_rating_lookup(padded, len + 80) == code);
		free(padded);
	}

	pfree(f.data);
	free(in);
	return 0;
}
