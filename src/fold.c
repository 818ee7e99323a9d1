/*
 * fold.c
 *		Folding of field text for matching: case, diacritics, spacing.
 *
 * Data typed in the field writes the same Vietnamese word many ways: NFC or
 * NFD Unicode, upper or lower case, with or without diacritics, with stray
 * spaces, no-break spaces, '_' or '-' between words.  htx_fold_utf8 maps all
 * of them to one key: lower-case ASCII letters for every Latin letter with
 * diacritics (đ and Đ become d), combining marks dropped, and every run of
 * separators turned into one space, with none at either end.  Other
 * characters are kept as they are.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "htx.h"

#include "fold_table.h"

PG_FUNCTION_INFO_V1(htx_fold);

/*
 * Decode one UTF-8 character at s (len bytes available).  Returns its length
 * and sets *cp; a malformed, truncated or overlong sequence is one byte long
 * with *cp = -1, so that the caller copies it through unchanged.  (The server
 * verifies text before it gets here; this matters for the fuzz harness and
 * for SQL_ASCII databases, where an overlong "t" must not read as "t".)
 */
static int
decode_utf8(const unsigned char *s, int len, int32 *cp)
{
	unsigned char c = s[0];
	int			n;
	int32		v;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if ((c & 0xE0) == 0xC0)
	{
		n = 2;
		v = c & 0x1F;
	}
	else if ((c & 0xF0) == 0xE0)
	{
		n = 3;
		v = c & 0x0F;
	}
	else if ((c & 0xF8) == 0xF0)
	{
		n = 4;
		v = c & 0x07;
	}
	else
	{
		*cp = -1;
		return 1;
	}
	if (n > len)
	{
		*cp = -1;
		return 1;
	}
	for (int i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
		{
			*cp = -1;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and values past U+10FFFF are malformed */
	if ((n == 2 && v < 0x80) || (n == 3 && v < 0x800) ||
		(n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
		(v >= 0xD800 && v <= 0xDFFF))
	{
		*cp = -1;
		return 1;
	}
	*cp = v;
	return n;
}

static inline bool
is_separator(int32 cp)
{
	switch (cp)
	{
		case ' ':
		case '\t':
		case '\n':
		case '\v':
		case '\f':
		case '\r':
		case '_':
		case '-':
		case 0x00A0:			/* no-break space */
		case 0x1680:
		case 0x2028:
		case 0x2029:
		case 0x202F:
		case 0x205F:
		case 0x3000:
		case 0xFEFF:			/* byte order mark, zero-width no-break */
			return true;
		default:
			/* en quad .. zero-width space, and the dashes after them */
			return (cp >= 0x2000 && cp <= 0x2015);
	}
}

void
htx_fold_utf8(const char *s, int len, StringInfo out)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	int			start = out->len;
	bool		pending_space = false;

	while (p < end)
	{
		int32		cp;
		int			n = decode_utf8(p, end - p, &cp);
		char		letter = 0;

		if (cp >= 0 && is_separator(cp))
		{
			pending_space = true;
			p += n;
			continue;
		}
		if (cp >= 0x0300 && cp <= 0x036F)
		{
			/* combining diacritical mark (NFD input): drop it */
			p += n;
			continue;
		}

		if (cp >= 'A' && cp <= 'Z')
			letter = (char) (cp + ('a' - 'A'));
		else if (cp >= 0 && cp < 0x80)
			letter = (char) cp;
		else if (cp >= HTX_FOLD_LATIN_FIRST && cp <= HTX_FOLD_LATIN_LAST)
			letter = htx_fold_latin[cp - HTX_FOLD_LATIN_FIRST];
		else if (cp >= HTX_FOLD_LATIN_EXT_FIRST && cp <= HTX_FOLD_LATIN_EXT_LAST)
			letter = htx_fold_latin_ext[cp - HTX_FOLD_LATIN_EXT_FIRST];

		if (pending_space && out->len > start)
			appendStringInfoChar(out, ' ');
		pending_space = false;

		if (letter != 0)
			appendStringInfoChar(out, letter);
		else
			appendBinaryStringInfo(out, (const char *) p, n);
		p += n;
	}
}

/*
 * htx_fold(text) returns text
 *
 * SQL access to the folding, for matching names (agencies, districts) the
 * way htx_rating input matches ratings.  In a database whose encoding is not
 * UTF8, the text is converted to UTF8 and back.
 */
Datum
htx_fold(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	StringInfoData buf;

	initStringInfo(&buf);
	if (GetDatabaseEncoding() == PG_UTF8)
		htx_fold_utf8(s, len, &buf);
	else
	{
		char	   *u = pg_server_to_any(s, len, PG_UTF8);
		char	   *r;

		/* the conversion returns its input, unterminated, when it has none */
		htx_fold_utf8(u, (u == s) ? len : (int) strlen(u), &buf);
		r = pg_any_to_server(buf.data, buf.len, PG_UTF8);
		PG_RETURN_TEXT_P(cstring_to_text(r));
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf.data, buf.len));
}
