/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-cli.c: flashsheet-cli, the scriptable command line over a Flashsheet collection. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "flash-backup.h"
#include "flash-day.h"
#include "flash-sheet.h"
#include "flash-sm2.h"
#include "flash-store.h"

#include "flash-anki.h"
#include "flash-cli-private.h"

static const FlashCliCommand *find_command (const char *name);

/* Output helpers */

static void
print_usage_line (FILE                  *stream,
                  const FlashCliCommand *command)
{
  /* Translators: keep the option names; the first %s is the program, then the command and its
   * arguments. */
  if (command != NULL)
    fprintf (stream, _("Usage: %s [--db PATH] [--now ISO8601] %s%s%s\n"),
             PROGRAM_NAME, command->name, *command->synopsis ? " " : "", command->synopsis);
  else
    fprintf (stream, _("Usage: %s [--db PATH] [--now ISO8601] COMMAND [ARGUMENT…]\n"),
             PROGRAM_NAME);
}

/* Prints a usage error in the form scripts expect and returns the usage exit status. */
int
flash_cli_usage_error (const FlashCliCommand *command,
                       const char            *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "%s: %s\n", PROGRAM_NAME, message);
  print_usage_line (stderr, command);
  fprintf (stderr, _("Try “%s --help” for more information.\n"), PROGRAM_NAME);
  return FLASH_CLI_EXIT_USAGE;
}

/* Core messages already name the file where there is one, so they are printed as they are. */
int
flash_cli_report_error (const GError *error)
{
  fprintf (stderr, "%s: %s\n", PROGRAM_NAME, error->message);
  return FLASH_CLI_EXIT_ERROR;
}

/* Tab-separated output must stay one record per line, so control characters (newlines and tabs
 * above all) inside a field become spaces; a CRLF pair is one line break and so one space. Each
 * run of plain bytes goes to @out in one piece. */
static void
fold_into (GString    *out,
           FILE       *stream,
           const char *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x20 && *p != 0x7f)
        continue;
      if (out != NULL)
        g_string_append_len (out, run, p - run);
      else
        fwrite (run, 1, (gsize) (p - run), stream);
      run = p + 1;
      if (p[0] == '\r' && p[1] == '\n')
        continue;
      if (out != NULL)
        g_string_append_c (out, ' ');
      else
        putc (' ', stream);
    }
  if (out != NULL)
    g_string_append_len (out, run, p - run);
  else
    fwrite (run, 1, (gsize) (p - run), stream);
}

char *
flash_cli_fold_field (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text));
  fold_into (out, NULL, text);
  return g_string_free (out, FALSE);
}

void
flash_cli_put_field (const char *text)
{
  if (text != NULL)
    fold_into (NULL, stdout, text);
}

/* Numbers in the output are data: they use a dot whatever the locale says. */
static const char *
format_ef (char   *buffer,
           gsize   size,
           double  ef)
{
  return g_ascii_formatd (buffer, size, "%.4f", ef);
}

/* Argument parsing */

gboolean
flash_cli_parse_id (const char *text,
                    gint64     *id)
{
  return g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL);
}

gboolean
flash_cli_parse_grade (const char *text,
                       int        *grade)
{
  static const struct
  {
    const char *word;
    int         grade;
  } words[] = {
    { "again", FLASH_GRADE_AGAIN }, { "hard", FLASH_GRADE_HARD },
    { "good", FLASH_GRADE_GOOD }, { "easy", FLASH_GRADE_EASY },
  };
  gint64 value;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (text, words[i].word) == 0)
      {
        *grade = words[i].grade;
        return TRUE;
      }
  if (!g_ascii_string_to_signed (text, 10, 0, 5, &value, NULL))
    return FALSE;
  *grade = (int) value;
  g_assert (flash_sm2_grade_valid (*grade));
  return TRUE;
}

/* Reads the whole command line. Options may come before or after the command, as with most GNU
 * tools, and "--" ends the options so that file names starting with "-" can be imported. */
