/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-html.h: a saved web page as the Markdown the card rules read. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Markdown of an HTML page of @length bytes (any encoding its BOM or <meta charset> names,
 * UTF-8 otherwise), for flash_sheet_parse(); NULL with a FLASH_SHEET_ERROR if the page is too
 * large or could not be read whole. @display names the page in messages. */
char     *flash_html_to_markdown (const char  *html,
                                  gsize        length,
                                  const char  *display,
                                  GError     **error);
/* Whether @path names a web page (.html, .htm, .xhtml) rather than a Markdown cheatsheet. */
gboolean  flash_html_is_page     (const char  *path);

G_END_DECLS
