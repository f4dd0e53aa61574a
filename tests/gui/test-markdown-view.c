/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-markdown-view.c: the widgets FlashMarkdownView builds for each Markdown construct. */

#include "flash-test-accessible.h"
#include "flash-test-display.h"
#include "flash-test-widgets.h"
#include <string.h>

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "flash-markdown-view.h"
#include "flash-sheet.h"

typedef struct
{
  GtkWidget         *window;
  FlashMarkdownView *view;
  GPtrArray         *opened; /* URIs that reached FlashMarkdownView::open-link */
} Fixture;

/* While the bundled decks render, warnings are collected and fail the test with their text
 * instead of aborting it. (The decks avoid shell here-documents: GtkSourceView 5.6 with GLib
 * 2.74's PCRE2 GRegex warns "Invalid group: HDB" on them.) */
static gboolean collect_warnings;
static GPtrArray *collected_warnings;

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *log_domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length != -1)
        continue;
      if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0)
        log_domain = fields[i].value;
      else if (strcmp (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  if ((log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)) != 0 && collect_warnings)
    g_ptr_array_add (collected_warnings, g_strdup_printf ("%s: %s", log_domain, message));

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
open_link_cb (FlashMarkdownView *view,
              const char        *uri,
              Fixture           *fixture)
{
  g_ptr_array_add (fixture->opened, g_strdup (uri));

  /* Never start a browser from a test. */
  g_signal_stop_emission_by_name (view, "open-link");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  fixture->opened = g_ptr_array_new_with_free_func (g_free);
  fixture->view = flash_markdown_view_new ();
  g_signal_connect (fixture->view, "open-link", G_CALLBACK (open_link_cb), fixture);

  /* Like the study page: the view inside a vertically scrolling window. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->view));

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 500);
  gtk_window_set_child (GTK_WINDOW (fixture->window), scroller);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->opened, g_ptr_array_unref);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until the window has been laid out and painted. */
static void
wait_for_paint (GtkWidget *window)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gboolean timed_out = FALSE;
  gulong handler;
  guint timeout;

  while (!gtk_widget_get_mapped (window) && g_main_context_iteration (NULL, TRUE))
    ;

  clock = gtk_widget_get_frame_clock (window);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  /* Generous: under AddressSanitizer a frame of a big card takes seconds. */
  timeout = g_timeout_add_seconds (60, timeout_cb, &timed_out);
  gtk_widget_queue_draw (window);

  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (clock, handler);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
}

static void
render (Fixture    *fixture,
        const char *markdown)
{
  flash_markdown_view_set_markdown (fixture->view, markdown);

  /* Text views lay their lines out in idle time and resize afterwards, so the
   * first frame may not have the final sizes yet. */
  wait_for_paint (fixture->window);
  wait_for_paint (fixture->window);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static GtkWidget *
nth_child (GtkWidget *widget,
           guint      n)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  for (guint i = 0; i < n && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);

  g_assert_nonnull (child);
  return child;
}

static GtkWidget *
block (Fixture *fixture,
       guint    n)
{
  return nth_child (GTK_WIDGET (fixture->view), n);
}

static const char *
label_text (GtkWidget *widget)
{
  g_assert_true (GTK_IS_LABEL (widget));
  return gtk_label_get_text (GTK_LABEL (widget));
}

static void
collect_descendants (GtkWidget *widget,
                     GType      type,
                     GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_descendants (child, type, found);
}

static guint
tree_depth (GtkWidget *widget)
{
  guint deepest = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    deepest = MAX (deepest, tree_depth (child));

  return deepest + 1;
}

static void
test_view_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  render (fixture, "");
  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 0);

  render (fixture, "one");
  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 1);

  flash_markdown_view_set_markdown (fixture->view, NULL);
  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 0);
  g_assert_null (flash_markdown_view_get_markdown (fixture->view));
}

static void
test_view_paragraph (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *label;

  render (fixture, "Plain *em* **strong** ~~struck~~ `code` [link](https://example.org)\n"
                   "soft  \nhard\n\nSecond paragraph.");

  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 2);
  label = block (fixture, 0);
  g_assert_cmpstr (label_text (label), ==, "Plain em strong struck code link soft\nhard");
  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_cmpstr (label_text (block (fixture, 1)), ==, "Second paragraph.");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->view)), >, 0);
}

