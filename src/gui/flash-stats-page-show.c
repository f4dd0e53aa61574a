/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-stats-page-show.c: the Statistics page's report in its widgets: the tiles, the calendar,
 * the charts' bars with each one's words, and the tables (flash-stats-page.c builds them). */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-stats-calendar.h"
#include "flash-stats-chart.h"
#include "flash-stats-page-private.h"

/* Formatting --------------------------------------------------------------------------------- */

static char *
format_rate (const FlashPassCount *count)
{
  double rate = flash_pass_rate (count);

  if (rate < 0)
    return g_strdup ("–");
  /* Translators: a share in percent, "83.3 %"; %.1f is the number. */
  return g_strdup_printf (_("%.1f %%"), rate * 100.0);
}

static char *
format_minutes (gint64 ms)
{
  gint64 minutes = (ms + 30000) / 60000;

  if (minutes < 60)
    /* Translators: a time in minutes, "14 min". */
    return g_strdup_printf (_("%d min"), (int) minutes);
  /* Translators: a time in hours and minutes, "1 h 05 min". */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

/* "Today", "Tomorrow", or "Thursday, 5 March". */
static char *
format_day (FlashDay day,
            FlashDay today)
{
  if (day == today)
    return g_strdup (_("Today"));
  if (day == today + 1)
    return g_strdup (_("Tomorrow"));
  /* Translators: a day of the forecast, as g_date_strftime() takes it: "Thursday, 5 March". */
  return flash_stats_format_date (day, _("%A, %e %B"));
}

static char *
format_month (FlashDay day)
{
  /* Translators: a month of the calendar's range, as g_date_strftime() takes it: "March 2026". */
  return flash_stats_format_date (day, _("%B %Y"));
}

/* A cell of @text, over a smaller, dimmer @detail if there is one: visible, not only hovered,
 * so that the keyboard and a screen reader have it too. */
static void
set_cell (GtkGrid    *grid,
          int         column,
          int         row,
          const char *text,
          const char *detail)
{
  g_autofree char *markup = NULL;
  GtkWidget *label = gtk_grid_get_child_at (grid, column, row);

  if (label == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
      gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (grid, label, column, row, 1, 1);
    }
  if (detail == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), text);
      return;
    }
  markup = g_markup_printf_escaped ("%s\n<span size=\"small\" alpha=\"60%%\">%s</span>", text,
                                    detail);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_markup (GTK_LABEL (label), markup);
}

/* Showing a report ----------------------------------------------------------------------------- */

static void
show_today (FlashStatsPage *self)
{
  const FlashStatsToday *totals = &self->report->totals;
  FlashPassCount correct = { totals->reviews, totals->passed };
  g_autofree char *reviews = g_strdup_printf ("%u", totals->reviews);
  g_autofree char *time = format_minutes (totals->answer_ms);
  g_autofree char *rate = NULL;
  g_autofree char *streak = g_strdup_printf ("%u", totals->streak);
  g_autofree char *longest = NULL;

  rate = flash_pass_rate (&correct) < 0
         ? g_strdup ("–")
         /* Translators: today's share of correct answers, "83 %". */
         : g_strdup_printf (_("%.0f %%"), flash_pass_rate (&correct) * 100.0);
  longest = g_strdup_printf (ngettext ("Longest: %u day", "Longest: %u days",
                                       totals->longest_streak), totals->longest_streak);
  gtk_label_set_text (g_hash_table_lookup (self->tiles, "reviews"), reviews);
  gtk_label_set_text (g_hash_table_lookup (self->tiles, "time"), time);
  gtk_label_set_text (g_hash_table_lookup (self->tiles, "correct"), rate);
  gtk_label_set_text (g_hash_table_lookup (self->tiles, "streak"), streak);
  gtk_label_set_text (self->streak_detail, longest);
}

void
flash_stats_page_show_calendar (FlashStatsPage *self)
{
  FlashStatsCalendar *calendar = g_hash_table_lookup (self->parts, "calendar");
  GtkLabel *caption = g_hash_table_lookup (self->captions, "calendar");
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *range = NULL;
  FlashDay oldest = self->report->calendar->len > 0
                    ? g_array_index (self->report->calendar, FlashStatsDay, 0).day
                    : self->report->today;

  FlashDay selected = flash_stats_calendar_get_selected (calendar);

  flash_stats_calendar_set_days (calendar, self->report->calendar, self->calendar_last);
  if (self->keep_selection)
    flash_stats_calendar_select (calendar, selected);
  gtk_label_set_text (caption, flash_stats_calendar_get_text (calendar));
  from = format_month (flash_stats_calendar_get_first (calendar));
  to = format_month (self->calendar_last);
  /* Translators: the calendar's range of months, "March 2025 – March 2026". */
  range = g_strdup_printf (_("%s – %s"), from, to);
  gtk_label_set_text (self->calendar_range, range);
  gtk_widget_set_sensitive (self->later_button, self->calendar_last < self->report->today);
  gtk_widget_set_sensitive (self->earlier_button,
                            flash_stats_calendar_get_first (calendar) > oldest);
}

