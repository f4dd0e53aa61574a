/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store.c: the SQLite collection: schema and migrations, imports, the queue and grading. */
#include "flash-store.h"
#include "flash-store-private.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "flash-backup.h"
#include "flash-db.h"

G_DEFINE_QUARK (flash-store-error-quark, flash_store_error)

/* A card graded below 4 comes back after this many other cards (SM-2 step 7). */
#define REPEAT_GAP 3

/* Kinds of review log entries. */
enum
{
  REVIEW_NEW = 0,    /* the first review of a card */
  REVIEW_REVIEW = 1, /* a scheduled (or early) review */
  REVIEW_REPEAT = 2, /* a same-day repeat of SM-2 step 7 */
};

struct _FlashStore
{
  sqlite3    *db;
  char       *path;
  int         lock;       /* the shared open lock (flash_db_lock), or -1 */
  GHashTable *statements; /* SQL text -> sqlite3_stmt*, prepared once */
  FlashLimits limits;
  /* A read-only copy (flash_store_open_read_only_copy) refuses every write. */
  gboolean    read_only;

  /* flash_store_open_deferred(): the health check (and daily backup) runs in this thread with a
   * connection of its own; every write waits for its verdict. */
  GThread    *check_thread;
  GMutex      check_lock;
  GCond       check_cond;
  gboolean    check_done;
  GError     *check_error;
};

static const char *const schema_v1[] = {
  "CREATE TABLE config ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL)",

  "CREATE TABLE decks ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL,"
  "  source      TEXT NOT NULL UNIQUE,"
  "  description TEXT,"
  "  tags        TEXT NOT NULL DEFAULT '',"
  "  created     INTEGER NOT NULL,"
  "  updated     INTEGER NOT NULL)",

  /* is_new mirrors "has no schedule row" so that new cards can be read in file order from one
   * partial index; it changes in the same transaction as the schedule. */
  "CREATE TABLE cards ("
  "  id       INTEGER PRIMARY KEY,"
  "  deck_id  INTEGER NOT NULL REFERENCES decks (id) ON DELETE CASCADE,"
  "  key      TEXT NOT NULL,"
  "  context  TEXT NOT NULL,"
  "  question TEXT NOT NULL,"
  "  answer   TEXT NOT NULL,"
  "  tags     TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL,"
  "  retired  INTEGER NOT NULL DEFAULT 0,"
  "  is_new   INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (deck_id, key))",

  "CREATE INDEX cards_new ON cards (deck_id, position) WHERE is_new = 1 AND retired = 0",

  "CREATE TABLE schedule ("
  "  card_id    INTEGER PRIMARY KEY REFERENCES cards (id) ON DELETE CASCADE,"
  "  reps       INTEGER NOT NULL,"
  "  ef         REAL NOT NULL,"
  "  interval   INTEGER NOT NULL,"
  "  due_day    INTEGER NOT NULL,"
  "  first_day  INTEGER NOT NULL,"
  "  repeat_day INTEGER NOT NULL DEFAULT 0,"
  "  repeat_seq INTEGER NOT NULL DEFAULT 0)",

  "CREATE INDEX schedule_due ON schedule (due_day)",
  "CREATE INDEX schedule_repeat ON schedule (repeat_day, repeat_seq) WHERE repeat_day > 0",

  /* Append-only, but for undo, which removes the newest entry. The *_before columns let undo
   * restore the card's previous state exactly. */
  "CREATE TABLE review_log ("
  "  id                INTEGER PRIMARY KEY,"
  "  card_id           INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,"
  "  time              INTEGER NOT NULL,"
  "  day               INTEGER NOT NULL,"
  "  grade             INTEGER NOT NULL,"
  "  kind              INTEGER NOT NULL,"
  "  reps_before       INTEGER NOT NULL,"
  "  ef_before         REAL NOT NULL,"
  "  interval_before   INTEGER NOT NULL,"
  "  due_before        INTEGER NOT NULL,"
  "  first_day_before  INTEGER NOT NULL,"
  "  repeat_day_before INTEGER NOT NULL,"
  "  repeat_seq_before INTEGER NOT NULL,"
  "  reps_after        INTEGER NOT NULL,"
  "  ef_after          REAL NOT NULL,"
  "  interval_after    INTEGER NOT NULL,"
  "  due_after         INTEGER NOT NULL,"
  "  answer_ms         INTEGER NOT NULL DEFAULT 0)",

  "CREATE INDEX review_log_day ON review_log (day, kind)",
  "CREATE INDEX review_log_card ON review_log (card_id)",
  NULL
};

/* Version 2 makes the overview and one deck's queue cheap at 100k cards (docs/performance.md):
 * a card never changes deck, so the schedule can carry its deck_id, and each deck keeps its
 * number of active cards (set by each import) and the size of its review log (kept by grading
 * and undo) rather than counting them on every refresh. */
static const char *const schema_v2[] = {
  "ALTER TABLE schedule ADD COLUMN deck_id INTEGER NOT NULL DEFAULT 0",
  "UPDATE schedule SET deck_id = (SELECT deck_id FROM cards WHERE cards.id = schedule.card_id)",
  "CREATE INDEX schedule_deck_due ON schedule (deck_id, due_day)",
  "ALTER TABLE decks ADD COLUMN reviews INTEGER NOT NULL DEFAULT 0",
  "UPDATE decks SET reviews = (SELECT COUNT(*) FROM review_log l JOIN cards c ON c.id = l.card_id "
  "                            WHERE c.deck_id = decks.id)",
  "ALTER TABLE decks ADD COLUMN cards INTEGER NOT NULL DEFAULT 0",
  "UPDATE decks SET cards = (SELECT COUNT(*) FROM cards c WHERE c.deck_id = decks.id AND c.retired = 0)",
  "CREATE INDEX cards_deck_state ON cards (deck_id, retired, is_new)",
  "CREATE INDEX cards_retired ON cards (retired) WHERE retired = 1",
  NULL
};

static const char *const *const migrations[] = { schema_v1, schema_v2 };

/* Errors ------------------------------------------------------------------------------------ */

/* Shared with flash-backup.c through flash-store-private.h. */
int
flash_store_error_code (int rc)
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

static gboolean
set_sqlite_error (FlashStore  *self,
                  int          rc,
                  GError     **error)
{
  flash_db_set_error (error, rc, self->db, self->path);
  return FALSE;
}

/* Statements -------------------------------------------------------------------------------- */

