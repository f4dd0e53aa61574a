/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-replay.c: runs a fuzz target once over every seed file, in a plain (or sanitizer) build. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static guint
replay_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint count = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      /* In name order, so a failure names the same input on every machine. */
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        count += replay_path (g_ptr_array_index (names, i));
      return count;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  if (g_getenv ("FUZZ_REPLAY_VERBOSE") != NULL)
    fprintf (stderr, "%s\n", path);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return 1;
}

/* Each argument is a seed file or a folder of them. A crash aborts the test; a folder that is
 * missing or empty fails it, so a lost seed set cannot pass unnoticed. */
int
main (int   argc,
      char *argv[])
{
  guint total = 0;

  for (int i = 1; i < argc; i++)
    {
      guint count = replay_path (argv[i]);

      if (count == 0)
        {
          fprintf (stderr, "%s: no seeds\n", argv[i]);
          return 1;
        }
      printf ("%s: %u inputs\n", argv[i], count);
      total += count;
    }
  printf ("replayed %u inputs, none crashed\n", total);
  return total > 0 ? 0 : 1;
}
