/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-application.h: the single-instance application; owns the collection and the settings. */
#pragma once

#include <adwaita.h>

#include "flash-collection.h"
#include "flash-settings.h"

G_BEGIN_DECLS

#define FLASH_TYPE_APPLICATION (flash_application_get_type ())

G_DECLARE_FINAL_TYPE (FlashApplication, flash_application, FLASH, APPLICATION, AdwApplication)

FlashApplication *flash_application_new              (void);
FlashCollection  *flash_application_get_collection   (FlashApplication *self);
FlashSettings    *flash_application_get_settings     (FlashApplication *self);

GStrv             flash_application_list_bundled_decks (void);

G_END_DECLS
