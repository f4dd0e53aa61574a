/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-window.h: what the window's tests share (tests/gui/flash-test-window.c): a window on
 * a temporary collection. */
#pragma once

#include <adwaita.h>

#include "flash-collection.h"
#include "flash-window.h"

typedef struct
{
  char            *dir;
  FlashCollection *collection; /* owns the store */
  FlashStore      *store;
  FlashWindow     *window;
} Fixture;

/* "Test Deck": one section, "Basics", of three cards. */
extern const char flash_test_window_deck[];

void    fixture_set_up    (Fixture       *fixture,
                           gconstpointer  data);
void    fixture_tear_down (Fixture       *fixture,
                           gconstpointer  data);
/* Runs the main loop until nothing is pending. */
void    process_events    (void);
/* Writes @contents to @name in the fixture's folder; returns its path. */
char   *write_file        (Fixture       *fixture,
                           const char    *name,
                           const char    *contents,
                           gssize         length);
/* Imports a file as the window does, and waits until the import is done. */
void    import_path       (Fixture       *fixture,
                           const char    *path);
void    import_test_deck  (Fixture       *fixture);
/* The id of the collection's only deck. */
gint64  only_deck_id      (Fixture       *fixture);
