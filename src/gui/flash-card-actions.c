/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-card-actions.c: the card actions of docs/browsing.md, for the browser and the study page
 * alike. Each is one call of src/core/flash-store-edit.c and a toast. */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-card-actions.h"
#include "flash-edit-dialog.h"

gboolean
flash_card_action_run (GtkWidget  *widget,
                       FlashStore *store,
                       FlashCard  *card,
                       const char *name)
{
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GError) error = NULL;
  const char *done = NULL;
  gint64 id = card->id;
  gboolean ok;

  if (g_str_equal (name, "use-source") || g_str_equal (name, "keep-edit"))
    {
      gboolean use = g_str_equal (name, "use-source");

      ok = flash_store_resolve_source_change (store, id, use, &error);
      done = use ? _("The cheatsheet’s text is used") : _("Your edit is kept");
    }
  else if (g_str_equal (name, "suspend"))
    {
      ok = flash_store_set_suspended (store, &id, 1, !card->suspended, &error);
      done = card->suspended ? _("Card unsuspended") : _("Card suspended");
    }
  else if (g_str_equal (name, "bury"))
    {
      ok = flash_store_bury_cards (store, &id, 1, now, &error);
      done = _("Card buried until tomorrow");
    }
  else if (g_str_equal (name, "flag"))
    {
      ok = flash_store_set_flag (store, &id, 1, card->flag > 0 ? 0 : 1, &error);
      done = card->flag > 0 ? _("Flag removed") : _("Card flagged");
    }
  else if (g_str_equal (name, "reset"))
    {
      ok = flash_store_reset_cards (store, &id, 1, &error);
      done = _("Card reset to new");
    }
  else
    {
      g_return_val_if_fail (g_str_equal (name, "delete"), FALSE);
      ok = flash_store_delete_cards (store, &id, 1, &error);
      if (ok)
        gtk_widget_activate_action (widget, "win.card-deleted", "x", id);
    }
  if (!ok)
    {
      gtk_widget_activate_action (widget, "win.show-toast", "s", error->message);
      return FALSE;
    }
  if (done != NULL)
    gtk_widget_activate_action (widget, "win.show-toast", "s", done);
  return TRUE;
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot open the cheatsheet: %s"),
                                                  error->message);

      gtk_widget_activate_action (widget, "win.show-toast", "s", message);
    }
}

void
flash_card_action_open_source (GtkWidget *widget,
                               FlashCard *card)
{
  g_autofree char *uri = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GAppLaunchContext) context = NULL;

  if (card->source == NULL || g_str_has_prefix (card->source, "paste:"))
    {
      gtk_widget_activate_action (widget, "win.show-toast", "s",
                                  _("This card was pasted: it has no file"));
      return;
    }
  if (!g_file_test (card->source, G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: %s is the path a cheatsheet was imported from. */
      message = g_strdup_printf (_("The cheatsheet is no longer at %s"), card->source);
      gtk_widget_activate_action (widget, "win.show-toast", "s", message);
      return;
    }
  /* Through the desktop (in a Flatpak, its portal): the app that opens Markdown or web pages. */
  uri = g_filename_to_uri (card->source, NULL, NULL);
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
    gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, launched_cb,
                                           g_object_ref (widget));
}

typedef struct
{
  GtkWidget  *widget;
  FlashStore *store;
  gint64      id;
  char       *question;
  char       *answer;
  FlashCardSavedFunc saved;
} EditRequest;

static void
edit_request_free (EditRequest *request)
{
  g_object_unref (request->widget);
  g_free (request->question);
  g_free (request->answer);
  g_free (request);
}

/* Saves what changed: a field left as it was is not an edit. */
static gboolean
edit_save_cb (FlashEditDialog *dialog,
              const char      *question,
              const char      *answer,
              EditRequest     *request)
{
  g_autoptr(GError) error = NULL;
  gboolean same_question = g_str_equal (question, request->question);
  gboolean same_answer = g_str_equal (answer, request->answer);

  if ((!same_question || !same_answer)
      && !flash_store_edit_card (request->store, request->id, same_question ? NULL : question,
                                 same_answer ? NULL : answer, &error))
    {
      flash_edit_dialog_show_error (dialog, error->message);
      return FALSE;
    }
  if (!same_question || !same_answer)
    gtk_widget_activate_action (request->widget, "win.show-toast", "s", _("Card saved"));
  request->saved (request->widget);
  return TRUE;
}

void
flash_card_action_edit (GtkWidget          *widget,
                        FlashStore         *store,
                        FlashCard          *card,
                        FlashCardSavedFunc  saved)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  FlashEditDialog *dialog = flash_edit_dialog_new (parent, card->context, card->question,
                                                   card->answer);
  EditRequest *request = g_new0 (EditRequest, 1);

  request->widget = g_object_ref (widget);
  request->store = store;
  request->id = card->id;
  request->question = g_strdup (card->question);
  request->answer = g_strdup (card->answer);
  request->saved = saved;
  g_signal_connect_data (dialog, "save", G_CALLBACK (edit_save_cb), request,
                         (GClosureNotify) (void (*) (void)) edit_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
