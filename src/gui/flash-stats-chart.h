/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-stats-chart.h: a bar chart of the Statistics page, drawn with GtkSnapshot: one bar per
 * value, each of one or two stacked parts. Every bar's numbers are in its tooltip and, for the
 * keyboard and screen readers, the arrow keys move a selected bar whose text the chart's
 * accessible description and its "selected" signal carry. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FLASH_TYPE_STATS_CHART (flash_stats_chart_get_type ())
G_DECLARE_FINAL_TYPE (FlashStatsChart, flash_stats_chart, FLASH, STATS_CHART, GtkWidget)

/* Colours of the libadwaita palette, in light and dark. */
typedef enum
{
  FLASH_STATS_COLOR_BLUE,
  FLASH_STATS_COLOR_GREEN,
  FLASH_STATS_COLOR_YELLOW,
  FLASH_STATS_COLOR_RED,
  FLASH_STATS_COLOR_PURPLE,
} FlashStatsColor;

/* The palette colour @color (light or dark). */
void       flash_stats_color          (FlashStatsColor  color,
                                       gboolean         dark,
                                       GdkRGBA         *rgba);

/* Makes @widget (a chart or the calendar) focusable, with tooltips from @query_tooltip, keys from
 * @key_pressed and clicks from @pressed (a GtkEventControllerKey's and a GtkGestureClick's
 * handlers, given @widget), drawn again when its focus or the style's darkness changes. */
void       flash_stats_widget_set_up  (GtkWidget       *widget,
                                       GCallback        query_tooltip,
                                       GCallback        key_pressed,
                                       GCallback        pressed);

/* @name is what a screen reader says for the chart, e.g. "Forecast". */
GtkWidget *flash_stats_chart_new      (const char      *name,
                                       FlashStatsColor  first,
                                       FlashStatsColor  second);
/* @n bars: the stacked parts @first[i] and @second[i] (@second may be NULL), and @texts[i] for
 * the bar's tooltip and description (the array and its strings are taken). */
void       flash_stats_chart_set_bars (FlashStatsChart *self,
                                       guint            n,
                                       const double    *first,
                                       const double    *second,
                                       GPtrArray       *texts);
guint      flash_stats_chart_get_n_bars   (FlashStatsChart *self);
guint      flash_stats_chart_get_selected (FlashStatsChart *self);
void       flash_stats_chart_select       (FlashStatsChart *self,
                                           guint            index);
/* The selected bar's text, or NULL without bars. */
const char *flash_stats_chart_get_text    (FlashStatsChart *self);

G_END_DECLS
