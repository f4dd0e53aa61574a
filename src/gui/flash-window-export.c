/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window-export.c: Export Anki Package… (Ctrl+Shift+E): every deck as an Anki package,
 * written in a worker on a read-only connection of its own, a toast when it is done. */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-anki.h"
#include "flash-window-private.h"

typedef struct
{
  char *db_path;
  char *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  GError *error = NULL;
  FlashStore *store = flash_store_open_reader (job->db_path, &error);
  gboolean ok = store != NULL && flash_anki_export (store, 0, job->path, now, &error);

  g_clear_pointer (&store, flash_store_close);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FlashWindow) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (job->path);
  g_autofree char *text = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    /* Translators: a toast after Export Anki Package…; %s is the file's name. */
    text = g_strdup_printf (_("Exported to %s"), name);
  else
    text = g_strdup (error->message);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", text);
}

static void
export_response_cb (FlashWindow          *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                          ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_clear_object (&self->export_chooser);
  if (path == NULL || self->store == NULL)
    return;
  flash_window_export_to (self, path);
}

void
flash_window_export_to (FlashWindow *self,
                        const char  *path)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (FLASH_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->store == NULL)
    return;
  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (flash_store_get_path (self->store));
  job->path = g_strdup (path);
  /* The task has no source object: the worker may drop it last, and a window must not be
   * finalized there. */
  task = g_task_new (NULL, NULL, export_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, flash_window_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

void
flash_window_export_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL || self->export_chooser != NULL)
    return;
  self->export_chooser = gtk_file_chooser_native_new (_("Export Anki Package"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                      _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), "Flashsheet.apkg");
  gtk_file_filter_set_name (filter, _("Anki packages"));
  gtk_file_filter_add_pattern (filter, "*.apkg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
  g_signal_connect_object (self->export_chooser, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}
