/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-stats-calendar.h: the Statistics page's heatmap of reviews per study day, a column per
 * week (Monday on top) for the 53 weeks up to a last day, drawn with GtkSnapshot. Each day's
 * numbers are in its tooltip; the arrow keys move a selected day (Left and Right a week, Up and
 * Down a day) whose text the accessible description and the "selected" signal carry. */
#pragma once

#include <gtk/gtk.h>

#include "flash-stats.h"

G_BEGIN_DECLS

#define FLASH_TYPE_STATS_CALENDAR (flash_stats_calendar_get_type ())
G_DECLARE_FINAL_TYPE (FlashStatsCalendar, flash_stats_calendar, FLASH, STATS_CALENDAR, GtkWidget)

#define FLASH_STATS_CALENDAR_WEEKS 53

GtkWidget  *flash_stats_calendar_new          (const char          *name);
/* Shows @days (FlashStatsDay, oldest first; referenced) for the weeks up to @last, which
 * becomes the selected day. */
void        flash_stats_calendar_set_days     (FlashStatsCalendar  *self,
                                               GArray              *days,
                                               FlashDay             last);
FlashDay    flash_stats_calendar_get_first    (FlashStatsCalendar  *self);
FlashDay    flash_stats_calendar_get_selected (FlashStatsCalendar  *self);
void        flash_stats_calendar_select       (FlashStatsCalendar  *self,
                                               FlashDay             day);
/* "Tuesday, 3 March 2026: 12 reviews in 4 minutes", of the selected day. */
const char *flash_stats_calendar_get_text     (FlashStatsCalendar  *self);
/* @day as g_date_strftime() writes it with @format, without the blank %e pads with. */
char       *flash_stats_format_date           (FlashDay             day,
                                               const char          *format);
/* The same for any day and its numbers. */
char       *flash_stats_calendar_format_day   (FlashDay             day,
                                               guint                reviews,
                                               gint64               answer_ms);

G_END_DECLS