static int
parse_command_line (FlashCli  *cli,
                    int        argc,
                    char     **argv)
{
  struct
  {
    const char   *name;
    const char  **value;
    guint         flag;
  } value_options[] = {
    { "--db", &cli->db_path, 0 },
    { "--now", &cli->now_text, 0 },
    { "--deck", &cli->deck, FLASH_CLI_OPTION_DECK },
    { "--limit", &cli->limit, FLASH_CLI_OPTION_LIMIT },
    { "--format", &cli->format, FLASH_CLI_OPTION_FORMAT },
    { "--keep", &cli->keep, FLASH_CLI_OPTION_KEEP },
    { "--question", &cli->question, FLASH_CLI_OPTION_EDIT },
    { "--answer-file", &cli->answer_file, FLASH_CLI_OPTION_EDIT },
    { "--state", &cli->state, FLASH_CLI_OPTION_STATE },
    { "--section", &cli->section, FLASH_CLI_OPTION_SCOPE },
    { "--tag", &cli->tag, FLASH_CLI_OPTION_SCOPE },
    { "--ahead", &cli->ahead, FLASH_CLI_OPTION_SCOPE },
    { "--order", &cli->order, FLASH_CLI_OPTION_ORDER },
    { "--seed", &cli->seed, FLASH_CLI_OPTION_SEED },
    { "--questions", &cli->questions, FLASH_CLI_OPTION_PLAN },
    { "--minutes", &cli->minutes, FLASH_CLI_OPTION_PLAN },
    { "--seconds", &cli->seconds, FLASH_CLI_OPTION_ANSWER },
    { "--note", &cli->note, FLASH_CLI_OPTION_ANSWER },
    { "--days", &cli->days, FLASH_CLI_OPTION_DAYS },
    { "--retention", &cli->retention, FLASH_CLI_OPTION_SCHEDULER },
    { "--fuzz", &cli->fuzz, FLASH_CLI_OPTION_SCHEDULER },
    { "--scheduler", &cli->scheduler, FLASH_CLI_OPTION_SCHEDULER },
    { "--output", &cli->output, FLASH_CLI_OPTION_FORMAT },
  };
  const char *command_name = NULL;
  gboolean options_done = FALSE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean matched = FALSE;

      if (options_done || arg[0] != '-' || strcmp (arg, "-") == 0)
        {
          if (command_name == NULL)
            command_name = arg;
          else
            g_ptr_array_add (cli->positional, (gpointer) arg);
          continue;
        }

      if (strcmp (arg, "--") == 0)
        {
          options_done = TRUE;
          continue;
        }
      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          cli->help = TRUE;
          continue;
        }
      if (strcmp (arg, "--version") == 0)
        {
          cli->version = TRUE;
          continue;
        }

      for (guint o = 0; o < G_N_ELEMENTS (value_options); o++)
        {
          gsize len = strlen (value_options[o].name);
          const char *value;
          gboolean topic;

          if (strncmp (arg, value_options[o].name, len) != 0)
            continue;
          if (arg[len] == '=')
            value = arg + len + 1;
          else if (arg[len] == '\0')
            {
              if (i + 1 >= argc)
                return flash_cli_usage_error (find_command (command_name),
                                              _("option %s needs a value"), value_options[o].name);
              value = argv[++i];
            }
          else
            continue;

          topic = value_options[o].value == &cli->deck || value_options[o].value == &cli->section
                  || value_options[o].value == &cli->tag;
          if (*value == '\0')
            return flash_cli_usage_error (find_command (command_name),
                                          _("option %s needs a value"), value_options[o].name);
          /* A topic may come again (`interview start`); whether it may is known with the
           * command. */
          if (*value_options[o].value != NULL && !topic)
            return flash_cli_usage_error (find_command (command_name),
                                          _("option %s given twice"), value_options[o].name);
          if (*value_options[o].value != NULL)
            cli->repeated = value_options[o].name;
          else
            *value_options[o].value = value;
          if (topic)
            {
              g_ptr_array_add (cli->topics, (gpointer) value_options[o].name);
              g_ptr_array_add (cli->topics, (gpointer) value);
            }
          cli->seen_options |= value_options[o].flag;
          matched = TRUE;
          break;
        }
      if (!matched)
        return flash_cli_usage_error (find_command (command_name), _("unknown option %s"), arg);
    }

  /* --help and --version win over everything else, as users expect. */
  if (cli->help || cli->version)
    return FLASH_CLI_EXIT_OK;

  if (command_name == NULL)
    return flash_cli_usage_error (NULL, _("no command given"));
  cli->command = find_command (command_name);
  if (cli->command == NULL)
    return flash_cli_usage_error (NULL, _("unknown command “%s”"), command_name);

  for (guint o = 0; o < G_N_ELEMENTS (value_options); o++)
    {
      guint flag = value_options[o].flag;

      if ((cli->seen_options & flag) != 0 && (cli->command->options & flag) == 0)
        return flash_cli_usage_error (cli->command, _("%s does not take the option %s"),
                                      cli->command->name, value_options[o].name);
    }

  if (cli->repeated != NULL && (cli->command->options & FLASH_CLI_OPTION_TOPICS) == 0)
    return flash_cli_usage_error (cli->command, _("option %s given twice"), cli->repeated);

  if (cli->positional->len < cli->command->min_args)
    return flash_cli_usage_error (cli->command, _("%s: missing argument"), cli->command->name);
  if (cli->positional->len > cli->command->max_args)
    return flash_cli_usage_error (cli->command, _("%s: too many arguments"), cli->command->name);

  return FLASH_CLI_EXIT_OK;
}

