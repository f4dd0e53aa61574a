/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-edit-dialog.c: the card editor (docs/browsing.md, "Editing a card"). Two GtkSourceViews
 * with the Markdown language and the style scheme of the light or dark look, and beside them (or,
 * at a narrow width, one click away) the card as study shows it, redrawn as the user types. */
#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "flash-accessible.h"
#include "flash-edit-dialog.h"
#include "flash-markdown-view.h"
#include "flash-markup.h"

/* Redrawn once typing pauses this long: a long answer's render takes a frame or two. */
#define PREVIEW_DELAY_MS 150

struct _FlashEditDialog
{
  AdwWindow          parent_instance;

  GtkSourceBuffer   *question_buffer;
  GtkSourceBuffer   *answer_buffer;
  GtkWidget         *question_view;
  GtkWidget         *answer_view;
  GtkLabel          *preview_question;
  FlashMarkdownView *preview_answer;
  AdwLeaflet        *leaflet;
  GtkWidget         *editor;
  GtkWidget         *preview;
  GtkWidget         *preview_toggle;
  AdwToastOverlay   *toasts;
  char              *preview_text;
  guint              preview_source;
};

G_DEFINE_FINAL_TYPE (FlashEditDialog, flash_edit_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
buffer_text (GtkSourceBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (buffer), &start, &end, FALSE);
}

static void
update_preview (FlashEditDialog *self)
{
  g_autofree char *question = buffer_text (self->question_buffer);
  g_autofree char *answer = buffer_text (self->answer_buffer);
  g_autofree char *markup = NULL;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  /* A question is one line: study shows its line breaks as blanks. */
  g_strdelimit (question, "\n", ' ');
  markup = flash_markup_from_markdown (question, -1, FLASH_MARKUP_NONE);
  gtk_label_set_markup (self->preview_question, markup);
  flash_markdown_view_set_markdown (self->preview_answer, answer);
  g_free (self->preview_text);
  self->preview_text = g_strconcat (question, "\n\n", answer, NULL);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  FlashEditDialog *self = user_data;

  self->preview_source = 0;
  update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (FlashEditDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

static GtkWidget *
source_view (GtkSourceBuffer *buffer,
             const char      *name)
{
  GtkWidget *view = gtk_source_view_new_with_buffer (buffer);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  /* Tab moves to the next control, as in any form; Markdown needs no tab characters. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_source_view_set_highlight_current_line (GTK_SOURCE_VIEW (view), FALSE);
  flash_accessible_set_name (view, name);
  return view;
}

static GtkWidget *
heading (const char *text,
         GtkWidget  *for_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), for_widget);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
framed (GtkWidget *child,
        gboolean   grow)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  if (grow)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
      gtk_widget_set_vexpand (scroller, TRUE);
      child = scroller;
    }
  gtk_frame_set_child (GTK_FRAME (frame), child);
  return frame;
}

static void
folded_cb (FlashEditDialog *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->preview_toggle, folded);
  if (!folded)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->preview_toggle), FALSE);
}

static void
preview_toggled_cb (FlashEditDialog *self)
{
  gboolean show = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->preview_toggle));

  if (show)
    update_preview (self);
  adw_leaflet_set_visible_child (self->leaflet, show ? self->preview : self->editor);
}

static void
dialog_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FlashEditDialog *self = FLASH_EDIT_DIALOG (widget);

  if (g_str_equal (action_name, "edit.save"))
    flash_edit_dialog_save (self);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
build (FlashEditDialog *self,
       const char      *context)
{
  GtkSourceLanguage *markdown =
    gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (),
                                              "markdown");
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *title = adw_window_title_new (_("Edit Card"), context);
  GtkWidget *editor = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *preview_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *preview = gtk_scrolled_window_new ();
  GtkWidget *preview_title = gtk_label_new (_("Preview"));
  GtkWidget *leaflet = adw_leaflet_new ();
  AdwLeafletPage *page;

  self->question_buffer = gtk_source_buffer_new_with_language (markdown);
  self->answer_buffer = gtk_source_buffer_new_with_language (markdown);
  flash_markdown_view_follow_style (self->question_buffer);
  flash_markdown_view_follow_style (self->answer_buffer);
  self->question_view = source_view (self->question_buffer, _("Question"));
  self->answer_view = source_view (self->answer_buffer, _("Answer"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "edit.cancel");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "edit.save");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_tooltip_text (save, _("Save (Ctrl+S)"));
  self->preview_toggle = gtk_toggle_button_new_with_mnemonic (_("_Preview"));
  gtk_widget_set_tooltip_text (self->preview_toggle, _("Show the card as study shows it"));
  flash_accessible_name_button (cancel);
  flash_accessible_name_button (save);
  flash_accessible_name_button (self->preview_toggle);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->preview_toggle);

  for (GtkWidget *box = editor; box != NULL; box = box == editor ? preview_box : NULL)
    {
      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
    }
  gtk_box_append (GTK_BOX (editor), heading (_("_Question"), self->question_view));
  gtk_box_append (GTK_BOX (editor), framed (self->question_view, FALSE));
  gtk_box_append (GTK_BOX (editor), heading (_("_Answer"), self->answer_view));
  gtk_box_append (GTK_BOX (editor), framed (self->answer_view, TRUE));
  gtk_widget_set_size_request (editor, 320, -1);
  gtk_widget_set_hexpand (editor, TRUE);

  gtk_widget_add_css_class (preview_title, "dim-label");
  gtk_widget_add_css_class (preview_title, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (preview_title), 0);
  self->preview_question = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->preview_question, TRUE);
  gtk_label_set_xalign (self->preview_question, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_question), "title-3");
  self->preview_answer = flash_markdown_view_new ();
  gtk_box_append (GTK_BOX (preview_box), preview_title);
  gtk_box_append (GTK_BOX (preview_box), GTK_WIDGET (self->preview_question));
  gtk_box_append (GTK_BOX (preview_box), GTK_WIDGET (self->preview_answer));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (preview), preview_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (preview), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (preview, 320, -1);
  gtk_widget_set_hexpand (preview, TRUE);
  flash_accessible_set_name (preview, _("Preview"));

  /* Side by side when there is room; at a phone's width the editor, and the preview a toggle
   * away. */
  self->leaflet = ADW_LEAFLET (leaflet);
  adw_leaflet_set_can_unfold (self->leaflet, TRUE);
  adw_leaflet_set_homogeneous (self->leaflet, TRUE);
  adw_leaflet_append (self->leaflet, editor);
  page = adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (page, FALSE);
  adw_leaflet_append (self->leaflet, preview);
  self->editor = editor;
  self->preview = preview;
  gtk_widget_set_vexpand (leaflet, TRUE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, leaflet);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  g_signal_connect_swapped (self->question_buffer, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->answer_buffer, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self);
  g_signal_connect_swapped (self->preview_toggle, "toggled", G_CALLBACK (preview_toggled_cb),
                            self);
  folded_cb (self);
}

static void
flash_edit_dialog_dispose (GObject *object)
{
  FlashEditDialog *self = FLASH_EDIT_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_object (&self->question_buffer);
  g_clear_object (&self->answer_buffer);
  G_OBJECT_CLASS (flash_edit_dialog_parent_class)->dispose (object);
}

static void
flash_edit_dialog_finalize (GObject *object)
{
  g_free (FLASH_EDIT_DIALOG (object)->preview_text);
  G_OBJECT_CLASS (flash_edit_dialog_parent_class)->finalize (object);
}

static void
flash_edit_dialog_class_init (FlashEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = flash_edit_dialog_dispose;
  object_class->finalize = flash_edit_dialog_finalize;

  signals[SIGNAL_SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       g_signal_accumulator_first_wins, NULL, NULL,
                                       G_TYPE_BOOLEAN, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "edit.save", NULL, dialog_action_cb);
  gtk_widget_class_install_action (widget_class, "edit.cancel", NULL, dialog_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "edit.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "edit.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "edit.cancel", NULL);
}

static void
flash_edit_dialog_init (FlashEditDialog *self)
{
}

FlashEditDialog *
flash_edit_dialog_new (GtkWindow  *parent,
                       const char *context,
                       const char *question,
                       const char *answer)
{
  FlashEditDialog *self = g_object_new (FLASH_TYPE_EDIT_DIALOG,
                                        "modal", TRUE,
                                        "transient-for", parent,
                                        "title", _("Edit Card"),
                                        "default-width", 960,
                                        "default-height", 640,
                                        NULL);

  build (self, context != NULL ? context : "");
  flash_edit_dialog_set_text (self, question, answer);
  gtk_widget_grab_focus (self->answer_view);
  return self;
}

void
flash_edit_dialog_set_text (FlashEditDialog *self,
                            const char      *question,
                            const char      *answer)
{
  g_return_if_fail (FLASH_IS_EDIT_DIALOG (self));

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->question_buffer),
                            question != NULL ? question : "", -1);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->answer_buffer),
                            answer != NULL ? answer : "", -1);
  update_preview (self);
}

