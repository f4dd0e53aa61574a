/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window.h: the main window: today's overview, the decks, importing and studying. */
#pragma once

#include <adwaita.h>

#include "flash-application.h"
#include "flash-collection.h"

G_BEGIN_DECLS

#define FLASH_TYPE_WINDOW (flash_window_get_type ())

G_DECLARE_FINAL_TYPE (FlashWindow, flash_window, FLASH, WINDOW, AdwApplicationWindow)

FlashWindow *flash_window_new             (FlashApplication  *application,
                                           FlashCollection   *collection);
void         flash_window_refresh         (FlashWindow       *self);
/* Imports in a worker; the window shows the result when it is done. */
void         flash_window_import_files    (FlashWindow       *self,
                                           GFile            **files,
                                           guint              n_files);
gboolean     flash_window_is_importing    (FlashWindow       *self);
/* Writes every deck as an Anki package at @path, in a worker; a toast says when it is done. */
void         flash_window_export_to       (FlashWindow       *self,
                                           const char        *path);
void         flash_window_import_pasted   (FlashWindow       *self,
                                           const char        *data,
                                           gsize              length,
                                           gboolean           html);
void         flash_window_show_open_error (FlashWindow       *self,
                                           const GError      *error);

G_END_DECLS