static void
test_view_headings (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *const classes[] = { "title-1", "title-2", "title-3", "title-4", "heading",
                                         "heading" };

  render (fixture, "# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six *em*");

  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      GtkWidget *label = block (fixture, i);

      g_assert_true (GTK_IS_LABEL (label));
      g_assert_true (gtk_widget_has_css_class (label, classes[i]));
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (label)), ==,
                       GTK_ACCESSIBLE_ROLE_HEADING);
    }
  g_assert_cmpstr (label_text (block (fixture, 5)), ==, "Six em");
}

static void
test_view_lists (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *list;
  GtkWidget *item;
  GtkWidget *content;
  GtkWidget *nested;

  render (fixture, "- first\n- second\n  - nested\n  - nested two\n\n"
                   "3. three\n4. four\n");

  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 2);

  list = block (fixture, 0);
  g_assert_true (GTK_IS_BOX (list));
  g_assert_true (gtk_widget_has_css_class (list, "md-list"));
  g_assert_cmpuint (count_children (list), ==, 2);

  /* An item is a marker and a box of the item's blocks. */
  item = nth_child (list, 1);
  g_assert_cmpuint (count_children (item), ==, 2);
  g_assert_cmpstr (label_text (nth_child (item, 0)), ==, "•");
  content = nth_child (item, 1);
  g_assert_true (GTK_IS_BOX (content));
  g_assert_cmpuint (count_children (content), ==, 2);
  g_assert_cmpstr (label_text (nth_child (content, 0)), ==, "second");

  nested = nth_child (content, 1);
  g_assert_true (gtk_widget_has_css_class (nested, "md-list"));
  g_assert_cmpuint (count_children (nested), ==, 2);
  g_assert_cmpstr (label_text (nth_child (nth_child (nested, 0), 0)), ==, "◦");
  g_assert_cmpstr (label_text (nth_child (nth_child (nth_child (nested, 1), 1), 0)), ==,
                   "nested two");

  /* Ordered lists keep their start number. */
  list = block (fixture, 1);
  g_assert_cmpuint (count_children (list), ==, 2);
  g_assert_cmpstr (label_text (nth_child (nth_child (list, 0), 0)), ==, "3.");
  g_assert_cmpstr (label_text (nth_child (nth_child (list, 1), 0)), ==, "4.");
  g_assert_cmpstr (label_text (nth_child (nth_child (nth_child (list, 1), 1), 0)), ==, "four");
}

static void
test_view_quote_and_rule (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *quote;

  render (fixture, "> quoted **text**\n>\n> > inner\n\n---\n\nafter");

  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 3);
  quote = block (fixture, 0);
  g_assert_true (GTK_IS_BOX (quote));
  g_assert_true (gtk_widget_has_css_class (quote, "md-quote"));
  g_assert_cmpuint (count_children (quote), ==, 2);
  g_assert_cmpstr (label_text (nth_child (quote, 0)), ==, "quoted text");
  g_assert_true (gtk_widget_has_css_class (nth_child (quote, 1), "md-quote"));
  g_assert_cmpstr (label_text (nth_child (nth_child (quote, 1), 0)), ==, "inner");

  g_assert_true (GTK_IS_SEPARATOR (block (fixture, 1)));
  g_assert_cmpstr (label_text (block (fixture, 2)), ==, "after");
}

static void
test_view_table (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *scroller;
  GtkWidget *grid;
  GtkWidget *cell;
  int column, row, width, height;

  render (fixture, "| Name | Kind | Size |\n"
                   "|:-----|:----:|-----:|\n"
                   "| `a` | *x* | 1 |\n"
                   "| b |\n");

  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 1);
  scroller = block (fixture, 0);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  grid = flash_test_find_type (scroller, GTK_TYPE_GRID);
  g_assert_nonnull (grid);

  /* Three rows of three columns; the short row is padded with an empty cell. */
  g_assert_cmpuint (count_children (grid), ==, 9);
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_grid_query_child (GTK_GRID (grid), child, &column, &row, &width, &height);
      g_assert_cmpint (column, <, 3);
      g_assert_cmpint (row, <, 3);
      g_assert_true (GTK_IS_LABEL (child));
    }

  cell = gtk_grid_get_child_at (GTK_GRID (grid), 0, 0);
  g_assert_cmpstr (label_text (cell), ==, "Name");
  g_assert_true (gtk_widget_has_css_class (cell, "md-table-header"));
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (cell)), ==, 0.0f);

  cell = gtk_grid_get_child_at (GTK_GRID (grid), 1, 1);
  g_assert_cmpstr (label_text (cell), ==, "x");
  g_assert_false (gtk_widget_has_css_class (cell, "md-table-header"));
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (cell)), ==, 0.5f);

  cell = gtk_grid_get_child_at (GTK_GRID (grid), 2, 1);
  g_assert_cmpstr (label_text (cell), ==, "1");
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (cell)), ==, 1.0f);

  g_assert_cmpstr (label_text (gtk_grid_get_child_at (GTK_GRID (grid), 0, 2)), ==, "b");
  g_assert_cmpstr (label_text (gtk_grid_get_child_at (GTK_GRID (grid), 2, 2)), ==, "");
}