const char *
flash_cli_positional (FlashCli *cli,
                      guint     n)
{
  return g_ptr_array_index (cli->positional, n);
}

/* Opens the collection the first time a command needs it; prints the error otherwise. */
FlashStore *
flash_cli_get_store (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;

  if (cli->store != NULL)
    return cli->store;

  if (cli->db_path == NULL)
    default_path = flash_store_default_path ();
  cli->store = flash_store_open (cli->db_path != NULL ? cli->db_path : default_path, &error);
  if (cli->store == NULL)
    flash_cli_report_error (error);
  return cli->store;
}

/* Reads the clock: --now, else FLASHSHEET_NOW, else the system clock. A time that cannot be
 * parsed is wrong usage, wherever it came from. */
int
flash_cli_get_now (FlashCli   *cli,
                   GDateTime **now)
{
  g_autoptr(GError) error = NULL;

  if (cli->now == NULL)
    {
      cli->now = flash_clock_now (&error);
      if (cli->now == NULL)
        return flash_cli_usage_error (cli->command, "FLASHSHEET_NOW: %s", error->message);
    }
  *now = cli->now;
  return FLASH_CLI_EXIT_OK;
}

/* Resolves --deck to a deck id; 0 (every deck) when the option is absent. */
gboolean
flash_cli_get_deck (FlashCli *cli,
                    gint64   *deck_id)
{
  g_autoptr(GError) error = NULL;
  FlashStore *store = flash_cli_get_store (cli);

  if (store == NULL)
    return FALSE;
  if (cli->deck == NULL)
    {
      *deck_id = 0;
      return TRUE;
    }
  *deck_id = flash_store_find_deck (store, cli->deck, &error);
  if (*deck_id == 0)
    {
      flash_cli_report_error (error);
      return FALSE;
    }
  return TRUE;
}

/* Commands */

/* Standard input, read whole up to the size a cheatsheet may have (and one byte more, so that a
 * larger one is refused rather than cut). */