void
flash_stats_page_show_forecast (FlashStatsPage *self)
{
  FlashStatsChart *chart = g_hash_table_lookup (self->parts, "forecast");
  GtkLabel *caption = g_hash_table_lookup (self->captions, "forecast");
  guint n = MIN (self->forecast_days, self->report->forecast->len);
  g_autofree double *young = g_new0 (double, n);
  g_autofree double *mature = g_new0 (double, n);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *load = NULL;

  for (guint i = 0; i < n; i++)
    {
      const FlashForecastDay *day = &g_array_index (self->report->forecast, FlashForecastDay, i);
      g_autofree char *when = format_day (self->report->today + (FlashDay) i, self->report->today);

      young[i] = day->young;
      mature[i] = day->mature;
      /* Translators: a day of the forecast: "Tomorrow: 12 due (8 young, 4 mature)". */
      g_ptr_array_add (texts, g_strdup_printf (_("%s: %u due (%u young, %u mature)"), when,
                                               day->young + day->mature, day->young,
                                               day->mature));
    }
  flash_stats_chart_set_bars (chart, n, young, mature, texts);
  /* A new deck's forecast starts on today; a reload keeps the day selected. */
  if (!self->keep_selection)
    flash_stats_chart_select (chart, 0);
  gtk_label_set_text (caption, flash_stats_chart_get_text (chart));
  {
    guint per_day = (guint) (self->report->daily_load + 0.5);

    /* Translators: the reviews a day the schedule asks for on average. */
    load = g_strdup_printf (ngettext ("Daily load: about %u review a day",
                                      "Daily load: about %u reviews a day", per_day), per_day);
  }
  gtk_label_set_text (self->load_label, load);
}

static void
show_pass_grid (FlashStatsPage *self)
{
  static const char *const windows[FLASH_N_WINDOWS] = {
    N_("Today"), N_("Last 7 Days"), N_("Last 30 Days"), N_("Last Year"),
  };
  static const char *const maturities[FLASH_N_MATURITIES] = {
    N_("Learning"), N_("Young"), N_("Mature"),
  };
  static const int grades[] = { FLASH_GRADE_AGAIN, FLASH_GRADE_HARD, FLASH_GRADE_GOOD,
                                FLASH_GRADE_EASY };

  for (guint w = 0; w < FLASH_N_WINDOWS; w++)
    {
      set_cell (self->retention_grid, 0, (int) w + 1, _(windows[w]), NULL);
      for (guint m = 0; m < 2; m++)
        {
          const FlashPassCount *count = &self->report->retention[w][m];
          g_autofree char *rate = format_rate (count);
          /* Translators: under a rate of true retention: "10 of 12" reviews passed. */
          g_autofree char *passed = g_strdup_printf (_("%u of %u"), count->passed,
                                                     count->reviews);

          set_cell (self->retention_grid, (int) m + 1, (int) w + 1, rate, passed);
        }
    }
  for (guint m = 0; m < FLASH_N_MATURITIES; m++)
    {
      FlashPassCount all = { 0, 0 };
      g_autofree char *rate = NULL;

      set_cell (self->buttons_grid, 0, (int) m + 1, _(maturities[m]), NULL);
      for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
        {
          g_autofree char *count = g_strdup_printf ("%u", self->report->buttons[m][grades[g]]);

          set_cell (self->buttons_grid, (int) g + 1, (int) m + 1, count, NULL);
        }
      for (int grade = 0; grade < FLASH_N_GRADES; grade++)
        {
          all.reviews += self->report->buttons[m][grade];
          all.passed += grade >= FLASH_GRADE_HARD ? self->report->buttons[m][grade] : 0;
        }
      rate = format_rate (&all);
      set_cell (self->buttons_grid, 5, (int) m + 1, rate, NULL);
    }
}

/* Selects the first of the tallest bars: @counts holds @n items of @size bytes, each starting
 * with a guint (a FlashPassCount's reviews). */
static void
select_tallest (FlashStatsChart *chart,
                gconstpointer    counts,
                gsize            size,
                guint            n)
{
  guint best = 0;
  guint most = 0;

  for (guint i = 0; i < n; i++)
    {
      guint value = *(const guint *) ((const char *) counts + i * size);

      if (value > most)
        {
          most = value;
          best = i;
        }
    }
  flash_stats_chart_select (chart, best);
}