static void
test_view_wide_table (Fixture       *fixture,
                      gconstpointer  data)
{
  GString *markdown = g_string_new (NULL);
  GtkWidget *scroller;
  GtkAdjustment *adjustment;

  /* Twelve columns of unbreakable words do not fit in 600 pixels. */
  for (guint i = 0; i < 12; i++)
    g_string_append (markdown, "| supercalifragilistic ");
  g_string_append (markdown, "|\n");
  for (guint i = 0; i < 12; i++)
    g_string_append (markdown, "|---");
  g_string_append (markdown, "|\n");

  render (fixture, markdown->str);
  g_string_free (markdown, TRUE);

  scroller = block (fixture, 0);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  g_assert_cmpint (gtk_widget_get_width (scroller), <=, 600);
  adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
}

static GtkSourceView *
code_view_of (GtkWidget *block_widget)
{
  GtkWidget *view = flash_test_find_type (block_widget, GTK_SOURCE_TYPE_VIEW);

  g_assert_nonnull (view);
  return GTK_SOURCE_VIEW (view);
}

static char *
code_text (GtkSourceView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static const char *
code_language (GtkSourceView *view)
{
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  GtkSourceLanguage *language = gtk_source_buffer_get_language (buffer);

  return language != NULL ? gtk_source_language_get_id (language) : NULL;
}

static void
test_view_code_block (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkSourceView *view;
  GtkWidget *scroller;
  GtkWidget *button;
  g_autofree char *text = NULL;

  render (fixture, "```python\nprint(\"<b>&</span>\")\n    indented line that is long enough to need a "
                   "horizontal scrollbar in a window six hundred pixels wide, surely\n```");

  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 1);
  g_assert_true (GTK_IS_BOX (block (fixture, 0)));
  view = code_view_of (block (fixture, 0));
  text = code_text (view);
  g_assert_true (g_str_has_prefix (text, "print(\"<b>&</span>\")\n    indented"));
  g_assert_false (g_str_has_suffix (text, "\n"));
  g_assert_cmpstr (code_language (view), ==, "python3");
  /* A screen reader announces what the block is. */
  flash_test_assert_accessible_label (GTK_WIDGET (view), "Python code");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  g_assert_false (gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (view)));
  g_assert_true (gtk_text_view_get_monospace (GTK_TEXT_VIEW (view)));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (view)));

  /* Long lines scroll sideways; the height is never scrolled. */
  scroller = gtk_widget_get_parent (GTK_WIDGET (view));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  {
    GtkPolicyType hpolicy, vpolicy;

    gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scroller), &hpolicy, &vpolicy);
    g_assert_cmpint (hpolicy, ==, GTK_POLICY_AUTOMATIC);
    g_assert_cmpint (vpolicy, ==, GTK_POLICY_NEVER);
  }
  /* Text views validate their lines in idle time, a few frames later on a slow (sanitized)
   * build: the code block must reach its natural height, however many frames that takes. */
  for (guint i = 0; i < 100 && gtk_widget_get_height (GTK_WIDGET (view)) < 2 * 10; i++)
    wait_for_paint (fixture->window);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >=,
                   2 * 10 /* two lines of at least 10 px */);

  button = flash_test_find_type (block (fixture, 0), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "edit-copy-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Copy");
  g_assert_false (gtk_widget_get_focus_on_click (button));
  /* The button covers no code: it is above the first line, not over its end. */
  {
    graphene_rect_t button_box, view_box;

    g_assert_true (gtk_widget_compute_bounds (button, block (fixture, 0), &button_box));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view), block (fixture, 0), &view_box));
    g_assert_cmpfloat (button_box.origin.y + button_box.size.height, <=, view_box.origin.y);
  }
}

static void
test_view_code_copy (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *button;
  GdkClipboard *clipboard;
  GdkContentProvider *content;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  render (fixture, "```sh\necho '<&>'\nls\n```");

  button = flash_test_find_type (block (fixture, 0), GTK_TYPE_BUTTON);
  g_signal_emit_by_name (button, "clicked");

  clipboard = gtk_widget_get_clipboard (button);
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, "echo '<&>'\nls");
}

