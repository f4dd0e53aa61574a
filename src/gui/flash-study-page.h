/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-study-page.h: the page that shows today's cards one by one and records the grades. */
#pragma once

#include <gtk/gtk.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_STUDY_PAGE (flash_study_page_get_type ())
G_DECLARE_FINAL_TYPE (FlashStudyPage, flash_study_page, FLASH, STUDY_PAGE, GtkWidget)

/* The store is borrowed and must outlive the page; deck_id 0 studies every deck. The page emits
 * "changed" (no arguments) after every grade and undo, so the overview can refresh its counts. */

GtkWidget *flash_study_page_new            (void);
void       flash_study_page_set_store      (FlashStudyPage *self,
                                            FlashStore     *store);
void       flash_study_page_start          (FlashStudyPage *self,
                                            gint64          deck_id);
void       flash_study_page_start_scope    (FlashStudyPage *self,
                                            gint64          deck_id,
                                            const char     *section,
                                            const char     *tag);
void       flash_study_page_set_full_scale (FlashStudyPage *self,
                                            gboolean        full_scale);
void       flash_study_page_set_text_scale (FlashStudyPage *self,
                                            double          scale);
gboolean   flash_study_page_is_done        (FlashStudyPage *self);

void       flash_study_page_start_cram     (FlashStudyPage *self,
                                            const GArray   *card_ids);
gboolean   flash_study_page_is_cramming    (FlashStudyPage *self);

G_END_DECLS
