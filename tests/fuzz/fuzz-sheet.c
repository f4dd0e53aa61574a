/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-sheet.c: libFuzzer target for the cheatsheet parser: any bytes give cards or a clean error. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "flash-sheet.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_text (const char *text,
            gboolean    one_line)
{
  /* Everything a card holds is stored and shown later, so it must be valid UTF-8 without NULs. */
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    abort ();
  if (one_line && strchr (text, '\n') != NULL)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashSheet) sheet = NULL;
  g_autoptr(GHashTable) keys = NULL;
  static int strict = -1;

  if (strict < 0)
    strict = g_strcmp0 (g_getenv ("FUZZ_SHEET_STRICT"), "1") == 0;

  sheet = flash_sheet_parse ((const char *) data, (gssize) size, "fuzz.md", &error);
  if (sheet == NULL)
    {
      /* A refusal always says why, in the parser's own domain. */
      if (error == NULL || error->domain != FLASH_SHEET_ERROR || error->message[0] == '\0')
        abort ();
      return 0;
    }
  if (error != NULL || sheet->cards == NULL || sheet->cards->len == 0)
    abort ();

  check_text (sheet->name, FALSE);
  keys = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      g_autofree char *normalised = NULL;

      check_text (card->key, FALSE);
      check_text (card->context, FALSE);
      /* A known finding (tests/test-sheet-hostile.c, question-one-line) is left out while it is
       * open, so that fuzzing can go on to find others: FUZZ_SHEET_STRICT=1 checks it too. */
      check_text (card->question, strict);
      check_text (card->answer, FALSE);
      for (guint t = 0; card->tags != NULL && card->tags[t] != NULL; t++)
        check_text (card->tags[t], TRUE);
      /* Keys identify cards across imports: two cards of one sheet never share one. */
      if (!g_hash_table_add (keys, card->key))
        abort ();
      normalised = flash_sheet_normalise_question (card->question);
      check_text (normalised, TRUE);
    }
  return 0;
}
