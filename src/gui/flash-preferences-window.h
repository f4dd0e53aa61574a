/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-preferences-window.h: the preferences window: the settings, and the scheduler the
 * collection keeps. */
#pragma once

#include <adwaita.h>

#include "flash-collection.h"
#include "flash-settings.h"

G_BEGIN_DECLS

#define FLASH_TYPE_PREFERENCES_WINDOW (flash_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FlashPreferencesWindow, flash_preferences_window,
                      FLASH, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @collection: its scheduling rows, or NULL for none. */
GtkWidget *flash_preferences_window_new (FlashSettings   *settings,
                                         FlashCollection *collection);

G_END_DECLS
