/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-db.c: the one place that opens collection files: SQLite connections and the open lock. */
#include "flash-db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "flash-store.h"

#define BUSY_TIMEOUT_MS 10000
#define LOCK_STEP_MS    20

int
flash_db_busy_timeout_ms (void)
{
  const char *env = g_getenv ("FLASHSHEET_BUSY_TIMEOUT_MS");

  if (env != NULL && *env != '\0')
    {
      char *end = NULL;
      gint64 value = g_ascii_strtoll (env, &end, 10);

      if (end != env && *end == '\0' && value >= 0 && value <= G_MAXINT)
        return (int) value;
    }
  return BUSY_TIMEOUT_MS;
}

int
flash_db_error_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return FLASH_STORE_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return FLASH_STORE_ERROR_READ_ONLY;
    case SQLITE_NOTADB:
      return FLASH_STORE_ERROR_NOT_DATABASE;
    case SQLITE_CORRUPT:
      return FLASH_STORE_ERROR_DAMAGED;
    case SQLITE_BUSY:
      return FLASH_STORE_ERROR_BUSY;
    case SQLITE_IOERR:
      /* A write beyond a file size limit or into a full disk surfaces as an I/O error, also
       * while SQLite creates or grows the -shm and -wal files of a WAL collection. */
      if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE
          || rc == SQLITE_IOERR_SHMOPEN || rc == SQLITE_IOERR_SHMSIZE)
        return FLASH_STORE_ERROR_FULL;
      return FLASH_STORE_ERROR_FAILED;
    default:
      return FLASH_STORE_ERROR_FAILED;
    }
}

void
flash_db_set_error (GError     **error,
                    int          rc,
                    sqlite3     *db,
                    const char  *path)
{
  const char *what;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      what = "the disk is full; nothing was changed";
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      what = "the collection is read-only; nothing was changed";
      break;
    case SQLITE_IOERR:
      what = "a disk error stopped the write; nothing was changed";
      break;
    case SQLITE_BUSY:
      what = "the collection is busy (another Flashsheet process kept it locked too long); "
             "nothing was changed";
      break;
    case SQLITE_NOTADB:
      what = "is not a Flashsheet collection (not a SQLite database); it was left unchanged";
      break;
    default:
      what = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
      break;
    }
  if ((rc & 0xff) == SQLITE_IOERR && flash_db_error_code (rc) == FLASH_STORE_ERROR_FULL)
    what = "the collection could not be written (disk full?); nothing was changed";
  g_set_error (error, FLASH_STORE_ERROR, flash_db_error_code (rc), "%s: %s", path, what);
}

/* Why a collection must never be opened outside SQLite: closing any descriptor of a file drops
 * every POSIX lock this process holds on it, its live SQLite connections' included. The next
 * process to close its connection then believes it is the last, checkpoints and deletes the WAL
 * that this process is still writing to. So the header is read by SQLite, never by fopen(). */
sqlite3 *
flash_db_open (const char  *path,
               int          flags,
               int         *user_version,
               GError     **error)
{
  static gsize configured = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int opened;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* Each connection is used by one thread at a time (the health check opens its own), so
   * SQLite's per-call mutexes and its global allocation statistics only cost time: they are a
   * tenth of a short CLI command's instructions (docs/performance.md). The setting must precede
   * SQLite's initialisation; where something else initialised it first, it stays as it was. */
  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
  rc = opened = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, flash_db_busy_timeout_ms ());
      rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          if (user_version != NULL)
            *user_version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_OK)
    return db;

  if (opened != SQLITE_OK && (rc & 0xff) == SQLITE_CANTOPEN && !(flags & SQLITE_OPEN_CREATE)
      && !g_file_test (path, G_FILE_TEST_EXISTS))
    g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND, "%s: %s", path,
                 g_strerror (ENOENT));
  else if (opened != SQLITE_OK)
    g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_OPEN,
                 "%s: cannot open the collection: %s", path,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    flash_db_set_error (error, rc, db, path);
  sqlite3_close (db);
  return NULL;
}