static sqlite3_stmt *
prepare (FlashStore  *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (FlashStore  *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Runs a statement that returns no rows and resets it. */
static gboolean
step_done (FlashStore   *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Runs a one-integer query; returns @fallback when it yields no row. */
static gboolean
query_int64 (FlashStore   *self,
             sqlite3_stmt *stmt,
             gint64        fallback,
             gint64       *value,
             GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? fallback : sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *value = fallback;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Waits for a deferred health check; a collection that failed it is never written to. */
static gboolean
wait_checked (FlashStore  *self,
              GError     **error)
{
  if (self->check_thread == NULL)
    return TRUE;
  g_mutex_lock (&self->check_lock);
  while (!self->check_done)
    g_cond_wait (&self->check_cond, &self->check_lock);
  g_mutex_unlock (&self->check_lock);
  if (self->check_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->check_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
begin (FlashStore  *self,
       GError     **error)
{
  if (self->read_only)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_READ_ONLY,
                   "%s: this is a read-only copy of the collection; nothing can be changed",
                   self->path);
      return FALSE;
    }
  if (!wait_checked (self, error))
    return FALSE;
  /* IMMEDIATE takes the write lock up front, so a second process waits on the busy timeout
   * instead of failing half-way through. */
  return exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (FlashStore  *self,
        GError     **error)
{
  if (!exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
rollback (FlashStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Opening --------------------------------------------------------------------------------- */

char *
flash_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "flashsheet", "collection.db", NULL);
}

const char *
flash_store_get_path (FlashStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

void
flash_store_close (FlashStore *self)
{
  if (self == NULL)
    return;
  if (self->check_thread != NULL)
    {
      g_thread_join (self->check_thread);
      g_mutex_clear (&self->check_lock);
      g_cond_clear (&self->check_cond);
      g_clear_error (&self->check_error);
    }
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  flash_db_unlock (self->lock);
  g_free (self->path);
  g_free (self);
}

static gboolean
quick_check (FlashStore  *self,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
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
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_NOTADB)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_DATABASE,
                   "%s: is not a Flashsheet collection (not a SQLite database); it was left unchanged",
                   self->path);
      return FALSE;
    }
  /* Hardening: a full disk or a read-only file or folder can stop the check before it reads a
   * page (a WAL collection needs its -shm file first); that is not damage and must not say so. */
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT && problem == NULL)
    return set_sqlite_error (self, rc, error);
  if (rc != SQLITE_OK || problem != NULL)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED,
                   "%s: the collection is damaged (%s); it was left unchanged",
                   self->path, problem != NULL ? problem : sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (FlashStore  *self,
         int          version,
         GError     **error)
{
  g_autofree char *set_version = NULL;

  if (version == FLASH_STORE_SCHEMA_VERSION)
    return TRUE;

  /* Backups: a file that holds anything is copied before a migration changes it, and a
   * migration whose backup fails does not run (flash-backup.c). */
  {
    sqlite3_stmt *objects = prepare (self, "SELECT COUNT(*) FROM sqlite_master", error);
    gint64 count = 0;

    if (objects == NULL || !query_int64 (self, objects, 0, &count, error))
      return FALSE;
    if (count > 0)
      {
        g_autofree char *copy = flash_store_backup_now (self, error);

        if (copy == NULL)
          return FALSE;
      }
  }

  G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == FLASH_STORE_SCHEMA_VERSION);

  if (!begin (self, error))
    return FALSE;
  /* Version 0 is a new, empty file; each step takes the schema one version further. */
  for (int step = version; step < FLASH_STORE_SCHEMA_VERSION; step++)
    for (guint i = 0; migrations[step][i] != NULL; i++)
      if (!exec (self, migrations[step][i], error))
        {
          rollback (self);
          return FALSE;
        }
  set_version = g_strdup_printf ("PRAGMA user_version = %d", FLASH_STORE_SCHEMA_VERSION);
  if (!exec (self, set_version, error))
    {
      rollback (self);
      return FALSE;
    }
  return commit (self, error);
}

static void
load_limits (FlashStore *self)
{
  sqlite3_stmt *stmt;

  self->limits.new_per_day = 20;
  self->limits.reviews_per_day = 200;
  self->limits.day_start_hour = 4;

  stmt = prepare (self, "SELECT key, value FROM config", NULL);
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      int value = sqlite3_column_int (stmt, 1);

      if (g_strcmp0 (key, "new_per_day") == 0 && value >= 0)
        self->limits.new_per_day = value;
      else if (g_strcmp0 (key, "reviews_per_day") == 0 && value >= 0)
        self->limits.reviews_per_day = value;
      else if (g_strcmp0 (key, "day_start_hour") == 0 && value >= 0 && value <= 23)
        self->limits.day_start_hour = value;
    }
  sqlite3_reset (stmt);
}

static gpointer
check_thread_cb (gpointer data)
{
  FlashStore *self = data;
  GError *error = NULL;
  FlashStore *checker;

  /* A full open on a second connection: quick_check, then the daily backup of a healthy file. */
  checker = flash_store_open (self->path, &error);
  flash_store_close (checker);

  g_mutex_lock (&self->check_lock);
  self->check_error = error;
  self->check_done = TRUE;
  g_cond_broadcast (&self->check_cond);
  g_mutex_unlock (&self->check_lock);
  return NULL;
}

static FlashStore *
store_new (const char *path)
{
  FlashStore *self = g_new0 (FlashStore, 1);

  self->path = g_strdup (path);
  self->lock = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  return self;
}

/* The full check reads every page, so it runs once per study day per collection, not on every
 * open: the config key "checked" names the file (its inode, so a copied or replaced file is
 * checked again) and the study day of the last check that passed. */
static char *
check_marker (FlashStore *self,
              GDateTime  *now)
{
  g_autofree char *day = NULL;
  GStatBuf st;

  if (g_stat (self->path, &st) != 0)
    return NULL;
  day = flash_day_to_iso (flash_store_day_for (self, now));
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%s", (guint64) st.st_ino, day);
}

static gboolean
checked_today (FlashStore *self,
               const char *marker)
{
  sqlite3_stmt *stmt;
  gboolean checked = FALSE;

  if (marker == NULL)
    return FALSE;
  stmt = prepare (self, "SELECT value FROM config WHERE key = 'checked'", NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    checked = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), marker) == 0;
  sqlite3_reset (stmt);
  return checked;
}

static void
record_checked (FlashStore *self,
                const char *marker)
{
  g_autoptr(GError) mark_error = NULL;
  sqlite3_stmt *stmt;

  stmt = prepare (self, "INSERT INTO config (key, value) VALUES ('checked', ?1) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", &mark_error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, marker, -1, SQLITE_TRANSIENT);
      step_done (self, stmt, &mark_error);
    }
  if (mark_error != NULL)
    g_debug ("%s", mark_error->message);
}

/* Today's duty of the first open: the full check, then the daily backup of a healthy file, then
 * the marker (@marker is NULL for a file that is not at the current version yet: it is checked
 * again on its next open). A collection that fails the check is never written; one whose marker
 * cannot be written (read-only) is simply checked again next time. */
static gboolean
daily_check (FlashStore  *self,
             int          version,
             GDateTime   *now,
             const char  *marker,
             GError     **error)
{
  if (!quick_check (self, error))
    return FALSE;

  /* Backups: once per day of use, a copy of the collection as it was before this session writes
   * to it. A failed backup does not stop studying; the write that follows reports the cause, and
   * the next open tries again. Only then is the day's check recorded as done. */
  if (version > 0 && !flash_store_is_empty (self))
    {
      g_autoptr(GError) backup_error = NULL;

      if (!flash_store_backup_daily (self, now, &backup_error))
        g_debug ("%s", backup_error->message);
      else if (marker != NULL)
        record_checked (self, marker);
    }
  return TRUE;
}

/* What every open checks, whatever the day: SQLite's header (flash_db_open), the schema version,
 * and that a Flashsheet collection has its tables. */
static gboolean
check_schema (FlashStore  *self,
              int          version,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 objects = 0;

  if (version > FLASH_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_TOO_NEW,
                   "%s: the collection was written by a newer version of Flashsheet (schema %d, "
                   "this version knows %d); it was left unchanged",
                   self->path, version, FLASH_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  /* Version 0 is a new, empty file; tables without a version belong to another program. */
  if (version == 0)
    {
      stmt = prepare (self, "SELECT COUNT(*) FROM sqlite_master", error);
      if (stmt == NULL || !query_int64 (self, stmt, 0, &objects, error))
        return FALSE;
      if (objects > 0)
        {
          g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_DATABASE,
                       "%s: is a database of another program, not a Flashsheet collection; it "
                       "was left unchanged", self->path);
          return FALSE;
        }
      return TRUE;
    }

  stmt = prepare (self, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                        "('config', 'decks', 'cards', 'schedule', 'review_log')", error);
  if (stmt == NULL || !query_int64 (self, stmt, 0, &objects, error))
    return FALSE;
  if (objects != 5)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED,
                   "%s: the collection is damaged (tables are missing); it was left unchanged",
                   self->path);
      return FALSE;
    }
  return TRUE;
}

