/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: sets up translations and runs Flashsheet's application. */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "flash-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FlashApplication) app = NULL;
  const char *localedir = g_getenv ("FLASHSHEET_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* FLASHSHEET_LOCALEDIR lets an uninstalled build (the tests) use the catalogues it built. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Flashsheet"));

  app = flash_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