static void
test_view_code_languages (Fixture       *fixture,
                          gconstpointer  data)
{
  static const struct
  {
    const char *info;
    const char *id;
  } cases[] = {
    { "python", "python3" }, { "py", "python3" },     { "Python3", "python3" },
    { "bash", "sh" },        { "sh", "sh" },          { "shell", "sh" },
    { "c", "c" },            { "sql", "sql" },        { "js", "js" },
    { "javascript", "js" },  { "json", "json" },      { "yaml", "yaml" },
    { "yml", "yaml" },       { "rust", "rust" },      { "toml", "toml" },
    { "python {.lineno}", "python3" },
    { "no-such-language", NULL },                     { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markdown = g_strdup_printf ("```%s\nx = 1\n```", cases[i].info);

      flash_markdown_view_set_markdown (fixture->view, markdown);
      g_assert_cmpstr (code_language (code_view_of (block (fixture, 0))), ==, cases[i].id);
    }

  /* Indented code has no info string and stays plain text. */
  render (fixture, "para\n\n    indented code\n");
  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 2);
  g_assert_null (code_language (code_view_of (block (fixture, 1))));
}

static void
test_view_code_style_scheme (Fixture       *fixture,
                             gconstpointer  data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceBuffer *buffer;

  render (fixture, "```c\nint x;\n```");
  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (code_view_of (block (fixture, 0)))));

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)), ==,
                   "Adwaita-dark");
  wait_for_paint (fixture->window);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)), ==,
                   "Adwaita");
  wait_for_paint (fixture->window);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_view_injection (Fixture       *fixture,
                     gconstpointer  data)
{
  render (fixture, "a < b & c <b>not bold</b> </span> `</tt>&amp;` "
                   "[<i>x</i>](https://e.org/?a=1&b=\"><b> \"</span>\")\n\n"
                   "# Head </span> &\n\n"
                   "![<b>alt</b> &](https://example.org/x.png)\n\n"
                   "| <b> | & |\n|---|---|\n| </span> | `<` |\n");

  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 4);
  g_assert_cmpstr (label_text (block (fixture, 0)), ==,
                   "a < b & c <b>not bold</b> </span> </tt>&amp; <i>x</i>");
  g_assert_cmpstr (label_text (block (fixture, 1)), ==, "Head </span> &");
  g_assert_cmpstr (label_text (block (fixture, 2)), ==, "<b>alt</b> &");
  {
    GtkWidget *grid = flash_test_find_type (block (fixture, 3), GTK_TYPE_GRID);

    g_assert_cmpstr (label_text (gtk_grid_get_child_at (GTK_GRID (grid), 0, 0)), ==, "<b>");
    g_assert_cmpstr (label_text (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0)), ==, "&");
    g_assert_cmpstr (label_text (gtk_grid_get_child_at (GTK_GRID (grid), 0, 1)), ==, "</span>");
    g_assert_cmpstr (label_text (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1)), ==, "<");
  }
}

static void
test_view_raw_html (Fixture       *fixture,
                    gconstpointer  data)
{
  render (fixture, "<div onclick=\"evil()\">\n<script>alert(1)</script>\n</div>\n\n"
                   "inline <span style=\"color:red\">html</span> <!-- c -->");

  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 2);
  g_assert_cmpstr (label_text (block (fixture, 0)), ==,
                   "<div onclick=\"evil()\">\n<script>alert(1)</script>\n</div>");
  g_assert_cmpstr (label_text (block (fixture, 1)), ==,
                   "inline <span style=\"color:red\">html</span> <!-- c -->");
}

static gboolean
activate (GtkWidget  *label,
          const char *uri)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (label, "activate-link", uri, &handled);
  return handled;
}

