/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-util.c: file helpers shared by the core tests. */
#include "flash-test-util.h"

#include <glib/gstdio.h>

void
flash_test_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  /* Tests make files read-only; the tear-down must still be able to delete them. A link is
   * removed, never followed. */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      flash_test_remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

GBytes *
flash_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}
