/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-markdown-view.h: a widget that renders card Markdown as native GTK widgets. */
#pragma once

#include <gtk/gtk.h>
#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define FLASH_TYPE_MARKDOWN_VIEW (flash_markdown_view_get_type ())

G_DECLARE_FINAL_TYPE (FlashMarkdownView, flash_markdown_view, FLASH, MARKDOWN_VIEW, GtkWidget)

FlashMarkdownView *flash_markdown_view_new            (void);
void               flash_markdown_view_set_markdown   (FlashMarkdownView *self,
                                                       const char        *markdown);
const char        *flash_markdown_view_get_markdown   (FlashMarkdownView *self);
/* The width the widest code block's lines need, without scrolling sideways; 0 without code. */
int                flash_markdown_view_get_code_width (FlashMarkdownView *self);
void               flash_markdown_view_set_text_scale (FlashMarkdownView *self,
                                                       double             text_scale);
double             flash_markdown_view_get_text_scale (FlashMarkdownView *self);

/* Gives @buffer the style scheme code blocks have (Adwaita, or Adwaita-dark in the dark look),
 * and keeps it in step with the look while the buffer lives. */
void               flash_markdown_view_follow_style   (GtkSourceBuffer   *buffer);

G_END_DECLS
