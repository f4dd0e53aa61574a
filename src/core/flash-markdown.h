/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-markdown.h: the one way Flashsheet parses Markdown (cmark-gfm, its options and extensions). */
#pragma once

#include <cmark-gfm.h>

#include <glib.h>

G_BEGIN_DECLS

/* Parses @markdown (@length bytes, or -1 when nul-terminated; NULL is empty) with
 * CMARK_OPT_VALIDATE_UTF8 and the GFM table, strikethrough and autolink extensions, as the
 * parser, the renderer and the benchmarks all need it. Invalid UTF-8 is replaced, so every
 * literal in the tree is valid UTF-8. Free the document with cmark_node_free(). */
cmark_node *flash_markdown_parse (const char *markdown,
                                  gssize      length);

/* @markdown as HTML, parsed as above: raw HTML left out, unsafe links emptied, code blocks as
 * <pre><code class="language-x">. */
char       *flash_markdown_to_html (const char *markdown);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)

G_END_DECLS
