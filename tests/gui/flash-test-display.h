/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-display.h: widget tests skip, in TAP's words, where there is no display to open. */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

/* A build without a display (flatpak-builder's run-tests, a plain `meson test` outside
 * xvfb-run) reports these tests as skipped rather than crashing in gtk_init(). */
static inline void
flash_test_require_display (void)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display (run the suite under xvfb-run)\n");
      exit (0);
    }
}
