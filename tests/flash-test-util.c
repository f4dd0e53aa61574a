/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-util.c: what the core tests share: files, running the CLI, raw SQLite checks. */
#include "flash-test-util.h"

#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include <glib/gstdio.h>

FlashSheet *
flash_test_parse_ok (const char *markdown,
                     const char *source)
{
  g_autoptr(GError) error = NULL;
  FlashSheet *sheet = flash_sheet_parse (markdown, -1, source, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

FlashSheetCard *
flash_test_sheet_card (FlashSheet *sheet,
                       guint       index)
{
  g_assert_cmpuint (index, <, sheet->cards->len);
  return g_ptr_array_index (sheet->cards, index);
}

void
flash_test_assert_cards (FlashSheet         *sheet,
                         const char * const *expected)
{
  guint n = 0;

  while (expected[2 * n] != NULL)
    n++;
  for (guint i = 0; i < MIN (n, sheet->cards->len); i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);

      g_assert_cmpstr (card->question, ==, expected[2 * i]);
      g_assert_cmpstr (card->answer, ==, expected[2 * i + 1]);
    }
  g_assert_cmpuint (sheet->cards->len, ==, n);
}

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

/* Running the CLI --------------------------------------------------------------------------- */

void
flash_test_run_clear (FlashTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

GStrv
flash_test_cli_environ (const char         *now,
                        const char * const *env)
{
  GStrv envp = g_get_environ ();

  envp = g_environ_setenv (envp, "TZ", "UTC", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  if (now != NULL)
    envp = g_environ_setenv (envp, "FLASHSHEET_NOW", now, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *eq = strchr (env[i], '=');

      if (eq == NULL)
        envp = g_environ_unsetenv (envp, env[i]);
      else
        {
          g_autofree char *name = g_strndup (env[i], eq - env[i]);

          envp = g_environ_setenv (envp, name, eq + 1, TRUE);
        }
    }
  return envp;
}

static GPtrArray *
cli_argv (const char         *db,
          const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new ();
  const char *cli = g_getenv ("FLASHSHEET_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, (gpointer) db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return argv;
}

void
flash_test_cli_run (FlashTestRun         *run,
                    const char           *db,
                    const char           *now,
                    const char * const   *env,
                    GSpawnChildSetupFunc  setup,
                    gpointer              setup_data,
                    const char * const   *args)
{
  g_autoptr(GPtrArray) argv = cli_argv (db, args);
  g_auto(GStrv) envp = flash_test_cli_environ (now, env);
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, setup, setup_data,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  /* A crash or an abort on a critical warning is never an acceptable way to fail. */
  if (!WIFEXITED (wait_status))
    g_printerr ("CLI stderr: %s\n", run->err);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

GPid
flash_test_cli_spawn (const char         *db,
                      const char         *now,
                      const char * const *args)
{
  g_autoptr(GPtrArray) argv = cli_argv (db, args);
  g_auto(GStrv) envp = flash_test_cli_environ (now, NULL);
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async (NULL, (char **) argv->pdata, envp,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

int
flash_test_wait (GPid pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  return status;
}

/* Direct SQLite access, to check a collection without the code under test ------------------ */

sqlite3 *
flash_test_raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==,
                   SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  return db;
}

void
flash_test_assert_integrity (const char *path)
{
  sqlite3 *db = flash_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

gint64
flash_test_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}