GBytes *
flash_cli_read_stdin (GError **error)
{
  GByteArray *bytes = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_byte_array_append (bytes, buffer, (guint) n);
      if (bytes->len > FLASH_SHEET_MAX_SIZE)
        break;
    }
  if (ferror (stdin))
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_READ, "%s: %s", _("standard input"),
                   _("cannot be read"));
      g_byte_array_unref (bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

/* "-": a sheet from standard input, Markdown or (--format html) a web page. */
static gboolean
import_stdin (FlashCli           *cli,
              FlashStore         *store,
              FlashImportResult  *result,
              GError            **error)
{
  g_autoptr(GBytes) bytes = flash_cli_read_stdin (error);
  g_autoptr(FlashSheet) sheet = NULL;
  g_autofree char *day = NULL;
  g_autofree char *fallback = NULL;
  GDateTime *now;
  gsize length;
  const char *data;

  if (bytes == NULL || flash_cli_get_now (cli, &now) != FLASH_CLI_EXIT_OK)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  day = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the name of a deck read from standard input without a title; %s is a date. */
  fallback = g_strdup_printf (_("Pasted on %s"), day);
  sheet = flash_sheet_parse_pasted (data != NULL ? data : "", length,
                                    g_strcmp0 (cli->format, "html") == 0, _("standard input"),
                                    fallback, error);
  return sheet != NULL && flash_store_import_sheet (store, sheet, result, error);
}

static int
run_import (FlashCli *cli)
{
  FlashStore *store;
  int status = FLASH_CLI_EXIT_OK;

  if (cli->format != NULL && strcmp (cli->format, "md") != 0 && strcmp (cli->format, "html") != 0)
    return flash_cli_usage_error (cli->command,
                                  _("unknown import format “%s” (use md or html)"), cli->format);
  if ((store = flash_cli_get_store (cli)) == NULL)
    return FLASH_CLI_EXIT_ERROR;

  /* Each file is imported in its own transaction: one bad file must not stop the others. */
  for (guint i = 0; i < cli->positional->len; i++)
    {
      g_autoptr(GError) error = NULL;
      FlashImportResult result = { 0 };
      gboolean ok;

      if (strcmp (flash_cli_positional (cli, i), "-") == 0)
        ok = import_stdin (cli, store, &result, &error);
      else if (cli->format == NULL && flash_anki_is_package (flash_cli_positional (cli, i)))
        {
          /* A package has decks of its own: it prints a summary for each. */
          if (!flash_cli_import_anki (cli, store, flash_cli_positional (cli, i), &error))
            {
              fflush (stdout);
              flash_cli_report_error (error);
              status = FLASH_CLI_EXIT_ERROR;
            }
          continue;
        }
      else
        ok = flash_store_import_file (store, flash_cli_positional (cli, i), &result, &error);
      if (!ok)
        {
          fflush (stdout);
          if (error != NULL)
            flash_cli_report_error (error);
          status = FLASH_CLI_EXIT_ERROR;
          continue;
        }

      /* Translators: the import summary of one file: deck name, active cards, then what the
       * import did to them. The counts can be 0 or 1 as well. */
      printf (_("%s: %u cards (%u added, %u updated, %u unchanged, %u retired)"),
              result.deck_name, result.total, result.added, result.updated, result.unchanged,
              result.retired);
      /* Translators: follows the import summary when the card rules split or merged cards. */
      if (result.split > 0 || result.merged > 0)
        printf (_("; %u split, %u merged"), result.split, result.merged);
      printf ("\n");
      fflush (stdout);
      flash_import_result_clear (&result);
    }

  return status;
}

static int
run_decks (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  FlashStore *store = flash_cli_get_store (cli);
  GDateTime *now;
  int status;

  if (store == NULL)
    return FLASH_CLI_EXIT_ERROR;
  if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
    return status;

  decks = flash_store_list_decks (store, now, &error);
  if (decks == NULL)
    return flash_cli_report_error (error);

  for (guint i = 0; i < decks->len; i++)
    {
      const FlashDeckInfo *info = g_ptr_array_index (decks, i);
      g_autofree char *name = flash_cli_fold_field (info->name);

      printf ("%" G_GINT64_FORMAT "\t%s\t%u\t%u\t%u\n",
              info->id, name, info->total, info->new_cards, info->due_today);
    }
  return FLASH_CLI_EXIT_OK;
}

/* Reads one deck's items (--deck, or every deck) as the command says, and prints each. */
static int
run_deck_rows (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 deck_id;

  if (cli->state != NULL)
    return flash_cli_run_cards_in_state (cli);
  if (!flash_cli_get_deck (cli, &deck_id))
    return FLASH_CLI_EXIT_ERROR;
  rows = cli->command->list (cli->store, deck_id, &error);
  if (rows == NULL)
    return flash_cli_report_error (error);
  for (guint i = 0; i < rows->len; i++)
    cli->command->print_row (g_ptr_array_index (rows, i));
  return FLASH_CLI_EXIT_OK;
}

static void
print_card_row (gconstpointer row)
{
  const FlashCard *card = row;
  g_autofree char *deck = flash_cli_fold_field (card->deck_name);
  g_autofree char *context = flash_cli_fold_field (card->context);
  g_autofree char *question = flash_cli_fold_field (card->question);

  printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", card->id, deck, context, question);
}

static int
run_show (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashCard) card = NULL;
  FlashStore *store;
  const char *answer;
  gint64 id;

  if (!flash_cli_parse_id (flash_cli_positional (cli, 0), &id))
    return flash_cli_usage_error (cli->command, _("“%s” is not a card id"),
                                  flash_cli_positional (cli, 0));
  if ((store = flash_cli_get_store (cli)) == NULL)
    return FLASH_CLI_EXIT_ERROR;

  card = flash_store_get_card (store, id, &error);
  if (card == NULL)
    return flash_cli_report_error (error);

  answer = card->answer != NULL ? card->answer : "";
  printf ("%s\n\n%s", card->question, answer);
  /* The output always ends with exactly one line break added, so `show` composes with pipes. */
  if (*answer == '\0' || answer[strlen (answer) - 1] != '\n')
    putchar ('\n');
  return FLASH_CLI_EXIT_OK;
}

