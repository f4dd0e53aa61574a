/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window-paste.c: a cheatsheet copied from a browser or an editor, pasted with Ctrl+V on the
 * overview or dropped on the window as text, becomes a deck; a toast offers to undo it. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "flash-window-private.h"

/* What is asked of the clipboard or the drop, in order of preference: a web page's HTML keeps its
 * structure (headings, lists, tables, code) where plain text has lost it. */
static const char *paste_mime_types[] = {
  "text/html", "text/markdown", "text/x-markdown", "text/plain;charset=utf-8", "text/plain", NULL
};

#define READ_CHUNK (64 * 1024)

typedef struct
{
  FlashWindow  *window;
  GInputStream *stream;
  GByteArray   *data;
  gboolean      html;
  GdkDrop      *drop; /* NULL for a paste */
} PasteRead;

static void
paste_read_free (PasteRead *read)
{
  g_object_unref (read->window);
  g_clear_object (&read->stream);
  g_byte_array_unref (read->data);
  g_clear_object (&read->drop);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteRead, paste_read_free)

/**
 * flash_window_import_pasted:
 * @self: a #FlashWindow
 * @data: (array length=length): the text, as the clipboard or the drop gave it
 * @length: its length in bytes
 * @html: whether it is a web page's HTML rather than Markdown or plain text
 *
 * Imports pasted text as a deck of its own, named after its first heading or the day, all or
 * nothing; the same text pasted again updates that deck. A toast says what changed and offers
 * Undo; an error is shown in a dialog.
 */
void
flash_window_import_pasted (FlashWindow *self,
                            const char  *data,
                            gsize        length,
                            gboolean     html)
{
  g_autoptr(FlashSheet) sheet = NULL;
  g_autoptr(FlashDeckSnapshot) snapshot = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *day = g_date_time_format (now, "%x");
  g_autofree char *fallback = NULL;
  g_autofree char *summary = NULL;
  FlashImportResult result = { 0 };

  g_return_if_fail (FLASH_IS_WINDOW (self));

  if (self->store == NULL || flash_store_is_read_only (self->store))
    return;
  /* Translators: the name of a deck pasted without a title; %s is a date. */
  fallback = g_strdup_printf (_("Pasted on %s"), day);
  sheet = flash_sheet_parse_pasted (data, length, html, _("The pasted text"), fallback, &error);
  if (sheet != NULL)
    snapshot = flash_store_snapshot_deck (self->store, sheet->source, &error);
  if (snapshot == NULL || !flash_store_import_sheet (self->store, sheet, &result, &error))
    {
      flash_window_show_error (self, _("Could Not Import the Pasted Text"), error->message);
      return;
    }

  g_clear_pointer (&self->paste_undo, flash_deck_snapshot_free);
  if (result.added > 0 || result.updated > 0 || result.retired > 0)
    self->paste_undo = g_steal_pointer (&snapshot);
  summary = flash_window_format_import_result (&result);
  flash_import_result_clear (&result);
  flash_window_refresh (self);
  if (self->paste_undo != NULL)
    flash_window_add_undo_toast (self, summary, "win.undo-paste");
  else
    flash_window_add_toast (self, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-paste", self->paste_undo != NULL);
}

static void read_chunk_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data);

static void
read_next_chunk (PasteRead *read)
{
  g_input_stream_read_bytes_async (read->stream, READ_CHUNK, G_PRIORITY_DEFAULT, NULL,
                                   read_chunk_cb, read);
}

static void
read_chunk_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PasteRead) read = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result,
                                                              &error);
  gsize size = chunk != NULL ? g_bytes_get_size (chunk) : 0;

  if (chunk == NULL)
    {
      flash_window_show_error (read->window, _("Could Not Import the Pasted Text"),
                               error->message);
      if (read->drop != NULL)
        gdk_drop_finish (read->drop, 0);
      return;
    }
  if (size > 0 && read->data->len + size <= FLASH_SHEET_MAX_SIZE)
    {
      g_byte_array_append (read->data, g_bytes_get_data (chunk, NULL), (guint) size);
      read_next_chunk (g_steal_pointer (&read));
      return;
    }
  if (size > 0)
    {
      /* More than a sheet may hold: nothing is read further, and nothing imported. */
      flash_window_show_error (read->window, _("Could Not Import the Pasted Text"),
                               _("The pasted text is larger than 32 MiB, too large for a "
                                 "cheatsheet."));
      if (read->drop != NULL)
        gdk_drop_finish (read->drop, 0);
      return;
    }

  flash_window_import_pasted (read->window, (const char *) read->data->data, read->data->len,
                              read->html);
  if (read->drop != NULL)
    gdk_drop_finish (read->drop, GDK_ACTION_COPY);
}

