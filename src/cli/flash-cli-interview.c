/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-cli-interview.c: `cram` and `interview` (docs/interview.md), over the store's functions
 * the app uses too. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "flash-cli-private.h"
#include "flash-interview.h"

#define DEFAULT_QUESTIONS 10

/* --seed, or a seed of the moment's own. */
static gboolean
parse_seed (FlashCli *cli,
            guint32  *seed)
{
  guint64 value = 0;

  if (cli->seed == NULL)
    {
      *seed = g_random_int ();
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (cli->seed, 10, 0, G_MAXUINT32, &value, NULL))
    return FALSE;
  *seed = (guint32) value;
  return TRUE;
}

static int
print_rows (FlashCli     *cli,
            const GArray *ids)
{
  g_autoptr(GError) error = NULL;

  if (!flash_store_each_question (cli->store, (const gint64 *) (void *) ids->data, ids->len,
                                  flash_cli_print_question_row, NULL, &error))
    return flash_cli_report_error (error);
  return FLASH_CLI_EXIT_OK;
}

static int
say_error (const char *message)
{
  fprintf (stderr, "%s: %s\n", PROGRAM_NAME, message);
  return FLASH_CLI_EXIT_ERROR;
}

int
flash_cli_run_cram (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *section = flash_cli_section_breadcrumb (cli->section);
  g_autofree char *tag = cli->tag != NULL ? g_utf8_strdown (cli->tag, -1) : NULL;
  FlashCardSearch search = { .section = section, .tag = tag };
  FlashCramOrder order = FLASH_CRAM_RANDOM;
  GDateTime *now = NULL;
  guint64 limit = 0;
  guint32 seed = 0;
  int status;

  if (cli->ahead != NULL)
    return flash_cli_usage_error (cli->command, _("%s does not take the option %s"), "cram",
                                  "--ahead");
  if (cli->order != NULL && g_strcmp0 (cli->order, "weakest") == 0)
    order = FLASH_CRAM_WEAKEST;
  else if (cli->order != NULL && g_strcmp0 (cli->order, "random") != 0)
    return flash_cli_usage_error (cli->command, _("--order must be random or weakest, not “%s”"),
                                  cli->order);
  if (cli->state != NULL && !flash_cli_parse_state (cli->state, &search.filter))
    return flash_cli_usage_error (cli->command, _("unknown state “%s” (use new, learning, due, "
                                                  "suspended, buried, flagged, edited, lapsed, "
                                                  "leech or changed)"), cli->state);
  if (cli->limit != NULL && !g_ascii_string_to_unsigned (cli->limit, 10, 1, G_MAXUINT, &limit,
                                                         NULL))
    return flash_cli_usage_error (cli->command, _("--limit must be a positive whole number, not "
                                                  "“%s”"), cli->limit);
  if (!parse_seed (cli, &seed))
    return flash_cli_usage_error (cli->command, _("--seed must be a whole number from 0 to %u, "
                                                  "not “%s”"), G_MAXUINT32, cli->seed);
  if (!flash_cli_get_deck (cli, &search.deck_id))
    return FLASH_CLI_EXIT_ERROR;
  if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
    return status;
  ids = flash_store_cram_queue (cli->store, &search, order, seed, (guint) limit, now, &error);
  if (ids == NULL)
    return flash_cli_report_error (error);
  if (ids->len == 0)
    return say_error (_("no card matches; nothing to cram"));
  return print_rows (cli, ids);
}

/* Each --deck, --section and --tag, in the order given, as a topic. */
static GPtrArray *
read_topics (FlashCli  *cli,
             GError   **error)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_topic_free);

  for (guint i = 0; i + 1 < cli->topics->len; i += 2)
    {
      const char *option = g_ptr_array_index (cli->topics, i);
      const char *value = g_ptr_array_index (cli->topics, i + 1);

      if (g_str_equal (option, "--tag"))
        {
          g_autofree char *tag = g_utf8_strdown (value, -1);

          g_ptr_array_add (topics, flash_topic_new (FLASH_TOPIC_TAG, 0, tag));
        }
      else if (g_str_equal (option, "--deck"))
        {
          gint64 deck_id = flash_store_find_deck (cli->store, value, error);

          if (deck_id == 0)
            return NULL;
          g_ptr_array_add (topics, flash_topic_new (FLASH_TOPIC_DECK, deck_id, value));
        }
      else
        {
          /* A section belongs to the deck its breadcrumb begins with. */
          g_autofree char *crumb = flash_cli_section_breadcrumb (value);
          g_auto(GStrv) parts = g_strsplit (crumb, " › ", 2);
          gint64 deck_id = flash_store_find_deck (cli->store, parts[0], error);

          if (deck_id == 0)
            return NULL;
          g_ptr_array_add (topics, flash_topic_new (FLASH_TOPIC_SECTION, deck_id, crumb));
        }
    }
  return g_steal_pointer (&topics);
}

