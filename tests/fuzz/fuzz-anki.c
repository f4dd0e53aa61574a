/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-anki.c: libFuzzer target for Anki packages: any bytes give sheets of valid cards, or a
 * clean error. */
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

#include "flash-anki.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 21, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashAnkiPackage) package = flash_anki_read_bytes (bytes, "fuzz.apkg", now, &error);

  if (package == NULL)
    {
      /* A refusal always says why. */
      if (error == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }
  if (error != NULL || package->sheets->len == 0)
    abort ();
  for (guint s = 0; s < package->sheets->len; s++)
    {
      FlashSheet *sheet = g_ptr_array_index (package->sheets, s);

      if (!g_utf8_validate (sheet->name, -1, NULL))
        abort ();
      for (guint i = 0; i < sheet->cards->len; i++)
        {
          FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);

          if (!g_utf8_validate (card->question, -1, NULL)
              || !g_utf8_validate (card->answer, -1, NULL) || card->key == NULL)
            abort ();
        }
    }
  for (guint i = 0; i < package->cards->len; i++)
    {
      FlashAnkiCard *card = g_ptr_array_index (package->cards, i);

      if (card->sheet >= package->sheets->len || card->interval < 1 || card->ef < 1.3)
        abort ();
    }
  return 0;
}
