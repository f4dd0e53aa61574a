/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-backup.c: copies of the collection with SQLite's online backup API, pruning and restoring. */
#include "flash-backup.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "flash-db.h"
#include "flash-store-private.h"

#define BACKUP_PREFIX   "collection-"
#define REPLACED_PREFIX "replaced-"
#define BACKUP_SUFFIX   ".db"
/* "YYYYMMDD-HHMMSS" */
#define STAMP_LENGTH    15

/* A second process may hold the write lock for a moment; the backup waits as long as the store's
 * own busy timeout would (flash_db_busy_timeout_ms). */
#define BUSY_STEP_MS    50

/* Errors ------------------------------------------------------------------------------------ */

static gboolean
set_sqlite_error (GError     **error,
                  int          rc,
                  sqlite3     *db,
                  const char  *path,
                  const char  *doing)
{
  const char *why;

  switch (flash_db_error_code (rc))
    {
    case FLASH_STORE_ERROR_FULL:
      why = "the disk is full";
      break;
    case FLASH_STORE_ERROR_READ_ONLY:
      why = "the file or its folder cannot be written";
      break;
    default:
      why = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
      break;
    }
  g_set_error (error, FLASH_STORE_ERROR, flash_db_error_code (rc), "%s: %s: %s", path, doing, why);
  return FALSE;
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path,
                 const char  *doing)
{
  int code;

  if (saved_errno == ENOSPC || saved_errno == EFBIG || saved_errno == EDQUOT)
    code = FLASH_STORE_ERROR_FULL;
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    code = FLASH_STORE_ERROR_READ_ONLY;
  else
    code = FLASH_STORE_ERROR_FAILED;
  g_set_error (error, FLASH_STORE_ERROR, code, "%s: %s: %s", path, doing, g_strerror (saved_errno));
  return FALSE;
}

/* Names -------------------------------------------------------------------------------------- */

char *
flash_backup_dir (const char *collection_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (collection_path != NULL, NULL);

  dir = g_path_get_dirname (collection_path);
  return g_build_filename (dir, "backups", NULL);
}

/* Splits PREFIX + "YYYYMMDD-HHMMSS" [+ "-N"] + ".db" into the stamp and N (1 without a suffix).
 * Anything else in the folder is not ours and is left alone. */
static gboolean
parse_name (const char  *name,
            const char  *prefix,
            char         stamp[STAMP_LENGTH + 1],
            guint64     *serial)
{
  gsize prefix_len = strlen (prefix);
  const char *p;
  const char *end;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return FALSE;
  p = name + prefix_len;
  end = name + strlen (name) - strlen (BACKUP_SUFFIX);
  if (end - p < STAMP_LENGTH)
    return FALSE;
  for (guint i = 0; i < STAMP_LENGTH; i++)
    if (i == 8 ? p[i] != '-' : !g_ascii_isdigit (p[i]))
      return FALSE;
  memcpy (stamp, p, STAMP_LENGTH);
  stamp[STAMP_LENGTH] = '\0';
  p += STAMP_LENGTH;
  *serial = 1;
  if (p == end)
    return TRUE;
  if (*p != '-' || p + 1 == end)
    return FALSE;
  {
    g_autofree char *digits = g_strndup (p + 1, end - p - 1);

    return g_ascii_string_to_unsigned (digits, 10, 2, G_MAXUINT32, serial, NULL);
  }
}

typedef struct
{
  char    *path;
  char     stamp[STAMP_LENGTH + 1];
  guint64  serial;
} BackupEntry;

static void
backup_entry_free (BackupEntry *entry)
{
  g_free (entry->path);
  g_free (entry);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const BackupEntry *x = *(BackupEntry * const *) a;
  const BackupEntry *y = *(BackupEntry * const *) b;
  int by_stamp = strcmp (y->stamp, x->stamp);

  if (by_stamp != 0)
    return by_stamp;
  return y->serial > x->serial ? 1 : y->serial < x->serial ? -1 : 0;
}

/* Entries of one kind (@prefix), newest first. */
static GPtrArray *
list_entries (const char *collection_path,
              const char *prefix)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) backup_entry_free);
  g_autofree char *dir_path = flash_backup_dir (collection_path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      BackupEntry *entry = g_new0 (BackupEntry, 1);

      if (!parse_name (name, prefix, entry->stamp, &entry->serial))
        {
          backup_entry_free (entry);
          continue;
        }
      entry->path = g_build_filename (dir_path, name, NULL);
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}

