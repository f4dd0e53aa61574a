/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-html.c: libFuzzer target for saved web pages: any bytes give Markdown that the card parser
 * takes, or a clean error. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "flash-html.h"
#include "flash-sheet.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashSheet) sheet = NULL;
  g_autofree char *markdown = NULL;

  markdown = flash_html_to_markdown ((const char *) data, size, "fuzz.html", &error);
  if (markdown == NULL)
    {
      /* A refusal always says why, in the parser's own domain. */
      if (error == NULL || error->domain != FLASH_SHEET_ERROR || error->message[0] == '\0')
        abort ();
      return 0;
    }
  /* What the page becomes is Markdown text: valid UTF-8 without NULs. */
  if (error != NULL || !g_utf8_validate (markdown, -1, NULL))
    abort ();

  sheet = flash_sheet_parse (markdown, -1, "fuzz.html", &error);
  if (sheet == NULL)
    {
      if (error == NULL || error->domain != FLASH_SHEET_ERROR)
        abort ();
      return 0;
    }
  for (guint i = 0; i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);

      if (!g_utf8_validate (card->question, -1, NULL) || !g_utf8_validate (card->answer, -1, NULL)
          || card->question[0] == '\0')
        abort ();
    }
  return 0;
}
