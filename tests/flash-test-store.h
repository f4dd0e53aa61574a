/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-store.h: a g_test fixture with a store open on a new collection in a folder of its
 * own, and the few steps the store tests take on it. */
#pragma once

#include "flash-store.h"

G_BEGIN_DECLS

typedef struct
{
  char       *dir;
  char       *db_path;
  FlashStore *store;
  GDateTime  *now;     /* 2026-11-21T10:00:00Z */
} FlashTestStore;

void    flash_test_store_set_up    (FlashTestStore    *fx,
                                    gconstpointer      data);
void    flash_test_store_tear_down (FlashTestStore    *fx,
                                    gconstpointer      data);
/* Writes @contents to @name in the fixture's folder and returns its path. */
char   *flash_test_store_write     (FlashTestStore    *fx,
                                    const char        *name,
                                    const char        *contents);
void    flash_test_store_import    (FlashTestStore    *fx,
                                    const char        *path,
                                    FlashImportResult *result);
/* The id of the active card asking @question, or 0. */
gint64  flash_test_store_card_id   (FlashTestStore    *fx,
                                    const char        *question);
void    flash_test_store_grade     (FlashTestStore    *fx,
                                    gint64             card_id,
                                    int                grade);

G_END_DECLS
