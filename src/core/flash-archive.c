/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-archive.c: libarchive is loaded with dlopen() when the first Anki package is read or
 * written, not linked: Debian's links libxml2, ICU and the C++ runtime, which would cost every
 * flashsheet-cli process about a millisecond before main() (docs/performance.md, "Start-up"), as
 * libxml2 did (flash-html.c). The name is the one of the ABI the headers describe. */
#include "flash-archive.h"

#include <dlfcn.h>

#include "flash-anki.h"

#define LIBARCHIVE_SONAME "libarchive.so.13"

G_STATIC_ASSERT (ARCHIVE_VERSION_NUMBER >= 3000000);

static gboolean
load (void       *library,
      const char *name,
      void      **symbol)
{
  *symbol = dlsym (library, name);
  return *symbol != NULL;
}

const FlashArchiveCalls *
flash_archive_calls (GError **error)
{
  static FlashArchiveCalls calls;
  static gsize loaded;
  static gboolean usable;

  if (g_once_init_enter (&loaded))
    {
      void *library = dlopen (LIBARCHIVE_SONAME, RTLD_NOW | RTLD_LOCAL);
      const struct { const char *name; void **symbol; } symbols[] = {
        { "archive_write_new", (void **) &calls.write_new },
        { "archive_write_set_format_zip", (void **) &calls.write_set_format_zip },
        { "archive_write_open_filename", (void **) &calls.write_open_filename },
        { "archive_write_header", (void **) &calls.write_header },
        { "archive_write_data", (void **) &calls.write_data },
        { "archive_write_close", (void **) &calls.write_close },
        { "archive_write_free", (void **) &calls.write_free },
        { "archive_read_new", (void **) &calls.read_new },
        { "archive_read_support_format_zip", (void **) &calls.read_support_format_zip },
        { "archive_read_open_memory", (void **) &calls.read_open_memory },
        { "archive_read_next_header", (void **) &calls.read_next_header },
        { "archive_read_data", (void **) &calls.read_data },
        { "archive_read_free", (void **) &calls.read_free },
        { "archive_error_string", (void **) &calls.error_string },
        { "archive_entry_new", (void **) &calls.entry_new },
        { "archive_entry_free", (void **) &calls.entry_free },
        { "archive_entry_set_pathname", (void **) &calls.entry_set_pathname },
        { "archive_entry_set_size", (void **) &calls.entry_set_size },
        { "archive_entry_set_filetype", (void **) &calls.entry_set_filetype },
        { "archive_entry_set_perm", (void **) &calls.entry_set_perm },
        { "archive_entry_set_mtime", (void **) &calls.entry_set_mtime },
        { "archive_entry_pathname", (void **) &calls.entry_pathname },
        { "archive_entry_size", (void **) &calls.entry_size },
        { "archive_entry_size_is_set", (void **) &calls.entry_size_is_set },
        { "archive_entry_filetype", (void **) &calls.entry_filetype },
      };

      usable = library != NULL;
      for (guint i = 0; usable && i < G_N_ELEMENTS (symbols); i++)
        usable = load (library, symbols[i].name, symbols[i].symbol);
      g_once_init_leave (&loaded, 1);
    }
  if (!usable)
    {
      g_set_error (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_UNAVAILABLE,
                   "Anki packages are read and written with libarchive (" LIBARCHIVE_SONAME
                   "), which could not be loaded");
      return NULL;
    }
  return &calls;
}