static int
interview_start (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  FlashInterviewPlan plan = { .n_questions = DEFAULT_QUESTIONS };
  GDateTime *now = NULL;
  guint64 value = 0;
  gint64 id;
  int status;

  if (cli->questions != NULL)
    {
      if (!g_ascii_string_to_unsigned (cli->questions, 10, 1, FLASH_INTERVIEW_MAX_QUESTIONS,
                                       &value, NULL))
        return flash_cli_usage_error (cli->command, _("--questions must be a whole number from 1 "
                                                      "to %d, not “%s”"),
                                      FLASH_INTERVIEW_MAX_QUESTIONS, cli->questions);
      plan.n_questions = (guint) value;
    }
  if (cli->minutes != NULL)
    {
      if (!g_ascii_string_to_unsigned (cli->minutes, 10, 1, 24 * 60, &value, NULL))
        return flash_cli_usage_error (cli->command, _("--minutes must be a whole number from 1 to "
                                                      "1440, not “%s”"), cli->minutes);
      plan.total_seconds = (guint) value * 60;
    }
  if (!parse_seed (cli, &plan.seed))
    return flash_cli_usage_error (cli->command, _("--seed must be a whole number from 0 to %u, "
                                                  "not “%s”"), G_MAXUINT32, cli->seed);
  if (cli->topics->len == 0)
    return flash_cli_usage_error (cli->command, _("interview start needs a topic: --deck, "
                                                  "--section or --tag"));
  if (flash_cli_get_store (cli) == NULL)
    return FLASH_CLI_EXIT_ERROR;
  if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
    return status;
  topics = read_topics (cli, &error);
  if (topics == NULL)
    return flash_cli_report_error (error);
  plan.topics = topics;
  id = flash_store_interview_start (cli->store, &plan, now, &error);
  if (id == 0)
    return flash_cli_report_error (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return FLASH_CLI_EXIT_OK;
}

/* The interview the second word names, or NULL with the error reported in @status. */
static FlashInterview *
get_interview (FlashCli *cli,
               int      *status)
{
  g_autoptr(GError) error = NULL;
  const char *text = cli->positional->len > 1 ? flash_cli_positional (cli, 1) : NULL;
  FlashInterview *interview;
  gint64 id = 0;

  if (text == NULL || !flash_cli_parse_id (text, &id))
    {
      *status = flash_cli_usage_error (cli->command, _("“%s” is not an interview’s id"),
                                       text != NULL ? text : "");
      return NULL;
    }
  if (flash_cli_get_store (cli) == NULL)
    {
      *status = FLASH_CLI_EXIT_ERROR;
      return NULL;
    }
  interview = flash_store_interview_get (cli->store, id, &error);
  if (interview == NULL)
    *status = flash_cli_report_error (error);
  return interview;
}

static int
interview_questions (FlashCli *cli)
{
  g_autoptr(FlashInterview) interview = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int status = FLASH_CLI_EXIT_OK;

  if ((interview = get_interview (cli, &status)) == NULL)
    return status;
  for (guint i = 0; i < interview->questions->len; i++)
    g_array_append_val (ids, ((FlashInterviewQuestion *) interview->questions->pdata[i])->card_id);
  return print_rows (cli, ids);
}

static int
interview_answer (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashInterview) interview = NULL;
  GDateTime *now = NULL;
  gint64 card_id = 0;
  double seconds = 0;
  int grade = 0;
  int status = FLASH_CLI_EXIT_OK;

  if (cli->positional->len != 4)
    return flash_cli_usage_error (cli->command, _("interview answer takes SESSION CARD GRADE"));
  if (!flash_cli_parse_id (flash_cli_positional (cli, 2), &card_id))
    return flash_cli_usage_error (cli->command, _("“%s” is not a card id"),
                                  flash_cli_positional (cli, 2));
  if (!flash_cli_parse_grade (flash_cli_positional (cli, 3), &grade))
    return flash_cli_usage_error (cli->command, _("the grade must be again, hard, good, easy or a "
                                                  "whole number from 0 to 5, not “%s”"),
                                  flash_cli_positional (cli, 3));
  if (cli->seconds != NULL)
    {
      char *end = NULL;

      seconds = g_ascii_strtod (cli->seconds, &end);
      if (end == cli->seconds || *end != '\0' || !(seconds >= 0 && seconds <= 86400))
        return flash_cli_usage_error (cli->command, _("--seconds must be a number from 0 to "
                                                      "86400, not “%s”"), cli->seconds);
    }
  if ((interview = get_interview (cli, &status)) == NULL)
    return status;
  if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
    return status;
  if (!flash_store_interview_answer (cli->store, interview->id, card_id, grade, FALSE,
                                     (int) (seconds * 1000 + 0.5), cli->note,
                                     interview->elapsed_ms + (gint64) (seconds * 1000 + 0.5), now,
                                     &error))
    return flash_cli_report_error (error);
  return FLASH_CLI_EXIT_OK;
}

