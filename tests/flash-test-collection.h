/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-collection.h: what the reliability and backup tests share: a collection in a
 * folder of its own, big cheatsheets, reading it behind the code's back, and damaging it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The moment every CLI run of these tests happens at. */
#define FLASH_TEST_NOW "2026-11-21T10:00:00Z"

/* A g_test fixture: a new folder and the collection path inside it. */
typedef struct
{
  char *dir;
  char *db;
} FlashTestCollection;

void    flash_test_collection_set_up    (FlashTestCollection *f,
                                         gconstpointer        data);
void    flash_test_collection_tear_down (FlashTestCollection *f,
                                         gconstpointer        data);

/* A cheatsheet @name in @f's folder of @sections × 100 heading cards whose answers all mention
 * @variant, so a test can tell from the answers which import a collection holds. */
char   *flash_test_write_sheet          (FlashTestCollection *f,
                                         const char          *name,
                                         guint                sections,
                                         const char          *variant);

/* Direct SQLite access, to check the collection without going through the code under test: the
 * first column of @sql's first row (0 while the file has no tables yet), or running it. */
gint64  flash_test_raw_int              (const char          *path,
                                         const char          *sql);
void    flash_test_raw_exec             (const char          *path,
                                         const char          *sql);
/* Every row of every table as text: two collections with the same dump hold the same data. */
char   *flash_test_dump                 (const char          *path);

/* Runs the CLI at FLASH_TEST_NOW and asserts that it succeeds. */
void    flash_test_cli_ok               (const char          *db,
                                         const char * const  *args);

/* Overwrites eight pages in the middle of @path with a pattern, as a failing disk might. */
void    flash_test_damage               (const char          *path);

G_END_DECLS
