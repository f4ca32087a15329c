/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-csv.c: CSV text as a table of strings (RFC 4180, as spreadsheets and trackers write it)
 *
 * Fields are separated by a comma, a semicolon or a tab, whichever the
 * header line has most of (outside quotes); records end with LF, CRLF or
 * CR. A field in double quotes may hold separators, line breaks and
 * doubled quotes. Reading is lenient where RFC 4180 is strict and the
 * intent is plain: a quote inside an unquoted field is kept as a
 * character, spaces around an unquoted field are dropped, blank records
 * are skipped. A quote that is never closed loses the rest of the file,
 * which is reported with its line.
 *
 * Text that is not valid UTF-8 is read as Windows-1252, what spreadsheets
 * on Windows save "CSV" in; fm_csv_get_transcoded() says so.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-csv"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-csv.h"
#include "fm-file-check.h"

typedef struct {
  gsize first_field;
  guint n_fields;
  guint line;
} Row;

typedef struct {
  guint line;
  char *message;
} Problem;

struct _FmCsv
{
  char *display_name;
  char separator;
  gboolean transcoded;
  char *text;         /* every field, NUL-terminated, one after the other */
  GArray *starts;     /* gsize: where each field starts in text */
  GArray *rows;       /* Row; the header is the first */
  GArray *problems;   /* Problem */
};

G_DEFINE_QUARK (fm-csv-error-quark, fm_csv_error)

/* Windows-1252 0x80 to 0x9F; 0 where it defines no character. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static void
problem_clear (gpointer data)
{
  g_free (((Problem *) data)->message);
}

static void
fm_csv_finalize (FmCsv *self)
{
  g_free (self->display_name);
  g_free (self->text);
  g_array_unref (self->starts);
  g_array_unref (self->rows);
  g_array_unref (self->problems);
}

FmCsv *
fm_csv_ref (FmCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
fm_csv_unref (FmCsv *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) fm_csv_finalize);
}

/* The 1-based line and column of @p in @data, as the parser counts lines
 * (LF, CRLF and CR each end one). The column counts characters: bytes in
 * Windows-1252 text, else those of UTF-8 when the line before @p is UTF-8. */
static void
locate (const char *data,
        const char *p,
        gboolean    windows_1252,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *q = data; q < p; q++)
    if (*q == '\n' || (*q == '\r' && (q + 1 >= p || q[1] != '\n')))
      {
        (*line)++;
        line_start = q + 1;
      }

  if (!windows_1252 && g_utf8_validate_len (line_start, p - line_start, NULL))
    *column = g_utf8_strlen (line_start, p - line_start) + 1;
  else
    *column = p - line_start + 1;
}

/* Whether @data reads as UTF-16 without a byte order mark: the zero high
 * byte of Latin text on every other byte, on one side only. A CSV export
 * starts with ASCII headers, so its first bytes show it. */
static gboolean
looks_like_utf16 (const char *data,
                  gsize       length)
{
  gsize n = MIN (length, 1024) & ~(gsize) 1;
  gsize zero[2] = { 0, 0 };

  if (n < 8)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (data[i] == '\0')
      zero[i % 2]++;

  /* Three NULs in four code units on one side, none on the other. */
  return (zero[0] == 0 && zero[1] * 8 >= n * 3) || (zero[1] == 0 && zero[0] * 8 >= n * 3);
}

/* Returns: (transfer full) (nullable): @data as UTF-8, or NULL with @error set */
static char *
from_windows_1252 (const char  *data,
                   gsize        length,
                   const char  *display_name,
                   GError     **error)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        {
          g_string_append_c (out, c);
        }
      else if (c >= 0xA0)
        {
          g_string_append_unichar (out, c);
        }
      else if (cp1252_high[c - 0x80] != 0)
        {
          g_string_append_unichar (out, cp1252_high[c - 0x80]);
        }
      else
        {
          guint line, column;

          /* Found rarely, so counted only then. */
          locate (data, data + i, TRUE, &line, &column);
          g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ENCODING,
                       _("%s: line %u, column %u: neither UTF-8 nor Windows-1252 text (byte 0x%02X); "
                         "save the export as UTF-8"),
                       display_name, line, column, c);
          g_string_free (out, TRUE);
          return NULL;
        }
    }

  return g_string_free (out, FALSE);
}

/* The separator the header line has most of, outside quotes; a comma when
 * it has none (a single column) or on a tie. */
