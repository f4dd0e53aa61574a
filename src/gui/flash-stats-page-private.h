/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-stats-page-private.h: what the Statistics page's two files share: its struct, and the
 * functions that show a report in its widgets (flash-stats-page-show.c). */
#pragma once

#include <adwaita.h>

#include "flash-stats-page.h"
#include "flash-stats.h"

G_BEGIN_DECLS

struct _FlashStatsPage
{
  AdwBin            parent_instance;

  char             *path;
  GDateTime        *now;
  gint64            deck_id;
  GArray           *deck_ids;    /* gint64, in the chooser's order; 0 first */
  guint             serial;      /* of the newest load; older results are dropped */
  GCancellable     *cancellable; /* of the newest load */
  gboolean          loading;
  gboolean          keep_selection; /* a reload: the bars and the day selected stay */
  FlashStatsReport *report;
  FlashDay          calendar_last;
  guint             forecast_days;

  GtkStack         *stack;
  GtkDropDown      *deck_chooser;
  gulong            deck_handler;
  GtkWidget        *content;
  GHashTable       *tiles;       /* name -> GtkLabel */
  GHashTable       *parts;       /* name -> GtkWidget */
  GHashTable       *captions;    /* name -> GtkLabel */
  GtkLabel         *streak_detail;
  GtkLabel         *calendar_range;
  GtkWidget        *earlier_button;
  GtkWidget        *later_button;
  GtkLabel         *load_label;
  GtkWidget        *days_30;
  GtkGrid          *retention_grid;
  GtkGrid          *buttons_grid;
};

/* flash-stats-page-show.c: the report in the widgets, kept selections as keep_selection says. */
gboolean flash_stats_page_report_is_empty (const FlashStatsReport *report);
void     flash_stats_page_show_report     (FlashStatsPage         *self);
void     flash_stats_page_show_calendar   (FlashStatsPage         *self);
void     flash_stats_page_show_forecast   (FlashStatsPage         *self);

G_END_DECLS