/* Starts reading @stream, of @mime_type, on behalf of @self (and of @drop, when dropped). */
static void
read_stream (FlashWindow  *self,
             GInputStream *stream,
             const char   *mime_type,
             GdkDrop      *drop)
{
  PasteRead *read = g_new0 (PasteRead, 1);

  read->window = g_object_ref (self);
  read->stream = g_object_ref (stream);
  read->data = g_byte_array_new ();
  read->html = g_str_has_prefix (mime_type, "text/html");
  read->drop = drop != NULL ? g_object_ref (drop) : NULL;
  read_next_chunk (read);
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FlashWindow) self = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  const char *mime_type = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime_type, &error);
  if (stream == NULL)
    {
      flash_window_add_toast (self, _("The clipboard holds no text to import"));
      return;
    }
  read_stream (self, stream, mime_type, NULL);
}

/* win.paste-sheet (Ctrl+V on the overview) and win.undo-paste (the toast's button). */
void
flash_window_paste_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (action_name, "win.paste-sheet"))
    {
      gdk_clipboard_read_async (gtk_widget_get_clipboard (widget), paste_mime_types,
                                G_PRIORITY_DEFAULT, NULL, clipboard_read_cb, g_object_ref (self));
      return;
    }
  if (self->paste_undo == NULL || self->store == NULL)
    return;
  if (!flash_store_restore_deck (self->store, self->paste_undo, &error))
    flash_window_show_error (self, _("Could Not Undo the Import"), error->message);
  else
    flash_window_add_toast (self, _("Import undone"));
  flash_window_forget_paste (self);
  flash_window_refresh (self);
}

/* Forgets what the last paste could undo: the collection it changed is not the one shown. */
void
flash_window_forget_paste (FlashWindow *self)
{
  g_clear_pointer (&self->paste_undo, flash_deck_snapshot_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-paste", FALSE);
}

/* Files are the file drop target's (flash-window-import.c): this one takes text only. */
static gboolean
drop_accept_cb (GtkDropTargetAsync *target,
                GdkDrop            *drop,
                FlashWindow        *self)
{
  GdkContentFormats *formats = gdk_drop_get_formats (drop);

  if (self->store == NULL || gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST)
      || gdk_content_formats_contain_mime_type (formats, "text/uri-list"))
    return FALSE;
  for (guint i = 0; paste_mime_types[i] != NULL; i++)
    if (gdk_content_formats_contain_mime_type (formats, paste_mime_types[i]))
      return TRUE;
  return FALSE;
}

static void
drop_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FlashWindow) self = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  const char *mime_type = NULL;

  stream = gdk_drop_read_finish (GDK_DROP (source), result, &mime_type, &error);
  if (stream == NULL)
    {
      flash_window_show_error (self, _("Could Not Import the Dropped Text"), error->message);
      gdk_drop_finish (GDK_DROP (source), 0);
      return;
    }
  read_stream (self, stream, mime_type, GDK_DROP (source));
}

static gboolean
drop_cb (GtkDropTargetAsync *target,
         GdkDrop            *drop,
         double              x,
         double              y,
         FlashWindow        *self)
{
  gdk_drop_read_async (drop, paste_mime_types, G_PRIORITY_DEFAULT, NULL, drop_read_cb,
                       g_object_ref (self));
  return TRUE;
}

/* A selection dragged from a browser or an editor onto the window. */
void
flash_window_add_text_drop_target (FlashWindow *self)
{
  GdkContentFormats *formats = gdk_content_formats_new (paste_mime_types,
                                                        G_N_ELEMENTS (paste_mime_types) - 1);
  GtkDropTargetAsync *target = gtk_drop_target_async_new (formats, GDK_ACTION_COPY);

  g_signal_connect_object (target, "accept", G_CALLBACK (drop_accept_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