static void
format_percent (char   *buffer,
                gsize   size,
                double  score)
{
  g_ascii_formatd (buffer, size, "%.1f", score);
}

static int
interview_report (FlashCli *cli)
{
  g_autoptr(FlashInterview) interview = NULL;
  g_autoptr(GArray) lines = NULL;
  int status = FLASH_CLI_EXIT_OK;

  if ((interview = get_interview (cli, &status)) == NULL)
    return status;
  lines = flash_interview_report (interview);
  for (guint i = 1; i < lines->len; i++)
    {
      const FlashInterviewLine *line = &g_array_index (lines, FlashInterviewLine, i);
      g_autofree char *label = flash_topic_label (line->topic);
      g_autofree char *folded = flash_cli_fold_field (label);
      char score[G_ASCII_DTOSTR_BUF_SIZE];
      char median[G_ASCII_DTOSTR_BUF_SIZE] = "-";

      format_percent (score, sizeof score, line->score);
      if (line->median_ms >= 0)
        g_ascii_formatd (median, sizeof median, "%.1f", line->median_ms / 1000.0);
      printf ("%s\t%u\t%s\t%s\n", folded, line->answered, score, median);
    }
  return FLASH_CLI_EXIT_OK;
}

static int
interview_list (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) interviews = NULL;

  if (flash_cli_get_store (cli) == NULL)
    return FLASH_CLI_EXIT_ERROR;
  interviews = flash_store_interview_list (cli->store, &error);
  if (interviews == NULL)
    return flash_cli_report_error (error);
  for (guint i = 0; i < interviews->len; i++)
    {
      const FlashInterview *interview = g_ptr_array_index (interviews, i);
      g_autoptr(GArray) lines = flash_interview_report (interview);
      const FlashInterviewLine *total = &g_array_index (lines, FlashInterviewLine, 0);
      g_autoptr(GDateTime) started = g_date_time_new_from_unix_utc (interview->started);
      g_autofree char *when = started != NULL ? g_date_time_format (started, "%Y-%m-%dT%H:%M:%SZ")
                                              : g_strdup ("-");
      char score[G_ASCII_DTOSTR_BUF_SIZE];

      format_percent (score, sizeof score, total->score);
      printf ("%" G_GINT64_FORMAT "\t%s\t%u\t%u\t%s\n", interview->id, when, total->answered,
              total->questions, score);
    }
  return FLASH_CLI_EXIT_OK;
}

int
flash_cli_run_interview (FlashCli *cli)
{
  static const struct
  {
    const char *name;
    int       (*run) (FlashCli *cli);
    guint       options; /* what else it takes */
    guint       n_args;  /* the action included */
  } actions[] = {
    { "start", interview_start,
      FLASH_CLI_OPTION_DECK | FLASH_CLI_OPTION_SCOPE | FLASH_CLI_OPTION_TOPICS
      | FLASH_CLI_OPTION_PLAN | FLASH_CLI_OPTION_SEED, 1 },
    { "questions", interview_questions, 0, 2 },
    { "answer", interview_answer, FLASH_CLI_OPTION_ANSWER, 4 },
    { "report", interview_report, 0, 2 },
    { "list", interview_list, 0, 1 },
  };
  const char *action = flash_cli_positional (cli, 0);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      if (!g_str_equal (action, actions[i].name))
        continue;
      if ((cli->seen_options & ~actions[i].options) != 0 || cli->ahead != NULL)
        return flash_cli_usage_error (cli->command, _("interview %s does not take these options"),
                                      action);
      if (cli->positional->len > actions[i].n_args)
        return flash_cli_usage_error (cli->command, _("interview %s: too many arguments"), action);
      return actions[i].run (cli);
    }
  return flash_cli_usage_error (cli->command, _("unknown interview action “%s” (use start, "
                                                "questions, answer, report or list)"), action);
}