GPtrArray *
flash_backup_list (const char *collection_path)
{
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (collection_path != NULL, paths);

  entries = list_entries (collection_path, BACKUP_PREFIX);
  for (guint i = 0; i < entries->len; i++)
    {
      BackupEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (paths, g_steal_pointer (&entry->path));
    }
  return paths;
}

/* A path that does not exist yet for a copy made at @when. Two copies within one second (a daily
 * backup, then a migration) get serial numbers rather than overwriting each other. */
static char *
new_backup_path (const char *collection_path,
                 const char *prefix,
                 GDateTime  *when)
{
  g_autofree char *dir = flash_backup_dir (collection_path);
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autofree char *stamp = g_date_time_format (local, "%Y%m%d-%H%M%S");

  for (guint serial = 1;; serial++)
    {
      g_autofree char *name = NULL;
      char *path;

      if (serial == 1)
        name = g_strconcat (prefix, stamp, BACKUP_SUFFIX, NULL);
      else
        name = g_strdup_printf ("%s%s-%u%s", prefix, stamp, serial, BACKUP_SUFFIX);
      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

static void
remove_copy (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (journal);
  g_unlink (wal);
  g_unlink (shm);
}

/* Keeps the newest @keep entries of one kind and deletes the rest. */
static void
prune (const char *collection_path,
       const char *prefix,
       guint       keep)
{
  g_autoptr(GPtrArray) entries = list_entries (collection_path, prefix);

  for (guint i = keep; i < entries->len; i++)
    {
      BackupEntry *entry = g_ptr_array_index (entries, i);

      remove_copy (entry->path);
    }
}

static gboolean
ensure_dir (const char  *collection_path,
            GError     **error)
{
  g_autofree char *dir = flash_backup_dir (collection_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, dir, "cannot create the backup folder");
  return TRUE;
}

/* Copying ------------------------------------------------------------------------------------ */

/* Runs the whole backup from @src into @dst in one step, so the copy is one consistent snapshot,
 * and retries while a writer holds a lock. */
static int
run_backup (sqlite3 *dst,
            sqlite3 *src)
{
  sqlite3_backup *backup;
  int waited = 0;
  int rc;

  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    return sqlite3_extended_errcode (dst);
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          sqlite3_sleep (BUSY_STEP_MS);
          waited += BUSY_STEP_MS;
        }
    }
  while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
         && waited < flash_db_busy_timeout_ms ());
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    return SQLITE_OK;
  /* The step's own code is often generic; the destination knows the precise reason. */
  if (sqlite3_extended_errcode (dst) != SQLITE_OK)
    return sqlite3_extended_errcode (dst);
  return rc;
}

/* Copies the database @src into a new file @dest. The copy is written beside @dest and renamed
 * into place only when complete, so an interrupted backup never looks like a good one. */
static gboolean
copy_database (sqlite3     *src,
               const char  *dest,
               GError     **error)
{
  g_autofree char *part = g_strconcat (dest, ".part", NULL);
  sqlite3 *dst = NULL;
  int rc;

  remove_copy (part);
  rc = sqlite3_open_v2 (part, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dst, 1);
      rc = run_backup (dst, src);
    }
  /* A backup is a file on its own: rollback journal mode, no -wal beside it to lose. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, rc, dst, dest, "cannot write the backup");
      sqlite3_close (dst);
      remove_copy (part);
      return FALSE;
    }
  rc = sqlite3_close (dst);
  if (rc != SQLITE_OK || g_rename (part, dest) != 0)
    {
      int saved = errno;

      remove_copy (part);
      if (rc != SQLITE_OK)
        return set_sqlite_error (error, rc, NULL, dest, "cannot write the backup");
      return set_errno_error (error, saved, dest, "cannot write the backup");
    }
  return TRUE;
}

gboolean
flash_backup_to (FlashStore  *self,
                 const char  *dest,
                 GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return copy_database (flash_store_get_db (self), dest, error);
}

static guint
read_keep (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 keep = FLASH_BACKUP_KEEP_DEFAULT;

  /* A collection from before the config table, or a foreign file, has no setting. */
  if (sqlite3_prepare_v2 (db, "SELECT value FROM config WHERE key = 'backups_keep'", -1, &stmt,
                          NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    keep = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  /* At least one backup is always kept, or backing up would delete what it just wrote. */
  return (guint) CLAMP (keep, 1, 1000);
}

guint
flash_backup_get_keep (FlashStore *self)
{
  g_return_val_if_fail (self != NULL, FLASH_BACKUP_KEEP_DEFAULT);

  return read_keep (flash_store_get_db (self));
}

gboolean
flash_backup_set_keep (FlashStore  *self,
                       guint        keep,
                       GError     **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (keep < 1 || keep > 1000)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "the number of backups to keep must be from 1 to 1000, not %u", keep);
      return FALSE;
    }
  db = flash_store_get_db (self);
  rc = sqlite3_prepare_v2 (db, "INSERT INTO config (key, value) VALUES ('backups_keep', ?1) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, (int) keep);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return set_sqlite_error (error, rc, db, flash_store_get_path (self), "cannot save the setting");
  return TRUE;
}

