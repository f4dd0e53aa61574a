/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-util.h: file helpers shared by the core tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deletes @path and everything below it, read-only files included. */
void    flash_test_remove_tree (const char *path);
/* The whole file, asserting that it can be read. */
GBytes *flash_test_read_bytes  (const char *path);

G_END_DECLS
