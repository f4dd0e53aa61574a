/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-cli-stats.c: `stats` and its kinds: calendar, forecast, retention, intervals, ease,
 * buttons and hours (docs/statistics.md). */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "flash-cli-private.h"
#include "flash-stats.h"

#define DEFAULT_FORECAST_DAYS 30

/* A share as percent with one decimal, or "-" with nothing to rate. */
static const char *
format_rate (char   *buffer,
             gsize   size,
             double  rate)
{
  if (rate < 0)
    return "-";
  return g_ascii_formatd (buffer, size, "%.1f", rate * 100.0);
}

static void
print_day (FlashDay day)
{
  g_autofree char *date = flash_day_to_iso (day);

  fputs (date, stdout);
}

static int
run_summary (FlashCli *cli)
{
  g_autoptr(GError) error = NULL;
  FlashStats stats = { 0 };
  char retention[G_ASCII_DTOSTR_BUF_SIZE];
  GDateTime *now;
  int status;

  if (cli->deck != NULL || cli->days != NULL)
    return flash_cli_usage_error (cli->command, _("--deck and --days need a kind of statistics, "
                                                  "such as “stats calendar”"));
  if (flash_cli_get_store (cli) == NULL)
    return FLASH_CLI_EXIT_ERROR;
  if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
    return status;
  if (!flash_store_get_stats (cli->store, now, &stats, &error))
    return flash_cli_report_error (error);

  printf ("decks\t%u\n", stats.decks);
  printf ("cards\t%u\n", stats.cards);
  printf ("new\t%u\n", stats.new_cards);
  printf ("reviews\t%u\n", stats.reviews_total);
  printf ("reviews_today\t%u\n", stats.reviews_today);
  printf ("due_today\t%u\n", stats.due_today);
  printf ("due_tomorrow\t%u\n", stats.due_tomorrow);
  printf ("retention_30d\t%s\n", format_rate (retention, sizeof retention, stats.retention_30d));
  printf ("streak\t%u\n", stats.streak);
  return FLASH_CLI_EXIT_OK;
}

static int
run_calendar (FlashCli   *cli,
              gint64      deck_id,
              GDateTime  *now,
              guint       days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) calendar = NULL;
  FlashDay today = flash_store_day_for (cli->store, now);

  /* Without --days: every study day, so that the rows sum to what `log` lists. */
  calendar = flash_store_stats_calendar (cli->store, deck_id,
                                         days > 0 ? today - (FlashDay) days + 1 : G_MININT32,
                                         days > 0 ? today : G_MAXINT32, &error);
  if (calendar == NULL)
    return flash_cli_report_error (error);
  for (guint i = 0; i < calendar->len; i++)
    {
      const FlashStatsDay *day = &g_array_index (calendar, FlashStatsDay, i);
      char seconds[G_ASCII_DTOSTR_BUF_SIZE];

      print_day (day->day);
      printf ("\t%u\t%s\n", day->reviews,
              g_ascii_formatd (seconds, sizeof seconds, "%.1f", day->answer_ms / 1000.0));
    }
  return FLASH_CLI_EXIT_OK;
}

static int
run_forecast (FlashCli   *cli,
              gint64      deck_id,
              GDateTime  *now,
              guint       days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) forecast = NULL;
  FlashDay today = flash_store_day_for (cli->store, now);

  forecast = flash_store_stats_forecast (cli->store, deck_id, now,
                                         days > 0 ? days : DEFAULT_FORECAST_DAYS, NULL, &error);
  if (forecast == NULL)
    return flash_cli_report_error (error);
  for (guint i = 0; i < forecast->len; i++)
    {
      const FlashForecastDay *day = &g_array_index (forecast, FlashForecastDay, i);

      print_day (today + (FlashDay) i);
      printf ("\t%u\n", day->young + day->mature);
    }
  return FLASH_CLI_EXIT_OK;
}

static int
run_retention (FlashCli   *cli,
               gint64      deck_id,
               GDateTime  *now)
{
  g_autoptr(GError) error = NULL;
  FlashPassCount retention[FLASH_N_WINDOWS][2];

  if (!flash_store_stats_retention (cli->store, deck_id, now, retention, &error))
    return flash_cli_report_error (error);
  for (guint w = 0; w < FLASH_N_WINDOWS; w++)
    for (guint m = 0; m < 2; m++)
      {
        char rate[G_ASCII_DTOSTR_BUF_SIZE];

        printf ("%s\t%s\t%u\t%u\t%s\n", flash_stats_window_name (w),
                flash_maturity_name (FLASH_MATURITY_YOUNG + m), retention[w][m].reviews,
                retention[w][m].passed,
                format_rate (rate, sizeof rate, flash_pass_rate (&retention[w][m])));
      }
  return FLASH_CLI_EXIT_OK;
}

