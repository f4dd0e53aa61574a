/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-cli-scheduler.c: `scheduler` (SM-2 or FSRS and FSRS's settings), `schedule ID` (a card's
 * state under either) and `simulate` (either, on a new card). */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "flash-cli-private.h"

static const char *
scheduler_name (FlashSchedulerKind kind)
{
  return kind == FLASH_SCHEDULER_FSRS ? "fsrs" : "sm2";
}

/* A number with four decimals and a dot, whatever the locale. */
static const char *
decimal (char   *buffer,
         gsize   size,
         double  value)
{
  return g_ascii_formatd (buffer, size, "%.4f", value);
}

static gboolean
parse_retention (const char *text,
                 double     *retention)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || value < FLASH_FSRS_MIN_RETENTION - 1e-9
      || value > FLASH_FSRS_MAX_RETENTION + 1e-9)
    return FALSE;
  *retention = value;
  return TRUE;
}

static void
print_settings (const FlashScheduler *scheduler)
{
  char retention[G_ASCII_DTOSTR_BUF_SIZE];

  printf ("scheduler\t%s\n", scheduler_name (scheduler->kind));
  printf ("retention\t%s\n", g_ascii_formatd (retention, sizeof retention, "%.2f",
                                              scheduler->retention));
  printf ("fuzz\t%s\n", scheduler->fuzz ? "on" : "off");
  printf ("maximum_interval\t%d\n", scheduler->maximum_interval);
}

int
flash_cli_run_scheduler (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  const char *name = cli->positional->len > 0 ? flash_cli_positional (cli, 0) : NULL;
  FlashScheduler scheduler;
  FlashStore *store;
  double retention = 0;

  if (name != NULL && strcmp (name, "sm2") != 0 && strcmp (name, "fsrs") != 0)
    return flash_cli_usage_error (cli->command, _("the scheduler is sm2 or fsrs, not “%s”"),
                                  name);
  if (cli->retention != NULL && !parse_retention (cli->retention, &retention))
    return flash_cli_usage_error (cli->command,
                                  _("--retention needs a number from %.2f to %.2f, not “%s”"),
                                  FLASH_FSRS_MIN_RETENTION, FLASH_FSRS_MAX_RETENTION,
                                  cli->retention);
  if (cli->fuzz != NULL && strcmp (cli->fuzz, "on") != 0 && strcmp (cli->fuzz, "off") != 0)
    return flash_cli_usage_error (cli->command, _("--fuzz is on or off, not “%s”"), cli->fuzz);
  if ((store = flash_cli_get_store (cli)) == NULL)
    return FLASH_CLI_EXIT_ERROR;
  if (!flash_store_get_scheduler (store, &scheduler, &error))
    return flash_cli_report_error (error);

  if (name != NULL || cli->retention != NULL || cli->fuzz != NULL)
    {
      if (name != NULL)
        scheduler.kind = strcmp (name, "fsrs") == 0 ? FLASH_SCHEDULER_FSRS : FLASH_SCHEDULER_SM2;
      if (cli->retention != NULL)
        scheduler.retention = retention;
      if (cli->fuzz != NULL)
        scheduler.fuzz = strcmp (cli->fuzz, "on") == 0;
      if (!flash_store_set_scheduler (store, &scheduler, &error))
        return flash_cli_report_error (error);
    }
  print_settings (&scheduler);
  return FLASH_CLI_EXIT_OK;
}