static void
test_view_links (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *const refused[] = {
    "javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>", "vbscript:x", "ftp://example.org/",
    "relative/path", "",
  };
  GtkWidget *label;

  render (fixture, "[bad](javascript:alert(1)) [good](https://example.org/a?b=1&c=2) "
                   "[mail](mailto:someone@example.org)");
  label = block (fixture, 0);

  /* Every scheme is handled, so GtkLabel never opens anything by itself. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_true (activate (label, refused[i]));
  g_assert_cmpuint (fixture->opened->len, ==, 0);

  g_assert_true (activate (label, "https://example.org/a?b=1&c=2"));
  g_assert_true (activate (label, "http://example.org/"));
  g_assert_true (activate (label, "mailto:someone@example.org"));
  g_assert_cmpuint (fixture->opened->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (fixture->opened, 0), ==, "https://example.org/a?b=1&c=2");
}

/* Space and 1-4 drive the study page: nothing in a card may take the focus
 * from it, neither by clicking nor by the keyboard, except the copy buttons. */
static void
test_view_no_focus_stealing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *focus_before;

  render (fixture, "# Title [link](https://example.org)\n\nSome *text* with a "
                   "[link](https://example.org).\n\n- item\n  > quote\n\n"
                   "| a | b |\n|---|---|\n| [l](https://e.org) | 2 |\n\n```python\npass\n```");

  collect_descendants (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, labels);
  collect_descendants (GTK_WIDGET (fixture->view), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (labels->len, >=, 8);
  g_assert_cmpuint (views->len, ==, 1);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      g_assert_false (gtk_widget_get_focusable (label));
      g_assert_true (gtk_widget_get_can_target (label));
      g_assert_false (gtk_widget_grab_focus (label));
    }
  g_assert_false (gtk_widget_get_focusable (g_ptr_array_index (views, 0)));
  g_assert_false (gtk_widget_grab_focus (g_ptr_array_index (views, 0)));

  /* Tabbing through the window only ever reaches the copy button. */
  focus_before = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_false (focus_before != NULL && GTK_IS_LABEL (focus_before));
  for (guint i = 0; i < 10; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (fixture->window, GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      g_assert_true (focus == NULL || GTK_IS_BUTTON (focus));
    }
}

static void
test_view_text_scale (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *label;
  PangoAttrList *attrs;
  g_autoptr(GSList) attributes = NULL;
  int normal_height;
  int scaled_height;

  render (fixture, "Some text that is scaled.\n\n```\ncode\n```");
  g_assert_cmpfloat (flash_markdown_view_get_text_scale (fixture->view), ==, 1.0);
  label = block (fixture, 0);
  normal_height = gtk_widget_get_height (label);
  g_assert_null (gtk_label_get_attributes (GTK_LABEL (label)));

  flash_markdown_view_set_text_scale (fixture->view, 2.0);
  wait_for_paint (fixture->window);
  g_assert_cmpfloat (flash_markdown_view_get_text_scale (fixture->view), ==, 2.0);

  label = block (fixture, 0);
  attrs = gtk_label_get_attributes (GTK_LABEL (label));
  g_assert_nonnull (attrs);
  attributes = pango_attr_list_get_attributes (attrs);
  g_assert_cmpuint (g_slist_length (attributes), ==, 1);
  g_assert_cmpint (((PangoAttribute *) attributes->data)->klass->type, ==, PANGO_ATTR_SCALE);
  g_slist_free_full (g_steal_pointer (&attributes), (GDestroyNotify) pango_attribute_destroy);
  scaled_height = gtk_widget_get_height (label);
  g_assert_cmpint (scaled_height, >, normal_height * 3 / 2);

  /* Out-of-range values are clamped, not rejected. */
  flash_markdown_view_set_text_scale (fixture->view, 100.0);
  g_assert_cmpfloat (flash_markdown_view_get_text_scale (fixture->view), <=, 4.0);
  flash_markdown_view_set_text_scale (fixture->view, 1.0);
  g_assert_null (gtk_label_get_attributes (GTK_LABEL (block (fixture, 0))));
}

/* Nesting beyond a few levels is flattened, so the widget tree stays shallow
 * and the work stays linear. */
static void
test_view_deep_nesting (Fixture       *fixture,
                        gconstpointer  data)
{
  GString *markdown = g_string_new (NULL);

  for (guint i = 0; i < 5000; i++)
    g_string_append (markdown, "> ");
  g_string_append (markdown, "deep quote\n");
  render (fixture, markdown->str);
  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 1);
  g_assert_cmpuint (tree_depth (GTK_WIDGET (fixture->view)), <, 20);
  g_assert_nonnull (strstr (label_text (flash_test_find_type (block (fixture, 0), GTK_TYPE_LABEL)),
                            "deep quote"));

  g_string_truncate (markdown, 0);
  for (guint i = 0; i < 200; i++)
    {
      for (guint j = 0; j < i; j++)
        g_string_append (markdown, "  ");
      g_string_append_printf (markdown, "- level %u\n", i);
    }
  render (fixture, markdown->str);
  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 1);
  g_assert_cmpuint (tree_depth (GTK_WIDGET (fixture->view)), <, 40);

  g_string_truncate (markdown, 0);
  for (guint i = 0; i < 1000; i++)
    g_string_append (markdown, "*[");
  g_string_append (markdown, "x");
  for (guint i = 0; i < 1000; i++)
    g_string_append (markdown, "](https://e.org)*");
  render (fixture, markdown->str);
  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 1);
  g_assert_true (GTK_IS_LABEL (block (fixture, 0)));

  /* One enormous word, such as a pasted blob, must not stall the layout. */
  g_string_truncate (markdown, 0);
  for (guint i = 0; i < 20000; i++)
    g_string_append_c (markdown, 'a' + i % 26);
  render (fixture, markdown->str);
  g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), ==, 1);
  g_assert_cmpint (gtk_label_get_wrap_mode (GTK_LABEL (block (fixture, 0))), ==, PANGO_WRAP_CHAR);

  g_string_free (markdown, TRUE);
}

