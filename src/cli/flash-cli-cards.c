/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-cli-cards.c: finding and fixing cards from the command line: search, edit, the card
 * actions and `cards --state`, each over the store's functions the app uses too. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "flash-sheet.h"

#include "flash-cli-private.h"

static const struct
{
  const char      *name;
  FlashCardFilter  filter;
} states[] = {
  { "new", FLASH_CARD_FILTER_NEW },
  { "learning", FLASH_CARD_FILTER_LEARNING },
  { "due", FLASH_CARD_FILTER_DUE },
  { "suspended", FLASH_CARD_FILTER_SUSPENDED },
  { "buried", FLASH_CARD_FILTER_BURIED },
  { "flagged", FLASH_CARD_FILTER_FLAGGED },
  { "edited", FLASH_CARD_FILTER_EDITED },
  { "lapsed", FLASH_CARD_FILTER_LAPSED },
  { "leech", FLASH_CARD_FILTER_LEECH },
  { "changed", FLASH_CARD_FILTER_SOURCE_CHANGED },
};

gboolean
flash_cli_parse_state (const char      *name,
                       FlashCardFilter *filter)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (states[i].name, name) == 0)
      {
        *filter = states[i].filter;
        return TRUE;
      }
  return FALSE;
}

/* Runs @search and prints a row per card: id, deck, (with @context, the context,) question. */
static int
print_found (FlashCli              *cli,
             const FlashCardSearch *search,
             guint                  limit,
             gboolean               context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GDateTime *now;
  int status;

  if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
    return status;
  ids = flash_store_search (cli->store, search, now, limit, &error);
  if (ids == NULL)
    return flash_cli_report_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FlashCard) card = flash_store_get_card (cli->store,
                                                        g_array_index (ids, gint64, i), &error);
      g_autofree char *deck = NULL;
      g_autofree char *question = NULL;
      g_autofree char *where = NULL;

      if (card == NULL)
        return flash_cli_report_error (error);
      deck = flash_cli_fold_field (card->deck_name);
      question = flash_cli_fold_field (card->question);
      if (context)
        {
          where = flash_cli_fold_field (card->context);
          printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", card->id, deck, where, question);
        }
      else
        printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", card->id, deck, question);
    }
  return FLASH_CLI_EXIT_OK;
}

int
flash_cli_run_search (FlashCli *cli)
{
  const char *text = flash_cli_positional (cli, 0);
  g_autofree char *query = flash_store_search_query (text);
  FlashCardSearch search = { .text = text };
  guint64 limit = 0;

  /* Text without a word (a lone quote, "*", "NEAR(") would find every card: it is refused. */
  if (query == NULL)
    {
      fprintf (stderr, "%s: ", PROGRAM_NAME);
      fprintf (stderr, _("“%s” holds no word to search for"), text);
      fputc ('\n', stderr);
      return FLASH_CLI_EXIT_ERROR;
    }
  if (cli->limit != NULL && !g_ascii_string_to_unsigned (cli->limit, 10, 1, G_MAXUINT, &limit,
                                                         NULL))
    return flash_cli_usage_error (cli->command, _("--limit must be a positive whole number, not "
                                                  "“%s”"), cli->limit);
  if (!flash_cli_get_deck (cli, &search.deck_id))
    return FLASH_CLI_EXIT_ERROR;
  return print_found (cli, &search, (guint) limit, FALSE);
}

int
flash_cli_run_cards_in_state (FlashCli *cli)
{
  FlashCardSearch search = { 0 };

  if (!flash_cli_parse_state (cli->state, &search.filter))
    return flash_cli_usage_error (cli->command, _("unknown state “%s” (use new, learning, due, "
                                                  "suspended, buried, flagged, edited, lapsed, "
                                                  "leech or changed)"), cli->state);
  if (!flash_cli_get_deck (cli, &search.deck_id))
    return FLASH_CLI_EXIT_ERROR;
  return print_found (cli, &search, 0, TRUE);
}

