/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-preferences-window.h: the preferences window; every row is bound to a setting. */
#pragma once

#include <adwaita.h>

#include "flash-settings.h"

G_BEGIN_DECLS

#define FLASH_TYPE_PREFERENCES_WINDOW (flash_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FlashPreferencesWindow, flash_preferences_window,
                      FLASH, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *flash_preferences_window_new (FlashSettings *settings);

G_END_DECLS