static char
sniff_separator (const char *p,
                 const char *end)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }

  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;

  return candidates[best];
}

static gboolean
is_blank (char c,
          char separator)
{
  return c == ' ' || (c == '\t' && separator != '\t');
}

static void
add_problem (FmCsv      *self,
             guint       line,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (FmCsv      *self,
             guint       line,
             const char *format,
             ...)
{
  Problem problem;
  va_list args;

  va_start (args, format);
  problem.line = line;
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->problems, problem);
}

/* Where the fields from @p on stop being plain: the end of the record, or
 * a quote that opens a field, for the parser to read. A record that is
 * not kept is passed over so, at no cost per field. */
static const char *
skip_unquoted_fields (const char *p,
                      const char *end,
                      char        sep)
{
  gboolean field_start = TRUE;

  for (; p < end; p++)
    {
      if (*p == '\n' || *p == '\r' || (*p == '"' && field_start))
        break;
      if (*p == sep)
        field_start = TRUE;
      else if (!is_blank (*p, sep))
        field_start = FALSE;
    }

  return p;
}

/* Splits @p to @end into rows of NUL-terminated fields in @buf.
 * Returns: FALSE when the header has too many fields or too long a one */
static gboolean
split (FmCsv      *self,
       const char *p,
       const char *end,
       GString    *buf)
{
  const char sep = self->separator;
  guint line = 1;

  while (p < end)
    {
      guint record_line = line;
      gsize buf_mark = buf->len;
      guint starts_mark = self->starts->len;
      gboolean all_empty = TRUE;
      gboolean unterminated = FALSE;
      gboolean too_wide = FALSE;
      gboolean too_long = FALSE;

      for (;;)
        {
          gsize field_start = buf->len;
          const char *q = p;

          g_array_append_val (self->starts, field_start);
          while (q < end && is_blank (*q, sep))
            q++;

          if (q < end && *q == '"')
            {
              const char *tail;

              for (p = q + 1;; p++)
                {
                  if (p >= end)
                    {
                      unterminated = TRUE;
                      break;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        p++;
                      else
                        break;
                    }
                  else if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
                    {
                      line++;
                    }
                  g_string_append_c (buf, *p);
                }
              if (unterminated)
                break;

              /* Text between the closing quote and the separator is kept,
               * unless it is only blanks. */
              tail = ++p;
              while (p < end && *p != sep && *p != '\n' && *p != '\r')
                p++;
              while (tail < p && is_blank (*tail, sep))
                tail++;
              g_string_append_len (buf, tail, p - tail);
            }
          else
            {
              const char *last;

              while (p < end && *p != sep && *p != '\n' && *p != '\r')
                p++;
              for (last = p; last > q && is_blank (last[-1], sep); last--)
                ;
              g_string_append_len (buf, q, last - q);
            }

          all_empty &= buf->len == field_start;
          too_long |= buf->len - field_start > FM_CSV_MAX_FIELD_SIZE;
          g_string_append_c (buf, '\0');
          too_wide |= self->starts->len - starts_mark > FM_CSV_MAX_COLUMNS;
          /* A record that will not be read keeps nothing, so that a line
           * of a hundred million empty fields costs no more than one. */
          if (too_long || too_wide)
            {
              g_string_truncate (buf, buf_mark);
              g_array_set_size (self->starts, starts_mark);
              /* A header fails the file: the rest of it need not be read. */
              if (self->rows->len == 0)
                break;
            }

          if (p < end && *p == sep)
            {
              p++;
              if (too_long || too_wide)
                p = skip_unquoted_fields (p, end, sep);
              continue;
            }
          if (p < end)
            {
              if (*p == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              p++;
              line++;
            }
          break;
        }

      if (unterminated)
        {
          /* A final line break ends the last line; it does not start one. */
          guint last_line = end[-1] == '\n' || end[-1] == '\r' ? line - 1 : line;

          add_problem (self, record_line,
                       _("the quoted field that starts here is not closed: lines %u to %u are not read"),
                       record_line, MAX (last_line, record_line));
          g_string_truncate (buf, buf_mark);
          g_array_set_size (self->starts, starts_mark);
          break;
        }
      if (too_wide || too_long)
        {
          gboolean header = self->rows->len == 0;

          G_STATIC_ASSERT (FM_CSV_MAX_COLUMNS == 10000);
          G_STATIC_ASSERT (FM_CSV_MAX_FIELD_SIZE == 1024 * 1024);
          if (too_wide && header)
            add_problem (self, record_line, "%s", _("more than 10,000 columns"));
          else if (too_wide)
            add_problem (self, record_line, "%s", _("more than 10,000 fields: the row is not read"));
          else if (header)
            add_problem (self, record_line, "%s", _("a field longer than 1 MiB"));
          else
            add_problem (self, record_line, "%s", _("a field longer than 1 MiB: the row is not read"));
          /* Without a header no row can be read. */
          if (header)
            return FALSE;
          continue;
        }
      if (all_empty)
        {
          g_string_truncate (buf, buf_mark);
          g_array_set_size (self->starts, starts_mark);
          continue;
        }

      {
        Row row = { starts_mark, self->starts->len - starts_mark, record_line };

        g_array_append_val (self->rows, row);
      }
    }

  return TRUE;
}

/**
 * fm_csv_parse:
 * @data: the text, UTF-8 (a byte order mark is skipped) or Windows-1252
 * @length: its length in bytes, or -1 if it ends with a NUL
 * @display_name: (nullable): the name that starts every error message
 * @separator: ',', ';' or '\t', or 0 to take the one the header line has
 *   most of
 * @error: an %FM_CSV_ERROR
 *
 * Reads CSV text into rows of fields; the first record that is not blank
 * is the header. Fields of the header are stripped of surrounding spaces.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error set
 *   when the text is empty or not text
 */
FmCsv *
fm_csv_parse (const char  *data,
              gssize       length,
              const char  *display_name,
              char         separator,
              GError     **error)
{
  g_autofree char *transcoded = NULL;
  g_autoptr(FmCsv) self = NULL;
  const char *nul;
  gboolean header_too_large;
  GString *buf;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (separator == 0 || separator == ',' || separator == ';' || separator == '\t', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("CSV");
  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);

  if (length > FM_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_LIMIT, _("%s: larger than %d MiB"),
                   display_name, FM_CSV_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  /* UTF-32's byte order marks start like UTF-16's: tell them apart. */
  if (length >= 4 && (memcmp (data, "\xFF\xFE\0\0", 4) == 0 || memcmp (data, "\0\0\xFE\xFF", 4) == 0))
    {
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ENCODING,
                   _("%s: UTF-32 text; save the export as UTF-8 CSV"), display_name);
      return NULL;
    }
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ENCODING,
                   _("%s: UTF-16 text; save the export as UTF-8 CSV"), display_name);
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  nul = memchr (data, '\0', length);
  if (nul != NULL && looks_like_utf16 (data, length))
    {
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ENCODING,
                   _("%s: looks like UTF-16; save the export as UTF-8 CSV"), display_name);
      return NULL;
    }
  if (nul != NULL)
    {
      guint line, column;

      locate (data, nul, FALSE, &line, &column);
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ENCODING,
                   _("%s: line %u, column %u: a NUL byte: not a text file"), display_name, line, column);
      return NULL;
    }

  self = g_atomic_rc_box_new0 (FmCsv);
  self->display_name = g_strdup (display_name);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (self->problems, problem_clear);

  if (!g_utf8_validate_len (data, length, NULL))
    {
      transcoded = from_windows_1252 (data, length, display_name, error);
      if (transcoded == NULL)
        return NULL;
      data = transcoded;
      length = strlen (transcoded);
      self->transcoded = TRUE;
    }

  self->separator = separator != 0 ? separator : sniff_separator (data, data + length);

  buf = g_string_sized_new (length + 1);
  header_too_large = !split (self, data, data + length, buf);
  self->text = g_string_free (buf, FALSE);

  if (self->rows->len == 0 && self->problems->len > 0)
    {
      const Problem *problem = &g_array_index (self->problems, Problem, 0);

      /* An unclosed quote leaves no header: the file is as good as empty. */
      g_set_error (error, FM_CSV_ERROR, header_too_large ? FM_CSV_ERROR_LIMIT : FM_CSV_ERROR_EMPTY,
                   _("%s: line %u: %s"),
                   display_name, problem->line, problem->message);
      return NULL;
    }
  if (self->rows->len == 0)
    {
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_EMPTY, _("%s: the file is empty"), display_name);
      return NULL;
    }

  for (guint i = 0; i < fm_csv_get_n_columns (self); i++)
    g_strstrip (self->text + g_array_index (self->starts, gsize, i));

  return g_steal_pointer (&self);
}