static int
run_grade (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  FlashReviewResult result = { 0 };
  char ef[G_ASCII_DTOSTR_BUF_SIZE];
  FlashStore *store;
  GDateTime *now;
  gint64 id;
  int grade;
  int status;

  if (!flash_cli_parse_id (flash_cli_positional (cli, 0), &id))
    return flash_cli_usage_error (cli->command, _("“%s” is not a card id"),
                                  flash_cli_positional (cli, 0));
  if (!flash_cli_parse_grade (flash_cli_positional (cli, 1), &grade))
    return flash_cli_usage_error (cli->command,
                                  _("the grade must be a whole number from 0 to 5 or again, "
                                    "hard, good or easy, not “%s”"),
                                  flash_cli_positional (cli, 1));
  if ((store = flash_cli_get_store (cli)) == NULL)
    return FLASH_CLI_EXIT_ERROR;
  if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
    return status;

  /* The CLI has no notion of how long the answer took, so it records 0 ms. */
  if (!flash_store_record_review (store, id, grade, now, 0, &result, &error))
    return flash_cli_report_error (error);

  due = flash_day_to_iso (result.due_day);
  printf ("%d\t%s\t%d\t%s\n",
          result.after.reps,
          format_ef (ef, sizeof ef, result.fsrs ? result.fsrs_after.difficulty : result.after.ef),
          result.after.interval, due);
  return FLASH_CLI_EXIT_OK;
}

static int
run_undo (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  FlashStore *store = flash_cli_get_store (cli);
  gint64 card_id = 0;

  if (store == NULL)
    return FLASH_CLI_EXIT_ERROR;
  if (!flash_store_undo_last (store, &card_id, &error))
    return flash_cli_report_error (error);

  printf ("%" G_GINT64_FORMAT "\n", card_id);
  return FLASH_CLI_EXIT_OK;
}

static void
print_log_row (gconstpointer row)
{
  const FlashLogEntry *entry = row;
  g_autoptr(GDateTime) stamp = g_date_time_new_from_unix_utc (entry->time);
  g_autofree char *when = NULL;
  char ef[G_ASCII_DTOSTR_BUF_SIZE];

  /* Times out of GDateTime's range cannot come from a real review; show them raw. */
  if (stamp != NULL)
    when = g_date_time_format (stamp, "%Y-%m-%dT%H:%M:%SZ");
  else
    when = g_strdup_printf ("%" G_GINT64_FORMAT, entry->time);
  printf ("%s\t%" G_GINT64_FORMAT "\t%d\t%d\t%s\n",
          when, entry->card_id, entry->grade, entry->interval_after,
          format_ef (ef, sizeof ef, entry->ef_after));
}

