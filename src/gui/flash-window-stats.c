/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window-stats.c: the window's Statistics page (docs/statistics.md): win.show-stats from
 * the primary menu, a deck's page and Ctrl+Shift+S. */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-window-private.h"

gboolean
flash_window_is_on_stats (FlashWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "stats") == 0;
}

/* win.show-stats (a deck's id; 0: the deck whose page is on show, else every deck). */
void
flash_window_show_stats_action_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  gint64 deck_id = g_variant_get_int64 (parameter);
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();

  if (self->store == NULL)
    return;
  if (deck_id == 0 && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "deck") == 0)
    deck_id = flash_deck_page_get_deck_id (self->deck_page);
  flash_stats_page_show (self->stats_page, flash_store_get_path (self->store), self->decks,
                         deck_id, now);
  gtk_stack_set_visible_child_name (self->stack, "stats");
  adw_window_title_set_subtitle (self->window_title, _("Statistics"));
  flash_window_update_actions (self);
  gtk_widget_child_focus (GTK_WIDGET (self->stats_page), GTK_DIR_TAB_FORWARD);
}