static void
test_view_bundled_decks (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *decks_dir = g_getenv ("FLASHSHEET_DECKS_DIR");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  GLogLevelFlags fatal_mask;
  guint n_decks = 0;
  guint n_cards = 0;

  if (decks_dir == NULL)
    {
      g_test_skip ("FLASHSHEET_DECKS_DIR is not set");
      return;
    }

  dir = g_dir_open (decks_dir, 0, &error);
  g_assert_no_error (error);

  fatal_mask = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  collected_warnings = g_ptr_array_new_with_free_func (g_free);
  collect_warnings = TRUE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(FlashSheet) sheet = NULL;

      if (!g_str_has_suffix (name, ".md"))
        continue;

      path = g_build_filename (decks_dir, name, NULL);
      sheet = flash_sheet_load (path, &error);
      g_assert_no_error (error);
      n_decks++;

      /* Any GTK warning (bad markup, sizing) aborts under G_DEBUG=fatal-warnings. */
      for (guint i = 0; i < sheet->cards->len; i++)
        {
          FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);

          render (fixture, card->question);
          g_assert_cmpuint (count_children (GTK_WIDGET (fixture->view)), >, 0);
          render (fixture, card->answer);
          n_cards++;
        }
    }

  collect_warnings = FALSE;
  g_log_set_always_fatal (fatal_mask);
  for (guint i = 0; i < collected_warnings->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (collected_warnings, i));
  g_assert_cmpuint (collected_warnings->len, ==, 0);
  g_clear_pointer (&collected_warnings, g_ptr_array_unref);

  g_assert_cmpuint (n_decks, >, 0);
  g_assert_cmpuint (n_cards, >, 0);
  g_test_message ("rendered %u cards of %u decks", n_cards, n_decks);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  /* xvfb-run has no session bus, and GTK 4 warns when it cannot reach the
   * accessibility bus (NO_AT_BRIDGE only silences GTK 3); GTK's test backend
   * needs none and keeps the accessible properties the tests read. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_log_set_writer_func (log_writer_cb, NULL, NULL);

  flash_test_require_display ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  ADD_TEST ("/markdown-view/empty", test_view_empty);
  ADD_TEST ("/markdown-view/paragraph", test_view_paragraph);
  ADD_TEST ("/markdown-view/headings", test_view_headings);
  ADD_TEST ("/markdown-view/lists", test_view_lists);
  ADD_TEST ("/markdown-view/quote-and-rule", test_view_quote_and_rule);
  ADD_TEST ("/markdown-view/table", test_view_table);
  ADD_TEST ("/markdown-view/wide-table", test_view_wide_table);
  ADD_TEST ("/markdown-view/code/block", test_view_code_block);
  ADD_TEST ("/markdown-view/code/copy", test_view_code_copy);
  ADD_TEST ("/markdown-view/code/languages", test_view_code_languages);
  ADD_TEST ("/markdown-view/code/style-scheme", test_view_code_style_scheme);
  ADD_TEST ("/markdown-view/injection", test_view_injection);
  ADD_TEST ("/markdown-view/raw-html", test_view_raw_html);
  ADD_TEST ("/markdown-view/links", test_view_links);
  ADD_TEST ("/markdown-view/no-focus-stealing", test_view_no_focus_stealing);
  ADD_TEST ("/markdown-view/text-scale", test_view_text_scale);
  ADD_TEST ("/markdown-view/deep-nesting", test_view_deep_nesting);
  ADD_TEST ("/markdown-view/bundled-decks", test_view_bundled_decks);

  return g_test_run ();
}
