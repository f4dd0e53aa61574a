/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window-import.c: importing cheatsheets: the file chooser, drag and drop, bundled decks. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "flash-html.h"
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

/**
 * flash_window_import_files:
 * @self: a #FlashWindow
 * @files: (array length=n_files): the cheatsheets
 * @n_files: how many
 *
 * Imports each file into the collection, each all or nothing, and tells the user what happened:
 * a toast for what was imported, a dialog naming each file that was not.
 */
void
flash_window_import_files (FlashWindow  *self,
                           GFile       **files,
                           guint         n_files)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *single = NULL;
  guint n_imported = 0;
  guint n_added = 0;

  g_return_if_fail (FLASH_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (self->store == NULL)
    return;

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autoptr(GError) error = NULL;
      FlashImportResult result = { 0 };

      if (path == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (files[i]);

          /* Translators: %s is a file's location. */
          g_ptr_array_add (messages, g_strdup_printf (_("%s: only local files can be imported"),
                                                      name));
          continue;
        }

      if (!flash_store_import_file (self->store, path, &result, &error))
        {
          g_ptr_array_add (messages, g_strdup (error->message));
          continue;
        }

      n_imported++;
      n_added += result.added;
      g_clear_pointer (&single, g_free);
      single = flash_window_format_import_result (&result);
      flash_import_result_clear (&result);
    }

  flash_window_refresh (self);

  if (n_imported == 1)
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

  gtk_file_filter_set_name (filter, _("Cheatsheets (Markdown or saved web pages)"));
  gtk_file_filter_add_pattern (filter, "*.md");
  gtk_file_filter_add_pattern (filter, "*.markdown");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_pattern (filter, "*.html");
  gtk_file_filter_add_pattern (filter, "*.htm");
  gtk_file_filter_add_mime_type (filter, "text/html");
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

/* A Markdown cheatsheet or a saved web page. */
static gboolean
is_cheatsheet_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL
         && (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown")
             || flash_html_is_page (lower));
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
