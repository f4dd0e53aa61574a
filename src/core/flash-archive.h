/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-archive.h: libarchive, loaded when the first Anki package is read or written. */
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <glib.h>

G_BEGIN_DECLS

/* The calls Flashsheet makes, with libarchive's own signatures. */
typedef struct
{
  __typeof__ (archive_write_new)              *write_new;
  __typeof__ (archive_write_set_format_zip)   *write_set_format_zip;
  __typeof__ (archive_write_open_filename)    *write_open_filename;
  __typeof__ (archive_write_header)           *write_header;
  __typeof__ (archive_write_data)             *write_data;
  __typeof__ (archive_write_close)            *write_close;
  __typeof__ (archive_write_free)             *write_free;
  __typeof__ (archive_read_new)               *read_new;
  __typeof__ (archive_read_support_format_zip) *read_support_format_zip;
  __typeof__ (archive_read_open_memory)       *read_open_memory;
  __typeof__ (archive_read_next_header)       *read_next_header;
  __typeof__ (archive_read_data)              *read_data;
  __typeof__ (archive_read_free)              *read_free;
  __typeof__ (archive_error_string)           *error_string;
  __typeof__ (archive_entry_new)              *entry_new;
  __typeof__ (archive_entry_free)             *entry_free;
  __typeof__ (archive_entry_set_pathname)     *entry_set_pathname;
  __typeof__ (archive_entry_set_size)         *entry_set_size;
  __typeof__ (archive_entry_set_filetype)     *entry_set_filetype;
  __typeof__ (archive_entry_set_perm)         *entry_set_perm;
  __typeof__ (archive_entry_set_mtime)        *entry_set_mtime;
  __typeof__ (archive_entry_pathname)         *entry_pathname;
  __typeof__ (archive_entry_size)             *entry_size;
  __typeof__ (archive_entry_size_is_set)      *entry_size_is_set;
  __typeof__ (archive_entry_filetype)         *entry_filetype;
} FlashArchiveCalls;

/* libarchive's calls, or NULL with @error set (FLASH_ANKI_ERROR_UNAVAILABLE) when it cannot be
 * loaded. */
const FlashArchiveCalls *flash_archive_calls (GError **error);

G_END_DECLS