static int
run_export (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean markdown;
  gint64 deck_id;

  if (cli->format == NULL)
    return flash_cli_usage_error (cli->command,
                                  _("export needs --format md, --format tsv or --format apkg"));
  if (strcmp (cli->format, "apkg") == 0)
    {
      GDateTime *now;
      int status;

      /* A package is a zip, not text: it goes to a file, never to the terminal. */
      if (cli->output == NULL)
        return flash_cli_usage_error (cli->command, _("--format apkg needs --output FILE"));
      if (!flash_cli_get_deck (cli, &deck_id))
        return FLASH_CLI_EXIT_ERROR;
      if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
        return status;
      if (!flash_anki_export (cli->store, deck_id, cli->output, now, &error))
        return flash_cli_report_error (error);
      return FLASH_CLI_EXIT_OK;
    }
  if (strcmp (cli->format, "md") == 0)
    markdown = TRUE;
  else if (strcmp (cli->format, "tsv") == 0)
    markdown = FALSE;
  else
    return flash_cli_usage_error (cli->command,
                                  _("unknown export format “%s” (use md, tsv or apkg)"),
                                  cli->format);
  if (cli->output != NULL)
    return flash_cli_usage_error (cli->command, _("--output is for --format apkg"));

  if (!flash_cli_get_deck (cli, &deck_id))
    return FLASH_CLI_EXIT_ERROR;

  if (markdown)
    text = flash_store_export_markdown (cli->store, deck_id, &error);
  else
    text = flash_store_export_tsv (cli->store, deck_id, &error);
  if (text == NULL)
    return flash_cli_report_error (error);

  fputs (text, stdout);
  return FLASH_CLI_EXIT_OK;
}

static int
run_backup (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint64 keep = 0;
  FlashStore *store;

  /* --keep sets how many backups the collection keeps from now on (the default is 7). */
  if (cli->keep != NULL
      && !g_ascii_string_to_unsigned (cli->keep, 10, 1, 1000, &keep, NULL))
    return flash_cli_usage_error (cli->command,
                                  _("--keep needs a number from 1 to 1000, not “%s”"), cli->keep);
  store = flash_cli_get_store (cli);
  if (store == NULL)
    return FLASH_CLI_EXIT_ERROR;
  if (keep > 0 && !flash_backup_set_keep (store, (guint) keep, &error))
    return flash_cli_report_error (error);
  path = flash_backup_now (store, &error);
  if (path == NULL)
    return flash_cli_report_error (error);
  printf ("%s\n", path);
  return FLASH_CLI_EXIT_OK;
}

static int
run_restore (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  const char *db = cli->db_path;

  /* The collection is not opened: it may be the damaged one that the backup replaces. */
  if (db == NULL)
    db = default_path = flash_store_default_path ();
  if (!flash_backup_restore (db, flash_cli_positional (cli, 0), &error))
    return flash_cli_report_error (error);
  return FLASH_CLI_EXIT_OK;
}