static void
show_distributions (FlashStatsPage *self)
{
  FlashStatsChart *hours = g_hash_table_lookup (self->parts, "hours");
  FlashStatsChart *intervals = g_hash_table_lookup (self->parts, "intervals");
  FlashStatsChart *ease = g_hash_table_lookup (self->parts, "ease");
  FlashStatsChart *added = g_hash_table_lookup (self->parts, "added");
  double values[MAX (24, FLASH_STATS_ADDED_DAYS)];
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint h = 0; h < 24; h++)
    {
      g_autofree char *rate = format_rate (&self->report->hours[h]);

      values[h] = self->report->hours[h].reviews;
      /* Translators: an hour of the day: "14:00–15:00: 120 reviews, 85.0 % correct". */
      g_ptr_array_add (texts, g_strdup_printf (ngettext ("%02u:00–%02u:00: %u review, %s correct",
                                                         "%02u:00–%02u:00: %u reviews, %s correct",
                                                         self->report->hours[h].reviews),
                                               h, (h + 1) % 24, self->report->hours[h].reviews,
                                               rate));
    }
  flash_stats_chart_set_bars (hours, 24, values, NULL, texts);

  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < FLASH_N_INTERVAL_BUCKETS; i++)
    {
      guint first, last;

      flash_stats_interval_bucket (i, &first, &last);
      values[i] = self->report->intervals[i];
      if (last == G_MAXUINT)
        /* Translators: an interval bucket: "365 days or more: 12 cards". */
        g_ptr_array_add (texts, g_strdup_printf (ngettext ("%u days or more: %u card",
                                                           "%u days or more: %u cards",
                                                           self->report->intervals[i]),
                                                 first, self->report->intervals[i]));
      else if (first == last)
        g_ptr_array_add (texts, g_strdup_printf (ngettext ("%u day: %u card", "%u day: %u cards",
                                                           self->report->intervals[i]),
                                                 first, self->report->intervals[i]));
      else
        g_ptr_array_add (texts, g_strdup_printf (ngettext ("%u–%u days: %u card",
                                                           "%u–%u days: %u cards",
                                                           self->report->intervals[i]),
                                                 first, last, self->report->intervals[i]));
    }
  flash_stats_chart_set_bars (intervals, FLASH_N_INTERVAL_BUCKETS, values, NULL, texts);

  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < FLASH_N_EASE_BUCKETS; i++)
    {
      g_autofree char *label = flash_stats_ease_label (i);

      values[i] = self->report->ease[i];
      /* Translators: an ease bucket: "Ease 2.5: 120 cards" (2.9+ for the last). */
      g_ptr_array_add (texts, g_strdup_printf (ngettext ("Ease %s: %u card", "Ease %s: %u cards",
                                                         self->report->ease[i]),
                                               label, self->report->ease[i]));
    }
  flash_stats_chart_set_bars (ease, FLASH_N_EASE_BUCKETS, values, NULL, texts);

  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->report->added->len; i++)
    {
      FlashDay day = self->report->today - (FlashDay) (self->report->added->len - 1 - i);
      guint count = g_array_index (self->report->added, guint, i);
      g_autofree char *when = format_day (day, self->report->today);

      values[i] = count;
      /* Translators: a day of cards added: "Thursday, 5 March: 40 cards added". */
      g_ptr_array_add (texts, g_strdup_printf (ngettext ("%s: %u card added",
                                                         "%s: %u cards added", count),
                                               when, count));
    }
  flash_stats_chart_set_bars (added, self->report->added->len, values, NULL, texts);

  /* The hour, interval and ease with the most show first, the cards added today; a reload
   * keeps what was selected. */
  if (!self->keep_selection)
    {
      flash_stats_chart_select (added, self->report->added->len - 1);
      select_tallest (hours, self->report->hours, sizeof (FlashPassCount), 24);
      select_tallest (intervals, self->report->intervals, sizeof (guint),
                      FLASH_N_INTERVAL_BUCKETS);
      select_tallest (ease, self->report->ease, sizeof (guint), FLASH_N_EASE_BUCKETS);
    }
  for (guint i = 0; i < 4; i++)
    {
      static const char *const names[] = { "hours", "intervals", "ease", "added" };
      FlashStatsChart *chart = g_hash_table_lookup (self->parts, names[i]);

      gtk_label_set_text (g_hash_table_lookup (self->captions, names[i]),
                          flash_stats_chart_get_text (chart));
    }
}

gboolean
flash_stats_page_report_is_empty (const FlashStatsReport *report)
{
  guint scheduled = 0;

  for (guint i = 0; i < FLASH_N_INTERVAL_BUCKETS; i++)
    scheduled += report->intervals[i];
  return report->calendar->len == 0 && scheduled == 0;
}

void
flash_stats_page_show_report (FlashStatsPage *self)
{
  if (flash_stats_page_report_is_empty (self->report))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (self->calendar_last == 0 || self->calendar_last > self->report->today)
    self->calendar_last = self->report->today;
  show_today (self);
  flash_stats_page_show_calendar (self);
  flash_stats_page_show_forecast (self);
  show_pass_grid (self);
  show_distributions (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}
