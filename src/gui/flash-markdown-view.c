/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-markdown-view.c: a widget that renders card Markdown as native GTK widgets. */

#include "config.h"

#include <float.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>
#include <cmark-gfm-core-extensions.h>

#include "flash-markdown-view-private.h"
#include "flash-markup.h"
#include "flash-markdown-css.h"

/* Lists and quotes nested deeper than this are rendered as one flat label: the
 * indentation would leave no room for the text, and it bounds the recursion. */
#define MAX_BLOCK_DEPTH 8

/* Labels with a word longer than this wrap between any characters. */
#define MAX_WORD_CHARS 200


#define MIN_TEXT_SCALE 0.5
#define MAX_TEXT_SCALE 4.0


G_DEFINE_FINAL_TYPE (FlashMarkdownView, flash_markdown_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MARKDOWN,
  PROP_TEXT_SCALE,
  N_PROPS
};

enum {
  OPEN_LINK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


static GtkWidget *render_block (RenderContext *ctx,
                                cmark_node    *node,
                                guint          depth);

static gboolean
uri_is_allowed (const char *uri)
{
  static const char *const allowed[] = { "http", "https", "mailto" };
  g_autofree char *scheme = NULL;

  if (uri == NULL)
    return FALSE;

  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (g_ascii_strcasecmp (scheme, allowed[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Every link goes through here. Cards come from files anyone can share, so only
 * web and mail links open; javascript:, file:, data: and the rest do nothing. */
static gboolean
activate_link_cb (GtkLabel          *label,
                  const char        *uri,
                  FlashMarkdownView *self)
{
  if (uri_is_allowed (uri))
    g_signal_emit (self, signals[OPEN_LINK], 0, uri);

  return TRUE;
}

static void
flash_markdown_view_real_open_link (FlashMarkdownView *self,
                                    const char        *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
append_block (GtkWidget *parent,
              GtkWidget *child)
{
  if (child == NULL)
    return;

  if (GTK_IS_BOX (parent))
    gtk_box_append (GTK_BOX (parent), child);
  else
    gtk_widget_insert_before (child, parent, NULL);
}

static gsize
longest_word_chars (const char *text)
{
  gsize longest = 0;
  gsize current = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        current = 0;
      else
        longest = MAX (longest, ++current);
    }

  return longest;
}

static GtkWidget *
create_label_with_role (RenderContext     *ctx,
                        const char        *markup,
                        GtkAccessibleRole  role)
{
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "accessible-role", role,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        "yalign", 0.0f,
                        "halign", GTK_ALIGN_FILL,
                        "valign", GTK_ALIGN_START,
                        NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  if (ctx->attrs != NULL)
    gtk_label_set_attributes (GTK_LABEL (label), ctx->attrs);

  /* Pango's word-then-character wrapping takes quadratic time on one very
   * long word (a pasted hash or blob): a 20,000 character one takes most of a
   * minute. Such text breaks mid-word anyway, so wrap it anywhere instead. */
  if (longest_word_chars (gtk_label_get_text (GTK_LABEL (label))) > MAX_WORD_CHARS)
    gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);

  /* Selectable labels and labels with links make themselves focusable, and a
   * focused label eats Space and the digits the study page uses to flip and
   * grade. Text can still be selected with the pointer and copied from the
   * context menu, so take the focus away again, after the markup is set. Not
   * focusable is not enough: GTK 4.8's selectable label still claims a Tab that
   * moves into it without taking the focus, and Tab could never get past the
   * card to the Show Answer and grade buttons. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_can_focus (label, FALSE);

  g_signal_connect_object (label, "activate-link", G_CALLBACK (activate_link_cb), ctx->self, 0);

  return label;
}

GtkWidget *
flash_markdown_view_label (RenderContext *ctx,
                           const char    *markup)
{
  return create_label_with_role (ctx, markup, GTK_ACCESSIBLE_ROLE_LABEL);
}

GtkWidget *
flash_markdown_view_label_for_inlines (RenderContext *ctx,
                                       cmark_node    *node)
{
  g_autofree char *markup = flash_markup_from_inlines (node, FLASH_MARKUP_LINKS);

  return flash_markdown_view_label (ctx, markup);
}

static GtkWidget *
render_heading (RenderContext *ctx,
                cmark_node    *node)
{
  static const char *const classes[] = { "title-1", "title-2", "title-3", "title-4", "heading",
                                         "heading" };
  int level = CLAMP (cmark_node_get_heading_level (node), 1, 6);
  g_autofree char *markup = flash_markup_from_inlines (node, FLASH_MARKUP_LINKS);
  GtkWidget *label = create_label_with_role (ctx, markup, GTK_ACCESSIBLE_ROLE_HEADING);

  gtk_widget_add_css_class (label, "md-heading");
  gtk_widget_add_css_class (label, classes[level - 1]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);

  return label;
}

/* Renders text that must not be interpreted (raw HTML) as a literal label. */
static GtkWidget *
render_literal (RenderContext *ctx,
                cmark_node    *node)
{
  const char *literal = cmark_node_get_literal (node);
  g_autofree char *escaped = NULL;
  gsize len = literal != NULL ? strlen (literal) : 0;
  GtkWidget *label;

  while (len > 0 && (literal[len - 1] == '\n' || literal[len - 1] == '\r'))
    len--;

  escaped = g_markup_escape_text (literal != NULL ? literal : "", len);
  label = flash_markdown_view_label (ctx, escaped);
  gtk_widget_add_css_class (label, "md-html");
  gtk_widget_add_css_class (label, "monospace");

  return label;
}

/* Renders a subtree that is nested too deep as one label, one line per block. */
static GtkWidget *
render_flat (RenderContext *ctx,
             cmark_node    *node)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  flash_markup_append_flat (markup, node, FLASH_MARKUP_LINKS);
  return flash_markdown_view_label (ctx, markup->str);
}

static void
render_children_into (RenderContext *ctx,
                      cmark_node    *parent,
                      GtkWidget     *container,
                      guint          depth)
{
  for (cmark_node *child = cmark_node_first_child (parent);
       child != NULL;
       child = cmark_node_next (child))
    append_block (container, render_block (ctx, child, depth));
}

static GtkWidget *
render_list (RenderContext *ctx,
             cmark_node    *node,
             guint          depth)
{
  static const char *const bullets[] = { "•", "◦", "▪" };
  gboolean ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
  gboolean tight = cmark_node_get_list_tight (node);
  char delimiter = cmark_node_get_list_delim (node) == CMARK_PAREN_DELIM ? ')' : '.';
  gint64 number = cmark_node_get_list_start (node);
  int marker_chars = 1;
  GtkWidget *list;

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, tight ? 6 : 12);
  gtk_widget_add_css_class (list, "md-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("List"),
                                  -1);

  /* All numbers get the width of the widest one so the items line up. */
  if (ordered)
    {
      gint64 last = number - 1;

      for (cmark_node *item = cmark_node_first_child (node); item != NULL;
           item = cmark_node_next (item))
        last++;
      for (marker_chars = 2; last >= 10; last /= 10)
        marker_chars++;
    }

  for (cmark_node *item = cmark_node_first_child (node); item != NULL;
       item = cmark_node_next (item))
    {
      g_autofree char *marker_text = NULL;
      GtkWidget *row;
      GtkWidget *marker;
      GtkWidget *content;

      if (ordered)
        marker_text = g_strdup_printf ("%" G_GINT64_FORMAT "%c", number++, delimiter);
      else
        marker_text = g_strdup (bullets[depth % G_N_ELEMENTS (bullets)]);

      marker = g_object_new (GTK_TYPE_LABEL,
                             "label", marker_text,
                             "xalign", ordered ? 1.0f : 0.5f,
                             "yalign", 0.0f,
                             "valign", GTK_ALIGN_START,
                             "width-chars", marker_chars,
                             NULL);
      if (ctx->attrs != NULL)
        gtk_label_set_attributes (GTK_LABEL (marker), ctx->attrs);
      gtk_widget_add_css_class (marker, "md-list-marker");
      gtk_accessible_update_property (GTK_ACCESSIBLE (marker),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, marker_text,
                                      -1);

      content = gtk_box_new (GTK_ORIENTATION_VERTICAL, tight ? 6 : 12);
      gtk_widget_set_hexpand (content, TRUE);
      render_children_into (ctx, item, content, depth + 1);

      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (row, "md-list-item");
      gtk_box_append (GTK_BOX (row), marker);
      gtk_box_append (GTK_BOX (row), content);
      gtk_box_append (GTK_BOX (list), row);
    }

  return list;
}

static GtkWidget *
render_quote (RenderContext *ctx,
              cmark_node    *node,
              guint          depth)
{
  GtkWidget *quote = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (quote, "md-quote");
  gtk_accessible_update_property (GTK_ACCESSIBLE (quote),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quote"),
                                  -1);
  render_children_into (ctx, node, quote, depth + 1);

  return quote;
}

static GtkWidget *
render_block (RenderContext *ctx,
              cmark_node    *node,
              guint          depth)
{
  GtkWidget *widget = NULL;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      widget = flash_markdown_view_label_for_inlines (ctx, node);
      gtk_widget_add_css_class (widget, "md-paragraph");
      break;

    case CMARK_NODE_HEADING:
      widget = render_heading (ctx, node);
      break;

    case CMARK_NODE_LIST:
      if (depth >= MAX_BLOCK_DEPTH)
        widget = render_flat (ctx, node);
      else
        widget = render_list (ctx, node, depth);
      break;

    case CMARK_NODE_BLOCK_QUOTE:
      if (depth >= MAX_BLOCK_DEPTH)
        widget = render_flat (ctx, node);
      else
        widget = render_quote (ctx, node, depth);
      break;

    case CMARK_NODE_CODE_BLOCK:
      widget = flash_markdown_view_render_code (ctx, node);
      break;

    case CMARK_NODE_HTML_BLOCK:
      widget = render_literal (ctx, node);
      break;

    case CMARK_NODE_THEMATIC_BREAK:
      widget = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_add_css_class (widget, "md-rule");
      break;

    default:
      if (flash_markup_is_node_type (node, "table"))
        widget = flash_markdown_view_render_table (ctx, node);
      else if (cmark_node_first_child (node) != NULL)
        widget = render_flat (ctx, node);
      break;
    }

  return widget;
}

static void
flash_markdown_view_clear (FlashMarkdownView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

static void
flash_markdown_view_rebuild (FlashMarkdownView *self)
{
  g_autoptr(cmark_node) document = NULL;
  RenderContext ctx = { self, NULL };

  flash_markdown_view_clear (self);

  if (self->markdown == NULL || self->markdown[0] == '\0')
    return;

  if (self->text_scale != 1.0)
    {
      ctx.attrs = pango_attr_list_new ();
      pango_attr_list_insert (ctx.attrs, pango_attr_scale_new (self->text_scale));
    }

  document = flash_markdown_parse (self->markdown, -1);
  render_children_into (&ctx, document, GTK_WIDGET (self), 0);

  g_clear_pointer (&ctx.attrs, pango_attr_list_unref);
}

static void
css_parsing_error_cb (GtkCssProvider *provider,
                      GtkCssSection  *section,
                      const GError   *error,
                      gpointer        user_data)
{
  g_warning ("flashsheet-markdown.css: %s", error->message);
}

/* The stylesheet is compiled in from data/flashsheet-markdown.css and added
 * once per display, so the view needs no resource bundle of its own. */
static void
ensure_css_loaded (void)
{
  static gboolean loaded;
  GdkDisplay *display;
  g_autoptr(GtkCssProvider) provider = NULL;

  display = gdk_display_get_default ();
  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  g_signal_connect (provider, "parsing-error", G_CALLBACK (css_parsing_error_cb), NULL);
  gtk_css_provider_load_from_data (provider, flash_markdown_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
flash_markdown_view_dispose (GObject *object)
{
  flash_markdown_view_clear (FLASH_MARKDOWN_VIEW (object));

  G_OBJECT_CLASS (flash_markdown_view_parent_class)->dispose (object);
}

static void
flash_markdown_view_finalize (GObject *object)
{
  FlashMarkdownView *self = FLASH_MARKDOWN_VIEW (object);

  g_clear_pointer (&self->markdown, g_free);

  G_OBJECT_CLASS (flash_markdown_view_parent_class)->finalize (object);
}

static void
flash_markdown_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FlashMarkdownView *self = FLASH_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_MARKDOWN:
      g_value_set_string (value, self->markdown);
      break;

    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flash_markdown_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  FlashMarkdownView *self = FLASH_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_MARKDOWN:
      flash_markdown_view_set_markdown (self, g_value_get_string (value));
      break;

    case PROP_TEXT_SCALE:
      flash_markdown_view_set_text_scale (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flash_markdown_view_class_init (FlashMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = flash_markdown_view_dispose;
  object_class->finalize = flash_markdown_view_finalize;
  object_class->get_property = flash_markdown_view_get_property;
  object_class->set_property = flash_markdown_view_set_property;

  properties[PROP_MARKDOWN] =
    g_param_spec_string ("markdown", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         MIN_TEXT_SCALE, MAX_TEXT_SCALE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FlashMarkdownView::open-link:
   * @uri: an http, https or mailto URI
   *
   * Emitted when the user activates a link the view is willing to open. The
   * default handler shows it with gtk_show_uri(); stop the emission to handle
   * it elsewhere. Links with other schemes never get here.
   */
  signals[OPEN_LINK] =
    g_signal_new_class_handler ("open-link",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (flash_markdown_view_real_open_link),
                                NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "markdownview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /* Both are idempotent; they make the view work in a plain GtkApplication
   * and in tests, where nobody else initialises the libraries. */
  adw_init ();
  gtk_source_init ();
}

static void
flash_markdown_view_init (FlashMarkdownView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  self->text_scale = 1.0;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  ensure_css_loaded ();
}

/**
 * flash_markdown_view_new:
 *
 * Returns: (transfer floating): a new, empty view
 */
FlashMarkdownView *
flash_markdown_view_new (void)
{
  return g_object_new (FLASH_TYPE_MARKDOWN_VIEW, NULL);
}

/**
 * flash_markdown_view_set_markdown:
 * @markdown: (nullable): the Markdown to show
 *
 * Replaces the content with @markdown, rendered as one widget per block.
 */
void
flash_markdown_view_set_markdown (FlashMarkdownView *self,
                                  const char        *markdown)
{
  g_return_if_fail (FLASH_IS_MARKDOWN_VIEW (self));

  if (g_strcmp0 (self->markdown, markdown) == 0)
    return;

  g_free (self->markdown);
  self->markdown = g_strdup (markdown);
  flash_markdown_view_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKDOWN]);
}

const char *
flash_markdown_view_get_markdown (FlashMarkdownView *self)
{
  g_return_val_if_fail (FLASH_IS_MARKDOWN_VIEW (self), NULL);

  return self->markdown;
}

static int
widest_code (GtkWidget *widget)
{
  int widest = 0;

  /* A text view that scrolls asks for no width of its own: its lines are laid out in its font
   * to see how wide the longest is. */
  if (GTK_SOURCE_IS_VIEW (widget))
    {
      GtkTextView *view = GTK_TEXT_VIEW (widget);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter start, end;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int width = 0;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      layout = gtk_widget_create_pango_layout (widget, text);
      pango_layout_get_pixel_size (layout, &width, NULL);
      return (int) (width * FLASH_MARKDOWN_VIEW (gtk_widget_get_ancestor (
                                widget, FLASH_TYPE_MARKDOWN_VIEW))->text_scale)
             + gtk_text_view_get_left_margin (view) + gtk_text_view_get_right_margin (view);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    widest = MAX (widest, widest_code (child));
  return widest;
}

int
flash_markdown_view_get_code_width (FlashMarkdownView *self)
{
  g_return_val_if_fail (FLASH_IS_MARKDOWN_VIEW (self), 0);

  return widest_code (GTK_WIDGET (self));
}

/**
 * flash_markdown_view_set_text_scale:
 * @text_scale: the factor for all text, 1.0 is the normal size
 *
 * Scales the text of every block, for the card text size preference.
 */
void
flash_markdown_view_set_text_scale (FlashMarkdownView *self,
                                    double             text_scale)
{
  g_return_if_fail (FLASH_IS_MARKDOWN_VIEW (self));

  text_scale = CLAMP (text_scale, MIN_TEXT_SCALE, MAX_TEXT_SCALE);
  if (G_APPROX_VALUE (self->text_scale, text_scale, DBL_EPSILON))
    return;

  self->text_scale = text_scale;
  flash_markdown_view_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

double
flash_markdown_view_get_text_scale (FlashMarkdownView *self)
{
  g_return_val_if_fail (FLASH_IS_MARKDOWN_VIEW (self), 1.0);

  return self->text_scale;
}
