/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store.c: the collection's common ground: errors, statements, transactions, limits. */
#include "flash-store.h"
#include "flash-store-private.h"

#include <glib/gstdio.h>

#include "flash-db.h"

G_DEFINE_QUARK (flash-store-error-quark, flash_store_error)



/* Errors ------------------------------------------------------------------------------------ */


gboolean
flash_store_set_error (FlashStore  *self,
                       int          rc,
                       GError     **error)
{
  flash_db_set_error (error, rc, self->db, self->path);
  return FALSE;
}

/* Statements -------------------------------------------------------------------------------- */

sqlite3_stmt *
flash_store_prepare (FlashStore  *self,
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
      flash_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
flash_store_exec (FlashStore  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return flash_store_set_error (self, rc, error);
  return TRUE;
}

/* Runs a statement that returns no rows and resets it. */
gboolean
flash_store_step_done (FlashStore   *self,
                       sqlite3_stmt *stmt,
                       GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return flash_store_set_error (self, rc, error);
  return TRUE;
}

/* Runs a one-integer query; returns @fallback when it yields no row. */
gboolean
flash_store_query_int64 (FlashStore   *self,
                         sqlite3_stmt *stmt,
                         gint64        fallback,
                         gint64       *value,
                         GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? fallback
                                                          : sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *value = fallback;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
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

gboolean
flash_store_read_begin (FlashStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    return FALSE;
  /* A deferred BEGIN takes no lock until the first statement reads; failing to begin only costs
   * the saving, as every statement then runs on its own. */
  return sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void
flash_store_read_end (FlashStore *self,
                      gboolean    began)
{
  if (began && sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
flash_store_begin (FlashStore  *self,
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
  return flash_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
flash_store_commit (FlashStore  *self,
                    GError     **error)
{
  if (!flash_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
flash_store_rollback (FlashStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* The store's life ---------------------------------------------------------------------------- */

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

void
flash_store_load_limits (FlashStore *self)
{
  sqlite3_stmt *stmt;

  self->limits.new_per_day = 20;
  self->limits.reviews_per_day = 200;
  self->limits.day_start_hour = 4;
  self->leech_lapses = 8;

  stmt = flash_store_prepare (self, "SELECT key, value FROM config", NULL);
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
      else if (g_strcmp0 (key, "leech_lapses") == 0 && value >= 1)
        self->leech_lapses = value;
    }
  sqlite3_reset (stmt);
}

FlashStore *
flash_store_new (const char *path)
{
  FlashStore *self = g_new0 (FlashStore, 1);

  self->path = g_strdup (path);
  self->lock = -1;
  /* Keyed by the address of the SQL text: every caller passes a string literal, and hashing the
   * text of a long statement on every call costs more than running a short one. */
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
  return self;
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

  stmt = flash_store_prepare (self, "SELECT COUNT(*) FROM decks", NULL);
  if (stmt == NULL || !flash_store_query_int64 (self, stmt, 0, &count, NULL))
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
  static const char sql[] = "INSERT INTO config (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO "
                            "UPDATE SET value = excluded.value";
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

  if (!flash_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      sqlite3_stmt *stmt = flash_store_prepare (self, sql, error);

      if (stmt == NULL)
        {
          flash_store_rollback (self);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 1, rows[i].key, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, rows[i].value);
      if (!flash_store_step_done (self, stmt, error))
        {
          flash_store_rollback (self);
          return FALSE;
        }
    }
  if (!flash_store_commit (self, error))
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


sqlite3 *
flash_store_get_db (FlashStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->db;
}