void
flash_edit_dialog_show_error (FlashEditDialog *self,
                              const char      *message)
{
  g_return_if_fail (FLASH_IS_EDIT_DIALOG (self));

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

const char *
flash_edit_dialog_get_preview (FlashEditDialog *self)
{
  g_return_val_if_fail (FLASH_IS_EDIT_DIALOG (self), NULL);

  if (self->preview_source != 0)
    update_preview (self);
  return self->preview_text;
}

gboolean
flash_edit_dialog_save (FlashEditDialog *self)
{
  g_autofree char *question = NULL;
  g_autofree char *answer = NULL;
  gboolean saved = FALSE;

  g_return_val_if_fail (FLASH_IS_EDIT_DIALOG (self), FALSE);

  question = g_strstrip (buffer_text (self->question_buffer));
  answer = g_strstrip (buffer_text (self->answer_buffer));
  if (*question == '\0' || *answer == '\0')
    {
      flash_edit_dialog_show_error (self, *question == '\0' ? _("A card needs a question")
                                                            : _("A card needs an answer"));
      return FALSE;
    }
  g_strdelimit (question, "\n", ' ');
  g_signal_emit (self, signals[SIGNAL_SAVE], 0, question, answer, &saved);
  if (saved)
    gtk_window_destroy (GTK_WINDOW (self));
  return saved;
}