static FlashStore *
open_store (const char  *path,
            gboolean     defer_check,
            GError     **error)
{
  g_autoptr(FlashStore) self = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *marker = NULL;
  int version = 0;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_OPEN,
                   "%s: cannot create the folder: %s", path, g_strerror (saved));
      return NULL;
    }

  self = store_new (path);
  self->lock = flash_db_lock (path, FALSE, error);
  if (self->lock == -2)
    return NULL;
  self->db = flash_db_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &version, error);
  if (self->db == NULL || !check_schema (self, version, error))
    return NULL;
  if (version > 0)
    load_limits (self);

  /* Nothing is written before the file has shown it is healthy and not from a newer version.
   * The full check runs once per study day; a caller that can show something first may have it
   * (and the backup) done in a thread. A new file or one that needs migrating is always checked
   * here. */
  now = flash_clock_now (NULL);
  if (now == NULL)
    now = g_date_time_new_now_local ();
  if (version == FLASH_STORE_SCHEMA_VERSION)
    marker = check_marker (self, now);
  if (checked_today (self, marker))
    ;
  else if (defer_check && version == FLASH_STORE_SCHEMA_VERSION)
    {
      g_mutex_init (&self->check_lock);
      g_cond_init (&self->check_cond);
      self->check_thread = g_thread_new ("flash-store-check", check_thread_cb, self);
    }
  else if (!daily_check (self, version, now, marker, error))
    return NULL;

  if (!exec (self, "PRAGMA journal_mode = WAL", error)
      || !exec (self, "PRAGMA synchronous = NORMAL", error)
      || !exec (self, "PRAGMA foreign_keys = ON", error)
      || !migrate (self, version, error))
    return NULL;

  if (version != FLASH_STORE_SCHEMA_VERSION)
    load_limits (self);
  return g_steal_pointer (&self);
}

FlashStore *
flash_store_open (const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, FALSE, error);
}

/**
 * flash_store_open_deferred:
 *
 * Like flash_store_open(), but a collection of the current version is checked (PRAGMA
 * quick_check) and backed up in a thread, so that a large one does not delay the first frame.
 * Reads work at once; every write waits for the check and fails with its error if the file is
 * damaged. flash_store_wait_checked() gives the verdict.
 */
FlashStore *
flash_store_open_deferred (const char  *path,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, TRUE, error);
}

/**
 * flash_store_open_read_only_copy:
 *
 * What the app offers for a damaged collection besides restoring a backup: a copy of the file
 * (at @copy_path, replaced if it exists) opened read-only, with no health check, so that
 * whatever can still be read can be looked at and exported. The collection itself is only read.
 */
FlashStore *
flash_store_open_read_only_copy (const char  *path,
                                 const char  *copy_path,
                                 GError     **error)
{
  g_autoptr(FlashStore) self = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  gboolean copied;
  int lock;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (copy_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The file itself is copied, byte for byte, since SQLite may not be able to read it: only
   * while no store in any process has it open. */
  dir = g_path_get_dirname (copy_path);
  g_mkdir_with_parents (dir, 0700);
  source = g_file_new_for_path (path);
  copy = g_file_new_for_path (copy_path);
  lock = flash_db_lock (path, TRUE, error);
  if (lock == -2)
    return NULL;
  copied = g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
  flash_db_unlock (lock);
  if (!copied)
    return NULL;

  self = store_new (copy_path);
  self->read_only = TRUE;
  self->db = flash_db_open (copy_path, SQLITE_OPEN_READONLY, NULL, &local_error);
  if (self->db == NULL)
    {
      if (g_error_matches (local_error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_DATABASE))
        g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_DATABASE,
                     "%s: is not a Flashsheet collection (not a SQLite database); it was left "
                     "unchanged", path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  load_limits (self);
  return g_steal_pointer (&self);
}

gboolean
flash_store_is_read_only (FlashStore *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->read_only;
}

/* TRUE while a deferred check is still running: the app polls this rather than block. */
gboolean
flash_store_is_checking (FlashStore *self)
{
  gboolean checking;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->check_thread == NULL)
    return FALSE;
  g_mutex_lock (&self->check_lock);
  checking = !self->check_done;
  g_mutex_unlock (&self->check_lock);
  return checking;
}

/* Blocks until a deferred check has finished; TRUE when the collection is healthy. Safe to call
 * from another thread than the store's. */
gboolean
flash_store_wait_checked (FlashStore  *self,
                          GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return wait_checked (self, error);
}

gboolean
flash_store_is_empty (FlashStore *self)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (self != NULL, TRUE);

  stmt = prepare (self, "SELECT COUNT(*) FROM decks", NULL);
  if (stmt == NULL || !query_int64 (self, stmt, 0, &count, NULL))
    return FALSE;
  return count == 0;
}

void
flash_store_get_limits (FlashStore  *self,
                        FlashLimits *limits)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (limits != NULL);

  *limits = self->limits;
}

gboolean
flash_store_set_limits (FlashStore         *self,
                        const FlashLimits  *limits,
                        GError            **error)
{
  static const char sql[] = "INSERT INTO config (key, value) VALUES (?1, ?2) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  const struct { const char *key; int value; } rows[] = {
    { "new_per_day", limits->new_per_day },
    { "reviews_per_day", limits->reviews_per_day },
    { "day_start_hour", limits->day_start_hour },
  };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (limits != NULL, FALSE);

  if (limits->new_per_day < 0 || limits->reviews_per_day < 0 || limits->day_start_hour < 0
      || limits->day_start_hour > 23)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "limits out of range (new %d, reviews %d, day start %d)",
                   limits->new_per_day, limits->reviews_per_day, limits->day_start_hour);
      return FALSE;
    }
  if (memcmp (limits, &self->limits, sizeof *limits) == 0)
    return TRUE;

  if (!begin (self, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      sqlite3_stmt *stmt = prepare (self, sql, error);

      if (stmt == NULL)
        {
          rollback (self);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 1, rows[i].key, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, rows[i].value);
      if (!step_done (self, stmt, error))
        {
          rollback (self);
          return FALSE;
        }
    }
  if (!commit (self, error))
    return FALSE;
  self->limits = *limits;
  return TRUE;
}

FlashDay
flash_store_day_for (FlashStore *self,
                     GDateTime  *now)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  return flash_day_for_time (now, self->limits.day_start_hour);
}

/* Import -------------------------------------------------------------------------------------- */

void
flash_import_result_clear (FlashImportResult *result)
{
  g_clear_pointer (&result->deck_name, g_free);
  memset (result, 0, sizeof *result);
}

typedef struct
{
  gint64    id;
  char     *key;
  char     *context;
  char     *question;
  char     *answer;
  char     *tags;
  int       position;
  gboolean  retired;
  gboolean  matched;
} ExistingCard;

static void
existing_card_free (ExistingCard *card)
{
  g_free (card->key);
  g_free (card->context);
  g_free (card->question);
  g_free (card->answer);
  g_free (card->tags);
  g_free (card);
}

static char *
join_tags (GStrv tags)
{
  return tags != NULL ? g_strjoinv (" ", tags) : g_strdup ("");
}

