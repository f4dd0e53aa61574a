/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-db.h: the one place that opens collection files: SQLite connections and the open lock. */
#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

/* How long a command waits for another process's lock before it gives up with
 * FLASH_STORE_ERROR_BUSY: 10 s, or FLASHSHEET_BUSY_TIMEOUT_MS. */
int      flash_db_busy_timeout_ms (void);

/* The FlashStoreError code for a SQLite result code: full disk, read-only, busy, not a database,
 * damaged, or failed. */
int      flash_db_error_code      (int          rc);

/* Sets @error from SQLite result @rc in the words the CLI and the app show, with the
 * FlashStoreError code that fits (disk full, read-only, busy, not a database, damaged). */
void     flash_db_set_error       (GError     **error,
                                   int          rc,
                                   sqlite3     *db,
                                   const char  *path);

/* Opens @path with SQLite and reads its header and PRAGMA user_version through SQLite, so that a
 * file that is not a database is refused (FLASH_STORE_ERROR_NOT_DATABASE) without any other
 * descriptor on it ever being opened in this process. @flags are sqlite3_open_v2()'s. */
sqlite3 *flash_db_open            (const char  *path,
                                   int          flags,
                                   int         *user_version,
                                   GError     **error);

/* PRAGMA quick_check(1), which reads every page. A problem is FLASH_STORE_ERROR_DAMAGED ("PATH:
 * the @what is damaged (…)"); a full disk or a read-only file that stops the check is reported
 * as what it is, never as damage. */
gboolean flash_db_quick_check     (sqlite3     *db,
                                   const char  *path,
                                   const char  *what,
                                   GError     **error);

/* Copies the file @from to @to byte for byte (replacing @to), for a collection SQLite cannot
 * read. Only while the caller holds the exclusive open lock (flash_db_lock): it opens the
 * collection file outside SQLite. */
gboolean flash_db_copy_file       (const char  *from,
                                   const char  *to,
                                   GError     **error);

/* The open lock, a flock() on "PATH.lock" beside the collection, which does not interact with
 * SQLite's own POSIX locks. Every store holds it shared while open; what replaces or copies the
 * collection file itself (restore, the read-only copy) holds it exclusively, and so waits for, or
 * refuses while, any other store in any process has the collection open. Returns the lock's
 * descriptor, -1 when the folder is read-only and no lock file can exist (nothing can be written
 * there then), or -2 with @error set when the wait ran out. */
int      flash_db_lock            (const char  *path,
                                   gboolean     exclusive,
                                   GError     **error);
void     flash_db_unlock          (int          lock);

G_END_DECLS
