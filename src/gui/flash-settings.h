/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-settings.h: the one object that reads and writes Flashsheet's GSettings. */
#pragma once

#include <gtk/gtk.h>

#include "flash-store.h"

G_BEGIN_DECLS

typedef enum
{
  FLASH_COLOR_SCHEME_DEFAULT,
  FLASH_COLOR_SCHEME_LIGHT,
  FLASH_COLOR_SCHEME_DARK,
} FlashColorScheme;

#define FLASH_TYPE_SETTINGS (flash_settings_get_type ())

G_DECLARE_FINAL_TYPE (FlashSettings, flash_settings, FLASH, SETTINGS, GObject)

FlashSettings   *flash_settings_new              (void);
void             flash_settings_get_limits       (FlashSettings       *self,
                                                  FlashLimits         *limits);
gboolean         flash_settings_get_full_scale   (FlashSettings       *self);
double           flash_settings_get_text_scale   (FlashSettings       *self);
FlashColorScheme flash_settings_get_color_scheme (FlashSettings       *self);
void             flash_settings_bind             (FlashSettings       *self,
                                                  const char          *key,
                                                  gpointer             object,
                                                  const char          *property,
                                                  GSettingsBindFlags   flags);
void             flash_settings_bind_choice      (FlashSettings       *self,
                                                  const char          *key,
                                                  gpointer             object,
                                                  const char          *property,
                                                  const char * const  *choices);
void             flash_settings_bind_window      (FlashSettings       *self,
                                                  GtkWindow           *window);
/* Binds the card text size to an unsigned "selected"-style property whose items are the sizes
 * Smaller (80 %), Small, Normal, Large, Larger and Largest (200 %). */
void             flash_settings_bind_text_size   (FlashSettings       *self,
                                                  gpointer             object,
                                                  const char          *property);
/* One size larger (@step > 0) or smaller (< 0), or the normal size (0); returns the new scale. */
double           flash_settings_zoom             (FlashSettings       *self,
                                                  int                  step);

G_END_DECLS
