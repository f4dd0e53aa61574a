/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window-import.c: importing cheatsheets: the file chooser, drag and drop, bundled decks. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-anki.h"
#include "flash-html.h"
#include "flash-import-task.h"
#include "flash-window-private.h"

char *
flash_window_format_import_result (const FlashImportResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (result->added > 0 && result->updated == 0 && result->retired == 0)
    /* Translators: a toast after an import, "Python Deep Dive: 27 cards added". */
    return g_strdup_printf (ngettext ("%s: %u card added", "%s: %u cards added", result->added),
                            result->deck_name, result->added);

  if (result->added == 0 && result->updated == 0 && result->retired == 0)
    /* Translators: a toast after importing a cheatsheet that did not change. */
    return g_strdup_printf (_("%s: no changes"), result->deck_name);

  if (result->added > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u added", "%u added", result->added),
                                             result->added));
  if (result->updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u updated", "%u updated",
                                                       result->updated),
                                             result->updated));
  if (result->retired > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u removed", "%u removed",
                                                       result->retired),
                                             result->retired));
  if (result->split > 0)
    /* Translators: cards that the card rules now make into several, "2 split". */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u split", "%u split", result->split),
                                             result->split));
  if (result->merged > 0)
    /* Translators: cards that the card rules now make out of several, "1 merged". */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u merged", "%u merged",
                                                       result->merged),
                                             result->merged));
  g_ptr_array_add (parts, NULL);
  /* Translators: joins the parts of "3 added, 2 updated, 1 removed". */
  joined = g_strjoinv (_(", "), (char **) parts->pdata);

  /* Translators: a toast after an import, "Python Deep Dive: 3 added, 2 updated". */
  return g_strdup_printf (_("%s: %s"), result->deck_name, joined);
}

/* The toast for what was imported, and a dialog naming each file that was not (@messages). */
static void
report_imports (FlashWindow *self,
                GPtrArray   *outcomes,
                GPtrArray   *messages,
                gboolean     cancelled)
{
  g_autofree char *single = NULL;
  guint n_imported = 0;
  guint n_added = 0;

  for (guint i = 0; i < outcomes->len; i++)
    {
      FlashImportOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (!outcome->imported)
        {
          g_ptr_array_add (messages, g_strdup (outcome->message));
          continue;
        }
      n_imported++;
      n_added += outcome->result.added;
      g_clear_pointer (&single, g_free);
      single = flash_window_format_import_result (&outcome->result);
      if (outcome->message != NULL)
        {
          /* Translators: an import's summary and what it left out, "Deck: 3 cards added; 2
           * media files not imported". */
          g_autofree char *both = g_strdup_printf (_("%s; %s"), single, outcome->message);

          g_free (single);
          single = g_steal_pointer (&both);
        }
    }

  flash_window_refresh (self);

  if (cancelled)
    {
      g_autofree char *title = NULL;

      /* Translators: a toast after the user stopped an import, "Import stopped: 2 cheatsheets
       * imported". */
      if (n_imported == 0)
        title = g_strdup (_("Import stopped; nothing was changed"));
      else
        title = g_strdup_printf (ngettext ("Import stopped: %u cheatsheet imported",
                                           "Import stopped: %u cheatsheets imported", n_imported),
                                 n_imported);
      flash_window_add_toast (self, title);
    }
  else if (n_imported == 1)
    {
      flash_window_add_toast (self, single);
    }
  else if (n_imported > 1)
    {
      g_autofree char *sheets = NULL;
      g_autofree char *cards = NULL;
      g_autofree char *title = NULL;

      sheets = g_strdup_printf (ngettext ("%u cheatsheet imported", "%u cheatsheets imported",
                                          n_imported),
                                n_imported);
      cards = g_strdup_printf (ngettext ("%u card added", "%u cards added", n_added), n_added);
      /* Translators: "2 cheatsheets imported, 44 cards added". */
      title = g_strdup_printf (_("%s, %s"), sheets, cards);
      flash_window_add_toast (self, title);
    }

  if (messages->len > 0)
    {
      g_autofree char *body = NULL;

      g_ptr_array_add (messages, NULL);
      body = g_strjoinv ("\n\n", (char **) messages->pdata);
      flash_window_show_error (self,
                               ngettext ("Could Not Import the Cheatsheet", "Could Not Import the Cheatsheets",
                                         messages->len - 1),
                               body);
    }
}

