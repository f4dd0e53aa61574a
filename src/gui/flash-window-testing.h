/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window-testing.h: what the window tests look at, as a user would see it. Tests only. */
#pragma once

#include "flash-browser-page.h"
#include "flash-deck-page.h"
#include "flash-interview-page.h"
#include "flash-interview-report.h"
#include "flash-interview-setup.h"
#include "flash-stats-page.h"
#include "flash-study-page.h"
#include "flash-window.h"

G_BEGIN_DECLS

const char       *flash_window_get_page_name    (FlashWindow *self);
guint             flash_window_get_n_deck_rows  (FlashWindow *self);
AdwActionRow     *flash_window_get_deck_row     (FlashWindow *self,
                                                 guint        index);
const char       *flash_window_get_count_text   (FlashWindow *self,
                                                 const char  *count);
GtkWidget        *flash_window_get_study_button (FlashWindow *self);
const char       *flash_window_get_last_toast   (FlashWindow *self);
AdwMessageDialog *flash_window_get_dialog       (FlashWindow *self);
FlashBrowserPage *flash_window_get_browser_page (FlashWindow *self);
FlashDeckPage    *flash_window_get_deck_page    (FlashWindow *self);
GtkDropTarget    *flash_window_get_drop_target  (FlashWindow *self);
FlashStudyPage   *flash_window_get_study_page   (FlashWindow *self);
FlashInterviewPage   *flash_window_get_interview_page  (FlashWindow *self);
FlashInterviewReport *flash_window_get_report_page     (FlashWindow *self);
FlashInterviewSetup  *flash_window_get_interview_setup (FlashWindow *self);
FlashStatsPage       *flash_window_get_stats_page      (FlashWindow *self);

G_END_DECLS
