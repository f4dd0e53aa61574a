/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-util.h: what the core tests share: files, running the CLI, raw SQLite checks. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "flash-sheet.h"

G_BEGIN_DECLS

/* Parses @markdown as the sheet at @source, asserting that it gives cards. */
FlashSheet     *flash_test_parse_ok   (const char *markdown,
                                       const char *source);
/* The sheet's card at @index, asserting that there is one. */
FlashSheetCard *flash_test_sheet_card (FlashSheet *sheet,
                                       guint       index);

/* Asserts the sheet's cards' questions and answers, in order: @expected is question, answer, …
 * NULL. */
void            flash_test_assert_cards (FlashSheet         *sheet,
                                         const char * const *expected);

/* Deletes @path and everything below it, read-only files included. */
void    flash_test_remove_tree (const char *path);
/* The whole file, asserting that it can be read. */
GBytes *flash_test_read_bytes  (const char *path);
/* The CPU time this thread has used, in microseconds: unlike the wall clock, it leaves out the
 * time other processes of a busy machine take. For the linearity checks, which compare times. */
gint64  flash_test_cpu_time    (void);

typedef struct
{
  char *out;
  char *err;
  int   status; /* the exit status */
} FlashTestRun;

void     flash_test_run_clear        (FlashTestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FlashTestRun, flash_test_run_clear)

#define FLASH_TEST_ARGS(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* The environment the CLI runs in: TZ=UTC, LC_ALL=C.UTF-8, FLASHSHEET_NOW=@now (unless NULL),
 * then @env's NAME=VALUE overrides, or NAME alone to unset. */
GStrv    flash_test_cli_environ      (const char           *now,
                                      const char * const   *env);
/* Runs $FLASHSHEET_CLI [--db @db] @args in flash_test_cli_environ (@now, @env). Asserts that the
 * CLI exited rather than crashed. */
void     flash_test_cli_run          (FlashTestRun         *run,
                                      const char           *db,
                                      const char           *now,
                                      const char * const   *env,
                                      GSpawnChildSetupFunc  setup,
                                      gpointer              setup_data,
                                      const char * const   *args);
/* The same in the background, output discarded; reap it with flash_test_wait(). */
GPid     flash_test_cli_spawn        (const char           *db,
                                      const char           *now,
                                      const char * const   *args);
/* waitpid() through EINTR; the raw wait status. */
int      flash_test_wait             (GPid                  pid);

/* A connection of the test's own, with a 10 s busy timeout. */
sqlite3 *flash_test_raw_open         (const char           *path);
void     flash_test_assert_integrity (const char           *path);

G_END_DECLS