/* Imports on the window's own store, at once: for a read-only collection, which refuses. */
static void
import_here (FlashWindow        *self,
             const char * const *paths,
             GPtrArray          *messages)
{
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func (
    (GDestroyNotify) flash_import_outcome_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      FlashImportOutcome *outcome = g_new0 (FlashImportOutcome, 1);

      outcome->path = g_strdup (paths[i]);
      outcome->imported = flash_store_import_file (self->store, paths[i], &outcome->result,
                                                   &error);
      if (!outcome->imported)
        outcome->message = g_strdup (error->message);
      g_ptr_array_add (outcomes, outcome);
    }
  report_imports (self, outcomes, messages, FALSE);
}

static void
hide_import_bar (FlashWindow *self)
{
  g_clear_handle_id (&self->import_bar_source, g_source_remove);
  g_clear_handle_id (&self->import_pulse_source, g_source_remove);
  if (self->import_bar != NULL)
    gtk_revealer_set_reveal_child (self->import_bar, FALSE);
}

static gboolean
pulse_cb (gpointer user_data)
{
  FlashWindow *self = user_data;

  gtk_progress_bar_pulse (self->import_progress);
  return G_SOURCE_CONTINUE;
}

/* The bar shows only when an import takes long enough to be noticed. */
static gboolean
show_import_bar_cb (gpointer user_data)
{
  FlashWindow *self = user_data;

  self->import_bar_source = 0;
  gtk_revealer_set_reveal_child (self->import_bar, TRUE);
  return G_SOURCE_REMOVE;
}

/* Before each file: one file pulses; several fill the bar file by file. A report of an import the
 * window no longer waits for (cancelled, perhaps with another one started since) is dropped. */
static void
import_progress_cb (GCancellable *cancellable,
                    guint         done,
                    guint         total,
                    const char   *name,
                    gpointer      user_data)
{
  FlashWindow *self = user_data;
  g_autofree char *text = NULL;

  if (self->importing == NULL || cancellable != self->importing)
    return;
  if (total == 1)
    /* Translators: the import bar while one file is read, "Importing “python.md”…". */
    text = g_strdup_printf (_("Importing “%s”…"), name);
  else
    /* Translators: the import bar, "Importing “python.md” (2 of 5)…". */
    text = g_strdup_printf (_("Importing “%s” (%u of %u)…"), name, done + 1, total);
  gtk_label_set_text (self->import_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_label), text);
  /* The bar says the same to a screen reader as the label does to the eye. */
  flash_accessible_set_name (GTK_WIDGET (self->import_progress), text);
  if (total > 1)
    gtk_progress_bar_set_fraction (self->import_progress, (double) done / total);
  else if (self->import_pulse_source == 0)
    self->import_pulse_source = g_timeout_add (100, pulse_cb, self);
}

/* What an import's callback needs: the window (a reference, let go on the main thread) and the
 * import's cancellable, to know whether the window still waits for it. */
typedef struct
{
  FlashWindow  *self;
  GCancellable *cancellable;
} ImportCall;

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportCall *call = user_data;
  g_autoptr(FlashWindow) self = call->self;
  g_autoptr(GCancellable) cancellable = call->cancellable;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  gboolean cancelled = FALSE;

  g_free (call);
  outcomes = flash_import_task_finish (result, &cancelled, &error);
  /* The window let go of this import (disposed, or its store changed): nothing to show. */
  if (self->importing != cancellable)
    return;
  g_clear_object (&self->importing);
  messages = g_steal_pointer (&self->import_refused);
  hide_import_bar (self);
  if (outcomes == NULL)
    {
      outcomes = g_ptr_array_new ();
      g_ptr_array_add (messages, g_strdup (error->message));
    }
  report_imports (self, outcomes, messages, cancelled);
  flash_window_update_actions (self);
}

