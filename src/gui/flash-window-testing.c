/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window-testing.c: what the window tests look at (flash-window-testing.h). */

#include "flash-window-private.h"
#include "flash-window-testing.h"

const char *
flash_window_get_page_name (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
flash_window_get_n_deck_rows (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), 0);

  return flash_overview_page_get_n_deck_rows (self->overview_page);
}

AdwActionRow *
flash_window_get_deck_row (FlashWindow *self,
                           guint        index)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return flash_overview_page_get_deck_row (self->overview_page, index);
}

const char *
flash_window_get_count_text (FlashWindow *self,
                             const char  *count)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return flash_overview_page_get_count_text (self->overview_page, count);
}

GtkWidget *
flash_window_get_study_button (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return flash_overview_page_get_study_button (self->overview_page);
}

const char *
flash_window_get_last_toast (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return self->last_toast;
}

GtkDropTarget *
flash_window_get_drop_target (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return self->drop_target;
}

AdwMessageDialog *
flash_window_get_dialog (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return self->dialog;
}

FlashBrowserPage *
flash_window_get_browser_page (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return self->browser_page;
}

FlashDeckPage *
flash_window_get_deck_page (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return self->deck_page;
}

FlashStudyPage *
flash_window_get_study_page (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return self->study_page;
}

FlashInterviewPage *
flash_window_get_interview_page (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return self->interview_page;
}

FlashInterviewReport *
flash_window_get_report_page (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return self->report_page;
}

FlashInterviewSetup *
flash_window_get_interview_setup (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return self->interview_setup;
}

FlashStatsPage *
flash_window_get_stats_page (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), NULL);

  return self->stats_page;
}
