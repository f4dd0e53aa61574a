/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-cli-study.c: choosing what to study from the command line: `due` of a deck, a section, a
 * tag or the days ahead, and renaming a deck, over the store's functions the app uses too. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "flash-cli-private.h"

/* How far Review Ahead may look: ten years. */
#define MAX_AHEAD_DAYS 3650

void
flash_cli_print_question_row (gint64      card_id,
                              const char *deck_name,
                              const char *question,
                              gpointer    user_data)
{
  printf ("%" G_GINT64_FORMAT "\t", card_id);
  flash_cli_put_field (deck_name);
  putchar ('\t');
  flash_cli_put_field (question);
  putchar ('\n');
}

/* A section as `cards` prints it ("Deck › Section"); " > " may stand for the " › " that few
 * keyboards have. */
char *
flash_cli_section_breadcrumb (const char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return NULL;
  parts = g_strsplit (text, " > ", -1);
  return g_strjoinv (" › ", parts);
}

int
flash_cli_run_due (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autofree char *section = flash_cli_section_breadcrumb (cli->section);
  /* Tags are lower-case slugs; an empty option asks for nothing in particular. */
  g_autofree char *tag = cli->tag != NULL && *cli->tag != '\0' ? g_utf8_strdown (cli->tag, -1)
                                                                : NULL;
  FlashStudyScope scope = { .section = section != NULL && *section != '\0' ? section : NULL,
                            .tag = tag };
  GDateTime *now;
  guint64 limit = 0;
  guint64 ahead = 0;
  int status;

  if (cli->limit != NULL
      && !g_ascii_string_to_unsigned (cli->limit, 10, 1, G_MAXUINT, &limit, NULL))
    return flash_cli_usage_error (cli->command, _("--limit needs a positive number, not “%s”"),
                                  cli->limit);
  if (cli->ahead != NULL
      && !g_ascii_string_to_unsigned (cli->ahead, 10, 1, MAX_AHEAD_DAYS, &ahead, NULL))
    return flash_cli_usage_error (cli->command,
                                  _("--ahead needs a number of days from 1 to %d, not “%s”"),
                                  MAX_AHEAD_DAYS, cli->ahead);
  if (!flash_cli_get_deck (cli, &scope.deck_id))
    return FLASH_CLI_EXIT_ERROR;
  if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
    return status;

  if (ahead > 0)
    queue = flash_store_ahead_queue (cli->store, &scope, now, (guint) ahead, (guint) limit,
                                     &error);
  else
    queue = flash_store_scope_queue (cli->store, &scope, now, (guint) limit, &error);
  if (queue == NULL)
    return flash_cli_report_error (error);

  if (!flash_store_each_question (cli->store, (const gint64 *) (void *) queue->data, queue->len,
                                  flash_cli_print_question_row, NULL, &error))
    return flash_cli_report_error (error);
  return FLASH_CLI_EXIT_OK;
}

int
flash_cli_run_rename_deck (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  FlashStore *store = flash_cli_get_store (cli);
  gint64 deck_id;

  if (store == NULL)
    return FLASH_CLI_EXIT_ERROR;
  deck_id = flash_store_find_deck (store, flash_cli_positional (cli, 0), &error);
  if (deck_id == 0 || !flash_store_rename_deck (store, deck_id, flash_cli_positional (cli, 1),
                                                &error))
    return flash_cli_report_error (error);
  return FLASH_CLI_EXIT_OK;
}

/* Without N, prints the deck's own limit or "none". */
int
flash_cli_run_deck_limit (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  GDateTime *now = NULL;
  FlashStore *store = flash_cli_get_store (cli);
  const char *value = flash_cli_positional (cli, 1);
  gint64 deck_id;
  gint64 limit = -1;
  int status;

  if (value != NULL && g_strcmp0 (value, "none") != 0
      && !g_ascii_string_to_signed (value, 10, 0, FLASH_DECK_NEW_LIMIT_MAX, &limit, NULL))
    return flash_cli_usage_error (cli->command, _("the limit must be a whole number from 0 to %d, "
                                                  "or “none”, not “%s”"),
                                  FLASH_DECK_NEW_LIMIT_MAX, value);
  if (store == NULL)
    return FLASH_CLI_EXIT_ERROR;
  deck_id = flash_store_find_deck (store, flash_cli_positional (cli, 0), &error);
  if (deck_id == 0)
    return flash_cli_report_error (error);
  if (value != NULL)
    {
      if (!flash_store_set_deck_new_limit (store, deck_id, (int) limit, &error))
        return flash_cli_report_error (error);
      return FLASH_CLI_EXIT_OK;
    }
  if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
    return status;
  decks = flash_store_list_decks (store, now, &error);
  if (decks == NULL)
    return flash_cli_report_error (error);
  for (guint i = 0; i < decks->len; i++)
    {
      const FlashDeckInfo *info = g_ptr_array_index (decks, i);

      if (info->id != deck_id)
        continue;
      if (info->new_per_day < 0)
        printf ("none\n");
      else
        printf ("%d\n", info->new_per_day);
    }
  return FLASH_CLI_EXIT_OK;
}