static char *
display_name_for (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename != NULL)
    return g_filename_display_name (basename);

  return g_file_get_parse_name (file);
}

/**
 * fm_csv_read_file:
 * @separator: as for fm_csv_parse()
 * @error: an %FM_CSV_ERROR or a %G_IO_ERROR, whose message starts with the
 *   file's name
 *
 * Reads @file as fm_csv_parse() reads a text, refusing a file larger than
 * %FM_CSV_MAX_FILE_SIZE without reading it all.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error set
 */
FmCsv *
fm_csv_read_file (GFile   *file,
                  char     separator,
                  GError **error)
{
  const gsize chunk = 256 * 1024;
  g_autofree char *display_name = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = display_name_for (file);
  /* A FIFO with no writer would block the read forever. */
  if (!fm_file_check_regular (file, &local_error))
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
      return NULL;
    }
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
      return NULL;
    }

  /* Read in chunks with a bound, so that /dev/zero or a huge file fails fast. */
  bytes = g_byte_array_new ();
  for (;;)
    {
      gsize old_length = bytes->len;
      gssize n_read;

      g_byte_array_set_size (bytes, old_length + chunk);
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), bytes->data + old_length,
                                    chunk, NULL, &local_error);
      if (n_read < 0)
        {
          g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
          return NULL;
        }
      g_byte_array_set_size (bytes, old_length + n_read);
      if (n_read == 0)
        break;
      if (bytes->len > FM_CSV_MAX_FILE_SIZE)
        {
          g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_LIMIT, _("%s: larger than %d MiB"),
                       display_name, FM_CSV_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
    }

  return fm_csv_parse ((const char *) bytes->data, bytes->len, display_name, separator, error);
}