int
flash_cli_run_schedule (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashCard) card = NULL;
  g_autoptr(GDateTime) now_ref = NULL;
  char ef[G_ASCII_DTOSTR_BUF_SIZE] = "-";
  char stability[G_ASCII_DTOSTR_BUF_SIZE] = "-";
  char difficulty[G_ASCII_DTOSTR_BUF_SIZE] = "-";
  char recall[G_ASCII_DTOSTR_BUF_SIZE] = "-";
  g_autofree char *interval = g_strdup ("-");
  g_autofree char *due = g_strdup ("-");
  FlashScheduler scheduler;
  FlashStore *store;
  GDateTime *now;
  gint64 id;
  int status;

  if (!flash_cli_parse_id (flash_cli_positional (cli, 0), &id))
    return flash_cli_usage_error (cli->command, _("“%s” is not a card id"),
                                  flash_cli_positional (cli, 0));
  if ((store = flash_cli_get_store (cli)) == NULL)
    return FLASH_CLI_EXIT_ERROR;
  if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
    return status;
  if (!flash_store_get_scheduler (store, &scheduler, &error)
      || (card = flash_store_get_card (store, id, &error)) == NULL)
    return flash_cli_report_error (error);

  if (!card->is_new)
    {
      FlashDay today = flash_store_day_for (store, now);

      g_free (interval);
      g_free (due);
      interval = g_strdup_printf ("%d", card->sm2.interval);
      due = flash_day_to_iso (card->due_day);
      if (scheduler.kind == FLASH_SCHEDULER_SM2)
        decimal (ef, sizeof ef, card->sm2.ef);
      else if (flash_fsrs_state_is_set (&card->fsrs))
        {
          FlashFsrsParams params;
          FlashDay last = card->last_review_day > 0 ? card->last_review_day
                                                    : card->due_day - card->sm2.interval;
          int elapsed = MAX (0, (int) (today - last));

          flash_scheduler_fsrs_params (&scheduler, &params);
          decimal (stability, sizeof stability, card->fsrs.stability);
          decimal (difficulty, sizeof difficulty, card->fsrs.difficulty);
          decimal (recall, sizeof recall,
                   flash_fsrs_retrievability (&params, elapsed, card->fsrs.stability));
        }
    }
  printf ("%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", scheduler_name (scheduler.kind), card->reviews,
          card->lapses, ef, stability, difficulty, recall, interval, due);
  return FLASH_CLI_EXIT_OK;
}

/* FSRS from a new card, each grade given on the day the one before made the card due; no fuzz,
 * so the same grades always give the same rows: grade, stability, difficulty, interval. */
static int
simulate_fsrs (FlashCli     *cli,
                         const GArray *grades)
{
  FlashFsrsParams params;
  FlashFsrsState state = { 0 };
  int elapsed = 0;

  flash_fsrs_params_init (&params);
  params.fuzz = FALSE;
  if (cli->retention != NULL && !parse_retention (cli->retention, &params.retention))
    return flash_cli_usage_error (cli->command,
                                  _("--retention needs a number from %.2f to %.2f, not “%s”"),
                                  FLASH_FSRS_MIN_RETENTION, FLASH_FSRS_MAX_RETENTION,
                                  cli->retention);
  for (guint i = 0; i < grades->len; i++)
    {
      int grade = g_array_index (grades, int, i);
      FlashFsrsState after[4];
      int intervals[4];
      FlashButton button = flash_fsrs_button_for_grade (grade);
      char stability[G_ASCII_DTOSTR_BUF_SIZE];
      char difficulty[G_ASCII_DTOSTR_BUF_SIZE];

      flash_fsrs_schedule (&params, i > 0 ? &state : NULL, elapsed, 0, after, intervals);
      state = after[button - 1];
      elapsed = intervals[button - 1];
      printf ("%d\t%s\t%s\t%d\n", grade, decimal (stability, sizeof stability, state.stability),
              decimal (difficulty, sizeof difficulty, state.difficulty), elapsed);
    }
  return FLASH_CLI_EXIT_OK;
}

int
flash_cli_run_simulate (FlashCli *cli)
{
  g_auto(GStrv) grades = g_strsplit (flash_cli_positional (cli, 0), ",", -1);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (int));
  FlashSm2State state;

  /* Every grade is checked before anything is printed, so a typo gives no partial output. */
  for (guint i = 0; grades[i] != NULL; i++)
    {
      int grade;

      if (!flash_cli_parse_grade (grades[i], &grade))
        return flash_cli_usage_error (cli->command,
                                      _("the grades must be whole numbers from 0 to 5 separated "
                                        "by commas, not “%s”"),
                                      flash_cli_positional (cli, 0));
      g_array_append_val (values, grade);
    }
  if (values->len == 0)
    return flash_cli_usage_error (cli->command, _("simulate needs at least one grade"));
  if (cli->scheduler != NULL && strcmp (cli->scheduler, "fsrs") == 0)
    return simulate_fsrs (cli, values);
  if (cli->scheduler != NULL && strcmp (cli->scheduler, "sm2") != 0)
    return flash_cli_usage_error (cli->command, _("the scheduler is sm2 or fsrs, not “%s”"),
                                  cli->scheduler);

  /* The same SM-2 code the store uses, starting from a new card. */
  flash_sm2_initial (&state);
  for (guint i = 0; i < values->len; i++)
    {
      int grade = g_array_index (values, int, i);
      FlashSm2State next;
      char ef[G_ASCII_DTOSTR_BUF_SIZE];

      flash_sm2_apply (&state, grade, &next);
      state = next;
      printf ("%d\t%d\t%s\t%d\n", grade, state.reps, decimal (ef, sizeof ef, state.ef),
              state.interval);
    }
  return FLASH_CLI_EXIT_OK;
}
