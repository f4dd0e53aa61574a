/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-collection.h: the collection windows show: its store, health, restore, read-only copy. */
#pragma once

#include <glib-object.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_COLLECTION (flash_collection_get_type ())

G_DECLARE_FINAL_TYPE (FlashCollection, flash_collection, FLASH, COLLECTION, GObject)

FlashCollection *flash_collection_new                  (const char       *path);
FlashCollection *flash_collection_new_for_store        (FlashStore       *store);
void             flash_collection_open                 (FlashCollection  *self);
void             flash_collection_close                (FlashCollection  *self);
FlashStore      *flash_collection_get_store            (FlashCollection  *self);
const GError    *flash_collection_get_error            (FlashCollection  *self);
gboolean         flash_collection_restore_newest       (FlashCollection  *self,
                                                        GError          **error);
void             flash_collection_open_read_only_copy  (FlashCollection  *self);

G_END_DECLS