static char *
backup_at (FlashStore  *self,
           GDateTime   *when,
           GError     **error)
{
  const char *collection = flash_store_get_path (self);
  g_autofree char *dest = NULL;

  if (!ensure_dir (collection, error))
    return NULL;
  dest = new_backup_path (collection, BACKUP_PREFIX, when);
  if (!flash_backup_to (self, dest, error))
    return NULL;
  prune (collection, BACKUP_PREFIX, flash_backup_get_keep (self));
  return g_steal_pointer (&dest);
}

char *
flash_backup_now (FlashStore  *self,
                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return backup_at (self, now, error);
}

gboolean
flash_backup_daily (FlashStore  *self,
                    GDateTime   *now,
                    GError     **error)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *today = NULL;
  g_autofree char *dest = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  local = g_date_time_to_local (now);
  today = g_date_time_format (local, "%Y%m%d");
  entries = list_entries (flash_store_get_path (self), BACKUP_PREFIX);
  for (guint i = 0; i < entries->len; i++)
    {
      BackupEntry *entry = g_ptr_array_index (entries, i);

      if (strncmp (entry->stamp, today, 8) == 0)
        return TRUE;
    }
  dest = backup_at (self, now, error);
  return dest != NULL;
}

/* Restoring ---------------------------------------------------------------------------------- */