/* The answer of `edit --answer-file`: a file, or standard input for "-". */
static char *
read_answer (const char  *path,
             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  if (strcmp (path, "-") == 0)
    {
      if ((bytes = flash_cli_read_stdin (error)) == NULL)
        return NULL;
    }
  else
    {
      char *contents = NULL;

      if (!g_file_get_contents (path, &contents, &length, error))
        return NULL;
      bytes = g_bytes_new_take (contents, length);
    }
  data = g_bytes_get_data (bytes, &length);
  if (length > FLASH_SHEET_MAX_SIZE || (length > 0 && memchr (data, '\0', length) != NULL)
      || !g_utf8_validate_len (data != NULL ? data : "", length, NULL))
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_UTF8,
                   _("%s: the answer must be UTF-8 text of at most 32 MiB"),
                   strcmp (path, "-") == 0 ? _("standard input") : path);
      return NULL;
    }
  return g_strchomp (g_strndup (data != NULL ? data : "", length));
}

int
flash_cli_run_edit (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  gint64 id;

  if (!flash_cli_parse_id (flash_cli_positional (cli, 0), &id))
    return flash_cli_usage_error (cli->command, _("“%s” is not a card id"),
                                  flash_cli_positional (cli, 0));
  if (cli->question == NULL && cli->answer_file == NULL)
    return flash_cli_usage_error (cli->command, _("edit needs --question or --answer-file"));
  if (cli->answer_file != NULL && (answer = read_answer (cli->answer_file, &error)) == NULL)
    return flash_cli_report_error (error);
  if (flash_cli_get_store (cli) == NULL)
    return FLASH_CLI_EXIT_ERROR;
  if (!flash_store_edit_card (cli->store, id, cli->question, answer, &error))
    return flash_cli_report_error (error);
  return FLASH_CLI_EXIT_OK;
}

/* suspend, unsuspend, bury, flag, reset and delete: one transaction over every card named. */
int
flash_cli_run_action (FlashCli *cli)
{
  const char *name = cli->command->name;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint n_ids = cli->positional->len;
  guint64 flag = 1;
  gboolean ok;

  if (strcmp (name, "flag") == 0)
    {
      n_ids = 1;
      if (cli->positional->len > 1
          && !g_ascii_string_to_unsigned (flash_cli_positional (cli, 1), 10, 0,
                                          FLASH_CARD_MAX_FLAG, &flag, NULL))
        return flash_cli_usage_error (cli->command, _("the flag must be a whole number from 0 "
                                                      "to %d, not “%s”"),
                                      FLASH_CARD_MAX_FLAG, flash_cli_positional (cli, 1));
    }
  for (guint i = 0; i < n_ids; i++)
    {
      gint64 id;

      if (!flash_cli_parse_id (flash_cli_positional (cli, i), &id))
        return flash_cli_usage_error (cli->command, _("“%s” is not a card id"),
                                      flash_cli_positional (cli, i));
      g_array_append_val (ids, id);
    }
  if (flash_cli_get_store (cli) == NULL)
    return FLASH_CLI_EXIT_ERROR;

  if (strcmp (name, "suspend") == 0 || strcmp (name, "unsuspend") == 0)
    ok = flash_store_set_suspended (cli->store, (gint64 *) ids->data, ids->len,
                                    strcmp (name, "suspend") == 0, &error);
  else if (strcmp (name, "bury") == 0)
    {
      GDateTime *now;
      int status = flash_cli_get_now (cli, &now);

      if (status != FLASH_CLI_EXIT_OK)
        return status;
      ok = flash_store_bury_cards (cli->store, (gint64 *) ids->data, ids->len, now, &error);
    }
  else if (strcmp (name, "flag") == 0)
    ok = flash_store_set_flag (cli->store, (gint64 *) ids->data, ids->len, (int) flag, &error);
  else if (strcmp (name, "reset") == 0)
    ok = flash_store_reset_cards (cli->store, (gint64 *) ids->data, ids->len, &error);
  else
    ok = flash_store_delete_cards (cli->store, (gint64 *) ids->data, ids->len, &error);
  return ok ? FLASH_CLI_EXIT_OK : flash_cli_report_error (error);
}
