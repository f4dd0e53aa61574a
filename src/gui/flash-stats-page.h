/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-stats-page.h: the Statistics page (docs/statistics.md): today's numbers and the streaks,
 * the calendar, the forecast, true retention, the answer buttons, and the distributions of
 * intervals, ease, hours and cards added, of every deck or one. Its numbers are read in a worker
 * thread on a connection of its own, so that the window never waits for them. */
#pragma once

#include <adwaita.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_STATS_PAGE (flash_stats_page_get_type ())
G_DECLARE_FINAL_TYPE (FlashStatsPage, flash_stats_page, FLASH, STATS_PAGE, AdwBin)

GtkWidget *flash_stats_page_new      (void);
/* Shows the statistics of @deck_id (0: every deck) of the collection at @path as it is at @now;
 * @decks (FlashDeckInfo*) fill the deck chooser. */
void       flash_stats_page_show     (FlashStatsPage *self,
                                      const char     *path,
                                      GPtrArray      *decks,
                                      gint64          deck_id,
                                      GDateTime      *now);
/* Reads the numbers again as they are at @now (the collection changed): the deck stays if it
 * is among @decks, and so do the chart bars and the calendar day selected. */
void       flash_stats_page_reload   (FlashStatsPage *self,
                                      GPtrArray      *decks,
                                      GDateTime      *now);
gint64     flash_stats_page_get_deck (FlashStatsPage *self);

/* What the widget tests look at: whether numbers are still being read, whether the empty state
 * shows, a tile's value ("reviews", "time", "correct", "streak"), and a part by its name
 * ("deck", "calendar", "forecast", "hours", "intervals", "ease", "added", "retention",
 * "buttons"). */
gboolean   flash_stats_page_is_loading (FlashStatsPage *self);
gboolean   flash_stats_page_is_empty   (FlashStatsPage *self);
const char *flash_stats_page_get_tile  (FlashStatsPage *self,
                                        const char     *name);
GtkWidget *flash_stats_page_get_part   (FlashStatsPage *self,
                                        const char     *name);
/* The caption under a chart or the calendar: the selected bar's or day's numbers. */
const char *flash_stats_page_get_caption (FlashStatsPage *self,
                                          const char     *name);

G_END_DECLS
