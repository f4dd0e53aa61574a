/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-overview-page.h: the overview: today's counts, Study, the streak and the decks. */
#pragma once

#include <adwaita.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_OVERVIEW_PAGE (flash_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (FlashOverviewPage, flash_overview_page, FLASH, OVERVIEW_PAGE, AdwBin)

/* Shows today's @counts, the streak from @stats (NULL when unknown), the @decks (FlashDeckInfo*)
 * and, when nothing is left today, that the next review is @next_review_days away (0: none). */
void          flash_overview_page_show             (FlashOverviewPage    *self,
                                                    const FlashDayCounts *counts,
                                                    const FlashStats     *stats,
                                                    GPtrArray            *decks,
                                                    int                   next_review_days);

/* What the window tests look at. */
guint         flash_overview_page_get_n_deck_rows  (FlashOverviewPage    *self);
AdwActionRow *flash_overview_page_get_deck_row     (FlashOverviewPage    *self,
                                                    guint                 index);
const char   *flash_overview_page_get_count_text   (FlashOverviewPage    *self,
                                                    const char           *count);
GtkWidget    *flash_overview_page_get_study_button (FlashOverviewPage    *self);

G_END_DECLS