static const FlashCliCommand commands[] = {
  { "import", "[--format md|html] FILE…|-", N_("Import cheatsheets; each file is all or nothing"),
    FLASH_CLI_OPTION_FORMAT, 1, G_MAXUINT, run_import },
  { "decks", "", N_("List decks: id, name, total, new, due today"),
    0, 0, 0, run_decks },
  { "cards", "[--deck NAME] [--state STATE]", N_("List cards: id, deck, context, question"),
    FLASH_CLI_OPTION_DECK | FLASH_CLI_OPTION_STATE, 0, 0, run_deck_rows, flash_store_list_cards,
    print_card_row },
  { "search", "QUERY [--deck NAME] [--limit N]",
    N_("Find cards by their words: id, deck, question"),
    FLASH_CLI_OPTION_DECK | FLASH_CLI_OPTION_LIMIT, 1, 1, flash_cli_run_search },
  { "edit", "ID [--question TEXT] [--answer-file FILE|-]",
    N_("Change a card’s question or answer; re-imports keep the edit"),
    FLASH_CLI_OPTION_EDIT, 1, 1, flash_cli_run_edit },
  { "suspend", "ID…", N_("Keep cards out of study until unsuspended"),
    0, 1, G_MAXUINT, flash_cli_run_action },
  { "unsuspend", "ID…", N_("Let suspended cards be studied again"),
    0, 1, G_MAXUINT, flash_cli_run_action },
  { "bury", "ID…", N_("Keep cards out of today’s queue"),
    0, 1, G_MAXUINT, flash_cli_run_action },
  { "flag", "ID [N]", N_("Flag a card with flag N (1–7, default 1; 0 removes it)"),
    0, 1, 2, flash_cli_run_action },
  { "reset", "ID…", N_("Make cards new again; their review log stays"),
    0, 1, G_MAXUINT, flash_cli_run_action },
  { "delete", "ID…", N_("Delete cards; re-importing their sheet does not bring them back"),
    0, 1, G_MAXUINT, flash_cli_run_action },
  { "show", "ID", N_("Show a card: question, a blank line, answer"),
    0, 1, 1, run_show },
  { "due", "[--deck NAME] [--section S] [--tag T] [--ahead DAYS] [--limit N]",
    N_("Today’s queue in order: id, deck, question"),
    FLASH_CLI_OPTION_DECK | FLASH_CLI_OPTION_LIMIT | FLASH_CLI_OPTION_SCOPE, 0, 0,
    flash_cli_run_due },
  { "rename-deck", "NAME NEW-NAME", N_("Rename a deck; re-importing its sheet keeps the name"),
    0, 2, 2, flash_cli_run_rename_deck },
  { "deck-limit", "NAME [N|none]",
    N_("Show or set a deck’s own daily limit of new cards (none: the collection’s only)"),
    0, 1, 2, flash_cli_run_deck_limit },
  { "cram", "[--deck NAME] [--section S] [--tag T] [--state STATE] [--order random|weakest] "
    "[--limit N] [--seed S]", N_("Cards to cram now, the schedule untouched: id, deck, question"),
    FLASH_CLI_OPTION_DECK | FLASH_CLI_OPTION_SCOPE | FLASH_CLI_OPTION_STATE
    | FLASH_CLI_OPTION_ORDER | FLASH_CLI_OPTION_LIMIT | FLASH_CLI_OPTION_SEED, 0, 0,
    flash_cli_run_cram },
  { "interview", "start|questions|answer|report|list …",
    N_("Mock interviews: start one, list its questions, answer, report, list them all"),
    FLASH_CLI_OPTION_DECK | FLASH_CLI_OPTION_SCOPE | FLASH_CLI_OPTION_TOPICS
    | FLASH_CLI_OPTION_PLAN | FLASH_CLI_OPTION_SEED | FLASH_CLI_OPTION_ANSWER, 1, 4,
    flash_cli_run_interview },
  { "grade", "ID GRADE", N_("Record a review, grade 0–5 or again, hard, good, easy: n, EF (SM-2) "
                           "or difficulty (FSRS), interval, due"),
    0, 2, 2, run_grade },
  { "schedule", "ID", N_("A card’s schedule: scheduler, reviews, lapses, EF, stability, "
                         "difficulty, retrievability, interval, due"),
    0, 1, 1, flash_cli_run_schedule },
  { "scheduler", "[sm2|fsrs] [--retention R] [--fuzz on|off]",
    N_("Show or choose the scheduler and FSRS’s settings"),
    FLASH_CLI_OPTION_SCHEDULER, 0, 1, flash_cli_run_scheduler },
  { "undo", "", N_("Undo the last review and print its card id"),
    0, 0, 0, run_undo },
  { "log", "[--deck NAME]", N_("Review log: time, card id, grade, interval, EF"),
    FLASH_CLI_OPTION_DECK, 0, 0, run_deck_rows, flash_store_list_log, print_log_row },
  { "stats", "[calendar|forecast|retention|intervals|ease|buttons|hours] [--deck NAME] "
    "[--days N]", N_("Statistics as key and value lines, or one kind of them as rows"),
    FLASH_CLI_OPTION_DECK | FLASH_CLI_OPTION_DAYS, 0, 1, flash_cli_run_stats },
  { "export", "[--deck NAME] --format md|tsv|apkg [--output FILE]",
    N_("Write cards as Markdown or TSV, or as an Anki package to FILE"),
    FLASH_CLI_OPTION_DECK | FLASH_CLI_OPTION_FORMAT, 0, 0, run_export },
  { "backup", "[--keep N]", N_("Back up the collection now and print the backup’s path"),
    FLASH_CLI_OPTION_KEEP, 0, 0, run_backup },
  { "restore", "FILE", N_("Replace the collection with a backup; the replaced one is kept"),
    0, 1, 1, run_restore },
  { "simulate", "[--scheduler sm2|fsrs] GRADES",
    N_("Replay SM-2 or FSRS on grades like 5,4,3,0,4"),
    FLASH_CLI_OPTION_SCHEDULER, 1, 1, flash_cli_run_simulate },
};

