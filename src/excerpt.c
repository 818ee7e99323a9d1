/*
 * excerpt.c
 *		A bounded prefix of a bad value, for error messages.
 *
 * An error that quotes the value it refuses helps a user find the bad row,
 * but quoting a 1 MB value makes a 1 MB message, and as much in the server
 * log for every failed row.  Messages quote at most HTX_EXCERPT_CHARS
 * characters of a value, followed by "..." when there is more; the SQL
 * functions do the same through htx_excerpt(text).
 */
#include "postgres.h"

#include "mb/pg_wchar.h"

#include "htx.h"

/*
 * Return a palloc'd copy of the first HTX_EXCERPT_CHARS characters of s
 * (len bytes, in the database encoding), with "..." appended when s is
 * longer.  Never reads past s + len, even when the last character of s is
 * cut short (SQL_ASCII databases hold any bytes).
 */
char *
htx_excerpt(const char *s, int len)
{
	int			clip = 0;
	int			nch = 0;

	while (clip < len && nch < HTX_EXCERPT_CHARS)
	{
		int			l = pg_mblen(s + clip);

		clip += Min(l, len - clip);
		nch++;
	}
	if (clip >= len)
		return pnstrdup(s, len);
	return psprintf("%.*s...", clip, s);
}
