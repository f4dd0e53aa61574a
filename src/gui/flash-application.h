/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-application.h: the single-instance application; owns the collection and the settings. */
#pragma once

#include <adwaita.h>

#include "flash-settings.h"
#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_APPLICATION (flash_application_get_type ())

G_DECLARE_FINAL_TYPE (FlashApplication, flash_application, FLASH, APPLICATION, AdwApplication)

FlashApplication *flash_application_new              (void);
FlashStore       *flash_application_get_store        (FlashApplication *self);
FlashSettings    *flash_application_get_settings     (FlashApplication *self);

GStrv             flash_application_list_bundled_decks (void);

gboolean          flash_application_restore_newest_backup (FlashApplication  *self,
                                                           GError           **error);
void              flash_application_open_read_only_copy (FlashApplication *self);

G_END_DECLS