static int
run_buckets (FlashCli *cli,
             gint64    deck_id,
             gboolean  ease)
{
  g_autoptr(GError) error = NULL;
  guint counts[MAX (FLASH_N_INTERVAL_BUCKETS, FLASH_N_EASE_BUCKETS)];
  guint n = ease ? FLASH_N_EASE_BUCKETS : FLASH_N_INTERVAL_BUCKETS;

  if (ease ? !flash_store_stats_ease (cli->store, deck_id, counts, &error)
           : !flash_store_stats_intervals (cli->store, deck_id, counts, &error))
    return flash_cli_report_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = ease ? flash_stats_ease_label (i) : flash_stats_interval_label (i);

      printf ("%s\t%u\n", label, counts[i]);
    }
  return FLASH_CLI_EXIT_OK;
}

static int
run_buttons (FlashCli *cli,
             gint64    deck_id)
{
  g_autoptr(GError) error = NULL;
  guint buttons[FLASH_N_MATURITIES][FLASH_N_GRADES];

  if (!flash_store_stats_buttons (cli->store, deck_id, buttons, &error))
    return flash_cli_report_error (error);
  /* The four buttons' grades always; 0 and 2, which only the command line gives, when used. */
  for (guint m = 0; m < FLASH_N_MATURITIES; m++)
    for (int grade = 0; grade < FLASH_N_GRADES; grade++)
      if (grade == 1 || grade >= 3 || buttons[m][grade] > 0)
        printf ("%s\t%d\t%u\n", flash_maturity_name (m), grade, buttons[m][grade]);
  return FLASH_CLI_EXIT_OK;
}

static int
run_hours (FlashCli *cli,
           gint64    deck_id)
{
  g_autoptr(GError) error = NULL;
  FlashPassCount hours[24];

  if (!flash_store_stats_hours (cli->store, deck_id, hours, &error))
    return flash_cli_report_error (error);
  for (guint h = 0; h < 24; h++)
    {
      char rate[G_ASCII_DTOSTR_BUF_SIZE];

      printf ("%u\t%u\t%s\n", h, hours[h].reviews,
              format_rate (rate, sizeof rate, flash_pass_rate (&hours[h])));
    }
  return FLASH_CLI_EXIT_OK;
}

int
flash_cli_run_stats (FlashCli *cli)
{
  static const char *const kinds[] = {
    "calendar", "forecast", "retention", "intervals", "ease", "buttons", "hours",
  };
  const char *kind = cli->positional->len > 0 ? flash_cli_positional (cli, 0) : NULL;
  guint64 days = 0;
  gint64 deck_id = 0;
  GDateTime *now = NULL;
  int status;

  if (kind == NULL)
    return run_summary (cli);
  if (!g_strv_contains (kinds, kind))
    return flash_cli_usage_error (cli->command, _("unknown kind of statistics “%s”"), kind);
  if (cli->days != NULL)
    {
      if (strcmp (kind, "calendar") != 0 && strcmp (kind, "forecast") != 0)
        return flash_cli_usage_error (cli->command, _("--days is for “stats calendar” and “stats "
                                                      "forecast”"));
      if (!g_ascii_string_to_unsigned (cli->days, 10, 1, FLASH_STATS_MAX_DAYS, &days, NULL))
        return flash_cli_usage_error (cli->command, _("--days must be a whole number from 1 to "
                                                      "%d, not “%s”"), FLASH_STATS_MAX_DAYS,
                                      cli->days);
    }
  if (!flash_cli_get_deck (cli, &deck_id))
    return FLASH_CLI_EXIT_ERROR;
  if ((status = flash_cli_get_now (cli, &now)) != FLASH_CLI_EXIT_OK)
    return status;

  if (strcmp (kind, "calendar") == 0)
    return run_calendar (cli, deck_id, now, (guint) days);
  if (strcmp (kind, "forecast") == 0)
    return run_forecast (cli, deck_id, now, (guint) days);
  if (strcmp (kind, "retention") == 0)
    return run_retention (cli, deck_id, now);
  if (strcmp (kind, "buttons") == 0)
    return run_buttons (cli, deck_id);
  if (strcmp (kind, "hours") == 0)
    return run_hours (cli, deck_id);
  return run_buckets (cli, deck_id, strcmp (kind, "ease") == 0);
}