static const FlashCliCommand *
find_command (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* The help's first column is at most this wide; a longer synopsis has a line of its own. */
#define MAX_HELP_COLUMN 50

/* Pads by characters rather than bytes, as synopses and translations are not ASCII. */
static void
print_padded (const char *left,
              guint       width,
              const char *right)
{
  glong len = g_utf8_strlen (left, -1);

  printf ("  %s", left);
  if (len > (glong) width)
    {
      printf ("\n  ");
      len = 0;
    }
  for (glong i = len; i < (glong) width; i++)
    putchar (' ');
  printf (" %s\n", right);
}

static void
print_help (void)
{
  g_autofree char *default_path = flash_store_default_path ();
  guint width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strjoin (" ", commands[i].name, commands[i].synopsis, NULL);

      guint len = (guint) g_utf8_strlen (left, -1);

      if (len <= MAX_HELP_COLUMN)
        width = MAX (width, len);
    }

  print_usage_line (stdout, NULL);
  printf ("\n%s\n%s\n\n",
          _("Study Markdown cheatsheets as spaced-repetition flashcards."),
          _("Output is tab-separated without a header line; errors go to standard error."));

  printf ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = NULL;

      if (*commands[i].synopsis != '\0')
        left = g_strjoin (" ", commands[i].name, commands[i].synopsis, NULL);
      else
        left = g_strdup (commands[i].name);
      print_padded (left, width, _(commands[i].summary));
    }

  printf ("\n%s\n", _("Options:"));
  print_padded ("--db PATH", width, _("Use this collection file instead of the default:"));
  printf ("  %*s %s\n", (int) width, "", default_path);
  print_padded ("--now ISO8601", width, _("Take this as the current time"));
  print_padded ("-h, --help", width, _("Show this help"));
  print_padded ("--version", width, _("Show the version"));

  printf ("\n%s\n", _("Environment:"));
  print_padded ("FLASHSHEET_NOW", width, _("The current time when --now is not given"));
  print_padded ("FLASHSHEET_BUSY_TIMEOUT_MS", width,
                _("How long to wait for another process's lock (default 10000)"));
  print_padded ("XDG_DATA_HOME", width, _("Where the default collection lives"));

  printf ("\n%s\n", _("Exit status: 0 on success, 1 on an error, 2 on wrong usage."));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) positional_args = g_ptr_array_new ();
  g_autoptr(GPtrArray) topic_args = g_ptr_array_new ();
  const char *localedir;
  FlashCli cli = { 0 };
  int status;

  /* Only what the command line uses: the character set and the translations. Its numbers and
   * dates are written the same in every locale, and each category set loads a file. */
  setlocale (LC_CTYPE, "");
  setlocale (LC_MESSAGES, "");
  /* FLASHSHEET_LOCALEDIR lets the test suite use the catalogues of an uninstalled build. */
  localedir = g_getenv ("FLASHSHEET_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname (PROGRAM_NAME);

  cli.positional = positional_args;
  cli.topics = topic_args;
  status = parse_command_line (&cli, argc, argv);
  if (status != FLASH_CLI_EXIT_OK)
    return status;

  if (cli.help)
    {
      print_help ();
      status = FLASH_CLI_EXIT_OK;
    }
  else if (cli.version)
    {
      printf ("%s %s\n", PROGRAM_NAME, PACKAGE_VERSION);
      status = FLASH_CLI_EXIT_OK;
    }
  else
    {
      if (cli.now_text != NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GDateTime) now = flash_clock_parse (cli.now_text, &error);

          if (now == NULL)
            return flash_cli_usage_error (cli.command, "--now: %s", error->message);
          flash_clock_set_override (now);
        }
      status = cli.command->run (&cli);
    }

  g_clear_pointer (&cli.now, g_date_time_unref);
  g_clear_pointer (&cli.store, flash_store_close);
  flash_clock_set_override (NULL);

  /* Output that did not reach its destination (a full disk, a closed pipe) is an error. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      fprintf (stderr, "%s: %s\n", PROGRAM_NAME, _("could not write the output"));
      status = FLASH_CLI_EXIT_ERROR;
    }
  return status;
}
