/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-store.c: the store tests' fixture and steps. */
#include "flash-test-store.h"
#include "flash-test-util.h"

#include "flash-day.h"

void
flash_test_store_set_up (FlashTestStore *fx,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("flash-store-XXXXXX", &error);
  g_assert_no_error (error);
  fx->db_path = g_build_filename (fx->dir, "sub", "collection.db", NULL);
  fx->store = flash_store_open (fx->db_path, &error);
  g_assert_no_error (error);
  fx->now = flash_clock_parse ("2026-11-21T10:00:00Z", &error);
  g_assert_no_error (error);
}

void
flash_test_store_tear_down (FlashTestStore *fx,
                            gconstpointer   data)
{
  g_clear_pointer (&fx->store, flash_store_close);
  g_clear_pointer (&fx->now, g_date_time_unref);
  flash_test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->db_path);
}

char *
flash_test_store_write (FlashTestStore *fx,
                        const char     *name,
                        const char     *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

void
flash_test_store_import (FlashTestStore    *fx,
                         const char        *path,
                         FlashImportResult *result)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = flash_store_import_file (fx->store, path, result, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

gint64
flash_test_store_card_id (FlashTestStore *fx,
                          const char     *question)
{
  g_autoptr(GPtrArray) cards = flash_store_list_cards (fx->store, 0, NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      FlashCard *card = g_ptr_array_index (cards, i);

      if (g_str_equal (card->question, question))
        return card->id;
    }
  return 0;
}

void
flash_test_store_grade (FlashTestStore *fx,
                        gint64          card_id,
                        int             grade)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = flash_store_record_review (fx->store, card_id, grade, fx->now, 1000, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}
