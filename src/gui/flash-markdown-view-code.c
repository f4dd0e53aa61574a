/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-markdown-view-code.c: code blocks in the Markdown view: GtkSourceView, scheme, a header
 * with the language and the copy button. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "flash-markdown-view-private.h"

static GtkSourceLanguage *
lookup_language (const char *info)
{
  static const struct
  {
    const char *alias;
    const char *id;
  } aliases[] = {
    { "py", "python3" },       { "python", "python3" },  { "py3", "python3" },
    { "pycon", "python3" },    { "bash", "sh" },         { "shell", "sh" },
    { "zsh", "sh" },           { "console", "sh" },      { "shell-session", "sh" },
    { "javascript", "js" },    { "node", "js" },         { "mjs", "js" },
    { "ts", "typescript" },    { "yml", "yaml" },        { "c++", "cpp" },
    { "cxx", "cpp" },          { "rs", "rust" },         { "golang", "go" },
    { "make", "makefile" },    { "dockerfile", "docker" }, { "md", "markdown" },
    { "rb", "ruby" },          { "patch", "diff" },      { "sqlite", "sql" },
    { "postgresql", "sql" },   { "psql", "sql" },        { "htm", "html" },
  };
  GtkSourceLanguageManager *manager = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *language;
  g_autofree char *word = NULL;
  g_autofree char *filename = NULL;
  gsize len;

  if (info == NULL)
    return NULL;

  while (g_ascii_isspace (*info))
    info++;
  len = strcspn (info, " \t{");
  if (len == 0)
    return NULL;

  word = g_ascii_strdown (info, len);

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (word, aliases[i].alias) == 0)
      return gtk_source_language_manager_get_language (manager, aliases[i].id);

  language = gtk_source_language_manager_get_language (manager, word);
  if (language != NULL)
    return language;

  /* Many info strings are file extensions ("rb", "kt", "toml"). */
  if (strchr (word, '/') == NULL)
    {
      filename = g_strconcat ("code.", word, NULL);
      return gtk_source_language_manager_guess_language (manager, filename, NULL);
    }

  return NULL;
}

static void
update_style_scheme (GtkSourceBuffer *buffer)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "classic-dark" : "classic");
  gtk_source_buffer_set_style_scheme (buffer, scheme);
}

void
flash_markdown_view_follow_style (GtkSourceBuffer *buffer)
{
  update_style_scheme (buffer);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), buffer, G_CONNECT_SWAPPED);
}

static gboolean
reset_copy_icon_cb (gpointer user_data)
{
  gtk_button_set_icon_name (GTK_BUTTON (user_data), "edit-copy-symbolic");

  return G_SOURCE_REMOVE;
}

static void
copy_button_clicked_cb (GtkButton *button,
                        gpointer   user_data)
{
  const char *code = g_object_get_data (G_OBJECT (button), "flash-code");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), code);

  /* A check mark for a moment says the copy happened. */
  gtk_button_set_icon_name (button, "object-select-symbolic");
  g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, 1, reset_copy_icon_cb,
                              g_object_ref (button), g_object_unref);
}

/* GtkSourceView reads, validates and compiles a language's .lang file when a buffer takes a
 * language that no other buffer holds, and frees the result with the last such buffer. A card's
 * code blocks go when the next card comes, so every card paid for it again: about 80 % of
 * rendering a card with a Python block (build-aux/bench-gui, docs/performance.md). One idle buffer
 * per language used keeps each loaded for the life of the process. */
static void
keep_language_loaded (GtkSourceLanguage *language)
{
  static GHashTable *holders; /* language id → GtkSourceBuffer */
  const char *id = gtk_source_language_get_id (language);
  GtkSourceBuffer *holder;

  if (holders == NULL)
    holders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (g_hash_table_contains (holders, id))
    return;

  holder = gtk_source_buffer_new_with_language (language);
  gtk_source_buffer_set_highlight_syntax (holder, TRUE);
  g_hash_table_insert (holders, g_strdup (id), holder);
}

/* A wheel turned over a code block scrolls the card, as over any other text: the block's own
 * scroller only moves sideways (with Shift, or a touchpad's sideways swipe). GTK would otherwise
 * turn the vertical turn into a sideways scroll of the block. */
static gboolean
code_scroll_cb (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                gpointer                  user_data)
{
  GtkWidget *scroller = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *outer = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller),
                                              GTK_TYPE_SCROLLED_WINDOW);
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GtkAdjustment *adjustment;
  double step;

  if (outer == NULL || dy == 0.0 || (state & GDK_SHIFT_MASK) != 0)
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
  /* A wheel's notch moves as far as GTK's own scrolled windows move for one. */
  step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
         ? pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0) : 1.0;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return TRUE;
}

