/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-cli-anki.c: `import FILE.apkg`, an Anki package's decks in one transaction. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "flash-anki.h"
#include "flash-cli-private.h"

gboolean
flash_cli_import_anki (FlashCli    *cli,
                       FlashStore  *store,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(FlashAnkiPackage) package = NULL;
  g_autoptr(GArray) results = NULL;
  GDateTime *now;

  if (flash_cli_get_now (cli, &now) != FLASH_CLI_EXIT_OK)
    {
      g_set_error_literal (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_INVALID, "no clock");
      return FALSE;
    }
  package = flash_anki_read (path, now, error);
  if (package == NULL || !flash_store_import_anki (store, package, now, &results, error))
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    {
      const FlashImportResult *result = &g_array_index (results, FlashImportResult, i);

      printf (_("%s: %u cards (%u added, %u updated, %u unchanged, %u retired)"),
              result->deck_name, result->total, result->added, result->updated,
              result->unchanged, result->retired);
      printf ("\n");
    }
  fflush (stdout);
  /* What did not come over is said, on the error stream: the import itself succeeded. */
  if (package->media > 0)
    g_printerr (ngettext ("%s: %u media file was not imported (Flashsheet shows no media)\n",
                          "%s: %u media files were not imported (Flashsheet shows no media)\n",
                          package->media), path, package->media);
  if (package->skipped > 0)
    g_printerr (ngettext ("%s: %u card of a note type Flashsheet cannot show was left out\n",
                          "%s: %u cards of note types Flashsheet cannot show were left out\n",
                          package->skipped), path, package->skipped);
  return TRUE;
}