gboolean
flash_db_quick_check (sqlite3     *db,
                      const char  *path,
                      const char  *what,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (result, "ok") != 0)
            problem = g_strdup (result);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_OK && problem == NULL)
    return TRUE;
  /* A full disk or a read-only file or folder can stop the check before it reads a page (a WAL
   * collection needs its -shm file first); that is not damage and must not say so. */
  if (problem == NULL && (rc & 0xff) != SQLITE_CORRUPT)
    {
      flash_db_set_error (error, rc, db, path);
      return FALSE;
    }
  g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED,
               "%s: the %s is damaged (%s); it was left unchanged", path, what,
               problem != NULL ? problem : sqlite3_errmsg (db));
  return FALSE;
}

/* The FlashStoreError code for an errno from copying or writing a file. */
static int
errno_code (int saved)
{
  if (saved == ENOSPC || saved == EFBIG || saved == EDQUOT)
    return FLASH_STORE_ERROR_FULL;
  if (saved == EACCES || saved == EPERM || saved == EROFS)
    return FLASH_STORE_ERROR_READ_ONLY;
  if (saved == ENOENT)
    return FLASH_STORE_ERROR_NOT_FOUND;
  return FLASH_STORE_ERROR_FAILED;
}

gboolean
flash_db_copy_file (const char  *from,
                    const char  *to,
                    GError     **error)
{
  char buffer[64 * 1024];
  const char *failed = from;
  int in = -1;
  int out = -1;
  int saved = 0;

  in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  if (in >= 0)
    {
      failed = to;
      out = g_open (to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    }
  while (in >= 0 && out >= 0 && saved == 0)
    {
      gssize got = read (in, buffer, sizeof buffer);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          if (got < 0)
            saved = errno, failed = from;
          break;
        }
      for (gssize done = 0; done < got && saved == 0;)
        {
          gssize put = write (out, buffer + done, (gsize) (got - done));

          if (put < 0 && errno != EINTR)
            saved = errno;
          else if (put > 0)
            done += put;
        }
    }
  if (in < 0 || out < 0)
    saved = errno;
  if (out >= 0 && saved == 0 && fsync (out) != 0)
    saved = errno;
  if (out >= 0 && close (out) != 0 && saved == 0)
    saved = errno;
  if (in >= 0)
    close (in);
  if (saved != 0)
    {
      g_set_error (error, FLASH_STORE_ERROR, errno_code (saved), "%s: cannot copy %s: %s", failed,
                   from, g_strerror (saved));
      if (out >= 0 || failed == to)
        g_unlink (to);
      return FALSE;
    }
  return TRUE;
}

int
flash_db_lock (const char  *path,
               gboolean     exclusive,
               GError     **error)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  int timeout = flash_db_busy_timeout_ms ();
  int waited = 0;
  int fd;

  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    fd = g_open (lock_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return -1;

  while (flock (fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0)
    {
      if (errno == EINTR)
        continue;
      if (errno != EWOULDBLOCK || waited >= timeout)
        {
          if (errno != EWOULDBLOCK)
            {
              /* A file system without flock() cannot take part; SQLite's locks still apply. */
              close (fd);
              return -1;
            }
          close (fd);
          if (exclusive)
            g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_BUSY,
                         "%s: the collection is busy (open in Flashsheet or another "
                         "flashsheet-cli); close it and try again; nothing was changed", path);
          else
            g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_BUSY,
                         "%s: the collection is busy (another process is restoring or copying "
                         "it); try again in a moment", path);
          return -2;
        }
      g_usleep (LOCK_STEP_MS * 1000);
      waited += LOCK_STEP_MS;
    }
  return fd;
}

void
flash_db_unlock (int lock)
{
  if (lock >= 0)
    close (lock);
}