static gboolean
find_or_create_deck (FlashStore        *self,
                     const FlashSheet  *sheet,
                     gint64             now,
                     gint64            *deck_id,
                     GError           **error)
{
  g_autofree char *tags = join_tags (sheet->tags);
  sqlite3_stmt *stmt;

  stmt = prepare (self, "SELECT id FROM decks WHERE source = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sheet->source, -1, SQLITE_STATIC);
  if (!query_int64 (self, stmt, 0, deck_id, error))
    return FALSE;

  if (*deck_id != 0)
    {
      stmt = prepare (self, "UPDATE decks SET name = ?2, description = ?3, tags = ?4, updated = ?5 "
                            "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *deck_id);
    }
  else
    {
      stmt = prepare (self, "INSERT INTO decks (source, name, description, tags, created, updated) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, sheet->source, -1, SQLITE_STATIC);
    }
  sqlite3_bind_text (stmt, 2, sheet->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sheet->description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, tags, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (*deck_id == 0)
    *deck_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static GPtrArray *
load_existing_cards (FlashStore  *self,
                     gint64       deck_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) existing_card_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT id, key, context, question, answer, tags, position, retired "
                        "FROM cards WHERE deck_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ExistingCard *card = g_new0 (ExistingCard, 1);

      card->id = sqlite3_column_int64 (stmt, 0);
      card->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      card->context = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      card->question = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      card->answer = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      card->tags = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      card->position = sqlite3_column_int (stmt, 6);
      card->retired = sqlite3_column_int (stmt, 7) != 0;
      g_ptr_array_add (cards, card);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&cards);
}

static gboolean
update_card (FlashStore           *self,
             ExistingCard         *old,
             const FlashSheetCard *card,
             const char           *tags,
             int                   position,
             GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (self, "UPDATE cards SET key = ?2, context = ?3, question = ?4, answer = ?5, "
                        "tags = ?6, position = ?7, retired = 0 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, old->id);
  sqlite3_bind_text (stmt, 2, card->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, card->context, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, card->question, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, card->answer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, tags, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, position);
  return step_done (self, stmt, error);
}

/* Matches the sheet's cards to the deck's cards: by stable key first, then (for a renamed
 * heading) by an unchanged answer, so review history follows the item. */
static gboolean
import_cards (FlashStore         *self,
              gint64              deck_id,
              const FlashSheet   *sheet,
              FlashImportResult  *result,
              GError            **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GHashTable) by_answer = NULL;
  g_autofree ExistingCard **match = NULL;
  sqlite3_stmt *stmt;

  existing = load_existing_cards (self, deck_id, error);
  if (existing == NULL)
    return FALSE;

  by_key = g_hash_table_new (g_str_hash, g_str_equal);
  by_answer = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < existing->len; i++)
    {
      ExistingCard *old = g_ptr_array_index (existing, i);

      g_hash_table_insert (by_key, old->key, old);
    }

  match = g_new0 (ExistingCard *, sheet->cards->len);
  for (guint i = 0; i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      ExistingCard *old = g_hash_table_lookup (by_key, card->key);

      if (old != NULL && !old->matched)
        {
          old->matched = TRUE;
          match[i] = old;
        }
    }
  /* Only cards left over may be taken by a renamed item; the first one with the answer wins. */
  for (guint i = 0; i < existing->len; i++)
    {
      ExistingCard *old = g_ptr_array_index (existing, i);

      if (!old->matched && !g_hash_table_contains (by_answer, old->answer))
        g_hash_table_insert (by_answer, old->answer, old);
    }
  for (guint i = 0; i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      ExistingCard *old;

      if (match[i] != NULL)
        continue;
      old = g_hash_table_lookup (by_answer, card->answer);
      if (old != NULL && !old->matched)
        {
          old->matched = TRUE;
          match[i] = old;
        }
    }

  for (guint i = 0; i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      ExistingCard *old = match[i];
      g_autofree char *tags = join_tags (card->tags);

      if (old != NULL)
        {
          gboolean same_text = g_strcmp0 (old->key, card->key) == 0
                               && g_strcmp0 (old->context, card->context) == 0
                               && g_strcmp0 (old->question, card->question) == 0
                               && g_strcmp0 (old->answer, card->answer) == 0;

          if (same_text && !old->retired && old->position == (int) i
              && g_strcmp0 (old->tags, tags) == 0)
            {
              result->unchanged++;
              continue;
            }
          if (!update_card (self, old, card, tags, (int) i, error))
            return FALSE;
          if (same_text && !old->retired)
            result->unchanged++;
          else
            result->updated++;
          continue;
        }

      stmt = prepare (self, "INSERT INTO cards (deck_id, key, context, question, answer, tags, position) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, deck_id);
      sqlite3_bind_text (stmt, 2, card->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, card->context, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, card->question, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, card->answer, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, tags, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, (int) i);
      if (!step_done (self, stmt, error))
        return FALSE;
      result->added++;
    }

  stmt = prepare (self, "UPDATE cards SET retired = 1 WHERE id = ?1", error);
  for (guint i = 0; stmt != NULL && i < existing->len; i++)
    {
      ExistingCard *old = g_ptr_array_index (existing, i);

      if (old->matched || old->retired)
        continue;
      sqlite3_bind_int64 (stmt, 1, old->id);
      if (!step_done (self, stmt, error))
        return FALSE;
      result->retired++;
    }
  if (stmt == NULL)
    return FALSE;

  result->total = sheet->cards->len;
  stmt = prepare (self, "UPDATE decks SET cards = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  sqlite3_bind_int (stmt, 2, (int) result->total);
  return step_done (self, stmt, error);
}

gboolean
flash_store_import_sheet (FlashStore         *self,
                          const FlashSheet   *sheet,
                          FlashImportResult  *result,
                          GError            **error)
{
  FlashImportResult local = { 0 };
  gint64 deck_id = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!find_or_create_deck (self, sheet, g_get_real_time () / G_USEC_PER_SEC, &deck_id, error)
      || !import_cards (self, deck_id, sheet, &local, error)
      || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  local.deck_id = deck_id;
  local.deck_name = g_strdup (sheet->name);
  if (result != NULL)
    *result = local;
  else
    flash_import_result_clear (&local);
  return TRUE;
}

gboolean
flash_store_import_file (FlashStore         *self,
                         const char         *path,
                         FlashImportResult  *result,
                         GError            **error)
{
  g_autoptr(FlashSheet) sheet = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  sheet = flash_sheet_load (path, error);
  if (sheet == NULL)
    return FALSE;
  return flash_store_import_sheet (self, sheet, result, error);
}

/* Decks and cards ------------------------------------------------------------------------------ */

void
flash_deck_info_free (FlashDeckInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->source);
  g_free (info);
}

void
flash_card_free (FlashCard *card)
{
  if (card == NULL)
    return;
  g_free (card->deck_name);
  g_free (card->context);
  g_free (card->question);
  g_free (card->answer);
  g_free (card);
}

typedef struct
{
  guint new_left;     /* new cards still allowed today */
  guint reviews_left; /* reviews still allowed today */
  guint done_today;   /* log entries today, of any kind */
} DayBudget;

static gboolean
day_budget (FlashStore  *self,
            FlashDay     today,
            DayBudget   *budget,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 new_done = 0;
  gint64 reviews_done = 0;
  gint64 all_done = 0;

  stmt = prepare (self, "SELECT COUNT(*) FROM review_log WHERE day = ?1 AND kind = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int (stmt, 2, REVIEW_NEW);
  if (!query_int64 (self, stmt, 0, &new_done, error))
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int (stmt, 2, REVIEW_REVIEW);
  if (!query_int64 (self, stmt, 0, &reviews_done, error))
    return FALSE;
  stmt = prepare (self, "SELECT COUNT(*) FROM review_log WHERE day = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  if (!query_int64 (self, stmt, 0, &all_done, error))
    return FALSE;

  budget->new_left = (guint) MAX (0, self->limits.new_per_day - new_done);
  budget->reviews_left = (guint) MAX (0, self->limits.reviews_per_day - reviews_done);
  budget->done_today = (guint) all_done;
  return TRUE;
}

/* Appends the ids a query yields to @ids. */
static gboolean
collect_ids (FlashStore   *self,
             sqlite3_stmt *stmt,
             GArray       *ids,
             GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
due_ids (FlashStore  *self,
         gint64       deck_id,
         FlashDay     today,
         guint        limit,
         GArray      *ids,
         GError     **error)
{
  sqlite3_stmt *stmt;

  if (limit == 0)
    return TRUE;
  /* Most overdue first; the card id breaks ties so the order is stable. One deck gets its own
   * statement so that SQLite can walk that deck's part of the index only. */
  if (deck_id != 0)
    stmt = prepare (self, "SELECT s.card_id FROM schedule s JOIN cards c ON c.id = s.card_id "
                          "WHERE s.deck_id = ?2 AND s.due_day <= ?1 AND s.repeat_day != ?1 "
                          "AND c.retired = 0 ORDER BY s.due_day, s.card_id LIMIT ?3", error);
  else
    stmt = prepare (self, "SELECT s.card_id FROM schedule s JOIN cards c ON c.id = s.card_id "
                          "WHERE s.due_day <= ?1 AND s.repeat_day != ?1 AND c.retired = 0 "
                          "ORDER BY s.due_day, s.card_id LIMIT ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  if (deck_id != 0)
    sqlite3_bind_int64 (stmt, 2, deck_id);
  sqlite3_bind_int64 (stmt, 3, limit);
  return collect_ids (self, stmt, ids, error);
}

static gboolean
new_ids (FlashStore  *self,
         gint64       deck_id,
         guint        limit,
         GArray      *ids,
         GError     **error)
{
  sqlite3_stmt *stmt;

  if (limit == 0)
    return TRUE;
  if (deck_id != 0)
    {
      stmt = prepare (self, "SELECT id FROM cards WHERE is_new = 1 AND retired = 0 AND deck_id = ?1 "
                            "ORDER BY deck_id, position LIMIT ?2", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, deck_id);
    }
  else
    stmt = prepare (self, "SELECT id FROM cards WHERE is_new = 1 AND retired = 0 "
                          "ORDER BY deck_id, position LIMIT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, limit);
  return collect_ids (self, stmt, ids, error);
}

/* Same-day repeats with the place in the queue where each comes back. */
static gboolean
repeat_ids (FlashStore  *self,
            gint64       deck_id,
            FlashDay     today,
            GArray      *ids,
            GArray      *seqs,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* "repeat_day > 0" lets SQLite use the partial index: it cannot know that ?1 is positive. */
  stmt = prepare (self, "SELECT s.card_id, s.repeat_seq FROM schedule s JOIN cards c ON c.id = s.card_id "
                        "WHERE s.repeat_day = ?1 AND s.repeat_day > 0 AND c.retired = 0 "
                        "AND (?2 = 0 OR s.deck_id = ?2) ORDER BY s.repeat_seq, s.card_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 seq = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (ids, id);
      g_array_append_val (seqs, seq);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

GArray *
flash_store_today_queue (FlashStore  *self,
                         gint64       deck_id,
                         GDateTime   *now,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GArray) repeats = NULL;
  g_autoptr(GArray) seqs = NULL;
  DayBudget budget;
  FlashDay today;
  guint review_limit;
  guint new_limit;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  today = flash_store_day_for (self, now);
  if (!day_budget (self, today, &budget, error))
    return NULL;

  queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  repeats = g_array_new (FALSE, FALSE, sizeof (gint64));
  seqs = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* A caller that wants the next few cards needs no more than that many of each kind. */
  review_limit = limit > 0 ? MIN (budget.reviews_left, limit) : budget.reviews_left;
  new_limit = limit > 0 ? MIN (budget.new_left, limit) : budget.new_left;
  if (!due_ids (self, deck_id, today, review_limit, queue, error)
      || !new_ids (self, deck_id, new_limit, queue, error)
      || !repeat_ids (self, deck_id, today, repeats, seqs, error))
    return NULL;

  /* A repeat waits until REPEAT_GAP other cards have been graded since it was re-queued. */
  for (guint i = 0; i < repeats->len; i++)
    {
      gint64 seq = g_array_index (seqs, gint64, i);
      gint64 at = seq - (gint64) budget.done_today;
      guint place;

      at = CLAMP (at, (gint64) i, (gint64) queue->len);
      place = (guint) at;
      g_array_insert_val (queue, place, g_array_index (repeats, gint64, i));
    }

  if (limit > 0 && queue->len > limit)
    g_array_set_size (queue, limit);
  return g_steal_pointer (&queue);
}

gboolean
flash_store_today_counts (FlashStore      *self,
                          gint64           deck_id,
                          GDateTime       *now,
                          FlashDayCounts  *counts,
                          GError         **error)
{
  g_autoptr(GArray) due = NULL;
  g_autoptr(GArray) fresh = NULL;
  g_autoptr(GArray) repeats = NULL;
  g_autoptr(GArray) seqs = NULL;
  DayBudget budget;
  FlashDay today;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  today = flash_store_day_for (self, now);
  if (!day_budget (self, today, &budget, error))
    return FALSE;

  due = g_array_new (FALSE, FALSE, sizeof (gint64));
  fresh = g_array_new (FALSE, FALSE, sizeof (gint64));
  repeats = g_array_new (FALSE, FALSE, sizeof (gint64));
  seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!due_ids (self, deck_id, today, budget.reviews_left, due, error)
      || !new_ids (self, deck_id, budget.new_left, fresh, error)
      || !repeat_ids (self, deck_id, today, repeats, seqs, error))
    return FALSE;

  counts->due = due->len;
  counts->new_cards = fresh->len;
  counts->learning = repeats->len;
  counts->done_today = budget.done_today;
  return TRUE;
}

FlashDay
flash_store_next_due_day (FlashStore  *self,
                          gint64       deck_id,
                          GDateTime   *now,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  FlashDay today;
  gint64 day = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  today = flash_store_day_for (self, now);
  stmt = prepare (self, "SELECT MIN(s.due_day) FROM schedule s JOIN cards c ON c.id = s.card_id "
                        "WHERE s.due_day > ?1 AND c.retired = 0 AND (?2 = 0 OR c.deck_id = ?2)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, deck_id);
  if (!query_int64 (self, stmt, 0, &day, error))
    return 0;
  /* New cards not allowed today are due tomorrow. */
  if (day == 0 || day > today + 1)
    {
      gint64 new_count = 0;

      stmt = prepare (self, "SELECT COUNT(*) FROM (SELECT 1 FROM cards WHERE is_new = 1 AND retired = 0 "
                            "AND (?1 = 0 OR deck_id = ?1) LIMIT 1)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, deck_id);
      if (!query_int64 (self, stmt, 0, &new_count, error))
        return 0;
      if (new_count > 0 && self->limits.new_per_day > 0)
        day = today + 1;
    }
  return (FlashDay) day;
}

#define CARD_COLUMNS                                                                       \
  "c.id, c.deck_id, d.name, c.context, c.question, c.answer, c.position, c.retired, c.is_new, " \
  "s.reps, s.ef, s.interval, s.due_day, s.repeat_day"
#define CARD_FROM                                                                          \
  " FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN schedule s ON s.card_id = c.id "

static FlashCard *
card_from_row (sqlite3_stmt *stmt)
{
  FlashCard *card = g_new0 (FlashCard, 1);

  card->id = sqlite3_column_int64 (stmt, 0);
  card->deck_id = sqlite3_column_int64 (stmt, 1);
  card->deck_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  card->context = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  card->question = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  card->answer = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  card->position = sqlite3_column_int (stmt, 6);
  card->retired = sqlite3_column_int (stmt, 7) != 0;
  card->is_new = sqlite3_column_int (stmt, 8) != 0;
  flash_sm2_initial (&card->sm2);
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    {
      card->sm2.reps = sqlite3_column_int (stmt, 9);
      card->sm2.ef = sqlite3_column_double (stmt, 10);
      card->sm2.interval = sqlite3_column_int (stmt, 11);
      card->due_day = sqlite3_column_int (stmt, 12);
      card->repeat_day = sqlite3_column_int (stmt, 13);
    }
  return card;
}

FlashCard *
flash_store_get_card (FlashStore  *self,
                      gint64       card_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  FlashCard *card = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self, "SELECT " CARD_COLUMNS CARD_FROM "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, card_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    card = card_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);
  else if (card == NULL)
    g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                 "no card with id %" G_GINT64_FORMAT, card_id);
  return card;
}

GPtrArray *
flash_store_list_cards (FlashStore  *self,
                        gint64       deck_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_card_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self, "SELECT " CARD_COLUMNS CARD_FROM
                        "WHERE c.retired = 0 AND (?1 = 0 OR c.deck_id = ?1) "
                        "ORDER BY c.deck_id, c.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cards, card_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&cards);
}

GPtrArray *
flash_store_list_decks (FlashStore  *self,
                        GDateTime   *now,
                        GError     **error)
{
  g_autoptr(GPtrArray) decks = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_deck_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  /* New cards are the active ones without a schedule row; the few retired cards that have one
   * are added back. */
  stmt = prepare (self, "SELECT d.id, d.name, d.source, d.cards, "
                        "d.cards - (SELECT COUNT(*) FROM schedule s WHERE s.deck_id = d.id) "
                        "+ (SELECT COUNT(*) FROM cards c JOIN schedule s ON s.card_id = c.id "
                        "   WHERE c.retired = 1 AND c.deck_id = d.id), "
                        "d.reviews "
                        "FROM decks d ORDER BY d.name COLLATE NOCASE, d.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FlashDeckInfo *info = g_new0 (FlashDeckInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->source = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      info->total = (guint) sqlite3_column_int (stmt, 3);
      info->new_cards = (guint) sqlite3_column_int (stmt, 4);
      info->reviews = (guint) sqlite3_column_int (stmt, 5);
      g_ptr_array_add (decks, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < decks->len; i++)
    {
      FlashDeckInfo *info = g_ptr_array_index (decks, i);
      FlashDayCounts counts;

      if (!flash_store_today_counts (self, info->id, now, &counts, error))
        return NULL;
      info->new_today = counts.new_cards;
      info->due_today = counts.due + counts.learning;
    }
  return g_steal_pointer (&decks);
}

gint64
flash_store_find_deck (FlashStore  *self,
                       const char  *name,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  stmt = prepare (self, "SELECT id FROM decks WHERE name = ?1 ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!query_int64 (self, stmt, 0, &id, error))
    return 0;
  if (id == 0)
    g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND, "no deck named “%s”", name);
  return id;
}

gboolean
flash_store_delete_deck (FlashStore  *self,
                         gint64       deck_id,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM decks WHERE id = ?1", error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, deck_id);
  if (!step_done (self, stmt, error))
    {
      rollback (self);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                   "no deck with id %" G_GINT64_FORMAT, deck_id);
      return FALSE;
    }
  return commit (self, error);
}

/* Grading ----------------------------------------------------------------------------------- */

typedef struct
{
  gboolean      scheduled; /* has a schedule row */
  FlashSm2State sm2;
  FlashDay      due_day;
  FlashDay      first_day;
  FlashDay      repeat_day;
  gint64        repeat_seq;
} CardState;

/* SM-2 with step 7: the first grade of a day moves the schedule; same-day repeats only decide
 * whether the card comes back again today. */
static void
plan_review (const CardState   *before,
             FlashDay           today,
             int                grade,
             CardState         *after,
             FlashReviewResult *result,
             int               *kind)
{
  *after = *before;
  if (before->scheduled && before->repeat_day == today)
    {
      *kind = REVIEW_REPEAT;
    }
  else
    {
      *kind = before->scheduled ? REVIEW_REVIEW : REVIEW_NEW;
      flash_sm2_apply (&before->sm2, grade, &after->sm2);
      after->due_day = today + after->sm2.interval;
      if (!before->scheduled)
        after->first_day = today;
      after->scheduled = TRUE;
    }
  after->repeat_day = flash_sm2_needs_repeat (grade) ? today : 0;

  result->grade = grade;
  result->before = before->sm2;
  result->after = after->sm2;
  result->due_day = after->due_day;
  result->repeat = after->repeat_day != 0;
}

void
flash_card_preview (const FlashCard   *card,
                    FlashDay           today,
                    int                grade,
                    FlashReviewResult *result)
{
  CardState before = { 0 };
  CardState after;
  int kind;

  g_return_if_fail (card != NULL);
  g_return_if_fail (result != NULL);
  g_return_if_fail (flash_sm2_grade_valid (grade));

  memset (result, 0, sizeof *result);
  before.scheduled = !card->is_new;
  before.sm2 = card->sm2;
  before.due_day = card->due_day;
  before.repeat_day = card->repeat_day;
  plan_review (&before, today, grade, &after, result, &kind);
  result->card_id = card->id;
}

static gboolean
load_state (FlashStore  *self,
            gint64       card_id,
            CardState   *state,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  memset (state, 0, sizeof *state);
  flash_sm2_initial (&state->sm2);

  stmt = prepare (self, "SELECT c.retired, s.reps, s.ef, s.interval, s.due_day, s.first_day, "
                        "s.repeat_day, s.repeat_seq "
                        "FROM cards c LEFT JOIN schedule s ON s.card_id = c.id WHERE c.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          state->scheduled = TRUE;
          state->sm2.reps = sqlite3_column_int (stmt, 1);
          state->sm2.ef = sqlite3_column_double (stmt, 2);
          state->sm2.interval = sqlite3_column_int (stmt, 3);
          state->due_day = sqlite3_column_int (stmt, 4);
          state->first_day = sqlite3_column_int (stmt, 5);
          state->repeat_day = sqlite3_column_int (stmt, 6);
          state->repeat_seq = sqlite3_column_int64 (stmt, 7);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  if (!found)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                   "no card with id %" G_GINT64_FORMAT, card_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_state (FlashStore       *self,
            gint64            card_id,
            const CardState  *state,
            GError          **error)
{
  sqlite3_stmt *stmt;

  if (state->scheduled)
    {
      stmt = prepare (self, "INSERT INTO schedule (card_id, reps, ef, interval, due_day, first_day, "
                            "repeat_day, repeat_seq, deck_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                            "(SELECT deck_id FROM cards WHERE id = ?1)) "
                            "ON CONFLICT (card_id) DO UPDATE SET reps = excluded.reps, ef = excluded.ef, "
                            "interval = excluded.interval, due_day = excluded.due_day, "
                            "first_day = excluded.first_day, repeat_day = excluded.repeat_day, "
                            "repeat_seq = excluded.repeat_seq", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, card_id);
      sqlite3_bind_int (stmt, 2, state->sm2.reps);
      sqlite3_bind_double (stmt, 3, state->sm2.ef);
      sqlite3_bind_int (stmt, 4, state->sm2.interval);
      sqlite3_bind_int (stmt, 5, state->due_day);
      sqlite3_bind_int (stmt, 6, state->first_day);
      sqlite3_bind_int (stmt, 7, state->repeat_day);
      sqlite3_bind_int64 (stmt, 8, state->repeat_seq);
    }
  else
    {
      stmt = prepare (self, "DELETE FROM schedule WHERE card_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, card_id);
    }
  if (!step_done (self, stmt, error))
    return FALSE;

  stmt = prepare (self, "UPDATE cards SET is_new = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card_id);
  sqlite3_bind_int (stmt, 2, state->scheduled ? 0 : 1);
  return step_done (self, stmt, error);
}

/* Keeps decks.reviews equal to the number of the deck's log entries. */
static gboolean
count_review (FlashStore  *self,
              gint64       card_id,
              int          delta,
              GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (self, "UPDATE decks SET reviews = reviews + ?2 "
                        "WHERE id = (SELECT deck_id FROM cards WHERE id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card_id);
  sqlite3_bind_int (stmt, 2, delta);
  return step_done (self, stmt, error);
}

static gboolean
record_review (FlashStore         *self,
               gint64              card_id,
               int                 grade,
               GDateTime          *now,
               int                 answer_ms,
               FlashReviewResult  *result,
               GError            **error)
{
  FlashDay today = flash_store_day_for (self, now);
  CardState before;
  CardState after;
  DayBudget budget;
  sqlite3_stmt *stmt;
  int kind;

  if (!load_state (self, card_id, &before, error) || !day_budget (self, today, &budget, error))
    return FALSE;

  plan_review (&before, today, grade, &after, result, &kind);
  /* This grade is entry done_today + 1; the card comes back after REPEAT_GAP more. */
  after.repeat_seq = after.repeat_day != 0 ? budget.done_today + 1 + REPEAT_GAP : 0;

  stmt = prepare (self, "INSERT INTO review_log (card_id, time, day, grade, kind, reps_before, ef_before, "
                        "interval_before, due_before, first_day_before, repeat_day_before, "
                        "repeat_seq_before, reps_after, ef_after, interval_after, due_after, answer_ms) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card_id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (now));
  sqlite3_bind_int (stmt, 3, today);
  sqlite3_bind_int (stmt, 4, grade);
  sqlite3_bind_int (stmt, 5, kind);
  sqlite3_bind_int (stmt, 6, before.scheduled ? before.sm2.reps : -1);
  sqlite3_bind_double (stmt, 7, before.sm2.ef);
  sqlite3_bind_int (stmt, 8, before.sm2.interval);
  sqlite3_bind_int (stmt, 9, before.due_day);
  sqlite3_bind_int (stmt, 10, before.first_day);
  sqlite3_bind_int (stmt, 11, before.repeat_day);
  sqlite3_bind_int64 (stmt, 12, before.repeat_seq);
  sqlite3_bind_int (stmt, 13, after.sm2.reps);
  sqlite3_bind_double (stmt, 14, after.sm2.ef);
  sqlite3_bind_int (stmt, 15, after.sm2.interval);
  sqlite3_bind_int (stmt, 16, after.due_day);
  sqlite3_bind_int (stmt, 17, MAX (answer_ms, 0));
  if (!step_done (self, stmt, error))
    return FALSE;
  result->log_id = sqlite3_last_insert_rowid (self->db);
  result->card_id = card_id;

  return count_review (self, card_id, 1, error) && save_state (self, card_id, &after, error);
}

gboolean
flash_store_record_review (FlashStore         *self,
                           gint64              card_id,
                           int                 grade,
                           GDateTime          *now,
                           int                 answer_ms,
                           FlashReviewResult  *result,
                           GError            **error)
{
  FlashReviewResult local = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!flash_sm2_grade_valid (grade))
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "grade %d is out of range (0 to 5)", grade);
      return FALSE;
    }
  if (!begin (self, error))
    return FALSE;
  if (!record_review (self, card_id, grade, now, answer_ms, &local, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  if (result != NULL)
    *result = local;
  return TRUE;
}

static gboolean
undo_last (FlashStore  *self,
           gint64      *card_id,
           GError     **error)
{
  sqlite3_stmt *stmt;
  CardState state = { 0 };
  gint64 log_id = 0;
  int rc;

  stmt = prepare (self, "SELECT id, card_id, reps_before, ef_before, interval_before, due_before, "
                        "first_day_before, repeat_day_before, repeat_seq_before "
                        "FROM review_log ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      log_id = sqlite3_column_int64 (stmt, 0);
      *card_id = sqlite3_column_int64 (stmt, 1);
      /* reps_before is -1 for a card that had never been reviewed. */
      state.scheduled = sqlite3_column_int (stmt, 2) >= 0;
      state.sm2.reps = MAX (sqlite3_column_int (stmt, 2), 0);
      state.sm2.ef = sqlite3_column_double (stmt, 3);
      state.sm2.interval = sqlite3_column_int (stmt, 4);
      state.due_day = sqlite3_column_int (stmt, 5);
      state.first_day = sqlite3_column_int (stmt, 6);
      state.repeat_day = sqlite3_column_int (stmt, 7);
      state.repeat_seq = sqlite3_column_int64 (stmt, 8);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  if (log_id == 0)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOTHING_TO_UNDO, "there is nothing to undo");
      return FALSE;
    }

  if (!save_state (self, *card_id, &state, error) || !count_review (self, *card_id, -1, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM review_log WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, log_id);
  return step_done (self, stmt, error);
}

gboolean
flash_store_undo_last (FlashStore  *self,
                       gint64      *card_id,
                       GError     **error)
{
  gint64 local = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!undo_last (self, &local, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  if (card_id != NULL)
    *card_id = local;
  return TRUE;
}

/* Log and statistics --------------------------------------------------------------------------- */

GPtrArray *
flash_store_list_log (FlashStore  *self,
                      gint64       deck_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self, "SELECT l.id, l.card_id, l.time, l.grade, l.interval_before, l.interval_after, "
                        "l.ef_before, l.ef_after, l.answer_ms FROM review_log l "
                        "JOIN cards c ON c.id = l.card_id WHERE (?1 = 0 OR c.deck_id = ?1) "
                        "ORDER BY l.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FlashLogEntry *entry = g_new0 (FlashLogEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->card_id = sqlite3_column_int64 (stmt, 1);
      entry->time = sqlite3_column_int64 (stmt, 2);
      entry->grade = sqlite3_column_int (stmt, 3);
      entry->interval_before = sqlite3_column_int (stmt, 4);
      entry->interval_after = sqlite3_column_int (stmt, 5);
      entry->ef_before = sqlite3_column_double (stmt, 6);
      entry->ef_after = sqlite3_column_double (stmt, 7);
      entry->answer_ms = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static gboolean
count_query (FlashStore  *self,
             const char  *sql,
             gint64       a,
             gint64       b,
             guint       *out,
             GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  gint64 value = 0;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (!query_int64 (self, stmt, 0, &value, error))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

gboolean
flash_store_get_stats (FlashStore  *self,
                       GDateTime   *now,
                       FlashStats  *stats,
                       GError     **error)
{
  FlashDay today;
  guint all_cards = 0;
  guint scheduled = 0;
  guint scheduled_retired = 0;
  guint recent = 0;
  guint recalled = 0;
  gint64 day;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  today = flash_store_day_for (self, now);

  /* Whole-table counts come from the b-trees and the few retired cards are subtracted, so no
   * statement here reads the cards' text (docs/performance.md). */
  if (!count_query (self, "SELECT COUNT(*) FROM decks", 0, 0, &stats->decks, error)
      || !count_query (self, "SELECT COUNT(*) FROM cards", 0, 0, &all_cards, error)
      || !count_query (self, "SELECT COUNT(*) FROM cards WHERE retired = 1", 0, 0, &stats->retired, error)
      || !count_query (self, "SELECT COUNT(*) FROM schedule", 0, 0, &scheduled, error)
      || !count_query (self, "SELECT COUNT(*) FROM cards c JOIN schedule s ON s.card_id = c.id "
                             "WHERE c.retired = 1", 0, 0, &scheduled_retired, error)
      || !count_query (self, "SELECT COUNT(*) FROM review_log", 0, 0, &stats->reviews_total, error)
      || !count_query (self, "SELECT COUNT(*) FROM review_log WHERE day = ?1", today, 0,
                       &stats->reviews_today, error)
      || !count_query (self, "SELECT (SELECT COUNT(*) FROM schedule WHERE due_day <= ?1) "
                             "+ (SELECT COUNT(*) FROM schedule WHERE repeat_day = ?1 AND repeat_day > 0 "
                             "   AND due_day > ?1) "
                             "- (SELECT COUNT(*) FROM cards c JOIN schedule s ON s.card_id = c.id "
                             "   WHERE c.retired = 1 AND (s.due_day <= ?1 OR s.repeat_day = ?1))",
                       today, 0, &stats->due_today, error)
      || !count_query (self, "SELECT COUNT(*) FROM schedule s JOIN cards c ON c.id = s.card_id "
                             "WHERE s.due_day = ?1 AND c.retired = 0", today + 1, 0,
                       &stats->due_tomorrow, error)
      || !count_query (self, "SELECT COUNT(*) FROM review_log WHERE day > ?1 AND kind = ?2", today - 30,
                       REVIEW_REVIEW, &recent, error)
      || !count_query (self, "SELECT COUNT(*) FROM review_log WHERE day > ?1 AND kind = ?2 AND grade >= 3",
                       today - 30, REVIEW_REVIEW, &recalled, error))
    return FALSE;
  stats->cards = all_cards - stats->retired;
  stats->new_cards = stats->cards - (scheduled - scheduled_retired);
  stats->retention_30d = recent > 0 ? (double) recalled / recent : -1.0;

  /* The streak counts back from today, or from yesterday while today has no review yet; each
   * step is one index seek, however long the history. */
  {
    sqlite3_stmt *stmt = prepare (self, "SELECT MAX(day) FROM review_log WHERE day <= ?1", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int (stmt, 1, today);
    if (!query_int64 (self, stmt, 0, &day, error))
      return FALSE;
    if (day == today || (day == today - 1 && day > 0))
      {
        FlashDay expected = (FlashDay) day;

        while (day == expected)
          {
            stats->streak++;
            expected--;
            sqlite3_bind_int (stmt, 1, expected);
            if (!query_int64 (self, stmt, 0, &day, error))
              return FALSE;
          }
      }
  }
  return TRUE;
}

/* Export ---------------------------------------------------------------------------------------- */

static gboolean
context_starts_with (GPtrArray  *cards,
                     const char *name)
{
  FlashCard *first;

  if (cards->len == 0)
    return FALSE;
  first = g_ptr_array_index (cards, 0);
  return g_str_has_prefix (first->context, name)
         && (first->context[strlen (name)] == '\0'
             || g_str_has_prefix (first->context + strlen (name), " › "));
}

/* Writes the cards back as headings under their breadcrumb, which imports to the same keys:
 * a card's context is its chain of headings and its question its own heading. */
char *
flash_store_export_markdown (FlashStore  *self,
                             gint64       deck_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  GString *out;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  decks = g_ptr_array_new_with_free_func (g_free);
  stmt = prepare (self, "SELECT id, name, description, tags FROM decks WHERE (?1 = 0 OR id = ?1) ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  out = g_string_new (NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_ptr_array_add (decks, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (decks, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (decks, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      g_ptr_array_add (decks, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_string_free (out, TRUE);
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  /* One Markdown file is one deck: several decks would import back as one. */
  if (decks->len > 4)
    {
      g_string_free (out, TRUE);
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "the collection has %u decks; export them one at a time", decks->len / 4);
      return NULL;
    }

  for (guint d = 0; d < decks->len; d += 4)
    {
      gint64 id = *(gint64 *) g_ptr_array_index (decks, d);
      const char *name = g_ptr_array_index (decks, d + 1);
      const char *description = g_ptr_array_index (decks, d + 2);
      const char *tags = g_ptr_array_index (decks, d + 3);
      g_auto(GStrv) open = g_new0 (char *, 1);

      cards = flash_store_list_cards (self, id, error);
      if (cards == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      if (out->len > 0)
        g_string_append (out, "\n");
      g_string_append_printf (out, "---\ntitle: \"%s\"\n", name);
      if (tags != NULL && *tags != '\0')
        {
          g_auto(GStrv) list = g_strsplit (tags, " ", -1);
          g_autofree char *joined = g_strjoinv (", ", list);

          g_string_append_printf (out, "tags: [%s]\n", joined);
        }
      g_string_append (out, "---\n");
      /* Without a title heading to hang it on, the description goes first. */
      if (description != NULL && *description != '\0' && !context_starts_with (cards, name))
        g_string_append_printf (out, "\n%s\n", description);

      for (guint i = 0; i < cards->len; i++)
        {
          FlashCard *card = g_ptr_array_index (cards, i);
          g_auto(GStrv) crumbs = g_strsplit (card->context, " › ", -1);
          guint depth = g_strv_length (crumbs);
          guint same = 0;

          while (same < depth && open[same] != NULL && g_str_equal (open[same], crumbs[same]))
            same++;
          for (guint level = same; level < depth; level++)
            {
              g_string_append_printf (out, "\n%.*s %s\n", (int) MIN (level + 1, 6), "######",
                                      crumbs[level]);
              /* The deck's own text belongs under its title heading, as it was imported. */
              if (level == 0 && i == 0 && description != NULL && *description != '\0'
                  && g_str_equal (crumbs[0], name))
                g_string_append_printf (out, "\n%s\n", description);
            }
          g_strfreev (open);
          open = g_strdupv (crumbs);
          g_string_append_printf (out, "\n%.*s %s\n\n%s\n", (int) MIN (depth + 1, 6), "######",
                                  card->question, card->answer);
        }
      g_clear_pointer (&cards, g_ptr_array_unref);
    }
  return g_string_free (out, FALSE);
}

static void
append_tsv_field (GString    *out,
                  const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\\')
        g_string_append (out, "\\\\");
      else
        g_string_append_c (out, *p);
    }
}

char *
flash_store_export_tsv (FlashStore  *self,
                        gint64       deck_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) cards = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  cards = flash_store_list_cards (self, deck_id, error);
  if (cards == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < cards->len; i++)
    {
      FlashCard *card = g_ptr_array_index (cards, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", card->id);
      append_tsv_field (out, card->deck_name);
      g_string_append_c (out, '\t');
      append_tsv_field (out, card->context);
      g_string_append_c (out, '\t');
      append_tsv_field (out, card->question);
      g_string_append_c (out, '\t');
      append_tsv_field (out, card->answer);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Private (flash-store-private.h) ------------------------------------------------------------ */

sqlite3 *
flash_store_get_db (FlashStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->db;
}