/**
 * flash_window_import_files:
 * @self: a #FlashWindow
 * @files: (array length=n_files): the cheatsheets
 * @n_files: how many
 *
 * Imports each file into the collection, each all or nothing, in a worker while the window goes
 * on (a bar shows the progress and can cancel; docs/cheatsheet-format.md, "Importing in the
 * app"), and then tells the user what happened: a toast for what was imported, a dialog naming
 * each file that was not.
 */
void
flash_window_import_files (FlashWindow  *self,
                           GFile       **files,
                           guint         n_files)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  ImportCall *call;

  g_return_if_fail (FLASH_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (self->store == NULL)
    return;
  if (self->importing != NULL)
    {
      flash_window_add_toast (self, _("Wait for the import to finish, or cancel it"));
      return;
    }

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (files[i]);

          /* Translators: %s is a file's location. */
          g_ptr_array_add (messages, g_strdup_printf (_("%s: only local files can be imported"),
                                                      name));
          continue;
        }
      g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);

  if (paths[0] == NULL || flash_store_is_read_only (self->store))
    {
      import_here (self, (const char * const *) paths, messages);
      return;
    }

  self->importing = g_cancellable_new ();
  self->import_refused = g_steal_pointer (&messages);
  gtk_label_set_text (self->import_label, "");
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  self->import_bar_source = g_timeout_add (300, show_import_bar_cb, self);
  call = g_new0 (ImportCall, 1);
  call->self = g_object_ref (self);
  call->cancellable = g_object_ref (self->importing);
  flash_import_task_run (G_OBJECT (self), flash_store_get_path (self->store),
                         (const char * const *) paths, self->importing, import_progress_cb, self,
                         import_done_cb, call);
  flash_window_update_actions (self);
}

gboolean
flash_window_is_importing (FlashWindow *self)
{
  g_return_val_if_fail (FLASH_IS_WINDOW (self), FALSE);

  return self->importing != NULL;
}

void
flash_window_cancel_import_action_cb (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);

  if (self->importing != NULL)
    g_cancellable_cancel (self->importing);
}

void
flash_window_stop_import (FlashWindow *self)
{
  if (self->importing != NULL)
    g_cancellable_cancel (self->importing);
  g_clear_object (&self->importing);
  g_clear_pointer (&self->import_refused, g_ptr_array_unref);
  hide_import_bar (self);
}

static void
chooser_response_cb (FlashWindow          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (files, g_list_model_get_item (model, i));
    }

  g_clear_object (&self->chooser);

  if (files->len > 0)
    flash_window_import_files (self, (GFile **) files->pdata, files->len);
}

static void
open_chooser (FlashWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Import Cheatsheets"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Cheatsheets (Markdown, saved web pages or Anki packages)"));
  gtk_file_filter_add_pattern (filter, "*.md");
  gtk_file_filter_add_pattern (filter, "*.markdown");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_pattern (filter, "*.html");
  gtk_file_filter_add_pattern (filter, "*.htm");
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_pattern (filter, "*.apkg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_bundled_decks (FlashWindow *self)
{
  g_auto(GStrv) paths = flash_application_list_bundled_decks ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));

  if (files->len == 0)
    {
      flash_window_show_error (self, _("No Bundled Decks"),
                               _("The Python decks are not installed with this copy of Flashsheet."));
      return;
    }

  flash_window_import_files (self, (GFile **) files->pdata, files->len);
}

/* win.import (the file chooser) and win.add-bundled-decks. */
void
flash_window_import_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  if (g_str_equal (action_name, "win.add-bundled-decks"))
    import_bundled_decks (FLASH_WINDOW (widget));
  else
    open_chooser (FLASH_WINDOW (widget));
}

/* A Markdown cheatsheet, a saved web page or an Anki package. */
static gboolean
is_cheatsheet_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL
         && (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown")
             || flash_html_is_page (lower) || flash_anki_is_package (lower));
}

gboolean
flash_window_drop_cb (GtkDropTarget *target,
                      const GValue  *value,
                      double         x,
                      double         y,
                      FlashWindow   *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (self->store == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    {
      if (is_cheatsheet_file (l->data))
        g_ptr_array_add (files, l->data);
    }
  g_slist_free (list);

  if (files->len == 0)
    {
      flash_window_add_toast (self, _("Only Markdown cheatsheets and saved web pages can be "
                                      "imported"));
      return FALSE;
    }

  flash_window_import_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}