/* Opens @path read-only and checks that it is a healthy collection this version can read. */
static sqlite3 *
open_checked (const char  *path,
              GError     **error)
{
  g_autoptr(GError) open_error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  gboolean has_cards = FALSE;

  /* The header is read by SQLite (flash-db.c says why no other descriptor may be opened). */
  db = flash_db_open (path, SQLITE_OPEN_READONLY, &version, &open_error);
  if (db == NULL)
    {
      if (g_error_matches (open_error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED))
        g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED,
                     "%s: the backup is damaged (%s)", path, sqlite3_errstr (SQLITE_CORRUPT));
      else
        g_propagate_error (error, g_steal_pointer (&open_error));
      return NULL;
    }
  if (version > FLASH_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_TOO_NEW,
                   "%s: the backup was written by a newer version of Flashsheet (schema %d, "
                   "this version knows %d)", path, version, FLASH_STORE_SCHEMA_VERSION);
      sqlite3_close (db);
      return NULL;
    }
  if (!flash_db_quick_check (db, path, "backup", error))
    {
      sqlite3_close (db);
      return NULL;
    }
  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cards'",
                          -1, &stmt, NULL) == SQLITE_OK)
    has_cards = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (version < 1 || !has_cards)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_DATABASE,
                   "%s: is a SQLite database but not a Flashsheet collection", path);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!flash_db_copy_file (from, to, &local_error))
    {
      g_set_error (error, FLASH_STORE_ERROR, local_error->code,
                   "%s: cannot keep a copy of the collection: %s", to, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Keeps the collection that a restore is about to replace. A healthy one is copied with the
 * backup API (which sees its -wal too); a damaged or foreign one byte for byte, -wal included,
 * since SQLite cannot read it. */
static gboolean
keep_replaced (const char  *collection_path,
               guint        keep,
               GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dest = NULL;
  g_autofree char *wal = NULL;
  GStatBuf st;
  sqlite3 *db;

  if (g_stat (collection_path, &st) != 0 || st.st_size == 0)
    return TRUE;
  if (!ensure_dir (collection_path, error))
    return FALSE;
  dest = new_backup_path (collection_path, REPLACED_PREFIX, now);

  db = open_checked (collection_path, NULL);
  if (db != NULL)
    {
      gboolean ok = copy_database (db, dest, error);

      sqlite3_close (db);
      if (!ok)
        return FALSE;
    }
  else
    {
      wal = g_strconcat (collection_path, "-wal", NULL);
      if (!copy_file (collection_path, dest, error))
        return FALSE;
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_autofree char *dest_wal = g_strconcat (dest, "-wal", NULL);

          if (!copy_file (wal, dest_wal, error))
            return FALSE;
        }
    }
  prune (collection_path, REPLACED_PREFIX, keep);
  return TRUE;
}

/* Puts the checked backup @src over the collection; the caller holds the exclusive open lock, so
 * no store in any process has the collection open. */
static gboolean
restore_locked (sqlite3     *src,
                const char  *collection_path,
                GError     **error)
{
  sqlite3 *dst = NULL;
  int rc;

  if (!keep_replaced (collection_path, read_keep (src), error))
    return FALSE;

  /* The backup API writes into the file under SQLite's locks, and keeps its inode. */
  rc = sqlite3_open_v2 (collection_path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dst, 1);
      sqlite3_busy_timeout (dst, flash_db_busy_timeout_ms ());
      rc = run_backup (dst, src);
    }
  sqlite3_close (dst);
  if (rc == SQLITE_OK)
    {
      sqlite3 *check = open_checked (collection_path, NULL);

      /* A damaged file can take the pages and still be wrong (a stale -wal, say). */
      if (check == NULL)
        rc = SQLITE_CORRUPT;
      sqlite3_close (check);
    }
  /* A collection that SQLite cannot use is replaced whole: copy_database() writes beside it and
   * renames over it, so at every moment the path holds either the old file or the whole backup.
   * The damaged file's -wal belongs to it (and was kept with it); replayed into the restored
   * file it would damage that too. */
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    {
      g_autofree char *wal = g_strconcat (collection_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (collection_path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      return copy_database (src, collection_path, error);
    }
  if (rc != SQLITE_OK)
    return set_sqlite_error (error, rc, NULL, collection_path, "cannot restore the collection");
  return TRUE;
}

gboolean
flash_backup_restore (const char  *collection_path,
                      const char  *backup_path,
                      GError     **error)
{
  g_autofree char *collection_dir = NULL;
  g_autofree char *backup_real = NULL;
  g_autofree char *collection_real = NULL;
  gboolean ok;
  sqlite3 *src;
  int lock;

  g_return_val_if_fail (collection_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  backup_real = g_canonicalize_filename (backup_path, NULL);
  collection_real = g_canonicalize_filename (collection_path, NULL);
  if (g_str_equal (backup_real, collection_real))
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "%s: is the collection itself, not a backup of it", backup_path);
      return FALSE;
    }

  src = open_checked (backup_path, error);
  if (src == NULL)
    return FALSE;

  collection_dir = g_path_get_dirname (collection_path);
  if (g_mkdir_with_parents (collection_dir, 0700) != 0)
    {
      set_errno_error (error, errno, collection_dir, "cannot create the folder");
      sqlite3_close (src);
      return FALSE;
    }
  /* A restore copies, renames and unlinks the collection's files: it waits until no store in any
   * process has the collection open, or gives up with "busy" having changed nothing. */
  lock = flash_db_lock (collection_path, TRUE, error);
  if (lock == -2)
    {
      sqlite3_close (src);
      return FALSE;
    }
  ok = restore_locked (src, collection_path, error);
  flash_db_unlock (lock);
  sqlite3_close (src);
  return ok;
}

char *
flash_backup_find_newest_good (const char  *collection_path,
                               GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) last_error = NULL;

  g_return_val_if_fail (collection_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A backup made while the damage was already there (but unnoticed) fails its check; an older
   * one may still be good. */
  backups = flash_backup_list (collection_path);
  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      sqlite3 *db;

      g_clear_error (&last_error);
      db = open_checked (path, &last_error);
      if (db != NULL)
        {
          sqlite3_close (db);
          return g_strdup (path);
        }
    }
  if (last_error != NULL)
    g_set_error (error, FLASH_STORE_ERROR, last_error->code,
                 "no backup of %s can be restored; the last one tried: %s", collection_path,
                 last_error->message);
  else
    {
      g_autofree char *dir = flash_backup_dir (collection_path);

      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                   "%s: there are no backups of the collection", dir);
    }
  return NULL;
}

char *
flash_backup_restore_newest (const char  *collection_path,
                             GError     **error)
{
  g_autofree char *backup = NULL;

  g_return_val_if_fail (collection_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  backup = flash_backup_find_newest_good (collection_path, error);
  if (backup == NULL || !flash_backup_restore (collection_path, backup, error))
    return NULL;
  return g_steal_pointer (&backup);
}
