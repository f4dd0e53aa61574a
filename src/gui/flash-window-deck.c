/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window-deck.c: what the deck page asks of the window: renaming the deck (a dialog with
 * the name to edit) and studying one of its sections (docs/browsing.md, "A deck's page"). */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-window-private.h"

/* "Rename" is offered only for a name that is not blank and not the deck's own. */
static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *old_name = g_object_get_data (G_OBJECT (dialog), "old-name");

  adw_message_dialog_set_response_enabled (dialog, "rename",
                                           *name != '\0' && g_strcmp0 (name, old_name) != 0);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FlashWindow      *self)
{
  gint64 deck_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "deck-id");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0 || self->store == NULL)
    return;
  if (!flash_store_rename_deck (self->store, deck_id, gtk_editable_get_text (entry), &error))
    {
      flash_window_show_error (self, _("Could Not Rename the Deck"), error->message);
      return;
    }
  flash_window_refresh (self);
  flash_window_add_toast (self, _("Deck renamed"));
}

void
flash_window_rename_deck_action_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  gint64 deck_id = g_variant_get_int64 (parameter);
  const FlashDeckInfo *deck = flash_window_find_deck (self, deck_id);
  GtkWidget *entry;
  AdwMessageDialog *dialog;
  gint64 *data;

  if (deck == NULL || self->store == NULL || flash_store_is_read_only (self->store))
    return;

  dialog = flash_window_present_dialog (self, _("Rename Deck"),
                                        _("Importing the cheatsheet again keeps the new name."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), deck->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  flash_accessible_set_name (entry, _("Deck name"));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  data = g_new (gint64, 1);
  *data = deck_id;
  g_object_set_data_full (G_OBJECT (dialog), "deck-id", data, g_free);
  g_object_set_data_full (G_OBJECT (dialog), "old-name", g_strdup (deck->name), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  name_changed_cb (GTK_EDITABLE (entry), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_widget_grab_focus (entry);
}

void
flash_window_study_section_action_cb (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  gint64 deck_id = 0;
  const char *section = NULL;

  g_variant_get (parameter, "(x&s)", &deck_id, &section);
  flash_window_start_study (FLASH_WINDOW (widget), deck_id, *section != '\0' ? section : NULL);
}