const char *
fm_csv_get_display_name (FmCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

/* Returns: the separator, given or found */
char
fm_csv_get_separator (FmCsv *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

/* Returns: whether the text was not UTF-8 and was read as Windows-1252 */
gboolean
fm_csv_get_transcoded (FmCsv *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->transcoded;
}

static const Row *
row_at (FmCsv *self,
        guint  index)
{
  return &g_array_index (self->rows, Row, index);
}

/* Returns: the number of fields of the header */
guint
fm_csv_get_n_columns (FmCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return row_at (self, 0)->n_fields;
}

const char *
fm_csv_get_header (FmCsv *self,
                   guint  column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < fm_csv_get_n_columns (self), NULL);

  return self->text + g_array_index (self->starts, gsize, column);
}

/* Returns: the number of rows after the header */
guint
fm_csv_get_n_rows (FmCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len - 1;
}

/* Returns: the 1-based line of the file on which @row starts */
guint
fm_csv_get_line (FmCsv *self,
                 guint  row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < fm_csv_get_n_rows (self), 0);

  return row_at (self, row + 1)->line;
}

/* Returns: the number of fields @row has, which may differ from the header's */
guint
fm_csv_get_n_fields (FmCsv *self,
                     guint  row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < fm_csv_get_n_rows (self), 0);

  return row_at (self, row + 1)->n_fields;
}

/**
 * fm_csv_get_field:
 * @row: a row after the header, from 0
 *
 * Returns: (nullable): the field, or %NULL when @row has fewer fields
 */
const char *
fm_csv_get_field (FmCsv *self,
                  guint  row,
                  guint  column)
{
  const Row *r;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < fm_csv_get_n_rows (self), NULL);

  r = row_at (self, row + 1);
  if (column >= r->n_fields)
    return NULL;

  return self->text + g_array_index (self->starts, gsize, r->first_field + column);
}

/* Records that could not be read at all: a quote never closed, more
 * fields than %FM_CSV_MAX_COLUMNS, a field longer than
 * %FM_CSV_MAX_FIELD_SIZE. */
guint
fm_csv_get_n_problems (FmCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->problems->len;
}

/**
 * fm_csv_get_problem:
 * @line: (out) (optional): the line the record starts on
 *
 * Returns: what is wrong with the record
 */
const char *
fm_csv_get_problem (FmCsv *self,
                    guint  position,
                    guint *line)
{
  const Problem *problem;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->problems->len, NULL);

  problem = &g_array_index (self->problems, Problem, position);
  if (line != NULL)
    *line = problem->line;

  return problem->message;
}