/* GtkTextView lays its lines out in an idle after it is mapped; a scroller that measured it
 * before that (a card shown while the window is busy, as when search results come in) keeps a
 * height of nothing. Measuring again once the lines are laid out gives the whole code. */
static gboolean
remeasure_cb (gpointer user_data)
{
  GtkWidget *scroller = user_data;

  gtk_widget_queue_resize (scroller);
  g_object_unref (scroller);
  return G_SOURCE_REMOVE;
}

static void
code_mapped_cb (GtkWidget *view,
                GtkWidget *scroller)
{
  g_idle_add_full (G_PRIORITY_LOW, remeasure_cb, g_object_ref (scroller), NULL);
}

GtkWidget *
flash_markdown_view_render_code (RenderContext *ctx,
                                 cmark_node    *node)
{
  g_autofree char *code_name = NULL;
  const char *literal = cmark_node_get_literal (node);
  g_autoptr(GtkSourceBuffer) buffer = NULL;
  GtkSourceLanguage *language;
  GtkWidget *view;
  GtkWidget *scroller;
  GtkWidget *button;
  GtkEventController *controller;
  GtkWidget *header;
  GtkWidget *title;
  GtkWidget *block;
  char *code;
  gsize len;

  len = literal != NULL ? strlen (literal) : 0;
  while (len > 0 && (literal[len - 1] == '\n' || literal[len - 1] == '\r'))
    len--;
  code = g_strndup (literal != NULL ? literal : "", len);

  /* Indented code has no info string, so it stays plain text. */
  language = lookup_language (cmark_node_get_fence_info (node));
  if (language != NULL)
    keep_language_loaded (language);

  buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_language (buffer, language);
  gtk_source_buffer_set_highlight_syntax (buffer, language != NULL);
  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), code, -1);

  if (ctx->self->text_scale != 1.0)
    {
      GtkTextIter start, end;
      GtkTextTag *tag;

      tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), NULL,
                                        "scale", ctx->self->text_scale,
                                        NULL);
      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
      gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (buffer), tag, &start, &end);
    }

  flash_markdown_view_follow_style (buffer);

  /* Read-only and never focused: a focused text view would take the study
   * keys. The pointer can still select text, and the button copies it all. */
  view = g_object_new (GTK_SOURCE_TYPE_VIEW,
                       "buffer", buffer,
                       "editable", FALSE,
                       "cursor-visible", FALSE,
                       "monospace", TRUE,
                       "wrap-mode", GTK_WRAP_NONE,
                       "focusable", FALSE,
                       "top-margin", 12,
                       "bottom-margin", 12,
                       "left-margin", 12,
                       "right-margin", 12,
                       NULL);
  gtk_widget_add_css_class (view, "md-code-view");
  /* A screen reader announces the block as what it is: "Python code". */
  if (language != NULL)
    /* Translators: how a screen reader announces a code block, "Python code". */
    code_name = g_strdup_printf (_("%s code"), gtk_source_language_get_name (language));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  code_name != NULL ? code_name : _("Code"),
                                  -1);

  /* Long lines scroll sideways; the height is always the whole code. Like the text, the
   * scroller takes no focus: Tab goes on to the copy button and the grade buttons. */
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "focusable", FALSE,
                           "hscrollbar-policy", GTK_POLICY_AUTOMATIC,
                           "vscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "child", view,
                           NULL);

  g_signal_connect (view, "map", G_CALLBACK (code_mapped_cb), scroller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (code_scroll_cb), NULL);
  gtk_widget_add_controller (scroller, controller);

  button = g_object_new (GTK_TYPE_BUTTON,
                         "icon-name", "edit-copy-symbolic",
                         "tooltip-text", _("Copy"),
                         "focus-on-click", FALSE,
                         "valign", GTK_ALIGN_CENTER,
                         NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "md-copy");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy code"),
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "flash-code", code, g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_button_clicked_cb), NULL);

  /* The copy button sits in a header row of its own, with the language's name: over the code
   * it would hide the end of the first line, at any width. */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "md-code-header");
  title = gtk_label_new (language != NULL ? gtk_source_language_get_name (language) : NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (title, "caption");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), button);

  block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (block, "md-code");
  gtk_widget_set_overflow (block, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (block), header);
  gtk_box_append (GTK_BOX (block), scroller);

  return block;
}
